// SPDX-License-Identifier: GPL-3.0-or-later
// Checks the real-Prosody harness itself, speaking XEP-0114 by hand so it depends on nothing in lib/.
#include "prerequisite.h"
#include "prosodyserver.h"

#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTest>

#include <functional>

// No raw string literals in this file: moc 6.4 mis-lexes uR"(...)" and then finds no Q_OBJECT class.

using namespace Qt::Literals::StringLiterals;
using xcm::test::ComponentAccount;
using xcm::test::ProsodyServer;

namespace {

const QString Component = u"comp.localhost"_s;
const QString Secret = u"s3cret\"'\\ with lua-hostile chars"_s;

// Reads until `done` accepts what has arrived, the peer closes, or 5 s pass.
QByteArray readUntil(QTcpSocket &socket, const std::function<bool(const QByteArray &)> &done)
{
    QByteArray received;
    const QDeadlineTimer deadline(5000);
    while (!deadline.hasExpired()) {
        received += socket.readAll();
        if (done(received))
            break;
        if (socket.state() != QAbstractSocket::ConnectedState)
            break;
        socket.waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime())));
    }
    return received + socket.readAll();
}

bool contains(const QByteArray &haystack, const char *needle)
{
    return haystack.contains(needle);
}

struct Handshake
{
    QByteArray header;
    QByteArray reply;
};

Handshake componentHandshake(quint16 port, const QString &domain, const QString &secret)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(2000))
        return {};
    socket.write("<stream:stream xmlns='jabber:component:accept' "
                 "xmlns:stream='http://etherx.jabber.org/streams' to='" +
                 domain.toUtf8() + "'>");
    Handshake result;
    result.header = readUntil(socket, [](const QByteArray &b) {
        return b.contains("<stream:stream") && b.indexOf('>', b.indexOf("<stream:stream")) > 0;
    });
    static const QRegularExpression idRe(u"<stream:stream[^>]*\\sid=['\"]([^'\"]+)['\"]"_s);
    const QRegularExpressionMatch m = idRe.match(QString::fromUtf8(result.header));
    if (!m.hasMatch())
        return result;
    const QByteArray digest =
        QCryptographicHash::hash((m.captured(1) + secret).toUtf8(), QCryptographicHash::Sha1).toHex();
    socket.write("<handshake>" + digest + "</handshake>");
    result.reply = readUntil(socket, [](const QByteArray &b) {
        return b.contains("<handshake/>") || b.contains("</stream:stream>");
    });
    return result;
}

bool portRefuses(quint16 port)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    socket.waitForConnected(2000);
    return socket.state() != QAbstractSocket::ConnectedState &&
           socket.error() == QAbstractSocket::ConnectionRefusedError;
}

} // namespace

