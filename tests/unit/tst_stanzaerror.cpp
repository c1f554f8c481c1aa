// SPDX-License-Identifier: GPL-3.0-or-later
#include "stanzaerror.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace xcm;

namespace {

// A received stanza as the stream parser hands it over: top-level name and attributes, the tree parsed
// lazily from the wire bytes (so garbage stays garbage).
Stanza received(const QByteArray &wire)
{
    QXmlStreamAttributes attributes;
    attributes.append(u"type"_s, u"error"_s);
    const XmlElement element = XmlElement::parse(wire);
    if (element.isNull())
        return Stanza(Direction::Received, 0, wire, u"iq"_s, QString::fromUtf16(ns::component), attributes);
    return Stanza(Direction::Received, 0, wire, element);
}

XmlElement element(const QByteArray &xml)
{
    QString error;
    const XmlElement result = XmlElement::parse(xml, &error);
    if (result.isNull())
        qFatal("bad test XML: %s", qPrintable(error));
    return result;
}

} // namespace

class TestStanzaError : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void fromStanza_data();
    void fromStanza();
    void roundTrip_data();
    void roundTrip();
    void names();
    void defaultType_data();
    void defaultType();
    void errorReplyTo_data();
    void errorReplyTo();
};

void TestStanzaError::fromStanza_data()
{
    QTest::addColumn<QByteArray>("wire");
    QTest::addColumn<bool>("isNull");
    QTest::addColumn<bool>("isValid");
    QTest::addColumn<QString>("type"); // empty: no type
    QTest::addColumn<QString>("condition");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("by");
    QTest::addColumn<QString>("redirectUri");
    QTest::addColumn<QString>("application"); // the application condition's name
    QTest::addColumn<QString>("summary");

    QTest::newRow("condition only")
        << QByteArray("<iq type='error' id='1'><error type='cancel'>"
                      "<item-not-found xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>")
        << false << true << u"cancel"_s << u"item-not-found"_s << QString() << QString() << QString()
        << QString() << QString() << u"item-not-found (cancel)"_s;
    QTest::newRow("with text")
        << QByteArray("<message type='error'><error type='modify'>"
                      "<bad-request xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/>"
                      "<text xmlns='urn:ietf:params:xml:ns:xmpp-stanzas' xml:lang='en'>Bad\n  request</text>"
                      "</error></message>")
        << false << true << u"modify"_s << u"bad-request"_s << u"Bad\n  request"_s << u"en"_s << QString()
        << QString() << QString() << u"bad-request (modify): Bad request"_s;
    QTest::newRow("with application condition")
        << QByteArray("<iq type='error'><error type='cancel'>"
                      "<feature-not-implemented xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/>"
                      "<unsupported xmlns='http://jabber.org/protocol/pubsub#errors' feature='publish'/>"
                      "</error></iq>")
        << false << true << u"cancel"_s << u"feature-not-implemented"_s << QString() << QString() << QString()
        << QString() << u"unsupported"_s << u"feature-not-implemented (cancel)"_s;
    QTest::newRow("with by")
        << QByteArray("<presence type='error'><error type='auth' by='muc.example.org'>"
                      "<forbidden xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></presence>")
        << false << true << u"auth"_s << u"forbidden"_s << QString() << QString() << u"muc.example.org"_s
        << QString() << QString() << u"forbidden (auth)"_s;
    QTest::newRow("gone with uri")
        << QByteArray("<message type='error'><error type='cancel'>"
                      "<gone xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'>xmpp:romeo@afterwards.example</gone>"
                      "</error></message>")
        << false << true << u"cancel"_s << u"gone"_s << QString() << QString() << QString()
        << u"xmpp:romeo@afterwards.example"_s << QString() << u"gone (cancel)"_s;
    QTest::newRow("unknown condition")
        << QByteArray("<iq type='error'><error type='wait'>"
                      "<too-busy xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>")
        << false << true << u"wait"_s << u"undefined-condition"_s << QString() << QString() << QString()
        << QString() << QString() << u"undefined-condition (wait)"_s;
    QTest::newRow("unknown before defined")
        << QByteArray("<iq type='error'><error type='wait'>"
                      "<too-busy xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/>"
                      "<resource-constraint xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>")
        << false << true << u"wait"_s << u"resource-constraint"_s << QString() << QString() << QString()
        << QString() << QString() << u"resource-constraint (wait)"_s;
    QTest::newRow("no condition, no type") << QByteArray("<iq type='error'><error/></iq>") << false << false
                                           << QString() << u"undefined-condition"_s << QString() << QString()
                                           << QString() << QString() << QString() << u"undefined-condition"_s;
    QTest::newRow("unknown type")
        << QByteArray("<iq type='error'><error type='later'>"
                      "<conflict xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>")
        << false << false << QString() << u"conflict"_s << QString() << QString() << QString() << QString()
        << QString() << u"conflict"_s;
    QTest::newRow("error in another stanza namespace")
        << QByteArray("<iq type='error'><error xmlns='jabber:client' type='cancel'>"
                      "<service-unavailable xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>")
        << false << true << u"cancel"_s << u"service-unavailable"_s << QString() << QString() << QString()
        << QString() << QString() << u"service-unavailable (cancel)"_s;
    QTest::newRow("missing error") << QByteArray("<iq type='error' id='2'/>") << true << false << QString()
                                   << u"undefined-condition"_s << QString() << QString() << QString()
                                   << QString() << QString() << QString();
    QTest::newRow("not an error stanza")
        << QByteArray("<iq type='result'><error type='cancel'>"
                      "<conflict xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>")
        << true << false << QString() << u"undefined-condition"_s << QString() << QString() << QString()
        << QString() << QString() << QString();
    QTest::newRow("garbage") << QByteArray("<iq type='error'><error type='cancel'><conflict") << true << false
                             << QString() << u"undefined-condition"_s << QString() << QString() << QString()
                             << QString() << QString() << QString();
}

