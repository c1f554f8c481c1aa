// SPDX-License-Identifier: GPL-3.0-or-later
// A manual check of the stanza log view, not a test: fills the view with realistic traffic for a look
// (light or dark palette), or floods it to see whether it keeps up.
//   xcm_log_demo [--dark] [--rows N] [--select ROW] [--pause]
//   xcm_log_demo --stress N [--no-view] [--chunk K]   prints stanzas/s and the longest event-loop stall

#include "stanzalogfiltermodel.h"
#include "stanzalogmodel.h"
#include "stanzalogview.h"
#include "stanzasamples.h"

#include <QApplication>
#include <QCheckBox>
#include <QCommandLineParser>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QLineEdit>
#include <QMainWindow>
#include <QRandomGenerator>
#include <QStyleFactory>
#include <QTableView>
#include <QTimer>
#include <QWindow>

#include <cstdio>
#include <ctime>

using namespace Qt::StringLiterals;
using namespace xcm;

namespace {

QPalette darkPalette()
{
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x2d, 0x2d, 0x2d));
    dark.setColor(QPalette::WindowText, QColor(0xe8, 0xe8, 0xe8));
    dark.setColor(QPalette::Base, QColor(0x1f, 0x1f, 0x1f));
    dark.setColor(QPalette::AlternateBase, QColor(0x28, 0x28, 0x28));
    dark.setColor(QPalette::Text, QColor(0xe8, 0xe8, 0xe8));
    dark.setColor(QPalette::Button, QColor(0x3a, 0x3a, 0x3a));
    dark.setColor(QPalette::ButtonText, QColor(0xe8, 0xe8, 0xe8));
    dark.setColor(QPalette::Highlight, QColor(0x35, 0x84, 0xe4));
    dark.setColor(QPalette::HighlightedText, Qt::white);
    dark.setColor(QPalette::ToolTipBase, QColor(0x3a, 0x3a, 0x3a));
    dark.setColor(QPalette::ToolTipText, QColor(0xe8, 0xe8, 0xe8));
    dark.setColor(QPalette::PlaceholderText, QColor(0x90, 0x90, 0x90));
    dark.setColor(QPalette::Disabled, QPalette::Text, QColor(0x80, 0x80, 0x80));
    dark.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x80, 0x80, 0x80));
    return dark;
}

