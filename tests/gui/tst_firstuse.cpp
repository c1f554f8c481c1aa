// SPDX-License-Identifier: GPL-3.0-or-later
// What a first-time user tripped over in the stanza log, driven as a user would with keys and clicks:
// a filter that hides everything says so, Pause keeps its width, F3 stops following, Esc in the list
// clears the search, and the reason line stays one line.
#include "../log/stanzasamples.h"
#include "apppalette.h"
#include "connectionbar.h"
#include "elidedlabel.h"
#include "historyview.h"
#include "stanzalogfiltermodel.h"
#include "stanzalogmodel.h"
#include "stanzalogview.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QRadioButton>
#include <QStandardPaths>
#include <QStyleOptionButton>
#include <QTableView>
#include <QTest>
#include <QTimer>
#include <QToolButton>

#include <cmath>

using namespace Qt::StringLiterals;
using namespace xcm;

class TestFirstUse : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void filterMatchingNothingSaysSo();
    void pauseKeepsItsWidth();
    void findNextStopsFollowing();
    void escapeInTheListClearsTheSearch();
    void elidedLabelStaysOneLine();
    void kindsMenuStaysOpenWhileTicking();
    void historyLinesKeepWhatWasSent_data();
    void historyLinesKeepWhatWasSent();
    void indicatorsShowOnDark(); // last: it switches the application's style

private:
    template<typename T> T *child(const QString &name) const
    {
        T *found = m_view->findChild<T *>(name);
        if (!found)
            qFatal("no child %s", qPrintable(name));
        return found;
    }
    void fill(int count);

    StanzaLogModel *m_model = nullptr;
    StanzaLogView *m_view = nullptr;
};

void TestFirstUse::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QApplication::setApplicationName(u"tst_firstuse"_s);
}

void TestFirstUse::init()
{
    m_model = new StanzaLogModel;
    m_model->setFlushInterval(0);
    m_view = new StanzaLogView;
    m_view->setModel(m_model);
    m_view->resize(1000, 600);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowActive(m_view));
}

void TestFirstUse::cleanup()
{
    delete m_view;
    delete m_model;
}

void TestFirstUse::fill(int count)
{
    m_model->append(samples::received(samples::chatMessage));
    for (int i = 0; i < count; ++i)
        m_model->append(samples::received(samples::loadMessage(i)));
    m_model->flush();
}

void TestFirstUse::filterMatchingNothingSaysSo()
{
    fill(5);
    auto *hint = child<QLabel>(u"noMatchHint"_s);
    QVERIFY(!hint->isVisible());
    auto *search = child<QLineEdit>(u"searchEdit"_s);
    search->setFocus();
    QTest::keyClicks(search, u"nothing-has-this"_s);
    QTRY_COMPARE(m_view->tableView()->model()->rowCount(), 0);
    QTRY_VERIFY(hint->isVisible());
    QVERIFY(hint->text().startsWith(u"No stanza matches the filter"_s));
    // Centred in the table, over its rows' area.
    QCOMPARE(hint->parentWidget(), m_view->tableView()->viewport());
    const QPoint centre = hint->geometry().center();
    QVERIFY(qAbs(centre.x() - m_view->tableView()->viewport()->width() / 2) <= 2);

    // Traffic that the filter hides keeps it up; traffic that it shows takes it down.
    m_model->append(samples::received(samples::discoGet));
    m_model->flush();
    QVERIFY(hint->isVisible());

    search->clear();
    QTRY_COMPARE(m_view->tableView()->model()->rowCount(), 7);
    QTRY_VERIFY(!hint->isVisible());

    // An empty log is not a filter's doing: no hint.
    child<QCheckBox>(u"errorsOnlyCheck"_s)->click();
    QTRY_VERIFY(hint->isVisible());
    m_view->clear();
    QTRY_VERIFY(!hint->isVisible());
}

void TestFirstUse::pauseKeepsItsWidth()
{
    auto *pause = child<QToolButton>(u"pauseButton"_s);
    const int width = pause->width();
    QVERIFY(pause->text() == u"Pause"_s);
    QTest::mouseClick(pause, Qt::LeftButton);
    QVERIFY(m_view->isPaused());
    QCOMPARE(pause->text(), u"Resume"_s);
    QTest::qWait(50); // the bar's layout runs
    QCOMPARE(pause->width(), width);
    QVERIFY(pause->width() >= pause->fontMetrics().horizontalAdvance(u"Resume"_s));
    QTest::mouseClick(pause, Qt::LeftButton);
    QVERIFY(!m_view->isPaused());
    QTest::qWait(50);
    QCOMPARE(pause->width(), width);
}

