// SPDX-License-Identifier: GPL-3.0-or-later
// StreamSocket on its own, against a bare QTcpServer: no handshake, no connection states.
#include "streamsocket.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace xcm;

namespace {

constexpr QByteArrayView serverHeader = "<?xml version='1.0'?><stream:stream xmlns='jabber:component:accept' "
                                        "xmlns:stream='http://etherx.jabber.org/streams' from='comp.example' "
                                        "id='s1'>";

} // namespace

class TestStreamSocket : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void readsIntoTheParserAndCountsBytes();
    void backlogDrainsToZero();
    void stanzaTimer_data();
    void stanzaTimer();
    void stanzaTimerMeasuresEachStanzaFromItsStart();
    void shutdownEndsOurDirectionOnly();
    void dropStopsEverything();
    void directTlsRefusesAPlainSocket();
    void explainsARefusedConnection();

private:
    // Prepares and connects `stream` to the test's server; returns the server's side.
    QTcpSocket *open(StreamSocket &stream, ConnectionSettings settings = {});
    // Opens `stream` with `stanzaTimeout` for a stanza, its timer armed or not, and the server's header
    // received; returns the server's side, or null.
    QTcpSocket *openWithStanzaTimer(StreamSocket &stream, std::chrono::milliseconds stanzaTimeout,
                                    bool armed);

    std::unique_ptr<QTcpServer> m_server;
    QObject m_socketParent;
};

void TestStreamSocket::init()
{
    m_server = std::make_unique<QTcpServer>();
    QVERIFY(m_server->listen(QHostAddress::LocalHost));
}

void TestStreamSocket::cleanup()
{
    m_server.reset();
}

QTcpSocket *TestStreamSocket::open(StreamSocket &stream, ConnectionSettings settings)
{
    settings.host = u"127.0.0.1"_s;
    settings.port = m_server->serverPort();
    QSignalSpy ready(&stream, &StreamSocket::ready);
    if (!stream.prepare(settings, &m_socketParent).isNull())
        return nullptr;
    stream.connectToHost();
    if (!ready.wait(5000))
        return nullptr;
    if (!m_server->hasPendingConnections() && !m_server->waitForNewConnection(5000))
        return nullptr;
    return m_server->nextPendingConnection();
}

void TestStreamSocket::readsIntoTheParserAndCountsBytes()
{
    StreamSocket stream;
    QTcpSocket *peer = open(stream);
    QVERIFY(peer);
    QVERIFY(stream.isOpen());
    QSignalSpy opened(&stream.parser(), &StreamParser::streamOpened);
    QSignalSpy stanzas(&stream.parser(), &StreamParser::stanzaReceived);
    qint64 read = 0;
    connect(&stream, &StreamSocket::bytesRead, this, [&read](qint64 count) { read += count; });
    const QByteArray sent = serverHeader.toByteArray() + "<message from='a@b' to='comp.example'/>";
    peer->write(sent);
    QTRY_COMPARE(stanzas.size(), 1);
    QCOMPARE(opened.size(), 1);
    QCOMPARE(read, sent.size());

    stream.write("<presence/>");
    QVERIFY(QTest::qWaitFor([peer] { return peer->bytesAvailable() >= 11; }, 5000));
    QCOMPARE(peer->readAll(), "<presence/>");
}

void TestStreamSocket::backlogDrainsToZero()
{
    StreamSocket stream;
    QTcpSocket *peer = open(stream);
    QVERIFY(peer);
    QList<qint64> backlog;
    connect(&stream, &StreamSocket::backlogChanged, this,
            [&backlog](qint64 bytes) { backlog.append(bytes); });
    const QByteArray big(8 * 1024 * 1024, 'x');
    stream.write(big);
    QVERIFY(stream.bytesToWrite() > 0);
    qint64 received = 0;
    QVERIFY(QTest::qWaitFor(
        [&] {
            received += peer->readAll().size();
            return received == big.size() && !backlog.isEmpty() && backlog.last() == 0;
        },
        20000));
    QCOMPARE(stream.bytesToWrite(), 0);
    QVERIFY(backlog.size() > 1); // reported as it drained, not only at the end
}

QTcpSocket *TestStreamSocket::openWithStanzaTimer(StreamSocket &stream,
                                                  std::chrono::milliseconds stanzaTimeout, bool armed)
{
    ConnectionSettings settings;
    settings.stanzaTimeout = stanzaTimeout;
    QTcpSocket *peer = open(stream, settings);
    if (!peer)
        return nullptr;
    stream.setStanzaTimerArmed(armed);
    QSignalSpy opened(&stream.parser(), &StreamParser::streamOpened);
    peer->write(serverHeader.toByteArray());
    return opened.wait(5000) ? peer : nullptr;
}

void TestStreamSocket::stanzaTimer_data()
{
    QTest::addColumn<bool>("armed");
    QTest::addColumn<QByteArray>("tail"); // sent after the header
    QTest::addColumn<bool>("timesOut");
    QTest::newRow("armed, stanza unfinished") << true << QByteArray("<message from='a@b' to='c'><bo") << true;
    QTest::newRow("armed, stanza complete") << true << QByteArray("<message from='a@b' to='c'/>") << false;
    QTest::newRow("disarmed, stanza unfinished")
        << false << QByteArray("<message from='a@b' to='c'><bo") << false;
}

