// SPDX-License-Identifier: GPL-3.0-or-later
// Reply templates: every placeholder, XML escaping, braces, and the errors found at load time.
#include "replytemplate.h"
#include "stanzas.h"
#include "stanzaview.h"

#include <QTest>

using namespace xcm;
using namespace Qt::StringLiterals;

class TestReplyTemplate : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void instantiate_data();
    void instantiate();
    void errors_data();
    void errors();
    void checkPlaceholdersInPieces();
    void sampleProblem();
};

void TestReplyTemplate::instantiate_data()
{
    QTest::addColumn<QString>("reply");
    QTest::addColumn<QString>("stanza");
    QTest::addColumn<QString>("expected");
    const QString chat = u"<message from='Alice@example.org/Phone' to='bot@comp.example' type='chat' id='m1'>"
                         "<body>1 &lt; 2 &amp; \"q\" 'a'</body></message>"_s;
    QTest::newRow("addresses swapped")
        << u"<message from='{to}' to='{from}' type='{type}' id='{id}'/>"_s << chat
        << u"<message from='bot@comp.example' to='Alice@example.org/Phone' type='chat' id='m1'/>"_s;
    QTest::newRow("address parts")
        << u"<message from='x@comp.example' to='{from.bare}'><body>{from.local} {from.domain} "
           u"{from.resource} "
           "{to.bare} {to.local} {to.domain} [{to.resource}]</body></message>"_s
        << chat
        << u"<message from='x@comp.example' to='Alice@example.org'><body>Alice example.org Phone "
           "bot@comp.example bot comp.example []</body></message>"_s;
    QTest::newRow("body escaped in text")
        << u"<message from='{to}' to='{from}'><body>pong {body}</body></message>"_s << chat
        << u"<message from='bot@comp.example' to='Alice@example.org/Phone'><body>pong 1 &lt; 2 &amp; "
           u"&quot;q&quot; "
           "&apos;a&apos;</body></message>"_s;
    QTest::newRow("body escaped in an attribute")
        << u"<message from='{to}' to='{from}' id=\"{body}\"/>"_s << chat
        << u"<message from='bot@comp.example' to='Alice@example.org/Phone' id=\"1 &lt; 2 &amp; &quot;q&quot; "
           "&apos;a&apos;\"/>"_s;
    QTest::newRow("dir kind size")
        << u"<message from='a@comp.example' to='b@x'><body>{dir} {kind} {size}</body></message>"_s << chat
        << u"<message from='a@comp.example' to='b@x'><body>in message %1</body></message>"_s.arg(
               chat.toUtf8().size());
    QTest::newRow("error condition")
        << u"<message from='a@comp.example' to='b@x'><body>{error}</body></message>"_s
        << u"<iq type='error' id='e' from='x@y' to='comp.example'><error type='cancel'><item-not-found "
           "xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>"_s
        << u"<message from='a@comp.example' to='b@x'><body>item-not-found</body></message>"_s;
    QTest::newRow("iq result")
        << u"<iq type='result' id='{id}' from='{to}' to='{from}'/>"_s
        << u"<iq type='get' id='p1' from='u@example.org/r' to='comp.example'><ping xmlns='urn:xmpp:ping'/></iq>"_s
        << u"<iq type='result' id='p1' from='comp.example' to='u@example.org/r'/>"_s;
    QTest::newRow("braces")
        << u"<message from='a@comp.example' to='b@x'><body>{{\"id\": \"{id}\"}} } {{}}</body></message>"_s
        << chat << u"<message from='a@comp.example' to='b@x'><body>{\"id\": \"m1\"} } {}</body></message>"_s;
    QTest::newRow("missing values are empty")
        << u"<presence from='{to}' to='{from}' type='{type}' id='{id}'><status>{body}</status></presence>"_s
        << u"<presence from='eve@example.com' to='comp.example'/>"_s
        << u"<presence from='comp.example' to='eve@example.com' type='' id=''><status></status></presence>"_s;
}

void TestReplyTemplate::instantiate()
{
    QFETCH(QString, reply);
    QFETCH(QString, stanza);
    QFETCH(QString, expected);
    ExpressionError error;
    const ReplyTemplate parsed = ReplyTemplate::parse(reply, &error);
    QVERIFY2(parsed.isValid(), qPrintable(error.toString()));
    const Stanza received = receivedStanza(stanza);
    StanzaView view(received);
    QCOMPARE(parsed.instantiate(view), expected);
}