void TestFirstUse::findNextStopsFollowing()
{
    fill(200); // more than fit
    QVERIFY(m_view->isFollowing());
    auto *follow = child<QCheckBox>(u"followCheck"_s);
    QVERIFY(follow->isChecked());
    child<QCheckBox>(u"textFilterCheck"_s)->click(); // off: step through the matches
    auto *search = child<QLineEdit>(u"searchEdit"_s);
    search->setFocus();
    QTest::keyClicks(search, u"capulet"_s); // the first stanza only, far above
    QTest::keyClick(search, Qt::Key_F3);
    QTRY_COMPARE(m_view->tableView()->currentIndex().row(), 0);
    // Jumping away from the newest is the end of following, and the box says so.
    QVERIFY(!m_view->isFollowing());
    QVERIFY(!follow->isChecked());
    m_model->append(samples::received(samples::discoGet));
    m_model->flush();
    QCOMPARE(m_view->tableView()->currentIndex().row(), 0);
}

void TestFirstUse::escapeInTheListClearsTheSearch()
{
    fill(5);
    auto *search = child<QLineEdit>(u"searchEdit"_s);
    search->setFocus();
    QTest::keyClicks(search, u"capulet"_s);
    QTRY_COMPARE(m_view->tableView()->model()->rowCount(), 1);
    m_view->tableView()->setFocus();
    QTRY_VERIFY(m_view->tableView()->hasFocus());
    QTest::keyClick(m_view->tableView(), Qt::Key_Escape);
    QCOMPARE(search->text(), QString());
    QCOMPARE(m_view->tableView()->model()->rowCount(), 6);
    QVERIFY(m_view->tableView()->hasFocus()); // the list keeps the focus
}

void TestFirstUse::kindsMenuStaysOpenWhileTicking()
{
    // Hiding presence and iq took two trips to the menu: it closed at each tick.
    fill(3); // messages
    m_model->append(samples::received(samples::presenceAway));
    m_model->flush();
    QTableView *table = m_view->tableView();
    QTRY_COMPARE(table->model()->rowCount(), 5);
    auto *menu = child<QMenu>(u"kindMenu"_s);
    const auto actionFor = [menu](StanzaKind kind) {
        for (QAction *action : menu->actions())
            if (action->isCheckable() && action->data().toInt() == int(kind))
                return action;
        qFatal("no action for the kind");
    };
    menu->popup(m_view->mapToGlobal(QPoint(20, 20)));
    QVERIFY(QTest::qWaitForWindowExposed(menu));

    QAction *presence = actionFor(StanzaKind::Presence);
    QTest::mouseClick(menu, Qt::LeftButton, {}, menu->actionGeometry(presence).center());
    QVERIFY(!presence->isChecked());
    QTRY_COMPARE(table->model()->rowCount(), 4);
    QVERIFY(menu->isVisible());
    // The keyboard too: Space on the active kind.
    QAction *message = actionFor(StanzaKind::Message);
    menu->setActiveAction(message);
    QTest::keyClick(menu, Qt::Key_Space);
    QVERIFY(!message->isChecked());
    QTRY_COMPARE(table->model()->rowCount(), 0);
    QVERIFY(menu->isVisible());
    QCOMPARE(child<QPushButton>(u"kindButton"_s)->text(), u"3 kinds"_s);
    // A held key ticks once: its repeats do nothing.
    QAction *iq = actionFor(StanzaKind::Iq);
    menu->setActiveAction(iq);
    QKeyEvent repeat(QEvent::KeyPress, Qt::Key_Space, Qt::NoModifier, u" "_s, true);
    QApplication::sendEvent(menu, &repeat);
    QVERIFY(iq->isChecked());
    QVERIFY(menu->isVisible());

    // Show All Kinds is a command: it closes the menu.
    const QList<QAction *> actions = menu->actions();
    QAction *showAll = actions.last();
    QTest::mouseClick(menu, Qt::LeftButton, {}, menu->actionGeometry(showAll).center());
    QTRY_VERIFY(!menu->isVisible());
    QVERIFY(presence->isChecked() && message->isChecked());
    QTRY_COMPARE(table->model()->rowCount(), 5);
}

