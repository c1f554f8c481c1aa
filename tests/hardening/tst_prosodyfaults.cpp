// SPDX-License-Identifier: GPL-3.0-or-later
// Faults with a real Prosody: kill -9 while stanzas flow, then restart. The connection reconnects by
// its policy and says so, and a count of every stanza shows none lost or duplicated by xcm.
//
// What xcm guarantees, and so all this test claims: a stanza send() accepted is either written to a
// connected socket at once, or queued (shown by pendingCount()) and written in order right after the
// next handshake. What TCP cannot guarantee: a stanza written to the socket after the receiver last
// confirmed one, and before the connection saw the server die, may have been lost inside the dead
// server (its kernel acknowledged it; the process never routed it). Such stanzas are the "window": they
// may be missing at the receiver, but never duplicated or out of order. Every other one must arrive
// exactly once, in order.
#include "componentconnection.h"
#include "connectionhelpers.h"
#include "prosodyserver.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace xcm;
using xcm::test::ComponentAccount;
using xcm::test::makeConnection;
using xcm::test::ProsodyServer;
using xcm::test::SettingsAdjustment;
using xcm::test::waitForState;

namespace {

const ComponentAccount alpha{u"alpha.localhost"_s, u"alpha-faults-secret"_s};
const ComponentAccount beta{u"beta.localhost"_s, u"beta-faults-secret"_s};

// Bounds on how late the sender may notice that the server died (generous for ASan on a busy machine).
constexpr qint64 MaxDropNoticeMs = 500;
constexpr int MaxWindowStanzas = 20;

// A short connect timeout and the given reconnect policy.
SettingsAdjustment retrying(const ReconnectPolicy &policy)
{
    return [policy](ConnectionSettings &settings) {
        settings.connectTimeout = 5s;
        settings.reconnect = policy;
    };
}

enum class Fate
{
    Confirmed, // the receiver had it before the kill
    Window,    // written to the socket after the last confirmation, before the drop was seen
    Queued,    // accepted while not connected: waited in the queue
    After,     // written once connected again
};

} // namespace

class TestProsodyFaults : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void killDuringTrafficLosesNothingXcmAccepted();
};

