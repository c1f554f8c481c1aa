// SPDX-License-Identifier: GPL-3.0-or-later
#include "logstatusline.h"
#include "stanzalogfiltermodel.h"
#include "stanzalogmodel.h"
#include "stanzasamples.h"

#include <QLabel>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace xcm;

class TestLogStatusLine : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void counts_data();
    void counts();
    void followsTheLog();
    void pausedCountsWhatArrives();
    void searchMessagesGoWithTheText_data();
    void searchMessagesGoWithTheText();
    void messagesAreElided();

private:
    QLabel *label(const QString &name) const
    {
        auto *found = m_line->findChild<QLabel *>(name);
        if (!found)
            qFatal("no label %s", qPrintable(name));
        return found;
    }

    StanzaLogModel *m_log = nullptr;
    StanzaLogFilterModel *m_filter = nullptr;
    LogStatusLine *m_line = nullptr;
};

void TestLogStatusLine::init()
{
    m_log = new StanzaLogModel;
    m_log->setFlushInterval(0);
    m_filter = new StanzaLogFilterModel;
    m_filter->setSourceModel(m_log);
    m_line = new LogStatusLine(m_filter);
    m_line->setLog(m_log);
    m_line->resize(600, m_line->sizeHint().height());
    m_line->show();
}

void TestLogStatusLine::cleanup()
{
    delete m_line;
    delete m_filter;
    delete m_log;
}

void TestLogStatusLine::counts_data()
{
    QTest::addColumn<int>("received");
    QTest::addColumn<int>("errors");
    QTest::addColumn<bool>("errorsOnly");
    QTest::addColumn<int>("maxRows");
    QTest::addColumn<QString>("text");

    // Only what tells something: "shown" while filters hide rows, "dropped" once the cap was reached.
    QTest::newRow("empty") << 0 << 0 << false << 640 << u"0 stanzas"_s;
    QTest::newRow("one") << 1 << 0 << false << 640 << u"1 stanza"_s;
    QTest::newRow("several") << 12 << 3 << false << 640 << u"15 stanzas"_s;
    QTest::newRow("filtered") << 12 << 3 << true << 640 << u"15 stanzas (3 shown)"_s;
    QTest::newRow("filtered to none") << 12 << 0 << true << 640 << u"12 stanzas (0 shown)"_s;
    QTest::newRow("dropped") << 665 << 0 << false << 640 << u"640 stanzas, 25 dropped"_s;
    QTest::newRow("filtered and dropped")
        << 660 << 5 << true << 640 << u"640 stanzas (5 shown), 25 dropped"_s;
}

void TestLogStatusLine::counts()
{
    QFETCH(int, received);
    QFETCH(int, errors);
    QFETCH(bool, errorsOnly);
    QFETCH(int, maxRows);
    QFETCH(QString, text);

    m_log->setMaxRows(maxRows);
    m_filter->setErrorsOnly(errorsOnly);
    for (int i = 0; i < received; ++i)
        m_log->append(samples::received(samples::loadMessage(i)));
    for (int i = 0; i < errors; ++i)
        m_log->append(samples::received(samples::iqError));
    m_log->flush();
    // Once per event-loop turn, not per change.
    QTRY_COMPARE(label(u"statusLabel"_s)->text(), text);
    // The limit is in the tooltip, as soon as it is set (the empty log's text was already right).
    QTRY_VERIFY2(label(u"statusLabel"_s)
                     ->toolTip()
                     .contains(u"the %1 the log keeps: %2"_s.arg(maxRows).arg(m_log->droppedCount())),
                 qPrintable(label(u"statusLabel"_s)->toolTip()));
    const QString tip = label(u"statusLabel"_s)->toolTip();
    QVERIFY2(tip.contains(u"Shown: %1\n"_s.arg(m_filter->rowCount())), qPrintable(tip));
}

