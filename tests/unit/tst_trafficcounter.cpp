// SPDX-License-Identifier: GPL-3.0-or-later
#include "trafficcounter.h"

#include "componentconnection.h"

#include <QTest>

using namespace xcm;

namespace {

// Sets a mirror connection's stanza counters, as the desktop proxy's relay thread does with each report
// (a connection of its own counts the same way as it reads and writes).
void setCounters(ComponentConnection &mirror, quint64 in, quint64 out)
{
    ComponentConnection::Status status = mirror.status();
    status.counters.stanzasIn = in;
    status.counters.stanzasOut = out;
    mirror.mirrorState(status);
}

} // namespace

class TestTrafficCounter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void ring_data();
    void ring();
    void countsOnlyUntilTick();
    void countsFromWhenItFollows();
    void aCounterThatStartsOverCountsFromZero();
    void followsSeveralConnections();
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

    ComponentConnection connection;
    TrafficCounter counter(capacity);
    counter.follow(&connection);
    quint64 in = 0;
    quint64 out = 0;
    for (int second : inPerSecond) {
        in += quint64(second);
        out += quint64(second + 1) / 2;
        setCounters(connection, in, out);
        counter.countErrors(second / 10);
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
    ComponentConnection connection;
    TrafficCounter counter(10);
    counter.follow(&connection);
    setCounters(connection, 1, 1);
    counter.countErrors(1);
    QCOMPARE(counter.size(), 0);
    QCOMPARE(counter.current().in, 0u);
    counter.tick();
    QCOMPARE(counter.size(), 1);
    QCOMPARE(counter.current().in, 1u);
    QCOMPARE(counter.current().out, 1u);
    QCOMPARE(counter.current().errors, 1u);
    QCOMPARE(counter.totalIn(), 1u);
    counter.tick(); // nothing new: an idle second
    QCOMPARE(counter.current().in, 0u);
    QCOMPARE(counter.totalIn(), 1u);
}

void TestTrafficCounter::countsFromWhenItFollows()
{
    ComponentConnection connection;
    setCounters(connection, 500, 70); // before the graph was there
    TrafficCounter counter(10);
    counter.follow(&connection);
    setCounters(connection, 503, 71);
    counter.tick();
    QCOMPARE(counter.current().in, 3u);
    QCOMPARE(counter.current().out, 1u);
}

void TestTrafficCounter::aCounterThatStartsOverCountsFromZero()
{
    ComponentConnection connection;
    setCounters(connection, 40, 40);
    TrafficCounter counter(10);
    counter.follow(&connection);
    setCounters(connection, 5, 2); // a fresh count: not minus 35
    counter.tick();
    QCOMPARE(counter.current().in, 5u);
    QCOMPARE(counter.current().out, 2u);
    setCounters(connection, 9, 2);
    counter.tick();
    QCOMPARE(counter.current().in, 4u);
}

void TestTrafficCounter::followsSeveralConnections()
{
    // A profile's session has two connections (its own and a proxy's mirror), one in use at a time; and
    // one may be gone before the counter.
    auto direct = std::make_unique<ComponentConnection>();
    ComponentConnection mirror;
    TrafficCounter counter(10);
    counter.follow(direct.get());
    counter.follow(&mirror);
    setCounters(*direct, 2, 3);
    setCounters(mirror, 10, 20);
    counter.tick();
    QCOMPARE(counter.current().in, 12u);
    QCOMPARE(counter.current().out, 23u);
    direct.reset();
    setCounters(mirror, 11, 20);
    counter.tick();
    QCOMPARE(counter.current().in, 1u);
    QCOMPARE(counter.totalOut(), 23u);
}

QTEST_GUILESS_MAIN(TestTrafficCounter)
#include "tst_trafficcounter.moc"
