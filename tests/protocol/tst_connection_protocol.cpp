// SPDX-License-Identifier: GPL-3.0-or-later
#include "componentconnection.h"
#include "localport.h"
#include "prerequisite.h"
#include "recordingclient.h"
#include "scriptedserver.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace xcm;
using xcm::test::connectAndAuthenticate;
using xcm::test::RecordingClient;
using xcm::test::ScriptedServer;

namespace {

const QString secret = u"s3cret-for-tests"_s;

// What a server in a restart loop, or one that kicks the component by policy, says right after the
// handshake.
const QByteArray kickedOut = "<stream:error><internal-server-error "
                             "xmlns='urn:ietf:params:xml:ns:xmpp-streams'/></stream:error></stream:stream>";

} // namespace

class TestConnectionProtocol : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void handshakeSucceeds();
    void openfireStyleHandshakeReply();
    void nothingIsSentBeforeTheHandshakeSucceeds();
    void stanzasSentWhileConnectingWaitAndGoOutInOrder();
    void pendingQueueIsBoundedAndNeedsAConnectionUnderWay();
    void receivesStanzas();
    void serverStreamErrors_data();
    void serverStreamErrors();
    void connectionRefused();
    void serverClosesDuringHandshake();
    void serverDropsMidStanza();
    void serverNeverAnswers();
    void aSilentPortIsNotWaitedFor();
    void serverStallsMidStanza();
    void keepaliveWhitespace();
    void backoffGrowsWithJitterAndCap();
    void conflictIsRetriedButNotAuthorizedIsNot();
    void dropsRightAfterTheHandshakeBackOffAndAreCalledFlapping();
    void sameRefusalTwiceStopsReconnecting_data();
    void sameRefusalTwiceStopsReconnecting();
    void userDisconnectClosesTheStreamPolitely();
    void userDisconnectCancelsPendingReconnect();
    void largeSendOverASlowLinkIsDeliveredBeforeTheClose_data();
    void largeSendOverASlowLinkIsDeliveredBeforeTheClose();
    void serverThatStopsReadingFailsTheClose_data();
    void serverThatStopsReadingFailsTheClose();
    void serverErrorDuringTheUserCloseIsTheReason();
    void serverThatNeverClosesIsLeftAfterOneCloseTimeout();
    void headerAfterTheUserCloseGetsNoHandshake();
    void sendRefusals_data();
    void sendRefusals();
    void badServerInput_data();
    void badServerInput();
    void dataAfterStreamCloseIsIgnored();
    void headerWithoutId();
    void headerWithoutIdThenHostUnknown();
    void configurationProblemsAreReported();
    void directTls();
    void tlsServerName();
};

void TestConnectionProtocol::handshakeSucceeds()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    RecordingClient client(server.port(), secret);
    QVERIFY(connectAndAuthenticate(server, client));
    QCOMPARE(client.states,
             (QList<ConnectionState>{ConnectionState::Connecting, ConnectionState::OpeningStream,
                                     ConnectionState::Authenticating, ConnectionState::Connected}));
    QVERIFY(server.received().contains("to='comp.example'"));
    QVERIFY(server.received().contains("xmlns='jabber:component:accept'"));
    QCOMPARE(client.connection.streamId(), u"s1"_s);
    QCOMPARE(client.connection.serverDomain(), u"comp.example"_s);
    // The log sees the handshake, never the digest.
    const QByteArray digest =
        QCryptographicHash::hash(("s1" + secret).toUtf8(), QCryptographicHash::Sha1).toHex();
    QVERIFY(client.sentWire().contains("<handshake>[redacted]</handshake>"));
    QVERIFY(!client.sentWire().contains(digest));
    QVERIFY(client.connection.counters().connectedSinceMs > 0);
    QCOMPARE(client.received.size(), 2); // header and <handshake/>
    QCOMPARE(client.received.first().kind(), StanzaKind::Stream);
}

void TestConnectionProtocol::openfireStyleHandshakeReply()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    RecordingClient client(server.port(), secret);
    client.connection.connectToServer();
    QVERIFY(server.acceptHandshake(secret, "<handshake></handshake>"));
    QVERIFY(client.waitFor(ConnectionState::Connected));
}

void TestConnectionProtocol::nothingIsSentBeforeTheHandshakeSucceeds()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    RecordingClient client(server.port(), secret, [](ConnectionSettings &s) { s.maxPendingStanzas = 0; });
    client.connection.connectToServer();
    QVERIFY(server.waitForClient());
    QVERIFY(server.waitForReceived("<stream:stream"));
    const QByteArray message =
        "<message from='bot@comp.example' to='u@example.com'><body>early</body></message>";
    QVERIFY(client.connection.send(message).contains(u"not connected"));
    server.send(ScriptedServer::streamHeader());
    QVERIFY(server.waitForReceived("</handshake>"));
    QCOMPARE(client.connection.state(), ConnectionState::Authenticating);
    QVERIFY(client.connection.send(message).contains(u"not connected"));
    QTest::qWait(50);
    QVERIFY(!server.received().contains("early"));
    server.send("<handshake/>");
    QVERIFY(client.waitFor(ConnectionState::Connected));
    QCOMPARE(client.connection.send(message), QString());
    QVERIFY(server.waitForReceived(message));
    QCOMPARE(client.connection.counters().stanzasOut, 1u);
}

void TestConnectionProtocol::stanzasSentWhileConnectingWaitAndGoOutInOrder()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    RecordingClient client(server.port(), secret);
    QSignalSpy pending(&client.connection, &ComponentConnection::pendingChanged);
    client.connection.connectToServer();
    QVERIFY(server.waitForReceived("<stream:stream"));
    const auto message = [](int n) {
        return QByteArray("<message from='bot@comp.example' to='u@example.com' id='q" +
                          QByteArray::number(n) + "'/>");
    };
    QCOMPARE(client.connection.send(message(1)), QString());
    QCOMPARE(client.connection.send(message(2)), QString());
    QCOMPARE(client.connection.pendingCount(), 2);
    QCOMPARE(pending.last().at(0).toInt(), 2);
    server.send(ScriptedServer::streamHeader());
    QVERIFY(server.waitForReceived("</handshake>"));
    QVERIFY(!server.received().contains("id='q1'")); // still nothing before the handshake succeeds
    // A stanza sent in reaction to the first flushed one must still come after the queued ones.
    bool reacted = false;
    connect(&client.connection, &ComponentConnection::stanzaSent, this, [&](const Stanza &stanza) {
        if (stanza.id() == u"q1" && !reacted) {
            reacted = true;
            QCOMPARE(client.connection.send(message(3)), QString());
        }
    });
    server.send("<handshake/>");
    QVERIFY(server.waitForReceived("id='q3'"));
    const QByteArray wire = server.received();
    QVERIFY(wire.indexOf("id='q1'") < wire.indexOf("id='q2'"));
    QVERIFY(wire.indexOf("id='q2'") < wire.indexOf("id='q3'"));
    QCOMPARE(client.connection.pendingCount(), 0);
    QCOMPARE(pending.last().at(0).toInt(), 0);
    QCOMPARE(client.connection.counters().stanzasOut, 3u);
}

