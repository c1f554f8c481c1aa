// SPDX-License-Identifier: GPL-3.0-or-later
// Proxy mode against the real parts: Prosody upstream, slixmpp's ComponentXMPP echo bot connecting
// through xcm's ComponentProxy, and a slixmpp client messaging the component on Prosody's c2s port.
#include "componentproxy.h"
#include "connectionhelpers.h"
#include "echocomponentprocess.h"
#include "handshake.h"
#include "prosodyserver.h"
#include "xmppclientprocess.h"

#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace xcm;
using xcm::test::ComponentAccount;
using xcm::test::EchoComponentProcess;
using xcm::test::makeConnection;
using xcm::test::ProsodyServer;
using xcm::test::waitForState;
using xcm::test::XmppClientProcess;

namespace {

const ComponentAccount echo{u"echo.localhost"_s, u"echo-secret-3"_s};
const QString userPassword = u"bob-password"_s;

// Every element of `wires` appears in `bytes`, in this order.
bool containsInOrder(const QByteArray &bytes, const QList<QByteArray> &wires, QString *missing)
{
    qsizetype from = 0;
    for (const QByteArray &wire : wires) {
        const qsizetype at = bytes.indexOf(wire, from);
        if (at < 0) {
            *missing = QString::fromUtf8(wire);
            return false;
        }
        from = at + wire.size();
    }
    return true;
}

QList<QByteArray> wiresOf(const QSignalSpy &spy)
{
    QList<QByteArray> wires;
    for (const QList<QVariant> &arguments : spy) {
        const Stanza stanza = arguments.at(0).value<Stanza>();
        if (stanza.kind() != StanzaKind::Stream)
            wires << stanza.wire();
    }
    return wires;
}

} // namespace

class TestProxyProsody : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();
    void relaysBothWaysByteForByte();
    void componentLeavingClosesTheServerLegAndSaysSo();
    void componentRefusedWhileTheServerLegConnectsSaysSo();
    void wrongComponentSecretNeverReachesTheServer();
    void serverRefusalReachesTheComponentAsSent();
    void secondComponentGetsConflict();
    void serverKilledClosesTheComponentLegAndARestartedServerServesTheNext();
    void aSlowReaderOnEitherLegSlowsTheOtherSideInsteadOfFillingXcm();

private:
    std::unique_ptr<ComponentProxy> makeProxy(const QString &upstreamSecret,
                                              const QString &componentSecret = {});
    std::unique_ptr<ProsodyServer> m_server;
    QString m_user;
};

void TestProxyProsody::initTestCase()
{
    QString why;
    if (!ProsodyServer::available(&why))
        QFAIL(qPrintable(u"Prosody is required for the integration tests: "_s + why));
    if (!XmppClientProcess::available(&why))
        QFAIL(qPrintable(u"The slixmpp test client is required: "_s + why));
    m_server = std::make_unique<ProsodyServer>(QList<ComponentAccount>{echo});
    QString error;
    QVERIFY2(m_server->start(&error), qPrintable(error));
    QVERIFY2(m_server->addUser(u"bob"_s, userPassword, &error), qPrintable(error));
    m_user = u"bob@"_s + m_server->serverDomain();
}

void TestProxyProsody::cleanupTestCase()
{
    if (m_server)
        m_server->stop();
}

void TestProxyProsody::init()
{
    QString error;
    if (!m_server->isRunning())
        QVERIFY2(m_server->restart(&error), qPrintable(error));
}

void TestProxyProsody::cleanup()
{
    // Let Prosody notice the last component left before the next one logs in (else: conflict).
    QTest::qWait(300);
}

std::unique_ptr<ComponentProxy> TestProxyProsody::makeProxy(const QString &upstreamSecret,
                                                            const QString &componentSecret)
{
    auto proxy = std::make_unique<ComponentProxy>();
    ProxySettings settings;
    settings.upstream.host = u"127.0.0.1"_s;
    settings.upstream.port = m_server->componentPort();
    settings.upstream.domain = echo.domain;
    settings.upstream.connectTimeout = 5s;
    proxy->setSettings(settings);
    proxy->setUpstreamSecret(upstreamSecret);
    proxy->setComponentSecret(componentSecret);
    QString error;
    if (!proxy->listen(&error))
        qFatal("proxy cannot listen: %s", qPrintable(error));
    return proxy;
}

