// SPDX-License-Identifier: GPL-3.0-or-later
// xcm-bench-bigstanza: how long the window stops answering when a person handles a large stanza. Three
// stanzas just under the 512 KiB limit — one unbroken 500 KB token (base64: avatars, Bits of Binary,
// in-band bytestreams), 20,000 small elements, and 500 KB of wrappable words — each: selected in the
// real stanza log view (the detail pane shows it), shown in full ("Show all"), its Summary and tooltip
// read as the view paints and hovers them, and pasted into the real compose form. A 10 ms timer on the
// event loop (FreezeMeter) measures the longest freeze of each step. Prints one line per step:
//   XCM-BENCH-BIGSTANZA stanza=… step=… freeze_ms=…
// The compose steps paste it with Ctrl+V, undo that, and load it back from a send history of five.
// Run under QT_QPA_PLATFORM=offscreen (bench/run does); an argument (one-token, 20000-elements,
// wrappable) runs that stanza only.

#include "composehistory.h"
#include "composewidget.h"
#include "freezemeter.h"
#include "profilesession.h"
#include "stanza.h"
#include "stanzalogmodel.h"
#include "stanzalogview.h"
#include "xmlelement.h"

#include <QAbstractButton>
#include <QApplication>
#include <QClipboard>
#include <QElapsedTimer>
#include <QListView>
#include <QPlainTextEdit>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <cstdio>
#include <functional>

using namespace Qt::StringLiterals;