void TestLogStatusLine::followsTheLog()
{
    m_log->append(samples::received(samples::chatMessage));
    QTRY_COMPARE(label(u"statusLabel"_s)->text(), u"1 stanza"_s);

    StanzaLogModel other;
    for (int i = 0; i < 3; ++i)
        other.append(samples::received(samples::loadMessage(i)));
    other.flush();
    m_filter->setSourceModel(&other);
    m_line->setLog(&other);
    QCOMPARE(label(u"statusLabel"_s)->text(), u"3 stanzas"_s); // at once
    // The old log no longer counts; the new one does.
    m_log->append(samples::received(samples::chatMessage));
    other.append(samples::received(samples::chatMessage));
    QTRY_COMPARE(label(u"statusLabel"_s)->text(), u"4 stanzas"_s);

    m_filter->setSourceModel(nullptr);
    m_line->setLog(nullptr);
    QCOMPARE(label(u"statusLabel"_s)->text(), u"0 stanzas"_s);
    m_filter->setSourceModel(m_log); // before `other` goes
}

void TestLogStatusLine::pausedCountsWhatArrives()
{
    auto *paused = label(u"pausedLabel"_s);
    QVERIFY(!paused->isVisible());
    m_filter->setPaused(true);
    QVERIFY(paused->isVisible()); // at once
    QCOMPARE(paused->text(), u"Paused: 0 new while paused"_s);
    QVERIFY(paused->font().bold());
    for (int i = 0; i < 3; ++i)
        m_log->append(samples::received(samples::loadMessage(i)));
    QTRY_COMPARE(paused->text(), u"Paused: 3 new while paused"_s);
    QTRY_COMPARE(label(u"statusLabel"_s)->text(), u"3 stanzas (0 shown)"_s);
    m_filter->setPaused(false);
    QVERIFY(!paused->isVisible());
    QTRY_COMPARE(label(u"statusLabel"_s)->text(), u"3 stanzas"_s);
}

void TestLogStatusLine::searchMessagesGoWithTheText_data()
{
    QTest::addColumn<bool>("aboutSearch");
    QTest::addColumn<bool>("staysWhenTheTextChanges");
    QTest::newRow("about the search") << true << false;
    QTest::newRow("about something else") << false << true;
}

void TestLogStatusLine::searchMessagesGoWithTheText()
{
    QFETCH(bool, aboutSearch);
    QFETCH(bool, staysWhenTheTextChanges);
    auto *message = label(u"messageLabel"_s);
    const QString text = u"No stanza shown contains “<b>x</b>”"_s; // quoted markup is text
    if (aboutSearch)
        m_line->showSearchMessage(text);
    else
        m_line->showMessage(text);
    QCOMPARE(message->text(), text);
    QCOMPARE(message->textFormat(), Qt::PlainText);
    m_line->dropSearchMessage();
    QCOMPARE(message->text(), staysWhenTheTextChanges ? text : QString());
    // Another message replaces one about the search: the text changing leaves it.
    m_line->showSearchMessage(text);
    m_line->showMessage(u"Cleared 3 stanzas"_s);
    m_line->dropSearchMessage();
    QCOMPARE(message->text(), u"Cleared 3 stanzas"_s);
    m_line->showMessage({});
    QCOMPARE(message->text(), QString());
}

void TestLogStatusLine::messagesAreElided()
{
    auto *message = label(u"messageLabel"_s);
    const QString path = u"Exported 12 stanzas to /home/someone/"_s + QString(200, u'x') + u"/stanzas.log"_s;
    m_line->showMessage(path);
    QVERIFY(message->text().contains(u'…'));
    QVERIFY(message->text().endsWith(u"stanzas.log"_s)); // in the middle: the file name stays
    QCOMPARE(message->toolTip(), path);
    QVERIFY(message->width() < 600);
    // A wider line shows more of it.
    const int shown = message->text().size();
    m_line->resize(1200, m_line->height());
    QTRY_VERIFY(message->text().size() > shown);
}

QTEST_MAIN(TestLogStatusLine)
#include "tst_logstatusline.moc"
