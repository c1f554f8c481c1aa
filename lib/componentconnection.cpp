// SPDX-License-Identifier: GPL-3.0-or-later
#include "componentconnection.h"

#include "handshake.h"
#include "jid.h"
#include "logging.h"
#include "streamparser.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QPointer>
#include <QRandomGenerator>
#include <QSslSocket>
#include <QTimer>

#include <cmath>

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#endif

using namespace Qt::StringLiterals;

namespace xcm {

namespace {

// Bytes taken off the socket per read notification.
constexpr qint64 readSliceSize = 64 * 1024;

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

QString seconds(std::chrono::milliseconds duration)
{
    return QString::number(duration.count() / 1000.0, 'g', 3);
}

} // namespace

class ComponentConnectionPrivate
{
    // The explanations it writes share ComponentConnection's context, which lupdate sees here.
    Q_DECLARE_TR_FUNCTIONS(xcm::ComponentConnection)
    static const char *trContext() { return ComponentConnection::staticMetaObject.className(); }

public:
    explicit ComponentConnectionPrivate(ComponentConnection *q);

    void startAttempt();
    void onTransportReady();
    void onReadyRead();
    void onSocketError(QAbstractSocket::SocketError error);
    void onSocketDisconnected();
    void onStreamOpened(const StreamHeader &header);
    void onStanza(const Stanza &stanza);
    void onStreamClosed();
    void onParserFailed(const StreamError &error);
    void onConnectTimeout();
    void onCloseTimeout();
    void refuseMissingId();

    void setState(ConnectionState state, const DisconnectReason &reason = {});
    void write(const QByteArray &bytes);
    void logSent(QByteArray wire, const QString &name, const QString &namespaceUri,
                 const QXmlStreamAttributes &attributes = {});
    // Sends our side of the end (an optional stream error, then </stream:stream>) and lets the
    // socket flush; the disconnect completes when the server hangs up or closeTimeout passes.
    void closeGracefully(const DisconnectReason &reason, const QByteArray &streamError = {});
    void shutdownWhenFlushed();
    void finish(DisconnectReason reason); // by value: callers pass pendingReason, which this clears
    void dropSocket();
    // Starts the reconnect timer if the policy wants a retry after `reason`; returns the delay, or -1.
    qint64 scheduleReconnect(const DisconnectReason &reason);
    void writeStanza(const QByteArray &wire, const XmlElement &element);
    void flushPending();
    DisconnectReason socketErrorReason(QAbstractSocket::SocketError error) const;
    qint64 unsentBytes() const;
    bool canQueue() const;
    DisconnectReason certificateErrorReason(const QList<QSslError> &errors) const;

