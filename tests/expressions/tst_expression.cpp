// SPDX-License-Identifier: GPL-3.0-or-later
// The expression language: every field and operator, every error with its position, the bound on
// regular expressions, and that cheap fields never parse the stanza.
#include "expression.h"
#include "expressionfields.h"
#include "stanzas.h"

#include <QElapsedTimer>
#include <QTest>

using namespace xcm;
using namespace Qt::StringLiterals;

namespace {

// A stanza as the connection delivers it, received or (passed on) sent.
Stanza parsed(const QString &xml, Direction direction = Direction::Received)
{
    const Stanza stanza = receivedStanza(xml);
    return direction == Direction::Received ? stanza : stanza.passedOn(Direction::Sent, 0);
}

const QString chat = u"<message from='Alice@Example.org/Phone' to='bot@comp.example' type='chat' id='m1'>"
                     "<body>order #1234 &amp; fish</body>"
                     "<active xmlns='http://jabber.org/protocol/chatstates'/></message>"_s;
const QString discoGet =
    u"<iq type='get' id='q1' from='bob@example.net/pc' to='comp.example'>"
    "<query xmlns='http://jabber.org/protocol/disco#info' node='http://x/caps#abc'/></iq>"_s;
const QString itemNotFound =
    u"<iq type='error' id='q2' from='comp.example' to='bob@example.net/pc'>"
    "<query xmlns='jabber:iq:roster'><item jid='carol@example.org' name='Carol'/>"
    "<item jid='dave@example.org'/></query>"
    "<error type='cancel'><item-not-found xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/>"
    "<text xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'>gone</text></error></iq>"_s;
const QString presence = u"<presence from='eve@example.com/laptop' to='bot@comp.example'/>"_s;

} // namespace

class TestExpression : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void evaluate_data();
    void evaluate();
    void errors_data();
    void errors();
    void emptyMatchesEverything();
    void cheapFieldsDoNotParse();
    void wireAttributesAsTheParserSeesThem_data();
    void wireAttributesAsTheParserSeesThem();
    void catastrophicRegexIsBounded();
    void everyCompletionIsAField();
};

