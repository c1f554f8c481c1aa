// SPDX-License-Identifier: GPL-3.0-or-later
#include "streamparser.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace xcm;

namespace {

const QByteArray serverHeader =
    "<?xml version='1.0'?><stream:stream xmlns='jabber:component:accept' "
    "xmlns:stream='http://etherx.jabber.org/streams' id='abc123' from='comp.example'>";

// Everything a parser reported, in order.
struct Recording
{
    StreamHeader header;
    int headers = 0;
    QList<Stanza> stanzas;
    bool closed = false;
    StreamError error;
    int errors = 0;

    explicit Recording(StreamParser &parser)
    {
        QObject::connect(&parser, &StreamParser::streamOpened, [this](const StreamHeader &h) {
            header = h;
            ++headers;
        });
        QObject::connect(&parser, &StreamParser::stanzaReceived,
                         [this](const Stanza &s) { stanzas.append(s); });
        QObject::connect(&parser, &StreamParser::streamClosed, [this] { closed = true; });
        QObject::connect(&parser, &StreamParser::failed, [this](const StreamError &e) {
            error = e;
            ++errors;
        });
    }
    QList<QByteArray> wires() const
    {
        QList<QByteArray> result;
        for (const Stanza &stanza : stanzas)
            result.append(stanza.wire());
        return result;
    }
};

StreamError parseAll(const QByteArray &bytes, StreamParser::Limits limits = {})
{
    StreamParser parser;
    parser.setLimits(limits);
    Recording recording(parser);
    parser.feed(bytes);
    return recording.error;
}

} // namespace

class TestStreamParser : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void headerStanzasAndClose();
    void everyChunkBoundaryGivesTheSameResult();
    void byteByByte();
    void oneLargeRead_data();
    void oneLargeRead();
    void whitespaceKeepalivesAreIgnored();
    void restrictedXml_data();
    void restrictedXml();
    void badInput_data();
    void badInput();
    void invalidUtf8InFirstChunk();
    void invalidUtf8InLaterChunk();
    void invalidUtf8SplitAcrossChunks();
    void validCharacterSplitAcrossChunks();
    void oversizeStanza();
    void endlessStartTag();
    void stanzaAtTheLimitPasses();
    void readerErrorsSayWhere();
    void stanzaOverTheLimitInOneRead_data();
    void stanzaOverTheLimitInOneRead();
    void nestingLimit();
    void deepNestingFailsFast();
    void inputAfterFailureIsIgnored();
    void pendingBytesTellsMidStanza();
    void resetStartsANewStream();
    void scannerAgreesWithTheReader_data();
    void scannerAgreesWithTheReader();
    void forbiddenCharacterRefusedInAnyChunking();
    void errorTypeIsReadWhereverTheAttributesAre();
};

void TestStreamParser::headerStanzasAndClose()
{
    StreamParser parser;
    Recording recording(parser);
    const QByteArray message =
        "<message from='a@b' to='bot@comp.example' type='chat' id='m1'><body>hi</body></message>";
    parser.feed(QByteArray(serverHeader + "<handshake/>" + message + "</stream:stream>"));
    QCOMPARE(recording.errors, 0);
    QCOMPARE(recording.headers, 1);
    QCOMPARE(recording.header.id, u"abc123"_s);
    QCOMPARE(recording.header.from, u"comp.example"_s);
    QCOMPARE(recording.header.wire, serverHeader);
    QCOMPARE(recording.wires(), (QList<QByteArray>{"<handshake/>", message}));
    const Stanza &stanza = recording.stanzas.at(1);
    QCOMPARE(stanza.kind(), StanzaKind::Message);
    QCOMPARE(stanza.from(), u"a@b"_s);
    QCOMPARE(stanza.id(), u"m1"_s);
    QCOMPARE(stanza.direction(), Direction::Received);
    QCOMPARE(stanza.element().firstChild(u"body").text(), u"hi"_s);
    QCOMPARE(recording.stanzas.at(0).kind(), StanzaKind::Stream);
    QVERIFY(recording.closed);
    QVERIFY(parser.isClosed());
}

