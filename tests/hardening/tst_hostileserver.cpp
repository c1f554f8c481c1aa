// SPDX-License-Identifier: GPL-3.0-or-later
// A hostile server, played byte by byte by tests/support's ScriptedServer: the cases tst_connection_protocol
// does not already cover. Each ends the same way: the right stream error sent, the state and reason
// reported, the socket closed, and no hang (a time bound on each).
#include "componentconnection.h"
#include "recordingclient.h"
#include "scriptedserver.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace xcm;
using xcm::test::connectAndAuthenticate;
using xcm::test::RecordingClient;
using xcm::test::ScriptedServer;

namespace {

const QString secret = u"hostile-test-secret"_s;

// The server side up to the point where the hostile bytes go out: the header (and the handshake
// accepted, if `authenticate`).
bool openStream(ScriptedServer &server, RecordingClient &client, bool authenticate)
{
    if (authenticate)
        return connectAndAuthenticate(server, client);
    client.connection.connectToServer();
    if (!server.waitForClient() || !server.waitForReceived("<stream:stream"))
        return false;
    server.send(ScriptedServer::streamHeader());
    return server.waitForReceived("</handshake>");
}

// The common ending: refused with `condition`, the stream error and our close on the wire, the
// socket closed.
void verifyRefused(ScriptedServer &server, RecordingClient &client, const QString &condition,
                   DisconnectReason::Kind kind = DisconnectReason::Kind::ProtocolViolation)
{
    QVERIFY(client.waitFor(ConnectionState::Disconnected));
    const DisconnectReason reason = client.connection.lastReason();
    QCOMPARE(reason.kind, kind);
    QCOMPARE(reason.condition, condition);
    QVERIFY(!reason.toString().isEmpty());
    QVERIFY2(server.waitForReceived(
                 QByteArray("<" + condition.toUtf8() + " xmlns='urn:ietf:params:xml:ns:xmpp-streams'/>")),
             server.received().right(300).constData());
    QVERIFY(server.received().endsWith("</stream:stream>"));
    QVERIFY(server.waitForClientGone());
}

} // namespace

class TestHostileServer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void invalidUtf8AtEveryPosition();
    void entityExpansion_data();
    void entityExpansion();
    void nesting10000Deep();
    void fiftyThousandAttributes();
    void secondHeader_data();
    void secondHeader();
    void newStreamAfterTheClose();
    void floodAfterTheClose();
    void oneBytePerSecond_data();
    void oneBytePerSecond();
    void keepalivesDoNotExtendTheHandshake();
    void refusalClosesEvenIfTheServerKeepsSending();
};

void TestHostileServer::invalidUtf8AtEveryPosition()
{
    // A whole session as the server sends it: header, handshake reply, a stanza with multi-byte
    // characters. A bad sequence goes in before each byte in turn (five kinds, in rotation), half of
    // the time in a later read than the bytes before it (Qt 6.4's reader stalls silently on that).
    const QByteArray stream = ScriptedServer::streamHeader() +
                              "<handshake/><message from='u@x' to='bot@comp.example'><body>h\xc3\xa9 "
                              "\xe2\x9c\x93 \xf0\x9f\x98\x80</body></message>";
    const QList<QByteArray> bad = {"\xff", "\x80", "\xc0\xaf", "\xed\xa0\x80", "\xe2\x82<"};
    const qsizetype handshakeEnd = ScriptedServer::streamHeader().size() + 12;
    ScriptedServer server;
    QVERIFY(server.listen());
    for (qsizetype at = 0; at < stream.size(); ++at) {
        const QByteArray where = "bad bytes before byte " + QByteArray::number(at);
        RecordingClient client(server.port(), secret);
        client.connection.connectToServer();
        QVERIFY(QTest::qWaitFor([&] { return server.connectionCount() == at + 1; }, 5000));
        QVERIFY(server.waitForReceived("<stream:stream"));
        const QByteArray sequence = bad.at(at % bad.size());
        if (at % 2 == 0) {
            server.send(stream.left(at));
            QTest::qWait(at == 0 ? 0 : 5);
            server.send(sequence + stream.mid(at));
        } else {
            server.send(stream.left(at) + sequence + stream.mid(at));
        }
        QVERIFY2(client.waitFor(ConnectionState::Disconnected), where.constData());
        const DisconnectReason reason = client.connection.lastReason();
        QVERIFY2(reason.condition == u"unsupported-encoding",
                 QByteArray(where + ": " + reason.toString().toUtf8()).constData());
        QCOMPARE(reason.kind, DisconnectReason::Kind::ProtocolViolation);
        QVERIFY2(
            server.waitForReceived("<unsupported-encoding xmlns='urn:ietf:params:xml:ns:xmpp-streams'/>"),
            where.constData());
        QVERIFY(server.waitForClientGone());
        // Nothing at or after the bad bytes was taken as a stanza; no handshake without the whole header.
        for (const Stanza &stanza : std::as_const(client.received))
            QVERIFY2(stream.indexOf(stanza.wire()) + stanza.wire().size() <= at, where.constData());
        QCOMPARE(server.received().contains("<handshake>"), at >= ScriptedServer::streamHeader().size());
        if (at < handshakeEnd)
            QVERIFY2(client.received.size() <= 1, where.constData()); // at most the header
    }
}