void TestExpression::evaluate_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<QString>("xml");
    QTest::addColumn<bool>("sent");
    QTest::addColumn<bool>("automatic");
    QTest::addColumn<bool>("expected");

    const auto row = [](const char *name, const QString &expression, const QString &xml, bool expected,
                        bool sent = false, bool automatic = false) {
        QTest::newRow(name) << expression << xml << sent << automatic << expected;
    };
    // dir and kind, any case, with their synonyms
    row("dir in", u"dir == in"_s, chat, true);
    row("dir out on received", u"dir == out"_s, chat, false);
    row("dir sent", u"dir == SENT"_s, chat, true, true);
    row("dir != in", u"dir != in"_s, chat, true, true);
    row("kind message", u"kind == message"_s, chat, true);
    row("kind iq", u"kind == 'iq'"_s, discoGet, true);
    row("kind presence !=", u"kind != presence"_s, presence, false);
    // type, id
    row("type ==", u"type == chat"_s, chat, true);
    row("type is case-sensitive", u"type == Chat"_s, chat, false);
    row("type missing", u"type"_s, presence, false);
    row("type present", u"type"_s, chat, true);
    row("not type", u"not type"_s, presence, true);
    row("type empty string", u"type == ''"_s, presence, true);
    row("id startswith", u"id startswith m"_s, chat, true);
    row("id contains", u"id contains '1'"_s, chat, true);
    row("id ~", u"id ~ '^q[0-9]$'"_s, discoGet, true);
    // addresses: local part and domain ignore case, the resource does not
    row("from full", u"from == 'alice@example.org/Phone'"_s, chat, true);
    row("from full bare", u"from == alice@example.org"_s, chat, false);
    row("from resource case", u"from == 'alice@example.org/phone'"_s, chat, false);
    row("from !=", u"from != 'alice@example.org/Phone'"_s, chat, false);
    row("from bare value glued", u"from == ALICE@EXAMPLE.ORG/Phone"_s, chat, true);
    row("from startswith bare", u"from startswith 'alice@exa'"_s, chat, true);
    row("from startswith resource", u"from startswith 'alice@example.org/Ph'"_s, chat, true);
    row("from startswith resource case", u"from startswith 'alice@example.org/ph'"_s, chat, false);
    row("from contains ignores case", u"from contains PHONE"_s, chat, true);
    row("from ~ sees lower case", u"from ~ '^alice@example\\.org/Phone$'"_s, chat, true);
    row("from ~ upper case misses", u"from ~ 'Alice'"_s, chat, false);
    row("from.bare", u"from.bare == alice@example.org"_s, chat, true);
    row("from.domain", u"from.domain == EXAMPLE.org"_s, chat, true);
    row("from.local", u"from.local == alice"_s, chat, true);
    row("from.local none", u"from.local"_s, itemNotFound, false);
    row("from.resource", u"from.resource == Phone"_s, chat, true);
    row("from.resource case", u"from.resource == phone"_s, chat, false);
    row("from.resource none", u"not from.resource"_s, itemNotFound, true);
    row("from.domain ~ lower", u"from.domain ~ '^example\\.org$'"_s, chat, true);
    row("to", u"to == comp.example"_s, discoGet, true);
    row("to.bare", u"to.bare == bot@comp.example"_s, chat, true);
    row("to.domain", u"to.domain == comp.example"_s, chat, true);
    row("to.local", u"to.local startswith b"_s, chat, true);
    row("to.resource", u"to.resource == pc"_s, itemNotFound, true);
    // body (entities decoded), with and without the needle in the bytes
    row("body contains", u"body contains '#1234'"_s, chat, true);
    row("body contains decoded &", u"body contains '& fish'"_s, chat, true);
    row("body contains missing", u"body contains 'chips'"_s, chat, false);
    row("body ==", u"body == 'order #1234 & fish'"_s, chat, true);
    row("body != missing", u"body != 'chips'"_s, chat, true);
    row("body != same", u"body != 'order #1234 & fish'"_s, chat, false);
    row("body ~", u"body ~ '#[0-9]{4}'"_s, chat, true);
    row("body ~ ignore case", u"body ~ '(?i)ORDER'"_s, chat, true);
    row("body startswith", u"body startswith order"_s, chat, true);
    row("body exists", u"body"_s, chat, true);
    row("no body", u"body"_s, presence, false);
    row("no body == ''", u"body == ''"_s, presence, true);
    row("body char reference", u"body contains 'chips'"_s,
        u"<message from='a@b' to='c@d'><body>fish &#38; c&#104;ips</body></message>"_s, true);
    row("body cdata", u"body contains 'chips'"_s,
        u"<message from='a@b' to='c@d'><body>fish <![CDATA[& ch]]>ips</body></message>"_s, true);
    row("nested body is not the body", u"body"_s,
        u"<message from='a@b' to='c@d'><forwarded xmlns='urn:xmpp:forward:0'><message "
        "xmlns='jabber:client'><body>hi</body></message></forwarded></message>"_s,
        false);
    // ns: any element inside; != means none
    row("ns ==", u"ns == 'http://jabber.org/protocol/chatstates'"_s, chat, true);
    row("ns nested", u"ns == 'urn:ietf:params:xml:ns:xmpp-stanzas'"_s, itemNotFound, true);
    row("ns != when present", u"ns != 'http://jabber.org/protocol/chatstates'"_s, chat, false);
    row("ns != when absent", u"ns != 'urn:xmpp:ping'"_s, chat, true);
    row("ns startswith", u"ns startswith 'http://jabber.org/protocol/disco'"_s, discoGet, true);
    row("ns ~", u"ns ~ 'disco#(info|items)$'"_s, discoGet, true);
    row("ns exists", u"ns"_s, presence, false);
    // error
    row("error ==", u"error == item-not-found"_s, itemNotFound, true);
    row("error is not text", u"error == text"_s, itemNotFound, false);
    row("error none", u"error"_s, chat, false);
    row("error exists", u"error"_s, itemNotFound, true);
    row("stream error", u"error == conflict"_s,
        u"<stream:error><conflict xmlns='urn:ietf:params:xml:ns:xmpp-streams'/></stream:error>"_s, true);
    // size: bytes on the wire
    row("size >", u"size > 100"_s, chat, true);
    row("size <", u"size < 100"_s, chat, false);
    row("size <=", u"size <= %1"_s.arg(chat.toUtf8().size()), chat, true);
    row("size >=", u"size >= %1"_s.arg(chat.toUtf8().size() + 1), chat, false);
    row("size ==", u"size == %1"_s.arg(presence.toUtf8().size()), presence, true);
    row("size !=", u"size != '%1'"_s.arg(presence.toUtf8().size()), presence, false);
    // auto
    row("auto set", u"auto"_s, chat, true, true, true);
    row("auto unset", u"auto"_s, chat, false, true, false);
    row("auto == false", u"auto == false"_s, chat, true);
    row("auto != yes", u"auto != yes"_s, chat, false, true, true);
    // has(): elements by local name, attributes, the namespace as @xmlns, text
    row("has child", u"has(query)"_s, discoGet, true);
    row("has missing child", u"has(ping)"_s, discoGet, false);
    row("has attribute", u"has(query@node)"_s, discoGet, true);
    row("has missing attribute", u"has(query@ver)"_s, discoGet, false);
    row("has attribute ==", u"has(query@node == 'http://x/caps#abc')"_s, discoGet, true);
    row("has attribute startswith", u"has(query@node startswith 'http://x/')"_s, discoGet, true);
    row("has xmlns", u"has(query@xmlns == 'http://jabber.org/protocol/disco#info')"_s, discoGet, true);
    row("has xmlns other", u"has(query@xmlns == 'jabber:iq:roster')"_s, discoGet, false);
    row("has path", u"has(query/item@jid == 'dave@example.org')"_s, itemNotFound, true);
    row("has path ~", u"has(query/item@jid ~ '^carol@')"_s, itemNotFound, true);
    row("has path != means one differs", u"has(query/item@jid != 'dave@example.org')"_s, itemNotFound, true);
    row("has wildcard", u"has(*/item@name contains Car)"_s, itemNotFound, true);
    row("has text", u"has(error/text == gone)"_s, itemNotFound, true);
    row("has text contains", u"has(body contains '1234')"_s, chat, true);
    row("has spaces in path", u"has( query / item @ name )"_s, itemNotFound, true);
    // logic, precedence, both spellings
    row("and", u"kind == message and type == chat"_s, chat, true);
    row("&&", u"kind == message && type == groupchat"_s, chat, false);
    row("or", u"type == groupchat or type == chat"_s, chat, true);
    row("||", u"type == groupchat || id == m1"_s, chat, true);
    row("not", u"not kind == iq"_s, chat, true);
    row("!", u"!(kind == message)"_s, chat, false);
    row("and before or", u"kind == iq and type == get or kind == message"_s, chat, true);
    row("parentheses", u"kind == iq and (type == get or kind == message)"_s, chat, false);
    row("not not", u"not not body"_s, chat, true);
    row("keywords any case", u"KIND == message AND NOT type == error"_s, chat, true);
    row("double quotes", u"body contains \"#1234 &\""_s, chat, true);
    row("escaped quote", u"body contains 'it\\'s'"_s,
        u"<message from='a@b' to='c@d'><body>it's</body></message>"_s, true);
    row("backslash kept", u"body ~ '\\d{4}'"_s, chat, true);
    row("multi-line", u"kind == message\n  and body"_s, chat, true);
}