namespace {
// Multi-byte characters (2, 3 and 4 bytes), entities, CRLF, attributes in both quote styles, an empty
// element and a namespaced child: the parts where byte and character offsets part ways.
const QList<QByteArray> richStanzas = {
    "<handshake/>",
    "<message from='j\xc3\xbcrgen@example.com/phone' to=\"bot@comp.example\" type='chat' id='\xe2\x82\xac"
    "1'>"
    "<body>caf\xc3\xa9 &amp; \xf0\x9f\x98\x80 &lt;tag&gt; &#x263A; &quot;q&quot;\r\nline2</body>"
    "<active xmlns='http://jabber.org/protocol/chatstates'/></message>",
    "<iq type='get' id='p1' from='localhost' to='comp.example'><ping xmlns='urn:xmpp:ping'/></iq>",
    "<presence from='x@y' to='comp.example'><status>\xf0\x9f\x98\x80\xf0\x9f\x98\x80</status></presence>",
};
} // namespace

void TestStreamParser::everyChunkBoundaryGivesTheSameResult()
{
    QByteArray stream = serverHeader;
    for (const QByteArray &stanza : richStanzas)
        stream += stanza + " \n";
    stream += "</stream:stream>";
    for (qsizetype first = 1; first < stream.size(); ++first) {
        // Two cuts: at `first` and in the middle of what remains, so that every position is a cut.
        const qsizetype second = first + (stream.size() - first) / 2;
        StreamParser parser;
        Recording recording(parser);
        parser.feed(QByteArrayView(stream).first(first));
        parser.feed(QByteArrayView(stream).sliced(first, second - first));
        parser.feed(QByteArrayView(stream).sliced(second));
        const QByteArray where = "cut at " + QByteArray::number(first) + ": " + recording.error.text.toUtf8();
        QVERIFY2(recording.errors == 0, where.constData());
        QCOMPARE(recording.header.wire, serverHeader);
        QCOMPARE(recording.wires(), richStanzas);
        QVERIFY(recording.closed);
    }
}

void TestStreamParser::byteByByte()
{
    QByteArray stream = serverHeader;
    for (const QByteArray &stanza : richStanzas)
        stream += stanza;
    StreamParser parser;
    Recording recording(parser);
    for (char byte : stream)
        parser.feed(QByteArrayView(&byte, 1));
    QCOMPARE(recording.errors, 0);
    QCOMPARE(recording.wires(), richStanzas);
    QCOMPARE(recording.stanzas.at(1).element().firstChild(u"body").text(),
             u"café & 😀 <tag> ☺ \"q\"\nline2"_s);
}

void TestStreamParser::oneLargeRead_data()
{
    QTest::addColumn<QByteArray>("tail");
    QTest::addColumn<QString>("condition");
    QTest::newRow("clean") << QByteArray("</stream:stream>") << QString();
    QTest::newRow("comment after") << QByteArray("<!-- x -->") << u"restricted-xml"_s;
    QTest::newRow("text after") << QByteArray("oops<message/>") << u"bad-format"_s;
}

// A read of many stanzas is handed to the reader in pieces (see StreamParser::parse()): stanzas and
// multi-byte characters that straddle a piece's edge come out whole, and a violation beyond the first
// piece is still found, after the stanzas before it.
void TestStreamParser::oneLargeRead()
{
    QFETCH(QByteArray, tail);
    QFETCH(QString, condition);
    QList<QByteArray> expected;
    QByteArray stream = serverHeader;
    while (stream.size() < 64 * 1024) {
        for (const QByteArray &stanza : richStanzas) {
            stream += stanza + ' ';
            expected.append(stanza);
        }
    }
    stream += tail;
    StreamParser parser;
    Recording recording(parser);
    parser.feed(stream);
    QCOMPARE(recording.wires(), expected);
    QCOMPARE(recording.error.condition, condition);
    QCOMPARE(recording.closed, condition.isEmpty());
}