void TestStanzaError::fromStanza()
{
    QFETCH(QByteArray, wire);
    QFETCH(bool, isNull);
    QFETCH(bool, isValid);
    QFETCH(QString, type);
    QFETCH(QString, condition);
    QFETCH(QString, text);
    QFETCH(QString, language);
    QFETCH(QString, by);
    QFETCH(QString, redirectUri);
    QFETCH(QString, application);
    QFETCH(QString, summary);

    const StanzaError error = StanzaError::fromStanza(received(wire));
    QCOMPARE(error.isNull(), isNull);
    QCOMPARE(error.isValid(), isValid);
    QCOMPARE(error.type() ? StanzaError::typeName(*error.type()) : QString(), type);
    QCOMPARE(StanzaError::conditionName(error.condition()), condition);
    QCOMPARE(error.text(), text);
    QCOMPARE(error.textLanguage(), language);
    QCOMPARE(error.by(), by);
    QCOMPARE(error.redirectUri(), redirectUri);
    QCOMPARE(error.applicationCondition().name(), application);
    QCOMPARE(error.summary(), summary);
}

void TestStanzaError::roundTrip_data()
{
    QTest::addColumn<StanzaError>("error");

    QTest::newRow("condition only") << StanzaError(StanzaError::Type::Cancel,
                                                   StanzaError::Condition::ItemNotFound);
    QTest::newRow("no type") << [] {
        StanzaError error(StanzaError::Condition::Conflict);
        error.setType(std::nullopt);
        return error;
    }();
    QTest::newRow("text with language") << [] {
        StanzaError error(StanzaError::Condition::NotAcceptable, u"Body < 4 KiB & \"plain\""_s);
        error.setTextLanguage(u"de"_s);
        return error;
    }();
    QTest::newRow("by and application condition") << [] {
        StanzaError error(StanzaError::Type::Modify, StanzaError::Condition::BadRequest, u"No node"_s);
        error.setBy(u"pubsub.example.org"_s);
        error.setApplicationCondition(
            element("<nodeid-required xmlns='http://jabber.org/protocol/pubsub#errors'/>"));
        return error;
    }();
    QTest::newRow("redirect") << [] {
        StanzaError error(StanzaError::Condition::Redirect);
        error.setRedirectUri(u"xmpp:room@conference.example.org"_s);
        return error;
    }();
}

void TestStanzaError::roundTrip()
{
    QFETCH(StanzaError, error);
    const XmlElement element = error.toElement();
    QCOMPARE(element.name(), u"error"_s);
    QCOMPARE(StanzaError::fromElement(element), error);

    // Through the wire as well, where escaping and xml:lang have to survive.
    const QString xml = element.toXml();
    QVERIFY2(!xml.contains(u"jabber:component:accept"), qPrintable(xml)); // inherited from the stanza
    QString parseError;
    const XmlElement parsed = XmlElement::parse(xml.toUtf8(), &parseError);
    QVERIFY2(!parsed.isNull(), qPrintable(parseError));
    QCOMPARE(StanzaError::fromElement(parsed), error);

    QVERIFY(StanzaError::fromElement(element) != StanzaError());
}

