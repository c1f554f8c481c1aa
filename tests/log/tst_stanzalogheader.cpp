// SPDX-License-Identifier: GPL-3.0-or-later
#include "jidelider.h"
#include "stanzalogheader.h"
#include "stanzalogmodel.h"
#include "stanzasamples.h"

#include <QApplication>
#include <QMenu>
#include <QScrollBar>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStyle>
#include <QTableView>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace xcm;

using ColumnList = QList<int>;

class TestStanzaLogHeader : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void fitsTheWidth_data();
    void fitsTheWidth();
    void addressColumnsKeepTheDomain();
    void shortSummariesLeaveIdWhole();
    void userSizesEndFitting();
    void keepsTheLayoutAcrossAModelSwitch();
    void menuHidesColumnsButOne();
    void layoutIsKeptInSettings();
    void hiddenLogIsMeasuredWhenShown();
    void aNewFontRemeasuresTheColumns();

private:
    int shownWidth() const
    {
        int sum = 0;
        for (int column = 0; column < m_header->count(); ++column)
            sum += m_header->isSectionHidden(column) ? 0 : m_header->sectionSize(column);
        return sum;
    }
    QMenu *openMenu() const
    {
        Q_EMIT m_header->customContextMenuRequested(QPoint(10, 5));
        return m_header->findChild<QMenu *>(u"columnMenu"_s);
    }

    StanzaLogModel *m_log = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr; // as the view has it: the header sees the log through one
    QTableView *m_table = nullptr;
    StanzaLogHeader *m_header = nullptr;
};

void TestStanzaLogHeader::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QApplication::setOrganizationName(u"xcm"_s);
    QApplication::setApplicationName(u"tst_stanzalogheader"_s);
    QSettings().clear();
}

void TestStanzaLogHeader::init()
{
    m_log = new StanzaLogModel;
    m_log->append(samples::received(samples::chatMessage));
    m_log->flush();
    m_proxy = new QSortFilterProxyModel;
    m_proxy->setSourceModel(m_log);
    m_table = new QTableView;
    m_header = new StanzaLogHeader(m_table);
    m_table->setHorizontalHeader(m_header);
    m_table->setModel(m_proxy);
    m_table->verticalHeader()->hide();
    m_table->resize(1000, 400);
    m_table->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_table));
}

void TestStanzaLogHeader::cleanup()
{
    delete m_table;
    delete m_proxy;
    delete m_log;
}

void TestStanzaLogHeader::fitsTheWidth_data()
{
    QTest::addColumn<int>("width");
    QTest::addColumn<ColumnList>("hidden");

    // From 810 px (the log in a 1024 px window) on, Summary keeps 20 characters and nothing scrolls.
    QTest::newRow("810") << 810 << ColumnList();
    QTest::newRow("1000") << 1000 << ColumnList();
    QTest::newRow("1400") << 1400 << ColumnList();
    QTest::newRow("2400") << 2400 << ColumnList();
    QTest::newRow("810 without Id") << 810 << ColumnList{StanzaLogModel::IdColumn};
    QTest::newRow("810 without From and Type")
        << 810 << ColumnList{StanzaLogModel::FromColumn, StanzaLogModel::TypeColumn};
    QTest::newRow("1400 without Summary") << 1400 << ColumnList{StanzaLogModel::SummaryColumn};
}

