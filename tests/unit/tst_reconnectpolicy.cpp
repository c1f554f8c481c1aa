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
        p.next({attemptsSoFar}, reason(Kind::Network, u"connection-refused"_s), 0.5);
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
    QCOMPARE(history.attempts, 4);
    // A refusal stops without counting as an attempt.
    const ReconnectPolicy::Decision refused =
        p.next({1}, reason(Kind::ServerStreamError, u"not-authorized"_s), 0.5);
    QVERIFY(!refused.retry);
    QCOMPARE(refused.history.attempts, 1);
}

QTEST_GUILESS_MAIN(TestReconnectPolicy)
#include "tst_reconnectpolicy.moc"
