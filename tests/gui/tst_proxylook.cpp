// SPDX-License-Identifier: GPL-3.0-or-later
// What a proxy session looks like (proxyStateLook) in each of its states, and which stanzas the compose
// form may inject towards the component (StanzaPolicy toward the component).
#include "proxylook.h"
#include "stanzapolicy.h"
#include "xmlelement.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace xcm;

class TestProxyLook : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void look_data();
    void look();
    void hostAndPortBracketsIpv6();
    void checkForComponent_data();
    void checkForComponent();
};

void TestProxyLook::look_data()
{
    QTest::addColumn<bool>("listening");
    QTest::addColumn<QString>("component");
    QTest::addColumn<ConnectionState>("upstream");
    QTest::addColumn<bool>("failed");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QColor>("color");
    QTest::addColumn<bool>("error");

    const QString component = u"127.0.0.1:40112"_s;
    QTest::newRow("stopped") << false << QString() << ConnectionState::Disconnected << false
                             << u"Not listening"_s << QColor(StateColor::idle) << false;
    QTest::newRow("could not listen") << false << QString() << ConnectionState::Disconnected << true
                                      << u"Failed"_s << QColor(StateColor::failed) << true;
    QTest::newRow("waiting") << true << QString() << ConnectionState::Disconnected << false
                             << u"Listening on 127.0.0.1:5348 — waiting for the component"_s
                             << QColor(StateColor::inProgress) << false;
    // A server leg that failed before does not hide that the proxy listens again.
    QTest::newRow("waiting after a failure") << true << QString() << ConnectionState::Disconnected << true
                                             << u"Listening on 127.0.0.1:5348 — waiting for the component"_s
                                             << QColor(StateColor::inProgress) << false;
    QTest::newRow("component before its handshake")
        << true << component << ConnectionState::Disconnected << false
        << u"Component 127.0.0.1:40112 connected to the proxy"_s << QColor(StateColor::inProgress) << false;
    QTest::newRow("logging in") << true << component << ConnectionState::Authenticating << false
                                << u"Component 127.0.0.1:40112 connected · logging in to prosody:5347"_s
                                << QColor(StateColor::inProgress) << false;
    QTest::newRow("relaying") << true << component << ConnectionState::Connected << false
                              << u"Relaying · component 127.0.0.1:40112"_s << QColor(StateColor::connected)
                              << false;
    QTest::newRow("closing") << true << component << ConnectionState::Disconnecting << false
                             << u"Component 127.0.0.1:40112 · closing the relay to prosody:5347"_s
                             << QColor(StateColor::inProgress) << false;
}

void TestProxyLook::look()
{
    QFETCH(bool, listening);
    QFETCH(QString, component);
    QFETCH(ConnectionState, upstream);
    QFETCH(bool, failed);
    ProxyFacts facts;
    facts.listening = listening;
    facts.listenAddress = u"127.0.0.1"_s;
    facts.listenPort = 5348;
    facts.componentAddress = component;
    facts.upstreamHost = u"prosody"_s;
    facts.upstreamPort = 5347;
    facts.upstreamState = upstream;
    facts.failed = failed;
    const StateLook look = proxyStateLook(facts);
    QTEST(look.text, "text");
    QTEST(look.color, "color");
    QTEST(look.error, "error");
}

void TestProxyLook::hostAndPortBracketsIpv6()
{
    QCOMPARE(hostAndPort(u"::1"_s, 5348), u"[::1]:5348"_s);
    QCOMPARE(hostAndPort(u"127.0.0.1"_s, 5348), u"127.0.0.1:5348"_s);
}

void TestProxyLook::checkForComponent_data()
{
    QTest::addColumn<QByteArray>("xml");
    QTest::addColumn<QString>("problem"); // a part of it; empty: accepted

    QTest::newRow("message to the component")
        << QByteArray("<message from='a@example.org/r' to='bot@comp.example'><body>hi</body></message>")
        << QString();
    QTest::newRow("iq to the bare domain")
        << QByteArray(
               "<iq type='get' id='1' from='a@example.org' to='comp.example'><ping xmlns='urn:xmpp:ping'/>"
               "</iq>")
        << QString();
    QTest::newRow("domain case") << QByteArray("<presence from='a@example.org' to='Comp.Example'/>")
                                 << QString();
    QTest::newRow("empty") << QByteArray("  ") << u"nothing to send"_s;
    QTest::newRow("too big") << QByteArray("<message from='a@example.org' to='comp.example'><body>" +
                                           QByteArray(200, 'x') + "</body></message>")
                             << u"over the 128-byte limit"_s;
    QTest::newRow("not xml") << QByteArray("<message") << u"not well-formed"_s;
    QTest::newRow("stream element") << QByteArray("<handshake/>")
                                    << u"only <message/>, <presence/> and <iq/>"_s;
    QTest::newRow("foreign namespace")
        << QByteArray("<message xmlns='jabber:client' from='a@example.org' to='comp.example'/>")
        << u"jabber:component:accept"_s;
    QTest::newRow("no to") << QByteArray("<message from='a@example.org'/>")
                           << u"'to' must be the component's"_s;
    QTest::newRow("elsewhere") << QByteArray("<message from='a@example.org' to='b@example.org'/>")
                               << u"on the component's domain comp.example, not example.org"_s;
    QTest::newRow("no from") << QByteArray("<message to='comp.example'/>") << u"no 'from'"_s;
    QTest::newRow("bad from") << QByteArray("<message from='@' to='comp.example'/>")
                              << u"'from' is not a valid address"_s;
    QTest::newRow("iq without type") << QByteArray("<iq id='1' from='a@example.org' to='comp.example'/>")
                                     << u"type get, set"_s;
    QTest::newRow("iq without id") << QByteArray("<iq type='get' from='a@example.org' to='comp.example'/>")
                                   << u"needs an id"_s;
}

void TestProxyLook::checkForComponent()
{
    QFETCH(QByteArray, xml);
    QFETCH(QString, problem);
    XmlElement parsed;
    const QString result =
        StanzaPolicy{u"comp.example"_s, 128, StanzaPolicy::Toward::Component}.check(xml, &parsed);
    if (problem.isEmpty()) {
        QVERIFY2(result.isEmpty(), qPrintable(result));
        QVERIFY(!parsed.isNull());
    } else {
        QVERIFY2(result.contains(problem), qPrintable(result));
        QVERIFY(parsed.isNull());
    }
}

QTEST_GUILESS_MAIN(TestProxyLook)
#include "tst_proxylook.moc"