void TestStreamParser::whitespaceKeepalivesAreIgnored()
{
    StreamParser parser;
    Recording recording(parser);
    parser.feed(QByteArray(serverHeader + "  \n\t"));
    parser.feed(" ");
    parser.feed("<message from='a@b' to='c@d'/>");
    parser.feed("   ");
    parser.feed("\r\n<presence/> ");
    QCOMPARE(recording.errors, 0);
    QCOMPARE(recording.wires(), (QList<QByteArray>{"<message from='a@b' to='c@d'/>", "<presence/>"}));
    QCOMPARE(parser.pendingBytes(), 0);
}

void TestStreamParser::restrictedXml_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("condition");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("comment between stanzas")
        << serverHeader + "<!-- hello -->" << u"restricted-xml"_s << u"comment"_s;
    QTest::newRow("comment inside stanza")
        << serverHeader + "<message><!-- x --></message>" << u"restricted-xml"_s << u"comment"_s;
    QTest::newRow("processing instruction")
        << serverHeader + "<?evil data?>" << u"restricted-xml"_s << u"evil"_s;
    QTest::newRow("PI inside stanza")
        << serverHeader + "<iq><?php echo 1;?></iq>" << u"restricted-xml"_s << u"php"_s;
    QTest::newRow("DTD before header")
        << QByteArray("<?xml version='1.0'?><!DOCTYPE stream [<!ENTITY x 'y'>]>") + serverHeader.mid(21)
        << u"restricted-xml"_s << u"DTD"_s;
    QTest::newRow("billion laughs")
        << QByteArray("<!DOCTYPE s [<!ENTITY a 'aaaaaaaaaa'><!ENTITY b '&a;&a;&a;&a;&a;&a;&a;&a;'>]>") +
               serverHeader.mid(21) + "<message><body>&b;</body></message>"
        << u"restricted-xml"_s << u"DTD"_s;
    QTest::newRow("undeclared entity")
        << serverHeader + "<message><body>&nbsp;</body></message>" << u"restricted-xml"_s << u"nbsp"_s;
    QTest::newRow("external entity reference")
        << serverHeader + "<message><body>&xxe;</body></message>" << u"restricted-xml"_s << u"xxe"_s;
}

void TestStreamParser::restrictedXml()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, condition);
    QFETCH(QString, mentions);
    const StreamError error = parseAll(bytes);
    QCOMPARE(error.condition, condition);
    QVERIFY2(error.text.contains(mentions), qPrintable(error.text));
}

void TestStreamParser::badInput_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("condition");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("mismatched tags") << serverHeader + "<message><body></message>" << u"not-well-formed"_s
                                     << u"line"_s;
    QTest::newRow("bad attribute") << serverHeader + "<message to=x/>" << u"not-well-formed"_s << QString();
    QTest::newRow("control character")
        << serverHeader + "<message><body>\x01</body></message>" << u"not-well-formed"_s << QString();
    QTest::newRow("unbound prefix") << serverHeader + "<foo:bar/>" << u"not-well-formed"_s << QString();
    QTest::newRow("utf-16 declaration")
        << QByteArray("<?xml version='1.0' encoding='UTF-16'?>") << u"unsupported-encoding"_s << u"UTF-16"_s;
    QTest::newRow("latin-1 declaration")
        << QByteArray("<?xml version='1.0' encoding='ISO-8859-1'?>") + serverHeader.mid(21)
        << u"unsupported-encoding"_s << u"ISO-8859-1"_s;
    QTest::newRow("TLS record") << QByteArray("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03", 11)
                                << u"unsupported-encoding"_s << u"TLS"_s;
    QTest::newRow("wrong stream namespace")
        << QByteArray("<stream:stream xmlns='jabber:component:accept' xmlns:stream='urn:wrong' id='1'>")
        << u"invalid-namespace"_s << u"urn:wrong"_s;
    QTest::newRow("client namespace")
        << QByteArray(
               "<stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams' id='1'>")
        << u"invalid-namespace"_s << u"client (c2s) port"_s;
    QTest::newRow("not a stream") << QByteArray("<html><body>") << u"bad-format"_s << u"<html>"_s;
    QTest::newRow("second stream header")
        << serverHeader + serverHeader.mid(21) << u"bad-format"_s << u"second stream header"_s;
    QTest::newRow("text between stanzas")
        << serverHeader + "hello<message/>" << u"bad-format"_s << u"hello"_s;
}

