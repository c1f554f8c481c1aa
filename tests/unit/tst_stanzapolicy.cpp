// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectionsettings.h"
#include "stanzapolicy.h"
#include "xmlelement.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace xcm;

class TestStanzaPolicy : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void check_data();
    void check();
    void parsedElementOnlyWhenAccepted();
    void forSettings();
    void domainCase();
};

void TestStanzaPolicy::check_data()
{
    QTest::addColumn<QByteArray>("xml");
    QTest::addColumn<QString>("problem"); // empty: accepted
    QTest::newRow("ok message") << QByteArray(
                                       "<message from='bot@comp.example' to='u@x'><body>hi</body></message>")
                                << QString();
    QTest::newRow("ok from domain only")
        << QByteArray("<presence from='comp.example' to='u@x'/>") << QString();
    QTest::newRow("ok iq") << QByteArray("  <iq type='get' id='1' from='comp.example' to='x'/>\n")
                           << QString();
    QTest::newRow("no to") << QByteArray("<message from='bot@comp.example'/>") << u"no 'to'"_s;
    QTest::newRow("no from") << QByteArray("<message to='u@x'/>") << u"no 'from'"_s;
    QTest::newRow("foreign from") << QByteArray("<message from='bot@other' to='u@x'/>") << u"invalid-from"_s;
    QTest::newRow("bad to") << QByteArray("<message from='comp.example' to='@x'/>")
                            << u"'to' is not a valid"_s;
    QTest::newRow("not well-formed") << QByteArray("<message from='comp.example' to='u@x'>")
                                     << u"not well-formed"_s;
    // Lines as the user sees them, the blank ones before the stanza counted.
    QTest::newRow("error after a blank line")
        << QByteArray("\n<message from='comp.example' to='u@x'></body>") << u"(line 2, column 45)"_s;
    QTest::newRow("two elements") << QByteArray("<presence from='comp.example' to='x'/><presence/>")
                                  << u"only one"_s;
    QTest::newRow("client namespace")
        << QByteArray("<message xmlns='jabber:client' from='comp.example' to='x'/>")
        << u"jabber:component:accept"_s;
    QTest::newRow("not a stanza") << QByteArray("<handshake/>") << u"only <message/>"_s;
    QTest::newRow("iq without id") << QByteArray("<iq type='get' from='comp.example' to='x'/>")
                                   << u"needs an id"_s;
    QTest::newRow("iq bad type") << QByteArray("<iq type='fetch' id='1' from='comp.example' to='x'/>")
                                 << u"type get"_s;
    QTest::newRow("oversize") << "<message from='comp.example' to='x'><body>" + QByteArray(200, 'x') +
                                     "</body></message>"
                              << u"over the 128-byte limit"_s;
    QTest::newRow("empty") << QByteArray("   ") << u"nothing to send"_s;
}

void TestStanzaPolicy::check()
{
    QFETCH(QByteArray, xml);
    QFETCH(QString, problem);
    const QString result = StanzaPolicy{u"comp.example"_s, 128}.check(xml);
    if (problem.isEmpty())
        QVERIFY2(result.isEmpty(), qPrintable(result));
    else
        QVERIFY2(result.contains(problem), qPrintable(result));
}

void TestStanzaPolicy::parsedElementOnlyWhenAccepted()
{
    const StanzaPolicy policy{u"comp.example"_s, 1024};
    XmlElement parsed;
    XmlElement wellFormed;
    QVERIFY(!policy.check("<message from='bot@other' to='u@x'/>", &parsed, &wellFormed).isEmpty());
    QVERIFY(parsed.isNull());
    // Refused, but parsed: the element for whoever shows it anyway (the compose form's fields).
    QCOMPARE(wellFormed.attribute(u"from"), u"bot@other"_s);
    wellFormed = {};
    QVERIFY(!policy.check("<message from='bot@other'>", &parsed, &wellFormed).isEmpty());
    QVERIFY(wellFormed.isNull());
    QCOMPARE(policy.check(" <message from='Bot@comp.example' to='u@x'><body>hi</body></message>\n", &parsed),
             QString());
    QCOMPARE(parsed.name(), u"message"_s);
    QCOMPARE(parsed.firstChild(u"body").text(), u"hi"_s);
}

void TestStanzaPolicy::forSettings()
{
    ConnectionSettings settings;
    settings.domain = u"comp.example"_s;
    settings.maxStanzaBytes = 40;
    const StanzaPolicy policy = StanzaPolicy::forSettings(settings);
    QCOMPARE(policy.domain, settings.domain);
    QCOMPARE(policy.maxBytes, 40);
    QVERIFY(policy.check("<presence from='comp.example' to='x'/>").isEmpty());
    QVERIFY(policy.check("<presence from='comp.example' to='someone@example.org'/>").contains(u"40-byte"));
}

void TestStanzaPolicy::domainCase()
{
    // Domains are case-insensitive (RFC 7622): a profile may spell its domain with capitals.
    StanzaPolicy policy{u"Comp.Example"_s, 1024};
    QCOMPARE(policy.check("<message from='bot@comp.example' to='u@x'/>"), QString());
    QCOMPARE(policy.check("<message from='Bot@comp.example/Res' to='u@x'/>"), QString());
    QVERIFY(policy.check("<message from='bot@comp.example.org' to='u@x'/>").contains(u"invalid-from"));
    // xcm's own answers copy the request's 'to' as the server passed it on (ejabberd: as its client
    // wrote it, and it takes either case back).
    QCOMPARE(policy.check("<message from='bot@COMP.example' to='u@x'/>"), QString());
    // But what a person wrote is held to what Prosody does: it compares a stanza's 'from' letter for
    // letter with the name it took in lowercase, and closed the stream over from='ECHO.localhost'.
    policy.exactDomainCase = true;
    QCOMPARE(policy.check("<message from='bot@comp.example' to='u@x'/>"), QString());
    QCOMPARE(
        policy.check("<message from='bot@COMP.example' to='u@x'/>"),
        u"'from' must spell the component's domain in lowercase, comp.example, not COMP.example (Prosody "
        "closes the stream with invalid-from)"_s);
    QVERIFY(policy.check("<presence from='Comp.Example/x' to='u@x'/>").contains(u"in lowercase"));
}

QTEST_GUILESS_MAIN(TestStanzaPolicy)
#include "tst_stanzapolicy.moc"
