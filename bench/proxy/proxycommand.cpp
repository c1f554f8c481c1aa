// SPDX-License-Identifier: GPL-3.0-or-later
#include "proxycommand.h"

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

// ---- The GUI-logging path (issue 17: throughput >= 70 % of direct with the GUI logging) -------------
// PLUG IN HERE once the desktop app can run a proxy profile without a person at it, e.g. a headless
// `xcm --proxy --listen ... --host ... --port ... --domain ...` under QT_QPA_PLATFORM=offscreen, its
// stanza log fed as on screen. Build its command like xcmCliProxy() (the bench/run contender
// "xcm-gui-proxy" passes build/app/gui/xcm as `program`), keep it away from the user's keychain and
// settings as bench/run does for the xcm-gui contender (no DBUS_SESSION_BUS_ADDRESS, a private HOME and
// XDG_* directories), return it, and add "xcm-gui" to kinds(). bench/run and report.py then run and
// report it next to xcm-cli with no other change.
constexpr bool guiProxyAvailable = false;

std::optional<ProxyCommand> guiProxy(const QString &program, const ProxyUpstream &upstream, QString *why)
{
    Q_UNUSED(program);
    Q_UNUSED(upstream);
    *why = u"the desktop app has no headless proxy mode yet"_s;
    return std::nullopt;
}

} // namespace

QStringList ProxyCommand::kinds()
{
    QStringList kinds{u"xcm-cli"_s};
    if (guiProxyAvailable)
        kinds.append(u"xcm-gui"_s);
    return kinds;
}

std::optional<ProxyCommand> ProxyCommand::of(const QString &kind, const QString &program,
                                             const ProxyUpstream &upstream, QString *why)
{
    if (kind == u"xcm-cli")
        return xcmCliProxy(program, upstream);
    if (kind == u"xcm-gui")
        return guiProxy(program, upstream, why);
    *why = u"no proxy kind '%1' (known: xcm-cli, xcm-gui)"_s.arg(kind);
    return std::nullopt;
}

} // namespace xcm::bench