void TestStreamParser::badInput()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, condition);
    QFETCH(QString, mentions);
    const StreamError error = parseAll(bytes);
    QCOMPARE(error.condition, condition);
    QVERIFY2(error.text.contains(mentions), qPrintable(error.text));
}

void TestStreamParser::invalidUtf8InFirstChunk()
{
    const StreamError error = parseAll(serverHeader + "<message><body>caf\xe9</body></message>");
    QCOMPARE(error.condition, u"unsupported-encoding"_s);
    QVERIFY2(error.text.contains(QString::number(serverHeader.size() + 18)), qPrintable(error.text));
}

void TestStreamParser::invalidUtf8InLaterChunk()
{
    // On Qt 6.4 this is the case where QXmlStreamReader alone stalls for ever.
    StreamParser parser;
    Recording recording(parser);
    parser.feed(QByteArray(serverHeader + "<message><body>ok</body></message>"));
    QCOMPARE(recording.stanzas.size(), 1);
    parser.feed("<message><body>\xff\xfe</body></message>");
    QCOMPARE(recording.errors, 1);
    QCOMPARE(recording.error.condition, u"unsupported-encoding"_s);
    QVERIFY(parser.hasFailed());
}

void TestStreamParser::invalidUtf8SplitAcrossChunks()
{
    StreamParser parser;
    Recording recording(parser);
    parser.feed(QByteArray(serverHeader + "<message><body>\xe2\x82"));
    QCOMPARE(recording.errors, 0); // an incomplete character is not yet an error
    parser.feed("A</body></message>");
    QCOMPARE(recording.error.condition, u"unsupported-encoding"_s);
}

void TestStreamParser::validCharacterSplitAcrossChunks()
{
    StreamParser parser;
    Recording recording(parser);
    parser.feed(QByteArray(serverHeader + "<message><body>\xe2\x82"));
    parser.feed("\xac</body></message>");
    QCOMPARE(recording.errors, 0);
    QCOMPARE(recording.stanzas.size(), 1);
    QCOMPARE(recording.stanzas.first().element().firstChild(u"body").text(), u"€"_s);
}

void TestStreamParser::oversizeStanza()
{
    StreamParser parser;
    parser.setLimits({1024, 100});
    Recording recording(parser);
    parser.feed(QByteArray(serverHeader + "<message><body>"));
    for (int i = 0; i < 10 && recording.errors == 0; ++i)
        parser.feed(QByteArray(200, 'x'));
    QCOMPARE(recording.error.condition, u"policy-violation"_s);
    QVERIFY2(recording.error.text.contains(u"1024"), qPrintable(recording.error.text));
    QVERIFY(recording.stanzas.isEmpty());
}

void TestStreamParser::endlessStartTag()
{
    StreamParser parser;
    parser.setLimits({1024, 100});
    Recording recording(parser);
    parser.feed(QByteArray(serverHeader + "<message to='"));
    parser.feed(QByteArray(2000, 'a'));
    QCOMPARE(recording.error.condition, u"policy-violation"_s);
}

void TestStreamParser::stanzaAtTheLimitPasses()
{
    const QByteArray open = "<message><body>";
    const QByteArray close = "</body></message>";
    const QByteArray stanza = open + QByteArray(1024 - open.size() - close.size(), 'x') + close;
    QCOMPARE(stanza.size(), 1024);
    StreamParser parser;
    parser.setLimits({1024, 100});
    Recording recording(parser);
    parser.feed(serverHeader);
    parser.feed(stanza);
    parser.feed(QByteArray(stanza + stanza)); // the limit is per stanza, not per read
    QCOMPARE(recording.errors, 0);
    QCOMPARE(recording.stanzas.size(), 3);
}

void TestStreamParser::readerErrorsSayWhere()
{
    StreamParser parser;
    Recording recording(parser);
    parser.feed(QByteArray(serverHeader + "\n<message>\n  <body>x</bodx>"));
    QCOMPARE(recording.error.condition, u"not-well-formed"_s);
    QCOMPARE(recording.error.line, 3);
    QVERIFY2(recording.error.column > 2, qPrintable(QString::number(recording.error.column)));
    // Errors of xcm's own checks have no reader position.
    QCOMPARE(parseAll(QByteArray(serverHeader + "<!-- c -->")).line, 0);
}

