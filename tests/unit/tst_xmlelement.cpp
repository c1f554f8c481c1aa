// SPDX-License-Identifier: GPL-3.0-or-later
#include "handshake.h"
#include "streamerror.h"
#include "xmlelement.h"

#include <QCryptographicHash>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace xcm;

class TestXmlElement : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parsesTreeAndNamespaces();
    void rejects_data();
    void rejects();
    void roundTripsThroughToXml();
    void streamErrorFromElement();
    void streamErrorEscapesText();
    void handshakeDigestIsLowercaseSha1();
};

void TestXmlElement::parsesTreeAndNamespaces()
{
    QString error;
    const XmlElement message = XmlElement::parse(
        "<message from='a@comp' to='b@x' type='chat'><body>1 &lt; 2 &amp; caf\xc3\xa9</body>"
        "<active xmlns='http://jabber.org/protocol/chatstates'/></message>",
        &error);
    QVERIFY2(!message.isNull(), qPrintable(error));
    QCOMPARE(message.name(), u"message"_s);
    QCOMPARE(message.namespaceUri(), u"jabber:component:accept"_s);
    QCOMPARE(message.attribute(u"type"), u"chat"_s);
    QCOMPARE(message.childCount(), 2);
    QCOMPARE(message.firstChild(u"body").text(), u"1 < 2 & café"_s);
    QCOMPARE(message.firstChild({}, u"http://jabber.org/protocol/chatstates").name(), u"active"_s);
    QCOMPARE(message.firstChild(u"active").namespaceUri(), u"http://jabber.org/protocol/chatstates"_s);

    const XmlElement streamError = XmlElement::parse(
        "<stream:error><conflict xmlns='urn:ietf:params:xml:ns:xmpp-streams'/></stream:error>");
    QCOMPARE(streamError.namespaceUri(), QString::fromUtf16(ns::stream));
    QCOMPARE(streamError.prefix(), u"stream"_s);
}

void TestXmlElement::rejects_data()
{
    QTest::addColumn<QByteArray>("xml");
    QTest::addColumn<QString>("reason");
    QTest::newRow("empty") << QByteArray() << u"no XML element"_s;
    QTest::newRow("unclosed") << QByteArray("<message>") << u"not complete"_s;
    QTest::newRow("two roots") << QByteArray("<a/><b/>") << u"only one may be given (line 1, column 8)"_s;
    QTest::newRow("comment") << QByteArray("<a><!-- x --></a>") << u"comments"_s;
    QTest::newRow("processing instruction") << QByteArray("<a><?php x?></a>") << u"processing instructions"_s;
    QTest::newRow("undeclared entity") << QByteArray("<a>&nbsp;</a>") << u"nbsp"_s;
    QTest::newRow("text outside") << QByteArray("hello <a/>") << u"text outside"_s;
    QTest::newRow("text after, placed on the caller's last line")
        << QByteArray("<a/>\nhello") << u"text outside the element (line 2, column 6)"_s;
    QTest::newRow("mismatched") << QByteArray("<a></b>") << u"line 1"_s;
    QTest::newRow("mismatched, one sentence")
        << QByteArray("<a></b>") << u"tag mismatch (line 1, column 7)"_s;
    // Not the line after the text (the wrapper's, where the reader found out).
    QTest::newRow("ends inside a tag") << QByteArray("<message to='a'>\n  <body>x</body>\n</message><foo")
                                       << u"the XML ends inside a tag (line 3, column 15)"_s;
}

void TestXmlElement::rejects()
{
    QFETCH(QByteArray, xml);
    QFETCH(QString, reason);
    QString error;
    QVERIFY(XmlElement::parse(xml, &error).isNull());
    QVERIFY2(error.contains(reason), qPrintable(error));
}

void TestXmlElement::roundTripsThroughToXml()
{
    const QByteArray source =
        "<iq type='get' id='1' to='x' from='c'><query xmlns='http://jabber.org/protocol/disco#info'/></iq>";
    const XmlElement iq = XmlElement::parse(source);
    const QString xml = iq.toXml();
    QVERIFY2(xml.contains(u"xmlns=\"http://jabber.org/protocol/disco#info\""), qPrintable(xml));
    QVERIFY(!xml.contains(u"jabber:component:accept")); // inherited, so not repeated
    const XmlElement again = XmlElement::parse(xml.toUtf8());
    QCOMPARE(again.toXml(), xml);
    const QString pretty = iq.toXml(true);
    QVERIFY(pretty.contains(u"\n  <query"));
}

void TestXmlElement::streamErrorFromElement()
{
    const XmlElement element = XmlElement::parse(
        "<stream:error><not-authorized xmlns='urn:ietf:params:xml:ns:xmpp-streams'/>"
        "<text xmlns='urn:ietf:params:xml:ns:xmpp-streams'>bad secret</text></stream:error>");
    const StreamError error = StreamError::fromElement(element);
    QCOMPARE(error.condition, u"not-authorized"_s);
    QCOMPARE(error.text, u"bad secret"_s);
    QCOMPARE(StreamError::fromElement(XmlElement::parse("<stream:error/>")).condition,
             u"undefined-condition"_s);
}

void TestXmlElement::streamErrorEscapesText()
{
    const StreamError error{u"policy-violation"_s, u"a <b> & c"_s, {}, 0, 0};
    const XmlElement parsed = XmlElement::parse(error.toXml());
    QVERIFY(!parsed.isNull());
    QCOMPARE(StreamError::fromElement(parsed), error);
}

void TestXmlElement::handshakeDigestIsLowercaseSha1()
{
    // Expected value computed independently: python3 hashlib.sha1(b"3BF96D32secret").hexdigest()
    QCOMPARE(handshakeDigest(u"3BF96D32"_s, u"secret"_s),
             QByteArray("b09ea9b3b7f586be8a08d0a3dd7466f110aeb136"));
    const QByteArray digest = handshakeDigest(u"id"_s, u"s\u00e9cret"_s);
    QCOMPARE(digest, QCryptographicHash::hash("ids\xc3\xa9"
                                              "cret",
                                              QCryptographicHash::Sha1)
                         .toHex());
    QCOMPARE(digest, digest.toLower());
}

QTEST_GUILESS_MAIN(TestXmlElement)
#include "tst_xmlelement.moc"