    ComponentConnection *q;
    ConnectionSettings settings;
    QString secret;
    ConnectionState state = ConnectionState::Disconnected;
    DisconnectReason lastReason;
    DisconnectReason pendingReason; // the reason for a disconnect under way
    DisconnectReason tlsReason;     // certificate trouble seen before the socket error
    QString streamId;
    QString serverDomain;
    ComponentConnection::Counters counters;
    QAbstractSocket *socket = nullptr;
    StreamParser parser;
    QTimer connectTimer;
    QTimer keepaliveTimer;
    QTimer stanzaTimer;
    QTimer closeTimer;
    QTimer reconnectTimer;
    QTimer missingIdTimer;
    static constexpr std::chrono::milliseconds missingIdGrace{1000};
    int reconnectAttempt = 0;
    qint64 nextReconnectAtMs = 0;
    bool closeSent = false;
    bool closingByUser = false; // disconnectFromServer() was called: whatever the reason, no retry
    qint64 unsentAtCloseCheck = 0;
    QByteArray readBuffer;
    struct PendingStanza
    {
        QByteArray wire;
        XmlElement element;
    };
    QList<PendingStanza> pending;
    ComponentConnection::SocketFactory socketFactory;
};

ComponentConnectionPrivate::ComponentConnectionPrivate(ComponentConnection *q)
    : q(q)
{
    for (QTimer *timer : {&connectTimer, &stanzaTimer, &closeTimer, &reconnectTimer, &missingIdTimer})
        timer->setSingleShot(true);
    QObject::connect(&missingIdTimer, &QTimer::timeout, q, [this] { refuseMissingId(); });
    QObject::connect(&connectTimer, &QTimer::timeout, q, [this] { onConnectTimeout(); });
    QObject::connect(&keepaliveTimer, &QTimer::timeout, q, [this] {
        if (state == ConnectionState::Connected)
            write(" "_ba);
    });
    QObject::connect(&stanzaTimer, &QTimer::timeout, q, [this] {
        const StreamError error =
            StreamError::make(u"policy-violation"_s, trContext(),
                              QT_TR_NOOP("a stanza was still incomplete after %1 s (%2 bytes received)"),
                              seconds(settings.stanzaTimeout), parser.pendingBytes());
        closeGracefully(DisconnectReason::fromProtocolViolation(error), error.toXml());
    });
    QObject::connect(&closeTimer, &QTimer::timeout, q, [this] { onCloseTimeout(); });
    QObject::connect(&reconnectTimer, &QTimer::timeout, q, [this] {
        nextReconnectAtMs = 0;
        startAttempt();
    });
    QObject::connect(&parser, &StreamParser::streamOpened, q,
                     [this](const StreamHeader &h) { onStreamOpened(h); });
    QObject::connect(&parser, &StreamParser::stanzaReceived, q, [this](const Stanza &s) { onStanza(s); });
    QObject::connect(&parser, &StreamParser::streamClosed, q, [this] { onStreamClosed(); });
    QObject::connect(&parser, &StreamParser::failed, q, [this](const StreamError &e) { onParserFailed(e); });
}

void ComponentConnectionPrivate::setState(ConnectionState newState, const DisconnectReason &reason)
{
    if (newState == state && newState != ConnectionState::Disconnected)
        return;
    state = newState;
    qCDebug(lcConnection) << "state" << identifier(state) << reason.toString();
    Q_EMIT q->stateChanged(state, reason);
}

void ComponentConnectionPrivate::startAttempt()
{
    parser.reset();
    parser.setLimits({settings.maxStanzaBytes, settings.maxDepth});
    streamId.clear();
    serverDomain.clear();
    pendingReason = {};
    tlsReason = {};
    closeSent = false;
    closingByUser = false;

    QAbstractSocket *created = socketFactory ? socketFactory(q) : nullptr;
    if (!created)
        created = settings.directTls ? new QSslSocket(q) : new QTcpSocket(q);
    if (settings.directTls && !qobject_cast<QSslSocket *>(created)) {
        delete created; // never fall back to plain text when TLS was asked for
        lastReason = {DisconnectReason::Kind::Configuration,
                      u"configuration"_s,
                      {},
                      tr("direct TLS is set but the socket factory made no TLS socket")};
        setState(ConnectionState::Disconnected, lastReason);
        return;
    }
    if (auto *ssl = qobject_cast<QSslSocket *>(created); ssl && settings.directTls) {
        QObject::connect(ssl, &QSslSocket::encrypted, q, [this] { onTransportReady(); });
        if (!settings.tlsServerName.isEmpty())
            ssl->setPeerVerifyName(settings.tlsServerName);
        QObject::connect(ssl, &QSslSocket::sslErrors, q, [this, ssl](const QList<QSslError> &errors) {
            if (settings.acceptInvalidCertificates) {
                ssl->ignoreSslErrors(errors);
                return;
            }
            tlsReason = certificateErrorReason(errors);
        });
        socket = ssl;
    } else {
        socket = created;
        QObject::connect(socket, &QAbstractSocket::connected, q, [this] { onTransportReady(); });
    }
    // Without a limit the socket moves everything the kernel holds into its own buffer at each read
    // notification: under a flood that is megabytes (20 MB measured by bench/) parsed in one
    // readyRead, hundreds of milliseconds in which no timer fires and no window repaints. One slice
    // per notification keeps each readyRead to a few milliseconds and the memory a flood costs bounded.
    socket->setReadBufferSize(readSliceSize);
    QObject::connect(socket, &QAbstractSocket::readyRead, q, [this] { onReadyRead(); });
    QObject::connect(socket, &QAbstractSocket::errorOccurred, q,
                     [this](QAbstractSocket::SocketError error) { onSocketError(error); });
    QObject::connect(socket, &QAbstractSocket::disconnected, q, [this] { onSocketDisconnected(); });

    setState(ConnectionState::Connecting);
    connectTimer.start(settings.connectTimeout);
    if (auto *ssl = qobject_cast<QSslSocket *>(socket); ssl && settings.directTls)
        ssl->connectToHostEncrypted(settings.host, settings.port);
    else
        socket->connectToHost(settings.host, settings.port);
}

void ComponentConnectionPrivate::onTransportReady()
{
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    setState(ConnectionState::OpeningStream);
    const QByteArray header = "<?xml version='1.0'?><stream:stream xmlns='jabber:component:accept' "
                              "xmlns:stream='http://etherx.jabber.org/streams' to='" +
                              settings.domain.toHtmlEscaped().toUtf8() + "'>";
    write(header);
    QXmlStreamAttributes attributes;
    attributes.append(u"to"_s, settings.domain);
    logSent(header, u"stream"_s, QString::fromUtf16(ns::stream), attributes);
}

void ComponentConnectionPrivate::onReadyRead()
{
    // The socket buffers at most one slice (see startAttempt); the parser's size limit sees every
    // slice before the next one is read.
    readBuffer.resize(readSliceSize);
    while (socket && socket->bytesAvailable() > 0) {
        const qint64 read = socket->read(readBuffer.data(), readSliceSize);
        if (read <= 0)
            break;
        counters.bytesIn += quint64(read);
        const quint64 before = counters.stanzasIn;
        parser.feed(QByteArrayView(readBuffer.constData(), read));
        if (!socket)
            return;
        if (parser.hasFailed() || parser.isClosed())
            continue; // nothing more is parsed, but read on: see shutdownWhenFlushed()
        if (state == ConnectionState::Connected) {
            // The stanza timer measures one stanza from its first byte: restart it when a new one began.
            if (parser.pendingBytes() == 0)
                stanzaTimer.stop();
            else if (!stanzaTimer.isActive() || counters.stanzasIn != before)
                stanzaTimer.start(settings.stanzaTimeout);
        }
    }
}

void ComponentConnectionPrivate::onStreamOpened(const StreamHeader &header)
{
    QXmlStreamAttributes attributes;
    for (const auto &[name, value] : {std::pair{u"id"_s, header.id}, {u"from"_s, header.from}}) {
        if (!value.isEmpty())
            attributes.append(name, value);
    }
    Q_EMIT q->stanzaReceived(Stanza(Direction::Received, nowMs(), header.wire, u"stream"_s,
                                    QString::fromUtf16(ns::stream), attributes));
    if (state != ConnectionState::OpeningStream)
        return; // closed before the header came (or by a receiver of it): no handshake after our close
    if (header.id.isEmpty()) {
        // Prosody opens with an id-less header when it is about to refuse (host-unknown): give the
        // stream error a moment to arrive before calling the header itself the problem.
        missingIdTimer.start(missingIdGrace);
        return;
    }
    streamId = header.id;
    serverDomain = header.from;
    setState(ConnectionState::Authenticating);
    write("<handshake>" + handshakeDigest(streamId, secret) + "</handshake>");
    logSent(redactedHandshake, u"handshake"_s, QString::fromUtf16(ns::component));
}

void ComponentConnectionPrivate::onStanza(const Stanza &stanza)
{
    if (!socket)
        return;
    ++counters.stanzasIn;
    Q_EMIT q->stanzaReceived(stanza);
    if (!socket)
        return; // a receiver disconnected us
    if (stanza.isStreamError()) {
        missingIdTimer.stop();
        const StreamError error = StreamError::fromElement(stanza.element());
        if (state == ConnectionState::Disconnecting) {
            // Closing at the user's request, the server's error is news (it may have refused the last
            // stanza sent); a violation we reported ourselves stays the reason.
            if (pendingReason.kind == DisconnectReason::Kind::UserRequest)
                pendingReason = DisconnectReason::fromServerError(error, settings.domain);
            return;
        }
        closeGracefully(DisconnectReason::fromServerError(error, settings.domain));
        return;
    }
    if (state == ConnectionState::OpeningStream) {
        missingIdTimer.stop();
        refuseMissingId();
        return;
    }
    if (state != ConnectionState::Authenticating)
        return;
    if (stanza.name() == u"handshake" && stanza.namespaceUri() == ns::component) {
        connectTimer.stop();
        reconnectAttempt = 0;
        counters.connectedSinceMs = nowMs();
        if (settings.keepaliveInterval.count() > 0)
            keepaliveTimer.start(settings.keepaliveInterval);
        setState(ConnectionState::Connected);
        flushPending();
        return;
    }
    const StreamError error =
        StreamError::make(u"undefined-condition"_s, trContext(),
                          QT_TR_NOOP("the server sent <%1/> before accepting the handshake"), stanza.name());
    closeGracefully(DisconnectReason::fromProtocolViolation(error), error.toXml());
}

void ComponentConnectionPrivate::onStreamClosed()
{
    if (!socket)
        return;
    if (state == ConnectionState::Disconnecting) {
        shutdownWhenFlushed(); // the server answered our close
        return;
    }
    const QString explanation = state == ConnectionState::Connected
                                    ? tr("the server closed the stream")
                                    : tr("the server closed the stream before the handshake completed");
    closeGracefully({DisconnectReason::Kind::ServerClosed, u"stream-closed"_s, {}, explanation});
}

void ComponentConnectionPrivate::onParserFailed(const StreamError &error)
{
    if (!socket)
        return;
    qCInfo(lcParser) << "refusing server input:" << error.condition << error.text;
    closeGracefully(DisconnectReason::fromProtocolViolation(error), error.toXml());
}

void ComponentConnectionPrivate::refuseMissingId()
{
    const StreamError error = StreamError::make(
        u"invalid-id"_s, trContext(),
        QT_TR_NOOP("the server's stream header has no id, so no handshake can be computed"));
    closeGracefully(DisconnectReason::fromProtocolViolation(error), error.toXml());
}

void ComponentConnectionPrivate::onConnectTimeout()
{
    const QString limit = seconds(settings.connectTimeout);
    if (state == ConnectionState::Connecting) {
        finish({DisconnectReason::Kind::Timeout,
                u"connection-timeout"_s,
                {},
                tr("could not reach %1:%2 within %3 s")
                    .arg(settings.host, QString::number(settings.port), limit)});
        return;
    }
    // The stream is open: the server is told why, in English, and the user in their language.
    const StreamError error =
        state == ConnectionState::OpeningStream
            ? StreamError::make(
                  u"connection-timeout"_s, trContext(),
                  QT_TR_NOOP("the server accepted the connection but sent no stream header within "
                             "%1 s — is %2 the component port (not the client port), and does it "
                             "expect direct TLS?"),
                  limit, QString::number(settings.port))
            : StreamError::make(u"connection-timeout"_s, trContext(),
                                QT_TR_NOOP("the server did not answer the handshake within %1 s"), limit);
    closeGracefully({DisconnectReason::Kind::Timeout, u"connection-timeout"_s, {}, error.displayText()},
                    error.toXml());
}

qint64 ComponentConnectionPrivate::unsentBytes() const
{
    if (!socket)
        return 0;
    // A TLS socket encrypts its write buffer at once: what waits for the network is the encrypted part.
    const auto *ssl = qobject_cast<const QSslSocket *>(socket);
    return socket->bytesToWrite() + (ssl ? ssl->encryptedBytesToWrite() : 0);
}

void ComponentConnectionPrivate::onCloseTimeout()
{
    // The close timeout is for the server's answer, not for our own bytes: while they are still
    // leaving (a large send over a slow link) the wait starts again, and once more after the last of
    // them left, for the server to answer. Only a whole closeTimeout in which nothing left ends it
    // with bytes unsent, and that is no longer a clean close.
    const qint64 unsent = unsentBytes();
    if (unsent < unsentAtCloseCheck) {
        unsentAtCloseCheck = unsent;
        closeTimer.start(settings.closeTimeout);
        return;
    }
    if (unsent > 0)
        pendingReason = {DisconnectReason::Kind::Timeout,
                         u"write-stalled"_s,
                         {},
                         tr("the server stopped reading: %1 bytes xcm had sent never left (nothing moved "
                            "for %2 s)")
                             .arg(unsent)
                             .arg(seconds(settings.closeTimeout))};
    finish(pendingReason);
}

void ComponentConnectionPrivate::write(const QByteArray &bytes)
{
    if (!socket)
        return;
    socket->write(bytes);
    counters.bytesOut += quint64(bytes.size());
}

void ComponentConnectionPrivate::logSent(QByteArray wire, const QString &name, const QString &namespaceUri,
                                         const QXmlStreamAttributes &attributes)
{
    Q_EMIT q->stanzaSent(Stanza(Direction::Sent, nowMs(), std::move(wire), name, namespaceUri, attributes));
}

void ComponentConnectionPrivate::closeGracefully(const DisconnectReason &reason,
                                                 const QByteArray &streamError)
{
    if (!socket)
        return;
    missingIdTimer.stop();
    connectTimer.stop();
    keepaliveTimer.stop();
    stanzaTimer.stop();
    if (pendingReason.isNull() || state != ConnectionState::Disconnecting)
        pendingReason = reason;
    const bool streamOpen = state == ConnectionState::OpeningStream ||
                            state == ConnectionState::Authenticating || state == ConnectionState::Connected ||
                            state == ConnectionState::Disconnecting;
    if (streamOpen && !closeSent) {
        if (!streamError.isEmpty()) {
            write(streamError);
            logSent(streamError, u"error"_s, QString::fromUtf16(ns::stream));
        }
        write("</stream:stream>"_ba);
        logSent("</stream:stream>"_ba, u"stream"_s, QString::fromUtf16(ns::stream));
        closeSent = true;
    }
    setState(ConnectionState::Disconnecting, pendingReason);
    if (!closeTimer.isActive()) {
        unsentAtCloseCheck = unsentBytes();
        closeTimer.start(settings.closeTimeout);
    }
    // Once the server has closed its side, or there is an error, nothing more is awaited from it.
    if (parser.isClosed() || !streamError.isEmpty() || pendingReason.isError())
        shutdownWhenFlushed();
}

void ComponentConnectionPrivate::shutdownWhenFlushed()
{
    // Closing outright while the server is still sending makes the kernel answer with a reset, which
    // can destroy our stream error before the server has read it. So: end our direction once all is
    // written (the server sees the end of the stream), keep reading (onReadyRead discards), and let
    // the server's hang-up or closeTimeout finish. TLS sockets close their own way.
#ifdef Q_OS_UNIX
    if (!qobject_cast<QSslSocket *>(socket) && socket->socketDescriptor() != -1) {
        if (socket->bytesToWrite() == 0) {
            ::shutdown(int(socket->socketDescriptor()), SHUT_WR);
            return;
        }
        QObject::connect(socket, &QIODevice::bytesWritten, q, [this] {
            if (socket && socket->bytesToWrite() == 0)
                ::shutdown(int(socket->socketDescriptor()), SHUT_WR);
        });
        return;
    }
#endif
    socket->disconnectFromHost();
}

void ComponentConnectionPrivate::onSocketDisconnected()
{
    if (state == ConnectionState::Disconnecting) {
        finish(pendingReason);
        return;
    }
    QString explanation = tr("the server closed the connection");
    if (state == ConnectionState::OpeningStream)
        explanation = tr("the server closed the connection before sending its stream header — is this the "
                         "component port, and does it expect direct TLS?");
    else if (state == ConnectionState::Authenticating)
        explanation = tr("the server closed the connection during the handshake");
    else if (const qint64 pending = parser.pendingBytes(); pending > 0)
        explanation =
            tr("the server closed the connection in the middle of a stanza (%1 bytes of it received)")
                .arg(pending);
    finish({DisconnectReason::Kind::Network, u"connection-closed"_s, {}, explanation});
}

void ComponentConnectionPrivate::onSocketError(QAbstractSocket::SocketError error)
{
    if (!socket || error == QAbstractSocket::RemoteHostClosedError)
        return; // onSocketDisconnected explains it with what was under way
    if (state == ConnectionState::Disconnecting) {
        finish(pendingReason);
        return;
    }
    finish(socketErrorReason(error));
}

DisconnectReason ComponentConnectionPrivate::socketErrorReason(QAbstractSocket::SocketError error) const
{
    using Kind = DisconnectReason::Kind;
    const QString detail = socket ? socket->errorString() : QString();
    const QString where = settings.host + u':' + QString::number(settings.port);
    switch (error) {
    case QAbstractSocket::ConnectionRefusedError:
        return {Kind::Network, u"connection-refused"_s, detail,
                tr("nothing accepts connections on %1 — is the server running, and is its component "
                   "port open on that address?")
                    .arg(where)};
    case QAbstractSocket::HostNotFoundError:
        return {Kind::Network, u"host-not-found"_s, detail,
                tr("the host name %1 could not be resolved").arg(settings.host)};
    case QAbstractSocket::SocketTimeoutError:
        return {Kind::Timeout, u"connection-timeout"_s, detail,
                tr("the connection to %1 timed out").arg(where)};
    case QAbstractSocket::NetworkError:
        return {Kind::Network, u"network-error"_s, detail, tr("the network to %1 failed").arg(where)};
    case QAbstractSocket::SslHandshakeFailedError:
    case QAbstractSocket::SslInternalError:
    case QAbstractSocket::SslInvalidUserDataError:
        if (!tlsReason.isNull())
            return tlsReason;
        return {Kind::Tls, u"tls-failed"_s, detail,
                tr("the TLS handshake with %1 failed — does this port speak direct TLS?").arg(where)};
    default:
        return {Kind::Network, u"socket-error"_s, detail, tr("the connection to %1 failed").arg(where)};
    }
}

DisconnectReason ComponentConnectionPrivate::certificateErrorReason(const QList<QSslError> &errors) const
{
    const bool onlyTheName = std::all_of(errors.cbegin(), errors.cend(), [](const QSslError &e) {
        return e.error() == QSslError::HostNameMismatch;
    });
    if (!onlyTheName || errors.isEmpty())
        return {DisconnectReason::Kind::Tls, u"tls-certificate"_s, errors.value(0).errorString(),
                tr("the server's TLS certificate is not trusted — install its CA, or allow invalid "
                   "certificates for a development server")};
    // A trusted certificate for another name: usually the server's XMPP domain, reached by an address.
    const QSslCertificate certificate = errors.constFirst().certificate();
    QStringList names = certificate.subjectInfo(QSslCertificate::CommonName);
    for (const QString &name : certificate.subjectAlternativeNames().values(QSsl::DnsEntry)) {
        if (!names.contains(name))
            names.append(name);
    }
    const QString expected = settings.tlsServerName.isEmpty() ? settings.host : settings.tlsServerName;
    return {DisconnectReason::Kind::Tls, u"tls-name-mismatch"_s, errors.constFirst().errorString(),
            tr("the server's TLS certificate is for %1, not %2 — set the TLS server name to the name "
               "the certificate carries")
                .arg(names.isEmpty() ? tr("no name") : names.join(u", "_s), expected)};
}

void ComponentConnectionPrivate::dropSocket()
{
    if (!socket)
        return;
    QAbstractSocket *old = std::exchange(socket, nullptr);
    old->disconnect(q);
    old->abort();
    old->deleteLater();
}

void ComponentConnectionPrivate::finish(DisconnectReason reason)
{
    missingIdTimer.stop();
    connectTimer.stop();
    keepaliveTimer.stop();
    stanzaTimer.stop();
    closeTimer.stop();
    dropSocket();
    counters.connectedSinceMs = 0;
    lastReason = reason;
    pendingReason = {};
    qCInfo(lcConnection).noquote() << settings.domain << "disconnected:" << reason.toString();
    // Scheduled before Disconnected is announced, so that its receivers can tell a pause before the
    // next attempt (nextReconnectAtMs() > 0) from the end.
    const qint64 delay = scheduleReconnect(reason);
    const qint64 scheduledAt = nextReconnectAtMs;
    setState(ConnectionState::Disconnected, reason);
    if (delay >= 0 && reconnectTimer.isActive() && nextReconnectAtMs == scheduledAt)
        Q_EMIT q->reconnectScheduled(reconnectAttempt, delay); // unless a receiver connected or gave up
}

qint64 ComponentConnectionPrivate::scheduleReconnect(const DisconnectReason &reason)
{
    const ReconnectPolicy &policy = settings.reconnect;
    if (!policy.enabled || closingByUser || !reason.isError() ||
        reason.kind == DisconnectReason::Kind::Configuration)
        return -1;
    if (reason.isAuthenticationFailure() && !policy.retryAfterAuthenticationFailure)
        return -1;
    if (policy.maxAttempts > 0 && reconnectAttempt >= policy.maxAttempts)
        return -1;
    ++reconnectAttempt;
    const double cap = double(policy.maxDelay.count());
    const double base = std::min(cap, double(policy.initialDelay.count()) *
                                          std::pow(policy.multiplier, reconnectAttempt - 1));
    const double spread = policy.jitter * (2.0 * QRandomGenerator::global()->generateDouble() - 1.0);
    // The cap holds after the jitter too: at the cap the jitter can only shorten a delay.
    const qint64 delay = qint64(std::clamp(base * (1.0 + spread), 0.0, cap));
    nextReconnectAtMs = nowMs() + delay;
    reconnectTimer.start(std::chrono::milliseconds(delay));
    qCInfo(lcConnection).noquote() << settings.domain << "reconnect attempt" << reconnectAttempt << "in"
                                   << delay << "ms";
    return delay;
}

ComponentConnection::ComponentConnection(QObject *parent)
    : QObject(parent)
    , d(std::make_unique<ComponentConnectionPrivate>(this))
{}

ComponentConnection::~ComponentConnection()
{
    d->dropSocket();
}

void ComponentConnection::setSettings(const ConnectionSettings &settings)
{
    d->settings = settings;
}
const ConnectionSettings &ComponentConnection::settings() const
{
    return d->settings;
}
void ComponentConnection::setSocketFactory(SocketFactory factory)
{
    d->socketFactory = std::move(factory);
}
void ComponentConnection::setSecret(const QString &secret)
{
    d->secret = secret;
}
bool ComponentConnection::hasSecret() const
{
    return !d->secret.isEmpty();
}
ConnectionState ComponentConnection::state() const
{
    return d->state;
}
const DisconnectReason &ComponentConnection::lastReason() const
{
    return d->lastReason;
}
QString ComponentConnection::streamId() const
{
    return d->streamId;
}
QString ComponentConnection::serverDomain() const
{
    return d->serverDomain;
}
const ComponentConnection::Counters &ComponentConnection::counters() const
{
    return d->counters;
}
int ComponentConnection::reconnectAttempt() const
{
    return d->reconnectAttempt;
}
qint64 ComponentConnection::nextReconnectAtMs() const
{
    return d->nextReconnectAtMs;
}

void ComponentConnection::connectToServer()
{
    if (d->state != ConnectionState::Disconnected)
        return;
    d->reconnectTimer.stop();
    d->nextReconnectAtMs = 0;
    d->reconnectAttempt = 0;
    QString problem;
    QString domainError;
    if (d->settings.host.isEmpty())
        problem = tr("no server host is set");
    else if (d->settings.port == 0)
        problem = tr("no server port is set");
    else if (!Jid::isValidDomain(d->settings.domain, &domainError))
        problem = tr("the component domain is not valid: %1").arg(domainError);
    else if (d->secret.isEmpty())
        problem = tr("no shared secret is set");
    if (!problem.isEmpty()) {
        d->lastReason = {DisconnectReason::Kind::Configuration, u"configuration"_s, {}, problem};
        d->setState(ConnectionState::Disconnected, d->lastReason);
        return;
    }
    d->startAttempt();
}

void ComponentConnection::disconnectFromServer()
{
    const DisconnectReason reason{
        DisconnectReason::Kind::UserRequest, {}, {}, tr("disconnected by the user")};
    const bool reconnectPending = d->reconnectTimer.isActive();
    d->closingByUser = true;
    d->reconnectTimer.stop();
    d->nextReconnectAtMs = 0;
    d->reconnectAttempt = 0;
    switch (d->state) {
    case ConnectionState::Disconnected:
        if (reconnectPending) {
            d->lastReason = reason;
            d->setState(ConnectionState::Disconnected, reason);
        }
        return;
    case ConnectionState::Connecting:
        d->finish(reason);
        return;
    case ConnectionState::Disconnecting:
        return; // the close under way keeps its reason; closingByUser rules out a retry

    default:
        d->closeGracefully(reason);
        return;
    }
}

QString ComponentConnection::validateStanza(QByteArrayView xml, const QString &domain, qint64 maxBytes,
                                            XmlElement *parsed)
{
    const QByteArrayView trimmed = xml.trimmed();
    if (trimmed.isEmpty())
        return tr("nothing to send");
    if (trimmed.size() > maxBytes)
        return tr("the stanza is %1 bytes, over the %2-byte limit").arg(trimmed.size()).arg(maxBytes);
    QString error;
    const XmlElement element = XmlElement::parse(trimmed, &error);
    if (element.isNull())
        return tr("not well-formed XML: %1").arg(error);
    if (element.namespaceUri() != ns::component)
        return tr("a stanza must be in the stream's namespace jabber:component:accept, not '%1'")
            .arg(element.namespaceUri());
    const QString name = element.name();
    if (name != u"message" && name != u"presence" && name != u"iq")
        return tr("only <message/>, <presence/> and <iq/> can be sent, not <%1/>").arg(name);
    if (!element.hasAttribute(u"to"))
        return tr("the stanza has no 'to' address (servers close the stream with improper-addressing)");
    QString jidError;
    if (!Jid::parse(element.attribute(u"to"), &jidError).isValid())
        return tr("'to' is not a valid address: %1").arg(jidError);
    if (!element.hasAttribute(u"from"))
        return tr("the stanza has no 'from' address: a component must say which of its addresses sends it");
    const Jid from = Jid::parse(element.attribute(u"from"), &jidError);
    if (!from.isValid())
        return tr("'from' is not a valid address: %1").arg(jidError);
    if (from.domain() != domain.toLower())
        return tr("'from' must be on the component's domain %1, not %2 (servers close the stream with "
                  "invalid-from)")
            .arg(domain, from.domain());
    if (name == u"iq") {
        const QString type = element.attribute(u"type");
        if (type != u"get" && type != u"set" && type != u"result" && type != u"error")
            return tr("an <iq/> needs type get, set, result or error");
        if (element.attribute(u"id").isEmpty())
            return tr("an <iq/> needs an id");
    }
    if (parsed)
        *parsed = element;
    return {};
}

QString ComponentConnection::send(QByteArrayView xml)
{
    XmlElement element;
    const QString problem = validateStanza(xml, d->settings.domain, d->settings.maxStanzaBytes, &element);
    if (!problem.isEmpty())
        return problem;
    const QByteArray wire = xml.trimmed().toByteArray();
    if (d->state == ConnectionState::Connected && d->pending.isEmpty()) {
        d->writeStanza(wire, element);
        return {};
    }
    // Connected with stanzas still waiting: a receiver of stanzaSent sends while the queue is flushed,
    // and its stanza goes behind the rest.
    if (d->state != ConnectionState::Connected && !d->canQueue()) {
        if (d->pending.size() >= d->settings.maxPendingStanzas && d->settings.maxPendingStanzas > 0)
            return tr("%1 stanzas are already waiting for the connection: this one was not queued")
                .arg(d->pending.size());
        return tr("not connected (%1): nothing was sent").arg(displayName(d->state).toLower());
    }
    d->pending.append({wire, element});
    Q_EMIT pendingChanged(int(d->pending.size()));
    return {};
}

bool ComponentConnection::relay(const Stanza &stanza)
{
    if (d->state != ConnectionState::Connected)
        return false;
    d->write(stanza.wire());
    ++d->counters.stanzasOut;
    Q_EMIT stanzaSent(stanza.passedOn(Direction::Sent, QDateTime::currentMSecsSinceEpoch()));
    return true;
}

void ComponentConnection::relayWhitespace(const QByteArray &whitespace)
{
    if (d->state == ConnectionState::Connected)
        d->write(whitespace);
}

bool ComponentConnectionPrivate::canQueue() const
{
    const bool underWay = reconnectTimer.isActive() || state == ConnectionState::Connecting ||
                          state == ConnectionState::OpeningStream || state == ConnectionState::Authenticating;
    return underWay && pending.size() < settings.maxPendingStanzas;
}

bool ComponentConnection::canQueue() const
{
    return d->canQueue();
}

qint64 ComponentConnection::bytesToWrite() const
{
    return d->unsentBytes();
}

int ComponentConnection::pendingCount() const
{
    return int(d->pending.size());
}

int ComponentConnection::clearPending()
{
    const int dropped = int(d->pending.size());
    d->pending.clear();
    if (dropped > 0)
        Q_EMIT pendingChanged(0);
    return dropped;
}

void ComponentConnectionPrivate::writeStanza(const QByteArray &wire, const XmlElement &element)
{
    write(wire);
    ++counters.stanzasOut;
    Q_EMIT q->stanzaSent(Stanza(Direction::Sent, nowMs(), wire, element));
}

void ComponentConnectionPrivate::flushPending()
{
    if (pending.isEmpty())
        return;
    // One at a time from the front: a receiver of stanzaSent may send more, and send() queues those
    // behind the rest for as long as the queue is not empty; a drop mid-way keeps the rest waiting.
    while (!pending.isEmpty() && state == ConnectionState::Connected) {
        const PendingStanza stanza = pending.takeFirst();
        writeStanza(stanza.wire, stanza.element);
    }
    Q_EMIT q->pendingChanged(int(pending.size()));
}

} // namespace xcm
