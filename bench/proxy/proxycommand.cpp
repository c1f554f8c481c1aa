// SPDX-License-Identifier: GPL-3.0-or-later
#include "proxycommand.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

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

} // namespace

QStringList ProxyCommand::kinds()
{
    return {u"xcm-cli"_s, u"xcm-gui"_s};
}

std::optional<ProxyCommand> ProxyCommand::of(const QString &kind, const QString &program,
                                             const ProxyUpstream &upstream, QString *why)
{
    if (kind == u"xcm-cli")
        return xcmCliProxy(program, upstream);
    if (kind == u"xcm-gui")
        return guiProxy(program, upstream);
    *why = u"no proxy kind '%1' (known: xcm-cli, xcm-gui)"_s.arg(kind);
    return std::nullopt;
}

} // namespace xcm::bench
