// SPDX-License-Identifier: GPL-3.0-or-later
#include "proxiedcontender.h"

#include <QFile>
#include <QRegularExpression>

#include <cstdio>

#include <unistd.h>

using namespace Qt::StringLiterals;

namespace xcm::bench {

namespace {

constexpr int listenTimeoutMs = 15'000;
constexpr int stopTimeoutMs = 10'000;

} // namespace

ProxiedContender::ProxiedContender(ProxyCommand proxy, QStringList component, ProxyUpstream upstream,
                                   QString trafficLog, QObject *parent)
    : QObject(parent)
    , m_proxyCommand(std::move(proxy))
    , m_componentCommand(std::move(component))
    , m_upstream(std::move(upstream))
    , m_trafficLog(std::move(trafficLog))
{
    m_listenTimeout.setSingleShot(true);
    connect(&m_listenTimeout, &QTimer::timeout, this, [this] {
        fail(u"the proxy did not say where it listens within %1 s"_s.arg(listenTimeoutMs / 1000));
    });
    connect(&m_proxy, &QProcess::readyReadStandardError, this, &ProxiedContender::onProxyOutput);
    connect(&m_proxy, &QProcess::finished, this, &ProxiedContender::onProxyFinished);
    connect(&m_proxy, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            fail(u"cannot start the proxy %1: %2"_s.arg(m_proxyCommand.program, m_proxy.errorString()));
    });
    connect(&m_component, &QProcess::finished, this, &ProxiedContender::onComponentFinished);
    connect(&m_component, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            fail(u"cannot start the component %1: %2"_s.arg(m_componentCommand.value(0),
                                                            m_component.errorString()));
    });
}

ProxiedContender::~ProxiedContender()
{
    for (QProcess *process : {&m_component, &m_proxy}) {
        if (process->state() != QProcess::NotRunning) {
            process->kill();
            process->waitForFinished(1000);
        }
    }
}

void ProxiedContender::start()
{
    m_proxy.setProcessEnvironment(m_proxyCommand.environment);
    m_proxy.setStandardInputFile(QProcess::nullDevice());
    m_proxy.setStandardOutputFile(m_trafficLog.isEmpty() ? QProcess::nullDevice() : m_trafficLog);
    m_proxy.start(m_proxyCommand.program, m_proxyCommand.arguments);
    m_listenTimeout.start(listenTimeoutMs);
}

void ProxiedContender::onProxyOutput()
{
    // xcm-cli: "listening on 127.0.0.1:PORT"; socat: "listening on AF=2 127.0.0.1:PORT".
    static const QRegularExpression listening(u"listening on (?:AF=\\d+ )?[^ ]*:(\\d+)"_s);
    m_proxyErrors += m_proxy.readAllStandardError();
    qsizetype end;
    while ((end = m_proxyErrors.indexOf('\n')) >= 0) {
        const QString line = QString::fromUtf8(m_proxyErrors.first(end));
        m_proxyErrors.remove(0, end + 1);
        // The proxy's status and errors go into the contender's log, marked as the proxy's.
        std::fprintf(stderr, "proxy: %s\n", qPrintable(line));
        const QRegularExpressionMatch match = listening.match(line);
        if (match.hasMatch() && m_listenTimeout.isActive()) {
            m_listenTimeout.stop();
            onProxyListening(quint16(match.captured(1).toUInt()));
        }
    }
}

void ProxiedContender::onProxyListening(quint16 port)
{
    QStringList arguments = m_componentCommand.mid(1);
    arguments << u"--host"_s << u"127.0.0.1"_s << u"--port"_s << QString::number(port) << u"--domain"_s
              << m_upstream.domain << u"--secret-file"_s << m_upstream.secretFile;
    m_component.setStandardInputFile(QProcess::nullDevice());
    m_component.setProcessChannelMode(QProcess::ForwardedChannels);
    m_component.start(m_componentCommand.value(0), arguments);
}

void ProxiedContender::onComponentFinished(int exitCode, QProcess::ExitStatus status)
{
    if (m_finished)
        return;
    m_componentDone = true;
    m_componentExitCode = status == QProcess::NormalExit ? exitCode : 1;
    if (m_proxy.state() == QProcess::NotRunning) {
        onProxyFinished(m_proxy.exitCode(), m_proxy.exitStatus());
        return;
    }
    sampleProxy();
    // As Ctrl+C: the proxy closes what is still open and exits.
    m_proxy.terminate();
    QTimer::singleShot(stopTimeoutMs, &m_proxy, [this] { m_proxy.kill(); });
}

void ProxiedContender::onProxyFinished(int exitCode, QProcess::ExitStatus status)
{
    if (m_finished)
        return;
    m_stats.exitCode = status == QProcess::NormalExit ? exitCode : -1;
    if (!m_componentDone) {
        fail(u"the proxy exited (status %1) before the component did"_s.arg(m_stats.exitCode));
        return;
    }
    m_finished = true;
    Q_EMIT finished(m_componentExitCode, {});
}

namespace {

// User + system CPU seconds of process `pid` from /proc/PID/stat (fields 14 and 15, in clock ticks; the
// command name in field 2 may hold spaces, so count from its closing parenthesis), with those of the
// children it has reaped (16 and 17) when `withReaped`; -1 when it is gone.
double cpuSecondsOf(qint64 pid, bool withReaped)
{
    QFile stat(u"/proc/%1/stat"_s.arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray line = stat.readAll();
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    if (fields.size() <= 14)
        return -1;
    double ticks = fields[11].toDouble() + fields[12].toDouble();
    if (withReaped)
        ticks += fields[13].toDouble() + fields[14].toDouble();
    return ticks / double(::sysconf(_SC_CLK_TCK));
}

} // namespace

void ProxiedContender::sampleProxy()
{
    const qint64 pid = m_proxy.processId();
    // socat relays in a child: counted whether it is still running or already reaped. A child reaped
    // between reading the parent and reading its children would be in neither: then read again.
    for (int attempt = 0; attempt < 3; ++attempt) {
        const double before = cpuSecondsOf(pid, true);
        double seconds = before;
        QFile children(u"/proc/%1/task/%1/children"_s.arg(pid));
        if (before >= 0 && children.open(QIODevice::ReadOnly)) {
            for (const QByteArray &child : children.readAll().split(' ')) {
                if (const double own =
                        child.trimmed().isEmpty() ? -1 : cpuSecondsOf(child.trimmed().toLongLong(), false);
                    own > 0)
                    seconds += own;
            }
        }
        m_stats.cpuSeconds = seconds;
        if (cpuSecondsOf(pid, true) == before)
            break;
    }
    QFile status(u"/proc/%1/status"_s.arg(pid));
    if (status.open(QIODevice::ReadOnly | QIODevice::Text)) {
        // /proc files report a size of 0: read line by line until the end.
        for (QByteArray line = status.readLine(); !line.isEmpty(); line = status.readLine()) {
            if (line.startsWith("VmHWM:")) {
                m_stats.peakRssKb = line.mid(6).trimmed().split(' ').value(0).toLongLong();
                break;
            }
        }
    }
}

void ProxiedContender::fail(const QString &problem)
{
    if (m_finished)
        return;
    m_finished = true;
    m_listenTimeout.stop();
    for (QProcess *process : {&m_component, &m_proxy}) {
        if (process->state() != QProcess::NotRunning)
            process->kill();
    }
    Q_EMIT finished(1, problem);
}

} // namespace xcm::bench
