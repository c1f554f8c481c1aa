// SPDX-License-Identifier: GPL-3.0-or-later
// What the Responder answers, and when it stays silent (RFC 6120 §8.2.3; XEP-0030, 0092, 0199, 0202).
// The answers as a real client sees them are checked against Prosody in tst_responder_prosody.
#include "responder.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

using namespace xcm;
using namespace Qt::StringLiterals;

namespace {

const QString domain = u"demo.localhost"_s;

Stanza received(const QString &xml)
{
    const QByteArray wire = xml.toUtf8();
    QString error;
    const XmlElement element = XmlElement::parse(wire, &error);
    if (element.isNull())
        qFatal("bad test stanza: %s", qPrintable(error));
    return Stanza(Direction::Received, 0, wire, element);
}

Stanza request(const QString &type, const QString &payload, const QString &id = u"r1"_s,
               const QString &to = domain)
{
    return received(
        u"<iq type='%1' id='%2' from='user@localhost/phone' to='%3'>%4</iq>"_s.arg(type, id, to, payload));
}

Stanza sentAnswer(const QString &xml)
{
    Stanza stanza = received(xml);
    return Stanza(Direction::Sent, 0, stanza.wire(), stanza.element());
}

// Everything the responder handed over, parsed.
QList<XmlElement> answers(const QSignalSpy &spy)
{
    QList<XmlElement> parsed;
    for (const QList<QVariant> &arguments : spy)
        parsed << XmlElement::parse(arguments.at(0).toByteArray());
    return parsed;
}

QString errorCondition(const XmlElement &answer)
{
    const XmlElement error = answer.firstChild(u"error");
    for (const XmlElement &child : error.children()) {
        if (child.namespaceUri() == ns::stanzaErrors)
            return error.attribute(u"type") + u'/' + child.name();
    }
    return {};
}

QStringList features(const XmlElement &answer)
{
    QStringList vars;
    for (const XmlElement &child : answer.firstChild(u"query").children()) {
        if (child.name() == u"feature")
            vars << child.attribute(u"var");
    }
    return vars;
}

struct Fixture
{
    explicit Fixture(const ResponderSettings &settings = {})
        : spy(&responder, &Responder::answerReady)
    {
        responder.setComponentDomain(u"Demo.Localhost"_s);
        responder.setSoftware({u"xcm"_s, u"9.8.7"_s, u"Debian GNU/Linux 12"_s});
        responder.setSettings(settings, u"My profile"_s);
    }
    Responder responder;
    QSignalSpy spy;
};

} // namespace

class TestResponder : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void pingGetsAnEmptyResult();
    void discoInfoListsIdentityAndFeatures();
    void discoInfoFollowsTheSwitches();
    void unknownNodeIsItemNotFound();
    void discoItemsListsTheUsersItems();
    void versionHidesTheOsUnlessAskedTo();
    void timeGivesOffsetAndUtc();
    void everythingElseIsServiceUnavailable_data();
    void everythingElseIsServiceUnavailable();
    void staysSilent_data();
    void staysSilent();
    void disabledAnswersNothing();
    void answerByHandWaitsForTheUser();
    void answerByHandLimitSendsTheError();
    void answerByHandZeroLimitWaitsForever();
    void floodIsResourceConstraint();
    void turningHandAnswersOffAnswersTheHeldOnes();
    void connectionEndForgetsHeldRequests();
};

void TestResponder::pingGetsAnEmptyResult()
{
    Fixture f;
    f.responder.handleReceived(request(u"get"_s, u"<ping xmlns='urn:xmpp:ping'/>"_s, u"p-1"_s));
    QCOMPARE(f.spy.size(), 1);
    const XmlElement answer = answers(f.spy).first();
    QCOMPARE(answer.name(), u"iq"_s);
    QCOMPARE(answer.attribute(u"type"), u"result"_s);
    QCOMPARE(answer.attribute(u"id"), u"p-1"_s);
    QCOMPARE(answer.attribute(u"to"), u"user@localhost/phone"_s);
    QCOMPARE(answer.attribute(u"from"), domain);
    QCOMPARE(answer.childCount(), 0);
}