void TestConnectionProtocol::pendingQueueIsBoundedAndNeedsAConnectionUnderWay()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    RecordingClient client(server.port(), secret, [](ConnectionSettings &s) { s.maxPendingStanzas = 2; });
    const QByteArray message = "<message from='bot@comp.example' to='u@example.com'/>";
    // Idle and not connecting: refused, not silently kept.
    QVERIFY(client.connection.send(message).contains(u"not connected"));
    client.connection.connectToServer();
    QCOMPARE(client.connection.send(message), QString());
    QCOMPARE(client.connection.send(message), QString());
    QVERIFY(client.connection.send(message).contains(u"2 stanzas are already waiting"));
    QCOMPARE(client.connection.clearPending(), 2);
    QCOMPARE(client.connection.pendingCount(), 0);
    // Invalid stanzas are refused even when they would only be queued.
    QVERIFY(client.connection.send("<message to='u@x'/>").contains(u"no 'from'"));
}

void TestConnectionProtocol::receivesStanzas()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    RecordingClient client(server.port(), secret);
    QVERIFY(connectAndAuthenticate(server, client));
    const QByteArray message =
        "<message from='u@example.com/r' to='bot@comp.example' type='chat'><body>hello</body></message>";
    server.send(message + " " + message.left(40));
    QTRY_COMPARE(client.received.size(), 3);
    QCOMPARE(client.received.last().wire(), message);
    QCOMPARE(client.received.last().element().firstChild(u"body").text(), u"hello"_s);
    server.send(message.mid(40));
    QTRY_COMPARE(client.received.size(), 4);
    QCOMPARE(client.received.last().wire(), message);
}

void TestConnectionProtocol::serverStreamErrors_data()
{
    QTest::addColumn<QString>("condition");
    QTest::addColumn<bool>("duringHandshake");
    QTest::addColumn<QString>("explains");
    QTest::addColumn<bool>("retried");
    QTest::newRow("not-authorized") << u"not-authorized"_s << true
                                    << u"check component_secret for comp.example"_s << false;
    QTest::newRow("host-unknown") << u"host-unknown"_s << true
                                  << u"no external component named comp.example"_s << false;
    QTest::newRow("conflict") << u"conflict"_s << true << u"already active"_s << true;
    QTest::newRow("invalid-from") << u"invalid-from"_s << false << u"not on the component domain"_s << true;
    QTest::newRow("improper-addressing") << u"improper-addressing"_s << false << u"'to' or 'from'"_s << true;
    QTest::newRow("not-well-formed") << u"not-well-formed"_s << false << u"512 KiB"_s << true;
    QTest::newRow("system-shutdown") << u"system-shutdown"_s << false << u"shutting down"_s << true;
    QTest::newRow("unknown condition")
        << u"x-custom"_s << false << u"closed the stream with an error"_s << true;
}

void TestConnectionProtocol::serverStreamErrors()
{
    QFETCH(QString, condition);
    QFETCH(bool, duringHandshake);
    QFETCH(QString, explains);
    QFETCH(bool, retried);
    ScriptedServer server;
    QVERIFY(server.listen());
    RecordingClient client(server.port(), secret, [](ConnectionSettings &s) {
        s.reconnect.enabled = true;
        s.reconnect.initialDelay = 10s; // long enough that no retry happens during the test
    });
    QSignalSpy reconnects(&client.connection, &ComponentConnection::reconnectScheduled);
    client.connection.connectToServer();
    if (duringHandshake) {
        QVERIFY(server.waitForReceived("<stream:stream"));
        server.send(ScriptedServer::streamHeader());
        QVERIFY(server.waitForReceived("</handshake>"));
    } else {
        QVERIFY(server.acceptHandshake(secret));
        QVERIFY(client.waitFor(ConnectionState::Connected));
    }
    server.send(
        "<stream:error><" + condition.toUtf8() +
        " xmlns='urn:ietf:params:xml:ns:xmpp-streams'/>"
        "<text xmlns='urn:ietf:params:xml:ns:xmpp-streams'>words from the server</text></stream:error>");
    QVERIFY(client.waitFor(ConnectionState::Disconnected));
    const DisconnectReason reason = client.connection.lastReason();
    QCOMPARE(reason.kind, DisconnectReason::Kind::ServerStreamError);
    QCOMPARE(reason.condition, condition == u"x-custom" ? u"undefined-condition"_s : condition);
    QVERIFY2(reason.explanation.contains(explains), qPrintable(reason.explanation));
    QVERIFY2(reason.toString().contains(u"(server said: words from the server)"),
             qPrintable(reason.toString()));
    QVERIFY(server.waitForReceived("</stream:stream>"));
    QVERIFY(server.waitForClientGone());
    QCOMPARE(reconnects.size(), retried ? 1 : 0);
    QCOMPARE(client.states.at(client.states.size() - 2), ConnectionState::Disconnecting);
}

void TestConnectionProtocol::connectionRefused()
{
    const quint16 port = xcm::test::closedLocalPort();
    QVERIFY(port != 0);
    RecordingClient client(port, secret);
    client.connection.connectToServer();
    QVERIFY(client.waitFor(ConnectionState::Disconnected));
    QTRY_COMPARE(client.connection.lastReason().condition, u"connection-refused"_s);
    QVERIFY(client.connection.lastReason().explanation.contains(u"127.0.0.1:" + QString::number(port)));
}

