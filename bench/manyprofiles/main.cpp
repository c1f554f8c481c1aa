// SPDX-License-Identifier: GPL-3.0-or-later
// xcm-bench-manyprofiles: twenty profiles connected at once in the real main window (issue 15), each
// receiving --rate chat messages a second for --seconds from the load source, while the window shows one
// profile after another (every --switch-ms, as a person looks around; each page is built when first
// shown, its log following). The load source is this program again in a child process (--serve: one
// port and one paced writer thread per component, bench/manyprofiles/fanoutsource.h), so that the
// window's process CPU time is the window's alone. A 10 ms timer on the event loop (FreezeMeter) measures
// the longest UI freeze from the first connect to the last message. Prints the figures, a machine line
//   XCM-BENCH-MANYPROFILES profiles=… rate=… seconds=… max_freeze_ms=… cpu_seconds=… …
// and a Targets section (PASS/FAIL): no UI freeze over 50 ms. Run it offscreen (QT_QPA_PLATFORM).

#include "fanoutsource.h"
#include "freezemeter.h"
#include "mainwindow.h"
#include "processmemory.h"
#include "profilesession.h"
#include "profilestore.h"
#include "sessionlistmodel.h"
#include "sessionpage.h"
#include "stanzalogmodel.h"
#include "stanzalogview.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>
#include <iostream>
#include <string>

#include <sys/resource.h>

using namespace Qt::StringLiterals;

