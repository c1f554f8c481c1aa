// SPDX-License-Identifier: GPL-3.0-or-later
#include "disconnectreason.h"
#include "reconnectpolicy.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace xcm;
using Kind = DisconnectReason::Kind;

namespace {

ReconnectPolicy policy(qint64 initialMs, double multiplier, qint64 maxMs, double jitter, int maxAttempts = 0)
{
    ReconnectPolicy p;
    p.initialDelay = std::chrono::milliseconds(initialMs);
    p.multiplier = multiplier;
    p.maxDelay = std::chrono::milliseconds(maxMs);
    p.jitter = jitter;
    p.maxAttempts = maxAttempts;
    return p;
}

ReconnectPolicy::History attemptsSoFar(int attempts)
{
    ReconnectPolicy::History history;
    history.attempts = attempts;
    return history;
}

DisconnectReason reason(Kind kind, const QString &condition = {})
{
    return {kind, condition, {}, {}};
}

} // namespace

Q_DECLARE_METATYPE(xcm::ReconnectPolicy)

class TestReconnectPolicy : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void delayBefore_data();
    void delayBefore();
    void retries_data();
    void retries();
    void next_data();
    void next();
    void aSeriesRunsToItsLimit();
    void shortConnectionsCountAsAttempts_data();
    void shortConnectionsCountAsAttempts();
    void aFlappingSeriesBacksOffToTheCap();
    void sameRefusalTwiceStops_data();
    void sameRefusalTwiceStops();
};

void TestReconnectPolicy::delayBefore_data()
{
    QTest::addColumn<ReconnectPolicy>("policy");
    QTest::addColumn<int>("attempt");
    QTest::addColumn<double>("randomUnit");
    QTest::addColumn<qint64>("delayMs");
    const ReconnectPolicy plain = policy(100, 2.0, 300, 0.0);
    QTest::newRow("first retry: the initial delay") << plain << 1 << 0.3 << qint64(100);
    QTest::newRow("second: doubled") << plain << 2 << 0.3 << qint64(200);
    QTest::newRow("third: capped") << plain << 3 << 0.3 << qint64(300);
    QTest::newRow("far on: still the cap") << plain << 40 << 0.3 << qint64(300);
    const ReconnectPolicy defaults;
    QTest::newRow("defaults, first, middle") << defaults << 1 << 0.5 << qint64(1000);
    QTest::newRow("defaults, first, shortest") << defaults << 1 << 0.0 << qint64(800);
    QTest::newRow("defaults, first, three quarters") << defaults << 1 << 0.75 << qint64(1100);
    QTest::newRow("defaults, fourth, middle") << defaults << 4 << 0.5 << qint64(8000);
    QTest::newRow("defaults, seventh: over the cap") << defaults << 7 << 0.5 << qint64(60000);
    const ReconnectPolicy wide = policy(1000, 2.0, 1000, 0.5);
    QTest::newRow("at the cap jitter cannot lengthen") << wide << 1 << 0.99 << qint64(1000);
    QTest::newRow("at the cap jitter can shorten") << wide << 1 << 0.0 << qint64(500);
    QTest::newRow("below the cap jitter lengthens")
        << policy(1000, 2.0, 5000, 0.5) << 1 << 0.9 << qint64(1400);
    QTest::newRow("constant") << policy(250, 1.0, 60000, 0.0) << 9 << 0.1 << qint64(250);
    QTest::newRow("initial over the cap") << policy(5000, 2.0, 1000, 0.0) << 1 << 0.5 << qint64(1000);
    QTest::newRow("full jitter can reach zero") << policy(1000, 2.0, 60000, 1.0) << 1 << 0.0 << qint64(0);
}

void TestReconnectPolicy::delayBefore()
{
    QFETCH(ReconnectPolicy, policy);
    QFETCH(int, attempt);
    QFETCH(double, randomUnit);
    QFETCH(qint64, delayMs);
    QCOMPARE(policy.delayBefore(attempt, randomUnit).count(), delayMs);
}