void TestStreamSocket::stanzaTimer()
{
    QFETCH(bool, armed);
    QFETCH(QByteArray, tail);
    QFETCH(bool, timesOut);
    StreamSocket stream;
    QTcpSocket *peer = openWithStanzaTimer(stream, 200ms, armed);
    QVERIFY(peer);
    QSignalSpy timedOut(&stream, &StreamSocket::stanzaTimedOut);
    peer->write(tail);
    QCOMPARE(timedOut.wait(600), timesOut);
}

void TestStreamSocket::stanzaTimerMeasuresEachStanzaFromItsStart()
{
    StreamSocket stream;
    QTcpSocket *peer = openWithStanzaTimer(stream, 1000ms, true);
    QVERIFY(peer);
    QSignalSpy timedOut(&stream, &StreamSocket::stanzaTimedOut);
    QElapsedTimer clock;
    clock.start();
    peer->write("<message from='a@b' to='c'><bo");
    QTest::qWait(600);
    // The first stanza ends and the next begins in one read: the next has its own second from now.
    peer->write("dy>1</body></message><message from='a@b' to='c'><bo");
    QVERIFY(!timedOut.wait(1400 - int(clock.elapsed()))); // 1.0 s after the first began: not yet
    QVERIFY(timedOut.wait(5000));
    QCOMPARE_GE(clock.elapsed(), 1500); // about 1.6 s: a second after the second began
}

void TestStreamSocket::shutdownEndsOurDirectionOnly()
{
    StreamSocket stream;
    QTcpSocket *peer = open(stream);
    QVERIFY(peer);
    QSignalSpy stanzas(&stream.parser(), &StreamParser::stanzaReceived);
    stream.write("</stream:stream>");
    stream.shutdownWhenFlushed();
    // The peer reads everything and then the end of our direction…
    QSignalSpy peerSawEnd(peer, &QTcpSocket::disconnected);
    QByteArray received;
    QVERIFY(QTest::qWaitFor(
        [&] {
            received += peer->readAll();
            return peerSawEnd.size() > 0;
        },
        5000));
    received += peer->readAll();
    QCOMPARE(received, "</stream:stream>");
    QVERIFY(stream.isOpen());
}

void TestStreamSocket::dropStopsEverything()
{
    StreamSocket stream;
    QTcpSocket *peer = open(stream);
    QVERIFY(peer);
    QSignalSpy opened(&stream.parser(), &StreamParser::streamOpened);
    QSignalSpy disconnected(&stream, &StreamSocket::disconnected);
    QSignalSpy errors(&stream, &StreamSocket::errorOccurred);
    stream.drop();
    QVERIFY(!stream.isOpen());
    QCOMPARE(stream.bytesToWrite(), 0);
    stream.write("ignored");
    QSignalSpy peerGone(peer, &QTcpSocket::disconnected);
    QVERIFY(peerGone.wait(5000));
    QTest::qWait(50);
    QCOMPARE(opened.size(), 0);
    QCOMPARE(disconnected.size(), 0);
    QCOMPARE(errors.size(), 0);
}

void TestStreamSocket::directTlsRefusesAPlainSocket()
{
    StreamSocket stream;
    QPointer<QAbstractSocket> made;
    stream.setFactory([&made](QObject *parent) { return made = new QTcpSocket(parent); });
    ConnectionSettings settings;
    settings.directTls = true;
    const DisconnectReason refused = stream.prepare(settings, &m_socketParent);
    QCOMPARE(refused.kind, DisconnectReason::Kind::Configuration);
    QVERIFY2(refused.explanation.contains(u"no TLS socket"), qPrintable(refused.explanation));
    QVERIFY(!stream.isOpen());
    QVERIFY(made.isNull()); // deleted, never used

    // Without TLS the factory's socket is the one used, parented as asked.
    settings.directTls = false;
    QVERIFY(stream.prepare(settings, &m_socketParent).isNull());
    QVERIFY(stream.isOpen());
    QVERIFY(made);
    QCOMPARE(made->parent(), &m_socketParent);
}

void TestStreamSocket::explainsARefusedConnection()
{
    const quint16 closedPort = m_server->serverPort();
    m_server->close();
    StreamSocket stream;
    ConnectionSettings settings;
    settings.port = closedPort;
    QVERIFY(stream.prepare(settings, &m_socketParent).isNull());
    QSignalSpy errors(&stream, &StreamSocket::errorOccurred);
    stream.connectToHost();
    QVERIFY(errors.wait(5000));
    const auto error = errors.first().first().value<QAbstractSocket::SocketError>();
    QCOMPARE(error, QAbstractSocket::ConnectionRefusedError);
    const DisconnectReason reason = stream.errorReason(error);
    QCOMPARE(reason.condition, u"connection-refused"_s);
    QVERIFY2(reason.explanation.contains(u"127.0.0.1:%1"_s.arg(closedPort)), qPrintable(reason.explanation));
    QVERIFY(!reason.detail.isEmpty()); // the socket's own words
}

QTEST_GUILESS_MAIN(TestStreamSocket)
#include "tst_streamsocket.moc"