void TestProxyProsody::relaysBothWaysByteForByte()
{
    auto proxy = makeProxy(echo.secret);
    QSignalSpy fromServer(&proxy->upstream(), &ComponentConnection::stanzaReceived);
    QSignalSpy toServer(&proxy->upstream(), &ComponentConnection::stanzaSent);
    EchoComponentProcess component(echo.domain, echo.secret, proxy->listeningPort());
    component.start();
    QVERIFY2(component.waitForEvent(u"online"_s), qPrintable(component.output()));
    QVERIFY(proxy->hasComponent());
    QCOMPARE(proxy->upstream().state(), ConnectionState::Connected);

    XmppClientProcess client(m_user, userPassword, m_server->clientPort());
    QVERIFY2(
        client.run({u"<message type='chat' id='m1' to='%1'><body>hello through xcm</body></message>"_s.arg(
                        echo.domain),
                    u"<iq type='get' id='info' to='%1'><query xmlns='http://jabber.org/protocol/disco#info'/>"
                    "</iq>"_s.arg(echo.domain)},
                   10s),
        qPrintable(client.failure() + component.output()));
    QCOMPARE(client.messageBody(u"m1"_s), u"hello through xcm"_s);
    QCOMPARE(client.answer(u"info"_s).attribute(u"type"), u"result"_s);

    // Both legs in the log: the message arrived from the server, its echo left for it.
    QList<QByteArray> received = wiresOf(fromServer);
    QList<QByteArray> sent = wiresOf(toServer);
    const auto hasBody = [](const QList<QByteArray> &wires) {
        return std::any_of(wires.cbegin(), wires.cend(),
                           [](const QByteArray &wire) { return wire.contains("hello through xcm"); });
    };
    QVERIFY(hasBody(received));
    QVERIFY(hasBody(sent));
    // Byte for byte: what Prosody sent is what the component read, and what the component wrote is what
    // went to Prosody.
    QString missing;
    QTRY_VERIFY2(containsInOrder(component.receivedBytes(), received, &missing), qPrintable(missing));
    QVERIFY2(containsInOrder(component.sentBytes(), sent, &missing), qPrintable(missing));
    QVERIFY(component.receivedBytes().contains("<handshake/>"));
    QVERIFY(!component.failureCondition().size());
}

void TestProxyProsody::componentLeavingClosesTheServerLegAndSaysSo()
{
    // The server leg's last reason read "disconnected by the user" in the timeline when the component
    // was killed: nobody had pressed Disconnect.
    auto proxy = makeProxy(echo.secret);
    auto component = std::make_unique<EchoComponentProcess>(echo.domain, echo.secret, proxy->listeningPort());
    component->start();
    QVERIFY2(component->waitForEvent(u"online"_s), qPrintable(component->output()));
    QTRY_COMPARE(proxy->upstream().state(), ConnectionState::Connected);
    component.reset(); // SIGTERM, then SIGKILL
    QTRY_COMPARE(proxy->upstream().state(), ConnectionState::Disconnected);
    QCOMPARE(proxy->upstream().lastReason().explanation, u"the component left"_s);
    QVERIFY(!proxy->upstream().lastReason().isError());
    QVERIFY(proxy->isListening()); // for the component's next connection
}