void TestReconnectPolicy::retries_data()
{
    QTest::addColumn<bool>("enabled");
    QTest::addColumn<bool>("retryAfterAuthenticationFailure");
    QTest::addColumn<DisconnectReason>("reason");
    QTest::addColumn<bool>("retried");
    const DisconnectReason refused = reason(Kind::Network, u"connection-refused"_s);
    const DisconnectReason wrongSecret = reason(Kind::ServerStreamError, u"not-authorized"_s);
    const DisconnectReason unknownName = reason(Kind::ServerStreamError, u"host-unknown"_s);
    QTest::newRow("network") << true << false << refused << true;
    QTest::newRow("off") << false << false << refused << false;
    QTest::newRow("timeout") << true << false << reason(Kind::Timeout, u"connection-timeout"_s) << true;
    QTest::newRow("tls") << true << false << reason(Kind::Tls, u"tls-failed"_s) << true;
    QTest::newRow("conflict") << true << false << reason(Kind::ServerStreamError, u"conflict"_s) << true;
    QTest::newRow("server closed") << true << false << reason(Kind::ServerClosed, u"stream-closed"_s) << true;
    QTest::newRow("violation") << true << false << reason(Kind::ProtocolViolation, u"not-well-formed"_s)
                               << true;
    QTest::newRow("wrong secret") << true << false << wrongSecret << false;
    QTest::newRow("wrong secret, off") << false << false << wrongSecret << false;
    QTest::newRow("unknown name") << true << false << unknownName << false;
    QTest::newRow("wrong secret, asked to") << true << true << wrongSecret << true;
    QTest::newRow("unknown name, asked to") << true << true << unknownName << true;
    QTest::newRow("configuration") << true << true << reason(Kind::Configuration, u"configuration"_s)
                                   << false;
    QTest::newRow("the user") << true << true << reason(Kind::UserRequest) << false;
    QTest::newRow("no reason") << true << true << reason(Kind::None) << false;
}

void TestReconnectPolicy::retries()
{
    QFETCH(bool, enabled);
    QFETCH(bool, retryAfterAuthenticationFailure);
    QFETCH(DisconnectReason, reason);
    QFETCH(bool, retried);
    ReconnectPolicy policy;
    policy.enabled = enabled;
    policy.retryAfterAuthenticationFailure = retryAfterAuthenticationFailure;
    QCOMPARE(policy.retries(reason), retried);
    const ReconnectPolicy::Decision decision = policy.next({}, reason, 0.5);
    QCOMPARE(decision.retry, retried);
    QVERIFY(!decision.why.isEmpty());
    // Reconnecting is on and a refusal stops it: the connection bar and xcm-cli say why no retry comes.
    const bool stoppedByRefusal = enabled && !retried && reason.isAuthenticationFailure();
    QCOMPARE(policy.notice(decision, reason)
                 .startsWith(u"not reconnecting: the server refused the secret or the component's name"_s),
             stoppedByRefusal);
}

void TestReconnectPolicy::next_data()
{
    QTest::addColumn<int>("maxAttempts");
    QTest::addColumn<int>("attemptsSoFar");
    QTest::addColumn<bool>("retry");
    QTest::addColumn<int>("attempt");
    QTest::addColumn<qint64>("delayMs");
    QTest::addColumn<int>("attemptsAfter");
    QTest::newRow("first") << 0 << 0 << true << 1 << qint64(100) << 1;
    QTest::newRow("unlimited, far on") << 0 << 50 << true << 51 << qint64(800) << 51;
    QTest::newRow("limited, first") << 3 << 0 << true << 1 << qint64(100) << 1;
    QTest::newRow("limited, last") << 3 << 2 << true << 3 << qint64(400) << 3;
    QTest::newRow("limited, used up") << 3 << 3 << false << 0 << qint64(0) << 3;
    QTest::newRow("one allowed, used") << 1 << 1 << false << 0 << qint64(0) << 1;
}

void TestReconnectPolicy::next()
{
    QFETCH(int, maxAttempts);
    QFETCH(int, attemptsSoFar);
    QFETCH(bool, retry);
    QFETCH(int, attempt);
    QFETCH(qint64, delayMs);
    QFETCH(int, attemptsAfter);
    const ReconnectPolicy p = policy(100, 2.0, 800, 0.0, maxAttempts);
    const ReconnectPolicy::Decision decision =
        p.next(::attemptsSoFar(attemptsSoFar), reason(Kind::Network, u"connection-refused"_s), 0.5);
    QCOMPARE(decision.retry, retry);
    QCOMPARE(decision.attempt, attempt);
    QCOMPARE(decision.delay.count(), delayMs);
    QCOMPARE(decision.history.attempts, attemptsAfter);
}