void TestReplyTemplate::errors_data()
{
    QTest::addColumn<QString>("reply");
    QTest::addColumn<QString>("error");
    QTest::newRow("typo") << u"<message to='{frm}'/>"_s
                          << u"1:14: unknown placeholder {frm} (did you mean {from}?)"_s;
    QTest::newRow("case") << u"<message to='{From}'/>"_s
                          << u"1:14: unknown placeholder {From} (did you mean {from}?)"_s;
    QTest::newRow("not a placeholder") << u"<message to='x'>\n<body>{ns}</body></message>"_s
                                       << u"2:7: unknown placeholder {ns} (placeholders: {dir}, {kind}, "
                                          u"{type}, {from}, {from.bare}, {from.domain}, "
                                          "{from.local}, {from.resource}, {to}, {to.bare}, {to.domain}, "
                                          "{to.local}, {to.resource}, {id}, {body}, "
                                          "{error}, {size}; {{ and }} for braces)"_s;
    QTest::newRow("unclosed") << u"<message to='{from'/>"_s
                              << u"1:14: '{' without '}': write {{ for a brace"_s;
    QTest::newRow("open inside") << u"<message><body>{a{from}</body></message>"_s
                                 << u"1:16: '{' without '}': write {{ for a brace"_s;
    QTest::newRow("empty") << u"  "_s << u"1:1: the reply is empty: write the stanza to send"_s;
    QTest::newRow("not a stanza")
        << u"<query xmlns='jabber:iq:version'/>"_s
        << u"1:1: the reply must be in jabber:component:accept, not 'jabber:iq:version'"_s;
    QTest::newRow("not a stanza name")
        << u"\n  <handshake/>"_s
        << u"2:3: the reply must be a <message/>, <presence/> or <iq/>, not <handshake/>"_s;
    QTest::newRow("client namespace")
        << u"<message xmlns='jabber:client'/>"_s
        << u"1:1: the reply must be in jabber:component:accept, not 'jabber:client'"_s;
    QTest::newRow("not xml") << u"<message><body>{body}</message>"_s
                             << u"1:31: not well-formed XML: Opening and ending tag mismatch"_s;
    QTest::newRow("not xml, second line") << u"<message>\n  <body>{body}</bod>\n</message>"_s
                                          << u"2:20: not well-formed XML: Opening and ending tag mismatch"_s;
    // Found on the parser's own closing line, after the user's text: placed at its end, not at 1:1.
    QTest::newRow("text after the stanza")
        << u"<message/>{body}"_s << u"1:17: not well-formed XML: text outside the element"_s;
    QTest::newRow("two stanzas")
        << u"<message/><message/>"_s
        << u"1:20: not well-formed XML: a second element starts where only one may be given"_s;
}

void TestReplyTemplate::errors()
{
    QFETCH(QString, reply);
    QFETCH(QString, error);
    ExpressionError problem;
    QVERIFY(!ReplyTemplate::parse(reply, &problem).isValid());
    QCOMPARE(problem.toString(), error);
}

void TestReplyTemplate::checkPlaceholdersInPieces()
{
    QVERIFY(ReplyTemplate::checkPlaceholders(u"pong {body} {{x}}"_s).isNull());
    const ExpressionError error = ReplyTemplate::checkPlaceholders(u"ab {x}"_s);
    QCOMPARE(error.offset, 3);
    QCOMPARE(error.length, 3);
    QVERIFY(ReplyTemplate::placeholderNames().contains(u"to.local"_s));
    QVERIFY(!ReplyTemplate::placeholderNames().contains(u"auto"_s));
}

void TestReplyTemplate::sampleProblem()
{
    // What the rule dialog and xcm-cli --rules ask before any stanza matches.
    const auto problem = [](const QString &text) {
        return ReplyTemplate::parse(text).sampleProblem(u"comp.example"_s, 4096);
    };
    QCOMPARE(problem(u"<message from='{to}' to='{from}'><body>hi</body></message>"_s), QString());
    QVERIFY(problem(u"<message to='{from}'><body>hi</body></message>"_s).contains(u"no 'from'"_s));
    // The sample is sent to an address on the domain: {to.local} and {to.resource} have values (to the
    // bare domain, "from='@comp.example'" refused a rule that answers its real matches).
    QCOMPARE(problem(u"<message from='{to.local}@comp.example' to='{from}'/>"_s), QString());
    QCOMPARE(problem(u"<message from='{to.bare}/{to.resource}' to='{from}'/>"_s), QString());
}

QTEST_GUILESS_MAIN(TestReplyTemplate)
#include "tst_replytemplate.moc"
