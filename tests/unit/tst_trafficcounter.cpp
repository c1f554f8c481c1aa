// SPDX-License-Identifier: GPL-3.0-or-later
#include "trafficcounter.h"

#include <QTest>

using namespace xcm;

class TestTrafficCounter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void ring_data();
    void ring();
    void countsOnlyUntilTick();
};

void TestTrafficCounter::ring_data()
{
    QTest::addColumn<int>("capacity");
    QTest::addColumn<QList<int>>("inPerSecond"); // outgoing: half as many, errors: one in ten in
    QTest::addColumn<int>("expectedSize");
    QTest::addColumn<int>("expectedFirstIn");
    QTest::addColumn<int>("expectedPeakIn");

    QTest::newRow("empty") << 5 << QList<int>{} << 0 << 0 << 0;
    QTest::newRow("partly filled") << 5 << QList<int>{3, 10, 0} << 3 << 3 << 10;
    QTest::newRow("exactly full") << 3 << QList<int>{1, 2, 3} << 3 << 1 << 3;
    QTest::newRow("wrapped: the peak fell out") << 3 << QList<int>{50, 2, 3, 4, 1} << 3 << 3 << 4;
    QTest::newRow("idle seconds count as zero") << 4 << QList<int>{7, 0, 0, 0, 0} << 4 << 0 << 0;
}

void TestTrafficCounter::ring()
{
    QFETCH(int, capacity);
    QFETCH(QList<int>, inPerSecond);
    QFETCH(int, expectedSize);
    QFETCH(int, expectedFirstIn);
    QFETCH(int, expectedPeakIn);

    TrafficCounter counter(capacity);
    for (int in : inPerSecond) {
        for (int i = 0; i < in; ++i) {
            counter.countIn();
            if (i % 10 == 9)
                counter.countErrors(1);
            if (i % 2 == 0)
                counter.countOut();
        }
        counter.tick();
    }
    QCOMPARE(counter.capacity(), capacity);
    QCOMPARE(counter.size(), expectedSize);
    QCOMPARE(int(counter.at(0).in), expectedFirstIn);
    QCOMPARE(int(counter.peak().in), expectedPeakIn);
    QCOMPARE(int(counter.peak().out), (expectedPeakIn + 1) / 2);
    if (!inPerSecond.isEmpty()) {
        const int last = inPerSecond.last();
        QCOMPARE(int(counter.current().in), last);
        QCOMPARE(int(counter.current().errors), last / 10);
    }
    QCOMPARE(counter.at(expectedSize).in, 0u); // out of range: nothing
}

void TestTrafficCounter::countsOnlyUntilTick()
{
    TrafficCounter counter(10);
    counter.countIn();
    counter.countOut();
    counter.countErrors(1);
    QCOMPARE(counter.size(), 0);
    QCOMPARE(counter.current().in, 0u);
    counter.tick();
    QCOMPARE(counter.size(), 1);
    QCOMPARE(counter.current().in, 1u);
    QCOMPARE(counter.current().out, 1u);
    QCOMPARE(counter.current().errors, 1u);
    QCOMPARE(counter.totalIn(), 1u);
}

QTEST_GUILESS_MAIN(TestTrafficCounter)
#include "tst_trafficcounter.moc"