class TestProsodyServer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QString why;
        XCM_REQUIRE_PREREQUISITE(ProsodyServer::available(&why), why);
    }

    void handshakeSucceeds()
    {
        ProsodyServer server({{Component, Secret}});
        QString error;
        QElapsedTimer timer;
        timer.start();
        QVERIFY2(server.start(&error), qPrintable(error));
        qInfo("prosody up in %lld ms", timer.elapsed());
        QVERIFY(server.componentPort() != 0 && server.clientPort() != 0);
        QVERIFY(server.componentPort() != server.clientPort());
        QCOMPARE(server.serverDomain(), u"localhost"_s);

        const Handshake h = componentHandshake(server.componentPort(), Component, Secret);
        QVERIFY2(h.header.contains("xmlns='jabber:component:accept'") ||
                     h.header.contains("jabber:component:accept"),
                 h.header.constData());
        QVERIFY2(h.reply.contains("<handshake/>"), qPrintable(QString::fromUtf8(h.reply) + server.log()));
    }

    void wrongSecretIsNotAuthorized()
    {
        ProsodyServer server({{Component, Secret}});
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        const Handshake h = componentHandshake(server.componentPort(), Component, u"wrong"_s);
        QVERIFY2(h.reply.contains("not-authorized"), h.reply.constData());
        QVERIFY(!h.reply.contains("<handshake/>"));
    }

    void unknownComponentIsHostUnknown()
    {
        ProsodyServer server({{Component, Secret}});
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        // Prosody rejects at the header already, so no id and no handshake reply.
        const Handshake h = componentHandshake(server.componentPort(), u"other.localhost"_s, Secret);
        QVERIFY2(h.header.contains("host-unknown"), h.header.constData());
    }

    void serverAnswersPing()
    {
        ProsodyServer server({{Component, Secret}});
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));

        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, server.componentPort());
        QVERIFY(socket.waitForConnected(2000));
        socket.write("<stream:stream xmlns='jabber:component:accept' "
                     "xmlns:stream='http://etherx.jabber.org/streams' to='comp.localhost'>");
        const QByteArray header = readUntil(socket, [](const QByteArray &b) { return b.contains(" id="); });
        static const QRegularExpression idRe(u"\\sid=['\"]([^'\"]+)['\"]"_s);
        const QString id = idRe.match(QString::fromUtf8(header)).captured(1);
        QVERIFY2(!id.isEmpty(), header.constData());
        socket.write("<handshake>" +
                     QCryptographicHash::hash((id + Secret).toUtf8(), QCryptographicHash::Sha1).toHex() +
                     "</handshake>");
        QVERIFY(readUntil(socket, [](const QByteArray &b) {
                    return contains(b, "<handshake/>");
                }).contains("<handshake/>"));

        socket.write("<iq type='get' id='p1' from='comp.localhost' to='localhost'>"
                     "<ping xmlns='urn:xmpp:ping'/></iq>");
        const QByteArray reply =
            readUntil(socket, [](const QByteArray &b) { return contains(b, "</iq>") || contains(b, "/>"); });
        QVERIFY2(reply.contains("type='result'") && reply.contains("id='p1'"), reply.constData());
    }

    void killThenRestartOnSamePort()
    {
        ProsodyServer server({{Component, Secret}});
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        const quint16 port = server.componentPort();

        server.kill();
        QVERIFY(!server.isRunning());
        QVERIFY(portRefuses(port));

        QElapsedTimer timer;
        timer.start();
        QVERIFY2(server.restart(&error), qPrintable(error));
        qInfo("prosody restarted in %lld ms", timer.elapsed());
        QCOMPARE(server.componentPort(), port);
        QVERIFY(componentHandshake(port, Component, Secret).reply.contains("<handshake/>"));
    }

    void stopThenStartAgain()
    {
        ProsodyServer server({{Component, Secret}});
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        const quint16 port = server.componentPort();
        QElapsedTimer timer;
        timer.start();
        server.stop();
        qInfo("prosody stopped in %lld ms", timer.elapsed());
        QVERIFY(portRefuses(port));
        QVERIFY2(server.start(&error), qPrintable(error)); // start() after stop() reuses the same ports
        QCOMPARE(server.componentPort(), port);
        QVERIFY(server.log().contains(u"Received SIGTERM"_s));
    }

    void twoServersAndTwoComponents()
    {
        ProsodyServer a({{Component, Secret}, {u"echo.localhost"_s, u"other"_s}});
        ProsodyServer b({{Component, Secret}});
        QString error;
        QVERIFY2(a.start(&error), qPrintable(error));
        QVERIFY2(b.start(&error), qPrintable(error));
        QVERIFY(a.componentPort() != b.componentPort());
        QVERIFY(componentHandshake(a.componentPort(), u"echo.localhost"_s, u"other"_s)
                    .reply.contains("<handshake/>"));
        QVERIFY(componentHandshake(b.componentPort(), Component, Secret).reply.contains("<handshake/>"));
    }

    void clientCanLogIn()
    {
        ProsodyServer server({{Component, Secret}});
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        QVERIFY2(server.addUser(u"alice"_s, u"pw"_s, &error), qPrintable(error));

        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, server.clientPort());
        QVERIFY(socket.waitForConnected(2000));
        socket.write("<?xml version='1.0'?><stream:stream xmlns='jabber:client' "
                     "xmlns:stream='http://etherx.jabber.org/streams' to='localhost' version='1.0'>");
        const QByteArray features =
            readUntil(socket, [](const QByteArray &b) { return contains(b, "</stream:features>"); });
        QVERIFY2(features.contains("<mechanism>PLAIN</mechanism>"), features.constData());
        socket.write("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>" +
                     QByteArray("\0alice\0pw", 9).toBase64() + "</auth>");
        const QByteArray reply = readUntil(
            socket, [](const QByteArray &b) { return contains(b, "<success") || contains(b, "<failure"); });
        QVERIFY2(reply.contains("<success"), reply.constData());
    }

    void configStaysOnLoopback()
    {
        ProsodyServer server({{Component, Secret}});
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        const QString log = server.log();
        QVERIFY2(!log.contains(u"[*]"_s) && !log.contains(u"[::]"_s), qPrintable(log));
        QVERIFY2(!log.contains(u"\terror\t"_s), qPrintable(log));
        QVERIFY(!log.contains(u"s2s"_s));
    }
};

QTEST_GUILESS_MAIN(TestProsodyServer)
#include "tst_prosodyserver.moc"
