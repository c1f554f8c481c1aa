// SPDX-License-Identifier: GPL-3.0-or-later
// xcm as a component, as a real client sees it: a slixmpp ClientXMPP logged in on a real Prosody asks
// the component (a ComponentConnection with a Responder) disco#info, disco#items, ping, version, time
// and unknown requests, and every answer is checked where the client received it.
#include "componentconnection.h"
#include "connectionhelpers.h"
#include "prosodyserver.h"
#include "responder.h"
#include "xmppclientprocess.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace xcm;
using xcm::test::ComponentAccount;
using xcm::test::makeConnection;
using xcm::test::ProsodyServer;
using xcm::test::waitForState;
using xcm::test::XmppClientProcess;

namespace {

const ComponentAccount component{u"comp.localhost"_s, u"comp-secret-7"_s};
const QString userPassword = u"alice-password"_s;

// The component under test: a connection whose received/sent stanzas feed a responder, and whose
// responder's answers go out on it, as xcm-cli and the desktop app wire them.
struct AnsweringComponent
{
    AnsweringComponent(const ProsodyServer &server, const ResponderSettings &responderSettings)
        : connection(makeConnection(server, component, [](ConnectionSettings &settings) {
            settings.host = u"127.0.0.1"_s;
            settings.connectTimeout = 5s;
            settings.reconnect.enabled = false;
        }))
    {
        responder.setComponentDomain(component.domain);
        responder.setSoftware({u"xcm"_s, u"1.2.3"_s, {}});
        responder.setSettings(responderSettings, u"Test component"_s);
        QObject::connect(connection.get(), &ComponentConnection::stanzaReceived, &responder,
                         &Responder::handleReceived);
        QObject::connect(connection.get(), &ComponentConnection::stanzaSent, &responder,
                         &Responder::handleSent);
        QObject::connect(&responder, &Responder::answerReady, connection.get(),
                         [this](const QByteArray &xml) { connection->send(xml); });
    }
    bool connect()
    {
        connection->connectToServer();
        return waitForState(*connection, ConnectionState::Connected);
    }
    const std::unique_ptr<ComponentConnection> connection;
    Responder responder;
};

QString request(const QString &id, const QString &type, const QString &payload,
                const QString &to = component.domain)
{
    return u"<iq type='%1' id='%2' to='%3'>%4</iq>"_s.arg(type, id, to, payload);
}

QString condition(const XmlElement &answer)
{
    for (const XmlElement &child : answer.firstChild(u"error").children()) {
        if (child.namespaceUri() == ns::stanzaErrors)
            return child.name();
    }
    return {};
}

} // namespace

class TestResponderProsody : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void answersWhatARealClientAsks();
    void answerByHandWaitsThenTheLimitAnswers();

private:
    std::unique_ptr<ProsodyServer> m_server;
    QString m_user;
};

void TestResponderProsody::initTestCase()
{
    QString why;
    if (!ProsodyServer::available(&why))
        QFAIL(qPrintable(u"Prosody is required for the integration tests: "_s + why));
    if (!XmppClientProcess::available(&why))
        QFAIL(qPrintable(u"The slixmpp test client is required: "_s + why));
    m_server = std::make_unique<ProsodyServer>(QList<ComponentAccount>{component});
    QString error;
    QVERIFY2(m_server->start(&error), qPrintable(error));
    QVERIFY2(m_server->addUser(u"alice"_s, userPassword, &error), qPrintable(error));
    m_user = u"alice@"_s + m_server->serverDomain();
}

void TestResponderProsody::cleanupTestCase()
{
    if (m_server)
        m_server->stop();
}

