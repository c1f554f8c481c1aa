// SPDX-License-Identifier: GPL-3.0-or-later
// The rules file: the issue's example, a round trip, and every refusal with its line and column.
#include "rulesfile.h"

#include <QTemporaryDir>
#include <QTest>

using namespace xcm;
using namespace Qt::StringLiterals;

namespace {

const QByteArray example =
    "<rules xmlns='urn:xcm:rules:1'>\n"
    "  <rule name='echo' match=\"kind == message and body contains 'ping'\" delay-ms='0'>\n"
    "    <message from='{to}' to='{from}' type='chat'><body>pong {body}</body></message>\n"
    "  </rule>\n"
    "</rules>\n";

// A file with one rule whose start tag and content are given.
QByteArray oneRule(const QByteArray &attributes, const QByteArray &content)
{
    return "<rules xmlns='urn:xcm:rules:1'>\n<rule " + attributes + ">" + content + "</rule>\n</rules>\n";
}

} // namespace

class TestRulesFile : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void readsTheIssueExample();
    void roundTrip();
    void foreignNamespacesSurvive();
    void errors_data();
    void errors();
    void sizeLimit();
    void files();
};

void TestRulesFile::readsTheIssueExample()
{
    const RulesFile::Result result = RulesFile::read(example);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.rules.size(), 1);
    const Rule &rule = result.rules.first();
    QCOMPARE(rule.name(), u"echo"_s);
    QCOMPARE(rule.match(), u"kind == message and body contains 'ping'"_s);
    QCOMPARE(rule.delayMs(), 0);
    QVERIFY(rule.isEnabled());
    QVERIFY(rule.isCompiled());
    QCOMPARE(rule.replyText(),
             u"<message from=\"{to}\" to=\"{from}\" type=\"chat\"><body>pong {body}</body></message>"_s);
}

