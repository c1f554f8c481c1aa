// SPDX-License-Identifier: GPL-3.0-or-later
#include "durationtext.h"

#include <QLocale>
#include <QTest>

using namespace Qt::StringLiterals;
using xcm::DurationText;

class TestDurationText : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale::c()); }
    void measured_data();
    void measured();
    void recorded_data();
    void recorded();
    void gap_data();
    void gap();
    void clockFace_data();
    void clockFace();
};

void TestDurationText::measured_data()
{
    QTest::addColumn<double>("milliseconds");
    QTest::addColumn<QString>("text");
    QTest::newRow("under 10 ms: two decimals") << 0.423 << u"0.42 ms"_s;
    QTest::newRow("under a second: one") << 12.44 << u"12.4 ms"_s;
    QTest::newRow("seconds: two") << 1250.0 << u"1.25 s"_s;
    QTest::newRow("from 100 s: whole seconds") << 120'400.0 << u"120 s"_s;
}

void TestDurationText::measured()
{
    QFETCH(double, milliseconds);
    QFETCH(QString, text);
    QCOMPARE(DurationText::measured(milliseconds), text);
}

void TestDurationText::recorded_data()
{
    QTest::addColumn<double>("milliseconds");
    QTest::addColumn<QString>("text");
    QTest::newRow("the same millisecond") << 0.0 << u"< 1 ms"_s;
    QTest::newRow("whole milliseconds, no decimals they do not have") << 12.0 << u"12 ms"_s;
    QTest::newRow("from a second on as measured") << 4200.0 << u"4.20 s"_s;
}

void TestDurationText::recorded()
{
    QFETCH(double, milliseconds);
    QFETCH(QString, text);
    QCOMPARE(DurationText::recorded(milliseconds), text);
}

void TestDurationText::gap_data()
{
    QTest::addColumn<qint64>("milliseconds");
    QTest::addColumn<QString>("text");
    QTest::newRow("not known yet") << qint64(-1) << QString();
    QTest::newRow("milliseconds") << qint64(850) << u"850 ms"_s;
    QTest::newRow("seconds, one decimal") << qint64(2500) << u"2.5 s"_s;
    QTest::newRow("minutes and seconds") << qint64(192'400) << u"3 min 12 s"_s;
}

void TestDurationText::gap()
{
    QFETCH(qint64, milliseconds);
    QFETCH(QString, text);
    QCOMPARE(DurationText::gap(milliseconds), text);
}

void TestDurationText::clockFace_data()
{
    QTest::addColumn<qint64>("milliseconds");
    QTest::addColumn<QString>("text");
    QTest::newRow("never negative") << qint64(-5000) << u"0:00"_s;
    QTest::newRow("minutes") << qint64(187'999) << u"3:07"_s;
    QTest::newRow("hours") << qint64(3'723'000) << u"1:02:03"_s;
}

void TestDurationText::clockFace()
{
    QFETCH(qint64, milliseconds);
    QFETCH(QString, text);
    QCOMPARE(DurationText::clockFace(milliseconds), text);
}

QTEST_GUILESS_MAIN(TestDurationText)
#include "tst_durationtext.moc"