void TestResponder::discoInfoListsIdentityAndFeatures()
{
    ResponderSettings settings;
    settings.extraFeatures = {u"urn:example:gateway"_s, u"  "_s, u"urn:xmpp:ping"_s};
    Fixture f(settings);
    f.responder.handleReceived(
        request(u"get"_s, u"<query xmlns='http://jabber.org/protocol/disco#info'/>"_s));
    const XmlElement answer = answers(f.spy).value(0);
    QCOMPARE(answer.attribute(u"type"), u"result"_s);
    const XmlElement identity = answer.firstChild(u"query").firstChild(u"identity");
    QCOMPARE(identity.attribute(u"category"), u"component"_s);
    QCOMPARE(identity.attribute(u"type"), u"generic"_s);
    QCOMPARE(identity.attribute(u"name"), u"My profile"_s);
    QCOMPARE(features(answer),
             QStringList({u"http://jabber.org/protocol/disco#info"_s,
                          u"http://jabber.org/protocol/disco#items"_s, u"urn:xmpp:ping"_s, u"urn:xmpp:time"_s,
                          u"jabber:iq:version"_s, u"urn:example:gateway"_s}));
}

void TestResponder::discoInfoFollowsTheSwitches()
{
    ResponderSettings settings;
    settings.ping = false;
    settings.version = false;
    settings.identity = {u"gateway"_s, u"irc"_s, u"IRC bridge"_s};
    Fixture f(settings);
    f.responder.handleReceived(
        request(u"get"_s, u"<query xmlns='http://jabber.org/protocol/disco#info'/>"_s));
    f.responder.handleReceived(request(u"get"_s, u"<ping xmlns='urn:xmpp:ping'/>"_s, u"r2"_s));
    f.responder.handleReceived(request(u"get"_s, u"<query xmlns='jabber:iq:version'/>"_s, u"r3"_s));
    const QList<XmlElement> sent = answers(f.spy);
    QCOMPARE(sent.size(), 3);
    QCOMPARE(features(sent[0]),
             QStringList({u"http://jabber.org/protocol/disco#info"_s,
                          u"http://jabber.org/protocol/disco#items"_s, u"urn:xmpp:time"_s}));
    QCOMPARE(sent[0].firstChild(u"query").firstChild(u"identity").attribute(u"name"), u"IRC bridge"_s);
    QCOMPARE(errorCondition(sent[1]), u"cancel/service-unavailable"_s);
    QCOMPARE(errorCondition(sent[2]), u"cancel/service-unavailable"_s);
}

void TestResponder::unknownNodeIsItemNotFound()
{
    Fixture f;
    f.responder.handleReceived(
        request(u"get"_s, u"<query xmlns='http://jabber.org/protocol/disco#info' node='x'/>"_s, u"n1"_s));
    f.responder.handleReceived(
        request(u"get"_s, u"<query xmlns='http://jabber.org/protocol/disco#items' node='x'/>"_s, u"n2"_s));
    const QList<XmlElement> sent = answers(f.spy);
    QCOMPARE(errorCondition(sent.value(0)), u"cancel/item-not-found"_s);
    QCOMPARE(errorCondition(sent.value(1)), u"cancel/item-not-found"_s);
    QCOMPARE(sent.value(1).attribute(u"id"), u"n2"_s);
}

