// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <optional>

namespace xcm::bench {

// Where a proxy relays to: the load source's address, and the component's domain and secret.
struct ProxyUpstream
{
    QString host;
    quint16 port = 0;
    QString domain;
    QString secretFile;
};

// How to start one kind of proxy so that it listens on 127.0.0.1 on a free port of its choice and says
// so on standard error ("listening on 127.0.0.1:PORT"); its standard output is its traffic log.
struct ProxyCommand
{
    QString program;
    QStringList arguments;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();

    // The kinds this build can start, for bench/run: "xcm-cli" and "xcm-gui" (xcm-bench-gui-proxy).
    static QStringList kinds();
    // The command of `kind` with `program` (the built executable); nullopt with the reason when that
    // kind cannot run yet.
    static std::optional<ProxyCommand> of(const QString &kind, const QString &program,
                                          const ProxyUpstream &upstream, QString *why);
};

} // namespace xcm::bench