void TestStreamParser::stanzaOverTheLimitInOneRead_data()
{
    QTest::addColumn<bool>("withHeader");
    QTest::addColumn<QByteArray>("before");
    QTest::newRow("header and stanza in one read") << true << QByteArray();
    QTest::newRow("stanza alone in its read") << false << QByteArray();
    QTest::newRow("after a keepalive, in one read") << false << QByteArray("   ");
}

void TestStreamParser::stanzaOverTheLimitInOneRead()
{
    QFETCH(bool, withHeader);
    QFETCH(QByteArray, before);
    const QByteArray open = "<message><body>";
    const QByteArray close = "</body></message>";
    const QByteArray stanza = open + QByteArray(1025 - open.size() - close.size(), 'x') + close;
    StreamParser parser;
    parser.setLimits({1024, 100});
    Recording recording(parser);
    if (!withHeader)
        parser.feed(serverHeader);
    parser.feed(QByteArray((withHeader ? serverHeader : QByteArray()) + before + stanza));
    QCOMPARE(recording.error.condition, u"policy-violation"_s);
    QVERIFY2(recording.error.text.contains(u"1025"), qPrintable(recording.error.text));
    QVERIFY(recording.stanzas.isEmpty());
}

void TestStreamParser::nestingLimit()
{
    const auto nested = [](int depth) {
        QByteArray xml;
        for (int i = 0; i < depth; ++i)
            xml += "<x>";
        for (int i = 0; i < depth; ++i)
            xml += "</x>";
        return xml;
    };
    StreamParser parser;
    parser.setLimits({512 * 1024, 10});
    Recording recording(parser);
    parser.feed(QByteArray(serverHeader + nested(10)));
    QCOMPARE(recording.errors, 0);
    QCOMPARE(recording.stanzas.size(), 1);
    parser.feed(nested(11));
    QCOMPARE(recording.error.condition, u"policy-violation"_s);
    QVERIFY(recording.error.text.contains(u"10 levels"));
}

void TestStreamParser::deepNestingFailsFast()
{
    QByteArray deep;
    for (int i = 0; i < 20000; ++i)
        deep += "<a>";
    const StreamError error = parseAll(serverHeader + deep);
    QCOMPARE(error.condition, u"policy-violation"_s);
}

void TestStreamParser::inputAfterFailureIsIgnored()
{
    StreamParser parser;
    Recording recording(parser);
    parser.feed(QByteArray(serverHeader + "<!-- x -->"));
    parser.feed("<message/>");
    QCOMPARE(recording.errors, 1);
    QVERIFY(recording.stanzas.isEmpty());
}

void TestStreamParser::pendingBytesTellsMidStanza()
{
    StreamParser parser;
    Recording recording(parser);
    parser.feed(QByteArray(serverHeader + "<message/>  "));
    QCOMPARE(parser.pendingBytes(), 0);
    parser.feed("<message><bo");
    QCOMPARE(parser.pendingBytes(), 12);
}

void TestStreamParser::resetStartsANewStream()
{
    StreamParser parser;
    Recording recording(parser);
    parser.feed(QByteArray(serverHeader + "<!-- x -->"));
    QVERIFY(parser.hasFailed());
    parser.reset();
    QVERIFY(!parser.hasFailed());
    parser.feed(QByteArray(serverHeader + "<handshake/>"));
    QCOMPARE(recording.headers, 2);
    QCOMPARE(recording.wires(), QList<QByteArray>{"<handshake/>"});
}