void TestHostileServer::entityExpansion_data()
{
    QTest::addColumn<QByteArray>("before"); // in place of our server header
    QTest::addColumn<QByteArray>("after");  // once the handshake succeeded (empty: never gets there)
    QTest::addColumn<QString>("condition");
    QTest::addColumn<QString>("finding"); // what the reason must name: where the refusal happened
    QByteArray laughs = "<!DOCTYPE s [<!ENTITY l0 'ha'>";
    for (int i = 1; i < 10; ++i)
        laughs += "<!ENTITY l" + QByteArray::number(i) + " '" +
                  QByteArray("&l" + QByteArray::number(i - 1) + ";").repeated(10) + "'>";
    laughs += "]>";
    QTest::newRow("billion laughs before the header")
        << QByteArray("<?xml version='1.0'?>" + laughs + ScriptedServer::streamHeader().mid(21) +
                      "<message><body>&l9;</body></message>")
        << QByteArray() << u"restricted-xml"_s << u"DTD"_s;
    QTest::newRow("external entity (XXE)")
        << QByteArray("<?xml version='1.0'?><!DOCTYPE s [<!ENTITY x SYSTEM 'file:///etc/passwd'>]>" +
                      ScriptedServer::streamHeader().mid(21) + "<message><body>&x;</body></message>")
        << QByteArray() << u"restricted-xml"_s << u"DTD"_s;
    QTest::newRow("parameter entity") << QByteArray("<!DOCTYPE s [<!ENTITY % p '<!ENTITY e \"x\">'> %p;]>" +
                                                    ScriptedServer::streamHeader().mid(21))
                                      << QByteArray() << u"restricted-xml"_s << u"DTD"_s;
    QTest::newRow("DTD inside the stream")
        << ScriptedServer::streamHeader() << QByteArray(laughs + "<message/>") << u"restricted-xml"_s
        << u"DTD"_s;
    QTest::newRow("undeclared entity in an attribute")
        << ScriptedServer::streamHeader() << QByteArray("<message to='&l9;' from='u@x'/>")
        << u"restricted-xml"_s << u"l9"_s;
    QTest::newRow("100,000 references to an undeclared entity")
        << ScriptedServer::streamHeader()
        << QByteArray("<message><body>" + QByteArray("&l9;").repeated(100000) + "</body></message>")
        << u"restricted-xml"_s << u"l9"_s;
}

void TestHostileServer::entityExpansion()
{
    QFETCH(QByteArray, before);
    QFETCH(QByteArray, after);
    QFETCH(QString, condition);
    QFETCH(QString, finding);
    ScriptedServer server;
    QVERIFY(server.listen());
    RecordingClient client(server.port(), secret);
    QElapsedTimer timer;
    timer.start();
    client.connection.connectToServer();
    QVERIFY(server.waitForReceived("<stream:stream"));
    server.send(before);
    if (!after.isEmpty()) {
        QVERIFY(server.waitForReceived("</handshake>"));
        server.send("<handshake/>");
        QVERIFY(client.waitFor(ConnectionState::Connected));
        server.send(after);
    }
    verifyRefused(server, client, condition);
    QVERIFY2(timer.elapsed() < 3000, qPrintable(QString::number(timer.elapsed())));
    if (after.isEmpty())
        QVERIFY(!server.received().contains("<handshake>")); // refused before any handshake
    // Refused at the declaration itself (or at the first undeclared reference), so no entity was ever
    // declared, let alone expanded or fetched (the XXE row's file:///etc/passwd).
    const QString detail = client.connection.lastReason().detail;
    QVERIFY2(detail.contains(finding),
             qPrintable(u"expected the reason to name %1, got: %2"_s.arg(finding, detail)));
    for (const Stanza &stanza : std::as_const(client.received))
        QVERIFY(stanza.kind() != StanzaKind::Message);
}