void TestExpression::evaluate()
{
    QFETCH(QString, expression);
    QFETCH(QString, xml);
    QFETCH(bool, sent);
    QFETCH(bool, automatic);
    QFETCH(bool, expected);
    ExpressionError error;
    const Expression compiled = Expression::compile(expression, &error);
    QVERIFY2(compiled.isValid(), qPrintable(error.toString()));
    // The three ways a stanza reaches an expression must agree: from the parser (tree parsed
    // lazily), with its tree known, and as bare wire bytes (a log row).
    const Stanza stanza = parsed(xml, sent ? Direction::Sent : Direction::Received);
    QCOMPARE(compiled.matches(stanza, automatic), expected);
    const Stanza withTree(stanza.direction(), 0, stanza.wire(), XmlElement::parse(stanza.wire()));
    QCOMPARE(compiled.matches(withTree, automatic), expected);
    StanzaView wireOnly(stanza.direction(), stanza.kind(), stanza.wire(), automatic);
    QCOMPARE(compiled.matches(wireOnly), expected);
    QVERIFY(compiled.evaluationError().isNull());
}

void TestExpression::errors_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<QString>("error");
    const auto row = [](const QString &expression, const QString &error) {
        QTest::newRow(qPrintable(expression)) << expression << error;
    };
    // scanner
    row(u"body contains 'abc"_s, u"1:15: the string is not closed (a ' is missing)"_s);
    row(u"body == \"x"_s, u"1:9: the string is not closed (a \" is missing)"_s);
    row(u"type = chat"_s, u"1:6: '=' is not an operator: write '=='"_s);
    row(u"body & type"_s, u"1:6: '&' is not an operator: write '&&' or 'and'"_s);
    row(u"body | type"_s, u"1:6: '|' is not an operator: write '||' or 'or'"_s);
    row(u"body contains [x]"_s, u"1:15: unexpected character '[' (quote values that are not simple words)"_s);
    // grammar
    row(u"from.bare =="_s, u"1:13: expected a value after '=='"_s);
    row(u"type == and body"_s, u"1:9: expected a value after '=='"_s);
    row(u"body contains )"_s, u"1:15: expected a value after 'contains'"_s);
    row(u"== chat"_s, u"1:1: expected a field, has(…), 'not' or '('"_s);
    row(u"kind == iq and"_s, u"1:15: expected a field, has(…), 'not' or '(' after 'and'"_s);
    row(u"kind == iq or or"_s, u"1:15: expected a field, has(…), 'not' or '(' after 'or'"_s);
    row(u"not"_s, u"1:4: expected a field, has(…), 'not' or '(' after 'not'"_s);
    row(u"()"_s, u"1:2: expected a field, has(…), 'not' or '(' after '('"_s);
    row(u"type chat"_s,
        u"1:6: expected an operator after 'type' (==, !=, ~, contains, startswith, <, <=, >, >=)"_s);
    row(u"kind == iq type == get"_s, u"1:12: expected 'and', 'or' or the end of the expression"_s);
    row(u"kind == iq)"_s, u"1:11: ')' has no matching '('"_s);
    row(u"(kind == iq"_s, u"1:12: expected 'and', 'or' or ')' to close the '(' at 1:1"_s);
    row(u"body and (kind == iq type"_s, u"1:22: expected 'and', 'or' or ')' to close the '(' at 1:10"_s);
    row(u"has query"_s, u"1:5: expected '(' after 'has'"_s);
    row(u"has()"_s, u"1:5: expected an element name after 'has('"_s);
    row(u"has(query/)"_s, u"1:11: expected an element name after '/'"_s);
    row(u"has(query@)"_s, u"1:11: expected an attribute name after '@'"_s);
    row(u"has(query@node 'x')"_s, u"1:16: expected an operator or ')' after 'query@node'"_s);
    row(u"has(query@node == x"_s, u"1:20: expected ')' to close the 'has(' at 1:1"_s);
    row(u"has(query == )"_s, u"1:14: expected a value after '=='"_s);
    // fields and values
    row(u"frm == x"_s, u"1:1: unknown field 'frm' (did you mean 'from'?)"_s);
    row(u"kind == iq and sender == x"_s,
        u"1:16: unknown field 'sender' (fields: dir, kind, type, from, from.bare, from.domain, from.local, "
        "from.resource, to, to.bare, to.domain, to.local, to.resource, id, body, ns, error, size, auto)"_s);
    row(u"dir"_s, u"1:1: 'dir' needs a comparison, e.g. dir == in"_s);
    row(u"not kind"_s, u"1:5: 'kind' needs a comparison, e.g. kind == message"_s);
    row(u"size"_s, u"1:1: 'size' needs a comparison, e.g. size > 1000"_s);
    row(u"dir == up"_s, u"1:8: dir is in or out, not 'up'"_s);
    row(u"dir contains in"_s, u"1:5: 'dir' can only be compared with == or !="_s);
    row(u"kind == msg"_s, u"1:9: kind is message, presence, iq, stream or other, not 'msg'"_s);
    row(u"kind < 3"_s, u"1:6: 'kind' can only be compared with == or !="_s);
    row(u"auto == maybe"_s, u"1:9: auto is true or false, not 'maybe'"_s);
    row(u"size > big"_s, u"1:8: expected a number of bytes after '>', not 'big'"_s);
    row(u"size >= -1"_s, u"1:9: expected a number of bytes after '>=', not '-1'"_s);
    row(u"size contains 1"_s, u"1:6: size is a number: compare it with ==, !=, <, <=, > or >="_s);
    row(u"size ~ 1"_s, u"1:6: size is a number: compare it with ==, !=, <, <=, > or >="_s);
    row(u"from < x"_s, u"1:6: '<' compares numbers: only size can be used with it"_s);
    row(u"has(query@node >= 2)"_s, u"1:16: '>=' compares numbers: only size can be used with it"_s);
    // regular expressions: checked now, the column points into the pattern
    row(u"body ~ 'a(b'"_s, u"1:12: invalid regular expression: missing closing parenthesis"_s);
    row(u"body ~ 'it\\'s (x'"_s, u"1:17: invalid regular expression: missing closing parenthesis"_s);
    row(u"body ~ '(*LIMIT_MATCH=99999999)a'"_s, u"1:9: a regular expression cannot set its own (*LIMIT_…)"_s);
    row(u"has(x ~ '[')"_s, u"1:11: invalid regular expression: missing terminating ] for character class"_s);
    // positions on later lines
    row(u"kind == iq\nand tipe == get"_s, u"2:5: unknown field 'tipe' (did you mean 'type'?)"_s);
}

