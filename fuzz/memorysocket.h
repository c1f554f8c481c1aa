// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QTcpSocket>

namespace xcm::fuzz {

// A connected-at-once socket with no network behind it, for driving ComponentConnection from memory
// (one fuzz input takes microseconds instead of a TCP round-trip). The test plays the server:
// serverSend() queues bytes and signals readyRead, serverHangUp() drops the line. What the client
// writes is kept in written().
class MemorySocket : public QTcpSocket
{
    Q_OBJECT
public:
    explicit MemorySocket(QObject *parent = nullptr);
    ~MemorySocket() override;

    // disconnectFromHost() signals disconnected() at once, as Qt does when nothing is left to write;
    // queued, it comes from the event loop instead, as when the write buffer still had to drain.
    void setQueuedDisconnect(bool queued) { m_queuedDisconnect = queued; }

    void connectToHost(const QString &hostName, quint16 port, OpenMode mode = ReadWrite,
                       NetworkLayerProtocol protocol = AnyIPProtocol) override;
    void disconnectFromHost() override;
    void close() override;
    qint64 bytesAvailable() const override;
    void setSocketOption(SocketOption, const QVariant &) override {}

    // Also appends what the client writes to `sink`, which may outlive the socket.
    void setWriteSink(QByteArray *sink) { m_sink = sink; }

    void serverSend(QByteArrayView bytes);
    void serverHangUp();
    const QByteArray &written() const { return m_written; }

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *data, qint64 size) override;

private:
    void becomeUnconnected(bool queued);

    QByteArray m_incoming;
    qsizetype m_readPos = 0;
    QByteArray m_written;
    QByteArray *m_sink = nullptr;
    bool m_queuedDisconnect = false;
};

} // namespace xcm::fuzz
