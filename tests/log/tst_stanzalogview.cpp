// SPDX-License-Identifier: GPL-3.0-or-later
#include "logcolors.h"
#include "logfilterbar.h"
#include "overflowbar.h"
#include "stanzadetailpane.h"
#include "stanzalogdelegate.h"
#include "stanzalogexport.h"
#include "stanzalogfiltermodel.h"
#include "stanzalogmodel.h"
#include "stanzalogview.h"
#include "stanzasamples.h"
#include "xmlhighlighter.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QCompleter>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPointer>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QSplitter>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>
#include <QToolButton>
#include <QToolTip>

using namespace Qt::StringLiterals;
using namespace xcm;

namespace {

void fillMixed(StanzaLogModel &model)
{
    model.append(samples::ourHeader());                     // 0
    model.append(samples::serverHeader());                  // 1
    model.append(samples::handshake());                     // 2
    model.append(samples::received("<handshake/>"));        // 3
    model.append(samples::received(samples::chatMessage));  // 4
    model.append(samples::sent(samples::chatMessage));      // 5
    model.append(samples::received(samples::discoGet));     // 6
    model.append(samples::sent(samples::iqResult));         // 7
    model.append(samples::received(samples::iqError));      // 8
    model.append(samples::received(samples::presenceAway)); // 9
    model.flush();
}

void appendLoad(StanzaLogModel &model, int count, int first = 0)
{
    for (int i = 0; i < count; ++i)
        model.append(samples::received(samples::loadMessage(first + i)));
}

quint64 sequenceOf(const QModelIndex &index)
{
    return index.data(StanzaLogModel::SequenceRole).toULongLong();
}

// Relative luminance contrast (WCAG), to check colours stay readable on both palettes.
double contrast(const QColor &a, const QColor &b)
{
    const auto luminance = [](const QColor &c) {
        const auto channel = [](double v) {
            return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
        };
        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
    };
    const double la = luminance(a) + 0.05;
    const double lb = luminance(b) + 0.05;
    return la > lb ? la / lb : lb / la;
}

QPalette darkPalette()
{
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    dark.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    dark.setColor(QPalette::AlternateBase, QColor(0x26, 0x26, 0x26));
    dark.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
    dark.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
    dark.setColor(QPalette::ButtonText, QColor(0xe6, 0xe6, 0xe6));
    dark.setColor(QPalette::Highlight, QColor(0x35, 0x84, 0xe4));
    dark.setColor(QPalette::HighlightedText, Qt::white);
    return dark;
}

} // namespace

class TestStanzaLogView : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void typingFilters();
    void aNewFontResizesTheRows();
    void findWithoutFiltering();
    void expressionFilters();
    void expressionThatGivesUpSaysSo();
    void escapeClearsTheSearch();
    void pauseHoldsTheViewStill();
    void followScrollsOnlyAtTheBottom();
    void dropsDoNotMoveWhatIsRead();
    void aChangedFilterKeepsThePlaceRead();
    void clickedRowIsTheOneShown();
    void detailPaneShowsPrettyXml();
    void detailPaneShowsBidiControls();
    void toolTipsShowMarkupAsText();
    void detailPaneFoldsWhenEmpty();
    void detailPaneFollowsAFilterThatHidesItsRow();
    void detailPaneShowsLargeStanzasInParts_data();
    void detailPaneShowsLargeStanzasInParts();
    void highlighterColoursTokens();
    void highlighterLeavesHugeLinesPlain();
    void rowColoursFollowThePalette_data();
    void rowColoursFollowThePalette();
    void exportToFiles();
    void exportRunsBesideTheWindowAndStopsWithIt();
    void shortcuts();
    void narrowBarKeepsEveryControl();
    void switchingModels();
    void columnsFitTheWidth();
    void columnLayoutIsKept();
    void jidsElideInTheMiddle();
    void destroyedWhileBusy_data();
    void destroyedWhileBusy();

private:
    StanzaLogModel *m_model = nullptr;
    StanzaLogView *m_view = nullptr;

    QTableView *table() const { return m_view->tableView(); }
    template<typename T> T *child(const QString &name) const
    {
        T *widget = m_view->findChild<T *>(name);
        if (!widget)
            qFatal("no child %s", qPrintable(name));
        return widget;
    }
};

void TestStanzaLogView::initTestCase()
{
    // Views with a settings group write the column layout: into a test location, emptied first.
    QStandardPaths::setTestModeEnabled(true);
    QApplication::setOrganizationName(u"xcm"_s);
    QApplication::setApplicationName(u"tst_stanzalogview"_s);
    QSettings().clear();
}

void TestStanzaLogView::init()
{
    m_model = new StanzaLogModel;
    m_model->setFlushInterval(0);
    m_view = new StanzaLogView;
    m_view->setModel(m_model);
    m_view->resize(1000, 600);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowActive(m_view));
}

void TestStanzaLogView::cleanup()
{
    delete m_view;
    delete m_model;
}

void TestStanzaLogView::aNewFontResizesTheRows()
{
    fillMixed(*m_model);
    const int before = table()->rowHeight(0);
    QFont larger = m_view->font();
    larger.setPointSizeF(larger.pointSizeF() * 2);
    m_view->setFont(larger); // as a changed desktop font reaches the window
    const int expected = QFontMetrics(larger).height() + 6;
    QVERIFY2(expected > before, qPrintable(u"%1 <= %2"_s.arg(expected).arg(before)));
    QCOMPARE(table()->rowHeight(0), expected); // the text is not cut
    QCOMPARE(table()->verticalHeader()->defaultSectionSize(), expected);
}

void TestStanzaLogView::typingFilters()
{
    fillMixed(*m_model);
    QCOMPARE(table()->model()->rowCount(), 10);
    auto *search = child<QLineEdit>(u"searchEdit"_s);
    QTest::keyClicks(search, u"JULIET@capulet"_s);
    QTRY_COMPARE(table()->model()->rowCount(), 2);
    QCOMPARE(sequenceOf(table()->model()->index(0, 0)), 5u);
    QTRY_COMPARE(child<QLabel>(u"statusLabel"_s)->text(), u"10 stanzas (2 shown)"_s);

    // New traffic is filtered as it arrives.
    m_model->append(samples::received(samples::composing));
    m_model->append(samples::received(samples::discoGet));
    QTRY_COMPARE(m_model->rowCount(), 12);
    QCOMPARE(table()->model()->rowCount(), 3);

    // Direction and errors from the bar.
    search->clear();
    QTRY_COMPARE(table()->model()->rowCount(), 12);
    child<QCheckBox>(u"errorsOnlyCheck"_s)->click();
    QCOMPARE(table()->model()->rowCount(), 1);
    child<QCheckBox>(u"errorsOnlyCheck"_s)->click();
    auto *direction = m_view->findChild<QComboBox *>(u"directionCombo"_s);
    direction->setCurrentIndex(2); // sent
    QCOMPARE(table()->model()->rowCount(), 4);
    QCOMPARE(m_view->filterModel()->directionFilter(), std::optional(Direction::Sent));
}