void TestExpression::errors()
{
    QFETCH(QString, expression);
    QFETCH(QString, error);
    ExpressionError problem;
    const Expression compiled = Expression::compile(expression, &problem);
    QVERIFY(!compiled.isValid());
    QCOMPARE(problem.toString(), error);
    QVERIFY(problem.offset >= 0 && problem.offset <= expression.size());
    // Nothing half-applied: an invalid expression matches nothing.
    QVERIFY(!compiled.matches(parsed(chat)));
}

void TestExpression::emptyMatchesEverything()
{
    for (const QString &text : {QString(), u"  \n "_s}) {
        ExpressionError error;
        const Expression empty = Expression::compile(text, &error);
        QVERIFY(error.isNull());
        QVERIFY(empty.isValid());
        QVERIFY(empty.isEmpty());
        QVERIFY(empty.matches(parsed(presence)));
    }
    QVERIFY(Expression().matches(parsed(chat)));
}

void TestExpression::cheapFieldsDoNotParse()
{
    const QByteArray wire = parsed(chat).wire();
    const auto parses = [&wire](const QString &text) {
        const Expression expression = Expression::compile(text);
        Q_ASSERT(expression.isValid());
        StanzaView view(Direction::Received, StanzaKind::Message, wire);
        expression.matches(view);
        return view.isTreeParsed();
    };
    QVERIFY(!parses(u"dir == in and kind == message and type == chat and from.domain == example.org and "
                    "to == bot@comp.example and id == m1 and size > 10 and not auto"_s));
    QVERIFY(!parses(u"error == item-not-found"_s));           // not an error stanza: nothing to parse for
    QVERIFY(!parses(u"body contains 'lobster'"_s));           // not in the bytes: not in the body
    QVERIFY(!parses(u"has(query@node == 'x')"_s));            // no "query" in the bytes
    QVERIFY(!parses(u"kind == iq and body contains fish"_s)); // the cheap side first
    QVERIFY(parses(u"body contains 'fish'"_s));
    QVERIFY(parses(u"ns == 'urn:xmpp:ping'"_s));
    QVERIFY(Expression::compile(u"body"_s).needsElement());
    QVERIFY(!Expression::compile(u"from.bare == x and size < 3"_s).needsElement());
}

