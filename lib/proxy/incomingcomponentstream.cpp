// SPDX-License-Identifier: GPL-3.0-or-later
#include "incomingcomponentstream.h"

#include "disconnectreason.h"
#include "handshake.h"
#include "hostandport.h"
#include "xmlelement.h"

#include <QRandomGenerator>
#include <QTcpSocket>

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#endif

using namespace Qt::StringLiterals;

namespace xcm {

namespace {

constexpr qint64 readSliceSize = 64 * 1024;

bool isWhitespace(QByteArrayView bytes)
{
    return !bytes.isEmpty() && std::all_of(bytes.begin(), bytes.end(), [](char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    });
}

QString freshStreamId()
{
    quint32 words[4];
    QRandomGenerator::system()->fillRange(words);
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(words), sizeof words).toHex());
}

} // namespace

IncomingComponentStream::IncomingComponentStream(QTcpSocket *socket, const StreamParser::Limits &limits,
                                                 std::chrono::milliseconds openTimeout, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
{
    m_socket->setParent(this);
    m_socket->setReadBufferSize(readSliceSize);
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    m_parser.setLimits(limits);
    connect(&m_parser, &StreamParser::streamOpened, this,
            [this](const StreamHeader &header) { Q_EMIT headerReceived(header); });
    connect(&m_parser, &StreamParser::stanzaReceived, this, &IncomingComponentStream::onStanza);
    connect(&m_parser, &StreamParser::failed, this, &IncomingComponentStream::onParserFailed);
    connect(&m_parser, &StreamParser::streamClosed, this, [this] {
        if (m_phase != Phase::Closing)
            sendCloseAndShutdown({});
        m_closeExplanation = tr("the component closed the stream");
    });
    connect(m_socket, &QTcpSocket::readyRead, this, &IncomingComponentStream::onReadyRead);
    connect(m_socket, &QTcpSocket::bytesWritten, this, [this] { Q_EMIT backlogChanged(bytesToWrite()); });
    connect(m_socket, &QTcpSocket::disconnected, this, [this] {
        if (m_phase == Phase::Closing)
            finish(m_closeError, m_closeExplanation);
        else if (m_parser.pendingBytes() > 0)
            finish({},
                   tr("the component dropped the connection in the middle of a stanza (%1 bytes received)")
                       .arg(m_parser.pendingBytes()));
        else
            finish({}, tr("the component dropped the connection without closing the stream"));
    });
    m_openTimer.setSingleShot(true);
    connect(&m_openTimer, &QTimer::timeout, this, [this] {
        closeWithError(StreamError::make(
            u"connection-timeout"_s, staticMetaObject.className(),
            QT_TR_NOOP("the component did not complete its stream header and handshake within %1 s"),
            QString::number(m_openTimer.interval() / 1000.0)));
    });
    m_openTimer.start(openTimeout);
    m_closeTimer.setSingleShot(true);
    connect(&m_closeTimer, &QTimer::timeout, this, [this] {
        if (m_socket)
            m_socket->abort();
        finish(m_closeError, m_closeExplanation);
    });
    // Bytes may have arrived before we were connected to readyRead.
    QMetaObject::invokeMethod(this, &IncomingComponentStream::onReadyRead, Qt::QueuedConnection);
}

IncomingComponentStream::~IncomingComponentStream() = default;

QString IncomingComponentStream::peerAddress() const
{
    if (!m_socket)
        return {};
    return hostAndPort(m_socket->peerAddress().toString(), m_socket->peerPort());
}

qint64 IncomingComponentStream::bytesToWrite() const
{
    return m_socket ? m_socket->bytesToWrite() : 0;
}

void IncomingComponentStream::setReadingPaused(bool paused)
{
    if (m_readingPaused == paused)
        return;
    m_readingPaused = paused;
    if (!paused) // what the socket buffered meanwhile raises no new readyRead
        QMetaObject::invokeMethod(this, &IncomingComponentStream::onReadyRead, Qt::QueuedConnection);
}

void IncomingComponentStream::onReadyRead()
{
    // After our close, reading goes on whatever the pause: only the hang-up matters then.
    const auto held = [this] {
        return m_readingPaused && m_phase != Phase::Closing && m_phase != Phase::Closed;
    };
    m_readBuffer.resize(readSliceSize);
    while (m_socket && !held() && m_socket->bytesAvailable() > 0) {
        char *buffer = m_readBuffer.data();
        const qint64 read = m_socket->read(buffer, readSliceSize);
        if (read <= 0)
            break;
        const QByteArrayView chunk(buffer, read);
        if (m_phase == Phase::Closing || m_phase == Phase::Closed)
            continue; // after our close only the hang-up matters
        if (m_phase == Phase::Open && m_parser.pendingBytes() == 0 && isWhitespace(chunk)) {
            Q_EMIT keepaliveReceived(chunk.toByteArray());
            continue;
        }
        m_parser.feed(chunk);
    }
}

void IncomingComponentStream::openStream(const QString &domain)
{
    if (m_phase != Phase::AwaitingHeader || !m_socket)
        return;
    m_domain = domain;
    m_streamId = freshStreamId();
    m_socket->write("<?xml version='1.0'?><stream:stream xmlns:stream='http://etherx.jabber.org/streams' "
                    "xmlns='jabber:component:accept' id='" +
                    m_streamId.toUtf8() + "' from='" + domain.toHtmlEscaped().toUtf8() + "'>");
    m_phase = Phase::AwaitingHandshake;
}

bool IncomingComponentStream::isHandshakeValid(QByteArrayView digest, const QString &secret) const
{
    // Prosody compares the hex case-insensitively; so do we. No early exit: constant time.
    const QByteArray expected = handshakeDigest(m_streamId, secret);
    const QByteArray supplied = digest.toByteArray().trimmed().toLower();
    if (m_streamId.isEmpty() || supplied.size() != expected.size())
        return false;
    unsigned char difference = 0;
    for (qsizetype i = 0; i < expected.size(); ++i)
        difference |= static_cast<unsigned char>(expected[i] ^ supplied[i]);
    return difference == 0;
}

void IncomingComponentStream::acceptHandshake()
{
    if (m_phase != Phase::Authenticating || !m_socket)
        return;
    m_openTimer.stop();
    m_socket->write("<handshake/>");
    m_phase = Phase::Open;
}

void IncomingComponentStream::write(const QByteArray &bytes)
{
    if (m_phase == Phase::Open && m_socket)
        m_socket->write(bytes);
}

void IncomingComponentStream::onStanza(const Stanza &stanza)
{
    switch (m_phase) {
    case Phase::AwaitingHandshake:
        if (stanza.name() == u"handshake" && stanza.namespaceUri() == ns::component) {
            m_phase = Phase::Authenticating;
            Q_EMIT handshakeReceived(stanza.element().text().toUtf8());
            return;
        }
        closeWithError(StreamError::make(u"not-authorized"_s, staticMetaObject.className(),
                                         QT_TR_NOOP("the component sent <%1/> before its handshake"),
                                         stanza.name()));
        return;
    case Phase::Authenticating:
        closeWithError(StreamError::make(
            u"not-authorized"_s, staticMetaObject.className(),
            QT_TR_NOOP("the component sent <%1/> before its handshake was accepted"), stanza.name()));
        return;
    case Phase::Open:
        Q_EMIT stanzaReceived(stanza);
        return;
    case Phase::AwaitingHeader:
    case Phase::Closing:
    case Phase::Closed:
        return;
    }
}

void IncomingComponentStream::onParserFailed(const StreamError &error)
{
    closeWithError(error);
}

void IncomingComponentStream::closeWithError(const StreamError &error)
{
    if (m_phase == Phase::Closing || m_phase == Phase::Closed)
        return;
    m_closeError = error;
    m_closeExplanation = error.displayText();
    if (m_phase == Phase::AwaitingHeader && m_socket)
        openStream(m_domain); // a stream error needs our stream to be open
    sendCloseAndShutdown(error.toXml());
}

void IncomingComponentStream::closeWithRawError(const QByteArray &streamErrorWire)
{
    if (m_phase == Phase::Closing || m_phase == Phase::Closed)
        return;
    m_closeError = StreamError::fromElement(XmlElement::parse(streamErrorWire, nullptr, ns::stream));
    // The condition first: a server's error often has no text (Prosody's system-shutdown).
    m_closeExplanation = tr("the server's stream error, passed on: %1")
                             .arg(DisconnectReason::fromServerError(m_closeError, m_domain).toString());
    if (m_phase == Phase::AwaitingHeader && m_socket)
        openStream(m_domain);
    sendCloseAndShutdown(streamErrorWire);
}

void IncomingComponentStream::close()
{
    if (m_phase == Phase::Closing || m_phase == Phase::Closed)
        return;
    if (m_closeExplanation.isEmpty())
        m_closeExplanation = tr("the proxy closed the stream");
    sendCloseAndShutdown({});
}

void IncomingComponentStream::sendCloseAndShutdown(const QByteArray &before)
{
    m_openTimer.stop();
    if (!m_socket) {
        finish(m_closeError, m_closeExplanation);
        return;
    }
    if (m_phase != Phase::AwaitingHeader) {
        m_socket->write(before + "</stream:stream>");
    }
    m_phase = Phase::Closing;
    m_closeTimer.start(closeTimeout);
    // End our direction once everything is written (closing at once could reset the connection and
    // destroy the error before the component read it); the component's hang-up finishes.
#ifdef Q_OS_UNIX
    const auto shutdownWrite = [this] {
        if (m_socket && m_socket->bytesToWrite() == 0 && m_socket->socketDescriptor() != -1)
            ::shutdown(int(m_socket->socketDescriptor()), SHUT_WR);
    };
    if (m_socket->bytesToWrite() == 0)
        shutdownWrite();
    else
        connect(m_socket, &QTcpSocket::bytesWritten, this, shutdownWrite);
#else
    m_socket->disconnectFromHost();
#endif
}

void IncomingComponentStream::finish(const StreamError &error, const QString &explanation)
{
    if (m_finished)
        return;
    m_finished = true;
    m_phase = Phase::Closed;
    m_openTimer.stop();
    m_closeTimer.stop();
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
    Q_EMIT finished(error, explanation);
}

} // namespace xcm