void TestProsodyFaults::killDuringTrafficLosesNothingXcmAccepted()
{
    QString why;
    if (!ProsodyServer::available(&why))
        QFAIL(qPrintable(u"Prosody is required: "_s + why));
    ProsodyServer server({alpha, beta});
    QVERIFY2(server.start(&why), qPrintable(why));

    // Beta (the receiver) comes back quickly; alpha (the sender) only after 3 s, so that beta is
    // there again when alpha's queue is flushed (Prosody bounces stanzas for an absent component).
    ReconnectPolicy fast;
    fast.initialDelay = 100ms;
    fast.maxDelay = 300ms;
    fast.jitter = 0;
    ReconnectPolicy slow;
    slow.initialDelay = 3s;
    slow.multiplier = 1.0;
    slow.jitter = 0;
    auto a = makeConnection(server, alpha, retrying(slow));
    auto b = makeConnection(server, beta, retrying(fast));

    QList<int> atB; // message numbers in arrival order
    connect(b.get(), &ComponentConnection::stanzaReceived, this, [&atB](const Stanza &stanza) {
        if (stanza.kind() == StanzaKind::Message && stanza.id().startsWith(u'n'))
            atB.append(stanza.id().mid(1).toInt());
    });
    QList<std::pair<ConnectionState, DisconnectReason>> aStates;
    connect(a.get(), &ComponentConnection::stateChanged, this,
            [&](ConnectionState state, const DisconnectReason &reason) {
                aStates.append({state, reason});
            });
    QSignalSpy aRetries(a.get(), &ComponentConnection::reconnectScheduled);
    QSignalSpy aPending(a.get(), &ComponentConnection::pendingChanged);

    a->connectToServer();
    b->connectToServer();
    QVERIFY(waitForState(*a, ConnectionState::Connected));
    QVERIFY(waitForState(*b, ConnectionState::Connected));

    // A stanza every 5 ms from alpha to beta, for the whole test.
    QList<Fate> fates;
    QStringList refusals;
    bool killed = false;
    bool dropSeen = false;
    int lastConfirmedAtKill = -1;
    QElapsedTimer sinceKill;
    qint64 dropSeenAfterMs = -1;
    QTimer sender;
    connect(&sender, &QTimer::timeout, this, [&] {
        if (a->pendingCount() >= 400)
            return; // a slow restart must not fill the queue (1000): that refusal is tested elsewhere
        const int n = int(fates.size());
        const bool direct = a->state() == ConnectionState::Connected && a->pendingCount() == 0;
        const QString refusal = a->send(
            u"<message from='a@alpha.localhost' to='b@beta.localhost' id='n%1'><body>%1</body></message>"_s
                .arg(n)
                .toUtf8());
        if (!refusal.isEmpty()) {
            refusals.append(refusal);
            return;
        }
        if (!direct)
            fates.append(Fate::Queued);
        else if (!killed)
            fates.append(Fate::Confirmed); // provisional: the ones beta had not confirmed become Window
        else
            fates.append(dropSeen ? Fate::After : Fate::Window);
    });
    connect(a.get(), &ComponentConnection::stateChanged, this, [&](ConnectionState state) {
        if (killed && state != ConnectionState::Connected && !dropSeen) {
            dropSeen = true;
            dropSeenAfterMs = sinceKill.elapsed();
        }
    });
    sender.start(5);

    QVERIFY(QTest::qWaitFor([&] { return atB.size() >= 200; }, 20000)); // traffic flows
    lastConfirmedAtKill = atB.isEmpty() ? -1 : atB.last();
    sinceKill.start();
    server.kill();
    killed = true;
    for (qsizetype n = lastConfirmedAtKill + 1; n < fates.size(); ++n) {
        if (fates[n] == Fate::Confirmed)
            fates[n] = Fate::Window;
    }

    QVERIFY(waitForState(*a, ConnectionState::Disconnected));
    // It says so: the drop with its reason, then the retry it plans.
    const auto drop = std::find_if(aStates.cbegin(), aStates.cend(), [](const auto &change) {
        return change.first == ConnectionState::Disconnected;
    });
    QVERIFY(drop != aStates.cend());
    // The kernel closes a killed server's sockets, so the drop must be seen at once, not by a timeout:
    // the window (and with it what TCP may lose) stays a handful of stanzas.
    QVERIFY2(dropSeenAfterMs >= 0 && dropSeenAfterMs <= MaxDropNoticeMs,
             qPrintable(
                 u"the drop was noticed %1 ms after the kill (at most %2 ms expected)"_s.arg(dropSeenAfterMs)
                     .arg(MaxDropNoticeMs)));
    QCOMPARE(drop->second.kind, DisconnectReason::Kind::Network);
    QVERIFY(!drop->second.explanation.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(aRetries.size(), 1, 5000);
    QCOMPARE(aRetries.first().at(0).toInt(), 1);
    QCOMPARE(aRetries.first().at(1).toLongLong(), 3000);

    QTest::qWait(1000); // down for a while, stanzas queueing
    QVERIFY(a->pendingCount() > 0);
    QCOMPARE(aPending.last().at(0).toInt(), a->pendingCount()); // shown as pending
    QVERIFY2(server.restart(&why), qPrintable(why));
    QVERIFY2(waitForState(*b, ConnectionState::Connected), qPrintable(b->lastReason().toString()));
    QVERIFY2(waitForState(*a, ConnectionState::Connected, 15000), qPrintable(a->lastReason().toString()));
    // The series goes on until the connection has been up for stableAfter: no reset at the handshake.
    QCOMPARE(a->reconnectAttempt(), int(aRetries.size()));
    QCOMPARE(a->pendingCount(), 0); // flushed after the handshake

    // More traffic once connected again, then stop and let everything arrive.
    const qsizetype sentBeforeReconnect = fates.size();
    QVERIFY(QTest::qWaitFor([&] { return fates.size() >= sentBeforeReconnect + 200; }, 10000));
    sender.stop();
    const int total = int(fates.size());
    QVERIFY(QTest::qWaitFor([&] { return !atB.isEmpty() && atB.last() == total - 1; }, 10000));
    QTest::qWait(300); // anything duplicated would show up now

    QVERIFY2(refusals.isEmpty(), qPrintable(refusals.join(u"; ")));
    // In order, no duplicates, nothing invented.
    for (qsizetype i = 1; i < atB.size(); ++i)
        QVERIFY2(atB[i] > atB[i - 1], qPrintable(u"%1 after %2"_s.arg(atB[i]).arg(atB[i - 1])));
    QVERIFY(atB.first() >= 0 && atB.last() < total);
    // Everything outside the window arrived.
    int window = 0, lostInWindow = 0, queued = 0;
    qsizetype next = 0;
    for (int n = 0; n < total; ++n) {
        const bool arrived = next < atB.size() && atB[next] == n;
        if (arrived)
            ++next;
        if (fates[n] == Fate::Queued)
            ++queued;
        if (fates[n] == Fate::Window) {
            ++window;
            lostInWindow += arrived ? 0 : 1;
            continue;
        }
        QVERIFY2(arrived, qPrintable(u"stanza %1 (fate %2) never arrived"_s.arg(n).arg(int(fates[n]))));
    }
    QVERIFY(queued > 50); // the queue really carried stanzas across the outage
    // The window is what was in flight at the kill plus what went out before the drop was seen: a few
    // stanzas at one per 5 ms (CI sees about 2). Many more means the drop was noticed late.
    QVERIFY2(
        window <= MaxWindowStanzas,
        qPrintable(u"%1 stanzas in the TCP window (%2 lost), at most %3 expected; the drop was noticed %4 ms "
                   "after the kill"_s.arg(window)
                       .arg(lostInWindow)
                       .arg(MaxWindowStanzas)
                       .arg(dropSeenAfterMs)));
    qInfo("%d stanzas: %d queued while down and delivered in order; %d in the TCP window, %d of them lost "
          "with the server; the drop was noticed %lld ms after the kill",
          total, queued, window, lostInWindow, dropSeenAfterMs);
}

QTEST_GUILESS_MAIN(TestProsodyFaults)
#include "tst_prosodyfaults.moc"
