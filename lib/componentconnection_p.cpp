// SPDX-License-Identifier: GPL-3.0-or-later
// The XEP-0114 connection's state machine: attempt, stream open, handshake, keepalive, close, reconnect.
// ComponentConnection (componentconnection.cpp) is the public face that reads and drives it.
#include "componentconnection_p.h"

#include "handshake.h"
#include "logging.h"

#include <QDateTime>
#include <QRandomGenerator>

using namespace Qt::StringLiterals;

namespace xcm {

namespace {

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

QString seconds(std::chrono::milliseconds duration)
{
    return QString::number(duration.count() / 1000.0, 'g', 3);
}

constexpr std::chrono::milliseconds silentServerGrace{250};

} // namespace

ComponentConnectionPrivate::ComponentConnectionPrivate(ComponentConnection *q)
    : q(q)
{
    for (QTimer *timer : {&connectTimer, &closeTimer, &reconnectTimer, &missingIdTimer, &stableTimer})
        timer->setSingleShot(true);
    QObject::connect(&stableTimer, &QTimer::timeout, q, [this] { onStable(); });
    QObject::connect(&missingIdTimer, &QTimer::timeout, q, [this] { refuseMissingId(); });
    QObject::connect(&connectTimer, &QTimer::timeout, q, [this] { onConnectTimeout(); });
    QObject::connect(&keepaliveTimer, &QTimer::timeout, q, [this] {
        if (state == ConnectionState::Connected)
            write(" "_ba);
    });
    QObject::connect(&closeTimer, &QTimer::timeout, q, [this] { onCloseTimeout(); });
    QObject::connect(&reconnectTimer, &QTimer::timeout, q, [this] {
        nextReconnectAtMs = 0;
        startAttempt();
    });
    QObject::connect(&stream, &StreamSocket::ready, q, [this] { onTransportReady(); });
    QObject::connect(&stream, &StreamSocket::bytesRead, q,
                     [this](qint64 count) { counters.bytesIn += quint64(count); });
    QObject::connect(&stream, &StreamSocket::backlogChanged, q, &ComponentConnection::backlogChanged);
    QObject::connect(&stream, &StreamSocket::backlogChanged, q, [this] {
        // Closing, the wait for the server's answer counts from the last of our bytes that left.
        if (closeTimer.isActive())
            closeTimer.start(); // anew, with the wait it was started with
    });
    QObject::connect(&stream, &StreamSocket::errorOccurred, q,
                     [this](QAbstractSocket::SocketError error) { onSocketError(error); });
    QObject::connect(&stream, &StreamSocket::disconnected, q, [this] { onSocketDisconnected(); });
    QObject::connect(&stream, &StreamSocket::stanzaTimedOut, q, [this] { onStanzaTimeout(); });
    StreamParser *parser = &stream.parser();
    QObject::connect(parser, &StreamParser::streamOpened, q,
                     [this](const StreamHeader &h) { onStreamOpened(h); });
    QObject::connect(parser, &StreamParser::stanzaReceived, q, [this](const Stanza &s) { onStanza(s); });
    QObject::connect(parser, &StreamParser::streamClosed, q, [this] { onStreamClosed(); });
    QObject::connect(parser, &StreamParser::failed, q, [this](const StreamError &e) { onParserFailed(e); });
}

void ComponentConnectionPrivate::setState(ConnectionState newState, const DisconnectReason &reason)
{
    if (newState == state && newState != ConnectionState::Disconnected)
        return;
    state = newState;
    stateChangedAtMs = nowMs();
    // Only a stream in use has stanzas to time: not the handshake, not a close.
    stream.setStanzaTimerArmed(state == ConnectionState::Connected);
    qCDebug(lcConnection) << "state" << identifier(state) << reason.toString();
    Q_EMIT q->stateChanged(state, reason);
}

void ComponentConnectionPrivate::startAttempt()
{
    streamId.clear();
    serverDomain.clear();
    pendingReason = {};
    closeSent = false;
    closingByUser = false;
    if (const DisconnectReason refused = stream.prepare(settings, q); !refused.isNull()) {
        lastReason = refused;
        setState(ConnectionState::Disconnected, lastReason);
        return;
    }
    setState(ConnectionState::Connecting);
    connectTimer.start(settings.connectTimeout);
    stream.connectToHost();
}

void ComponentConnectionPrivate::onTransportReady()
{
    setState(ConnectionState::OpeningStream);
    const QByteArray header = "<?xml version='1.0'?><stream:stream xmlns='jabber:component:accept' "
                              "xmlns:stream='http://etherx.jabber.org/streams' to='" +
                              settings.domain.toHtmlEscaped().toUtf8() + "'>";
    write(header);
    QXmlStreamAttributes attributes;
    attributes.append(u"to"_s, settings.domain);
    logSent(header, u"stream"_s, QString::fromUtf16(ns::stream), attributes);
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
        qCDebug(lcConnection) << "stream header without an id: waiting" << missingIdGrace.count()
                              << "ms for the stream error that usually follows";
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
    if (!stream.isOpen())
        return;
    ++counters.stanzasIn;
    Q_EMIT q->stanzaReceived(stanza);
    if (!stream.isOpen())
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
        // The series of attempts goes on until the connection has proved itself (see stableAfter).
        counters.connectedSinceMs = nowMs();
        upClock.start();
        if (settings.keepaliveInterval.count() > 0)
            keepaliveTimer.start(settings.keepaliveInterval);
        stableTimer.start(settings.reconnect.stableAfter);
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
    if (!stream.isOpen())
        return;
    if (state == ConnectionState::Disconnecting) {
        stream.shutdownWhenFlushed(); // the server answered our close
        return;
    }
    const QString explanation = state == ConnectionState::Connected
                                    ? tr("the server closed the stream")
                                    : tr("the server closed the stream before the handshake completed");
    closeGracefully({DisconnectReason::Kind::ServerClosed, u"stream-closed"_s, {}, explanation});
}

void ComponentConnectionPrivate::onParserFailed(const StreamError &error)
{
    if (!stream.isOpen())
        return;
    qCInfo(lcParser) << "refusing server input:" << error.condition << error.text;
    closeGracefully(DisconnectReason::fromProtocolViolation(error), error.toXml());
}

void ComponentConnectionPrivate::onStanzaTimeout()
{
    const StreamError error =
        StreamError::make(u"policy-violation"_s, trContext(),
                          QT_TR_NOOP("a stanza was still incomplete after %1 s (%2 bytes received)"),
                          seconds(settings.stanzaTimeout), stream.parser().pendingBytes());
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

void ComponentConnectionPrivate::onCloseTimeout()
{
    // The close timeout is for the server's answer, not for our own bytes: while they are still
    // leaving (a large send over a slow link) the wait starts again with each write that leaves (see
    // the backlogChanged connection). So the whole wait has passed since the last of them left, or with
    // none leaving at all: bytes unsent now are no longer a clean close.
    if (const qint64 unsent = stream.bytesToWrite(); unsent > 0)
        pendingReason = {DisconnectReason::Kind::Timeout,
                         u"write-stalled"_s,
                         {},
                         tr("the server stopped reading: %1 bytes xcm had sent never left (nothing moved "
                            "for %2 s)")
                             .arg(unsent)
                             .arg(seconds(closeTimer.intervalAsDuration()))};
    finish(pendingReason);
}

void ComponentConnectionPrivate::write(const QByteArray &bytes)
{
    if (!stream.isOpen())
        return;
    stream.write(bytes);
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
    if (!stream.isOpen())
        return;
    missingIdTimer.stop();
    connectTimer.stop();
    keepaliveTimer.stop();
    if (pendingReason.isNull() || state != ConnectionState::Disconnecting)
        pendingReason = reason;
    // A server that has not opened its stream (a silent port, not XMPP; or a header without an id,
    // which ends the stream anyway) is not waited for: its close will not come, and a --timeout of 5 s
    // took 7. Our bytes still get a moment to leave.
    const bool serverSilent = state == ConnectionState::OpeningStream;
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
    if (!closeTimer.isActive())
        closeTimer.start(serverSilent ? std::min(settings.closeTimeout, silentServerGrace)
                                      : settings.closeTimeout);
    // Once the server has closed its side, or there is an error, nothing more is awaited from it.
    if (stream.parser().isClosed() || !streamError.isEmpty() || pendingReason.isError())
        stream.shutdownWhenFlushed();
}

void ComponentConnectionPrivate::onSocketDisconnected()
{
    if (state == ConnectionState::Disconnecting) {
        finish(pendingReason);
        return;
    }
    finish(connectionClosedReason(state, stream.parser().pendingBytes()));
}

void ComponentConnectionPrivate::onSocketError(QAbstractSocket::SocketError error)
{
    if (!stream.isOpen() || error == QAbstractSocket::RemoteHostClosedError)
        return; // onSocketDisconnected explains it with what was under way
    if (state == ConnectionState::Disconnecting) {
        finish(pendingReason);
        return;
    }
    finish(stream.errorReason(error));
}

void ComponentConnectionPrivate::finish(DisconnectReason reason)
{
    missingIdTimer.stop();
    connectTimer.stop();
    keepaliveTimer.stop();
    closeTimer.stop();
    stableTimer.stop();
    stream.drop();
    std::optional<std::chrono::milliseconds> upFor;
    if (upClock.isValid())
        upFor = std::chrono::milliseconds(upClock.elapsed());
    upClock.invalidate();
    counters.connectedSinceMs = 0;
    lastReason = reason;
    pendingReason = {};
    qCInfo(lcConnection).noquote() << settings.domain << "disconnected:" << reason.toString();
    // Scheduled before Disconnected is announced, so that its receivers can tell a pause before the
    // next attempt (nextReconnectAtMs() > 0) from the end.
    const qint64 delay = scheduleReconnect(reason, upFor);
    const qint64 scheduledAt = nextReconnectAtMs;
    setState(ConnectionState::Disconnected, reason);
    if (delay >= 0 && reconnectTimer.isActive() && nextReconnectAtMs == scheduledAt)
        Q_EMIT q->reconnectScheduled(reconnectHistory.attempts,
                                     delay); // unless a receiver connected or gave up
}

qint64 ComponentConnectionPrivate::scheduleReconnect(const DisconnectReason &reason,
                                                     std::optional<std::chrono::milliseconds> upFor)
{
    if (closingByUser)
        return -1; // whatever ended the close the user asked for, it stays closed
    const ReconnectPolicy::Decision decision = settings.reconnect.next(
        reconnectHistory, reason, QRandomGenerator::global()->generateDouble(), upFor);
    reconnectHistory = decision.history;
    if (settings.reconnect.isFlapping(reconnectHistory))
        qCInfo(lcConnection).noquote() << settings.domain << "flapping:" << reconnectHistory.shortDrops
                                       << "connections in a row dropped within"
                                       << settings.reconnect.stableAfter.count() << "ms of the handshake";
    setReconnectNotice(settings.reconnect.notice(decision, reason));
    if (!decision.retry) {
        if (reason.isError())
            qCDebug(lcConnection).noquote() << settings.domain << "no reconnect:" << decision.why;
        return -1;
    }
    nextReconnectAtMs = nowMs() + decision.delay.count();
    reconnectTimer.start(decision.delay);
    qCInfo(lcConnection).noquote() << settings.domain << "reconnect attempt" << decision.attempt << "in"
                                   << decision.delay.count() << "ms";
    return decision.delay.count();
}

void ComponentConnectionPrivate::onStable()
{
    if (state != ConnectionState::Connected)
        return;
    qCDebug(lcConnection).noquote() << settings.domain << "up for" << settings.reconnect.stableAfter.count()
                                    << "ms: the next drop starts a fresh series of attempts";
    reconnectHistory = {};
    setReconnectNotice({});
}

void ComponentConnectionPrivate::setReconnectNotice(const QString &notice)
{
    if (notice == reconnectNotice)
        return;
    reconnectNotice = notice;
    Q_EMIT q->reconnectNoticeChanged(reconnectNotice);
}

bool ComponentConnectionPrivate::canQueue() const
{
    const bool underWay = reconnectTimer.isActive() || state == ConnectionState::Connecting ||
                          state == ConnectionState::OpeningStream || state == ConnectionState::Authenticating;
    return underWay && pending.size() < settings.maxPendingStanzas;
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
    qCDebug(lcConnection) << "sending the" << pending.size() << "stanzas that waited for the handshake";
    // One at a time from the front: a receiver of stanzaSent may send more, and send() queues those
    // behind the rest for as long as the queue is not empty; a drop mid-way keeps the rest waiting.
    while (!pending.isEmpty() && state == ConnectionState::Connected) {
        const PendingStanza stanza = pending.takeFirst();
        writeStanza(stanza.wire, stanza.element);
    }
    Q_EMIT q->pendingChanged(int(pending.size()));
}

} // namespace xcm
