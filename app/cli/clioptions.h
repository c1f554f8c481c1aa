// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connectionsettings.h"
#include "expression.h"
#include "respondersettings.h"
#include "rule.h"

#include <QString>

#include <optional>
#include <variant>

namespace xcm::cli {

// Process exit codes, documented in --help: scripts tell failures apart by them.
enum ExitCode
{
    Success = 0,
    UsageError = 1,          // bad arguments, unreadable files, a stanza refused before sending
    NetworkError = 2,        // refused, unreachable, closed, timed out
    AuthenticationError = 3, // not-authorized or host-unknown
    ProtocolError = 4,       // any other stream error, or bad data from the server
    TlsError = 5,
    PingFailed = 6, // no answer, or an error answer, to --ping
};

struct CliOptions
{
    ConnectionSettings settings;
    QString secret;
    bool pretty = false;
    bool quiet = false;
    bool verbose = false;    // the library's own log, and the traffic of a --ping
    bool tail = true;        // keep running and print traffic until interrupted
    bool showTraffic = true; // print stanzas both ways (a bare --ping prints only its result)
    QString sendPath;        // file of stanzas to send once connected; "-" for standard input
    QString pingTarget;      // JID to ping once connected
    std::chrono::milliseconds pingTimeout{10000};
    // What xcm-cli answers by itself as the component (--no-answer, --answer, --identity).
    ResponderSettings responder;
    // Only the stanzas that match are printed (--filter); the empty expression prints all.
    Expression filter;
    // "When this arrives, send that" (--rules FILE), run while connected as the component.
    QList<Rule> rules;
    QString rulesPath;
    // Proxy mode (--proxy): listen for the component here and relay to --host/--port.
    bool proxy = false;
    QString listenAddress = QStringLiteral("127.0.0.1");
    quint16 listenPort = 0;  // 0: a free port, printed at start
    QString componentSecret; // empty: the component presents the server's secret
    // --record DIR: every stanza both ways also goes to capture files there (lib/capture).
    QString recordDirectory;
    // --read FILE: print a saved log (capture or export) instead of connecting.
    QString readPath;
};

// Parses the command line (and XCM_SECRET / the secret file or stdin). On failure prints the reason and
// returns the exit code to leave with; on --help / --version prints and returns Success.
std::variant<CliOptions, int> parseCommandLine(const QStringList &arguments);

} // namespace xcm::cli