void TestFirstUse::historyLinesKeepWhatWasSent_data()
{
    QTest::addColumn<int>("available");
    QTest::addColumn<QString>("shown");
    const QString line = u"12:05  message chat “Hello from xcm” → alice@echo.localhost"_s;
    QTest::newRow("room for all") << int(line.size()) << line;
    QTest::newRow("the body gives way first")
        << int(line.size()) - 8 << u"12:05  message chat “Hello… → alice@echo.localhost"_s;
    QTest::newRow("then the address's local part") << 42 << u"12:05  message chat… → al…e@echo.localhost"_s;
    QTest::newRow("what was sent stays whole") << 40 << u"12:05  message chat… → a…@echo.localhost"_s;
    // Only then what was sent; the address keeps a third of the room.
    QTest::newRow("narrow") << 24 << u"12:05  messag… → ali…ost"_s;
    QTest::newRow("no address") << 15 << u"12:05  message…"_s;
    // Cut just after a space: the ellipsis follows the word ("chat …" read as a word left out).
    QTest::newRow("no address, cut after a space") << 21 << u"12:05  message chat…"_s;
    // An emoji is two UTF-16 units: never cut between them.
    QTest::newRow("emoji") << 23 << u"12:05  message chat “…"_s;
    QTest::newRow("no room") << 3 << u"12…"_s;
}

void TestFirstUse::historyLinesKeepWhatWasSent()
{
    // The compose form's history at its usual width showed "12:05  messag… → a…@echo.localhost".
    QFETCH(int, available);
    QFETCH(QString, shown);
    QString line = u"12:05  message chat “Hello from xcm” → alice@echo.localhost"_s;
    if (QByteArrayView(QTest::currentDataTag()).startsWith("no address"))
        line = u"12:05  message chat “Hello”"_s;
    else if (QTest::currentDataTag() == "emoji"_L1)
        line = u"12:05  message chat “\U0001F600 smile”"_s;
    const auto characters = [](QStringView text) { return int(text.size()); };
    const QString elided = HistoryView::elidedLine(line, available, characters);
    QCOMPARE(elided, shown);
    QVERIFY(elided.size() <= available);
}

void TestFirstUse::elidedLabelStaysOneLine()
{
    ElidedLabel label;
    label.setText(
        u"Last disconnect: the server closed the stream\nFlapping: the connection dropped 3 times"_s);
    label.resize(120, label.sizeHint().height());
    label.show();
    QVERIFY(QTest::qWaitForWindowExposed(&label));
    QCOMPARE(label.sizeHint().height(), label.fontMetrics().height());
    QVERIFY(!label.shownText().contains(u'\n'));
    QVERIFY(label.shownText().endsWith(u'…'));
    QCOMPARE(label.toolTip(), label.text()); // the whole text

    // It cannot be selected as a label's text is; its context menu copies it whole.
    QGuiApplication::clipboard()->clear();
    QTimer::singleShot(0, [] {
        auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
        QVERIFY(menu);
        auto *copy = menu->findChild<QAction *>(u"copyText"_s);
        QVERIFY(copy);
        copy->trigger();
        menu->close();
    });
    QContextMenuEvent event(QContextMenuEvent::Mouse, QPoint(5, 5), label.mapToGlobal(QPoint(5, 5)));
    QApplication::sendEvent(&label, &event);
    QCOMPARE(QGuiApplication::clipboard()->text(), label.text());
}

namespace {

// WCAG relative luminance contrast.
double contrast(const QColor &a, const QColor &b)
{
    const auto luminance = [](const QColor &c) {
        const auto channel = [](double v) {
            return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
        };
        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
    };
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

// The strongest contrast between the window and any pixel of the widget's indicator.
template<typename Button> double indicatorContrast(QStyle::SubElement indicator)
{
    Button button(u"Choice"_s);
    button.resize(button.sizeHint());
    const QImage image = button.grab().toImage();
    QStyleOptionButton option;
    option.initFrom(&button);
    const QRect rect = button.style()->subElementRect(indicator, &option, &button);
    const QColor window = button.palette().color(QPalette::Window);
    double strongest = 1;
    for (int y = rect.top(); y <= rect.bottom(); ++y) {
        for (int x = rect.left(); x <= rect.right(); ++x)
            strongest = std::max(strongest, contrast(image.pixelColor(x, y), window));
    }
    return strongest;
}

} // namespace

void TestFirstUse::indicatorsShowOnDark()
{
    // Unticked check boxes and radio buttons must show on the dark palette (Fusion outlines them in the
    // window colour darkened).
    QVERIFY(applyPalette(*qApp, u"dark"_s));
    const double checkBox = indicatorContrast<QCheckBox>(QStyle::SE_CheckBoxIndicator);
    const double radio = indicatorContrast<QRadioButton>(QStyle::SE_RadioButtonIndicator);
    QVERIFY2(checkBox >= 3.0, qPrintable(QString::number(checkBox)));
    QVERIFY2(radio >= 3.0, qPrintable(QString::number(radio)));
}

QTEST_MAIN(TestFirstUse)
#include "tst_firstuse.moc"