void TestConnectionProtocol::serverClosesDuringHandshake()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    RecordingClient client(server.port(), secret);
    client.connection.connectToServer();
    QVERIFY(server.waitForReceived("<stream:stream"));
    server.send(ScriptedServer::streamHeader());
    QVERIFY(server.waitForReceived("</handshake>"));
    server.closeClient();
    QVERIFY(client.waitFor(ConnectionState::Disconnected));
    QCOMPARE(client.connection.lastReason().kind, DisconnectReason::Kind::Network);
    QVERIFY(client.connection.lastReason().explanation.contains(u"during the handshake"));
}

void TestConnectionProtocol::serverDropsMidStanza()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    RecordingClient client(server.port(), secret);
    QVERIFY(connectAndAuthenticate(server, client));
    server.send("<message from='u@x' to='bot@comp.example'><body>cut he");
    QTest::qWait(50);
    server.closeClient();
    QVERIFY(client.waitFor(ConnectionState::Disconnected));
    const QString explanation = client.connection.lastReason().explanation;
    QVERIFY2(explanation.contains(u"middle of a stanza (54 bytes"), qPrintable(explanation));
}

void TestConnectionProtocol::serverNeverAnswers()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    RecordingClient client(server.port(), secret, [](ConnectionSettings &s) { s.connectTimeout = 300ms; });
    QElapsedTimer timer;
    timer.start();
    client.connection.connectToServer();
    QVERIFY(client.waitFor(ConnectionState::Disconnected));
    QVERIFY(timer.elapsed() >= 280); // coarse timers may fire up to 5% early
    const DisconnectReason reason = client.connection.lastReason();
    QCOMPARE(reason.kind, DisconnectReason::Kind::Timeout);
    QVERIFY2(reason.explanation.contains(u"no stream header within 0.3 s"), qPrintable(reason.explanation));
    // Our side of the stream ends properly: the stream error, then the stream's end, then the socket.
    QVERIFY(server.waitForReceived(
        "<stream:error><connection-timeout xmlns='urn:ietf:params:xml:ns:xmpp-streams'/>"));
    QVERIFY(server.waitForReceived("</stream:error></stream:stream>"));
    QVERIFY2(server.received().endsWith("</stream:stream>"), server.received().constData());
    QVERIFY(server.waitForClientGone());
}

void TestConnectionProtocol::aSilentPortIsNotWaitedFor()
{
    // A port that accepts and then neither speaks nor closes: its close will not come, and is not
    // waited for (xcm-cli --timeout 5 took 7 s, and Ctrl+C while opening the stream 2 s).
    ScriptedServer server;
    QVERIFY(server.listen());
    RecordingClient client(server.port(), secret, [](ConnectionSettings &s) {
        s.connectTimeout = 300ms;
        s.closeTimeout = 5s;
    });
    QElapsedTimer timer;
    timer.start();
    client.connection.connectToServer();
    QVERIFY(server.waitForClient());
    server.holdConnectionOpen();
    QVERIFY(client.waitFor(ConnectionState::Disconnected));
    QVERIFY2(timer.elapsed() < 2500, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(client.connection.lastReason().kind, DisconnectReason::Kind::Timeout);
}

void TestConnectionProtocol::serverStallsMidStanza()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    RecordingClient client(server.port(), secret, [](ConnectionSettings &s) { s.stanzaTimeout = 400ms; });
    QVERIFY(connectAndAuthenticate(server, client));
    // One byte every 100 ms: the stanza would take seconds; the stanza timer measures it whole.
    const QByteArray stanza = "<message from='u@x' to='bot@comp.example'><body>slow</body></message>";
    for (char byte : stanza) {
        if (client.connection.state() != ConnectionState::Connected)
            break;
        server.send(QByteArray(1, byte));
        QTest::qWait(100);
    }
    QVERIFY(client.waitFor(ConnectionState::Disconnected));
    QCOMPARE(client.connection.lastReason().condition, u"policy-violation"_s);
    QVERIFY(client.connection.lastReason().detail.contains(u"still incomplete after 0.4 s"));
    QVERIFY(server.received().contains("<policy-violation"));
}

void TestConnectionProtocol::keepaliveWhitespace()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    RecordingClient client(server.port(), secret, [](ConnectionSettings &s) { s.keepaliveInterval = 100ms; });
    QVERIFY(connectAndAuthenticate(server, client));
    const qsizetype before = server.received().size();
    QTest::qWait(350);
    const QByteArray after = server.received().mid(before);
    // Three keepalives are due in 350 ms; a timer never fires early by a whole interval, so a fourth
    // byte is the most a late flush can explain: more would be keepalives far too often.
    QVERIFY2(after.size() >= 2 && after.size() <= 4, qPrintable(QString::number(after.size())));
    QCOMPARE(after, QByteArray(after.size(), ' '));
}

void TestConnectionProtocol::backoffGrowsWithJitterAndCap()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    RecordingClient client(server.port(), secret, [](ConnectionSettings &s) {
        s.reconnect.enabled = true;
        s.reconnect.initialDelay = 100ms;
        s.reconnect.multiplier = 2.0;
        s.reconnect.maxDelay = 300ms;
        s.reconnect.jitter = 0.0;
        s.reconnect.maxAttempts = 4;
    });
    QSignalSpy scheduled(&client.connection, &ComponentConnection::reconnectScheduled);
    // The server hangs up on every connection before its header.
    connect(&client.connection, &ComponentConnection::stateChanged, this, [&server](ConnectionState state) {
        if (state == ConnectionState::OpeningStream)
            QTimer::singleShot(0, &server, [&server] { server.closeClient(); });
    });
    QElapsedTimer timer;
    timer.start();
    client.connection.connectToServer();
    QTRY_COMPARE_WITH_TIMEOUT(scheduled.size(), 4, 5000);
    QTRY_COMPARE(server.connectionCount(), 5);
    QTRY_COMPARE(client.connection.state(), ConnectionState::Disconnected);
    QList<qint64> delays;
    for (const auto &arguments : scheduled)
        delays.append(arguments.at(1).toLongLong());
    QCOMPARE(delays, (QList<qint64>{100, 200, 300, 300}));
    QVERIFY(timer.elapsed() >= 850); // 900 ms of delays; coarse timers may fire up to 5% early
    QTest::qWait(400);
    QCOMPARE(server.connectionCount(), 5); // maxAttempts reached: no fifth retry

    // With jitter the delays spread around the base.
    RecordingClient jittery(server.port(), secret, [](ConnectionSettings &s) {
        s.reconnect.enabled = true;
        s.reconnect.initialDelay = 1000ms;
        s.reconnect.jitter = 0.5;
    });
    QSignalSpy jitterScheduled(&jittery.connection, &ComponentConnection::reconnectScheduled);
    QSet<qint64> seen;
    for (int i = 0; i < 5; ++i) {
        jittery.connection.connectToServer();
        QVERIFY(server.waitForClient());
        server.closeClient();
        QTRY_COMPARE(jitterScheduled.size(), i + 1);
        const qint64 delay = jitterScheduled.last().at(1).toLongLong();
        QVERIFY2(delay >= 500 && delay <= 1500, qPrintable(QString::number(delay)));
        seen.insert(delay);
        jittery.connection.disconnectFromServer();
    }
    QVERIFY(seen.size() > 1);

    // At the cap the jitter only shortens: the cap is a promise.
    RecordingClient capped(server.port(), secret, [](ConnectionSettings &s) {
        s.reconnect.enabled = true;
        s.reconnect.initialDelay = 1000ms;
        s.reconnect.maxDelay = 1000ms;
        s.reconnect.jitter = 0.5;
    });
    QSignalSpy cappedScheduled(&capped.connection, &ComponentConnection::reconnectScheduled);
    for (int i = 0; i < 5; ++i) {
        capped.connection.connectToServer();
        QVERIFY(server.waitForClient());
        server.closeClient();
        QTRY_COMPARE(cappedScheduled.size(), i + 1);
        const qint64 delay = cappedScheduled.last().at(1).toLongLong();
        QVERIFY2(delay >= 500 && delay <= 1000, qPrintable(QString::number(delay)));
        capped.connection.disconnectFromServer();
    }
}

