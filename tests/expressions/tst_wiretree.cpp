// SPDX-License-Identifier: GPL-3.0-or-later
// WireTree against XmlElement::parse: the same names, namespaces, attributes and text for tricky
// stanzas and for every stanza of the stream parser's fuzzing corpus; and what it refuses.
#include "expression.h"
#include "streamparser.h"
#include "wiretree.h"
#include "xmlelement.h"

#include <QDir>
#include <QRandomGenerator>
#include <QTest>

using namespace xcm;
using namespace Qt::StringLiterals;

namespace {

// Compares element `index` of `tree` with `element`; the first difference, or empty.
QString difference(const WireTree &tree, int index, const XmlElement &element, const QString &path = u"/"_s)
{
    const QString here = path + element.name();
    if (tree.localName(index) != element.name().toUtf8())
        return here + u": name "_s + QString::fromUtf8(tree.localName(index));
    if (tree.namespaceUri(index) != element.namespaceUri())
        return here + u": namespace "_s + tree.namespaceUri(index) + u" instead of "_s +
               element.namespaceUri();
    for (const QXmlStreamAttribute &attribute : element.attributes()) {
        const QByteArray name = attribute.qualifiedName().toUtf8();
        if (!tree.hasAttribute(index, name) || tree.attribute(index, name) != attribute.value())
            return here + u": attribute "_s + attribute.qualifiedName() + u" = '"_s +
                   tree.attribute(index, name) + u"' instead of '"_s + attribute.value() + u'\'';
    }
    if (tree.hasAttribute(index, "xmlns"))
        return here + u": a namespace declaration shows as an attribute"_s;
    int child = tree.firstChild(index);
    int run = tree.firstTextRun(index);
    for (const XmlElement::Node &node : element.nodes()) {
        if (node.isText()) {
            if (run < 0 || tree.textRun(run) != node.text)
                return here + u": text '"_s + (run < 0 ? u"(none)"_s : tree.textRun(run)) +
                       u"' instead of '"_s + node.text + u'\'';
            run = tree.nextTextRun(run);
            continue;
        }
        if (child < 0)
            return here + u": child <"_s + node.element.name() + u"> missing"_s;
        const QString inner = difference(tree, child, node.element, here + u'/');
        if (!inner.isEmpty())
            return inner;
        child = tree.nextSibling(child);
    }
    if (child >= 0)
        return here + u": an extra child <"_s + QString::fromUtf8(tree.localName(child)) + u'>';
    if (run >= 0)
        return here + u": extra text '"_s + tree.textRun(run) + u'\'';
    if (tree.text(index) != element.text())
        return here + u": text() differs"_s;
    return {};
}

} // namespace

class TestWireTree : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void sameAsXmlElement_data();
    void sameAsXmlElement();
    void sameForTheFuzzingCorpus();
    void refuses_data();
    void refuses();
    void damagedBytesAreSafe();
};