void TestExpression::wireAttributesAsTheParserSeesThem_data()
{
    QTest::addColumn<QString>("xml");
    QTest::newRow("plain") << chat;
    QTest::newRow("entities")
        << u"<message from='a&amp;b@x/&lt;r&gt;' to=\"&quot;q&quot;@x\" id='&apos;'/>"_s;
    QTest::newRow("character references") << u"<message from='&#x61;&#98;@x' id='t&#9;ab' to='a@b'/>"_s;
    QTest::newRow("white space normalized")
        << u"<message from='a@b' id='one\ttwo\nthree\r\nfour' to='a@b'/>"_s;
    QTest::newRow("> inside a value")
        << u"<iq id='a>b' type='get' from='x@y' to='y'><ping xmlns='urn:xmpp:ping'/></iq>"_s;
    QTest::newRow("unicode") << u"<message from='jürgen@exämple.de/☃' to='a@b' id='é'/>"_s;
    QTest::newRow("namespaced attribute first")
        << u"<message xml:lang='en' xmlns='jabber:component:accept' type='chat' from='a@b' to='c@d'/>"_s;
}

void TestExpression::wireAttributesAsTheParserSeesThem()
{
    QFETCH(QString, xml);
    const Stanza stanza = parsed(xml);
    StanzaView view(Direction::Received, stanza.kind(), stanza.wire());
    QCOMPARE(view.from(), stanza.from());
    QCOMPARE(view.to(), stanza.to());
    QCOMPARE(view.id(), stanza.id());
    QCOMPARE(view.type(), stanza.type());
    QVERIFY(!view.isTreeParsed());
}