namespace {

constexpr qsizetype targetBytes = 500'000;

QByteArray oneToken()
{
    QByteArray data;
    const QByteArray alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    data.reserve(targetBytes);
    for (qsizetype i = 0; i < targetBytes; ++i)
        data.append(alphabet.at(int((i * 7919) % alphabet.size())));
    return "<message from='a@example.org/x' to='bot.example.org' id='big'><data xmlns='urn:xmpp:bob' "
           "cid='sha1+0@bob.xmpp.org' type='image/png'>" +
           data + "</data></message>";
}

QByteArray manyElements()
{
    QByteArray items;
    for (int i = 0; items.size() < targetBytes - 100; ++i)
        items += "<item jid='u" + QByteArray::number(i) + "@e.org' n='" + QByteArray::number(i % 97) + "'/>";
    return "<iq type='result' id='big' from='a@example.org/x' to='bot.example.org'><query "
           "xmlns='http://jabber.org/protocol/disco#items'>" +
           items + "</query></iq>";
}

QByteArray wrappable()
{
    QByteArray words;
    for (int i = 0; words.size() < targetBytes; ++i)
        words += "lorem ipsum dolor sit amet " + QByteArray::number(i) + ' ';
    return "<message from='a@example.org/x' to='bot.example.org' id='big'><body>" + words +
           "</body></message>";
}

xcm::Stanza stanzaFrom(const QByteArray &wire)
{
    QString error;
    const xcm::XmlElement element = xcm::XmlElement::parse(wire, &error, u"jabber:component:accept");
    return xcm::Stanza(xcm::Direction::Received, QDateTime::currentMSecsSinceEpoch(), wire, element);
}

// Runs `step` from the event loop while the meter watches, then lets the loop settle (layout and
// painting happen after the step returns); the longest freeze in ms.
double measure(const std::function<void()> &step, int settleMs = 1200)
{
    xcm::bench::FreezeMeter meter;
    meter.start();
    QEventLoop loop;
    QTimer::singleShot(50, &loop, [&] {
        step();
        QTimer::singleShot(settleMs, &loop, &QEventLoop::quit);
    });
    loop.exec();
    meter.stop();
    return meter.maxLatenessMs();
}

void report(const char *stanza, const char *step, double freezeMs)
{
    std::printf("XCM-BENCH-BIGSTANZA stanza=%s step=%s freeze_ms=%.1f\n", stanza, step, freezeMs);
    std::fflush(stdout);
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    const std::pair<const char *, QByteArray> cases[] = {
        {"one-token", oneToken()}, {"20000-elements", manyElements()}, {"wrappable", wrappable()}};

    // An argument names the one stanza to run (for profiling).
    const QString only = app.arguments().value(1);
    for (const auto &[name, wire] : cases) {
        if (!only.isEmpty() && only != QLatin1StringView(name))
            continue;
        xcm::StanzaLogModel log;
        log.append(stanzaFrom("<message from='a@example.org/x' to='bot.example.org' id='small'>"
                              "<body>hi</body></message>"));
        log.append(stanzaFrom(wire));
        log.flush();
        xcm::StanzaLogView view;
        view.setModel(&log);
        view.resize(1280, 700);
        view.show();
        QTableView *table = view.tableView();
        table->setCurrentIndex(table->model()->index(0, 0));
        measure([] {}, 200); // the first paint is not the stanza's

        report(name, "select", measure([&] { table->setCurrentIndex(table->model()->index(1, 0)); }));
        auto *showAll = view.findChild<QAbstractButton *>(u"showAllButton"_s);
        if (showAll && showAll->isVisible())
            report(name, "show-all", measure([&] { showAll->click(); }, 3000));
        // The row's texts as the view first paints and hovers it, before anything is cached: another log.
        xcm::StanzaLogModel cold;
        cold.append(stanzaFrom(wire));
        cold.flush();
        report(name, "summary-and-tooltip", measure([&] {
                   for (int column = 0; column < xcm::StanzaLogModel::ColumnCount; ++column) {
                       const QModelIndex index = cold.index(0, column);
                       index.data(Qt::DisplayRole);
                       index.data(Qt::ToolTipRole);
                   }
               }));

        xcm::Profile profile = xcm::Profile::create(u"bench"_s);
        profile.settings.domain = u"bot.example.org"_s;
        QTemporaryDir history;
        xcm::ProfileSession session(profile, nullptr, history.filePath(u"history"_s));
        xcm::ComposeWidget compose(&session);
        compose.resize(1000, 400);
        compose.show();
        measure([] {}, 200);
        auto *editor = compose.findChild<QPlainTextEdit *>(u"xmlEditor"_s);
        // As a person pastes: from the clipboard, with Ctrl+V in the editor.
        QApplication::clipboard()->setText(QString::fromUtf8(wire));
        editor->setFocus();
        report(name, "compose-paste",
               measure(
                   [&] {
                       editor->selectAll();
                       QTest::keyClick(editor, Qt::Key_V, Qt::ControlModifier);
                   },
                   2000));
        report(name, "compose-undo",
               measure([&] { QTest::keyClick(editor, Qt::Key_Z, Qt::ControlModifier); }, 1000));

        // The send history holding five of them: shown, hovered, and one loaded back into the editor.
        const auto numbered = [&wire](int i) {
            return QByteArray(wire).replace("id='big'", QByteArray("id='big" + QByteArray::number(i) + "'"));
        };
        for (int i = 0; i < 4; ++i)
            session.history()->add(numbered(i), QDateTime::currentMSecsSinceEpoch());
        // What sending one more costs the history (it is saved to disk at once).
        report(name, "history-add",
               measure([&] { session.history()->add(numbered(4), QDateTime::currentMSecsSinceEpoch()); }));
        auto *historyView = compose.findChild<QListView *>(u"history"_s);
        report(name, "history-list", measure([&] {
                   historyView->viewport()->repaint();
                   for (int row = 0; row < historyView->model()->rowCount(); ++row)
                       historyView->model()->index(row, 0).data(Qt::ToolTipRole);
               }));
        report(name, "history-edit",
               measure(
                   [&] {
                       historyView->setCurrentIndex(historyView->model()->index(2, 0));
                       auto *edit = compose.findChild<QAbstractButton *>(u"loadHistory"_s);
                       if (edit)
                           edit->click();
                       else
                           std::fprintf(stderr, "no Edit button in the history\n");
                   },
                   2000));
        if (compose.xml().size() < targetBytes)
            std::fprintf(stderr, "the history's stanza did not reach the editor\n");
    }
    return 0;
}