QTEST_GUILESS_MAIN(TestStreamParser)
namespace {

// What a parser made of a stream given as the header alone, then `chunks`: every stanza with its name,
// namespace and the attributes asked for, then the close or the refusal with its position.
QStringList describe(const QList<QByteArray> &chunks, bool scanner, StreamParser::Limits limits)
{
    StreamParser parser;
    parser.setLimits(limits);
    parser.setScannerEnabled(scanner);
    Recording recording(parser);
    parser.feed(serverHeader);
    for (const QByteArray &chunk : chunks)
        parser.feed(chunk);
    QStringList description;
    for (const Stanza &stanza : recording.stanzas) {
        description += QString::fromUtf8(stanza.wire()) + u" name=" + stanza.name() + u" ns=" +
                       stanza.namespaceUri() + u" from=" + stanza.from() + u" id=" + stanza.id() + u" lang=" +
                       stanza.attribute(u"xml:lang") + u" xmlns=" + stanza.attribute(u"xmlns");
    }
    if (recording.closed)
        description += u"closed"_s;
    if (recording.errors) {
        description += u"%1 at %2:%3 pending %4"_s.arg(recording.error.condition)
                           .arg(recording.error.line)
                           .arg(recording.error.column)
                           .arg(parser.pendingBytes());
    }
    return description;
}

QList<QByteArray> cut(const QByteArray &bytes, qsizetype size)
{
    QList<QByteArray> chunks;
    for (qsizetype from = 0; from < bytes.size(); from += size)
        chunks.append(bytes.mid(from, size));
    return chunks;
}

} // namespace

void TestStreamParser::scannerAgreesWithTheReader_data()
{
    QTest::addColumn<QByteArray>("stanzas");
    const QByteArray plain = "<message from='a@b/r' to='bot@comp.example' type=\"chat\" id='m1'>"
                             "<body>1 &lt; 2 &amp;&amp; &apos;x&apos; ]] &gt; é 😀</body>"
                             "<active xmlns='http://jabber.org/protocol/chatstates'/></message>";
    QTest::newRow("plain, entities, UTF-8") << plain + "\n " + plain;
    QTest::newRow("decoded attributes") << QByteArray("<message id='a&amp;b&lt;c&quot;' from=\"x&apos;y\" "
                                                      "xml:lang='de'/><presence id='tab\there\nline'/>");
    QTest::newRow("own namespace") << QByteArray("<iq xmlns='jabber:client' type='get' id='v'>"
                                                 "<query xmlns='jabber:iq:version'/></iq><iq id='w'/>");
    QTest::newRow("a prefix, then plain again")
        << QByteArray("<message id='p'><x:y xmlns:x='urn:x'/></message>") + plain;
    QTest::newRow("character reference")
        << QByteArray("<message id='&#65;&#x42;'><body>&#169;</body></message>");
    QTest::newRow("carriage return in a value") << QByteArray("<message id='a\r\nb'/>") + plain;
    QTest::newRow("non-ASCII name") << QByteArray("<message><n\xC3\xA4me/></message>") + plain;
    QTest::newRow("stream error") << QByteArray(
        "<stream:error><conflict "
        "xmlns='urn:ietf:params:xml:ns:xmpp-streams'/></stream:error>");
    QTest::newRow("close") << plain + "</stream:stream>";
    QTest::newRow("U+FFFF in text") << plain + "<message><body>\xEF\xBF\xBF</body></message>";
    QTest::newRow("control character") << plain + "<message><body>\x02</body></message>";
    QTest::newRow("repeated attribute") << plain + "<message id='1' id='2'/>";
    QTest::newRow("attributes run together") << plain + "<message id='1'to='2'/>";
    QTest::newRow("unquoted attribute") << plain + "<message id=1/>";
    QTest::newRow("lone ampersand") << plain + "<message><body>a & b</body></message>";
    QTest::newRow("unknown entity") << plain + "<message><body>&nbsp;</body></message>";
    QTest::newRow("mismatch after lines")
        << plain + "\n\n  " + plain + "\n <message>\n  <body>x</bodx></message>";
    QTest::newRow("mismatch on the first line") << plain + " <message><body>\xC3\xA9x</bodx>";
    QTest::newRow("text between stanzas") << plain + " hello " + plain;
    QTest::newRow("cdata end in text") << plain + "<message><body>a]]>b</body></message>";
    QTest::newRow("too deep") << QByteArray("<a><b><c><d/></c></b></a>");
    QTest::newRow("deep enough") << QByteArray("<a><b><c/></b></a>");
    QTest::newRow("too many attributes") << QByteArray("<a w='1' x='2' y='3' z='4'/>");
    QTest::newRow("too big") << QByteArray("<message><body>") + QByteArray(400, 'x') + "</body></message>";
    QTest::newRow("xml namespace as default")
        << QByteArray("<a xmlns='http://www.w3.org/XML/1998/namespace'/>");
    // Found by fuzz_streamparser: the reader turns a line break in a namespace into a space.
    QTest::newRow("line break in a namespace")
        << QByteArray("<ping xmlns='urn:xmpp:p\n\ning'/><iq xmlns='a&amp;b'/>") + plain;
    QTest::newRow("empty default namespace") << QByteArray("<a xmlns=''/>") + plain;
}