void TestWireTree::sameAsXmlElement_data()
{
    QTest::addColumn<QByteArray>("wire");
    QTest::newRow("chat") << QByteArray(
        "<message from='a@b/c' to='d@e' type='chat' id='1'><body>hi &amp; bye</body>"
        "<active xmlns='http://jabber.org/protocol/chatstates'/></message>");
    QTest::newRow("double quotes, spaces around =")
        << QByteArray("<message from = \"a@b\"\tto=\n'x'  ><body >t</body ></message >");
    QTest::newRow("> in a value") << QByteArray("<iq id='a>b' type='get'><q xmlns='x' v=\"1>2\"/></iq>");
    QTest::newRow("empty elements") << QByteArray(
        "<presence><x xmlns='a'/><y xmlns='b' /><z></z></presence>");
    QTest::newRow("entities and references") << QByteArray(
        "<message id='&lt;&#65;&#x42;&quot;&apos;'><body>&lt;&gt;&amp;&#x263A;&#9731;</body></message>");
    QTest::newRow("white space in attributes")
        << QByteArray("<message id='a\tb\nc\r\nd&#10;e&#9;f'><body>x</body></message>");
    QTest::newRow("line ends in text") << QByteArray("<message><body>a\r\nb\rc\nd</body></message>");
    QTest::newRow("cdata") << QByteArray(
        "<message><body>a <![CDATA[<x>&amp;]] ]]> b<![CDATA[\r\n]]></body></message>");
    QTest::newRow("mixed content") << QByteArray(
        "<message><html xmlns='http://jabber.org/protocol/xhtml-im'><body "
        "xmlns='http://www.w3.org/1999/xhtml'><p>one <b>two</b> three</p></body></html></message>");
    QTest::newRow("white space between elements")
        << QByteArray("<iq type='get'>\n  <query xmlns='q'>\n    <item/>\n  "
                      "</query>\n</iq>");
    QTest::newRow("prefixes") << QByteArray(
        "<message xmlns:p='urn:p' xmlns:q='urn:q'><p:a q:attr='1' p:b='2'><q:c/><p:d xmlns:p='urn:p2'/>"
        "<e/></p:a></message>");
    QTest::newRow("default namespace undeclared")
        << QByteArray("<message><x xmlns='urn:x'><y xmlns=''/></x></message>");
    QTest::newRow("stanza declares its namespace") << QByteArray(
        "<message xmlns='jabber:component:accept' xml:lang='de'><body xml:lang='en'>b</body></message>");
    QTest::newRow("client namespace")
        << QByteArray("<message xmlns='jabber:client'><body>b</body></message>");
    QTest::newRow("stream error") << QByteArray(
        "<stream:error><conflict xmlns='urn:ietf:params:xml:ns:xmpp-streams'/><text "
        "xmlns='urn:ietf:params:xml:ns:xmpp-streams'>t</text></stream:error>");
    QTest::newRow("unicode") << QByteArray("<message from='jürgen@exämple.de'><bödy>☃ ü</bödy></message>");
    QTest::newRow("namespace with an entity") << QByteArray("<message><x xmlns='urn:a&amp;b'/></message>");
    QTest::newRow("surrounding white space") << QByteArray("\n <message/> \n");
    QTest::newRow("handshake") << QByteArray("<handshake/>");
}

void TestWireTree::sameAsXmlElement()
{
    QFETCH(QByteArray, wire);
    QString error;
    const XmlElement element = XmlElement::parse(wire, &error);
    QVERIFY2(!element.isNull(), qPrintable(error));
    WireTree tree;
    QVERIFY(tree.parse(wire));
    const QString different = difference(tree, 0, element);
    QVERIFY2(different.isEmpty(), qPrintable(different));
}

void TestWireTree::sameForTheFuzzingCorpus()
{
    // fuzz_streamparser inputs are whole streams; fuzz_connection ones a flags byte and what the
    // server sends, after a header unless bit 3 says the input has its own.
    int compared = 0;
    for (const QString &target : {u"fuzz_streamparser"_s, u"fuzz_connection"_s}) {
        const QDir corpus(QStringLiteral(XCM_FUZZ_CORPUS) + u'/' + target);
        const QStringList files = corpus.entryList(QDir::Files);
        QVERIFY2(!files.isEmpty(), qPrintable(corpus.path()));
        for (const QString &name : files) {
            QFile file(corpus.filePath(name));
            QVERIFY(file.open(QIODevice::ReadOnly));
            QByteArray input = file.readAll();
            if (target == u"fuzz_connection") {
                const bool ownHeader = !input.isEmpty() && (input.at(0) & 0x08);
                input.remove(0, 1);
                if (!ownHeader)
                    input.prepend(
                        "<?xml version='1.0'?><stream:stream xmlns:stream='http://etherx.jabber.org/streams' "
                        "xmlns='jabber:component:accept' from='comp.example' id='x'>");
            }
            StreamParser parser;
            QStringList differences;
            QObject::connect(&parser, &StreamParser::stanzaReceived, [&](const Stanza &stanza) {
                const XmlElement element = XmlElement::parse(stanza.wire());
                WireTree tree;
                const bool parsed = tree.parse(stanza.wire());
                if (element.isNull()) {
                    // A prefix declared on the stream header: neither can read it on its own.
                    if (parsed)
                        differences << u"reads what XmlElement refuses: "_s +
                                           QString::fromUtf8(stanza.wire());
                    return;
                }
                ++compared;
                const QString different = parsed ? difference(tree, 0, element) : u"refused"_s;
                if (!different.isEmpty())
                    differences << different + u" in "_s +
                                       QString::fromUtf8(
                                           stanza.wire().first(qMin(200, stanza.wire().size())));
            });
            parser.feed(input);
            QVERIFY2(differences.isEmpty(), qPrintable(name + u": "_s + differences.join(u"\n"_s)));
        }
    }
    QVERIFY2(compared > 200, qPrintable(QString::number(compared)));
    qInfo("%d stanzas compared", compared);
}