void TestStanzaLogView::findWithoutFiltering()
{
    fillMixed(*m_model);
    child<QCheckBox>(u"textFilterCheck"_s)->click(); // off: highlight and step
    QVERIFY(!m_view->filterModel()->isTextFilterEnabled());
    auto *search = child<QLineEdit>(u"searchEdit"_s);
    search->setFocus();
    QTest::keyClicks(search, u"capulet"_s);
    QTest::keyClick(search, Qt::Key_Return); // applies at once and finds
    QCOMPARE(table()->model()->rowCount(), 10);
    QCOMPARE(table()->currentIndex().row(), 4);
    QTest::keyClick(search, Qt::Key_F3);
    QCOMPARE(table()->currentIndex().row(), 5);
    QTest::keyClick(search, Qt::Key_F3);
    QCOMPARE(table()->currentIndex().row(), 9);
    QTest::keyClick(search, Qt::Key_F3);
    QCOMPARE(table()->currentIndex().row(), 4); // wrapped
    QTest::keyClick(search, Qt::Key_F3, Qt::ShiftModifier);
    QCOMPARE(table()->currentIndex().row(), 9);

    search->setText(u"not there"_s);
    QTest::keyClick(search, Qt::Key_F3);
    QCOMPARE(table()->currentIndex().row(), 9);
    auto *message = child<QLabel>(u"messageLabel"_s);
    QVERIFY(message->text().contains(u"not there"_s));
    // The message was about that text: it goes when the text changes.
    QTest::keyClick(search, Qt::Key_Backspace);
    QVERIFY(message->text().isEmpty());
}