void TestReconnectPolicy::aSeriesRunsToItsLimit()
{
    // As the connection uses it: each decision's history feeds the next.
    const ReconnectPolicy p = policy(100, 2.0, 300, 0.0, 4);
    const DisconnectReason dropped = reason(Kind::Network, u"connection-closed"_s);
    ReconnectPolicy::History history;
    QList<qint64> delays;
    for (;;) {
        const ReconnectPolicy::Decision decision = p.next(history, dropped, 0.5);
        history = decision.history;
        if (!decision.retry)
            break;
        QCOMPARE(decision.attempt, int(delays.size()) + 1);
        delays.append(decision.delay.count());
    }
    QCOMPARE(delays, (QList<qint64>{100, 200, 300, 300}));
    // The end is said, with the limit, for the connection bar and xcm-cli.
    const ReconnectPolicy::Decision last = p.next(history, dropped, 0.5);
    QVERIFY(last.attemptsUsedUp);
    QCOMPARE(p.notice(last, dropped),
             u"stopped reconnecting: 4 attempts in a row failed, as many as the profile allows"_s);
    // An unlimited policy never says so.
    const ReconnectPolicy unlimited = policy(100, 2.0, 300, 0.0, 0);
    QVERIFY(!unlimited.next(history, dropped, 0.5).attemptsUsedUp);
    QCOMPARE(history.attempts, 4);
    // A refusal stops without counting as an attempt.
    const ReconnectPolicy::Decision refused =
        p.next(attemptsSoFar(1), reason(Kind::ServerStreamError, u"not-authorized"_s), 0.5);
    QVERIFY(!refused.retry);
    QCOMPARE(refused.history.attempts, 1);
}

void TestReconnectPolicy::shortConnectionsCountAsAttempts_data()
{
    QTest::addColumn<int>("attemptsSoFar");
    QTest::addColumn<int>("shortDropsSoFar");
    QTest::addColumn<qint64>("upForMs"); // -1: the handshake never completed
    QTest::addColumn<int>("attempt");
    QTest::addColumn<qint64>("delayMs");
    QTest::addColumn<int>("shortDropsAfter");
    QTest::addColumn<bool>("flapping");
    // stableAfter 1000 ms, delays 100 × 2^n up to 800, flapping from the third short drop.
    QTest::newRow("never connected: an attempt like any")
        << 2 << 0 << qint64(-1) << 3 << qint64(400) << 0 << false;
    QTest::newRow("never connected: short drops so far stay")
        << 2 << 2 << qint64(-1) << 3 << qint64(400) << 2 << false;
    QTest::newRow("dropped right after the handshake")
        << 1 << 0 << qint64(0) << 2 << qint64(200) << 1 << false;
    QTest::newRow("dropped just before stable") << 1 << 1 << qint64(999) << 2 << qint64(200) << 2 << false;
    QTest::newRow("third short drop: flapping") << 2 << 2 << qint64(10) << 3 << qint64(400) << 3 << true;
    QTest::newRow("far on: at the cap, still flapping")
        << 9 << 9 << qint64(10) << 10 << qint64(800) << 10 << true;
    QTest::newRow("stable: a fresh series") << 9 << 9 << qint64(1000) << 1 << qint64(100) << 0 << false;
    QTest::newRow("long up: a fresh series") << 4 << 1 << qint64(3600000) << 1 << qint64(100) << 0 << false;
}

void TestReconnectPolicy::shortConnectionsCountAsAttempts()
{
    QFETCH(int, attemptsSoFar);
    QFETCH(int, shortDropsSoFar);
    QFETCH(qint64, upForMs);
    QFETCH(int, attempt);
    QFETCH(qint64, delayMs);
    QFETCH(int, shortDropsAfter);
    QFETCH(bool, flapping);
    ReconnectPolicy p = policy(100, 2.0, 800, 0.0);
    p.stableAfter = 1000ms;
    p.flappingDrops = 3;
    ReconnectPolicy::History history;
    history.attempts = attemptsSoFar;
    history.shortDrops = shortDropsSoFar;
    const std::optional<std::chrono::milliseconds> upFor =
        upForMs < 0 ? std::nullopt : std::optional(std::chrono::milliseconds(upForMs));
    const ReconnectPolicy::Decision decision =
        p.next(history, reason(Kind::ServerStreamError, u"internal-server-error"_s), 0.5, upFor);
    QVERIFY(decision.retry);
    QCOMPARE(decision.attempt, attempt);
    QCOMPARE(decision.delay.count(), delayMs);
    QCOMPARE(decision.history.attempts, attempt);
    QCOMPARE(decision.history.shortDrops, shortDropsAfter);
    QCOMPARE(p.isFlapping(decision.history), flapping);
}