void TestConnectionProtocol::conflictIsRetriedButNotAuthorizedIsNot()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    RecordingClient client(server.port(), secret, [](ConnectionSettings &s) {
        s.reconnect.enabled = true;
        s.reconnect.initialDelay = 100ms;
        s.reconnect.jitter = 0;
        s.reconnect.stableAfter = 300ms;
    });
    client.connection.connectToServer();
    QVERIFY(server.waitForReceived("<stream:stream"));
    server.send(ScriptedServer::streamHeader() +
                "<stream:error><conflict "
                "xmlns='urn:ietf:params:xml:ns:xmpp-streams'/></stream:error></stream:stream>");
    QTRY_COMPARE(server.connectionCount(), 2); // retried
    QVERIFY(server.acceptHandshake(secret));
    QVERIFY(client.waitFor(ConnectionState::Connected));
    // The series of attempts ends once the connection has stayed up for stableAfter, not at the
    // handshake.
    QCOMPARE(client.connection.reconnectAttempt(), 1);
    QTRY_COMPARE(client.connection.reconnectAttempt(), 0);
}

void TestConnectionProtocol::dropsRightAfterTheHandshakeBackOffAndAreCalledFlapping()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    RecordingClient client(server.port(), secret, [](ConnectionSettings &s) {
        s.reconnect.enabled = true;
        s.reconnect.initialDelay = 50ms;
        s.reconnect.multiplier = 2.0;
        s.reconnect.maxDelay = 200ms;
        s.reconnect.jitter = 0.0;
        s.reconnect.stableAfter = 1s;
    });
    QSignalSpy scheduled(&client.connection, &ComponentConnection::reconnectScheduled);
    QElapsedTimer clock;
    clock.start();
    QList<qint64> connectedAt;
    QStringList notices; // at each drop
    client.connection.connectToServer();
    // Every connection is accepted and kicked out at once.
    constexpr int drops = 5;
    for (int i = 1; i <= drops; ++i) {
        QTRY_COMPARE_WITH_TIMEOUT(server.connectionCount(), i, 5000);
        QVERIFY(server.acceptHandshake(secret));
        QVERIFY(client.waitFor(ConnectionState::Connected));
        connectedAt.append(clock.elapsed());
        server.send(kickedOut);
        QTRY_COMPARE(scheduled.size(), i);
        notices.append(client.connection.reconnectNotice());
    }
    QList<int> attempts;
    QList<qint64> delays;
    for (const auto &arguments : scheduled) {
        attempts.append(arguments.at(0).toInt());
        delays.append(arguments.at(1).toLongLong());
    }
    QCOMPARE(attempts, (QList<int>{1, 2, 3, 4, 5}));
    QCOMPARE(delays, (QList<qint64>{50, 100, 200, 200, 200}));
    // On the clock: each connection came no sooner than its delay after the one before (coarse timers
    // may fire up to 5% early).
    for (int i = 1; i < drops; ++i)
        QVERIFY2(connectedAt.at(i) - connectedAt.at(i - 1) >= delays.at(i - 1) * 95 / 100,
                 qPrintable(u"connection %1 came %2 ms after the one before"_s.arg(i + 1).arg(
                     connectedAt.at(i) - connectedAt.at(i - 1))));
    QVERIFY(notices.at(0).isEmpty());
    QVERIFY(notices.at(1).isEmpty());
    QCOMPARE(notices.at(2), u"flapping: the connection dropped 3 times in a row within 1 s of connecting"_s);
    QCOMPARE(notices.at(4), u"flapping: the connection dropped 5 times in a row within 1 s of connecting"_s);

    // One that stays up for stableAfter ends the series: the notice goes, the next drop is attempt 1.
    QTRY_COMPARE_WITH_TIMEOUT(server.connectionCount(), drops + 1, 5000);
    QVERIFY(server.acceptHandshake(secret));
    QVERIFY(client.waitFor(ConnectionState::Connected));
    const qint64 upAt = clock.elapsed();
    QSignalSpy noticeChanged(&client.connection, &ComponentConnection::reconnectNoticeChanged);
    QTRY_COMPARE_WITH_TIMEOUT(noticeChanged.size(), 1, 3000);
    QVERIFY(clock.elapsed() - upAt >= 950);
    QVERIFY(client.connection.reconnectNotice().isEmpty());
    QCOMPARE(client.connection.reconnectAttempt(), 0);
    server.send(kickedOut);
    QTRY_COMPARE(scheduled.size(), drops + 1);
    QCOMPARE(scheduled.last().at(0).toInt(), 1);
    QCOMPARE(scheduled.last().at(1).toLongLong(), 50);
    QVERIFY(client.connection.reconnectNotice().isEmpty());
}

