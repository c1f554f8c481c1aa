// SPDX-License-Identifier: GPL-3.0-or-later
// xcm-bench-biglog: a 1,000,000-row stanza log in the real main window (issue 15). The window (run under
// QT_QPA_PLATFORM=offscreen) gets one profile whose session log receives a realistic mix — chat both
// ways, presence, iq requests, answers and errors, as bench/filter/main.cpp builds it — made by
// xcm::StreamParser from bytes and appended to the session's StanzaLogModel, then flushed. Then each
// operation is triggered as a person does it (keys in the search box, the kind menu's action, the Expr
// and Filter toggles, the view's slots behind F3, Shift+F3, Ctrl+E and Ctrl+L) and timed from the
// trigger until the view shows the result (the shown row count is the expected one, pending events are
// processed and the table has repainted). A 10 ms timer on the event loop (FreezeMeter) measures the
// longest UI freeze meanwhile. Prints a table and a Targets section with PASS/FAIL.

#include "freezemeter.h"
#include "logfilterbar.h"
#include "mainwindow.h"
#include "processmemory.h"
#include "profilesession.h"
#include "profilestore.h"
#include "sessionlistmodel.h"
#include "sessionpage.h"
#include "stanzalogfiltermodel.h"
#include "stanzalogmodel.h"
#include "stanzalogview.h"
#include "streamparser.h"

#include <QAction>
#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QLineEdit>
#include <QMenu>
#include <QTableView>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <vector>

using namespace Qt::StringLiterals;

