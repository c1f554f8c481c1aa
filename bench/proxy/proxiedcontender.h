// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "proxycommand.h"

#include <QObject>
#include <QProcess>
#include <QStringList>
#include <QTimer>

namespace xcm::bench {

// A contender with a proxy in its path: starts the proxy towards the load source, waits until it says
// where it listens, then starts the component against that port with the contenders' command line
// (--host 127.0.0.1 --port P --domain D --secret-file F). When the component exits it notes the
// proxy's CPU time and peak RSS (from /proc, before the proxy shuts down), stops the proxy as Ctrl+C
// would and finishes with the component's exit status.
class ProxiedContender : public QObject
{
    Q_OBJECT
public:
    struct ProxyStats
    {
        double cpuSeconds = -1; // user + system, start-up included, shutdown not
        qint64 peakRssKb = -1;
        int exitCode = -1; // -1: crashed or killed
    };

    ProxiedContender(ProxyCommand proxy, QStringList component, ProxyUpstream upstream, QString trafficLog,
                     QObject *parent = nullptr);
    ~ProxiedContender() override;

    void start();
    const ProxyStats &proxyStats() const { return m_stats; }

Q_SIGNALS:
    // The component's exit status, or 1 with a reason when the chain could not be set up.
    void finished(int exitCode, const QString &problem);

private:
    void onProxyOutput();
    void onProxyListening(quint16 port);
    void onProxyFinished(int exitCode, QProcess::ExitStatus status);
    void onComponentFinished(int exitCode, QProcess::ExitStatus status);
    void sampleProxy();
    void fail(const QString &problem);

    ProxyCommand m_proxyCommand;
    QStringList m_componentCommand;
    ProxyUpstream m_upstream;
    QString m_trafficLog;
    QProcess m_proxy;
    QProcess m_component;
    QByteArray m_proxyErrors; // an incomplete line of the proxy's standard error
    QTimer m_listenTimeout;
    ProxyStats m_stats;
    int m_componentExitCode = -1;
    bool m_componentDone = false;
    bool m_finished = false;
};

} // namespace xcm::bench
