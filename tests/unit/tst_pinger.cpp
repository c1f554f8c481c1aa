// SPDX-License-Identifier: GPL-3.0-or-later
// Pinger against a scripted server: what it sends, which answers count, and the timeout.
#include "componentconnection.h"
#include "pinger.h"
#include "scriptedserver.h"
#include "xmlelement.h"

#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace xcm;
using xcm::test::ScriptedServer;
using Outcome = Pinger::Result::Outcome;

namespace {

const QString secret = u"pinger-secret"_s;

// The ids of the pings the server has received so far, in order.
QStringList pingIds(const QByteArray &received)
{
    QStringList ids;
    const QRegularExpression iq(u"<iq [^>]*id=\"([^\"]+)\"[^>]*>\\s*<ping xmlns=\"urn:xmpp:ping\""_s);
    for (auto it = iq.globalMatch(QString::fromUtf8(received)); it.hasNext();)
        ids.append(it.next().captured(1));
    return ids;
}

} // namespace

class TestPinger : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void sendsAPingFromTheComponent();
    void answers_data();
    void answers();
    void severalPingsAtOnce();
    void refusedPingIsNotPending();

private:
    bool connectClient();

    std::unique_ptr<ScriptedServer> m_server;
    std::unique_ptr<ComponentConnection> m_connection;
    Pinger *m_pinger = nullptr;
};

void TestPinger::init()
{
    m_server = std::make_unique<ScriptedServer>();
    QVERIFY(m_server->listen());
    m_connection = std::make_unique<ComponentConnection>();
    ConnectionSettings settings;
    settings.port = m_server->port();
    settings.domain = u"comp.example"_s;
    settings.reconnect.enabled = false;
    settings.closeTimeout = 200ms;
    m_connection->setSettings(settings);
    m_connection->setSecret(secret);
    m_pinger = new Pinger(m_connection.get());
}

void TestPinger::cleanup()
{
    m_connection.reset(); // and its Pinger
    m_pinger = nullptr;
    m_server.reset();
}

bool TestPinger::connectClient()
{
    m_connection->connectToServer();
    return m_server->acceptHandshake(secret) &&
           QTest::qWaitFor([this] { return m_connection->state() == ConnectionState::Connected; }, 5000);
}

void TestPinger::sendsAPingFromTheComponent()
{
    QVERIFY(connectClient());
    QCOMPARE(m_pinger->ping(u"example.org"_s, 5s), QString());
    QCOMPARE(m_pinger->pendingCount(), 1);
    QVERIFY(m_server->waitForReceived("</iq>"));
    const QByteArray received = m_server->received();
    const qsizetype start = received.indexOf("<iq ");
    const XmlElement iq = XmlElement::parse(received.mid(start, received.indexOf("</iq>") + 5 - start));
    QVERIFY(!iq.isNull());
    QCOMPARE(iq.attribute(u"type"), u"get"_s);
    QCOMPARE(iq.attribute(u"from"), u"comp.example"_s);
    QCOMPARE(iq.attribute(u"to"), u"example.org"_s);
    QVERIFY(iq.attribute(u"id").startsWith(u"xcm-ping-"));
    QCOMPARE(iq.childCount(), 1);
    QVERIFY(!iq.firstChild(u"ping", u"urn:xmpp:ping").isNull());
}