// Found by fuzz_streamparser: the reader let a NUL pass when an unfinished processing instruction
// followed it in the same read, and refused it when the two came in separate reads. A character XML
// forbids is refused where it is, however the bytes arrive.
void TestStreamParser::forbiddenCharacterRefusedInAnyChunking()
{
    const QByteArray stanzas =
        "<message/><message><body>x]]]" + QByteArray(1, '\0') + "]]]xx<?xml versionx=xx'x1";
    for (const bool scanner : {true, false}) {
        for (const qsizetype size : {stanzas.size(), qsizetype(31), qsizetype(7), qsizetype(1)}) {
            const QStringList description = describe(cut(stanzas, size), scanner, {});
            QCOMPARE(description.size(), 2);
            QVERIFY(description.first().startsWith(u"<message/> name=message"));
            QVERIFY2(description.last().startsWith(u"not-well-formed at "), qPrintable(description.last()));
        }
    }
}

// isError() reads type='error' in place from the scanned bytes and from the reader's attributes alike:
// an entity in the value still counts (a character reference, or a value compared decoded), another
// attribute or a longer value does not.
void TestStreamParser::errorTypeIsReadWhereverTheAttributesAre()
{
    // One read each: after a stanza the scanner leaves to the reader (the character reference), the
    // reader keeps the rest of that read.
    const QList<QByteArray> stanzas = {
        "<iq type='error' id='1'/>",
        "<message type=\"&#101;rror\"/>",
        "<iq type='errors'/>",
        "<iq type='get' id='error' to='a&amp;b'/>",
        "<presence typo='error'/>",
        "<message type='Error'/>",
        "<stream:error><conflict xmlns='urn:ietf:params:xml:ns:xmpp-streams'/></stream:error>"};
    const QList<bool> expected = {true, true, false, false, false, false, true};
    for (const bool scanner : {true, false}) {
        StreamParser parser;
        parser.setScannerEnabled(scanner);
        Recording recording(parser);
        parser.feed(serverHeader);
        for (const QByteArray &stanza : stanzas)
            parser.feed(stanza);
        QCOMPARE(recording.stanzas.size(), expected.size());
        for (qsizetype at = 0; at < expected.size(); ++at) {
            const Stanza &stanza = recording.stanzas.at(at);
            QVERIFY2(stanza.isError() == expected.at(at), stanza.wire().constData());
            QCOMPARE(stanza.attributeIs("type"_L1, "error"_L1), expected.at(at) && !stanza.isStreamError());
        }
        QVERIFY(recording.stanzas.at(3).attributeIs("id"_L1, "error"_L1));
        QVERIFY(recording.stanzas.at(3).attributeIs("to"_L1, "a&b"_L1));
        QVERIFY(!recording.stanzas.at(3).attributeIs("to"_L1, "a&amp;b"_L1));
    }
}

void TestStreamParser::scannerAgreesWithTheReader()
{
    QFETCH(QByteArray, stanzas);
    StreamParser::Limits limits;
    if (QByteArray(QTest::currentDataTag()).startsWith("too") || QTest::currentDataTag() == "deep enough"_ba)
        limits = {300, 3, 3};
    for (const qsizetype size : {stanzas.size(), qsizetype(7), qsizetype(1)}) {
        const QStringList reader = describe(cut(stanzas, size), false, limits);
        const QStringList scanned = describe(cut(stanzas, size), true, limits);
        QCOMPARE(scanned, reader);
    }
}

#include "tst_streamparser.moc"