void TestHostileServer::nesting10000Deep()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    RecordingClient client(server.port(), secret);
    QVERIFY(openStream(server, client, true));
    const qsizetype before = client.received.size();
    QElapsedTimer timer;
    timer.start();
    // Well-formed, complete and exactly 10,000 elements deep.
    server.send("<message from='u@x' to='bot@comp.example'>" + QByteArray("<a>").repeated(9999) +
                QByteArray("</a>").repeated(9999) + "</message>");
    verifyRefused(server, client, u"policy-violation"_s);
    QVERIFY2(client.connection.lastReason().detail.contains(u"deeper than 100 levels"),
             qPrintable(client.connection.lastReason().detail));
    QCOMPARE(client.received.size(), before);
    QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
}

void TestHostileServer::fiftyThousandAttributes()
{
    // 490 KB, under the 512 KiB stanza limit: before the markup scanner this cost 28 s of CPU in
    // QXmlStreamReader's duplicate-attribute check, with the event loop (and the app) frozen.
    ScriptedServer server;
    QVERIFY(server.listen());
    RecordingClient client(server.port(), secret);
    QVERIFY(openStream(server, client, true));
    QByteArray stanza = "<message from='u@x' to='bot@comp.example'";
    for (int i = 0; i < 50000; ++i)
        stanza += " a" + QByteArray::number(i) + "=''";
    QVERIFY(stanza.size() < 512 * 1024);
    QElapsedTimer timer;
    timer.start();
    server.send(stanza + "/>");
    verifyRefused(server, client, u"policy-violation"_s);
    QVERIFY(client.connection.lastReason().detail.contains(u"more than 100 attributes"));
    QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
}

void TestHostileServer::secondHeader_data()
{
    // tst_connection_protocol covers a second header once connected; these come earlier.
    QTest::addColumn<bool>("samePacket"); // with the first header, before our handshake went out
    QTest::newRow("in the first header's packet") << true;
    QTest::newRow("while the handshake is under way") << false;
}

void TestHostileServer::secondHeader()
{
    QFETCH(bool, samePacket);
    ScriptedServer server;
    QVERIFY(server.listen());
    RecordingClient client(server.port(), secret);
    client.connection.connectToServer();
    QVERIFY(server.waitForReceived("<stream:stream"));
    const QByteArray second = ScriptedServer::streamHeader("s2").mid(21); // without the XML declaration
    if (samePacket) {
        server.send(ScriptedServer::streamHeader("s1") + second);
    } else {
        server.send(ScriptedServer::streamHeader("s1"));
        QVERIFY(server.waitForReceived("</handshake>"));
        server.send(second);
    }
    verifyRefused(server, client, u"bad-format"_s);
    // gloox answers a second header with a second handshake: at most the one for s1 went out.
    QVERIFY(server.received().count("<handshake>") <= 1);
    const QByteArray digestForS2 =
        QCryptographicHash::hash(("s2" + secret).toUtf8(), QCryptographicHash::Sha1).toHex();
    QVERIFY(!server.received().contains(digestForS2));
}

void TestHostileServer::newStreamAfterTheClose()
{
    // After its </stream:stream> a server may not start over on the same connection.
    ScriptedServer server;
    QVERIFY(server.listen());
    RecordingClient client(server.port(), secret);
    QVERIFY(openStream(server, client, true));
    const qsizetype before = client.received.size();
    server.send("</stream:stream>");
    QTest::qWait(20);
    server.send(ScriptedServer::streamHeader("s2") +
                "<handshake/><message from='u@x' to='bot@comp.example'/>");
    QVERIFY(client.waitFor(ConnectionState::Disconnected));
    QCOMPARE(client.connection.lastReason().kind, DisconnectReason::Kind::ServerClosed);
    QCOMPARE(client.received.size(), before);
    QCOMPARE(server.received().count("<handshake>"), 1);
    QVERIFY(server.waitForClientGone());
}

void TestHostileServer::floodAfterTheClose()
{
    // 8 MB of junk after the close is neither parsed nor kept: the connection is gone at once.
    ScriptedServer server;
    QVERIFY(server.listen());
    RecordingClient client(server.port(), secret, [](ConnectionSettings &s) { s.closeTimeout = 5s; });
    QVERIFY(openStream(server, client, true));
    const qsizetype before = client.received.size();
    QElapsedTimer timer;
    timer.start();
    server.send("</stream:stream>" + QByteArray(8 * 1024 * 1024, '<'));
    QVERIFY(client.waitFor(ConnectionState::Disconnected));
    QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(client.connection.lastReason().kind, DisconnectReason::Kind::ServerClosed);
    QCOMPARE(client.received.size(), before);
    QVERIFY(server.waitForClientGone());
}