void TestConnectionProtocol::sameRefusalTwiceStopsReconnecting_data()
{
    QTest::addColumn<QByteArray>("first");
    QTest::addColumn<QByteArray>("second");
    QTest::addColumn<QString>("refusal"); // the detail both times; empty: they differ, and it goes on
    const QByteArray oversize = "<message from='u@example.org' to='bot@comp.example'><body>" +
                                QByteArray(2000, 'A') + "</body></message>";
    const QByteArray comment = "<!-- a comment -->";
    const QByteArray badUtf8 =
        "<message from='u@example.org' to='bot@comp.example'><body>\xff</body></message>";
    QTest::newRow("the same oversize stanza") << oversize << oversize << u"1024-byte limit"_s;
    QTest::newRow("the same comment") << comment << comment << u"XML comment"_s;
    QTest::newRow("the same invalid UTF-8") << badUtf8 << badUtf8 << u"invalid UTF-8"_s;
    QTest::newRow("two different refusals") << oversize << comment << QString();
}

void TestConnectionProtocol::sameRefusalTwiceStopsReconnecting()
{
    QFETCH(QByteArray, first);
    QFETCH(QByteArray, second);
    QFETCH(QString, refusal);
    const bool stops = !refusal.isEmpty();
    ScriptedServer server;
    QVERIFY(server.listen());
    RecordingClient client(server.port(), secret, [](ConnectionSettings &s) {
        s.maxStanzaBytes = 1024;
        s.reconnect.enabled = true;
        s.reconnect.initialDelay = 50ms;
        s.reconnect.jitter = 0.0;
    });
    QSignalSpy scheduled(&client.connection, &ComponentConnection::reconnectScheduled);
    client.connection.connectToServer();
    QVERIFY(server.acceptHandshake(secret));
    QVERIFY(client.waitFor(ConnectionState::Connected));
    server.send(first);
    QTRY_COMPARE(scheduled.size(), 1);
    QCOMPARE(client.connection.lastReason().kind, DisconnectReason::Kind::ProtocolViolation);
    QVERIFY(client.connection.reconnectNotice().isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(server.connectionCount(), 2, 5000);
    QVERIFY(server.acceptHandshake(secret));
    QVERIFY(client.waitFor(ConnectionState::Connected));
    server.send(second);
    if (!stops) {
        QTRY_COMPARE(scheduled.size(), 2);
        QVERIFY(client.connection.reconnectNotice().isEmpty());
        return;
    }
    QTRY_COMPARE(client.connection.state(), ConnectionState::Disconnected);
    const DisconnectReason reason = client.connection.lastReason();
    QCOMPARE(reason.kind, DisconnectReason::Kind::ProtocolViolation);
    QVERIFY2(reason.detail.contains(refusal), qPrintable(reason.detail));
    QCOMPARE(client.connection.nextReconnectAtMs(), 0);
    const QString notice = client.connection.reconnectNotice();
    QVERIFY2(
        notice.startsWith(u"stopped reconnecting: the server sent the same refused data twice in a row ("_s +
                          reason.detail + u')'),
        qPrintable(notice));
    // Four times the delay, and no third connection.
    QTest::qWait(200);
    QCOMPARE(server.connectionCount(), 2);
    QCOMPARE(scheduled.size(), 1);
    // Connecting by hand starts afresh: the first refusal is retried again.
    client.connection.connectToServer();
    QVERIFY(client.connection.reconnectNotice().isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(server.connectionCount(), 3, 5000);
    QVERIFY(server.acceptHandshake(secret));
    QVERIFY(client.waitFor(ConnectionState::Connected));
    server.send(second);
    QTRY_COMPARE(scheduled.size(), 2);
}

void TestConnectionProtocol::userDisconnectClosesTheStreamPolitely()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    RecordingClient client(server.port(), secret, [](ConnectionSettings &s) {
        s.reconnect.enabled = true;
        s.closeTimeout = 3s;
    });
    QSignalSpy reconnects(&client.connection, &ComponentConnection::reconnectScheduled);
    QVERIFY(connectAndAuthenticate(server, client));
    client.connection.disconnectFromServer();
    QCOMPARE(client.connection.state(), ConnectionState::Disconnecting);
    QVERIFY(server.waitForReceived("</stream:stream>"));
    QVERIFY(!server.received().contains("<stream:error"));
    server.send("</stream:stream>");
    QVERIFY(client.waitFor(ConnectionState::Disconnected, 1000)); // well before the close timeout
    QCOMPARE(client.connection.lastReason().kind, DisconnectReason::Kind::UserRequest);
    QTest::qWait(100);
    QCOMPARE(reconnects.size(), 0);
}

void TestConnectionProtocol::userDisconnectCancelsPendingReconnect()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    RecordingClient client(server.port(), secret, [](ConnectionSettings &s) {
        s.reconnect.enabled = true;
        s.reconnect.initialDelay = 300ms;
    });
    QVERIFY(connectAndAuthenticate(server, client));
    server.closeClient();
    QTRY_VERIFY(client.connection.nextReconnectAtMs() > 0);
    client.connection.disconnectFromServer();
    QCOMPARE(client.connection.nextReconnectAtMs(), 0);
    QCOMPARE(client.connection.lastReason().kind, DisconnectReason::Kind::UserRequest);
    QTest::qWait(600);
    QCOMPARE(server.connectionCount(), 1);
}

namespace {
// Stanzas of about 400 KB: a few dozen are more than the kernel's socket buffers hold.
QByteArray bigMessage(int number)
{
    return "<message from='bot@comp.example' to='user@example.org' id='big" + QByteArray::number(number) +
           "'><body>" + QByteArray(400 * 1024, 'x') + "</body></message>";
}
} // namespace

namespace {
// A plain and a direct-TLS row: a TLS socket keeps what waits for the network in its encrypted buffer.
void addTransportRows()
{
    QTest::addColumn<bool>("tls");
    QTest::newRow("plain") << false;
    QTest::newRow("direct TLS") << true;
}

// Listens in plain text or, for `tls`, with a throwaway self-signed certificate the client accepts.
bool listenFor(ScriptedServer &server, bool tls, QTemporaryDir &dir)
{
    if (!tls)
        return server.listen();
    QProcess openssl;
    openssl.start(u"openssl"_s, {u"req"_s, u"-x509"_s, u"-newkey"_s, u"rsa:2048"_s, u"-nodes"_s, u"-days"_s,
                                 u"2"_s, u"-subj"_s, u"/CN=127.0.0.1"_s, u"-keyout"_s,
                                 dir.filePath(u"key.pem"_s), u"-out"_s, dir.filePath(u"cert.pem"_s)});
    QFile cert(dir.filePath(u"cert.pem"_s));
    QFile key(dir.filePath(u"key.pem"_s));
    return openssl.waitForFinished(30000) && openssl.exitCode() == 0 && cert.open(QIODevice::ReadOnly) &&
           key.open(QIODevice::ReadOnly) && server.listen(cert.readAll(), key.readAll());
}
} // namespace