void TestStanzaLogHeader::fitsTheWidth()
{
    QFETCH(int, width);
    QFETCH(ColumnList, hidden);
    for (const int column : hidden) {
        auto *action = openMenu()->findChild<QAction *>(u"column%1"_s.arg(column));
        QVERIFY(action && action->isChecked());
        action->trigger();
    }
    m_table->resize(width + 2 * m_table->frameWidth(), 400);
    QTRY_COMPARE(m_header->width(), width);
    QVERIFY(m_header->isFittingColumns());

    const int character = m_table->fontMetrics().averageCharWidth();
    QCOMPARE(shownWidth(), width); // the last shown column stretches over the rest
    QVERIFY(!m_table->horizontalScrollBar()->isVisible());
    const int summary = m_header->sectionSize(StanzaLogModel::SummaryColumn);
    if (!hidden.contains(StanzaLogModel::SummaryColumn))
        QVERIFY2(summary >= 20 * character, qPrintable(QString::number(summary)));
    // From and To are as wide as their widest text, within 12 to 40 characters (and the padding): where
    // Summary keeps more than its minimum, From shows its address whole.
    const int from = m_header->sectionSize(StanzaLogModel::FromColumn);
    const int to = m_header->sectionSize(StanzaLogModel::ToColumn);
    if (!hidden.contains(StanzaLogModel::FromColumn)) {
        QVERIFY2(from >= 12 * character && from <= 40 * character + 30, qPrintable(QString::number(from)));
        QVERIFY2(to >= 12 * character && to <= 40 * character + 30, qPrintable(QString::number(to)));
        const int fromText = m_table->fontMetrics().horizontalAdvance(u"juliet@capulet.lit/balcony"_s);
        if (summary > 20 * character + 10)
            QVERIFY2(from >= fromText, qPrintable(u"%1 < %2"_s.arg(from).arg(fromText)));
    }
    // Answer keeps room for its usual text, "result in 12.4 ms", from 810 px up (it gave back first and
    // showed "result in …").
    const int answerText = m_table->fontMetrics().horizontalAdvance(u"result in 12.4 ms"_s);
    QVERIFY2(
        m_header->sectionSize(StanzaLogModel::AnswerColumn) >= answerText,
        qPrintable(u"%1 < %2"_s.arg(m_header->sectionSize(StanzaLogModel::AnswerColumn)).arg(answerText)));
    for (const int column : hidden)
        QVERIFY(m_header->isSectionHidden(column));
}

void TestStanzaLogHeader::addressColumnsKeepTheDomain()
{
    // Issue 13: in a 1024 px window the domains were cut ("bot@demo…calhost"), and then the local part
    // went ("…@demo.localhost"). An address column gives way down to its widest domain with the local
    // part's first letter, not below, while Summary keeps its floor (792 px: a 1024 px window's log with
    // its scroll bar, where Summary goes under its 20 characters for them).
    m_log->append(
        samples::received("<message from='alice@echo.localhost/desk' to='bot@demo.localhost' type='chat' "
                          "id='m-2'><body>hi</body></message>"_ba));
    m_log->flush();
    m_table->resize(792 + 2 * m_table->frameWidth(), 400);
    QTRY_COMPARE(m_header->width(), 792);
    const QFontMetrics metrics = m_table->fontMetrics();
    const int fromDomain = metrics.horizontalAdvance(JidElider::domainKept(u"alice@echo.localhost/desk"_s));
    const int toDomain = metrics.horizontalAdvance(JidElider::domainKept(u"bot@demo.localhost"_s));
    // The text's room in a cell: its width less the style's text margin on each side.
    const int margins =
        2 * (m_table->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, m_table) + 1);
    QTRY_VERIFY2(
        m_header->sectionSize(StanzaLogModel::FromColumn) - margins >= fromDomain,
        qPrintable(u"%1 <= %2"_s.arg(m_header->sectionSize(StanzaLogModel::FromColumn)).arg(fromDomain)));
    QVERIFY2(m_header->sectionSize(StanzaLogModel::ToColumn) - margins >= toDomain,
             qPrintable(u"%1 <= %2"_s.arg(m_header->sectionSize(StanzaLogModel::ToColumn)).arg(toDomain)));
    QCOMPARE(shownWidth(), 792);
    QVERIFY(!m_table->horizontalScrollBar()->isVisible());
    const int summary = m_header->sectionSize(StanzaLogModel::SummaryColumn);
    QVERIFY2(summary >= m_header->defaultSectionSize(), qPrintable(QString::number(summary)));
}