void TestResponder::discoItemsListsTheUsersItems()
{
    ResponderSettings settings;
    settings.items = {{u"rooms.demo.localhost"_s, {}, u"Rooms"_s}, {u"demo.localhost"_s, u"feeds"_s, {}}};
    Fixture f(settings);
    f.responder.handleReceived(
        request(u"get"_s, u"<query xmlns='http://jabber.org/protocol/disco#items'/>"_s));
    const QList<XmlElement> items = answers(f.spy).value(0).firstChild(u"query").children();
    QCOMPARE(items.size(), 2);
    QCOMPARE(items[0].attribute(u"jid"), u"rooms.demo.localhost"_s);
    QCOMPARE(items[0].attribute(u"name"), u"Rooms"_s);
    QVERIFY(!items[0].hasAttribute(u"node"));
    QCOMPARE(items[1].attribute(u"node"), u"feeds"_s);

    Fixture none;
    none.responder.handleReceived(
        request(u"get"_s, u"<query xmlns='http://jabber.org/protocol/disco#items'/>"_s));
    QCOMPARE(answers(none.spy).value(0).attribute(u"type"), u"result"_s);
    QCOMPARE(answers(none.spy).value(0).firstChild(u"query").childCount(), 0);
}

void TestResponder::versionHidesTheOsUnlessAskedTo()
{
    Fixture f;
    f.responder.handleReceived(request(u"get"_s, u"<query xmlns='jabber:iq:version'/>"_s));
    const XmlElement query = answers(f.spy).value(0).firstChild(u"query");
    QCOMPARE(query.firstChild(u"name").text(), u"xcm"_s);
    QCOMPARE(query.firstChild(u"version").text(), u"9.8.7"_s);
    QVERIFY(query.firstChild(u"os").isNull());

    ResponderSettings settings;
    settings.revealOs = true;
    Fixture open(settings);
    open.responder.handleReceived(request(u"get"_s, u"<query xmlns='jabber:iq:version'/>"_s));
    QCOMPARE(answers(open.spy).value(0).firstChild(u"query").firstChild(u"os").text(),
             u"Debian GNU/Linux 12"_s);
}

void TestResponder::timeGivesOffsetAndUtc()
{
    Fixture f;
    f.responder.handleReceived(request(u"get"_s, u"<time xmlns='urn:xmpp:time'/>"_s));
    const XmlElement time = answers(f.spy).value(0).firstChild(u"time", u"urn:xmpp:time");
    QVERIFY(QRegularExpression(u"^[+-]\\d\\d:\\d\\d$"_s).match(time.firstChild(u"tzo").text()).hasMatch());
    const QDateTime utc = QDateTime::fromString(time.firstChild(u"utc").text(), Qt::ISODateWithMs);
    QVERIFY(utc.isValid());
    QVERIFY(qAbs(utc.secsTo(QDateTime::currentDateTimeUtc())) < 5);
}

void TestResponder::everythingElseIsServiceUnavailable_data()
{
    QTest::addColumn<Stanza>("stanza");
    QTest::newRow("unknown get") << request(u"get"_s, u"<query xmlns='urn:example:unknown'/>"_s);
    QTest::newRow("unknown set") << request(u"set"_s, u"<query xmlns='urn:example:unknown'/>"_s);
    QTest::newRow("ping as set") << request(u"set"_s, u"<ping xmlns='urn:xmpp:ping'/>"_s);
    QTest::newRow("empty get") << request(u"get"_s, {});
    QTest::newRow("to a local part") << request(u"get"_s, u"<x xmlns='urn:example'/>"_s, u"r1"_s,
                                                u"room@demo.localhost/nick"_s);
}

void TestResponder::everythingElseIsServiceUnavailable()
{
    QFETCH(Stanza, stanza);
    Fixture f;
    f.responder.handleReceived(stanza);
    QCOMPARE(f.spy.size(), 1);
    const XmlElement answer = answers(f.spy).first();
    QCOMPARE(answer.attribute(u"type"), u"error"_s);
    QCOMPARE(answer.attribute(u"id"), stanza.id());
    QCOMPARE(answer.attribute(u"from"), stanza.to());
    QCOMPARE(answer.attribute(u"to"), stanza.from());
    QCOMPARE(errorCondition(answer), u"cancel/service-unavailable"_s);
}