void TestConnectionProtocol::largeSendOverASlowLinkIsDeliveredBeforeTheClose_data()
{
    // Plain only: a QSslServer socket with a bounded read buffer (what makes the reader slow) stops
    // decrypting once the buffer was full (Qt 6.4), so the TLS reader stalls instead. The stall test
    // below has its TLS row.
    QTest::addColumn<bool>("tls");
    QTest::newRow("plain") << false;
}

void TestConnectionProtocol::largeSendOverASlowLinkIsDeliveredBeforeTheClose()
{
    QFETCH(bool, tls);
    QTemporaryDir dir;
    ScriptedServer server;
    QVERIFY(listenFor(server, tls, dir));
    RecordingClient client(server.port(), secret, [tls](ConnectionSettings &s) {
        s.closeTimeout = 300ms;
        s.directTls = s.acceptInvalidCertificates = tls;
    });
    QVERIFY(connectAndAuthenticate(server, client));
    server.setReadRate(8 << 20); // 16 MB at 8 MB/s: several close timeouts long
    constexpr int count = 40;
    for (int i = 0; i < count; ++i)
        QCOMPARE(client.connection.send(bigMessage(i)), QString());
    client.connection.disconnectFromServer();
    QVERIFY2(server.waitForReceived("</stream:stream>", 20000),
             qPrintable(u"the server got %1 bytes; the client is %2: %3"_s.arg(
                 QString::number(server.received().size()), identifier(client.connection.state()),
                 client.connection.lastReason().toString())));
    QCOMPARE(server.received().count("<message "), count);
    QVERIFY(server.received().contains("id='big39'"));
    server.send("</stream:stream>");
    QVERIFY(client.waitFor(ConnectionState::Disconnected));
    QCOMPARE(client.connection.lastReason().kind, DisconnectReason::Kind::UserRequest);
}

void TestConnectionProtocol::serverThatStopsReadingFailsTheClose_data()
{
    addTransportRows();
}

void TestConnectionProtocol::serverThatStopsReadingFailsTheClose()
{
    QFETCH(bool, tls);
    QTemporaryDir dir;
    ScriptedServer server;
    QVERIFY(listenFor(server, tls, dir));
    RecordingClient client(server.port(), secret, [tls](ConnectionSettings &s) {
        s.closeTimeout = 300ms;
        s.directTls = s.acceptInvalidCertificates = tls;
        s.reconnect.enabled = true;
        s.reconnect.initialDelay = 100ms;
    });
    QSignalSpy reconnects(&client.connection, &ComponentConnection::reconnectScheduled);
    QVERIFY(connectAndAuthenticate(server, client));
    server.setReadRate(0);
    for (int i = 0; i < 60; ++i)
        QCOMPARE(client.connection.send(bigMessage(i)), QString());
    client.connection.disconnectFromServer();
    QVERIFY(client.waitFor(ConnectionState::Disconnected));
    const DisconnectReason reason = client.connection.lastReason();
    QCOMPARE(reason.condition, u"write-stalled"_s);
    QCOMPARE(reason.kind, DisconnectReason::Kind::Timeout);
    QVERIFY2(reason.explanation.contains(u"stopped reading"), qPrintable(reason.toString()));
    QTest::qWait(300);
    QCOMPARE(reconnects.size(), 0); // the user asked to disconnect
}

void TestConnectionProtocol::serverErrorDuringTheUserCloseIsTheReason()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    RecordingClient client(server.port(), secret, [](ConnectionSettings &s) {
        s.closeTimeout = 2s;
        s.reconnect.enabled = true;
        s.reconnect.initialDelay = 100ms;
    });
    QSignalSpy reconnects(&client.connection, &ComponentConnection::reconnectScheduled);
    QVERIFY(connectAndAuthenticate(server, client));
    client.connection.disconnectFromServer();
    QVERIFY(server.waitForReceived("</stream:stream>"));
    // Prosody answers a stanza over its limit this way, possibly after the close has been sent.
    server.send("<stream:error><not-well-formed xmlns='urn:ietf:params:xml:ns:xmpp-streams'/></stream:error>"
                "</stream:stream>");
    server.closeClient();
    QVERIFY(client.waitFor(ConnectionState::Disconnected));
    QCOMPARE(client.connection.lastReason().kind, DisconnectReason::Kind::ServerStreamError);
    QCOMPARE(client.connection.lastReason().condition, u"not-well-formed"_s);
    QTest::qWait(300);
    QCOMPARE(reconnects.size(), 0);
}

void TestConnectionProtocol::serverThatNeverClosesIsLeftAfterOneCloseTimeout()
{
    // A stream error, then silence with the socket open: xcm closes its side and waits closeTimeout
    // for the server's, once (it waited twice as long, taking its own </stream:stream> leaving as
    // bytes still on their way).
    ScriptedServer server;
    QVERIFY(server.listen());
    RecordingClient client(server.port(), secret, [](ConnectionSettings &s) { s.closeTimeout = 1s; });
    QVERIFY(connectAndAuthenticate(server, client));
    server.holdConnectionOpen();
    QElapsedTimer clock;
    clock.start();
    server.send(
        "<stream:error><policy-violation xmlns='urn:ietf:params:xml:ns:xmpp-streams'/></stream:error>");
    QVERIFY(client.waitFor(ConnectionState::Disconnected, 5000));
    // Room for a loaded machine, short of the second timeout it used to wait.
    QVERIFY2(clock.elapsed() >= 900 && clock.elapsed() < 1900, qPrintable(QString::number(clock.elapsed())));
    QCOMPARE(client.connection.lastReason().condition, u"policy-violation"_s);
}

