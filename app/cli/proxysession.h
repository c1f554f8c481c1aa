// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "clioptions.h"
#include "componentproxy.h"
#include "trafficprinter.h"

#include <QObject>

namespace xcm::cli {

// xcm-cli --proxy: listens for the component, relays it to the server, and prints both legs
// (C->S: what the component sent, S->C: what the server sent it) until interrupted.
class ProxySession : public QObject
{
    Q_OBJECT
public:
    explicit ProxySession(CliOptions options, QObject *parent = nullptr);
    ~ProxySession() override;

    // Starts listening; false (after printing why) when the address cannot be bound.
    bool start();
    // Ctrl+C / SIGTERM / a closed standard output: close both legs politely, then finish.
    void interrupt();
    // SIGUSR1: relays every stanza a hold rule kept.
    void releaseHeld();

Q_SIGNALS:
    void finished(int exitCode);

private:
    void finish(int exitCode);

    CliOptions m_options;
    TrafficPrinter m_printer;
    ComponentProxy m_proxy;
    bool m_finished = false;
};

} // namespace xcm::cli
