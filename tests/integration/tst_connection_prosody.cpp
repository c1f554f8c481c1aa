// SPDX-License-Identifier: GPL-3.0-or-later
#include "componentconnection.h"
#include "connectionhelpers.h"
#include "prosodyserver.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace xcm;
using xcm::test::ComponentAccount;
using xcm::test::makeConnection;
using xcm::test::ProsodyServer;
using xcm::test::SettingsAdjustment;
using xcm::test::waitForState;

namespace {

const ComponentAccount alpha{u"alpha.localhost"_s, u"alpha-secret-1"_s};
const ComponentAccount beta{u"beta.localhost"_s, u"beta-secret-2"_s};

// One attempt with a short connect timeout: no automatic reconnect unless `adjust` asks for it.
std::unique_ptr<ComponentConnection> connectionWithoutRetry(const ProsodyServer &server,
                                                            const ComponentAccount &account,
                                                            const SettingsAdjustment &adjust = {})
{
    return makeConnection(server, account, [&adjust](ConnectionSettings &settings) {
        settings.host = u"127.0.0.1"_s;
        settings.connectTimeout = 5s;
        settings.reconnect.enabled = false;
        if (adjust)
            adjust(settings);
    });
}

} // namespace

class TestConnectionProsody : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void handshakeSucceeds();
    void wrongSecretIsNotAuthorized();
    void unknownComponentIsHostUnknown();
    void clientPortIsRecognised();
    void twoComponentsExchangeAMessage();
    void serverAnswersPing();
    void secondConnectionForTheSameNameGetsConflict();
    void oversizeStanzaIsRejectedByProsody();
    void reconnectsAfterTheServerIsKilledAndRestarted();

private:
    std::unique_ptr<ProsodyServer> m_server;
};

void TestConnectionProsody::initTestCase()
{
    QString why;
    if (!ProsodyServer::available(&why))
        QFAIL(qPrintable(u"Prosody is required for the integration tests: "_s + why));
    m_server = std::make_unique<ProsodyServer>(QList<ComponentAccount>{alpha, beta});
    QString error;
    QVERIFY2(m_server->start(&error), qPrintable(error));
}

void TestConnectionProsody::cleanupTestCase()
{
    if (m_server)
        m_server->stop();
}

void TestConnectionProsody::handshakeSucceeds()
{
    auto connection = connectionWithoutRetry(*m_server, alpha);
    QSignalSpy states(connection.get(), &ComponentConnection::stateChanged);
    connection->connectToServer();
    QVERIFY2(waitForState(*connection, ConnectionState::Connected),
             qPrintable(connection->lastReason().toString()));
    QCOMPARE(states.size(), 4);
    QVERIFY(!connection->streamId().isEmpty());
    connection->disconnectFromServer();
    QVERIFY(waitForState(*connection, ConnectionState::Disconnected));
    QCOMPARE(connection->lastReason().kind, DisconnectReason::Kind::UserRequest);
}

void TestConnectionProsody::wrongSecretIsNotAuthorized()
{
    auto connection = connectionWithoutRetry(*m_server, {alpha.domain, u"not-the-secret"_s});
    connection->connectToServer();
    QVERIFY(waitForState(*connection, ConnectionState::Disconnected));
    QTRY_COMPARE(connection->lastReason().condition, u"not-authorized"_s);
    QCOMPARE(connection->lastReason().kind, DisconnectReason::Kind::ServerStreamError);
    QVERIFY(connection->lastReason().toString().contains(u"check component_secret for alpha.localhost"));
}

void TestConnectionProsody::unknownComponentIsHostUnknown()
{
    auto connection = connectionWithoutRetry(*m_server, {u"nobody.localhost"_s, u"x"_s});
    connection->connectToServer();
    QTRY_COMPARE_WITH_TIMEOUT(connection->lastReason().condition, u"host-unknown"_s, 10000);
    QVERIFY(connection->lastReason().explanation.contains(u"no external component named nobody.localhost"));
}

void TestConnectionProsody::clientPortIsRecognised()
{
    auto connection = connectionWithoutRetry(
        *m_server, alpha, [this](ConnectionSettings &s) { s.port = m_server->clientPort(); });
    connection->connectToServer();
    QTRY_COMPARE_WITH_TIMEOUT(connection->lastReason().condition, u"invalid-namespace"_s, 10000);
    QCOMPARE(connection->lastReason().kind, DisconnectReason::Kind::ProtocolViolation);
    QVERIFY2(connection->lastReason().detail.contains(u"client (c2s) port, not the component port"),
             qPrintable(connection->lastReason().toString()));
}