namespace {

const QString domain = u"bench.localhost"_s;
const QByteArray bot = "bot@bench.localhost";
// In about 1 % of the rows (chat messages only), nowhere else.
const QString rareWord = u"invoice"_s;
// In one row, about 7/9 down the log: the longest a find can have to look.
const QString singleWord = u"4711-XYZ"_s;
const QString expressionText = u"kind == iq and type == error"_s;

enum class Tag
{
    Other,
    RareWord,
    Presence,
    IqError,
};

QByteArray user(qint64 index)
{
    return "user" + QByteArray::number(index % 997) + "@example.net";
}

QByteArray chatMessage(qint64 index)
{
    static const char *const phrases[] = {"see you at the meeting", "sounds good &amp; thanks",
                                          "can you send the report?", "I'm on my way &lt;10 min&gt;",
                                          "lunch tomorrow?"};
    return "<message from='" + user(index) + "/phone' to='" + bot + "' type='chat' id='m" +
           QByteArray::number(index) + "'><body>#" + QByteArray::number(index) + ": " +
           phrases[index % std::size(phrases)] +
           "</body><active xmlns='http://jabber.org/protocol/chatstates'/></message>";
}

// Stanza `index` of the log: bench/filter/main.cpp's mix, with the rare word in 1 % of the rows.
// Deterministic. Sent rows come back with `sent` set; `tag` says what the filters should find.
QByteArray corpusStanza(qint64 index, qint64 count, bool *sent, Tag *tag)
{
    *sent = false;
    *tag = Tag::Other;
    const QByteArray id = QByteArray::number(index);
    if (index == count * 7 / 9)
        return "<message from='" + user(index) + "/phone' to='" + bot + "' type='chat' id='o" + id +
               "'><body>where is order 4711-XYZ?</body></message>";
    if (index % 100 == 37) {
        *tag = Tag::RareWord;
        return "<message from='" + user(index) + "/phone' to='" + bot + "' type='chat' id='i" + id +
               "'><body>the invoice for #" + id + " is attached</body></message>";
    }
    switch (index % 20) {
    case 0:
    case 1:
        *sent = true;
        return "<message from='" + bot + "' to='" + user(index) + "/phone' type='chat' id='r" + id +
               "'><body>#" + id +
               ": noted, thanks</body><active xmlns='http://jabber.org/protocol/chatstates'/></message>";
    case 2:
    case 3:
        *tag = Tag::Presence;
        return "<presence from='" + user(index) + "/" + (index % 3 ? "phone" : "laptop") + "' to='" + bot +
               "'><show>away</show><status>back at " + QByteArray::number(index % 24) +
               ":00</status></presence>";
    case 4:
        *tag = Tag::Presence;
        return "<presence from='" + user(index) + "/phone' to='" + bot + "' type='unavailable'/>";
    case 5:
        return "<iq type='get' id='q" + id + "' from='" + user(index) +
               "/phone' to='bench.localhost'><query xmlns='http://jabber.org/protocol/disco#info'/></iq>";
    case 6:
        *sent = true;
        return "<iq type='result' id='q" + QByteArray::number(index - 1) + "' from='bench.localhost' to='" +
               user(index - 1) +
               "/phone'><query xmlns='http://jabber.org/protocol/disco#info'><identity category='component' "
               "type='generic'/><feature var='urn:xmpp:ping'/></query></iq>";
    case 7:
        return "<iq type='get' id='p" + id +
               "' from='example.net' to='bench.localhost'><ping xmlns='urn:xmpp:ping'/></iq>";
    case 8:
        *sent = true;
        return "<iq type='get' id='v" + id + "' from='bench.localhost' to='" + user(index) +
               "/phone'><query xmlns='jabber:iq:version'/></iq>";
    case 9:
        *tag = Tag::IqError;
        return "<iq type='error' id='v" + QByteArray::number(index - 1) + "' from='" + user(index - 1) +
               "/phone' to='bench.localhost'><query xmlns='jabber:iq:version'/><error type='cancel'><" +
               (index % 40 == 9 ? "item-not-found" : "service-unavailable") +
               " xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>";
    default:
        return chatMessage(index);
    }
}

struct Expected
{
    qint64 rows = 0;
    qint64 rareWord = 0;
    qint64 presence = 0;
    qint64 iqErrors = 0;
    qint64 wireBytes = 0;
};

// Streams the corpus through a parser, as the connection does, into `log`.
Expected fillLog(xcm::StanzaLogModel *log, qint64 count)
{
    Expected expected;
    std::vector<bool> sentFlags;
    sentFlags.reserve(size_t(count));
    qint64 received = 0;
    xcm::StreamParser parser;
    QObject::connect(&parser, &xcm::StreamParser::stanzaReceived, [&](const xcm::Stanza &stanza) {
        const bool sent = sentFlags[size_t(received++)];
        log->append(sent ? stanza.passedOn(xcm::Direction::Sent, stanza.timestampMs()) : stanza);
        expected.wireBytes += stanza.wire().size();
    });
    parser.feed("<stream:stream xmlns:stream='http://etherx.jabber.org/streams' "
                "xmlns='jabber:component:accept' from='bench.localhost' id='biglog'>");
    QByteArray chunk;
    for (qint64 i = 0; i < count; i += 256) {
        chunk.clear();
        for (qint64 j = i; j < std::min(count, i + 256); ++j) {
            bool sent = false;
            Tag tag = Tag::Other;
            chunk += corpusStanza(j, count, &sent, &tag);
            sentFlags.push_back(sent);
            expected.rareWord += tag == Tag::RareWord;
            expected.presence += tag == Tag::Presence;
            expected.iqErrors += tag == Tag::IqError;
        }
        parser.feed(chunk);
    }
    log->flush();
    expected.rows = received;
    return expected;
}

QString loadAverage()
{
    QFile file(u"/proc/loadavg"_s);
    if (!file.open(QIODevice::ReadOnly))
        return u"?"_s;
    return QString::fromLatin1(file.readLine()).section(u' ', 0, 2);
}

struct Measurement
{
    double ms = -1; // -1: the view never showed the expected result
    double freezeMs = 0;
};

// Runs `step` from the event loop while the freeze meter watches; the time runs until `done()` holds,
// pending events are processed and `table` has repainted. Gives up after 60 s.
Measurement measure(QTableView *table, const std::function<void()> &step, const std::function<bool()> &done)
{
    Measurement result;
    xcm::bench::FreezeMeter meter;
    QEventLoop loop;
    QElapsedTimer timer;
    QTimer poll;
    poll.setInterval(0);
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (!done()) {
            if (timer.elapsed() > 60'000) {
                poll.stop();
                loop.quit();
            }
            return;
        }
        poll.stop();
        QCoreApplication::processEvents(); // layout and the view's reactions to the model
        table->viewport()->repaint();
        result.ms = double(timer.nsecsElapsed()) / 1e6;
        QTimer::singleShot(200, &loop, &QEventLoop::quit); // a freeze just after counts too
    });
    QTimer::singleShot(100, &loop, [&] {
        meter.start();
        timer.start();
        step();
        poll.start();
    });
    loop.exec();
    meter.stop();
    result.freezeMs = meter.maxLatenessMs();
    return result;
}