void TestStanzaLogHeader::userSizesEndFitting()
{
    m_header->resizeSection(StanzaLogModel::IdColumn, 222);
    QVERIFY(!m_header->isFittingColumns());
    const int from = m_header->sectionSize(StanzaLogModel::FromColumn);
    m_table->resize(1300, 400);
    QTRY_COMPARE(m_header->width(), 1300 - 2 * m_table->frameWidth());
    QCOMPARE(m_header->sectionSize(StanzaLogModel::IdColumn), 222);
    QCOMPARE(m_header->sectionSize(StanzaLogModel::FromColumn), from);

    // The stretched last column follows the window: that is no sizing by the user.
    m_header->fitColumnsToWidth();
    QVERIFY(m_header->isFittingColumns());
    m_table->resize(1100, 400);
    QTRY_COMPARE(m_header->width(), 1100 - 2 * m_table->frameWidth());
    QVERIFY(m_header->isFittingColumns());
    QVERIFY(m_header->sectionSize(StanzaLogModel::IdColumn) < 222);
}

void TestStanzaLogHeader::keepsTheLayoutAcrossAModelSwitch()
{
    m_header->resizeSection(StanzaLogModel::FromColumn, 321);
    m_header->hideSection(StanzaLogModel::TypeColumn);
    StanzaLogModel other;
    m_header->keepLayoutAcross([&] { m_proxy->setSourceModel(&other); });
    QCOMPARE(m_header->sectionSize(StanzaLogModel::FromColumn), 321);
    QVERIFY(m_header->isSectionHidden(StanzaLogModel::TypeColumn));
    QVERIFY(!m_header->isFittingColumns());

    // Through no model at all, too.
    m_header->keepLayoutAcross([&] { m_proxy->setSourceModel(nullptr); });
    QCOMPARE(m_header->count(), 0);
    m_header->keepLayoutAcross([&] { m_proxy->setSourceModel(m_log); });
    QCOMPARE(m_header->count(), int(StanzaLogModel::ColumnCount));
    QCOMPARE(m_header->sectionSize(StanzaLogModel::FromColumn), 321);
    QVERIFY(m_header->isSectionHidden(StanzaLogModel::TypeColumn));
}

void TestStanzaLogHeader::menuHidesColumnsButOne()
{
    QMenu *menu = openMenu();
    QTRY_VERIFY(menu->isVisible());
    auto *id = menu->findChild<QAction *>(u"column%1"_s.arg(StanzaLogModel::IdColumn));
    QCOMPARE(id->text(), u"Id"_s);
    id->trigger();
    menu->close();
    QVERIFY(m_header->isSectionHidden(StanzaLogModel::IdColumn));
    QCOMPARE(shownWidth(), m_header->width()); // the others fill the room

    for (int column = 1; column < m_header->count(); ++column)
        m_header->hideSection(column);
    menu = openMenu();
    QVERIFY(!menu->findChild<QAction *>(u"column0"_s)->isEnabled());
    QVERIFY(menu->findChild<QAction *>(u"column1"_s)->isEnabled());
    menu->close();
}

void TestStanzaLogHeader::layoutIsKeptInSettings()
{
    QSettings().remove(u"log"_s);
    m_header->setSettingsGroup(u"log"_s);
    m_header->resizeSection(StanzaLogModel::ToColumn, 255);
    QVERIFY(!QSettings().contains(u"log/columns"_s));
    QTRY_COMPARE(QSettings().value(u"log/fitColumns"_s), QVariant(false)); // once the drag stops

    // Another header (another profile's log, the next start) reads it; a hidden one on being shown.
    QTableView second;
    auto *secondHeader = new StanzaLogHeader(&second);
    second.setHorizontalHeader(secondHeader);
    second.setModel(m_proxy);
    secondHeader->setSettingsGroup(u"log"_s);
    QCOMPARE(secondHeader->sectionSize(StanzaLogModel::ToColumn), 255);
    QVERIFY(!secondHeader->isFittingColumns());
    m_header->fitColumnsToWidth(); // saved at once
    QVERIFY(m_header->isFittingColumns());
    second.resize(1000, 400);
    second.show();
    QVERIFY(QTest::qWaitForWindowExposed(&second));
    QVERIFY(secondHeader->isFittingColumns());

    // A change still waiting to be saved is written when the header is hidden.
    m_header->resizeSection(StanzaLogModel::ToColumn, 244);
    m_table->hide();
    QCOMPARE(QSettings().value(u"log/fitColumns"_s), QVariant(false));
    QSettings().remove(u"log"_s);
}

