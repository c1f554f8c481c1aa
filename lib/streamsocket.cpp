// SPDX-License-Identifier: GPL-3.0-or-later
#include "streamsocket.h"

#include "logging.h"

#include <QSslSocket>
#include <QTcpSocket>

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#endif

using namespace Qt::StringLiterals;

namespace xcm {

namespace {

// Bytes taken off the socket per read notification.
constexpr qint64 readSliceSize = 64 * 1024;

} // namespace

StreamSocket::StreamSocket(QObject *parent)
    : QObject(parent)
{
    m_stanzaTimer.setSingleShot(true);
    connect(&m_stanzaTimer, &QTimer::timeout, this, &StreamSocket::stanzaTimedOut);
}

StreamSocket::~StreamSocket()
{
    drop();
}

void StreamSocket::setFactory(Factory factory)
{
    m_factory = std::move(factory);
}

DisconnectReason StreamSocket::prepare(const ConnectionSettings &settings, QObject *socketParent)
{
    drop();
    m_settings = settings;
    m_parser.reset();
    m_parser.setLimits({settings.maxStanzaBytes, settings.maxDepth});
    m_certificateReason = {};
    setStanzaTimerArmed(false);
    m_readingPaused = false;

    QAbstractSocket *created = m_factory ? m_factory(socketParent) : nullptr;
    if (!created)
        created = settings.directTls ? new QSslSocket(socketParent) : new QTcpSocket(socketParent);
    if (settings.directTls && !qobject_cast<QSslSocket *>(created)) {
        delete created; // never fall back to plain text when TLS was asked for
        return {DisconnectReason::Kind::Configuration,
                u"configuration"_s,
                {},
                tr("direct TLS is set but the socket factory made no TLS socket")};
    }
    adopt(created);
    return {};
}

void StreamSocket::adopt(QAbstractSocket *socket)
{
    m_socket = socket;
    const auto onReady = [this] {
        m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        Q_EMIT ready();
    };
    const auto onWritten = [this] { Q_EMIT backlogChanged(bytesToWrite()); };
    if (auto *ssl = qobject_cast<QSslSocket *>(socket); ssl && m_settings.directTls) {
        connect(ssl, &QSslSocket::encrypted, this, onReady);
        if (!m_settings.tlsServerName.isEmpty())
            ssl->setPeerVerifyName(m_settings.tlsServerName);
        connect(ssl, &QSslSocket::sslErrors, this, [this, ssl](const QList<QSslError> &errors) {
            if (m_settings.acceptInvalidCertificates) {
                qCDebug(lcConnection)
                    << "ignoring" << errors.size() << "TLS errors: invalid certificates allowed";
                ssl->ignoreSslErrors(errors);
                return;
            }
            const QString expected =
                m_settings.tlsServerName.isEmpty() ? m_settings.host : m_settings.tlsServerName;
            m_certificateReason = certificateErrorReason(errors, expected);
            qCDebug(lcConnection).noquote() << "TLS certificate refused:" << m_certificateReason.toString();
        });
        connect(ssl, &QSslSocket::encryptedBytesWritten, this, onWritten);
    } else {
        connect(socket, &QAbstractSocket::connected, this, onReady);
    }
    // Without a limit the socket moves everything the kernel holds into its own buffer at each read
    // notification: under a flood that is megabytes (20 MB measured by bench/) parsed in one
    // readyRead, hundreds of milliseconds in which no timer fires and no window repaints. One slice
    // per notification keeps each readyRead to a few milliseconds and the memory a flood costs bounded.
    socket->setReadBufferSize(readSliceSize);
    connect(socket, &QAbstractSocket::readyRead, this, &StreamSocket::onReadyRead);
    connect(socket, &QIODevice::bytesWritten, this, onWritten);
    connect(socket, &QAbstractSocket::errorOccurred, this, &StreamSocket::errorOccurred);
    connect(socket, &QAbstractSocket::disconnected, this, &StreamSocket::disconnected);
}

void StreamSocket::connectToHost()
{
    if (!m_socket)
        return;
    qCDebug(lcConnection).noquote() << "connecting to" << m_settings.host << m_settings.port
                                    << (m_settings.directTls ? "with direct TLS" : "in plain TCP");
    if (auto *ssl = qobject_cast<QSslSocket *>(m_socket); ssl && m_settings.directTls)
        ssl->connectToHostEncrypted(m_settings.host, m_settings.port);
    else
        m_socket->connectToHost(m_settings.host, m_settings.port);
}

void StreamSocket::onReadyRead()
{
    // The socket buffers at most one slice (see adopt()); the parser's size limit sees every slice
    // before the next one is read.
    m_readBuffer.resize(readSliceSize);
    while (m_socket && !m_readingPaused && m_socket->bytesAvailable() > 0) {
        const qint64 read = m_socket->read(m_readBuffer.data(), readSliceSize);
        if (read <= 0)
            break;
        Q_EMIT bytesRead(read);
        const quint64 before = m_parser.stanzasDelivered();
        m_parser.feed(QByteArrayView(m_readBuffer.constData(), read));
        if (!m_socket)
            return; // a receiver of the parser dropped us
        if (m_parser.hasFailed() || m_parser.isClosed())
            continue; // nothing more is parsed, but read on: see shutdownWhenFlushed()
        if (m_stanzaTimerArmed) {
            // The stanza timer measures one stanza from its first byte: restart it when a new one began.
            if (m_parser.pendingBytes() == 0)
                m_stanzaTimer.stop();
            else if (!m_stanzaTimer.isActive() || m_parser.stanzasDelivered() != before)
                m_stanzaTimer.start(m_settings.stanzaTimeout);
        }
    }
}

void StreamSocket::write(const QByteArray &bytes)
{
    if (m_socket)
        m_socket->write(bytes);
}

qint64 StreamSocket::bytesToWrite() const
{
    if (!m_socket)
        return 0;
    // A TLS socket encrypts its write buffer at once: what waits for the network is the encrypted part.
    const auto *ssl = qobject_cast<const QSslSocket *>(m_socket);
    return m_socket->bytesToWrite() + (ssl ? ssl->encryptedBytesToWrite() : 0);
}

void StreamSocket::setStanzaTimerArmed(bool armed)
{
    m_stanzaTimerArmed = armed;
    if (!armed)
        m_stanzaTimer.stop();
}

void StreamSocket::setReadingPaused(bool paused)
{
    if (m_readingPaused == paused)
        return;
    m_readingPaused = paused;
    if (paused) {
        // Waiting on us is not the peer stalling mid-stanza.
        m_stanzaTimer.stop();
        return;
    }
    if (m_stanzaTimerArmed && m_parser.pendingBytes() > 0)
        m_stanzaTimer.start(m_settings.stanzaTimeout);
    // What the socket buffered meanwhile raises no new readyRead; take it from the event loop, not from
    // inside the caller (usually a slot of the other leg).
    QMetaObject::invokeMethod(this, &StreamSocket::onReadyRead, Qt::QueuedConnection);
}

void StreamSocket::shutdownWhenFlushed()
{
    if (!m_socket)
        return;
    // What still comes is discarded, but only reading sees the hang-up.
    setReadingPaused(false);
#ifdef Q_OS_UNIX
    // Our direction ends once all is written (the peer sees the end of the stream); the peer's hang-up,
    // or the caller's timeout, finishes. TLS sockets close their own way.
    if (!qobject_cast<QSslSocket *>(m_socket) && m_socket->socketDescriptor() != -1) {
        if (m_socket->bytesToWrite() == 0) {
            ::shutdown(int(m_socket->socketDescriptor()), SHUT_WR);
            return;
        }
        connect(m_socket, &QIODevice::bytesWritten, this, [this] {
            if (m_socket && m_socket->bytesToWrite() == 0)
                ::shutdown(int(m_socket->socketDescriptor()), SHUT_WR);
        });
        return;
    }
#endif
    m_socket->disconnectFromHost();
}

void StreamSocket::drop()
{
    setStanzaTimerArmed(false);
    if (!m_socket)
        return;
    QAbstractSocket *old = std::exchange(m_socket, nullptr);
    old->disconnect(this);
    old->abort();
    old->deleteLater();
}

DisconnectReason StreamSocket::errorReason(QAbstractSocket::SocketError error) const
{
    return socketErrorReason(error, m_socket ? m_socket->errorString() : QString(), m_settings.host,
                             m_settings.port, m_certificateReason);
}

} // namespace xcm
