// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectiontimeline.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace xcm;

Q_DECLARE_METATYPE(QList<ConnectionState>)

class TestConnectionTimeline : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void attempts_data();
    void attempts();
    void aCancelledRetryDoesNotContinueTheSeries();
    void streamIdInHeaderRow();
    void durationsBetweenEvents();
    void boundedDropsOldest();
    void copyAndCsv();
};

using Kind = ConnectionTimeline::EventKind;

void TestConnectionTimeline::attempts_data()
{
    QTest::addColumn<QList<ConnectionState>>("states");
    QTest::addColumn<DisconnectReason::Kind>("endReason");
    QTest::addColumn<bool>("retry");
    QTest::addColumn<QList<int>>("expectedAttempts");
    QTest::addColumn<QList<int>>("expectedKinds");

    using S = ConnectionState;
    const QList<ConnectionState> full{S::Connecting, S::OpeningStream, S::Authenticating, S::Connected,
                                      S::Disconnected};
    QTest::newRow("one attempt, user ends it")
        << full << DisconnectReason::Kind::UserRequest << false << QList<int>{1, 1, 1, 1, 1, 1, 1}
        << QList<int>{int(Kind::Connecting), int(Kind::TransportUp),  int(Kind::HeaderReceived),
                      int(Kind::Connected),  int(Kind::Disconnected), int(Kind::Connecting),
                      int(Kind::TransportUp)};
    QTest::newRow("dropped, reconnects as attempt 2")
        << full << DisconnectReason::Kind::Network << true << QList<int>{1, 1, 1, 1, 1, 1, 2, 2}
        << QList<int>{int(Kind::Connecting), int(Kind::TransportUp),  int(Kind::HeaderReceived),
                      int(Kind::Connected),  int(Kind::Disconnected), int(Kind::ReconnectScheduled),
                      int(Kind::Connecting), int(Kind::TransportUp)};
    // Retries given up (or none allowed): the user's next Connect is a new series, attempt 1 again.
    QTest::newRow("failed without a retry, connected again")
        << QList<ConnectionState>{S::Connecting, S::Disconnected} << DisconnectReason::Kind::Network << false
        << QList<int>{1, 1, 1, 1}
        << QList<int>{int(Kind::Connecting), int(Kind::Disconnected), int(Kind::Connecting),
                      int(Kind::TransportUp)};
    QTest::newRow("refused at TCP, retry")
        << QList<ConnectionState>{S::Connecting, S::Disconnected} << DisconnectReason::Kind::Network << true
        << QList<int>{1, 1, 1, 2, 2}
        << QList<int>{int(Kind::Connecting), int(Kind::Disconnected), int(Kind::ReconnectScheduled),
                      int(Kind::Connecting), int(Kind::TransportUp)};
}

void TestConnectionTimeline::attempts()
{
    QFETCH(QList<ConnectionState>, states);
    QFETCH(DisconnectReason::Kind, endReason);
    QFETCH(bool, retry);
    QFETCH(QList<int>, expectedAttempts);
    QFETCH(QList<int>, expectedKinds);

    ConnectionTimeline timeline;
    qint64 now = 1000;
    DisconnectReason reason;
    reason.kind = endReason;
    reason.condition = u"connection-refused"_s;
    for (ConnectionState state : states)
        timeline.recordState(state, state == ConnectionState::Disconnected ? reason : DisconnectReason{},
                             u"abc"_s, now += 10);
    if (retry)
        timeline.recordReconnect(1, 2000, now += 1);
    // The next attempt (a reconnect, or the user's next connect).
    timeline.recordState(ConnectionState::Connecting, {}, {}, now += 2000);
    timeline.recordState(ConnectionState::OpeningStream, {}, {}, now += 5);

    QCOMPARE(timeline.rowCount(), expectedKinds.size());
    for (int row = 0; row < timeline.rowCount(); ++row) {
        QCOMPARE(int(timeline.event(row).kind), expectedKinds.at(row));
        QCOMPARE(timeline.event(row).attempt, expectedAttempts.at(row));
    }
    const int disconnected = int(expectedKinds.indexOf(int(Kind::Disconnected)));
    QCOMPARE(timeline.event(disconnected).isProblem, endReason != DisconnectReason::Kind::UserRequest);
    QVERIFY(timeline.event(disconnected).detail.contains(u"connection-refused"_s));
}