void TestStanzaLogHeader::shortSummariesLeaveIdWhole()
{
    // A stream id (a UUID) in the Id column, short summaries, a wide window: Summary keeps no more than its
    // text needs, and the id fits whole.
    StanzaLogModel log;
    log.append(
        samples::received(u"<message from='alice@echo.localhost/desk' to='bot@demo.localhost' type='chat' "
                          "id='6bec1667-92c9-4815-9cb9-8139a081fd86'><body>hi</body></message>"_s.toUtf8()));
    log.flush();
    QTableView table;
    auto *header = new StanzaLogHeader(&table);
    table.setHorizontalHeader(header);
    table.setModel(&log);
    table.resize(1250, 400);
    table.show();
    QVERIFY(QTest::qWaitForWindowExposed(&table));
    const QString id = log.index(0, StanzaLogModel::IdColumn).data().toString();
    QTRY_VERIFY2(header->sectionSize(StanzaLogModel::IdColumn) > table.fontMetrics().horizontalAdvance(id),
                 qPrintable(QString::number(header->sectionSize(StanzaLogModel::IdColumn))));
}

void TestStanzaLogHeader::hiddenLogIsMeasuredWhenShown()
{
    // As in the window: each profile's log on a page of a stack, one shown. A hidden log does not lay
    // out its rows' text as they arrive (with twenty connected profiles that was a tenth of the UI
    // thread); it measures the newest when shown, and fits before the first paint.
    QStackedWidget stack;
    auto *other = new QWidget;
    stack.addWidget(other);
    StanzaLogModel log;
    log.append(samples::received(samples::chatMessage));
    log.flush();
    auto *table = new QTableView;
    auto *header = new StanzaLogHeader(table);
    table->setHorizontalHeader(header);
    table->setModel(&log);
    stack.addWidget(table);
    stack.resize(1000, 400);
    stack.setCurrentWidget(table);
    stack.show();
    QVERIFY(QTest::qWaitForWindowExposed(&stack));
    QTest::qWait(400);             // laid out and fitted
    stack.setCurrentWidget(other); // another profile shown

    const QString longFrom = u"a-very-long-local-part-of-an-address@gateway.example.org/resource"_s;
    const int before = header->sectionSize(StanzaLogModel::FromColumn);
    log.append(samples::received(u"<message from='%1' to='bot@demo.localhost' type='chat' id='w1'>"
                                 "<body>hi</body></message>"_s.arg(longFrom)
                                     .toUtf8()));
    log.flush();
    QTest::qWait(700); // past the sampling interval and the refit delay
    QCOMPARE(header->sectionSize(StanzaLogModel::FromColumn), before);

    stack.setCurrentWidget(table);
    QVERIFY2(header->sectionSize(StanzaLogModel::FromColumn) > before,
             qPrintable(QString::number(header->sectionSize(StanzaLogModel::FromColumn))));
}

void TestStanzaLogHeader::aNewFontRemeasuresTheColumns()
{
    m_table->resize(2000, 400); // room for every column's widest text, in either font
    QTest::qWait(400);          // laid out and fitted
    const auto widths = [this] {
        return QList<int>{m_header->sectionSize(StanzaLogModel::KindColumn),
                          m_header->sectionSize(StanzaLogModel::FromColumn)};
    };
    const QList<int> before = widths();
    const QFont original = m_table->font();
    QFont larger = original;
    larger.setPointSizeF(original.pointSizeF() * 1.5);
    m_table->setFont(larger); // as a changed desktop font reaches the log
    const int fromText = QFontMetrics(larger).horizontalAdvance(u"juliet@capulet.lit/balcony"_s);
    QTRY_VERIFY2(
        m_header->sectionSize(StanzaLogModel::FromColumn) >= fromText,
        qPrintable(u"%1 < %2"_s.arg(m_header->sectionSize(StanzaLogModel::FromColumn)).arg(fromText)));
    QVERIFY(m_header->sectionSize(StanzaLogModel::KindColumn) > before.at(0));
    // And back: the widths of the larger font do not stay.
    m_table->setFont(original);
    QTRY_COMPARE(widths(), before);
}

QTEST_MAIN(TestStanzaLogHeader)
#include "tst_stanzalogheader.moc"