void TestConnectionProsody::twoComponentsExchangeAMessage()
{
    auto a = connectionWithoutRetry(*m_server, alpha);
    auto b = connectionWithoutRetry(*m_server, beta);
    QList<Stanza> atB;
    connect(b.get(), &ComponentConnection::stanzaReceived, this, [&atB](const Stanza &stanza) {
        if (stanza.kind() == StanzaKind::Message)
            atB.append(stanza);
    });
    a->connectToServer();
    b->connectToServer();
    QVERIFY(waitForState(*a, ConnectionState::Connected));
    QVERIFY(waitForState(*b, ConnectionState::Connected));
    const QByteArray message =
        "<message from='a@alpha.localhost/x' to='b@beta.localhost' type='chat' id='m1'>"
        "<body>hello from alpha \xe2\x9c\x93 &amp; more</body></message>";
    QCOMPARE(a->send(message), QString());
    QTRY_COMPARE_WITH_TIMEOUT(atB.size(), 1, 10000);
    QCOMPARE(atB.first().from(), u"a@alpha.localhost/x"_s);
    QCOMPARE(atB.first().to(), u"b@beta.localhost"_s);
    QCOMPARE(atB.first().element().firstChild(u"body").text(), u"hello from alpha ✓ & more"_s);
    QTest::qWait(300);
    QCOMPARE(atB.size(), 1); // exactly once
}

void TestConnectionProsody::serverAnswersPing()
{
    auto connection = connectionWithoutRetry(*m_server, alpha);
    QList<Stanza> replies;
    connect(connection.get(), &ComponentConnection::stanzaReceived, this, [&replies](const Stanza &stanza) {
        if (stanza.kind() == StanzaKind::Iq && stanza.id() == u"ping-1")
            replies.append(stanza);
    });
    connection->connectToServer();
    QVERIFY(waitForState(*connection, ConnectionState::Connected));
    const QString server = m_server->serverDomain();
    QCOMPARE(
        connection->send(
            u"<iq type='get' id='ping-1' from='alpha.localhost' to='%1'><ping xmlns='urn:xmpp:ping'/></iq>"_s
                .arg(server)
                .toUtf8()),
        QString());
    QTRY_COMPARE_WITH_TIMEOUT(replies.size(), 1, 10000);
    QCOMPARE(replies.first().type(), u"result"_s);
    QCOMPARE(replies.first().from(), server);
}

void TestConnectionProsody::secondConnectionForTheSameNameGetsConflict()
{
    auto first = connectionWithoutRetry(*m_server, beta);
    first->connectToServer();
    QVERIFY(waitForState(*first, ConnectionState::Connected));
    auto second = connectionWithoutRetry(*m_server, beta, [](ConnectionSettings &s) {
        s.reconnect.enabled = true;
        s.reconnect.initialDelay = 30s; // only check that a retry is planned
    });
    QSignalSpy retries(second.get(), &ComponentConnection::reconnectScheduled);
    second->connectToServer();
    QTRY_COMPARE_WITH_TIMEOUT(second->lastReason().condition, u"conflict"_s, 10000);
    QTRY_COMPARE(retries.size(), 1);
    QCOMPARE(first->state(), ConnectionState::Connected); // Prosody keeps the old session by default
    second->disconnectFromServer();
}

void TestConnectionProsody::oversizeStanzaIsRejectedByProsody()
{
    // Our own limit raised above Prosody's 512 KiB so that the server's reaction shows.
    auto connection = connectionWithoutRetry(
        *m_server, alpha, [](ConnectionSettings &s) { s.maxStanzaBytes = 2 * 1024 * 1024; });
    connection->connectToServer();
    QVERIFY(waitForState(*connection, ConnectionState::Connected));
    const QByteArray big = "<message from='alpha.localhost' to='b@beta.localhost'><body>" +
                           QByteArray(600 * 1024, 'x') + "</body></message>";
    QCOMPARE(connection->send(big), QString());
    QVERIFY(waitForState(*connection, ConnectionState::Disconnected));
    QCOMPARE(connection->lastReason().condition, u"not-well-formed"_s);
    QVERIFY(connection->lastReason().explanation.contains(u"512 KiB"));
}

void TestConnectionProsody::reconnectsAfterTheServerIsKilledAndRestarted()
{
    auto connection = connectionWithoutRetry(*m_server, alpha, [](ConnectionSettings &s) {
        s.reconnect.enabled = true;
        s.reconnect.initialDelay = 200ms;
        s.reconnect.maxDelay = 1s;
    });
    QSignalSpy retries(connection.get(), &ComponentConnection::reconnectScheduled);
    connection->connectToServer();
    QVERIFY(waitForState(*connection, ConnectionState::Connected));
    m_server->kill();
    QVERIFY(waitForState(*connection, ConnectionState::Disconnected));
    QCOMPARE(connection->lastReason().kind, DisconnectReason::Kind::Network);
    QTRY_VERIFY_WITH_TIMEOUT(retries.size() >= 2, 10000); // refused while the server is down, and retried
    QString error;
    QVERIFY2(m_server->restart(&error), qPrintable(error));
    QVERIFY2(waitForState(*connection, ConnectionState::Connected, 20000),
             qPrintable(connection->lastReason().toString()));
    // The series goes on until the connection has been up for stableAfter: no reset at the handshake.
    QCOMPARE(connection->reconnectAttempt(), int(retries.size()));
    connection->disconnectFromServer();
    QVERIFY(waitForState(*connection, ConnectionState::Disconnected));
}

QTEST_GUILESS_MAIN(TestConnectionProsody)
#include "tst_connection_prosody.moc"
