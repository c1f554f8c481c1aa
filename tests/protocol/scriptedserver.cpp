// SPDX-License-Identifier: GPL-3.0-or-later
#include "scriptedserver.h"

#include <QCryptographicHash>
#include <QSslKey>
#include <QTest>

namespace xcm::test {

ScriptedServer::ScriptedServer() = default;

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
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] {
                if (socket == m_client)
                    m_received += socket->readAll();
            });
        }
    });
    if (!m_server->listen(QHostAddress::LocalHost, m_port))
        return false;
    m_port = m_server->serverPort();
    return true;
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

void ScriptedServer::closeClient()
{
    if (m_client)
        m_client->disconnectFromHost();
}

bool ScriptedServer::acceptHandshake(const QString &secret, const QByteArray &reply, const QString &streamId)
{
    if (!waitForClient() || !waitForReceived("<stream:stream"))
        return false;
    send(QByteArray(header).replace("%1", streamId.toUtf8()));
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