void TestStanzaLogView::expressionFilters()
{
    fillMixed(*m_model);
    auto *search = child<QLineEdit>(u"searchEdit"_s);
    QTest::keyClick(m_view, Qt::Key_F, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(child<QAction>(u"expressionAction"_s)->isChecked());
    QVERIFY(search->hasFocus());
    QVERIFY(!child<QCheckBox>(u"textFilterCheck"_s)->isEnabled()); // word search only

    // Field names complete as they are typed; choosing one replaces only the word.
    QTest::keyClicks(search, u"kind == iq and ty"_s);
    auto *completer = search->findChild<QCompleter *>();
    QVERIFY(completer);
    QTRY_VERIFY(completer->popup()->isVisible());
    QCOMPARE(completer->currentCompletion(), u"type"_s);
    Q_EMIT completer->activated(u"type"_s);
    QCOMPARE(search->text(), u"kind == iq and type"_s);
    QTest::keyClicks(search, u" == error"_s);
    // Only the iq errors: row 8.
    QTRY_COMPARE(table()->model()->rowCount(), 1);
    QCOMPARE(sequenceOf(table()->model()->index(0, 0)), 9u);

    // A wrong expression is said where it is wrong and not applied: the last good filter stays.
    QTest::keyClicks(search, u" and from =="_s);
    auto *message = child<QLabel>(u"messageLabel"_s);
    QTRY_VERIFY2(message->text().contains(u"expected a value after '=='"_s), qPrintable(message->text()));
    QVERIFY(message->text().contains(u"1:"_s));
    QVERIFY(!search->styleSheet().isEmpty());
    QCOMPARE(table()->model()->rowCount(), 1);

    // Sent stanzas of any kind but the stream.
    search->setText(u"dir == out and not kind == stream"_s);
    QTRY_COMPARE(table()->model()->rowCount(), 2);
    QVERIFY(search->styleSheet().isEmpty());

    // Words again: the expression no longer filters, the words do.
    child<QAction>(u"expressionAction"_s)->trigger();
    QTRY_COMPARE(table()->model()->rowCount(), 0); // no stanza contains those words
    search->setText(u"juliet"_s);
    QTRY_COMPARE(table()->model()->rowCount(), 2);
}

void TestStanzaLogView::expressionThatGivesUpSaysSo()
{
    // (a+)+$ against "aaaa…a!" backtracks without end: the search gives up on that stanza, counts it as
    // not matching, and the bar under the log says so rather than hiding it silently.
    fillMixed(*m_model);
    m_model->append(samples::received(
        u"<message from='a@b' to='c@d' id='evil'><body>%1!</body></message>"_s.arg(QString(40, u'a'))
            .toUtf8()));
    m_model->flush();
    auto *search = child<QLineEdit>(u"searchEdit"_s);
    child<QAction>(u"expressionAction"_s)->trigger();
    search->setText(u"body ~ '(a+)+$'"_s);
    auto *message = child<QLabel>(u"messageLabel"_s); // elided to its width; the tooltip has it whole
    QTRY_VERIFY2(message->toolTip().startsWith(
                     u"The filter skipped some stanzas: 1:9: the regular expression "
                     "gave up (too much backtracking) on stanzas that count as not matching: 1 so far"_s),
                 qPrintable(message->toolTip()));
    QCOMPARE(table()->model()->rowCount(), 0); // given up on: not a match
}

void TestStanzaLogView::escapeClearsTheSearch()
{
    fillMixed(*m_model);
    auto *search = child<QLineEdit>(u"searchEdit"_s);
    m_view->focusSearch();
    QTRY_VERIFY(search->hasFocus());
    QTest::keyClicks(search, u"capulet"_s);
    QTRY_COMPARE(table()->model()->rowCount(), 3);

    // Esc clears the box and shows everything at once; the box keeps the focus…
    QTest::keyClick(search, Qt::Key_Escape);
    QCOMPARE(search->text(), QString());
    QCOMPARE(table()->model()->rowCount(), 10);
    QVERIFY(search->hasFocus());
    // …and a second Esc goes back to the list.
    QTest::keyClick(search, Qt::Key_Escape);
    QTRY_VERIFY(table()->hasFocus());
}

void TestStanzaLogView::pauseHoldsTheViewStill()
{
    appendLoad(*m_model, 10);
    QTRY_COMPARE(table()->model()->rowCount(), 10);
    auto *pending = child<QLabel>(u"pausedLabel"_s);
    QVERIFY(!pending->isVisible());

    auto *pause = child<QToolButton>(u"pauseButton"_s);
    QCOMPARE(pause->text(), u"Pause"_s);
    pause->click();
    QVERIFY(m_view->isPaused());
    QVERIFY(pending->isVisible());
    QCOMPARE(pause->text(), u"Resume"_s);
    QSignalSpy shownInserted(table()->model(), &QAbstractItemModel::rowsInserted);
    appendLoad(*m_model, 3, 10);
    QTRY_COMPARE(m_model->rowCount(), 13);
    QCOMPARE(table()->model()->rowCount(), 10);
    QCOMPARE(shownInserted.count(), 0);
    QTRY_COMPARE(pending->text(), u"Paused: 3 new while paused"_s);
    QTRY_COMPARE(child<QLabel>(u"statusLabel"_s)->text(), u"13 stanzas (10 shown)"_s); // a timer updates it

    child<QToolButton>(u"pauseButton"_s)->click();
    QVERIFY(!m_view->isPaused());
    QCOMPARE(table()->model()->rowCount(), 13);
    QTRY_VERIFY(!pending->isVisible());
}

void TestStanzaLogView::followScrollsOnlyAtTheBottom()
{
    QScrollBar *bar = table()->verticalScrollBar();
    appendLoad(*m_model, 200);
    QTRY_VERIFY(bar->maximum() > 0);
    QTRY_COMPARE(bar->value(), bar->maximum());
    QVERIFY(m_view->isFollowing());

    // At the bottom: follows.
    int maximum = bar->maximum();
    appendLoad(*m_model, 50, 200);
    QTRY_COMPARE(bar->maximum(), maximum + 50);
    QCOMPARE(bar->value(), bar->maximum());
    QVERIFY(
        table()->viewport()->rect().contains(table()->visualRect(table()->model()->index(249, 0)).center()));

    // Scrolled up: stays.
    bar->setValue(20);
    maximum = bar->maximum();
    appendLoad(*m_model, 50, 250);
    QTRY_COMPARE(bar->maximum(), maximum + 50);
    QCOMPARE(bar->value(), 20);

    // Back at the bottom: follows again.
    bar->setValue(bar->maximum());
    maximum = bar->maximum();
    appendLoad(*m_model, 10, 300);
    QTRY_COMPARE(bar->maximum(), maximum + 10);
    QCOMPARE(bar->value(), bar->maximum());

    // Follow off: at the bottom, but stays.
    child<QCheckBox>(u"followCheck"_s)->click();
    QVERIFY(!m_view->isFollowing());
    maximum = bar->maximum();
    appendLoad(*m_model, 10, 310);
    QTRY_COMPARE(bar->maximum(), maximum + 10);
    QCOMPARE(bar->value(), maximum);

    // Turning it on goes to the newest.
    child<QCheckBox>(u"followCheck"_s)->click();
    QTRY_COMPARE(bar->value(), bar->maximum());
}

void TestStanzaLogView::dropsDoNotMoveWhatIsRead()
{
    m_model->setMaxRows(640); // drops in batches of 10
    QScrollBar *bar = table()->verticalScrollBar();
    appendLoad(*m_model, 640);
    QTRY_VERIFY(bar->maximum() > 300);
    QCOMPARE(bar->value(), bar->maximum());
    bar->setValue(300);
    const quint64 top = sequenceOf(table()->indexAt(QPoint(2, 2)));
    QCOMPARE(top, 301u);
    appendLoad(*m_model, 25, 640); // drops 25 from the top
    QTRY_COMPARE(m_model->droppedCount(), 25u);
    QTRY_COMPARE(sequenceOf(table()->indexAt(QPoint(2, 2))), top);
    auto *status = child<QLabel>(u"statusLabel"_s);
    QTRY_COMPARE(status->text(), u"640 stanzas, 25 dropped"_s);
    QVERIFY2(status->toolTip().contains(u"the 640 the log keeps: 25"_s), qPrintable(status->toolTip()));

    // Following at the bottom: the newest row stays in view.
    bar->setValue(bar->maximum());
    appendLoad(*m_model, 25, 665);
    QTRY_COMPARE(m_model->droppedCount(), 50u);
    QTRY_COMPARE(bar->value(), bar->maximum());
    QCOMPARE(sequenceOf(table()->model()->index(table()->model()->rowCount() - 1, 0)), 690u);
}

void TestStanzaLogView::aChangedFilterKeepsThePlaceRead()
{
    // A search narrows the log to one stanza, the user picks it; clearing the search shows it among
    // its neighbours, where the table used to jump to its first row.
    appendLoad(*m_model, 500);
    QScrollBar *bar = table()->verticalScrollBar();
    QTRY_COMPARE(bar->value(), bar->maximum());
    auto *search = child<QLineEdit>(u"searchEdit"_s);
    QTest::keyClicks(search, u"'load-123'"_s);
    QTRY_COMPARE(table()->model()->rowCount(), 1);
    table()->selectRow(0);
    const quint64 picked = sequenceOf(table()->currentIndex());
    QCOMPARE(picked, 124u);
    m_view->filterBar()->clearSearch(); // as Esc does
    QCOMPARE(table()->model()->rowCount(), 500);
    QCOMPARE(sequenceOf(table()->currentIndex()), picked);
    QVERIFY2(table()->viewport()->rect().contains(table()->visualRect(table()->currentIndex()).center()),
             qPrintable(
                 u"row %1 out of view at scroll %2"_s.arg(table()->currentIndex().row()).arg(bar->value())));

    // Nothing picked, not following: the row at the top stays at the top when rows above it go.
    table()->clearSelection();
    table()->setCurrentIndex({});
    fillMixed(*m_model); // four of them sent
    appendLoad(*m_model, 300, 500);
    QTRY_COMPARE(m_model->rowCount(), 810);
    QTRY_VERIFY(bar->maximum() > 700);
    bar->setValue(bar->maximum() - 100); // below the mixed rows
    const quint64 top = sequenceOf(table()->indexAt(QPoint(2, 2)));
    child<QComboBox>(u"directionCombo"_s)->setCurrentIndex(1); // received
    QCOMPARE(table()->model()->rowCount(), 806);
    QVERIFY(top > 510);
    QCOMPARE(sequenceOf(table()->indexAt(QPoint(2, 2))), top);
}

void TestStanzaLogView::clickedRowIsTheOneShown()
{
    // Following, nothing selected, more rows than fit: a click opens the pane below the table.
    QScrollBar *bar = table()->verticalScrollBar();
    appendLoad(*m_model, 200);
    QTRY_VERIFY(bar->maximum() > 0);
    QTRY_COMPARE(bar->value(), bar->maximum());
    QVERIFY(m_view->isFollowing());
    auto *pane = m_view->findChild<StanzaDetailPane *>(u"detailPane"_s);
    QVERIFY(pane);
    QWidget *viewport = table()->viewport();
    const QModelIndex clicked = table()->indexAt(QPoint(10, viewport->height() / 2));
    QVERIFY(clicked.isValid());
    const quint64 wanted = sequenceOf(clicked);
    const QPoint where = table()->visualRect(clicked).center();
    // A user's click: the events in between run before the release, as the pane opens on the press.
    QTest::mousePress(viewport, Qt::LeftButton, {}, where);
    QTest::qWait(50);
    QTest::mouseRelease(viewport, Qt::LeftButton, {}, where);
    const auto agree = [&] {
        const QModelIndexList selected = table()->selectionModel()->selectedRows();
        QCOMPARE(selected.size(), 1);
        QCOMPARE(sequenceOf(selected.first()), wanted);
        QCOMPARE(sequenceOf(table()->currentIndex()), wanted);
        QCOMPARE(pane->sequence(), wanted);
        QVERIFY(viewport->rect().contains(table()->visualRect(selected.first()).center()));
    };
    agree();
    if (QTest::currentTestFailed())
        return;
    // Picking a row to read stops following, visibly.
    QVERIFY(!m_view->isFollowing());
    QVERIFY(!child<QCheckBox>(u"followCheck"_s)->isChecked());

    // New rows keep arriving: the selection, the current row and the pane stay on the clicked stanza.
    appendLoad(*m_model, 50, 200);
    QTRY_COMPARE(m_model->rowCount(), 250);
    QTest::qWait(50);
    agree();
}

void TestStanzaLogView::detailPaneFollowsAFilterThatHidesItsRow()
{
    // The pane kept showing a message after a filter for iqs hid its row: what it shows is always a row
    // the list shows, or nothing.
    fillMixed(*m_model);
    table()->selectRow(4);
    QCOMPARE(m_view->currentStanza().id(), u"m-1"_s);
    m_view->filterBar()->applyExpression(u"kind == iq"_s);
    QTRY_VERIFY(m_view->filterModel()->rowCount() > 0);
    QTest::qWait(50);
    const QString shown = m_view->detailText();
    const Stanza current = m_view->currentStanza();
    QVERIFY2(shown.isEmpty() || current.kind() == StanzaKind::Iq,
             qPrintable(u"%1 / %2"_s.arg(current.id(), shown.left(80))));
    if (!shown.isEmpty())
        QVERIFY2(shown.contains(current.id()), qPrintable(shown.left(120)));
}

void TestStanzaLogView::detailPaneShowsPrettyXml()
{
    fillMixed(*m_model);
    QVERIFY(m_view->detailText().isEmpty());
    table()->selectRow(4);
    QCOMPARE(m_view->currentStanza().id(), u"m-1"_s);
    const QString pretty = m_view->detailText();
    QVERIFY2(pretty.startsWith(u"<message from=\"juliet@capulet.lit/balcony\""_s), qPrintable(pretty));
    QVERIFY2(pretty.contains(u"\n  <body>Hello, Jürgen 👋 &amp; all\nsecond line</body>\n"_s),
             qPrintable(pretty));
    QVERIFY(pretty.contains(u"\n  <active xmlns=\"http://jabber.org/protocol/chatstates\"/>\n</message>"_s));
    QVERIFY(child<QLabel>(u"detailHeader"_s)->text().contains(u"#5"_s));

    child<QToolButton>(u"copyButton"_s)->click();
    QCOMPARE(QApplication::clipboard()->text(), pretty);

    child<QToolButton>(u"rawButton"_s)->click();
    QCOMPARE(m_view->detailText(), QString::fromUtf8(samples::chatMessage));
    child<QToolButton>(u"rawButton"_s)->click();

    // The stream header is only a start tag: shown as it was.
    table()->selectRow(1);
    QVERIFY(m_view->detailText().startsWith(u"<?xml version='1.0'?>\n<stream:stream "_s));
    // The redacted handshake stays redacted.
    table()->selectRow(2);
    QCOMPARE(m_view->detailText(), u"<handshake>[redacted]</handshake>"_s);

    // Appending does not disturb the pane.
    table()->selectRow(8);
    const QString error = m_view->detailText();
    QVERIFY(error.contains(u"item-not-found"_s));
    appendLoad(*m_model, 5);
    QTRY_COMPARE(m_model->rowCount(), 15);
    QCOMPARE(m_view->detailText(), error);

    m_model->clear();
    QVERIFY(m_view->detailText().isEmpty());
}

void TestStanzaLogView::toolTipsShowMarkupAsText()
{
    // A peer's text that looks like HTML: QToolTip would guess rich text, show "bold" in bold and let
    // the peer name a file for it to load.
    m_model->append(samples::received("<message from='a@example.org' to='b@example.org'><body>&lt;b&gt;bold"
                                      "&lt;/b&gt; &lt;img src='file:///etc/x.png'&gt;</body></message>"_ba));
    m_model->flush();
    const QModelIndex summary = table()->model()->index(0, StanzaLogModel::SummaryColumn);
    const QString text = summary.data(Qt::ToolTipRole).toString();
    QVERIFY2(text.contains(u"<b>bold</b> <img src='file:///etc/x.png'>"_s), qPrintable(text));
    QVERIFY(Qt::mightBeRichText(text));

    const QPoint at = table()->visualRect(summary).center();
    QHelpEvent help(QEvent::ToolTip, at, table()->viewport()->mapToGlobal(at));
    QApplication::sendEvent(table()->viewport(), &help);
    QTRY_VERIFY(QToolTip::isVisible());
    // What the tooltip shows, read as Qt reads it.
    const QString shown = QToolTip::text();
    QTextDocument document;
    if (Qt::mightBeRichText(shown))
        document.setHtml(shown);
    else
        document.setPlainText(shown);
    QCOMPARE(document.toPlainText(), text);
    QToolTip::hideText();
}

void TestStanzaLogView::detailPaneShowsBidiControls()
{
    // Shown as they act, "file\u202Etxt.exe" read "fileexe.txt", and the rest of its line reversed.
    m_model->append(samples::received(
        "<message from='a@example.org' to='b@example.org'><body>file\xe2\x80\xaetxt.exe</body></message>"_ba));
    m_model->flush();
    table()->selectRow(0);
    QCOMPARE(m_view->detailText(), u"<message from=\"a@example.org\" to=\"b@example.org\">\n"
                                   "  <body>file\u202Etxt.exe</body>\n</message>"_s); // copied as it is
    QTRY_COMPARE(child<QPlainTextEdit>(u"detailText"_s)->toPlainText(),
                 u"<message from=\"a@example.org\" to=\"b@example.org\">\n  <body>file&#8238;txt.exe</body>\n"
                 "</message>"_s);
    QCOMPARE(m_model->index(0, StanzaLogModel::SummaryColumn).data().toString(), u"file&#8238;txt.exe"_s);
}

void TestStanzaLogView::detailPaneShowsLargeStanzasInParts_data()
{
    QTest::addColumn<QByteArray>("wire");
    QByteArray token(480'000, 'Q'); // base64 as an avatar or Bits of Binary has it: no break anywhere
    QTest::newRow("one token") << QByteArray("<message from='a@example.org/x' to='bot.example.org' id='big'>"
                                             "<data xmlns='urn:xmpp:bob'>" +
                                             token + "</data></message>");
    QByteArray items;
    for (int i = 0; items.size() < 480'000; ++i)
        items += "<item jid='u" + QByteArray::number(i) + "@e.org'/>";
    QTest::newRow("many elements") << QByteArray("<iq type='result' id='big' from='a@example.org/x' "
                                                 "to='bot.example.org'><query xmlns='urn:example'>" +
                                                 items + "</query></iq>");
}

void TestStanzaLogView::detailPaneShowsLargeStanzasInParts()
{
    QFETCH(QByteArray, wire);
    m_model->append(samples::received(samples::chatMessage));
    m_model->append(samples::received(wire));
    m_model->flush();
    table()->selectRow(1);
    auto *detail = child<QPlainTextEdit>(u"detailText"_s);
    // Indented off the UI thread (or shown at once when small); then the first part, its lines bounded.
    QTRY_VERIFY(!m_view->detailText().isEmpty());
    const QString whole = m_view->detailText();
    QVERIFY(whole.size() >= 480'000);
    const QTextDocument *document = detail->document();
    QVERIFY2(document->characterCount() < 40'000, qPrintable(QString::number(document->characterCount())));
    qsizetype longest = 0;
    for (QTextBlock block = document->firstBlock(); block.isValid(); block = block.next())
        longest = qMax<qsizetype>(longest, block.length());
    QVERIFY2(longest <= 401, qPrintable(QString::number(longest)));

    auto *showAll = child<QToolButton>(u"showAllButton"_s);
    QVERIFY(showAll->isVisible());
    QVERIFY2(showAll->text().startsWith(u"Show All ("_s), qPrintable(showAll->text()));
    showAll->click();
    QTRY_VERIFY(!showAll->isVisible());
    QString shown = detail->toPlainText();
    QCOMPARE(shown.remove(u'\n'), QString(whole).remove(u'\n')); // all of it, only broken for the eye

    // Copy takes the stanza as it is, not as it is broken for display.
    child<QToolButton>(u"copyButton"_s)->click();
    QCOMPARE(QApplication::clipboard()->text(), whole);
    // Another stanza: small ones show at once, without the button.
    table()->selectRow(0);
    QVERIFY(m_view->detailText().contains(u"<body>"_s));
    QVERIFY(!showAll->isVisible());
}

void TestStanzaLogView::detailPaneFoldsWhenEmpty()
{
    fillMixed(*m_model);
    auto *pane = child<QWidget>(u"detailPane"_s);
    auto *header = child<QLabel>(u"detailHeader"_s);
    auto *splitter = child<QSplitter>(u"logSplitter"_s);
    // Nothing selected: one line, the rows get the room.
    QTRY_VERIFY(pane->height() <= header->sizeHint().height() + 4);
    QVERIFY(!child<QPlainTextEdit>(u"detailText"_s)->isVisible());
    QCOMPARE(header->text(), u"Select a stanza to see it here."_s);
    const int tableHeight = table()->height();

    // A stanza selected: the pane opens to a third.
    table()->selectRow(4);
    QTRY_VERIFY(child<QPlainTextEdit>(u"detailText"_s)->isVisible());
    const int total = splitter->sizes().value(0) + splitter->sizes().value(1);
    QVERIFY2(qAbs(pane->height() - total / 3) <= 2, qPrintable(QString::number(pane->height())));
    QVERIFY(table()->height() < tableHeight);
    // The user makes it bigger; it folds when the log is cleared, and reopens at that size.
    splitter->setSizes({total - 250, 250});
    QTRY_COMPARE(pane->height(), 250);
    m_model->clear();
    QTRY_VERIFY(pane->height() <= header->sizeHint().height() + 4);
    QCOMPARE(table()->height(), tableHeight);
    fillMixed(*m_model);
    table()->selectRow(2);
    QTRY_COMPARE(pane->height(), 250);
}

void TestStanzaLogView::highlighterColoursTokens()
{
    fillMixed(*m_model);
    table()->selectRow(6); // <iq type="get" ...>
    auto *detail = child<QPlainTextEdit>(u"detailText"_s);
    auto *highlighter = detail->document()->findChild<XmlHighlighter *>();
    QVERIFY(highlighter);
    const QTextBlock first = detail->document()->firstBlock();
    QVERIFY(first.text().startsWith(u"<iq type=\"get\""_s));
    const auto colourAt = [&first](int position) {
        for (const QTextLayout::FormatRange &range : first.layout()->formats()) {
            if (position >= range.start && position < range.start + range.length)
                return range.format.foreground().color();
        }
        return QColor();
    };
    const LogColors colors = LogColors::forPalette(detail->palette());
    QCOMPARE(colourAt(0), colors.xmlPunctuation); // <
    QCOMPARE(colourAt(1), colors.xmlTag);         // iq
    QCOMPARE(colourAt(4), colors.xmlAttribute);   // type
    QCOMPARE(colourAt(8), colors.xmlPunctuation); // =
    QCOMPARE(colourAt(10), colors.xmlValue);      // get
    QVERIFY(colors.xmlTag != colors.xmlAttribute && colors.xmlAttribute != colors.xmlValue);
}

void TestStanzaLogView::highlighterLeavesHugeLinesPlain()
{
    // A pasted 500 KB line of small elements took seconds to colour: past the limit a line stays plain,
    // and the lines after it are coloured again.
    QByteArray items;
    while (items.size() <= XmlHighlighter::maxHighlightedLineLength)
        items += "<item jid='u@e.org'/>";
    QTextDocument document;
    XmlHighlighter highlighter(&document);
    document.setPlainText(QString::fromUtf8("<query>" + items + "</query>\n<iq type='get'/>"));
    highlighter.rehighlight();
    QTextBlock huge = document.firstBlock();
    QVERIFY(huge.layout()->formats().isEmpty());
    QVERIFY(!huge.next().layout()->formats().isEmpty());
}

void TestStanzaLogView::rowColoursFollowThePalette_data()
{
    QTest::addColumn<bool>("dark");
    QTest::newRow("light") << false;
    QTest::newRow("dark") << true;
}

void TestStanzaLogView::rowColoursFollowThePalette()
{
    QFETCH(bool, dark);
    if (dark)
        m_view->setPalette(darkPalette());
    fillMixed(*m_model);
    QTest::qWait(0);
    const QPalette palette = table()->viewport()->palette();
    QCOMPARE(LogColors::isDark(palette), dark);
    const LogColors colors = LogColors::forPalette(palette);
    const QImage image = table()->viewport()->grab().toImage();
    const qreal ratio = image.devicePixelRatio();
    // A blank spot in a row: the left of the right-aligned Size column.
    const auto background = [&](int row) {
        const QRect cell = table()->visualRect(table()->model()->index(row, StanzaLogModel::SizeColumn));
        return image.pixelColor(QPoint(cell.left() + 3, cell.center().y()) * ratio);
    };
    const QColor base = palette.color(QPalette::Base);
    QCOMPARE(background(4).rgb(), base.rgb());                   // received
    QCOMPARE(background(5).rgb(), colors.sentBackground.rgb());  // sent
    QCOMPARE(background(8).rgb(), colors.errorBackground.rgb()); // error
    QVERIFY(colors.sentBackground != base);
    QVERIFY(contrast(colors.errorBackground, base) > 1.1);
    // Everything stays readable on its background.
    for (const QColor &text : colors.kindText)
        QVERIFY2(contrast(text, base) >= 3.0, qPrintable(text.name()));
    QVERIFY(contrast(colors.errorText, colors.errorBackground) >= 3.0);
    QVERIFY(contrast(palette.color(QPalette::Text), colors.matchBackground) >= 4.5);
    for (const QColor &xml : {colors.xmlTag, colors.xmlAttribute, colors.xmlValue, colors.xmlEntity})
        QVERIFY2(contrast(xml, base) >= 3.0, qPrintable(xml.name()));

    // Selected, an error row stays red; another row takes the usual selection colour.
    table()->setFocus();
    table()->selectRow(8);
    const auto selectedBackground = [&](int row) {
        const QImage selected = table()->viewport()->grab().toImage();
        const QRect cell = table()->visualRect(table()->model()->index(row, StanzaLogModel::SizeColumn));
        return selected.pixelColor(QPoint(cell.left() + 3, cell.center().y()) * selected.devicePixelRatio());
    };
    QCOMPARE(selectedBackground(8).rgb(), colors.errorSelection.rgb());
    QVERIFY(contrast(colors.errorSelection, colors.errorBackground) > 1.5);
    QVERIFY(contrast(palette.color(QPalette::HighlightedText), colors.errorSelection) >= 4.5);
    table()->selectRow(4);
    QVERIFY(selectedBackground(4).rgb() != colors.errorSelection.rgb());
    QVERIFY(selectedBackground(4).rgb() != base.rgb());
}

void TestStanzaLogView::exportToFiles()
{
    fillMixed(*m_model);
    m_model->append(samples::sent(
        "<message to='a@b'><handshake>da39a3ee5e6b4b0d3255bfef95601890afd80709</handshake></message>"));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QSignalSpy finished(m_view, &StanzaLogView::exportFinished);

    const QString all = dir.filePath(u"all.log"_s);
    QVERIFY(m_view->exportTo(all)); // flushes what is queued
    // Written on a pool thread: the window goes on; a second export waits for the first to end.
    QVERIFY(m_view->isExporting());
    QVERIFY(!m_view->exportTo(dir.filePath(u"second.log"_s)));
    QVERIFY(finished.last().at(1).toString().contains(u"still being written"_s));
    QVERIFY(!QFile::exists(dir.filePath(u"second.log"_s)));
    QTRY_VERIFY(!m_view->isExporting());
    QCOMPARE(finished.count(), 2);
    QCOMPARE(finished.last().at(0).toBool(), true);
    QFile file(all);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    QCOMPARE(text.count('\n'), 1 + 11 * 2);
    QVERIFY(!text.contains("da39a3ee"));
    QVERIFY(text.contains("<handshake>[redacted]</handshake>"));
    QVERIFY(child<QLabel>(u"messageLabel"_s)->text().contains(u"Exported 11 stanzas"_s));
    // The user's alone, as the captures: it holds what the component exchanged.
    QCOMPARE(QFile::permissions(all) & (QFileDevice::ReadGroup | QFileDevice::ReadOther |
                                        QFileDevice::WriteGroup | QFileDevice::WriteOther),
             QFileDevice::Permissions());

    child<QCheckBox>(u"errorsOnlyCheck"_s)->click();
    const QString shown = dir.filePath(u"errors.jsonl"_s);
    QVERIFY(m_view->exportTo(shown, true));
    QTRY_COMPARE(finished.count(), 3);
    QFile jsonFile(shown);
    QVERIFY(jsonFile.open(QIODevice::ReadOnly));
    const QByteArray json = jsonFile.readAll();
    QCOMPARE(json.count('\n'), 1);
    QVERIFY(json.startsWith("{"));
    QVERIFY(json.contains("ps-3"));

    // The dialog offers each format under the names it is written for, and the XML log (a comment line
    // before each stanza) not as .xml, which would promise an XML document.
    const QStringList filters = StanzaLogView::exportNameFilters();
    QCOMPARE(filters.size(), 2);
    QVERIFY2(!filters.at(0).contains(u"*.xml"_s, Qt::CaseInsensitive), qPrintable(filters.at(0)));
    QVERIFY(filters.at(0).contains(u"*.log"_s));
    QCOMPARE(StanzaLogExport::formatForFileName(u"a.log"_s), StanzaLogExport::Format::XmlLog);
    QVERIFY(filters.at(1).contains(u"*.jsonl"_s));
    QCOMPARE(StanzaLogExport::formatForFileName(u"a.jsonl"_s), StanzaLogExport::Format::JsonLines);

    QVERIFY(!m_view->exportTo(dir.filePath(u"missing/dir/x.log"_s)));
    QCOMPARE(finished.count(), 4); // at once: the file could not be opened
    QCOMPARE(finished.last().at(0).toBool(), false);
    QVERIFY(child<QLabel>(u"messageLabel"_s)->text().startsWith(u"Could not export"_s));
}

// A big export is written on a pool thread: the window counts its percent meanwhile, and closing the
// log stops it, leaving no file (QSaveFile) rather than half of one.
void TestStanzaLogView::exportRunsBesideTheWindowAndStopsWithIt()
{
    // Enough that the export is still running when the window goes: it writes over 150 MB/s.
    for (int n = 0; n < 400'000; ++n)
        m_model->append(samples::received(samples::loadMessage(n)));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"big.jsonl"_s);
    QSignalSpy finished(m_view, &StanzaLogView::exportFinished);
    QVERIFY(m_view->exportTo(path));
    QVERIFY(m_view->isExporting());
    auto *message = child<QLabel>(u"messageLabel"_s);
    QTRY_VERIFY(message->text().contains(u"Exporting 400,000 stanzas"_s) && message->text().endsWith(u"%"_s));
    QVERIFY(m_view->isExporting());
    delete m_view;
    m_view = nullptr;
    QCOMPARE(finished.count(), 0);
    QVERIFY(!QFile::exists(path));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 0); // nor its temporary file
    m_view = new StanzaLogView;                                  // for cleanup()
}

void TestStanzaLogView::shortcuts()
{
    fillMixed(*m_model);
    table()->setFocus();
    QTRY_VERIFY(table()->hasFocus());
    QTest::keyClick(table(), Qt::Key_Space);
    QVERIFY(m_view->isPaused());
    QTest::keyClick(table(), Qt::Key_P, Qt::ControlModifier);
    QVERIFY(!m_view->isPaused());

    QTest::keyClick(table(), Qt::Key_F, Qt::ControlModifier);
    auto *search = child<QLineEdit>(u"searchEdit"_s);
    QTRY_VERIFY(search->hasFocus());
    QTest::keyClicks(search, u"a b"_s); // a space typed here is text, not a pause
    QCOMPARE(search->text(), u"a b"_s);
    QVERIFY(!m_view->isPaused());

    QTest::keyClick(search, Qt::Key_L, Qt::ControlModifier);
    QCOMPARE(m_model->rowCount(), 0);
    QCOMPARE(child<QLabel>(u"messageLabel"_s)->text(), u"Cleared 10 stanzas"_s); // no way back: say so
}

void TestStanzaLogView::narrowBarKeepsEveryControl()
{
    auto *bar = child<OverflowBar>(u"filterBar"_s);
    auto *more = child<QToolButton>(u"overflowButton"_s);
    const QList<QWidget *> optional = {
        child<QCheckBox>(u"errorsOnlyCheck"_s), child<QCheckBox>(u"textFilterCheck"_s),
        child<QCheckBox>(u"followCheck"_s), child<QToolButton>(u"clearButton"_s),
        child<QToolButton>(u"exportButton"_s)};
    const auto overflowNames = [bar] {
        QStringList names;
        for (const QAction *action : bar->overflowActions())
            names.append(action->objectName());
        return names;
    };
    // Every control shown, at its full width, inside the bar.
    const auto laidOut = [bar] {
        for (const QWidget *control : bar->findChildren<QWidget *>(Qt::FindDirectChildrenOnly)) {
            if (control->isVisible() && (control->width() < control->minimumSizeHint().width() ||
                                         !bar->rect().contains(control->geometry()))) {
                qWarning() << "squeezed or outside:" << control << control->geometry()
                           << control->minimumSizeHint() << "in" << bar->rect();
                return false;
            }
        }
        return true;
    };

    m_view->resize(1400, 600);
    QTRY_VERIFY(!more->isVisible());
    for (const QWidget *control : optional)
        QVERIFY(control->isVisible());
    QVERIFY(overflowNames().isEmpty());
    QVERIFY(laidOut());

    // Half of a 1920 px screen less a sidebar leaves the log about 780 px: the least used go first. (Pause
    // is as wide as Resume, so that pausing does not reflow the bar.)
    m_view->resize(720, 600);
    QTRY_VERIFY(more->isVisible());
    QVERIFY(!child<QToolButton>(u"exportButton"_s)->isVisible());
    QVERIFY(child<QCheckBox>(u"errorsOnlyCheck"_s)->isVisible());
    QCOMPARE(overflowNames().mid(overflowNames().size() - 2),
             QStringList({u"exportAction"_s, u"exportShownAction"_s}));
    QVERIFY(laidOut());

    // The view's minimum leaves room for a sidebar in an 800 px window; there, all options are in ⋯.
    const int minimum = m_view->minimumSizeHint().width();
    QVERIFY2(minimum <= 600, qPrintable(QString::number(minimum)));
    m_view->resize(minimum, 600);
    QTRY_VERIFY(!child<QCheckBox>(u"errorsOnlyCheck"_s)->isVisible());
    for (const QWidget *control : optional)
        QVERIFY(!control->isVisible());
    QCOMPARE(overflowNames(),
             QStringList({u"errorsOnlyAction"_s, u"unansweredOnlyAction"_s, u"expressionAction"_s,
                          u"savedFiltersAction"_s, u"textFilterAction"_s, u"followAction"_s, u"clearAction"_s,
                          u"exportAction"_s, u"exportShownAction"_s}));
    QVERIFY(child<QLineEdit>(u"searchEdit"_s)->isVisible());
    QVERIFY(laidOut());
    // The menu's entries are the controls' own actions.
    QCOMPARE(m_view->filterModel()->errorsOnly(), false);
    bar->overflowActions().first()->trigger();
    QCOMPARE(m_view->filterModel()->errorsOnly(), true);
    QVERIFY(child<QCheckBox>(u"errorsOnlyCheck"_s)->isChecked());

    // Wide again: all back, the menu button gone.
    m_view->resize(1400, 600);
    QTRY_VERIFY(!more->isVisible());
    for (const QWidget *control : optional)
        QVERIFY(control->isVisible());
}

void TestStanzaLogView::switchingModels()
{
    fillMixed(*m_model);
    QHeaderView *header = table()->horizontalHeader();
    header->resizeSection(StanzaLogModel::FromColumn, 321);
    child<QToolButton>(u"pauseButton"_s)->click();

    StanzaLogModel other;
    other.append(samples::received(samples::discoGet));
    other.flush();
    m_view->setModel(&other);
    QCOMPARE(m_view->model(), &other);
    QVERIFY(!m_view->isPaused()); // a pause belongs to the log it was made in
    QCOMPARE(table()->model()->rowCount(), 1);
    QCOMPARE(header->sectionSize(StanzaLogModel::FromColumn), 321);
    QTRY_COMPARE(child<QLabel>(u"statusLabel"_s)->text(), u"1 stanza"_s); // nothing hidden, nothing dropped

    m_view->setModel(m_model);
    QCOMPARE(table()->model()->rowCount(), 10);
    m_view->setModel(nullptr);
    QCOMPARE(table()->model()->rowCount(), 0);
    m_view->setModel(m_model);
}

void TestStanzaLogView::columnsFitTheWidth()
{
    fillMixed(*m_model);
    QHeaderView *header = table()->horizontalHeader();
    const int character = table()->fontMetrics().averageCharWidth();
    const auto fits = [&] {
        int sum = 0;
        for (int column = 0; column < header->count(); ++column)
            sum += header->isSectionHidden(column) ? 0 : header->sectionSize(column);
        return sum <= table()->viewport()->width() && !table()->horizontalScrollBar()->isVisible();
    };
    // The log's width in a 1024 px window: the addresses keep their domains and first letters, Summary
    // a useful width (at least its floor, beside the Answer column), nothing scrolls sideways.
    m_view->resize(810, 500);
    QTRY_COMPARE(table()->viewport()->width(), 810 - 2 * table()->frameWidth());
    QVERIFY(m_view->isFittingColumns());
    QVERIFY(fits());
    QVERIFY2(header->sectionSize(StanzaLogModel::SummaryColumn) >= 15 * character,
             qPrintable(QString::number(header->sectionSize(StanzaLogModel::SummaryColumn))));
    const int narrowFrom = header->sectionSize(StanzaLogModel::FromColumn);
    QVERIFY(narrowFrom >= 12 * character);
    QVERIFY(header->sectionSize(StanzaLogModel::ToColumn) >= 12 * character);

    // Wider: From, To and Id grow to their texts, Summary takes the rest.
    m_view->resize(1400, 500);
    QTRY_VERIFY(header->sectionSize(StanzaLogModel::FromColumn) > narrowFrom);
    QVERIFY(fits());
    QVERIFY(header->sectionSize(StanzaLogModel::SummaryColumn) >
            header->sectionSize(StanzaLogModel::FromColumn));

    // Very narrow: the others give back before Summary drops below its minimum.
    m_view->resize(m_view->minimumSizeHint().width(), 500);
    QTRY_VERIFY(header->sectionSize(StanzaLogModel::FromColumn) < narrowFrom);

    // Once the user sizes a column, the widths are the user's.
    m_view->resize(1000, 500);
    QTRY_COMPARE(table()->viewport()->width(), 1000 - 2 * table()->frameWidth());
    header->resizeSection(StanzaLogModel::IdColumn, 222);
    QVERIFY(!m_view->isFittingColumns());
    const int from = header->sectionSize(StanzaLogModel::FromColumn);
    m_view->resize(1300, 500);
    QTRY_COMPARE(table()->viewport()->width(), 1300 - 2 * table()->frameWidth());
    QCOMPARE(header->sectionSize(StanzaLogModel::IdColumn), 222);
    QCOMPARE(header->sectionSize(StanzaLogModel::FromColumn), from);
    // Until they ask for fitting again.
    m_view->fitColumnsToWidth();
    QVERIFY(m_view->isFittingColumns());
    QVERIFY(header->sectionSize(StanzaLogModel::IdColumn) < 222);
    QVERIFY(fits());
}

void TestStanzaLogView::columnLayoutIsKept()
{
    QSettings().remove(u"log"_s);
    fillMixed(*m_model);
    m_view->setSettingsGroup(u"log"_s);
    QHeaderView *header = table()->horizontalHeader();

    // The header's context menu hides and shows columns.
    Q_EMIT header->customContextMenuRequested(QPoint(10, 5));
    auto *menu = child<QMenu>(u"columnMenu"_s);
    QTRY_VERIFY(menu->isVisible());
    auto *idColumn = menu->findChild<QAction *>(u"column%1"_s.arg(StanzaLogModel::IdColumn));
    QVERIFY(idColumn && idColumn->isChecked());
    QCOMPARE(idColumn->text(), u"Id"_s);
    idColumn->trigger();
    menu->close();
    QVERIFY(header->isSectionHidden(StanzaLogModel::IdColumn));
    header->resizeSection(StanzaLogModel::FromColumn, 333);                // by hand
    QTRY_COMPARE(QSettings().value(u"log/fitColumns"_s), QVariant(false)); // saved once the drag stops

    // Another view (another profile, the next start) gets the same layout.
    StanzaLogView second;
    second.setModel(m_model);
    second.setSettingsGroup(u"log"_s);
    second.resize(1000, 600);
    second.show();
    QVERIFY(QTest::qWaitForWindowExposed(&second));
    QHeaderView *secondHeader = second.tableView()->horizontalHeader();
    QVERIFY(secondHeader->isSectionHidden(StanzaLogModel::IdColumn));
    QCOMPARE(secondHeader->sectionSize(StanzaLogModel::FromColumn), 333);
    QVERIFY(!second.isFittingColumns());

    // A hidden view picks up a change when it is shown again.
    second.hide();
    Q_EMIT header->customContextMenuRequested(QPoint(10, 5));
    QTRY_VERIFY(menu->isVisible());
    menu->findChild<QAction *>(u"column%1"_s.arg(StanzaLogModel::IdColumn))->trigger();
    menu->findChild<QAction *>(u"fitColumnsAction"_s)->trigger();
    menu->close();
    QVERIFY(!header->isSectionHidden(StanzaLogModel::IdColumn));
    QVERIFY(m_view->isFittingColumns());
    second.show();
    QVERIFY(!secondHeader->isSectionHidden(StanzaLogModel::IdColumn));
    QVERIFY(second.isFittingColumns());

    // The last shown column cannot be hidden.
    for (int column = 1; column < header->count(); ++column)
        header->hideSection(column);
    Q_EMIT header->customContextMenuRequested(QPoint(10, 5));
    QTRY_VERIFY(menu->isVisible());
    QVERIFY(!menu->findChild<QAction *>(u"column0"_s)->isEnabled());
    menu->close();
    QSettings().remove(u"log"_s);
}

void TestStanzaLogView::jidsElideInTheMiddle()
{
    // initStyleOption() is what paints: the JIDs keep their start and their resource.
    struct Probe : StanzaLogDelegate
    {
        using StanzaLogDelegate::initStyleOption;
    };
    fillMixed(*m_model);
    Probe probe;
    const auto elision = [&](int column) {
        QStyleOptionViewItem option;
        option.textElideMode = Qt::ElideRight;
        probe.initStyleOption(&option, table()->model()->index(4, column));
        return option.textElideMode;
    };
    QCOMPARE(elision(StanzaLogModel::FromColumn), Qt::ElideMiddle);
    QCOMPARE(elision(StanzaLogModel::ToColumn), Qt::ElideMiddle);
    QCOMPARE(elision(StanzaLogModel::IdColumn), Qt::ElideMiddle);
    QCOMPARE(elision(StanzaLogModel::SummaryColumn), Qt::ElideRight);
}

void TestStanzaLogView::destroyedWhileBusy_data()
{
    QTest::addColumn<bool>("logFirst");
    QTest::newRow("view first") << false;
    QTest::newRow("log first") << true;
}

void TestStanzaLogView::destroyedWhileBusy()
{
    // Everything a view has going when its profile is removed or the window closes: its parts must
    // not signal a view that is half destroyed (the ASan+UBSan build checks).
    QFETCH(bool, logFirst);
    QSettings().remove(u"busy"_s);
    auto *log = new StanzaLogModel;
    log->setFlushInterval(0);
    auto *view = new StanzaLogView;
    view->setSettingsGroup(u"busy"_s);
    view->setModel(log);
    view->resize(900, 500);
    view->show();
    QVERIFY(QTest::qWaitForWindowExposed(view));
    fillMixed(*log);
    appendLoad(*log, 100);
    QTRY_COMPARE(view->filterModel()->rowCount(), 110);
    view->tableView()->selectRow(4);
    view->tableView()->horizontalHeader()->resizeSection(StanzaLogModel::FromColumn, 250); // saving soon
    QTest::keyClicks(view->findChild<QLineEdit *>(u"searchEdit"_s), u"load"_s);            // filtering soon
    view->setPaused(true);
    appendLoad(*log, 5, 100); // counted soon
    view->clear();            // a message for 10 s
    appendLoad(*log, 5, 105);

    QPointer<StanzaLogView> watched = view;
    if (logFirst) {
        delete log;
        QVERIFY(watched);
        QCOMPARE(view->model(), nullptr);
        QTRY_COMPARE(view->findChild<QLabel *>(u"statusLabel"_s)->text(), u"0 stanzas"_s);
        delete view;
    } else {
        delete view;
        delete log;
    }
    QVERIFY(!watched);
    QSettings().remove(u"busy"_s);
}

QTEST_MAIN(TestStanzaLogView)
#include "tst_stanzalogview.moc"
