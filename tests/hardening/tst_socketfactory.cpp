// SPDX-License-Identifier: GPL-3.0-or-later
// ComponentConnection::setSocketFactory(), the seam the fuzzer (and any proxying socket) uses: it makes
// the socket of every attempt, and cannot downgrade direct TLS to plain text.
#include "componentconnection.h"
#include "scriptedserver.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace xcm;
using xcm::test::ScriptedServer;

namespace {

const QString secret = u"factory-secret"_s;

ConnectionSettings settingsFor(quint16 port)
{
    ConnectionSettings settings;
    settings.port = port;
    settings.domain = u"comp.example"_s;
    settings.connectTimeout = 3s;
    settings.reconnect.initialDelay = 50ms;
    settings.reconnect.jitter = 0;
    return settings;
}

} // namespace

class TestSocketFactory : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void makesTheSocketOfEveryAttempt();
    void directTlsRefusesAPlainSocket();
};

void TestSocketFactory::makesTheSocketOfEveryAttempt()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    ComponentConnection connection;
    connection.setSettings(settingsFor(server.port()));
    connection.setSecret(secret);
    QList<QAbstractSocket *> made;
    connection.setSocketFactory([&made](QObject *parent) {
        auto *socket = new QTcpSocket(parent);
        made.append(socket);
        return socket;
    });
    connection.connectToServer();
    QVERIFY(server.acceptHandshake(secret));
    QTRY_COMPARE(connection.state(), ConnectionState::Connected);
    QCOMPARE(made.size(), 1);
    QCOMPARE(made.first()->parent(), &connection);
    server.closeClient(); // dropped: the reconnect gets a new socket from the factory
    QVERIFY(server.acceptHandshake(secret));
    QTRY_COMPARE(connection.state(), ConnectionState::Connected);
    QCOMPARE(made.size(), 2);
    connection.disconnectFromServer();
}

void TestSocketFactory::directTlsRefusesAPlainSocket()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    ComponentConnection connection;
    ConnectionSettings settings = settingsFor(server.port());
    settings.directTls = true;
    connection.setSettings(settings);
    connection.setSecret(secret);
    connection.setSocketFactory([](QObject *parent) { return new QTcpSocket(parent); });
    QSignalSpy retries(&connection, &ComponentConnection::reconnectScheduled);
    connection.connectToServer();
    QCOMPARE(connection.state(), ConnectionState::Disconnected);
    QCOMPARE(connection.lastReason().kind, DisconnectReason::Kind::Configuration);
    QVERIFY2(connection.lastReason().explanation.contains(u"no TLS socket"),
             qPrintable(connection.lastReason().explanation));
    QTest::qWait(200);
    QCOMPARE(server.connectionCount(), 0); // not a byte in plain text
    QCOMPARE(retries.size(), 0);
}

QTEST_GUILESS_MAIN(TestSocketFactory)
#include "tst_socketfactory.moc"