void TestHostileServer::oneBytePerSecond_data()
{
    QTest::addColumn<QByteArray>("trickle");
    QTest::addColumn<QString>("explanation");
    QTest::newRow("the header") << ScriptedServer::streamHeader() << u"sent no stream header within 2.5 s"_s;
    QTest::newRow("the handshake reply")
        << QByteArray("<handshake/>") << u"did not answer the handshake within 2.5 s"_s;
}

void TestHostileServer::oneBytePerSecond()
{
    // The connect timeout bounds TCP, the stream header and the handshake together, however the bytes
    // are paced: a byte a second never completes the header or the handshake in time.
    QFETCH(QByteArray, trickle);
    QFETCH(QString, explanation);
    ScriptedServer server;
    QVERIFY(server.listen());
    RecordingClient client(server.port(), secret, [](ConnectionSettings &s) { s.connectTimeout = 2500ms; });
    QElapsedTimer timer;
    timer.start();
    client.connection.connectToServer();
    QVERIFY(server.waitForReceived("<stream:stream"));
    if (trickle != ScriptedServer::streamHeader()) {
        server.send(ScriptedServer::streamHeader());
        QVERIFY(server.waitForReceived("</handshake>"));
    }
    QTimer pacer;
    qsizetype next = 0;
    connect(&pacer, &QTimer::timeout, this, [&] {
        if (next < trickle.size())
            server.send(trickle.mid(next++, 1));
    });
    server.send(trickle.left(1));
    next = 1;
    pacer.start(1000);
    QVERIFY(client.waitFor(ConnectionState::Disconnected, 6000));
    QVERIFY2(timer.elapsed() >= 2300 && timer.elapsed() < 4500, qPrintable(QString::number(timer.elapsed())));
    QVERIFY(next < trickle.size()); // it really was still trickling
    const DisconnectReason reason = client.connection.lastReason();
    QCOMPARE(reason.kind, DisconnectReason::Kind::Timeout);
    QVERIFY2(reason.explanation.contains(explanation), qPrintable(reason.explanation));
    QVERIFY(server.waitForReceived("<connection-timeout xmlns='urn:ietf:params:xml:ns:xmpp-streams'/>"));
    QVERIFY(server.waitForClientGone());
}

void TestHostileServer::keepalivesDoNotExtendTheHandshake()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    RecordingClient client(server.port(), secret, [](ConnectionSettings &s) { s.connectTimeout = 1500ms; });
    client.connection.connectToServer();
    QVERIFY(server.waitForReceived("<stream:stream"));
    server.send(ScriptedServer::streamHeader());
    QVERIFY(server.waitForReceived("</handshake>"));
    QTimer keepalive;
    connect(&keepalive, &QTimer::timeout, this, [&server] { server.send(" "); });
    keepalive.start(100);
    QVERIFY(client.waitFor(ConnectionState::Disconnected, 4000));
    QCOMPARE(client.connection.lastReason().kind, DisconnectReason::Kind::Timeout);
    QVERIFY(server.waitForClientGone());
}

void TestHostileServer::refusalClosesEvenIfTheServerKeepsSending()
{
    // The server ignores our stream error and close and goes on sending. Our error must still reach
    // it (closing with its data unread would make the kernel send a reset, which can destroy our last
    // bytes before the server reads them), and we hang up by closeTimeout at the latest.
    ScriptedServer server;
    QVERIFY(server.listen());
    RecordingClient client(server.port(), secret, [](ConnectionSettings &s) { s.closeTimeout = 1s; });
    QVERIFY(openStream(server, client, true));
    QTimer chatter;
    connect(&chatter, &QTimer::timeout, this, [&server] {
        server.send("<message from='u@x' to='bot@comp.example'><body>more</body></message>");
    });
    chatter.start(10);
    QElapsedTimer timer;
    timer.start();
    server.send("<!-- not allowed -->");
    verifyRefused(server, client, u"restricted-xml"_s);
    // A prompt close, not the 1 s close timeout: half of it leaves room for a loaded machine and still
    // tells the two apart (a prompt close takes a few ms here).
    QVERIFY2(timer.elapsed() < 500, qPrintable(QString::number(timer.elapsed())));
}

QTEST_GUILESS_MAIN(TestHostileServer)
#include "tst_hostileserver.moc"