void TestResponderProsody::answersWhatARealClientAsks()
{
    AnsweringComponent xcm(*m_server, {});
    QVERIFY(xcm.connect());

    XmppClientProcess client(m_user, userPassword, m_server->clientPort());
    const QStringList requests{
        request(u"info"_s, u"get"_s, u"<query xmlns='http://jabber.org/protocol/disco#info'/>"_s),
        request(u"node"_s, u"get"_s, u"<query xmlns='http://jabber.org/protocol/disco#info' node='nope'/>"_s),
        request(u"items"_s, u"get"_s, u"<query xmlns='http://jabber.org/protocol/disco#items'/>"_s),
        request(u"ping"_s, u"get"_s, u"<ping xmlns='urn:xmpp:ping'/>"_s),
        request(u"version"_s, u"get"_s, u"<query xmlns='jabber:iq:version'/>"_s),
        request(u"time"_s, u"get"_s, u"<time xmlns='urn:xmpp:time'/>"_s),
        request(u"unknown-get"_s, u"get"_s, u"<query xmlns='urn:example:unknown'/>"_s),
        request(u"unknown-set"_s, u"set"_s, u"<command xmlns='urn:example:unknown'/>"_s,
                u"someone@"_s + component.domain),
    };
    QVERIFY2(client.run(requests, 10s), qPrintable(client.failure()));

    const XmlElement info = client.answer(u"info"_s);
    QCOMPARE(info.attribute(u"type"), u"result"_s);
    QCOMPARE(info.attribute(u"from"), component.domain);
    const XmlElement identity = info.firstChild(u"query").firstChild(u"identity");
    QCOMPARE(identity.attribute(u"category"), u"component"_s);
    QCOMPARE(identity.attribute(u"name"), u"Test component"_s);
    QStringList features;
    for (const XmlElement &child : info.firstChild(u"query").children()) {
        if (child.name() == u"feature")
            features << child.attribute(u"var");
    }
    for (const auto feature :
         {u"http://jabber.org/protocol/disco#info", u"urn:xmpp:ping", u"jabber:iq:version", u"urn:xmpp:time"})
        QVERIFY2(features.contains(QString::fromUtf16(feature)), qPrintable(features.join(u' ')));

    QCOMPARE(condition(client.answer(u"node"_s)), u"item-not-found"_s);
    QCOMPARE(client.answer(u"items"_s).attribute(u"type"), u"result"_s);
    QCOMPARE(client.answer(u"ping"_s).attribute(u"type"), u"result"_s);
    const XmlElement version = client.answer(u"version"_s).firstChild(u"query");
    QCOMPARE(version.firstChild(u"name").text(), u"xcm"_s);
    QCOMPARE(version.firstChild(u"version").text(), u"1.2.3"_s);
    QVERIFY(version.firstChild(u"os").isNull());
    QVERIFY(!client.answer(u"time"_s).firstChild(u"time").firstChild(u"utc").text().isEmpty());
    const XmlElement unknownGet = client.answer(u"unknown-get"_s);
    QCOMPARE(unknownGet.attribute(u"type"), u"error"_s);
    QCOMPARE(condition(unknownGet), u"service-unavailable"_s);
    const XmlElement unknownSet = client.answer(u"unknown-set"_s);
    QCOMPARE(condition(unknownSet), u"service-unavailable"_s);
    QCOMPARE(unknownSet.attribute(u"from"), u"someone@"_s + component.domain);
    QCOMPARE(client.answerCount(), requests.size());
}

void TestResponderProsody::answerByHandWaitsThenTheLimitAnswers()
{
    ResponderSettings settings;
    settings.answerByHand = true;
    settings.handAnswerLimit = 1500ms;
    AnsweringComponent xcm(*m_server, settings);
    QVERIFY(xcm.connect());
    // The user answers "mine" by hand (as from the compose form) as soon as it is held.
    QObject::connect(&xcm.responder, &Responder::heldCountChanged, xcm.connection.get(), [&xcm] {
        for (const Responder::HeldRequest &held : xcm.responder.heldRequests()) {
            if (held.request.id() != u"mine")
                continue;
            xcm.connection->send(
                u"<iq type='result' id='mine' from='%1' to='%2'><done xmlns='urn:example'/></iq>"_s
                    .arg(held.request.to(), held.request.from())
                    .toUtf8());
        }
    });
    QSignalSpy sent(xcm.connection.get(), &ComponentConnection::stanzaSent);

    XmppClientProcess client(m_user, userPassword, m_server->clientPort());
    QVERIFY2(client.run({request(u"mine"_s, u"set"_s, u"<command xmlns='urn:example:unknown'/>"_s),
                         request(u"forgotten"_s, u"get"_s, u"<query xmlns='urn:example:unknown'/>"_s)},
                        10s),
             qPrintable(client.failure()));

    const XmlElement mine = client.answer(u"mine"_s);
    QCOMPARE(mine.attribute(u"type"), u"result"_s);
    QVERIFY(!mine.firstChild(u"done").isNull());
    const XmlElement forgotten = client.answer(u"forgotten"_s);
    QCOMPARE(condition(forgotten), u"service-unavailable"_s);
    QVERIFY2(client.answerDelayMs(u"forgotten"_s) >= 1400,
             qPrintable(QString::number(client.answerDelayMs(u"forgotten"_s))));
    QCOMPARE(xcm.responder.heldCount(), 0);
    // Past the limit, no automatic error followed the answer given by hand: one answer for each request.
    QTest::qWait(1800);
    int answersToMine = 0;
    for (const QList<QVariant> &arguments : sent) {
        const Stanza stanza = arguments.at(0).value<Stanza>();
        answersToMine += stanza.id() == u"mine" ? 1 : 0;
    }
    QCOMPARE(answersToMine, 1);
}

QTEST_GUILESS_MAIN(TestResponderProsody)
#include "tst_responder_prosody.moc"