void TestProxyProsody::componentRefusedWhileTheServerLegConnectsSaysSo()
{
    // A component that sends broken XML right after a good handshake is refused by xcm while the server
    // leg is still logging in: that leg's reason said "the component left", as if it had gone on its own.
    auto proxy = makeProxy(echo.secret);
    QTcpSocket component;
    component.connectToHost(QHostAddress::LocalHost, proxy->listeningPort());
    QVERIFY(component.waitForConnected(5000));
    component.write(u"<stream:stream xmlns='jabber:component:accept' "
                    "xmlns:stream='http://etherx.jabber.org/streams' to='%1'>"_s.arg(echo.domain)
                        .toUtf8());
    QByteArray received; // from the proxy
    QTRY_VERIFY((received += component.readAll()).contains(" id='") || received.contains(" id=\""));
    const QRegularExpression idPattern(uR"( id=['"]([^'"]+)['"])"_s);
    const QRegularExpressionMatch id = idPattern.match(QString::fromUtf8(received));
    QVERIFY2(id.hasMatch(), received.constData());
    QSignalSpy upstreamStates(&proxy->upstream(), &ComponentConnection::stateChanged);
    component.write("<handshake>" + handshakeDigest(id.captured(1), echo.secret) + "</handshake><message><<");
    QTRY_VERIFY((received += component.readAll()).contains("<not-well-formed"));
    QTRY_COMPARE(proxy->upstream().state(), ConnectionState::Disconnected);
    QVERIFY(!upstreamStates.isEmpty()); // the server leg had set out
    QCOMPARE(proxy->upstream().lastReason().explanation, u"the component was refused"_s);
    QVERIFY(proxy->isListening());
}

void TestProxyProsody::wrongComponentSecretNeverReachesTheServer()
{
    auto proxy = makeProxy(echo.secret);
    QSignalSpy upstreamStates(&proxy->upstream(), &ComponentConnection::stateChanged);
    QSignalSpy events(proxy.get(), &ComponentProxy::componentEvent);
    EchoComponentProcess component(echo.domain, u"not-the-secret"_s, proxy->listeningPort());
    component.start();
    QVERIFY2(component.waitForEvent(u"failed"_s), qPrintable(component.output()));
    QCOMPARE(component.failureCondition(), u"not-authorized"_s);
    QVERIFY(upstreamStates.isEmpty()); // the server never heard of it
    QTRY_VERIFY(!proxy->hasComponent());
    QVERIFY(events.last().at(0).toString().contains(u"handshake does not match"_s));
}

void TestProxyProsody::serverRefusalReachesTheComponentAsSent()
{
    // The component knows the proxy's secret; the proxy has the wrong one for the server.
    auto proxy = makeProxy(u"wrong-upstream-secret"_s, u"proxy-side-secret"_s);
    QSignalSpy fromServer(&proxy->upstream(), &ComponentConnection::stanzaReceived);
    QSignalSpy events(proxy.get(), &ComponentProxy::componentEvent);
    EchoComponentProcess component(echo.domain, u"proxy-side-secret"_s, proxy->listeningPort());
    component.start();
    QVERIFY2(component.waitForEvent(u"failed"_s), qPrintable(component.output()));
    QCOMPARE(component.failureCondition(), u"not-authorized"_s);
    // The server's socket closes after the proxy passed its error on.
    QTRY_COMPARE(proxy->upstream().lastReason().condition, u"not-authorized"_s);
    // The stream error the component read is Prosody's, byte for byte.
    QByteArray serverError;
    for (const QList<QVariant> &arguments : fromServer) {
        const Stanza stanza = arguments.at(0).value<Stanza>();
        if (stanza.isStreamError())
            serverError = stanza.wire();
    }
    QVERIFY(!serverError.isEmpty());
    QTRY_VERIFY(component.receivedBytes().contains(serverError));
    // The component's leaving names the server's condition (its text alone may be empty).
    QTRY_VERIFY(!proxy->hasComponent());
    const QString left = events.last().at(0).toString();
    QVERIFY2(left.contains(u" was refused: the server's stream error, passed on: not-authorized: "_s),
             qPrintable(left));
}

void TestProxyProsody::secondComponentGetsConflict()
{
    auto proxy = makeProxy(echo.secret);
    EchoComponentProcess first(echo.domain, echo.secret, proxy->listeningPort());
    first.start();
    QVERIFY2(first.waitForEvent(u"online"_s), qPrintable(first.output()));
    EchoComponentProcess second(echo.domain, echo.secret, proxy->listeningPort());
    second.start();
    QVERIFY2(second.waitForEvent(u"failed"_s), qPrintable(second.output()));
    QCOMPARE(second.failureCondition(), u"conflict"_s);
    QVERIFY(!first.hasEvent(u"disconnected"_s));
    QCOMPARE(proxy->upstream().state(), ConnectionState::Connected);
}

void TestProxyProsody::serverKilledClosesTheComponentLegAndARestartedServerServesTheNext()
{
    auto proxy = makeProxy(echo.secret);
    QSignalSpy events(proxy.get(), &ComponentProxy::componentEvent);
    {
        EchoComponentProcess component(echo.domain, echo.secret, proxy->listeningPort());
        component.start();
        QVERIFY2(component.waitForEvent(u"online"_s), qPrintable(component.output()));
        m_server->kill();
        QVERIFY2(component.waitForEvent(u"disconnected"_s, 5000), qPrintable(component.output()));
        QCOMPARE(component.failureCondition(), u"remote-connection-failed"_s);
        QTRY_VERIFY(!proxy->hasComponent());
        QVERIFY2(component.receivedBytes().contains("the proxy&apos;s connection to the server ended") ||
                     component.receivedBytes().contains("the proxy's connection to the server ended"),
                 component.receivedBytes().right(400).constData());
    }
    QString error;
    QVERIFY2(m_server->restart(&error), qPrintable(error));
    EchoComponentProcess next(echo.domain, echo.secret, proxy->listeningPort());
    next.start();
    QVERIFY2(next.waitForEvent(u"online"_s), qPrintable(next.output()));
    QCOMPARE(proxy->upstream().state(), ConnectionState::Connected);
}

namespace {

// Runs the event loop until `backlog()` has grown and then not moved for half a second: the relay has
// done all it will while one side does not read. 0 when it never grew within 30 s.
qint64 settledBacklog(const std::function<qint64()> &backlog)
{
    qint64 last = 0;
    for (int stillFor = 0, round = 0; stillFor < 5 && round < 300; ++round) {
        QTest::qWait(100);
        const qint64 now = backlog();
        stillFor = now == last && now > 0 ? stillFor + 1 : 0;
        last = now;
    }
    return last;
}

} // namespace

void TestProxyProsody::aSlowReaderOnEitherLegSlowsTheOtherSideInsteadOfFillingXcm()
{
    // 40 MB each way, more than the kernel's socket buffers on the path hold: without flow control
    // most of it would wait in xcm's memory.
    constexpr int messageCount = 4000;
    constexpr qint64 bound = 2 * 1024 * 1024; // the proxy's high-water mark, a read slice and a stanza
    const QByteArray body(10 * 1024, 'x');
    auto proxy = makeProxy(echo.secret);
    auto component = makeConnection(*m_server, echo, [&proxy](ConnectionSettings &settings) {
        settings.port = proxy->listeningPort();
        settings.maxStanzaBytes = 64 * 1024;
    });
    component->setSecret(echo.secret);
    QList<QByteArray> echoedIds;
    connect(component.get(), &ComponentConnection::stanzaReceived, this, [&echoedIds](const Stanza &stanza) {
        if (stanza.kind() == StanzaKind::Message)
            echoedIds << stanza.wire().mid(stanza.wire().indexOf("id='") + 4, 8);
    });
    component->connectToServer();
    QVERIFY(waitForState(*component, ConnectionState::Connected));

    // The server stalls while the component floods: the component's own sends back up, not the proxy.
    m_server->pause();
    for (int i = 0; i < messageCount; ++i) {
        const QString error = component->send(
            u"<message from='a@%1' to='b@%1' id='m%2'><body>%3</body></message>"_s.arg(echo.domain)
                .arg(i, 7, 10, QChar(u'0'))
                .arg(QString::fromLatin1(body))
                .toUtf8());
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }
    const qint64 towardServer = settledBacklog([&proxy] { return proxy->upstream().bytesToWrite(); });
    QVERIFY2(towardServer > 0, "nothing reached the proxy");
    QVERIFY2(towardServer <= bound,
             qPrintable(u"%1 bytes wait in the proxy for the server"_s.arg(towardServer)));
    QVERIFY2(component->bytesToWrite() > 10 * 1024 * 1024,
             qPrintable(u"only %1 bytes wait in the component"_s.arg(component->bytesToWrite())));

    // The server reads again and sends it all back, but the component does not read.
    component->setReadingPaused(true);
    m_server->resume();
    const qint64 towardComponent = settledBacklog([&proxy] { return proxy->componentBytesToWrite(); });
    QVERIFY2(towardComponent <= bound,
             qPrintable(u"%1 bytes wait in the proxy for the component"_s.arg(towardComponent)));
    QVERIFY2(towardComponent > 0, "the server's echo never reached the proxy");

    // Both read: everything arrives, in order.
    component->setReadingPaused(false);
    QTRY_COMPARE_WITH_TIMEOUT(echoedIds.size(), messageCount, 30000);
    for (int i = 0; i < messageCount; ++i)
        QCOMPARE(echoedIds.at(i), u"m%1"_s.arg(i, 7, 10, QChar(u'0')).toUtf8());
    QCOMPARE(proxy->upstream().state(), ConnectionState::Connected);
}

QTEST_GUILESS_MAIN(TestProxyProsody)
#include "tst_proxy_prosody.moc"