void TestConnectionProtocol::headerAfterTheUserCloseGetsNoHandshake()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    RecordingClient client(server.port(), secret, [](ConnectionSettings &s) { s.closeTimeout = 2s; });
    client.connection.connectToServer();
    QVERIFY(server.waitForClient() && server.waitForReceived("<stream:stream"));
    client.connection.disconnectFromServer();
    QVERIFY(server.waitForReceived("</stream:stream>"));
    server.send(ScriptedServer::streamHeader("late"));
    server.send("</stream:stream>");
    QVERIFY(client.waitFor(ConnectionState::Disconnected));
    QCOMPARE(client.connection.lastReason().kind, DisconnectReason::Kind::UserRequest);
    QVERIFY2(!server.received().contains("<handshake>"), server.received().constData());
    QVERIFY(server.received().endsWith("</stream:stream>"));
}

void TestConnectionProtocol::sendRefusals_data()
{
    QTest::addColumn<QByteArray>("xml");
    QTest::addColumn<QString>("reason");
    QTest::newRow("no to") << QByteArray("<message from='bot@comp.example'><body>x1</body></message>")
                           << u"no 'to'"_s;
    QTest::newRow("foreign from") << QByteArray(
                                         "<message from='bot@elsewhere' to='u@x'><body>x2</body></message>")
                                  << u"invalid-from"_s;
    QTest::newRow("not well-formed") << QByteArray(
                                            "<message from='bot@comp.example' to='u@x'><body>x3</message>")
                                     << u"not well-formed"_s;
    QTest::newRow("oversize") << "<message from='bot@comp.example' to='u@x'><body>x4" +
                                     QByteArray(2000, 'y') + "</body></message>"
                              << u"limit"_s;
}

void TestConnectionProtocol::sendRefusals()
{
    QFETCH(QByteArray, xml);
    QFETCH(QString, reason);
    ScriptedServer server;
    QVERIFY(server.listen());
    RecordingClient client(server.port(), secret, [](ConnectionSettings &s) { s.maxStanzaBytes = 1024; });
    QVERIFY(connectAndAuthenticate(server, client));
    const qsizetype before = server.received().size();
    const QString refusal = client.connection.send(xml);
    QVERIFY2(refusal.contains(reason), qPrintable(refusal));
    QTest::qWait(50);
    QCOMPARE(server.received().size(), before); // not a byte went out
    QCOMPARE(client.connection.state(), ConnectionState::Connected);
}

void TestConnectionProtocol::badServerInput_data()
{
    QTest::addColumn<QByteArray>("afterHeader"); // sent once the header (id s1) went out
    QTest::addColumn<bool>("authenticated");     // sent after the handshake succeeded
    QTest::addColumn<QString>("condition");
    QTest::newRow("comment") << QByteArray("<!-- hi -->") << true << u"restricted-xml"_s;
    QTest::newRow("processing instruction") << QByteArray("<?pi x?>") << true << u"restricted-xml"_s;
    QTest::newRow("entity") << QByteArray("<message><body>&ent;</body></message>") << true
                            << u"restricted-xml"_s;
    QTest::newRow("invalid utf-8") << QByteArray("<message><body>\xc3\x28</body></message>") << true
                                   << u"unsupported-encoding"_s;
    QTest::newRow("malformed") << QByteArray("<message></iq>") << true << u"not-well-formed"_s;
    QTest::newRow("second header") << QByteArray("<stream:stream xmlns='jabber:component:accept' "
                                                 "xmlns:stream='http://etherx.jabber.org/streams' id='2'>")
                                   << true << u"bad-format"_s;
    QTest::newRow("stanza before handshake")
        << QByteArray("<message from='a@b' to='comp.example'/>") << false << u"undefined-condition"_s;
    QTest::newRow("deep nesting") << QByteArray("<a>").repeated(20000) << true << u"policy-violation"_s;
    QTest::newRow("endless stanza") << "<message><body>" + QByteArray(600 * 1024, 'x') << true
                                    << u"policy-violation"_s;
}

void TestConnectionProtocol::badServerInput()
{
    QFETCH(QByteArray, afterHeader);
    QFETCH(bool, authenticated);
    QFETCH(QString, condition);
    ScriptedServer server;
    QVERIFY(server.listen());
    RecordingClient client(server.port(), secret);
    client.connection.connectToServer();
    if (authenticated) {
        QVERIFY(server.acceptHandshake(secret));
        QVERIFY(client.waitFor(ConnectionState::Connected));
    } else {
        QVERIFY(server.waitForReceived("<stream:stream"));
        server.send(ScriptedServer::streamHeader());
        QVERIFY(server.waitForReceived("</handshake>"));
    }
    server.send(afterHeader);
    QVERIFY(client.waitFor(ConnectionState::Disconnected));
    const DisconnectReason reason = client.connection.lastReason();
    QCOMPARE(reason.kind, DisconnectReason::Kind::ProtocolViolation);
    QCOMPARE(reason.condition, condition);
    QVERIFY(!reason.detail.isEmpty());
    QVERIFY(server.waitForReceived(
        QByteArray("<" + condition.toUtf8() + " xmlns='urn:ietf:params:xml:ns:xmpp-streams'/>")));
    QVERIFY(server.received().endsWith("</stream:stream>"));
    QVERIFY(server.waitForClientGone());
    QVERIFY(client.sentWire().contains("<stream:error>")); // the log shows what we answered
}

void TestConnectionProtocol::dataAfterStreamCloseIsIgnored()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    RecordingClient client(server.port(), secret);
    QVERIFY(connectAndAuthenticate(server, client));
    const int receivedBefore = int(client.received.size());
    server.send("</stream:stream><message from='a@b' to='bot@comp.example'/>garbage<<<");
    QVERIFY(client.waitFor(ConnectionState::Disconnected));
    QCOMPARE(client.connection.lastReason().kind, DisconnectReason::Kind::ServerClosed);
    QCOMPARE(int(client.received.size()), receivedBefore); // nothing after the close was taken as a stanza
    QVERIFY(server.waitForReceived("</stream:stream>"));
    QVERIFY(server.waitForClientGone());
    QVERIFY(server.received().endsWith("</stream:stream>"));
}

namespace {
const QByteArray headerWithoutIdBytes =
    "<stream:stream xmlns='jabber:component:accept' "
    "xmlns:stream='http://etherx.jabber.org/streams' from='comp.example'>";
}

