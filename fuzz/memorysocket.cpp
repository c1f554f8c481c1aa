// SPDX-License-Identifier: GPL-3.0-or-later
#include "memorysocket.h"

#include <QMetaObject>

namespace xcm::fuzz {

MemorySocket::MemorySocket(QObject *parent)
    : QTcpSocket(parent)
{}

MemorySocket::~MemorySocket()
{
    // QAbstractSocket's destructor would abort() a socket it believes connected, into a real socket
    // engine that does not exist.
    setSocketState(UnconnectedState);
}

void MemorySocket::connectToHost(const QString &, quint16, OpenMode, NetworkLayerProtocol)
{
    // Unbuffered: QIODevice calls readData() directly and keeps no copy of its own.
    setOpenMode(ReadWrite | Unbuffered);
    setSocketState(ConnectedState);
    Q_EMIT stateChanged(ConnectedState);
    Q_EMIT connected();
}

void MemorySocket::disconnectFromHost()
{
    if (state() == UnconnectedState)
        return;
    setSocketState(ClosingState);
    Q_EMIT stateChanged(ClosingState);
    becomeUnconnected(m_queuedDisconnect);
}

void MemorySocket::close()
{
    // What QAbstractSocket::close() does, minus the socket engine.
    QIODevice::close();
    if (state() != UnconnectedState) {
        setSocketState(UnconnectedState);
        Q_EMIT stateChanged(UnconnectedState);
        Q_EMIT disconnected();
    }
}

qint64 MemorySocket::bytesAvailable() const
{
    return m_incoming.size() - m_readPos + QIODevice::bytesAvailable();
}

void MemorySocket::serverSend(QByteArrayView bytes)
{
    if (state() != ConnectedState || bytes.isEmpty())
        return;
    m_incoming.append(bytes);
    Q_EMIT readyRead();
}

void MemorySocket::serverHangUp()
{
    if (state() == UnconnectedState)
        return;
    becomeUnconnected(false);
}

qint64 MemorySocket::readData(char *data, qint64 maxSize)
{
    const qint64 n = std::min<qint64>(maxSize, m_incoming.size() - m_readPos);
    if (n <= 0)
        return state() == ConnectedState ? 0 : -1;
    std::memcpy(data, m_incoming.constData() + m_readPos, size_t(n));
    m_readPos += n;
    if (m_readPos == m_incoming.size()) {
        m_incoming.clear();
        m_readPos = 0;
    }
    return n;
}

qint64 MemorySocket::writeData(const char *data, qint64 size)
{
    if (state() != ConnectedState)
        return -1;
    m_written.append(data, size);
    if (m_sink)
        m_sink->append(data, size);
    Q_EMIT bytesWritten(size);
    return size;
}

void MemorySocket::becomeUnconnected(bool queued)
{
    setSocketState(UnconnectedState);
    auto signal = [this] {
        Q_EMIT stateChanged(UnconnectedState);
        Q_EMIT readChannelFinished();
        Q_EMIT disconnected();
    };
    if (queued)
        QMetaObject::invokeMethod(this, signal, Qt::QueuedConnection);
    else
        signal();
}

} // namespace xcm::fuzz