namespace {

constexpr double freezeTargetMs = 50;

double cpuSecondsOfThisProcess()
{
    rusage usage{};
    ::getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
           double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

QString loadAverage()
{
    QFile file(u"/proc/loadavg"_s);
    if (!file.open(QIODevice::ReadOnly))
        return u"?"_s;
    return QString::fromLatin1(file.readAll()).section(u' ', 0, 2);
}

// The child: reads the secret from stdin, prints "PORTS p1 p2 …", serves until stdin closes, then prints
// "SOURCE …" with what it sent and how late.
int serve(int streams, double rate, qint64 messages)
{
    std::string secret;
    if (!std::getline(std::cin, secret) || secret.empty()) {
        std::fprintf(stderr, "xcm-bench-manyprofiles --serve: no secret on stdin\n");
        return 2;
    }
    xcm::bench::FanOutSource source(
        {.streams = streams, .rate = rate, .messages = messages, .secret = QString::fromStdString(secret)});
    QString failure;
    const std::vector<quint16> ports = source.listen(&failure);
    if (ports.empty()) {
        std::fprintf(stderr, "xcm-bench-manyprofiles --serve: %s\n", qPrintable(failure));
        return 1;
    }
    std::printf("PORTS");
    for (const quint16 port : ports)
        std::printf(" %u", unsigned(port));
    std::printf("\n");
    std::fflush(stdout);
    source.start();
    for (std::string line; std::getline(std::cin, line);) {
    } // the parent closes stdin when it has counted everything (or gave up)
    source.stop();

    qint64 sent = 0;
    qint64 lateSends = 0;
    double maxLatenessMs = 0;
    int failed = 0;
    for (const auto &result : source.results()) {
        sent += result.sent;
        lateSends += result.lateSends;
        maxLatenessMs = std::max(maxLatenessMs, result.maxLatenessMs);
        if (!result.failure.isEmpty()) {
            ++failed;
            std::fprintf(stderr, "xcm-bench-manyprofiles --serve: a stream failed: %s\n",
                         qPrintable(result.failure));
        }
    }
    std::printf("SOURCE sent=%lld failed_streams=%d max_send_lateness_ms=%.1f late_sends=%lld\n", sent,
                failed, maxLatenessMs, lateSends);
    return failed == 0 ? 0 : 1;
}

struct Options
{
    int profiles = 20;
    double rate = 500;
    int seconds = 60;
    int switchMs = 3000;
};

QString sourceLine(QProcess &source, const QByteArray &prefix, int timeoutMs)
{
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < timeoutMs) {
        while (source.canReadLine()) {
            const QByteArray line = source.readLine().trimmed();
            if (line.startsWith(prefix))
                return QString::fromUtf8(line.mid(prefix.size())).trimmed();
        }
        if (source.state() == QProcess::NotRunning && !source.canReadLine())
            break;
        source.waitForReadyRead(100);
    }
    return {};
}

int measure(QApplication &app, const Options &options)
{
    const QString secret = QString::number(QRandomGenerator::system()->generate64(), 16);
    QProcess source;
    source.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    source.start(QCoreApplication::applicationFilePath(),
                 {u"--serve"_s, u"--profiles"_s, QString::number(options.profiles), u"--rate"_s,
                  QString::number(options.rate), u"--seconds"_s, QString::number(options.seconds)});
    if (!source.waitForStarted()) {
        std::fprintf(stderr, "xcm-bench-manyprofiles: cannot start the load source: %s\n",
                     qPrintable(source.errorString()));
        return 1;
    }
    source.write(secret.toUtf8() + '\n'); // never in argv
    const QStringList ports = sourceLine(source, "PORTS", 10'000).split(u' ', Qt::SkipEmptyParts);
    if (ports.size() != options.profiles) {
        std::fprintf(stderr, "xcm-bench-manyprofiles: the load source gave no ports\n");
        return 1;
    }

    xcm::MainWindow window;
    QList<xcm::ProfileSession *> sessions;
    for (int i = 0; i < options.profiles; ++i) {
        xcm::Profile profile = xcm::Profile::create(u"Profile %1"_s.arg(i + 1, 2, 10, QLatin1Char('0')));
        profile.settings.host = u"127.0.0.1"_s;
        profile.settings.port = ports[i].toUShort();
        profile.settings.domain = xcm::bench::FanOutSource::domainOf(i);
        profile.settings.reconnect.enabled = false; // a retry would hide a failure
        window.profileStore()->add(profile);
        xcm::ProfileSession *session = window.sessions()->session(profile.id);
        session->setSecret(secret); // as a profile import does; no keychain in the benchmark
        sessions.append(session);
    }
    window.resize(1280, 800);
    window.show();
    window.selectProfile(sessions.first()->profile().id);
    QCoreApplication::processEvents();
    const qint64 rssBefore = xcm::bench::currentRssBytes();
    const QString loadBefore = loadAverage();

    int finished = 0;
    int failed = 0;
    for (xcm::ProfileSession *session : std::as_const(sessions)) {
        QObject::connect(session->connection(), &xcm::ComponentConnection::stanzaReceived, &app,
                         [&finished](const xcm::Stanza &stanza) {
                             if (stanza.id() == u"last")
                                 ++finished;
                         });
        QObject::connect(session, &xcm::ProfileSession::stateChanged, &app,
                         [&failed, session](xcm::ConnectionState state) {
                             if (state == xcm::ConnectionState::Disconnected) {
                                 ++failed;
                                 std::fprintf(stderr, "xcm-bench-manyprofiles: %s disconnected: %s\n",
                                              qPrintable(session->profile().name),
                                              qPrintable(session->connection()->lastReason().toString()));
                             }
                         });
    }

    xcm::bench::FreezeMeter meter;
    QElapsedTimer wall;
    wall.start();
    const double cpuBefore = cpuSecondsOfThisProcess();
    meter.start();
    for (xcm::ProfileSession *session : std::as_const(sessions))
        session->connectToServer();

    // A person looking from one profile to the next while the traffic flows.
    int shown = 0;
    QTimer switcher;
    double longestSwitchMs = 0; // the switch itself: building the page (the first time) and selecting it
    QList<double> switchTimes;  // as the meter counts
    QObject::connect(&switcher, &QTimer::timeout, &window, [&] {
        QElapsedTimer switchClock;
        switchClock.start();
        switchTimes.append(meter.elapsedSeconds());
        shown = (shown + 1) % int(sessions.size());
        window.selectProfile(sessions[shown]->profile().id);
        window.pageFor(sessions[shown])->logView()->setFollowing(true);
        longestSwitchMs = std::max(longestSwitchMs, double(switchClock.nsecsElapsed()) / 1e6);
    });
    switcher.start(options.switchMs);
    window.pageFor(sessions.first())->logView()->setFollowing(true);

    QTimer done;
    QObject::connect(&done, &QTimer::timeout, &app, [&] {
        if (finished == options.profiles || failed > 0 || wall.elapsed() > (options.seconds + 60) * 1000)
            app.quit();
    });
    done.start(50);
    app.exec();
    meter.stop();
    switcher.stop();
    const double seconds = double(wall.nsecsElapsed()) / 1e9;
    const double cpuSeconds = cpuSecondsOfThisProcess() - cpuBefore;
    for (xcm::ProfileSession *session : std::as_const(sessions))
        session->log()->flush();
    QCoreApplication::processEvents();
    const qint64 rssAfter = xcm::bench::currentRssBytes();
    const QString loadAfter = loadAverage();

    quint64 bytesIn = 0;
    quint64 stanzasIn = 0;
    qint64 rows = 0;
    for (const xcm::ProfileSession *session : std::as_const(sessions)) {
        bytesIn += session->connection()->counters().bytesIn;
        stanzasIn += session->connection()->counters().stanzasIn;
        rows += session->log()->rowCount();
    }
    source.closeWriteChannel();
    const QString sourceResult = sourceLine(source, "SOURCE", 30'000);
    source.waitForFinished(30'000);

    const bool complete = finished == options.profiles && failed == 0;
    const double perProfileMb = double(rssAfter - rssBefore) / options.profiles / (1024.0 * 1024.0);
    std::printf(
        "Twenty profiles: %d profiles connected at once in the main window (offscreen), each receiving "
        "%.0f chat messages/s for %d s; the window shows the next profile every %d ms\n",
        options.profiles, options.rate, options.seconds, options.switchMs);
    std::printf("Load average before %s, after %s\n", qPrintable(loadBefore), qPrintable(loadAfter));
    std::printf("Delivered: %d of %d profiles got their last message; %llu stanzas, %.1f MB in %.1f s\n",
                finished, options.profiles, static_cast<unsigned long long>(stanzasIn), double(bytesIn) / 1e6,
                seconds);
    std::printf(
        "Longest UI freeze: %.1f ms (%llu over 50 ms, %llu ticks of 10 ms); the longest switch to the "
        "next profile took %.1f ms before its repaint\n",
        meter.maxLatenessMs(), static_cast<unsigned long long>(meter.longFreezes()),
        static_cast<unsigned long long>(meter.ticks()), longestSwitchMs);
    // When each long one ended, and the last switch before it: a freeze right after a switch is the
    // page being built or shown; the monotonic time finds it in `perf record -k CLOCK_MONOTONIC`.
    for (const xcm::bench::FreezeMeter::Freeze &freeze : meter.longFreezeList()) {
        const auto switchBefore = std::find_if(switchTimes.crbegin(), switchTimes.crend(),
                                               [&](double at) { return at <= freeze.endedAtS; });
        std::printf("  a freeze of %.1f ms ended %.2f s into the run (monotonic %.3f s), %s\n", freeze.ms,
                    freeze.endedAtS, freeze.monotonicEndS,
                    switchBefore == switchTimes.crend()
                        ? "before the first switch"
                        : qPrintable(u"%1 ms after a switch"_s.arg((freeze.endedAtS - *switchBefore) * 1000,
                                                                   0, 'f', 0)));
    }
    std::printf("CPU of the window's process: %.1f s in %.1f s = %.0f %% of one core (%.1f µs a stanza)\n",
                cpuSeconds, seconds, 100.0 * cpuSeconds / seconds,
                stanzasIn ? cpuSeconds * 1e6 / double(stanzasIn) : 0.0);
    std::printf("Memory: RSS %.1f MB before connecting, %.1f MB after; %.2f MB a profile for %lld log rows "
                "(%.0f KB of stanzas on the wire each)\n",
                double(rssBefore) / (1024.0 * 1024.0), double(rssAfter) / (1024.0 * 1024.0), perProfileMb,
                rows / options.profiles, double(bytesIn) / options.profiles / 1024.0);
    std::printf("Load source: %s\n", sourceResult.isEmpty() ? "no result" : qPrintable(sourceResult));
    std::printf("XCM-BENCH-MANYPROFILES profiles=%d rate=%.0f seconds=%d complete=%d max_freeze_ms=%.1f "
                "long_freezes=%llu switch_ms=%.1f cpu_seconds=%.2f wall_seconds=%.2f rss_before_kb=%lld "
                "rss_after_kb=%lld "
                "per_profile_kb=%.0f rows=%lld %s\n",
                options.profiles, options.rate, options.seconds, complete ? 1 : 0, meter.maxLatenessMs(),
                static_cast<unsigned long long>(meter.longFreezes()), longestSwitchMs, cpuSeconds, seconds,
                rssBefore / 1024, rssAfter / 1024, perProfileMb * 1024.0, rows, qPrintable(sourceResult));
    const bool pass = complete && meter.maxLatenessMs() <= freezeTargetMs;
    std::printf(
        "\nTargets:\n  %s  %d profiles x %.0f stanzas/s for %d s: no UI freeze over %.0f ms  %.1f ms%s\n",
        pass ? "PASS" : "FAIL", options.profiles, options.rate, options.seconds, freezeTargetMs,
        meter.maxLatenessMs(), complete ? "" : " (not every profile got all its messages)");
    return complete ? 0 : 1;
}

} // namespace

int main(int argc, char *argv[])
{
    bool serving = false;
    for (int i = 1; i < argc; ++i)
        serving = serving || qstrcmp(argv[i], "--serve") == 0;
    // Settings and data of this run alone: twenty new profiles each run must not pile up in one file,
    // whose size every write of the settings pays for.
    QTemporaryDir home;
    if (!serving) {
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(home.filePath(u"config"_s)));
        qputenv("XDG_DATA_HOME", QFile::encodeName(home.filePath(u"data"_s)));
    }
    QScopedPointer<QCoreApplication> app(serving ? new QCoreApplication(argc, argv)
                                                 : new QApplication(argc, argv));
    // Its own settings and profiles, never the user's xcm ones.
    QCoreApplication::setOrganizationName(u"xcm-bench"_s);
    QCoreApplication::setApplicationName(u"xcm-bench-manyprofiles"_s);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Twenty profiles connected at once in the main window, each receiving a steady stream of chat "
        "messages; prints the longest UI freeze, the CPU time and the memory a profile."_s);
    parser.addHelpOption();
    const QCommandLineOption profiles(u"profiles"_s, u"Profiles connected at once (default 20)."_s, u"n"_s,
                                      u"20"_s);
    const QCommandLineOption rate(u"rate"_s, u"Messages a second to each profile (default 500)."_s, u"n"_s,
                                  u"500"_s);
    const QCommandLineOption seconds(u"seconds"_s, u"How long the traffic lasts (default 60)."_s, u"s"_s,
                                     u"60"_s);
    const QCommandLineOption switchMs(
        u"switch-ms"_s, u"How often the window shows the next profile (default 3000)."_s, u"ms"_s, u"3000"_s);
    const QCommandLineOption serveOption(u"serve"_s, u"Internal: be the load source."_s);
    parser.addOptions({profiles, rate, seconds, switchMs, serveOption});
    parser.process(*app);

    Options options;
    options.profiles = parser.value(profiles).toInt();
    options.rate = parser.value(rate).toDouble();
    options.seconds = parser.value(seconds).toInt();
    options.switchMs = parser.value(switchMs).toInt();
    if (options.profiles < 1 || options.profiles > 99 || !(options.rate > 0 && options.rate <= 100'000) ||
        options.seconds < 1 || options.switchMs < 10) {
        std::fprintf(stderr, "xcm-bench-manyprofiles: need 1–99 --profiles, a --rate up to 100000, --seconds "
                             ">= 1 and --switch-ms >= 10\n");
        return 2;
    }
    if (serving)
        return serve(options.profiles, options.rate, qint64(options.rate * options.seconds));
    return measure(*static_cast<QApplication *>(app.get()), options);
}