void TestPinger::answers_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("answer"); // %1: the ping's id
    QTest::addColumn<int>("outcome");
    QTest::newRow("result") << u"example.org"_s
                            << u"<iq type='result' id='%1' from='example.org' to='comp.example'/>"_s
                            << int(Outcome::Pong);
    QTest::newRow("error") << u"example.org"_s
                           << u"<iq type='error' id='%1' from='example.org' to='comp.example'><error "
                              "type='cancel'><service-unavailable "
                              "xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>"_s
                           << int(Outcome::Error);
    QTest::newRow("address compared as servers do")
        << u"Someone@Example.org"_s
        << u"<iq type='result' id='%1' from='someone@example.org' to='comp.example'/>"_s
        << int(Outcome::Pong);
    QTest::newRow("another address answers")
        << u"example.org"_s << u"<iq type='result' id='%1' from='other.example' to='comp.example'/>"_s
        << int(Outcome::Timeout);
    QTest::newRow("another resource answers")
        << u"someone@example.org/a"_s
        << u"<iq type='result' id='%1' from='someone@example.org/b' to='comp.example'/>"_s
        << int(Outcome::Timeout);
    QTest::newRow("our own request routed back")
        << u"comp.example"_s
        << u"<iq type='get' id='%1' from='comp.example' to='comp.example'><ping xmlns='urn:xmpp:ping'/></iq>"_s
        << int(Outcome::Timeout);
    QTest::newRow("another id") << u"example.org"_s
                                << u"<iq type='result' id='%1-not' from='example.org' to='comp.example'/>"_s
                                << int(Outcome::Timeout);
    QTest::newRow("not an iq") << u"example.org"_s
                               << u"<message type='error' id='%1' from='example.org' to='comp.example'/>"_s
                               << int(Outcome::Timeout);
}

void TestPinger::answers()
{
    QFETCH(QString, target);
    QFETCH(QString, answer);
    QFETCH(int, outcome);
    QVERIFY(connectClient());
    QSignalSpy finished(m_pinger, &Pinger::finished);
    QCOMPARE(m_pinger->ping(target, 400ms), QString());
    QVERIFY(m_server->waitForReceived("</iq>"));
    const QStringList ids = pingIds(m_server->received());
    QCOMPARE(ids.size(), 1);
    m_server->send(answer.arg(ids.first()).toUtf8());
    QVERIFY(finished.wait(3000));
    const auto result = finished.first().first().value<Pinger::Result>();
    QCOMPARE(int(result.outcome), outcome);
    QCOMPARE(result.target, target);
    QCOMPARE(result.id, ids.first());
    QVERIFY(result.milliseconds >= 0);
    QCOMPARE(result.reply.isNull(), result.outcome == Outcome::Timeout);
    if (result.outcome == Outcome::Timeout)
        QVERIFY(result.milliseconds >= 390);
    else
        QCOMPARE(result.reply.id(), ids.first());
    QCOMPARE(m_pinger->pendingCount(), 0);
    QTest::qWait(50);
    QCOMPARE(finished.size(), 1); // once only: no timeout after an answer
}

void TestPinger::severalPingsAtOnce()
{
    QVERIFY(connectClient());
    QSignalSpy finished(m_pinger, &Pinger::finished);
    QCOMPARE(m_pinger->ping(u"a.example"_s, 5s), QString());
    QCOMPARE(m_pinger->ping(u"b.example"_s, 5s), QString());
    QCOMPARE(m_pinger->pendingCount(), 2);
    QVERIFY(QTest::qWaitFor([this] { return pingIds(m_server->received()).size() == 2; }, 5000));
    const QStringList ids = pingIds(m_server->received());
    QVERIFY(ids.first() != ids.last());
    // Answered in the other order: each answer finds its own ping.
    m_server->send(
        u"<iq type='result' id='%1' from='b.example' to='comp.example'/>"_s.arg(ids.last()).toUtf8());
    m_server->send(
        u"<iq type='result' id='%1' from='a.example' to='comp.example'/>"_s.arg(ids.first()).toUtf8());
    QTRY_COMPARE(finished.size(), 2);
    QCOMPARE(finished.at(0).first().value<Pinger::Result>().target, u"b.example"_s);
    QCOMPARE(finished.at(1).first().value<Pinger::Result>().target, u"a.example"_s);
    QCOMPARE(m_pinger->pendingCount(), 0);
}

void TestPinger::refusedPingIsNotPending()
{
    // Not connected and not connecting: the connection refuses the stanza, and nothing is pending.
    QSignalSpy finished(m_pinger, &Pinger::finished);
    QVERIFY(!m_pinger->ping(u"example.org"_s, 100ms).isEmpty());
    QCOMPARE(m_pinger->pendingCount(), 0);
    QVERIFY(!m_pinger->ping(u"not an address"_s, 100ms).isEmpty());
    QTest::qWait(200);
    QCOMPARE(finished.size(), 0);
}

QTEST_GUILESS_MAIN(TestPinger)
#include "tst_pinger.moc"
