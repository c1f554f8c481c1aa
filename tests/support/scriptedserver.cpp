// SPDX-License-Identifier: GPL-3.0-or-later
#include "scriptedserver.h"

#include <QCryptographicHash>
#include <QSslKey>
#include <QTest>

#include <unistd.h>

namespace xcm::test {

namespace {
// With a read rate set, Qt buffers at most this much, so that the kernel's buffers fill behind it.
constexpr qint64 readSlice = 64 * 1024;
constexpr std::chrono::milliseconds readTick{20};
} // namespace

ScriptedServer::ScriptedServer() = default;

ScriptedServer::~ScriptedServer()
{
    if (m_heldDescriptor >= 0)
        ::close(m_heldDescriptor);
}

QByteArray ScriptedServer::streamHeader(const QByteArray &streamId)
{
    return "<?xml version='1.0'?><stream:stream xmlns='jabber:component:accept' "
           "xmlns:stream='http://etherx.jabber.org/streams' from='comp.example' id='" +
           streamId + "'>";
}

bool ScriptedServer::listen(const QByteArray &certificatePem, const QByteArray &keyPem)
{
    if (certificatePem.isEmpty()) {
        m_server = new QTcpServer(this);
    } else {
        auto *tls = new QSslServer(this);
        QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
        configuration.setLocalCertificate(QSslCertificate(certificatePem));
        configuration.setPrivateKey(QSslKey(keyPem, QSsl::Rsa));
        tls->setSslConfiguration(configuration);
        m_server = tls;
    }
    connect(m_server, &QTcpServer::pendingConnectionAvailable, this, [this] {
        while (QTcpSocket *socket = m_server->nextPendingConnection()) {
            if (m_client)
                m_client->abort();
            m_client = socket;
            m_received.clear();
            ++m_connections;
            if (m_readRate >= 0)
                socket->setReadBufferSize(readSlice);
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] {
                if (socket == m_client && m_readRate < 0)
                    m_received += socket->readAll();
            });
        }
    });
    if (!m_server->listen(QHostAddress::LocalHost, m_port))
        return false;
    m_port = m_server->serverPort();
    return true;
}

void ScriptedServer::setReadRate(qint64 bytesPerSecond)
{
    m_readRate = bytesPerSecond;
    if (m_client)
        m_client->setReadBufferSize(bytesPerSecond < 0 ? 0 : readSlice);
    if (!m_readTimer) {
        m_readTimer = new QTimer(this);
        m_readTimer->setInterval(readTick);
        connect(m_readTimer, &QTimer::timeout, this,
                [this] { readSome(m_readRate * readTick.count() / 1000); });
    }
    if (bytesPerSecond > 0)
        m_readTimer->start();
    else
        m_readTimer->stop();
    if (bytesPerSecond < 0)
        readSome(-1);
}

void ScriptedServer::readSome(qint64 maxBytes)
{
    if (m_client)
        m_received += maxBytes < 0 ? m_client->readAll() : m_client->read(maxBytes);
}

void ScriptedServer::stopListening()
{
    m_server->close();
}

bool ScriptedServer::waitForClient(int timeoutMs)
{
    return QTest::qWaitFor([this] { return clientConnected(); }, timeoutMs);
}

bool ScriptedServer::clientConnected() const
{
    return m_client && m_client->state() == QAbstractSocket::ConnectedState;
}

bool ScriptedServer::waitForReceived(QByteArrayView needle, int timeoutMs)
{
    return QTest::qWaitFor([&] { return m_received.contains(needle); }, timeoutMs);
}

bool ScriptedServer::waitForClientGone(int timeoutMs)
{
    return QTest::qWaitFor([this] { return !clientConnected(); }, timeoutMs);
}

void ScriptedServer::send(const QByteArray &bytes)
{
    if (m_client)
        m_client->write(bytes);
}

void ScriptedServer::holdConnectionOpen()
{
    // A second descriptor of the socket: Qt closing its own does not close the connection.
    if (m_client && m_heldDescriptor < 0)
        m_heldDescriptor = ::dup(int(m_client->socketDescriptor()));
    setReadRate(0);
}

void ScriptedServer::closeClient()
{
    if (m_client)
        m_client->disconnectFromHost();
}

bool ScriptedServer::acceptHandshake(const QString &secret, const QByteArray &reply, const QString &streamId)
{
    if (!waitForClient() || !waitForReceived("<stream:stream"))
        return false;
    send(streamHeader(streamId.toUtf8()));
    if (!waitForReceived("</handshake>"))
        return false;
    const QByteArray digest =
        QCryptographicHash::hash((streamId + secret).toUtf8(), QCryptographicHash::Sha1).toHex();
    if (!m_received.contains(QByteArray("<handshake>" + digest + "</handshake>")))
        return false;
    send(reply);
    return true;
}

} // namespace xcm::test
