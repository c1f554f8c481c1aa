// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "capturewriter.h"
#include "clifilter.h"
#include "clioptions.h"
#include "componentconnection.h"
#include "pinger.h"
#include "requesttracker.h"
#include "responder.h"
#include "ruleengine.h"
#include "sendinput.h"
#include "trafficprinter.h"

#include <QFile>
#include <QObject>
#include <QSocketNotifier>

#include <memory>

namespace xcm::cli {

// One run of xcm-cli: connects, prints traffic, sends what it was given, pings, and ends with the exit
// code that says how it went.
class CliSession : public QObject
{
    Q_OBJECT
public:
    // Standard input is not read further while this many stanzas wait to go out (in xcm-cli or in the
    // connection), so that a long outage with --reconnect --send - does not fill memory.
    static constexpr int maxWaitingStanzas = 1000;
    // … nor while this much is written but not yet taken by the server.
    static constexpr qint64 maxUnsentBytes = 1024 * 1024;

    explicit CliSession(CliOptions options, QObject *parent = nullptr);
    ~CliSession() override;

    // Reads --send input up front (a file) so that a bad file fails before connecting.
    bool prepare();
    void start();
    // Ctrl+C / SIGTERM / a closed standard output: close the stream politely, then finish.
    void interrupt();

Q_SIGNALS:
    void finished(int exitCode);

private:
    struct QueuedStanza
    {
        QByteArray wire;
        QString location; // where it is in the input, for errors
    };

    void onStateChanged(ConnectionState state, const DisconnectReason &reason);
    void onConnected();
    void onStanzaReceived(const Stanza &stanza);
    void onStanzaSent(const Stanza &stanza);
    void onPingFinished(const Pinger::Result &result);
    // Prints a stanza; an answer's line ends with its request's round trip: [result in 1.23 ms].
    void printStanza(const Stanza &stanza, quint64 sequence);
    void status(const QString &line) { m_printer.status(line); }
    void error(const QString &line) { m_printer.error(line); }
    void sendQueued();
    void startPing();
    void readStandardInput();
    void updateInputFlow();
    void workDone();
    void finish(int exitCode);
    static int exitCodeFor(const DisconnectReason &reason);

    CliOptions m_options;
    ComponentConnection m_connection;
    Pinger *m_pinger = nullptr; // the connection's
    TrafficPrinter m_printer;
    CliFilter m_filter;
    std::unique_ptr<CaptureWriter> m_capture; // --record
    Responder m_responder;
    RequestTracker m_tracker;
    RuleEngine m_rules;
    QString m_sendingRule;        // a rule's reply is being sent: its line says "rule NAME"
    quint64 m_sequence = 0;       // numbers the stanzas for the tracker
    bool m_sendingAnswer = false; // the responder's answer is being sent: its line says "auto"
    std::unique_ptr<SendInput> m_input;
    QList<QueuedStanza> m_queued;
    std::unique_ptr<QFile> m_stdin;
    std::unique_ptr<QSocketNotifier> m_stdinNotifier;
    bool m_inputDone = false;
    bool m_inputFailed = false;
    int m_exitCode = Success;        // a failure of the work asked for (input, ping), final
    int m_lastFailureCode = Success; // why the connection is down, while it is
    bool m_closing = false;
    bool m_finished = false;
};

} // namespace xcm::cli
