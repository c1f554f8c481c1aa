// SPDX-License-Identifier: GPL-3.0-or-later
// xcm-bench-coldstart: how long the real xcm binary takes from process start to a shown, usable main
// window, with many profiles and a long send history (issue 15). Writes --profiles profiles (no secrets,
// so no keychain is asked) and a send history of --history entries for the selected one into a throwaway
// XDG_CONFIG_HOME / XDG_DATA_HOME, then starts `xcm --smoke-test` (QT_QPA_PLATFORM=offscreen, no session
// bus) --runs times and times each from QProcess::start() to its "window shown" line. The smoke test
// prints that line from a 50 ms poll started after show(), once the window is exposed (the first paint is
// done by then: it is processed before the poll's timer); so each time includes up to 50 ms of that poll,
// which the table shows separately. The same runs on an empty configuration give the baseline: what the
// profiles and the history add to the start itself.
// Prints a table, machine lines "XCM-BENCH-COLDSTART …" and a Targets section (PASS/FAIL).

#include "composehistory.h"
#include "profile.h"
#include "profilestore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSettings>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <vector>

using namespace Qt::StringLiterals;

namespace {

// What smoke test's poll adds at most (app/gui/main.cpp, quitOnceShown: a 50 ms QTimer).
constexpr double smokePollMs = 50.0;
constexpr double targetMs = 300.0;

QString loadAverage()
{
    QFile file(u"/proc/loadavg"_s);
    if (!file.open(QIODevice::ReadOnly))
        return u"?"_s;
    return QString::fromLatin1(file.readLine()).section(u' ', 0, 2);
}

// The throwaway home the xcm under test reads: its own HOME, XDG dirs and runtime dir.
struct Home
{
    QString root;
    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(u"DBUS_SESSION_BUS_ADDRESS"_s); // never the user's keychain
        env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        env.insert(u"HOME"_s, root);
        env.insert(u"XDG_CONFIG_HOME"_s, root + u"/.config"_s);
        env.insert(u"XDG_DATA_HOME"_s, root + u"/.local/share"_s);
        env.insert(u"XDG_CACHE_HOME"_s, root + u"/.cache"_s);
        env.insert(u"XDG_RUNTIME_DIR"_s, root + u"/runtime"_s);
        return env;
    }
    void create() const
    {
        for (const QString &dir : {u"/.config"_s, u"/.local/share"_s, u"/.cache"_s, u"/runtime"_s})
            QDir().mkpath(root + dir);
        QFile::setPermissions(root + u"/runtime"_s, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }
};

// A stanza as the compose form sends them, a little different each time (the history keeps distinct XML).
QByteArray historyStanza(int index)
{
    const QByteArray n = QByteArray::number(index);
    switch (index % 3) {
    case 0:
        return "<message to='user" + n + "@example.net/phone' type='chat' id='h" + n +
               "'>\n  <body>Your order #" + n + " has shipped &amp; will arrive tomorrow.</body>\n</message>";
    case 1:
        return "<iq type='get' to='user" + n + "@example.net/phone' id='h" + n +
               "'>\n  <query xmlns='http://jabber.org/protocol/disco#info'/>\n</iq>";
    default:
        return "<presence to='user" + n + "@example.net' type='subscribe' id='h" + n + "'/>";
    }
}

// Fills `home` as the xcm app would have it: `profiles` profiles in its QSettings (the first selected),
// and for that one a history file of `historyEntries` entries in ComposeHistory's format. Written
// directly rather than through ComposeHistory::add(), which keeps only its capacity (and rewrites the
// file after each entry): a file that long is what an older or hand-edited history gives, and the app
// still reads all of it at start.
void populate(const Home &home, int profiles, int historyEntries)
{
    qputenv("HOME", home.root.toLocal8Bit());
    qputenv("XDG_CONFIG_HOME", (home.root + u"/.config"_s).toLocal8Bit());
    qputenv("XDG_DATA_HOME", (home.root + u"/.local/share"_s).toLocal8Bit());
    // The app's own organisation and application names: its QSettings file and data directory.
    QCoreApplication::setOrganizationName(u"xcm"_s);
    QCoreApplication::setApplicationName(u"xcm"_s);
    QUuid selected;
    {
        xcm::ProfileStore store;
        for (int i = 0; i < profiles; ++i) {
            xcm::Profile profile = xcm::Profile::create(u"component %1"_s.arg(i + 1, 2, 10, QChar(u'0')));
            profile.settings.host = u"127.0.0.1"_s;
            profile.settings.port = quint16(5347 + i);
            profile.settings.domain = u"c%1.bench.localhost"_s.arg(i + 1);
            store.add(profile);
            if (i == 0)
                selected = profile.id;
        }
    }
    if (selected.isNull())
        return;
    QSettings().setValue(u"window/selectedProfile"_s, selected.toString(QUuid::WithoutBraces));
    QSettings().sync();
    QJsonArray entries;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (int i = 0; i < historyEntries; ++i)
        entries.append(QJsonObject{{u"sentAt"_s, now - qint64(i) * 60'000},
                                   {u"xml"_s, QString::fromUtf8(historyStanza(i))}});
    const QString fileName = xcm::ComposeHistory::defaultFileName(selected.toString(QUuid::WithoutBraces));
    QDir().mkpath(QFileInfo(fileName).absolutePath());
    QFile file(fileName);
    if (!file.open(QIODevice::WriteOnly) ||
        file.write(QJsonDocument(QJsonObject{{u"version"_s, 1}, {u"entries"_s, entries}})
                       .toJson(QJsonDocument::Indented)) < 0) {
        std::fprintf(stderr, "xcm-bench-coldstart: cannot write %s\n", qPrintable(fileName));
        std::exit(2);
    }
    std::printf("History file: %s, %lld KB\n", qPrintable(QFileInfo(fileName).fileName()),
                file.size() / 1024);
}

struct Run
{
    double shownMs = -1; // process start to the smoke test's "window shown" line
    double exitMs = -1;  // to the process's exit
    QString line;
};

Run startOnce(const QString &xcm, const Home &home)
{
    Run run;
    QProcess process;
    process.setProcessEnvironment(home.environment());
    process.setProcessChannelMode(QProcess::SeparateChannels);
    QElapsedTimer timer;
    QByteArray out;
    QObject::connect(&process, &QProcess::readyReadStandardOutput, [&] {
        out += process.readAllStandardOutput();
        if (run.shownMs < 0 && out.contains("smoke test: window shown")) {
            run.shownMs = double(timer.nsecsElapsed()) / 1e6;
            run.line = QString::fromUtf8(out.left(out.indexOf('\n')));
        }
    });
    timer.start();
    process.start(xcm, {u"--smoke-test"_s});
    if (!process.waitForStarted(10'000))
        return run;
    while (process.state() != QProcess::NotRunning && timer.elapsed() < 30'000)
        process.waitForReadyRead(50);
    if (process.state() != QProcess::NotRunning) {
        process.kill();
        process.waitForFinished();
    }
    run.exitMs = double(timer.nsecsElapsed()) / 1e6;
    out += process.readAllStandardOutput();
    if (run.shownMs < 0)
        std::fprintf(stderr, "xcm-bench-coldstart: no window: %s%s\n", out.constData(),
                     process.readAllStandardError().constData());
    return run;
}

double median(std::vector<double> values)
{
    if (values.empty())
        return -1;
    std::sort(values.begin(), values.end());
    const size_t n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

struct Series
{
    std::vector<double> shown;
    std::vector<double> exits;
    QString line;
    int failed = 0;
};

Series runSeries(const QString &xcm, const Home &home, int runs)
{
    Series series;
    for (int i = 0; i < runs; ++i) {
        const Run run = startOnce(xcm, home);
        if (run.shownMs < 0) {
            ++series.failed;
            continue;
        }
        series.shown.push_back(run.shownMs);
        series.exits.push_back(run.exitMs);
        series.line = run.line;
    }
    return series;
}

QString joined(const std::vector<double> &values)
{
    QStringList texts;
    for (double value : values)
        texts.append(QString::number(value, 'f', 0));
    return texts.join(u' ');
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Cold start of the xcm window with many profiles and a long send history."_s);
    parser.addHelpOption();
    const QCommandLineOption xcmOption(u"xcm"_s, u"The xcm binary (default: $XCM_GUI, else the build's)."_s,
                                       u"path"_s);
    const QCommandLineOption runsOption(u"runs"_s, u"Starts to time (default 10)."_s, u"n"_s, u"10"_s);
    const QCommandLineOption profilesOption(u"profiles"_s, u"Profiles (default 50)."_s, u"n"_s, u"50"_s);
    const QCommandLineOption historyOption(u"history"_s, u"Send history entries (default 10000)."_s, u"n"_s,
                                           u"10000"_s);
    const QCommandLineOption noBaselineOption(u"no-baseline"_s, u"Skip the runs with no profiles."_s);
    const QCommandLineOption homeOption(
        u"home"_s,
        u"Fill this directory (kept afterwards, e.g. to start xcm under a profiler) instead of a temporary one."_s,
        u"dir"_s);
    parser.addOptions({xcmOption, runsOption, profilesOption, historyOption, noBaselineOption, homeOption});
    parser.process(app);
    QString xcm = parser.value(xcmOption);
    if (xcm.isEmpty())
        xcm = qEnvironmentVariable("XCM_GUI", QStringLiteral(XCM_BENCH_GUI_BINARY));
    const int runs = std::max(1, parser.value(runsOption).toInt());
    const int profiles = parser.value(profilesOption).toInt();
    const int history = parser.value(historyOption).toInt();
    if (!QFileInfo(xcm).isExecutable()) {
        std::fprintf(stderr, "xcm-bench-coldstart: no xcm binary at %s (--xcm or XCM_GUI)\n",
                     qPrintable(xcm));
        return 2;
    }

    QTemporaryDir loaded(QDir::tempPath() + u"/xcm-coldstart.XXXXXX"_s);
    QTemporaryDir empty(QDir::tempPath() + u"/xcm-coldstart-empty.XXXXXX"_s);
    const Home loadedHome{parser.isSet(homeOption) ? QDir(parser.value(homeOption)).absolutePath()
                                                   : loaded.path()};
    const Home emptyHome{empty.path()};
    loadedHome.create();
    emptyHome.create();
    const QString loadBefore = loadAverage();
    std::printf("Cold start: %s --smoke-test, offscreen, %d profiles, a %d-entry send history for the "
                "selected one; %d runs each, median\n",
                qPrintable(xcm), profiles, history, runs);
    populate(loadedHome, profiles, history);

    Series baseline;
    if (!parser.isSet(noBaselineOption))
        baseline = runSeries(xcm, emptyHome, runs);
    const Series loadedSeries = runSeries(xcm, loadedHome, runs);
    const QString loadAfter = loadAverage();

    std::printf("Load average before %s, after %s\n\n", qPrintable(loadBefore), qPrintable(loadAfter));
    std::printf("| configuration | shown: median | min | max | exited: median | runs |\n");
    std::printf("|---|---:|---:|---:|---:|---:|\n");
    const auto row = [runs](const char *name, const Series &series) {
        if (series.shown.empty()) {
            std::printf("| %s | failed | | | | 0/%d |\n", name, runs);
            return;
        }
        std::printf("| %s | %.0f ms | %.0f ms | %.0f ms | %.0f ms | %d/%d |\n", name, median(series.shown),
                    *std::min_element(series.shown.begin(), series.shown.end()),
                    *std::max_element(series.shown.begin(), series.shown.end()), median(series.exits),
                    int(series.shown.size()), runs);
    };
    if (!parser.isSet(noBaselineOption))
        row("no profiles, no history", baseline);
    const QByteArray name = u"%1 profiles, %2-entry history"_s.arg(profiles).arg(history).toUtf8();
    row(name.constData(), loadedSeries);
    std::printf("\n\"shown\" includes up to %.0f ms of the smoke test's poll (it checks every %.0f ms "
                "whether the window is exposed).\n",
                smokePollMs, smokePollMs);
    if (!loadedSeries.line.isEmpty())
        std::printf("The app said: %s\n", qPrintable(loadedSeries.line));
    std::printf("Runs (ms, shown): baseline %s; loaded %s\n", qPrintable(joined(baseline.shown)),
                qPrintable(joined(loadedSeries.shown)));
    const double loadedMedian = median(loadedSeries.shown);
    std::printf("XCM-BENCH-COLDSTART median_ms=%.1f baseline_ms=%.1f runs=%d failed=%d\n", loadedMedian,
                median(baseline.shown), int(loadedSeries.shown.size()), loadedSeries.failed);
    const bool pass = loadedMedian >= 0 && loadedMedian <= targetMs && loadedSeries.failed == 0;
    std::printf("\nTargets:\n  %s  cold start, %d profiles + %d-entry history <= %.0f ms (median of %d)  "
                "%.0f ms\n",
                pass ? "PASS" : "FAIL", profiles, history, targetMs, runs, loadedMedian);
    return pass ? 0 : 1;
}
