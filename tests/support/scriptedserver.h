// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPointer>
#include <QSslServer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

namespace xcm::test {

// The server side of XEP-0114 played step by step by a test: for what a real server will not do
// (malformed input, stalls, drops mid-stanza). Listens on 127.0.0.1 only.
class ScriptedServer : public QObject
{
    Q_OBJECT
public:
    // The header this server opens its stream with: a 21-byte XML declaration, then <stream:stream>.
    static QByteArray streamHeader(const QByteArray &streamId = "s1");

    ScriptedServer();
    ~ScriptedServer() override;
    // With a certificate and key (PEM), the server speaks direct TLS.
    bool listen(const QByteArray &certificatePem = {}, const QByteArray &keyPem = {});
    void stopListening();
    quint16 port() const { return m_port; }

    bool waitForClient(int timeoutMs = 5000);
    int connectionCount() const { return m_connections; }
    // Everything the current client sent since it connected.
    QByteArray received() const { return m_received; }
    bool waitForReceived(QByteArrayView needle, int timeoutMs = 5000);
    bool waitForClientGone(int timeoutMs = 5000);
    bool clientConnected() const;

    // How fast the server reads what the client sends: a negative rate reads everything at once (the
    // default), 0 reads nothing (a stalled peer: the client's writes back up in the kernel).
    void setReadRate(qint64 bytesPerSecond);

    void send(const QByteArray &bytes);
    void closeClient();
    // From now on the current client's connection stays open until this server goes, whatever the
    // client does: a server that neither reads nor closes (QTcpSocket would close on the client's FIN).
    void holdConnectionOpen();
    // Sends the header, checks the handshake digest for `secret`, and answers `reply`.
    bool acceptHandshake(const QString &secret, const QByteArray &reply = "<handshake/>",
                         const QString &streamId = QStringLiteral("s1"));

private:
    void readSome(qint64 maxBytes);

    QTcpServer *m_server = nullptr;
    QTimer *m_readTimer = nullptr;
    qint64 m_readRate = -1;
    QPointer<QTcpSocket> m_client;
    QByteArray m_received;
    quint16 m_port = 0;
    int m_connections = 0;
    int m_heldDescriptor = -1;
};

} // namespace xcm::test
