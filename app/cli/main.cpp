// SPDX-License-Identifier: GPL-3.0-or-later
#include "clioptions.h"
#include "clisession.h"
#include "heapheadroom.h"
#include "processhardening.h"
#include "proxysession.h"
#include "savedlogprinter.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QSocketNotifier>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

namespace {

int signalPipe[2] = {-1, -1};

// Only async-signal-safe work here: wake the event loop through a socket pair.
void onSignal(int number)
{
    const char byte = number == SIGUSR1 ? 2 : 1;
    [[maybe_unused]] const auto written = ::write(signalPipe[1], &byte, 1);
}

// Ctrl+C, SIGTERM and SIGHUP call session.interrupt() from the event loop; SIGUSR1 releases what hold
// rules keep (proxy mode).
template<typename Session> void interruptOnSignals(QCoreApplication &app, Session &session)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, signalPipe) == 0) {
        auto *notifier = new QSocketNotifier(signalPipe[0], QSocketNotifier::Read, &app);
        QObject::connect(notifier, &QSocketNotifier::activated, &session, [&session] {
            char byte;
            [[maybe_unused]] const auto read = ::read(signalPipe[0], &byte, 1);
            if constexpr (requires { session.releaseHeld(); }) {
                if (byte == 2) {
                    session.releaseHeld();
                    return;
                }
            }
            session.interrupt();
        });
        std::signal(SIGINT, onSignal);
        std::signal(SIGTERM, onSignal);
        // A hangup (the terminal closed) closes politely too, unless it was ignored from the start (nohup).
        if (struct sigaction current{};
            ::sigaction(SIGHUP, nullptr, &current) == 0 && current.sa_handler != SIG_IGN)
            std::signal(SIGHUP, onSignal);
        // SIGUSR1 releases what hold rules keep (proxy mode); elsewhere it must not end the process, as it
        // would by default.
        if constexpr (requires { session.releaseHeld(); })
            std::signal(SIGUSR1, onSignal);
        else
            std::signal(SIGUSR1, SIG_IGN);
    }
    // A closed standard output must not kill us mid-close: the session sees the failed write (or the
    // pipe's error) and closes the stream politely instead.
    std::signal(SIGPIPE, SIG_IGN);
}

int runProxy(QCoreApplication &app, xcm::cli::CliOptions options)
{
    xcm::cli::ProxySession session(std::move(options));
    if (const int failed = session.start(); failed != xcm::cli::Success)
        return failed;
    interruptOnSignals(app, session);
    // Queued: a session may finish within start(), before exec() runs, which would ignore an exit().
    QObject::connect(
        &session, &xcm::cli::ProxySession::finished, &app,
        [](int exitCode) { QCoreApplication::exit(exitCode); }, Qt::QueuedConnection);
    return QCoreApplication::exec();
}

} // namespace

int main(int argc, char *argv[])
{
    xcm::protectProcessMemory();
    xcm::reserveHeapHeadroom();
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("xcm-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(XCM_VERSION));

    // The library logs each disconnect (and each refused rules file) for the desktop app's console; here
    // the session prints it once, as an error line: quiet from the start, as reading the options may
    // load a file. QT_LOGGING_RULES still overrides this.
    QLoggingCategory::setFilterRules(QStringLiteral("xcm.*.debug=false\nxcm.*.info=false"));
    auto parsed = xcm::cli::parseCommandLine(QCoreApplication::arguments());
    if (const int *exitCode = std::get_if<int>(&parsed))
        return *exitCode;
    auto &options = std::get<xcm::cli::CliOptions>(parsed);
    if (options.verbose)
        QLoggingCategory::setFilterRules(QStringLiteral("xcm.*.debug=true"));

    if (!options.readPath.isEmpty())
        return xcm::cli::printSavedLog(options);
    if (options.proxy)
        return runProxy(app, std::move(options));
    xcm::cli::CliSession session(std::move(options));
    if (!session.prepare())
        return xcm::cli::UsageError;

    interruptOnSignals(app, session);
    // Queued: a session may finish within start() (a setting the connection refuses at once), before
    // exec() runs, which would ignore an exit() and leave the process waiting for ever.
    QObject::connect(
        &session, &xcm::cli::CliSession::finished, &app,
        [](int exitCode) { QCoreApplication::exit(exitCode); }, Qt::QueuedConnection);
    session.start();
    return QCoreApplication::exec();
}