// A plausible session: stream setup, then users talking to an echo bot, presence, disco, pings, errors.
QList<Stanza> session(int count)
{
    QList<Stanza> stanzas;
    qint64 t = QDateTime::currentMSecsSinceEpoch() - count * 40;
    stanzas << samples::ourHeader(t) << samples::serverHeader(t + 3)
            << samples::handshake(redactedHandshake, t + 4) << samples::received("<handshake/>", t + 9);
    const QStringList users{u"juliet@capulet.lit/balcony"_s, u"romeo@montague.lit/orchard"_s,
                            u"nurse@capulet.lit/phone"_s, u"mercutio@verona.lit/tavern"_s,
                            u"friar.laurence@cell.verona.lit/desk"_s};
    const QStringList lines{u"Hello there!"_s,
                            u"What light through yonder window breaks?"_s,
                            u"Grüße aus München 🍺"_s,
                            u"ping?"_s,
                            u"Can you look up the weather for Verona tomorrow?\nAnd the day after."_s,
                            u"日本語のメッセージ"_s,
                            u"<b>not markup</b> & friends"_s,
                            u"A long message that goes on and on, well past the width of the summary column, "
                            "to see how the view elides it without wrapping or growing the row."_s};
    auto *random = QRandomGenerator::global();
    for (int i = 0; stanzas.size() < count; ++i) {
        t += random->bounded(1, 80);
        const QByteArray user = users.at(random->bounded(users.size())).toHtmlEscaped().toUtf8();
        const QByteArray id = "id" + QByteArray::number(i);
        switch (random->bounded(12)) {
        case 0:
        case 1:
        case 2: {
            const QByteArray body = lines.at(random->bounded(lines.size())).toHtmlEscaped().toUtf8();
            stanzas << samples::received(
                "<message from='" + user + "' to='echo@bot.example.org' type='chat' id='" + id + "'><body>" +
                    body + "</body><active xmlns='http://jabber.org/protocol/chatstates'/></message>",
                t);
            stanzas << samples::sent("<message from='echo@bot.example.org' to='" + user +
                                         "' type='chat' id='" + id + "r'><body>" + body + "</body></message>",
                                     t + 1);
            break;
        }
        case 3:
            stanzas << samples::received(
                "<message from='" + user + "' to='echo@bot.example.org' type='chat' id='" + id +
                    "'><composing xmlns='http://jabber.org/protocol/chatstates'/></message>",
                t);
            break;
        case 4:
            stanzas << samples::received(
                "<presence from='" + user +
                    "' to='echo@bot.example.org'><show>away</show><status>In a meeting</status></presence>",
                t);
            break;
        case 5:
            stanzas << samples::received(
                "<presence from='" + user + "' to='echo@bot.example.org' type='unavailable'/>", t);
            break;
        case 6:
            stanzas << samples::received("<iq type='get' from='" + user + "' to='bot.example.org' id='" + id +
                                             "'><query xmlns='http://jabber.org/protocol/disco#info'/></iq>",
                                         t);
            stanzas << samples::sent("<iq type='result' from='bot.example.org' to='" + user + "' id='" + id +
                                         "'><query xmlns='http://jabber.org/protocol/disco#info'><identity "
                                         "category='component' type='generic' name='Echo'/><feature "
                                         "var='http://jabber.org/protocol/disco#info'/></query></iq>",
                                     t + 1);
            break;
        case 7:
            stanzas << samples::received("<iq type='get' from='example.org' to='bot.example.org' id='" + id +
                                             "'><ping xmlns='urn:xmpp:ping'/></iq>",
                                         t);
            stanzas << samples::sent(
                "<iq type='result' from='bot.example.org' to='example.org' id='" + id + "'/>", t + 1);
            break;
        case 8:
            if (random->bounded(4) == 0)
                stanzas << samples::received(samples::iqError, t);
            else
                stanzas << samples::sent(
                    "<iq type='set' from='bot.example.org' to='pubsub.example.org' id='" + id +
                        "'><pubsub xmlns='http://jabber.org/protocol/pubsub'><publish "
                        "node='urn:xmpp:microblog:0'/></pubsub></iq>",
                    t);
            break;
        case 9:
            stanzas << samples::received(
                "<message from='" + user + "' to='nobody@bot.example.org' type='error' id='" + id +
                    "'><error type='cancel'><service-unavailable "
                    "xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></message>",
                t);
            break;
        default:
            stanzas << samples::received("<message from='" + user + "' to='echo@bot.example.org' id='" + id +
                                             "'><received xmlns='urn:xmpp:receipts' id='r" + id +
                                             "'/></message>",
                                         t);
        }
    }
    stanzas << samples::received(samples::streamError, t + 5) << samples::streamClose(Direction::Sent, t + 6);
    return stanzas;
}

// Floods the model the way a busy connection does (a read's worth of stanzas per event-loop turn) and
// reports the rate and the longest the event loop was kept from a 5 ms heartbeat.
qint64 residentMb()
{
    QFile statm(u"/proc/self/statm"_s);
    if (!statm.open(QIODevice::ReadOnly))
        return -1;
    return statm.readAll().split(' ').value(1).toLongLong() * 4096 / (1024 * 1024);
}

// Counts the paints of the table, to tell a flood that was drawn from one that was not.
class PaintCounter : public QObject
{
public:
    using QObject::QObject;
    int paints = 0;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint)
            ++paints;
        return QObject::eventFilter(watched, event);
    }
};