void TestConnectionProtocol::headerWithoutId()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    RecordingClient client(server.port(), secret);
    client.connection.connectToServer();
    QVERIFY(server.waitForReceived("<stream:stream"));
    server.send(headerWithoutIdBytes);
    QVERIFY(client.waitFor(ConnectionState::Disconnected));
    QCOMPARE(client.connection.lastReason().condition, u"invalid-id"_s);
    QVERIFY(
        server.waitForReceived("<stream:error><invalid-id xmlns='urn:ietf:params:xml:ns:xmpp-streams'/>"));
    QVERIFY(!server.received().contains("<handshake>")); // no digest over an empty id
    // The stream error is followed by the stream's end, and the socket is closed.
    QVERIFY(server.waitForReceived("</stream:error></stream:stream>"));
    QVERIFY2(server.received().endsWith("</stream:stream>"), server.received().constData());
    QVERIFY(server.waitForClientGone());
}

void TestConnectionProtocol::headerWithoutIdThenHostUnknown()
{
    // What Prosody 0.12 really sends for an unknown component name.
    ScriptedServer server;
    QVERIFY(server.listen());
    RecordingClient client(server.port(), secret);
    client.connection.connectToServer();
    QVERIFY(server.waitForReceived("<stream:stream"));
    server.send(headerWithoutIdBytes);
    QTest::qWait(100);
    server.send("<stream:error><host-unknown "
                "xmlns='urn:ietf:params:xml:ns:xmpp-streams'/></stream:error></stream:stream>");
    QVERIFY(client.waitFor(ConnectionState::Disconnected));
    QCOMPARE(client.connection.lastReason().condition, u"host-unknown"_s);
    QVERIFY(!server.received().contains("<handshake>"));
}

void TestConnectionProtocol::configurationProblemsAreReported()
{
    RecordingClient client(5347, secret, [](ConnectionSettings &s) { s.domain = u"bad domain"_s; });
    QSignalSpy changes(&client.connection, &ComponentConnection::stateChanged);
    client.connection.connectToServer();
    QCOMPARE(changes.size(), 1);
    QCOMPARE(client.connection.lastReason().kind, DisconnectReason::Kind::Configuration);
    QVERIFY(client.connection.lastReason().explanation.contains(u"domain"));

    RecordingClient noSecret(5347, secret);
    noSecret.connection.setSecret({});
    noSecret.connection.connectToServer();
    QVERIFY(noSecret.connection.lastReason().explanation.contains(u"no shared secret"));
}

void TestConnectionProtocol::directTls()
{
    QTemporaryDir dir;
    QProcess openssl;
    openssl.start(u"openssl"_s, {u"req"_s, u"-x509"_s, u"-newkey"_s, u"rsa:2048"_s, u"-nodes"_s, u"-days"_s,
                                 u"2"_s, u"-subj"_s, u"/CN=127.0.0.1"_s, u"-keyout"_s,
                                 dir.filePath(u"key.pem"_s), u"-out"_s, dir.filePath(u"cert.pem"_s)});
    XCM_REQUIRE_PREREQUISITE(openssl.waitForFinished(30000) && openssl.exitCode() == 0,
                             u"openssl could not make a test certificate; direct TLS is not exercised"_s);
    QFile cert(dir.filePath(u"cert.pem"_s));
    QFile key(dir.filePath(u"key.pem"_s));
    QVERIFY(cert.open(QIODevice::ReadOnly) && key.open(QIODevice::ReadOnly));
    ScriptedServer server;
    QVERIFY(server.listen(cert.readAll(), key.readAll()));

    // A self-signed certificate is refused by default, with a reason that says so.
    RecordingClient strict(server.port(), secret, [](ConnectionSettings &s) { s.directTls = true; });
    strict.connection.connectToServer();
    QTRY_COMPARE(strict.connection.lastReason().kind, DisconnectReason::Kind::Tls);
    QVERIFY2(strict.connection.lastReason().explanation.contains(u"not trusted"),
             qPrintable(strict.connection.lastReason().toString()));

    RecordingClient relaxed(server.port(), secret, [](ConnectionSettings &s) {
        s.directTls = true;
        s.acceptInvalidCertificates = true;
    });
    QVERIFY(connectAndAuthenticate(server, relaxed));
}

void TestConnectionProtocol::tlsServerName()
{
    // A certificate from a trusted CA, but for the server's XMPP domain, reached by its address.
    QTemporaryDir dir;
    QProcess openssl;
    openssl.start(u"openssl"_s,
                  {u"req"_s, u"-x509"_s, u"-newkey"_s, u"rsa:2048"_s, u"-nodes"_s, u"-days"_s, u"2"_s,
                   u"-subj"_s, u"/CN=xmpp.example"_s, u"-addext"_s, u"subjectAltName=DNS:xmpp.example"_s,
                   u"-keyout"_s, dir.filePath(u"key.pem"_s), u"-out"_s, dir.filePath(u"cert.pem"_s)});
    XCM_REQUIRE_PREREQUISITE(openssl.waitForFinished(30000) && openssl.exitCode() == 0,
                             u"openssl could not make a test certificate; TLS names are not exercised"_s);
    QFile certFile(dir.filePath(u"cert.pem"_s));
    QFile key(dir.filePath(u"key.pem"_s));
    QVERIFY(certFile.open(QIODevice::ReadOnly) && key.open(QIODevice::ReadOnly));
    const QByteArray pem = certFile.readAll();
    const QSslConfiguration original = QSslConfiguration::defaultConfiguration();
    QSslConfiguration trusting = original;
    trusting.addCaCertificates(QSslCertificate::fromData(pem));
    QSslConfiguration::setDefaultConfiguration(trusting);
    const auto restore = qScopeGuard([&] { QSslConfiguration::setDefaultConfiguration(original); });
    ScriptedServer server;
    QVERIFY(server.listen(pem, key.readAll()));

    RecordingClient byAddress(server.port(), secret, [](ConnectionSettings &s) { s.directTls = true; });
    byAddress.connection.connectToServer();
    QTRY_COMPARE(byAddress.connection.lastReason().kind, DisconnectReason::Kind::Tls);
    const DisconnectReason reason = byAddress.connection.lastReason();
    QCOMPARE(reason.condition, u"tls-name-mismatch"_s);
    QVERIFY2(reason.explanation.contains(u"xmpp.example") && reason.explanation.contains(u"127.0.0.1"),
             qPrintable(reason.toString()));

    RecordingClient byName(server.port(), secret, [](ConnectionSettings &s) {
        s.directTls = true;
        s.tlsServerName = u"xmpp.example"_s;
    });
    QVERIFY(connectAndAuthenticate(server, byName));
}

QTEST_GUILESS_MAIN(TestConnectionProtocol)
#include "tst_connection_protocol.moc"