void TestRulesFile::roundTrip()
{
    QList<Rule> rules{
        Rule(
            u"echo"_s, u"kind == message and body contains \"it's\""_s,
            u"<message from=\"{to}\" to=\"{from}\" type=\"chat\"><body>pong &lt;{body}&gt; &amp; {{x}}</body></message>"_s),
        Rule(u"pong"_s, u"has(ping@xmlns == 'urn:xmpp:ping') && type == get"_s,
             u"<iq type=\"result\" id=\"{id}\" from=\"{to}\" to=\"{from}\"/>"_s, 250, false),
        Rule(u"Grüße ☃"_s, u"from.domain == 'exämple.de'\nor size > 10"_s,
             u"<presence from=\"{to}\" to=\"{from.bare}\"><status xml:lang=\"de\">  zwei  Leerzeichen  "
             u"</status>"
             "</presence>"_s,
             3'600'000),
    };
    QString error;
    const QByteArray written = RulesFile::write(rules, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const RulesFile::Result read = RulesFile::read(written);
    QVERIFY2(read.ok(), qPrintable(read.error + u'\n' + QString::fromUtf8(written)));
    QCOMPARE(read.rules.size(), rules.size());
    for (qsizetype i = 0; i < rules.size(); ++i) {
        // A line end in an attribute survives: the writer escapes it as &#10;.
        QVERIFY2(read.rules.at(i).sameDefinition(rules.at(i)),
                 qPrintable(read.rules.at(i).match() + u'\n' + read.rules.at(i).replyText()));
    }
    // Written again, the file comes out the same: nothing drifts.
    QCOMPARE(RulesFile::write(read.rules), written);
    QVERIFY(written.contains("enabled=\"false\""));
}

void TestRulesFile::foreignNamespacesSurvive()
{
    const RulesFile::Result result = RulesFile::read(oneRule(
        "name='r' match='body'",
        "\n  <message from='{to}' to='{from}'>\n    <body>x</body>\n    <active "
        "xmlns='http://jabber.org/protocol/chatstates'/>\n    <x xmlns='jabber:x:data' type='form'><field "
        "var='a'><value>1</value></field></x>\n  </message>\n"));
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(
        result.rules.first().replyText(),
        u"<message from=\"{to}\" to=\"{from}\"><body>x</body><active "
        "xmlns=\"http://jabber.org/protocol/chatstates\"/><x xmlns=\"jabber:x:data\" type=\"form\"><field "
        "var=\"a\"><value>1</value></field></x></message>"_s);
    const QByteArray written = RulesFile::write(result.rules);
    QVERIFY(written.contains("<active xmlns=\"http://jabber.org/protocol/chatstates\"/>"));
    QCOMPARE(RulesFile::read(written).rules.first().replyText(), result.rules.first().replyText());
}

void TestRulesFile::errors_data()
{
    QTest::addColumn<QByteArray>("file");
    QTest::addColumn<QString>("error");
    QTest::newRow("not xml") << QByteArray(
                                    "<rules xmlns='urn:xcm:rules:1'>\n<rule name='a' match='body'><message>")
                             << u"2:38: the file ends before <message> (line 2) is closed"_s;
    // Qt's own words were "Opening and ending tag mismatch.", with the position after the end tag.
    QTest::newRow("a rule not closed")
        << QByteArray("<rules xmlns='urn:xcm:rules:1'>\n  <rule name='a' match='body'>\n</rules>")
        << u"3:1: </rules> does not close <rule> (line 2), which is still open"_s;
    QTest::newRow("end tag misspelt")
        << QByteArray("<rules xmlns='urn:xcm:rules:1'>\n<rule name='a' match='body'>"
                      "<message><body>x</bdy></message></rule></rules>")
        << u"2:45: </bdy> does not close <body> (line 2), which is still open"_s;
    // An error just after an end tag that is not about it: Qt's words, not a mismatch.
    QTest::newRow("bad text after an end tag")
        << QByteArray("<rules xmlns='urn:xcm:rules:1'><rule name='a' match='body'><message><body>x</body>]]>"
                      "</message></rule></rules>")
        << u"1:86: not well-formed XML: Sequence ']]>' not allowed in content"_s;
    QTest::newRow("not well-formed") << QByteArray("<rules xmlns='urn:xcm:rules:1'>\n  <rule name='a' & />")
                                     << u"2:19: not well-formed XML: Expected '>' or '/', but got '&'"_s;
    QTest::newRow("wrong root")
        << QByteArray("<rules/>")
        << u"1:1: expected <rules xmlns='urn:xcm:rules:1'>, found <rules> without a namespace"_s;
    QTest::newRow("another namespace")
        << QByteArray("<rules xmlns='urn:xcm:rules:2'/>")
        << u"1:1: expected <rules xmlns='urn:xcm:rules:1'>, found <rules xmlns='urn:xcm:rules:2'>"_s;
    QTest::newRow("empty") << QByteArray() << u"1:1: the file holds no XML element"_s;
    QTest::newRow("dtd") << QByteArray("<!DOCTYPE rules [<!ENTITY a 'b'>]>\n<rules xmlns='urn:xcm:rules:1'/>")
                         << u"1:1: a rules file may not have a DTD"_s;
    QTest::newRow("other element")
        << QByteArray("<rules xmlns='urn:xcm:rules:1'>\n  <filter/></rules>")
        << u"2:3: unexpected <filter> in <rules>: only <rule> elements belong there"_s;
    QTest::newRow("text") << QByteArray("<rules xmlns='urn:xcm:rules:1'>\n hello </rules>")
                          << u"2:2: text outside a <rule>: \"hello\""_s;
    QTest::newRow("unknown attribute")
        << oneRule("name='a' match='body' delay='5'", "<message/>")
        << u"2:29: unknown attribute 'delay' on <rule> (known: name, match, action, delay-ms, enabled)"_s;
    QTest::newRow("no name") << oneRule("match='body'", "<message/>") << u"2:1: a <rule> needs a name='…'"_s;
    QTest::newRow("no match") << oneRule("name='a'", "<message/>")
                              << u"2:1: rule 'a' needs a match='…' expression"_s;
    QTest::newRow("empty match") << oneRule("name='a' match=' '", "<message/>")
                                 << u"2:23: rule 'a': the match expression is empty"_s;
    QTest::newRow("bad match") << oneRule("name='echo' match=\"kind == message and body ==\"", "<message/>")
                               << u"2:53: rule 'echo': expected a value after '=='"_s;
    QTest::newRow("bad match after an entity")
        << oneRule("name='e' match='body &amp;&amp; frm'", "<message/>")
        << u"2:39: rule 'e': unknown field 'frm' (did you mean 'from'?)"_s;
    QTest::newRow("bad delay")
        << oneRule("name='a' match='body' delay-ms='soon'", "<message/>")
        << u"2:39: rule 'a': delay-ms is a whole number of milliseconds from 0 to 3600000, not 'soon'"_s;
    QTest::newRow("delay too long")
        << oneRule("name='a' match='body' delay-ms='3600001'", "<message/>")
        << u"2:39: rule 'a': delay-ms is a whole number of milliseconds from 0 to 3600000, not '3600001'"_s;
    QTest::newRow("bad enabled") << oneRule("name='a' match='body' enabled='no'", "<message/>")
                                 << u"2:38: rule 'a': enabled is true or false, not 'no'"_s;
    QTest::newRow("duplicate name")
        << QByteArray("<rules xmlns='urn:xcm:rules:1'>\n<rule name='a' match='body'><message/></rule>\n"
                      "<rule name='a' match='body'><message/></rule></rules>")
        << u"3:13: a rule named 'a' is already defined at 2:1"_s;
    QTest::newRow("no reply") << oneRule("name='a' match='body'", "\n")
                              << u"2:1: rule 'a' has no reply stanza inside it"_s;
    QTest::newRow("two replies") << oneRule("name='a' match='body'", "<message/>\n<presence/>")
                                 << u"3:1: rule 'a' holds more than one stanza: a second one starts here"_s;
    QTest::newRow("text in rule") << oneRule("name='a' match='body'", "<message/> oops")
                                  << u"2:40: rule 'a': text outside the reply stanza"_s;
    QTest::newRow("unknown placeholder in attribute")
        << oneRule("name='a' match='body'", "\n  <message to='{from}' from='x {frm}'/>")
        << u"3:32: rule 'a': unknown placeholder {frm} (did you mean {from}?)"_s;
    QTest::newRow("unknown placeholder in text")
        << oneRule("name='a' match='body'", "<message><body>a &amp; {bdy}</body></message>")
        << u"2:52: rule 'a': unknown placeholder {bdy} (did you mean {body}?)"_s;
    QTest::newRow("reply not a stanza")
        << oneRule("name='a' match='body'", "\n  <query/>")
        << u"3:3: rule 'a': reply: 1:1: the reply must be a <message/>, <presence/> or <iq/>, not <query/>"_s;
    QTest::newRow("reply in another namespace")
        << oneRule("name='a' match='body'", "<message xmlns='jabber:client'/>")
        << u"2:29: rule 'a': reply: 1:1: the reply must be in jabber:component:accept, not 'jabber:client'"_s;
    QTest::newRow("not utf-8") << QByteArray("<rules xmlns='urn:xcm:rules:1'>\xff</rules>")
                               << u"the rules file is not UTF-8"_s;
}

void TestRulesFile::errors()
{
    QFETCH(QByteArray, file);
    QFETCH(QString, error);
    const RulesFile::Result result = RulesFile::read(file);
    QVERIFY(!result.ok());
    QCOMPARE(result.error, error);
    QVERIFY(result.rules.isEmpty()); // nothing half-loaded
}

void TestRulesFile::sizeLimit()
{
    QByteArray big = example;
    big.insert(big.indexOf("</rules>"), QByteArray(RulesFile::maxFileBytes, ' '));
    const RulesFile::Result result = RulesFile::read(big, u"big.xml"_s);
    QCOMPARE(result.error,
             u"big.xml: the rules file is %1 bytes, over the limit of 1048576"_s.arg(big.size()));
    QVERIFY(result.rules.isEmpty());
}

void TestRulesFile::files()
{
    QTemporaryDir dir;
    const QString fileName = dir.filePath(u"rules.xml"_s);
    const RulesFile::Result example = RulesFile::read(::example);
    QString error;
    QVERIFY2(RulesFile::writeFile(fileName, example.rules, &error), qPrintable(error));
    const RulesFile::Result read = RulesFile::readFile(fileName);
    QVERIFY2(read.ok(), qPrintable(read.error));
    QVERIFY(read.rules.first().sameDefinition(example.rules.first()));

    const RulesFile::Result missing = RulesFile::readFile(dir.filePath(u"none.xml"_s));
    QVERIFY(missing.error.startsWith(u"cannot read "_s + dir.filePath(u"none.xml"_s)));

    QFile broken(dir.filePath(u"broken.xml"_s));
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write(oneRule("name='a' match='size > big'", "<message/>"));
    broken.close();
    QCOMPARE(RulesFile::readFile(broken.fileName()).error,
             broken.fileName() + u":2:30: rule 'a': expected a number of bytes after '>', not 'big'"_s);
}

QTEST_GUILESS_MAIN(TestRulesFile)
#include "tst_rulesfile.moc"