int stress(QApplication &app, StanzaLogModel &model, StanzaLogView *view, int total, int chunk, int rate)
{
    PaintCounter paints;
    if (view) {
        view->tableView()->viewport()->installEventFilter(&paints);
        // Flood only once the window is on screen, or nothing gets drawn.
        while (!view->window()->windowHandle() || !view->window()->windowHandle()->isExposed())
            QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    }
    QList<QByteArray> wires;
    for (int i = 0; i < 1000; ++i)
        wires << samples::loadMessage(i, 250);
    QXmlStreamAttributes attributes;
    attributes.append(u"from"_s, u"load@example.org/r"_s);
    attributes.append(u"to"_s, u"echo@bot.example.org"_s);
    attributes.append(u"type"_s, u"chat"_s);

    QElapsedTimer clock;
    clock.start();
    // Wall-clock stalls, and the CPU the thread used in them: on a busy machine the second tells what
    // the stall would be on an idle one.
    const auto threadCpuMs = [] {
        timespec ts{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
        return qint64(ts.tv_sec) * 1000 + ts.tv_nsec / 1'000'000;
    };
    qint64 lastBeat = 0;
    qint64 lastCpu = threadCpuMs();
    qint64 worstGap = 0;
    qint64 worstCpuGap = 0;
    QList<QPair<qint64, qint64>> stalls; // (when, how long) over 30 ms
    QTimer heartbeat;
    heartbeat.setTimerType(Qt::PreciseTimer);
    QObject::connect(&heartbeat, &QTimer::timeout, [&] {
        const qint64 now = clock.elapsed();
        const qint64 cpu = threadCpuMs();
        worstGap = qMax(worstGap, now - lastBeat);
        worstCpuGap = qMax(worstCpuGap, cpu - lastCpu);
        if (now - lastBeat > 30)
            stalls.append({now, now - lastBeat});
        lastBeat = now;
        lastCpu = cpu;
    });
    heartbeat.start(5);

    int flushes = 0;
    QObject::connect(&model, &StanzaLogModel::countsChanged, [&flushes] { ++flushes; });
    int sent = 0;
    QTimer producer;
    QObject::connect(&producer, &QTimer::timeout, [&] {
        // With a rate, only what is due by now (a connection cannot deliver faster than the peer sends).
        const int due = rate > 0 ? int(qMin<qint64>(total, clock.elapsed() * rate / 1000)) : total;
        for (int i = 0; i < chunk && sent < due; ++i, ++sent) {
            const QByteArray &pattern = wires.at(sent % wires.size());
            // A fresh allocation per stanza, as the parser makes.
            model.append(Stanza(Direction::Received, QDateTime::currentMSecsSinceEpoch(),
                                QByteArray(pattern.constData(), pattern.size()), u"message"_s,
                                u"jabber:component:accept"_s, attributes));
        }
        if (sent >= total) {
            producer.stop();
            QTimer::singleShot(0, &app, [&] {
                model.flush();
                QCoreApplication::processEvents();
                const double seconds = clock.elapsed() / 1000.0;
                // CPU time too: on a shared machine the wall clock says more about the neighbours.
                const double cpu = double(std::clock()) / CLOCKS_PER_SEC;
                std::printf("%d stanzas in %.2f s (%.2f s CPU): %.0f stanzas/s, %.0f per CPU second; longest "
                            "event-loop stall %lld ms (%lld ms CPU); rows %d, dropped %llu; %d flushes, %d "
                            "paints; %lld MB resident\n",
                            total, seconds, cpu, total / seconds, total / cpu, worstGap, worstCpuGap,
                            model.rowCount(), static_cast<unsigned long long>(model.droppedCount()), flushes,
                            paints.paints, residentMb());
                if (qEnvironmentVariableIsSet("XCM_DEMO_STALLS")) {
                    for (const auto &[when, length] : std::as_const(stalls))
                        std::printf("  stall of %lld ms at %lld ms\n", length, when);
                }
                app.quit();
            });
        }
    });
    producer.start(0);
    return app.exec();
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setStyle(QStyleFactory::create(u"Fusion"_s));
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption darkOption(u"dark"_s, u"Use a dark palette."_s);
    const QCommandLineOption rowsOption(u"rows"_s, u"Stanzas to show."_s, u"n"_s, u"3000"_s);
    const QCommandLineOption selectOption(u"select"_s, u"Row to select (from the end if negative)."_s,
                                          u"row"_s);
    const QCommandLineOption pauseOption(u"pause"_s, u"Pause, then keep appending."_s);
    const QCommandLineOption searchOption(u"search"_s, u"Search text (highlighted, not filtered)."_s,
                                          u"text"_s);
    const QCommandLineOption stressOption(u"stress"_s, u"Flood with n stanzas and measure."_s, u"n"_s);
    const QCommandLineOption chunkOption(u"chunk"_s, u"Stanzas per event-loop turn when flooding."_s, u"k"_s,
                                         u"256"_s);
    const QCommandLineOption noViewOption(u"no-view"_s, u"Flood the model without a view."_s);
    const QCommandLineOption rateOption(
        u"rate"_s, u"Stanzas per second when flooding (0: as fast as possible)."_s, u"n"_s, u"0"_s);
    const QCommandLineOption hiddenOption(u"hidden"_s, u"Flood a view that is not shown."_s);
    const QCommandLineOption intervalOption(u"interval"_s, u"The model's flush interval (ms)."_s, u"ms"_s);
    const QCommandLineOption maxRowsOption(u"max-rows"_s, u"The log's cap."_s, u"n"_s);
    parser.addOptions({darkOption, rowsOption, selectOption, pauseOption, searchOption, stressOption,
                       chunkOption, noViewOption, maxRowsOption, hiddenOption, intervalOption, rateOption});
    parser.process(app);
    if (parser.isSet(darkOption))
        QApplication::setPalette(darkPalette());

    StanzaLogModel model;
    if (parser.isSet(intervalOption))
        model.setFlushInterval(parser.value(intervalOption).toInt());
    if (parser.isSet(maxRowsOption))
        model.setMaxRows(parser.value(maxRowsOption).toLongLong());
    QMainWindow window;
    auto *view = new StanzaLogView;
    window.setCentralWidget(view);
    window.setWindowTitle(u"xcm stanza log demo"_s);
    window.resize(1280, 800);

    if (parser.isSet(stressOption)) {
        const bool withView = !parser.isSet(noViewOption);
        if (withView) {
            view->setModel(&model);
            if (!parser.isSet(hiddenOption))
                window.show();
        }
        return stress(app, model, withView && !parser.isSet(hiddenOption) ? view : nullptr,
                      parser.value(stressOption).toInt(), parser.value(chunkOption).toInt(),
                      parser.value(rateOption).toInt());
    }

    view->setModel(&model);
    for (const Stanza &stanza : session(parser.value(rowsOption).toInt()))
        model.append(stanza);
    model.flush();
    window.move(0, 0);
    window.show();
    if (parser.isSet(searchOption)) {
        view->findChild<QCheckBox *>(u"textFilterCheck"_s)->setChecked(false);
        view->findChild<QLineEdit *>(u"searchEdit"_s)->setText(parser.value(searchOption));
    }
    if (parser.isSet(selectOption)) {
        int row = parser.value(selectOption).toInt();
        QTimer::singleShot(100, view, [view, row] {
            QTableView *table = view->tableView();
            const int count = table->model()->rowCount();
            table->selectRow(row < 0 ? count + row : row);
        });
    }
    if (parser.isSet(pauseOption)) {
        view->setPaused(true);
        for (const Stanza &stanza : session(57))
            model.append(stanza);
    }
    return app.exec();
}
