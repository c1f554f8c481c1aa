// SPDX-License-Identifier: GPL-3.0-or-later
#include "proxycommand.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace xcm::bench {

namespace {

// The terminal path: xcm-cli --proxy, printing both legs (its standard output is the traffic log).
ProxyCommand xcmCliProxy(const QString &program, const ProxyUpstream &upstream)
{
    ProxyCommand command;
    command.program = program;
    command.arguments = {u"--proxy"_s,
                         u"--listen"_s,
                         u"127.0.0.1:0"_s,
                         u"--host"_s,
                         upstream.host,
                         u"--port"_s,
                         QString::number(upstream.port),
                         u"--domain"_s,
                         upstream.domain,
                         u"--secret-file"_s,
                         upstream.secretFile};
    return command;
}

// The GUI-logging path: xcm-bench-gui-proxy, the real main window with a proxy profile, its log
// following as on screen. Kept away from the user's keychain and settings as bench/run does for the
// xcm-gui contender: no session bus, a private HOME and XDG directories under the benchmark's work
// folder (the secret file's).
ProxyCommand guiProxy(const QString &program, const ProxyUpstream &upstream)
{
    ProxyCommand command;
    command.program = program;
    command.arguments = {u"--host"_s,   upstream.host,   u"--port"_s,        QString::number(upstream.port),
                         u"--domain"_s, upstream.domain, u"--secret-file"_s, upstream.secretFile};
    const QString home = QFileInfo(upstream.secretFile).absolutePath() + u"/gui-proxy-home"_s;
    QDir().mkpath(home + u"/runtime"_s);
    QFile::setPermissions(home + u"/runtime"_s,
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    command.environment.remove(u"DBUS_SESSION_BUS_ADDRESS"_s);
    command.environment.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    command.environment.insert(u"HOME"_s, home);
    command.environment.insert(u"XDG_CONFIG_HOME"_s, home + u"/.config"_s);
    command.environment.insert(u"XDG_DATA_HOME"_s, home + u"/.local/share"_s);
    command.environment.insert(u"XDG_RUNTIME_DIR"_s, home + u"/runtime"_s);
    return command;
}

// The floor for any proxy: socat relaying bytes without looking at them, in 64 KB reads. Whatever a
// proxy costs beyond it is its own work on the stanzas, not the machine's.
ProxyCommand byteRelay(const QString &program, const ProxyUpstream &upstream)
{
    ProxyCommand command;
    command.program = program;
    // -d -d: it says "listening on AF=2 127.0.0.1:PORT", which is how the port is learnt. fork: a child
    // relays the connection, and the listener stays until it is stopped, as the other proxies do.
    // nodelay on both legs, as xcm sets: without it Nagle holds small stanzas back.
    command.arguments = {u"-d"_s,
                         u"-d"_s,
                         u"-b"_s,
                         u"65536"_s,
                         u"TCP-LISTEN:0,bind=127.0.0.1,reuseaddr,fork,nodelay"_s,
                         u"TCP:%1:%2,nodelay"_s.arg(upstream.host).arg(upstream.port)};
    return command;
}

} // namespace

QStringList ProxyCommand::kinds()
{
    QStringList kinds{u"xcm-cli"_s, u"xcm-gui"_s};
    if (!QStandardPaths::findExecutable(u"socat"_s).isEmpty())
        kinds.prepend(u"socat"_s);
    return kinds;
}

std::optional<ProxyCommand> ProxyCommand::of(const QString &kind, const QString &program,
                                             const ProxyUpstream &upstream, QString *why)
{
    if (kind == u"xcm-cli")
        return xcmCliProxy(program, upstream);
    if (kind == u"xcm-gui")
        return guiProxy(program, upstream);
    if (kind == u"socat")
        return byteRelay(program, upstream);
    *why = u"no proxy kind '%1' (known: xcm-cli, xcm-gui, socat)"_s.arg(kind);
    return std::nullopt;
}

} // namespace xcm::bench