void TestReconnectPolicy::aFlappingSeriesBacksOffToTheCap()
{
    // A server that accepts the handshake and drops the component at once, again and again: the delay
    // grows as for refused connections, and the series ends with maxAttempts.
    ReconnectPolicy p = policy(100, 2.0, 400, 0.0, 6);
    p.stableAfter = 30s;
    const DisconnectReason kicked = reason(Kind::ServerStreamError, u"policy-violation"_s);
    ReconnectPolicy::History history;
    QList<qint64> delays;
    QList<bool> flapping;
    for (int drop = 0; drop < 20; ++drop) { // bounded: a broken limit must fail, not hang
        const ReconnectPolicy::Decision decision = p.next(history, kicked, 0.5, 5ms);
        history = decision.history;
        if (!decision.retry)
            break;
        delays.append(decision.delay.count());
        flapping.append(p.isFlapping(history));
    }
    QCOMPARE(delays, (QList<qint64>{100, 200, 400, 400, 400, 400}));
    QCOMPARE(flapping, (QList<bool>{false, false, true, true, true, true}));
    QCOMPARE(history.shortDrops, 7);
    // With stableAfter 0 every handshake ends the series, as before there was a stableAfter.
    p.stableAfter = 0ms;
    const ReconnectPolicy::Decision fresh = p.next(history, kicked, 0.5, 0ms);
    QVERIFY(fresh.retry);
    QCOMPARE(fresh.attempt, 1);
    QVERIFY(!p.isFlapping(fresh.history));
}

void TestReconnectPolicy::sameRefusalTwiceStops_data()
{
    QTest::addColumn<DisconnectReason>("first");
    QTest::addColumn<DisconnectReason>("second");
    QTest::addColumn<bool>("retriedAfterSecond");
    const auto refused = [](const QString &condition, const QString &detail) {
        return DisconnectReason{Kind::ProtocolViolation, condition, detail, {}};
    };
    const DisconnectReason oversize =
        refused(u"policy-violation"_s, u"a stanza of 600000 bytes, over the 524288-byte limit"_s);
    const DisconnectReason comment = refused(u"restricted-xml"_s, u"the stream contains an XML comment"_s);
    const DisconnectReason badUtf8 = refused(u"unsupported-encoding"_s, u"invalid UTF-8 at byte 912"_s);
    const DisconnectReason dropped = reason(Kind::Network, u"connection-closed"_s);
    QTest::newRow("the same oversize stanza") << oversize << oversize << false;
    QTest::newRow("the same comment") << comment << comment << false;
    QTest::newRow("the same invalid UTF-8") << badUtf8 << badUtf8 << false;
    QTest::newRow("another stanza over the limit")
        << oversize
        << refused(u"policy-violation"_s, u"a stanza of 700000 bytes, over the 524288-byte limit"_s) << true;
    QTest::newRow("another refusal") << oversize << comment << true;
    QTest::newRow("a drop, then a refusal") << dropped << oversize << true;
    QTest::newRow("the same drop twice") << dropped << dropped << true;
    QTest::newRow("the same server error twice")
        << reason(Kind::ServerStreamError, u"policy-violation"_s)
        << reason(Kind::ServerStreamError, u"policy-violation"_s) << true;
}

void TestReconnectPolicy::sameRefusalTwiceStops()
{
    QFETCH(DisconnectReason, first);
    QFETCH(DisconnectReason, second);
    QFETCH(bool, retriedAfterSecond);
    ReconnectPolicy p = policy(100, 2.0, 800, 0.0);
    p.stableAfter = 1000ms;
    const ReconnectPolicy::Decision afterFirst = p.next({}, first, 0.5, 10ms);
    QVERIFY(afterFirst.retry);
    QVERIFY(!afterFirst.sameRefusalTwice);
    const ReconnectPolicy::Decision afterSecond = p.next(afterFirst.history, second, 0.5, 10ms);
    QCOMPARE(afterSecond.retry, retriedAfterSecond);
    QCOMPARE(afterSecond.sameRefusalTwice, !retriedAfterSecond);
    if (!retriedAfterSecond)
        QCOMPARE(afterSecond.history.attempts, 1); // a stop is not an attempt

    // Not in a row: a connection that stayed up between them starts afresh.
    const ReconnectPolicy::Decision afterStable = p.next(afterFirst.history, second, 0.5, 5s);
    QVERIFY(afterStable.retry);
    QCOMPARE(afterStable.attempt, 1);
    // Nor with another disconnect between them.
    const ReconnectPolicy::Decision between =
        p.next(afterFirst.history, reason(Kind::Network, u"connection-refused"_s), 0.5);
    QVERIFY(p.next(between.history, second, 0.5, 10ms).retry);
}

QTEST_GUILESS_MAIN(TestReconnectPolicy)
#include "tst_reconnectpolicy.moc"