void TestResponder::staysSilent_data()
{
    QTest::addColumn<Stanza>("stanza");
    QTest::addColumn<bool>("reported");
    QTest::newRow("result") << request(u"result"_s, {}) << false;
    QTest::newRow("error") << request(u"error"_s, u"<error type='cancel'><service-unavailable "
                                                  "xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error>"_s)
                           << false;
    QTest::newRow("message")
        << received(u"<message from='a@localhost' to='demo.localhost'><body>x</body></message>"_s) << false;
    QTest::newRow("another domain") << request(u"get"_s, u"<ping xmlns='urn:xmpp:ping'/>"_s, u"r1"_s,
                                               u"other.localhost"_s)
                                    << false;
    QTest::newRow("no id") << received(u"<iq type='get' from='a@localhost' to='demo.localhost'>"
                                       "<ping xmlns='urn:xmpp:ping'/></iq>"_s)
                           << true;
    QTest::newRow("no sender")
        << received(u"<iq type='get' id='x' to='demo.localhost'><ping xmlns='urn:xmpp:ping'/></iq>"_s)
        << true;
}

void TestResponder::staysSilent()
{
    QFETCH(Stanza, stanza);
    QFETCH(bool, reported);
    Fixture f;
    QSignalSpy ignored(&f.responder, &Responder::requestIgnored);
    f.responder.handleReceived(stanza);
    QCOMPARE(f.spy.size(), 0);
    QCOMPARE(ignored.size(), reported ? 1 : 0);
}

void TestResponder::disabledAnswersNothing()
{
    ResponderSettings settings;
    settings.enabled = false;
    Fixture f(settings);
    f.responder.handleReceived(request(u"get"_s, u"<ping xmlns='urn:xmpp:ping'/>"_s));
    f.responder.handleReceived(request(u"get"_s, u"<query xmlns='urn:example:unknown'/>"_s, u"r2"_s));
    QCOMPARE(f.spy.size(), 0);
}

void TestResponder::answerByHandWaitsForTheUser()
{
    ResponderSettings settings;
    settings.answerByHand = true;
    settings.handAnswerLimit = std::chrono::milliseconds(100);
    Fixture f(settings);
    QSignalSpy held(&f.responder, &Responder::heldCountChanged);
    f.responder.handleReceived(request(u"get"_s, u"<ping xmlns='urn:xmpp:ping'/>"_s, u"auto"_s));
    QCOMPARE(f.spy.size(), 1); // built-ins still answer at once
    f.responder.handleReceived(request(u"set"_s, u"<command xmlns='urn:example'/>"_s, u"mine"_s));
    QCOMPARE(f.spy.size(), 1);
    QCOMPARE(f.responder.heldCount(), 1);
    QCOMPARE(held.size(), 1);
    // An answer to someone else, or with another id, does not release it.
    f.responder.handleSent(
        sentAnswer(u"<iq type='result' id='mine' from='demo.localhost' to='eve@localhost'/>"_s));
    f.responder.handleSent(
        sentAnswer(u"<iq type='result' id='other' from='demo.localhost' to='user@localhost/phone'/>"_s));
    QCOMPARE(f.responder.heldCount(), 1);
    f.responder.handleSent(
        sentAnswer(u"<iq type='result' id='mine' from='demo.localhost' to='user@localhost/phone'/>"_s));
    QCOMPARE(f.responder.heldCount(), 0);
    QCOMPARE(held.size(), 2);
    QTest::qWait(200);
    QCOMPARE(f.spy.size(), 1); // no error after the user's answer
}

