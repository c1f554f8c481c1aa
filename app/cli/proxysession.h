// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "capturewriter.h"
#include "clifilter.h"
#include "clioptions.h"
#include "componentproxy.h"
#include "trafficprinter.h"

#include <QObject>

#include <memory>

namespace xcm::cli {

// xcm-cli --proxy: listens for the component, relays it to the server, and prints both legs
// (C->S: what the component sent, S->C: what the server sent it) until interrupted.
class ProxySession : public QObject
{
    Q_OBJECT
public:
    explicit ProxySession(CliOptions options, QObject *parent = nullptr);
    ~ProxySession() override;

    // Starts listening: Success, or after printing why the exit code to leave with (as the other modes
    // leave): UsageError when the --record folder cannot be made, NetworkError when the address cannot
    // be bound.
    int start();
    // Ctrl+C / SIGTERM / a closed standard output: close both legs politely, then finish.
    void interrupt();
    // SIGUSR1: relays every stanza a hold rule kept.
    void releaseHeld();

Q_SIGNALS:
    void finished(int exitCode);

private:
    void finish(int exitCode);
    // --record: every line xcm prints of either leg, whatever --filter shows, as the window's log records
    // its rows (a held stanza twice: when held, and when released).
    void record(const Stanza &stanza, StanzaOrigin origin = StanzaOrigin::Wire, const QString &note = {},
                StanzaOccurrence occurrence = StanzaOccurrence::First);

    CliOptions m_options;
    TrafficPrinter m_printer;
    CliFilter m_filter;
    std::unique_ptr<CaptureWriter> m_capture; // before the proxy: destroyed after it, never reached late
    quint64 m_recorded = 0;
    ComponentProxy m_proxy;
    bool m_finished = false;
    bool m_interrupted = false;
};

} // namespace xcm::cli