void TestWireTree::refuses_data()
{
    QTest::addColumn<QByteArray>("wire");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("stream header") << QByteArray(
        "<?xml version='1.0'?><stream:stream xmlns='jabber:component:accept' "
        "xmlns:stream='http://etherx.jabber.org/streams'>");
    QTest::newRow("stream close") << QByteArray("</stream:stream>");
    QTest::newRow("not closed") << QByteArray("<message><body>x</body>");
    QTest::newRow("wrong end tag") << QByteArray("<message><body>x</bodx></message>");
    QTest::newRow("comment") << QByteArray("<message><!-- x --></message>");
    QTest::newRow("processing instruction") << QByteArray("<message><?pi x?></message>");
    QTest::newRow("undeclared prefix") << QByteArray("<message><p:x/></message>");
    QTest::newRow("prefix out of scope") << QByteArray("<message><a xmlns:p='u'/><p:x/></message>");
    QTest::newRow("text after") << QByteArray("<message/>x");
    QTest::newRow("two elements") << QByteArray("<message/><message/>");
    QTest::newRow("attribute without quotes") << QByteArray("<message id=1/>");
    QTest::newRow("attribute not closed") << QByteArray("<message id='1/>");
    QTest::newRow("cdata not closed") << QByteArray("<message><![CDATA[x</message>");
    QTest::newRow("lone <") << QByteArray("<");
}

void TestWireTree::refuses()
{
    QFETCH(QByteArray, wire);
    WireTree tree;
    QVERIFY(!tree.parse(wire));
    QVERIFY(!tree.isValid());
}

// Whatever the bytes (the log also keeps what was refused or cut off), reading them neither crashes
// nor reads outside them (run under ASan in tools/test): stanzas cut, bytes flipped, markup inserted.
void TestWireTree::damagedBytesAreSafe()
{
    const QList<QByteArray> samples = {
        "<message from='a@b/c' to='d@e' type='chat' id='1'><body>hi &amp; &#x41; bye</body>"
        "<active xmlns='http://jabber.org/protocol/chatstates'/></message>",
        "<iq type='error' id='q' from='x@y'><query xmlns='q' node=\"n>\"><item jid='j'/></query><error "
        "type='cancel'><item-not-found xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>",
        "<message xmlns:p='urn:p'><p:a p:b='2'><![CDATA[x]]>\r\ny</p:a></message>",
    };
    const Expression everything = Expression::compile(
        u"type or from.local or to.resource or id or body contains x or ns == q or error or "
        "has(*/*@jid) or has(query@xmlns ~ 'q') or has(a == y) or size > 1"_s);
    QVERIFY(everything.isValid());
    const char markup[] = "<>/='\"&;#![]? \r\nx:";
    QRandomGenerator random(12);
    int read = 0;
    for (int round = 0; round < 20'000; ++round) {
        QByteArray wire = samples.at(round % samples.size());
        const int changes = 1 + int(random.bounded(4));
        for (int c = 0; c < changes && !wire.isEmpty(); ++c) {
            const qsizetype at = random.bounded(wire.size());
            switch (random.bounded(4)) {
            case 0:
                wire.truncate(at);
                break;
            case 1:
                wire[at] = markup[random.bounded(int(sizeof(markup) - 1))];
                break;
            case 2:
                wire.insert(at, markup[random.bounded(int(sizeof(markup) - 1))]);
                break;
            default:
                wire.remove(at, 1 + random.bounded(8));
            }
        }
        // Each copy owns exactly its bytes, so that ASan sees a read past them.
        const QByteArray exact(wire.constData(), wire.size());
        WireTree tree;
        if (tree.parse(exact)) {
            ++read;
            for (int e = 0; e < tree.elementCount(); ++e) {
                tree.text(e);
                tree.attribute(e, "jid");
                tree.localName(e);
                tree.namespaceUri(e);
            }
        }
        for (const StanzaKind kind : {StanzaKind::Message, StanzaKind::Stream}) {
            StanzaView view(Direction::Received, kind, exact);
            everything.matches(view);
            view.errorCondition();
        }
    }
    QVERIFY(read > 0);
}

QTEST_GUILESS_MAIN(TestWireTree)
#include "tst_wiretree.moc"