struct Row
{
    QString operation;
    QString time;
    double freezeMs = 0;
    QString target;
    bool pass = false;
    bool held = true; // false: shown for information, not a target
};

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    // Its own settings and profiles, never the user's xcm ones.
    QApplication::setOrganizationName(u"xcm-bench"_s);
    QApplication::setApplicationName(u"xcm-bench-biglog"_s);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"A 1,000,000-row stanza log in the real main window."_s);
    parser.addHelpOption();
    const QCommandLineOption stanzasOption(u"stanzas"_s, u"Rows in the log (default 1000000)."_s, u"n"_s,
                                           u"1000000"_s);
    const QCommandLineOption findsOption(u"finds"_s, u"F3 and Shift+F3 presses timed (default 10 each)."_s,
                                         u"n"_s, u"10"_s);
    parser.addOptions({stanzasOption, findsOption});
    parser.process(app);
    const qint64 count = parser.value(stanzasOption).toLongLong();
    const int finds = std::max(1, parser.value(findsOption).toInt());
    if (count < 1000) {
        std::fprintf(stderr, "xcm-bench-biglog: --stanzas must be at least 1000\n");
        return 2;
    }
    const QString loadBefore = loadAverage();

    xcm::MainWindow window;
    xcm::Profile profile = xcm::Profile::create(u"biglog"_s);
    profile.settings.domain = domain;
    window.profileStore()->add(profile);
    xcm::ProfileSession *session = window.sessions()->session(profile.id);
    if (!session) {
        std::fprintf(stderr, "xcm-bench-biglog: the main window made no session for the profile\n");
        return 1;
    }
    window.selectProfile(profile.id);
    window.resize(1280, 800);
    window.show();
    QCoreApplication::processEvents();
    xcm::StanzaLogView *view = window.pageFor(session)->logView();
    xcm::StanzaLogModel *log = session->log();
    xcm::StanzaLogFilterModel *filter = view->filterModel();
    QTableView *table = view->tableView();
    xcm::LogFilterBar *bar = view->filterBar();
    auto *searchEdit = bar->findChild<QLineEdit *>(u"searchEdit"_s);
    auto *kindMenu = bar->findChild<QMenu *>(u"kindMenu"_s);
    auto *expressionAction = bar->findChild<QAction *>(u"expressionAction"_s);
    auto *textFilterAction = bar->findChild<QAction *>(u"textFilterAction"_s);
    QAction *presenceAction = nullptr;
    for (QAction *action : kindMenu ? kindMenu->actions() : QList<QAction *>()) {
        if (action->isCheckable() && action->data().toInt() == int(xcm::StanzaKind::Presence))
            presenceAction = action;
    }
    if (!searchEdit || !presenceAction || !expressionAction || !textFilterAction) {
        std::fprintf(stderr,
                     "xcm-bench-biglog: the filter bar has no search box, kind menu, Expr or Filter\n");
        return 1;
    }

    log->setMaxRows(qsizetype(count));
    QElapsedTimer loading;
    loading.start();
    const Expected expected = fillLog(log, count);
    QCoreApplication::processEvents();
    const double loadSeconds = double(loading.elapsed()) / 1e3;
    if (log->rowCount() != expected.rows || filter->rowCount() != expected.rows) {
        std::fprintf(stderr, "xcm-bench-biglog: the log holds %d rows (shown %d), expected %lld\n",
                     log->rowCount(), filter->rowCount(), expected.rows);
        return 1;
    }
    std::printf("Big log: %lld stanzas (%.1f MB on the wire, %.0f B average) in the real main window "
                "(offscreen), loaded in %.1f s; RSS %.0f MB\n",
                expected.rows, double(expected.wireBytes) / 1e6,
                double(expected.wireBytes) / double(expected.rows), loadSeconds,
                double(xcm::bench::currentRssBytes()) / 1e6);
    std::printf("Text filter \"%s\": %lld rows (%.1f %%); presence: %lld rows; `%s`: %lld rows\n",
                qPrintable(rareWord), expected.rareWord, 100.0 * double(expected.rareWord) / double(count),
                expected.presence, qPrintable(expressionText), expected.iqErrors);
    measure(
        table, [] {}, [] { return true; }); // the first paint of the full log is not a filter's

    std::vector<Row> rows;
    const auto shown = [filter](qint64 n) { return [filter, n] { return filter->rowCount() == n; }; };
    const auto fmt = [](double ms) { return ms < 0 ? u"never"_s : u"%1 ms"_s.arg(ms, 0, 'f', 0); };
    // A filter change: ≤ 300 ms, or incremental with no freeze over 50 ms.
    const auto filterRow = [&](const QString &operation, const Measurement &m) {
        const bool pass = m.ms >= 0 && (m.ms <= 300.0 || m.freezeMs <= 50.0);
        rows.push_back({operation, fmt(m.ms), m.freezeMs, u"≤ 300 ms or no freeze > 50 ms"_s, pass});
        std::fprintf(stderr, "xcm-bench-biglog: %s: %.0f ms, freeze %.0f ms\n", qPrintable(operation), m.ms,
                     m.freezeMs);
    };

    // The text filter: the word typed, then Return (it applies at once rather than after the pause).
    searchEdit->setFocus();
    QTest::keyClicks(searchEdit, rareWord);
    filterRow(u"text filter \"%1\" (Return)"_s.arg(rareWord),
              measure(
                  table, [&] { QTest::keyClick(searchEdit, Qt::Key_Return); }, shown(expected.rareWord)));
    filterRow(u"text filter cleared (Esc)"_s,
              measure(
                  table, [&] { QTest::keyClick(searchEdit, Qt::Key_Escape); }, shown(expected.rows)));

    // The kind menu: presence unticked, then ticked again.
    filterRow(u"kind filter: hide presence"_s,
              measure(
                  table, [&] { presenceAction->trigger(); }, shown(expected.rows - expected.presence)));
    filterRow(u"kind filter: show presence"_s,
              measure(
                  table, [&] { presenceAction->trigger(); }, shown(expected.rows)));

    // An expression: Expr toggled on, the expression applied as Return (or a saved one) applies it.
    expressionAction->trigger();
    QCoreApplication::processEvents();
    filterRow(u"expression `%1`"_s.arg(expressionText),
              measure(
                  table, [&] { bar->applyExpression(expressionText); }, shown(expected.iqErrors)));
    filterRow(u"expression cleared (Esc)"_s,
              measure(
                  table, [&] { QTest::keyClick(searchEdit, Qt::Key_Escape); }, shown(expected.rows)));
    expressionAction->trigger(); // back to words
    QCoreApplication::processEvents();

    // Find: the text filter off, the word searched, then F3 / Shift+F3 from match to match.
    textFilterAction->trigger();
    searchEdit->setFocus();
    QTest::keyClicks(searchEdit, rareWord);
    QTest::keyClick(searchEdit, Qt::Key_Return); // applies the search and selects the first match
    QCoreApplication::processEvents();
    const auto findSeries = [&](const QString &operation, bool forward, int times, bool held) {
        std::vector<double> times_ms;
        double worstFreeze = 0;
        bool allMoved = true;
        for (int i = 0; i < times; ++i) {
            const int before = table->currentIndex().row();
            const Measurement m = measure(
                table, [&] { forward ? view->findNext() : view->findPrevious(); },
                [&] { return table->currentIndex().row() != before; });
            allMoved = allMoved && m.ms >= 0;
            times_ms.push_back(m.ms);
            worstFreeze = std::max(worstFreeze, m.freezeMs);
        }
        std::sort(times_ms.begin(), times_ms.end());
        const double median = times_ms[times_ms.size() / 2];
        const double worst = times_ms.back();
        rows.push_back(
            {operation, times > 1 ? u"median %1, max %2"_s.arg(fmt(median), fmt(worst)) : fmt(worst),
             worstFreeze, held ? u"≤ 50 ms each"_s : u"(information)"_s, allMoved && worst <= 50.0, held});
        std::fprintf(stderr, "xcm-bench-biglog: %s: max %.0f ms\n", qPrintable(operation), worst);
    };
    findSeries(u"find next (F3), %1 times"_s.arg(finds), true, finds, true);
    findSeries(u"find previous (Shift+F3), %1 times"_s.arg(finds), false, finds, true);
    // The longest a find can take: a word in one row, 7/9 down, looked for from the top.
    QTest::keyClick(searchEdit, Qt::Key_Escape);
    QTest::keyClicks(searchEdit, singleWord);
    table->setCurrentIndex(filter->index(0, 0));
    QCoreApplication::processEvents();
    findSeries(u"find next, a word in one row, from the top"_s, true, 1, false);
    QTest::keyClick(searchEdit, Qt::Key_Escape);
    textFilterAction->trigger();
    QCoreApplication::processEvents();

    // Export of all rows, both formats, as Ctrl+E does once the file is named.
    for (const auto &[format, suffix] : {std::pair{"XML log", ".log"}, std::pair{"JSON Lines", ".jsonl"}}) {
        const QString path =
            QDir::tempPath() + u"/xcm-bench-biglog-%1%2"_s.arg(QCoreApplication::applicationPid())
                                   .arg(QLatin1StringView(suffix));
        bool ok = false;
        bool done = false;
        const QMetaObject::Connection finished =
            QObject::connect(view, &xcm::StanzaLogView::exportFinished, [&](bool success) {
                ok = success;
                done = true;
            });
        // Until the file is written (on a pool thread since the export left the UI thread); the freeze is
        // what the window felt meanwhile.
        const Measurement m = measure(
            table, [&] { view->exportTo(path); }, [&] { return done; });
        QObject::disconnect(finished);
        const qint64 bytes = QFileInfo(path).size();
        QFile::remove(path);
        const double mbPerS = m.ms > 0 ? double(bytes) / 1e6 / (m.ms / 1e3) : 0;
        rows.push_back({u"export all rows, %1 (%2 MB)"_s.arg(QLatin1StringView(format))
                            .arg(double(bytes) / 1e6, 0, 'f', 0),
                        u"%1 (%2 MB/s)"_s.arg(fmt(m.ms)).arg(mbPerS, 0, 'f', 1), m.freezeMs, u"≥ 50 MB/s"_s,
                        ok && mbPerS >= 50.0});
        std::fprintf(stderr, "xcm-bench-biglog: export %s: %.0f ms, %.1f MB/s\n", format, m.ms, mbPerS);
    }

    // Clear, as Ctrl+L does.
    const Measurement cleared = measure(
        table, [&] { view->clear(); }, shown(0));
    rows.push_back({u"clear (Ctrl+L)"_s, fmt(cleared.ms), cleared.freezeMs, u"≤ 100 ms"_s,
                    cleared.ms >= 0 && cleared.ms <= 100.0});
    const QString loadAfter = loadAverage();

    std::printf("Load average before %s, after %s; peak RSS %.0f MB\n\n", qPrintable(loadBefore),
                qPrintable(loadAfter), double(xcm::bench::peakRssBytes()) / 1e6);
    std::printf("| operation | time until shown | UI freeze | target | |\n|---|---:|---:|---|:---:|\n");
    for (const Row &row : rows)
        std::printf("| %s | %s | %.0f ms | %s | %s |\n", qPrintable(row.operation), qPrintable(row.time),
                    row.freezeMs, qPrintable(row.target), row.held ? (row.pass ? "PASS" : "FAIL") : "");
    std::printf("\nTargets:\n");
    bool allPass = true;
    for (const Row &row : rows) {
        if (!row.held)
            continue;
        allPass = allPass && row.pass;
        std::printf("  %s  %-52s %s, freeze %.0f ms (%s)\n", row.pass ? "PASS" : "FAIL",
                    qPrintable(u"%1 rows: %2"_s.arg(expected.rows).arg(row.operation)), qPrintable(row.time),
                    row.freezeMs, qPrintable(row.target));
    }
    return allPass ? 0 : 1;
}