void TestConnectionTimeline::aCancelledRetryDoesNotContinueTheSeries()
{
    ConnectionTimeline timeline;
    DisconnectReason refused;
    refused.kind = DisconnectReason::Kind::Network;
    DisconnectReason byUser;
    byUser.kind = DisconnectReason::Kind::UserRequest;
    timeline.recordState(ConnectionState::Connecting, {}, {}, 1);
    timeline.recordState(ConnectionState::Disconnected, refused, {}, 2);
    timeline.recordReconnect(1, 2000, 3);
    timeline.recordState(ConnectionState::Disconnected, byUser, {}, 4); // Disconnect while it waits
    timeline.recordState(ConnectionState::Connecting, {}, {}, 5);
    QCOMPARE(timeline.event(timeline.rowCount() - 1).kind, Kind::Connecting);
    QCOMPARE(timeline.event(timeline.rowCount() - 1).attempt, 1);
}

void TestConnectionTimeline::streamIdInHeaderRow()
{
    ConnectionTimeline timeline;
    timeline.recordState(ConnectionState::Connecting, {}, {}, 1);
    timeline.recordState(ConnectionState::OpeningStream, {}, {}, 2);
    timeline.recordState(ConnectionState::Authenticating, {}, u"s-42"_s, 3);
    QCOMPARE(timeline.event(0).detail, QString());
    QVERIFY(timeline.event(2).detail.contains(u"s-42"_s));
    QVERIFY(
        timeline.data(timeline.index(2, ConnectionTimeline::DetailColumn)).toString().contains(u"s-42"_s));
}

void TestConnectionTimeline::durationsBetweenEvents()
{
    ConnectionTimeline timeline;
    timeline.recordState(ConnectionState::Connecting, {}, {}, 1000);
    timeline.recordState(ConnectionState::OpeningStream, {}, {}, 1250);
    timeline.recordState(ConnectionState::Authenticating, {}, {}, 3750);
    QCOMPARE(timeline.durationMs(0), 250);
    QCOMPARE(timeline.durationMs(1), 2500);
    QCOMPARE(timeline.durationMs(2), -1); // still waiting for the answer
    QCOMPARE(timeline.data(timeline.index(2, ConnectionTimeline::DurationColumn)).toString(), QString());
}

void TestConnectionTimeline::boundedDropsOldest()
{
    ConnectionTimeline timeline(3);
    for (int i = 0; i < 5; ++i)
        timeline.recordNote(QString::number(i), false, i);
    QCOMPARE(timeline.rowCount(), 3);
    QCOMPARE(timeline.event(0).detail, u"2"_s);
    QCOMPARE(timeline.event(2).detail, u"4"_s);
}

void TestConnectionTimeline::copyAndCsv()
{
    ConnectionTimeline timeline;
    timeline.recordNote(u"plain"_s, false, 0);
    timeline.recordNote(u"with, comma and \"quotes\""_s, true, 1500);
    const QStringList text = timeline.toText({1}).split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(text.size(), 2); // header and the one selected row
    QVERIFY(text.at(1).contains(u"with, comma"_s));
    QCOMPARE(text.at(1).count(u'\t'), ConnectionTimeline::ColumnCount - 1);
    const QString csv = timeline.toCsv();
    QCOMPARE(csv.split(u'\n', Qt::SkipEmptyParts).size(), 3);
    QVERIFY(csv.contains(u"\"with, comma and \"\"quotes\"\"\""_s));
    QVERIFY(csv.contains(u"1.5"_s) || csv.contains(u"1,5"_s)); // the first note lasted 1.5 s
}

QTEST_GUILESS_MAIN(TestConnectionTimeline)
#include "tst_connectiontimeline.moc"
