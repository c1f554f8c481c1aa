// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "clioptions.h"
#include "componentconnection.h"
#include "streamparser.h"

#include <QElapsedTimer>
#include <QFile>
#include <QObject>
#include <QSocketNotifier>
#include <QTextStream>

#include <memory>

namespace xcm::cli {

// One run of xcm-cli: connects, prints traffic, sends what it was given, pings, and ends with the exit
// code that says how it went.
class CliSession : public QObject
{
    Q_OBJECT
public:
    explicit CliSession(CliOptions options, QObject *parent = nullptr);
    ~CliSession() override;

    // Reads --send input up front (a file) so that a bad file fails before connecting.
    bool prepare();
    void start();
    // Ctrl+C / SIGTERM: close the stream politely, then finish.
    void interrupt();

Q_SIGNALS:
    void finished(int exitCode);

private:
    void onStateChanged(ConnectionState state, const DisconnectReason &reason);
    void onConnected();
    void printStanza(const Stanza &stanza);
    void status(const QString &line);
    void error(const QString &line);
    void sendQueued();
    void startPing();
    void onPingReply(const Stanza &stanza);
    void readStandardInput();
    void workDone();
    void finish(int exitCode);
    static int exitCodeFor(const DisconnectReason &reason);

    CliOptions m_options;
    ComponentConnection m_connection;
    QTextStream m_out;
    QTextStream m_err;
    StreamParser m_input; // splits --send input into stanzas, as the server's stream is split
    QList<QByteArray> m_queued;
    std::unique_ptr<QFile> m_stdin;
    std::unique_ptr<QSocketNotifier> m_stdinNotifier;
    bool m_inputDone = false;
    QString m_pingId;
    QElapsedTimer m_pingClock;
    int m_exitCode = Success;
    bool m_closing = false;
    bool m_finished = false;
};

} // namespace xcm::cli