void TestStanzaError::names()
{
    for (int i = 0; i <= int(StanzaError::Condition::UnexpectedRequest); ++i) {
        const auto condition = StanzaError::Condition(i);
        QCOMPARE(StanzaError::conditionFromName(StanzaError::conditionName(condition)), condition);
    }
    for (int i = 0; i <= int(StanzaError::Type::Wait); ++i) {
        const auto type = StanzaError::Type(i);
        QCOMPARE(StanzaError::typeFromName(StanzaError::typeName(type)), type);
    }
    QCOMPARE(StanzaError::conditionName(StanzaError::Condition::RemoteServerNotFound),
             u"remote-server-not-found"_s);
    QCOMPARE(StanzaError::typeName(StanzaError::Type::Continue), u"continue"_s);
    QVERIFY(!StanzaError::conditionFromName(u"text").has_value());
    QVERIFY(!StanzaError::typeFromName(u"Cancel").has_value());
    QVERIFY(StanzaError().isNull());
    QVERIFY(StanzaError().summary().isEmpty());
    QVERIFY(StanzaError().toElement().isNull());
}

void TestStanzaError::defaultType_data()
{
    QTest::addColumn<QString>("condition");
    QTest::addColumn<QString>("type");
    QTest::newRow("bad-request") << u"bad-request"_s << u"modify"_s;
    QTest::newRow("forbidden") << u"forbidden"_s << u"auth"_s;
    QTest::newRow("item-not-found") << u"item-not-found"_s << u"cancel"_s;
    QTest::newRow("recipient-unavailable") << u"recipient-unavailable"_s << u"wait"_s;
    QTest::newRow("resource-constraint") << u"resource-constraint"_s << u"wait"_s;
    QTest::newRow("service-unavailable") << u"service-unavailable"_s << u"cancel"_s;
    QTest::newRow("subscription-required") << u"subscription-required"_s << u"auth"_s;
    QTest::newRow("unexpected-request") << u"unexpected-request"_s << u"wait"_s;
}

void TestStanzaError::defaultType()
{
    QFETCH(QString, condition);
    QFETCH(QString, type);
    const auto parsed = StanzaError::conditionFromName(condition);
    QVERIFY(parsed.has_value());
    QCOMPARE(StanzaError::typeName(StanzaError::defaultType(*parsed)), type);
    // The one-argument constructor picks it.
    QCOMPARE(StanzaError(*parsed).type(), StanzaError::defaultType(*parsed));
}

void TestStanzaError::errorReplyTo_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<QString>("reply"); // empty: none may be built

    QTest::newRow("iq get")
        << QByteArray("<iq type='get' from='romeo@montague.lit/orchard' "
                      "to='bot.example.org' id='disco-7'>"
                      "<query xmlns='http://jabber.org/protocol/disco#items'/></iq>")
        << u"<iq type=\"error\" from=\"bot.example.org\" to=\"romeo@montague.lit/orchard\" "
           "id=\"disco-7\"><error type=\"cancel\"><service-unavailable "
           "xmlns=\"urn:ietf:params:xml:ns:xmpp-stanzas\"/></error></iq>"_s;
    QTest::newRow("message without id")
        << QByteArray(
               "<message from='juliet@capulet.lit' to='echo@bot.example.org'><body>hi</body></message>")
        << u"<message type=\"error\" from=\"echo@bot.example.org\" to=\"juliet@capulet.lit\">"
           "<error type=\"cancel\"><service-unavailable xmlns=\"urn:ietf:params:xml:ns:xmpp-stanzas\"/>"
           "</error></message>"_s;
    QTest::newRow("an error") << QByteArray(
                                     "<iq type='error' from='a' to='b' id='1'><error type='cancel'>"
                                     "<conflict xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>")
                              << QString();
    QTest::newRow("stream level") << QByteArray("<handshake>abc</handshake>") << QString();
}

void TestStanzaError::errorReplyTo()
{
    QFETCH(QByteArray, request);
    QFETCH(QString, reply);
    const StanzaError error(StanzaError::Condition::ServiceUnavailable);
    const XmlElement built = xcm::errorReplyTo(received(request), error);
    QCOMPARE(built.toXml(), reply);
    if (reply.isEmpty())
        return;
    // What a peer reads back is the same error.
    const Stanza sent(Direction::Sent, 0, built.toXml().toUtf8(), built);
    QVERIFY(sent.isError());
    QCOMPARE(StanzaError::fromStanza(sent), error);
    QVERIFY(xcm::errorReplyTo(received(request), StanzaError()).isNull());
}

QTEST_GUILESS_MAIN(TestStanzaError)
#include "tst_stanzaerror.moc"