void TestResponder::answerByHandLimitSendsTheError()
{
    // Each held request gets its error once its own limit has passed, oldest first. Measured against
    // the clock rather than by polling in between, so a loaded machine cannot make it flaky.
    constexpr qint64 limitMs = 300;
    ResponderSettings settings;
    settings.answerByHand = true;
    settings.handAnswerLimit = std::chrono::milliseconds(limitMs);
    Fixture f(settings);
    QElapsedTimer sinceA;
    sinceA.start();
    f.responder.handleReceived(request(u"get"_s, u"<query xmlns='urn:example:a'/>"_s, u"a"_s));
    QTest::qWait(150);
    QElapsedTimer sinceB;
    sinceB.start();
    f.responder.handleReceived(request(u"get"_s, u"<query xmlns='urn:example:b'/>"_s, u"b"_s));
    QTRY_VERIFY(f.spy.size() >= 1);
    QVERIFY(sinceA.elapsed() >= limitMs);
    QCOMPARE(answers(f.spy).value(0).attribute(u"id"), u"a"_s);
    QCOMPARE(errorCondition(answers(f.spy).value(0)), u"cancel/service-unavailable"_s);
    QTRY_COMPARE(f.spy.size(), 2);
    QVERIFY(sinceB.elapsed() >= limitMs);
    QCOMPARE(answers(f.spy).value(1).attribute(u"id"), u"b"_s);
    QCOMPARE(f.responder.heldCount(), 0);
    // The user's answer that comes too late releases nothing and causes no second error.
    f.responder.handleSent(
        sentAnswer(u"<iq type='result' id='a' from='demo.localhost' to='user@localhost/phone'/>"_s));
    QTest::qWait(100);
    QCOMPARE(f.spy.size(), 2);
}

void TestResponder::answerByHandZeroLimitWaitsForever()
{
    ResponderSettings settings;
    settings.answerByHand = true;
    settings.handAnswerLimit = std::chrono::milliseconds(0);
    Fixture f(settings);
    f.responder.handleReceived(request(u"get"_s, u"<query xmlns='urn:example:a'/>"_s));
    QTest::qWait(50);
    QCOMPARE(f.spy.size(), 0);
    QCOMPARE(f.responder.heldCount(), 1);
}

void TestResponder::floodIsResourceConstraint()
{
    ResponderSettings settings;
    settings.answerByHand = true;
    settings.maxHeld = 2;
    Fixture f(settings);
    for (int i = 0; i < 5; ++i)
        f.responder.handleReceived(
            request(u"get"_s, u"<query xmlns='urn:example:a'/>"_s, QString::number(i)));
    QCOMPARE(f.responder.heldCount(), 2);
    const QList<XmlElement> sent = answers(f.spy);
    QCOMPARE(sent.size(), 3);
    for (const XmlElement &answer : sent)
        QCOMPARE(errorCondition(answer), u"wait/resource-constraint"_s);
    QCOMPARE(sent[0].attribute(u"id"), u"2"_s);
}

void TestResponder::turningHandAnswersOffAnswersTheHeldOnes()
{
    ResponderSettings settings;
    settings.answerByHand = true;
    Fixture f(settings);
    f.responder.handleReceived(request(u"get"_s, u"<query xmlns='urn:example:a'/>"_s, u"x"_s));
    QCOMPARE(f.spy.size(), 0);
    settings.answerByHand = false;
    f.responder.setSettings(settings, u"My profile"_s);
    QCOMPARE(f.spy.size(), 1);
    QCOMPARE(errorCondition(answers(f.spy).value(0)), u"cancel/service-unavailable"_s);
    QCOMPARE(f.responder.heldCount(), 0);
}

void TestResponder::connectionEndForgetsHeldRequests()
{
    ResponderSettings settings;
    settings.answerByHand = true;
    settings.handAnswerLimit = std::chrono::milliseconds(50);
    Fixture f(settings);
    f.responder.handleReceived(request(u"get"_s, u"<query xmlns='urn:example:a'/>"_s));
    f.responder.connectionEnded();
    QCOMPARE(f.responder.heldCount(), 0);
    QTest::qWait(100);
    QCOMPARE(f.spy.size(), 0); // nothing goes out on the next stream for a request of the last one
}

QTEST_GUILESS_MAIN(TestResponder)
#include "tst_responder.moc"