void TestExpression::catastrophicRegexIsBounded()
{
    // (a+)+$ against "aaaa…a!" backtracks exponentially: without the bound one search takes minutes.
    const QString evil = u"<message from='a@b' to='c@d'><body>%1!</body></message>"_s.arg(QString(40, u'a'));
    const Stanza stanza = parsed(evil);
    ExpressionError error;
    const Expression expression = Expression::compile(u"body ~ '(a+)+$' or id == x"_s, &error);
    QVERIFY2(expression.isValid(), qPrintable(error.toString()));
    QElapsedTimer timer;
    timer.start();
    QVERIFY(!expression.matches(stanza)); // gave up: counts as no match
    QCOMPARE(expression.evaluationError().toString(),
             u"1:9: the regular expression gave up (too much backtracking) on stanzas that count as not "
             "matching: 1 so far"_s);
    for (int i = 0; i < 10'000; ++i)
        QVERIFY(!expression.matches(stanza));
    // A hundred bounded searches, then no more: ten thousand rows cost next to nothing.
    QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(expression.evaluationError().toString(),
             u"1:9: the regular expression needs too much backtracking: it gave up on 100 stanzas and is no "
             "longer tried (simplify it)"_s);
    // The same pattern on a harmless subject still works after a reset.
    expression.resetEvaluationError();
    QVERIFY(expression.evaluationError().isNull());
    QVERIFY(expression.matches(parsed(u"<message from='a@b' to='c@d'><body>aaa</body></message>"_s)));
}

void TestExpression::everyCompletionIsAField()
{
    const QList<ExpressionFields::Entry> entries = ExpressionFields::completions();
    QCOMPARE(entries.size(), ExpressionFields::names().size() + 1);
    for (const ExpressionFields::Entry &entry : entries) {
        QVERIFY(!entry.description.isEmpty());
        if (entry.name == u"has(")
            continue;
        QVERIFY2(ExpressionFields::byName(entry.name).has_value(), qPrintable(entry.name));
        ExpressionError error;
        const QString test = entry.name == u"size"   ? u"size > 0"_s
                             : entry.name == u"dir"  ? u"dir == in"_s
                             : entry.name == u"kind" ? u"kind == iq"_s
                                                     : entry.name;
        QVERIFY2(Expression::compile(test, &error).isValid(), qPrintable(error.toString()));
    }
}

QTEST_GUILESS_MAIN(TestExpression)
#include "tst_expression.moc"
