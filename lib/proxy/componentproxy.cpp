// SPDX-License-Identifier: GPL-3.0-or-later
#include "componentproxy.h"

#include "durationtext.h"
#include "hostandport.h"
#include "incomingcomponentstream.h"
#include "logging.h"
#include "stanzapolicy.h"
#include "xmlelement.h"

#include <QDateTime>
#include <QTcpSocket>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace xcm {

namespace {

// A leg's unsent bytes above which the proxy stops reading the other leg, and below which it reads on:
// enough to keep both sockets busy, little enough that a stalled peer costs xcm a bounded amount.
constexpr qint64 backlogHighWater = 1024 * 1024;
constexpr qint64 backlogLowWater = 256 * 1024;

bool shouldPause(qint64 backlog, bool paused)
{
    return backlog > (paused ? backlogLowWater : backlogHighWater);
}

} // namespace

ComponentProxy::ComponentProxy(QObject *parent)
    : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, &ComponentProxy::onNewConnection);
    connect(&m_upstream, &ComponentConnection::stateChanged, this, &ComponentProxy::onUpstreamState);
    connect(&m_upstream, &ComponentConnection::stanzaReceived, this, &ComponentProxy::onUpstreamStanza);
    connect(&m_upstream, &ComponentConnection::backlogChanged, this, &ComponentProxy::throttleComponent);
}

ComponentProxy::~ComponentProxy()
{
    // Our members go before QObject's children: no stream may call back into a half-destroyed proxy.
    if (m_stream)
        m_stream->disconnect(this);
    m_upstream.disconnect(this);
}

ConnectionSettings ComponentProxy::upstreamSettings(const ProxySettings &settings)
{
    ConnectionSettings upstream = settings.upstream;
    upstream.reconnect.enabled = false;                        // the component reconnects, and then so do we
    upstream.keepaliveInterval = std::chrono::milliseconds(0); // the component's keepalive is relayed
    upstream.maxPendingStanzas = 0; // nothing waits: a stanza is relayed or the leg is down
    return upstream;
}

void ComponentProxy::setSettings(const ProxySettings &settings)
{
    m_settings = settings;
    m_upstream.setSettings(upstreamSettings(settings));
}

void ComponentProxy::setUpstreamSecret(const QString &secret)
{
    m_upstreamSecret = secret;
    m_upstream.setSecret(secret);
}

void ComponentProxy::setComponentSecret(const QString &secret)
{
    m_componentSecret = secret;
}

StreamParser::Limits ComponentProxy::limits() const
{
    StreamParser::Limits limits;
    limits.maxStanzaBytes = m_settings.upstream.maxStanzaBytes;
    limits.maxDepth = m_settings.upstream.maxDepth;
    return limits;
}

bool ComponentProxy::listen(QString *error)
{
    if (m_server.isListening())
        return true;
    const QHostAddress address(m_settings.listenAddress);
    if (address.isNull()) {
        *error = tr("'%1' is not an IP address to listen on").arg(m_settings.listenAddress);
        return false;
    }
    if (!m_server.listen(address, m_settings.listenPort)) {
        *error =
            tr("cannot listen on %1: %2")
                .arg(hostAndPort(m_settings.listenAddress, m_settings.listenPort), m_server.errorString());
        return false;
    }
    qCInfo(lcConnection).noquote() << "proxy for" << m_settings.upstream.domain << "listening on"
                                   << m_settings.listenAddress << m_server.serverPort();
    return true;
}

void ComponentProxy::stop()
{
    m_server.close();
    // Neither leg takes a stanza from now on: what rules kept back is lost, which the component's
    // leaving says once its leg has closed.
    m_discarded += forgetFaults();
    if (m_stream)
        m_stream->close();
    m_upstream.disconnectFromServer();
}

qint64 ComponentProxy::componentBytesToWrite() const
{
    return m_stream ? m_stream->bytesToWrite() : 0;
}

void ComponentProxy::onNewConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        if (m_stream) {
            refuseSecond(socket);
            continue;
        }
        m_upstreamErrorRelayed = false;
        m_discarded = 0;
        m_stream = new IncomingComponentStream(socket, limits(), m_settings.componentOpenTimeout, this);
        m_componentAdmitted = false;
        m_componentAddress = m_stream->peerAddress();
        connect(m_stream, &IncomingComponentStream::headerReceived, this, &ComponentProxy::onHeader);
        connect(m_stream, &IncomingComponentStream::handshakeReceived, this, &ComponentProxy::onHandshake);
        connect(m_stream, &IncomingComponentStream::stanzaReceived, this, &ComponentProxy::onComponentStanza);
        connect(m_stream, &IncomingComponentStream::keepaliveReceived, &m_upstream,
                &ComponentConnection::relayWhitespace);
        connect(m_stream, &IncomingComponentStream::finished, this, &ComponentProxy::onComponentFinished);
        connect(m_stream, &IncomingComponentStream::backlogChanged, this, &ComponentProxy::throttleUpstream);
        qCInfo(lcConnection).noquote() << "proxy: component" << m_componentAddress << "connected";
        Q_EMIT componentEvent(tr("component %1 connected to the proxy").arg(m_componentAddress), false);
    }
}

void ComponentProxy::refuseSecond(QTcpSocket *socket)
{
    // As a server would: the stream opens, then conflict. The first component is not disturbed.
    auto *second = new IncomingComponentStream(socket, limits(), m_settings.componentOpenTimeout, this);
    const QString address = second->peerAddress();
    connect(second, &IncomingComponentStream::headerReceived, second, [second, this] {
        second->openStream(m_settings.upstream.domain);
        second->closeWithError(
            StreamError::make(u"conflict"_s, staticMetaObject.className(),
                              QT_TR_NOOP("another component is already connected through this proxy")));
    });
    connect(second, &IncomingComponentStream::finished, second, &QObject::deleteLater);
    Q_EMIT componentEvent(
        tr("refused a second component from %1: one is already connected (conflict)").arg(address), true);
}

void ComponentProxy::onHeader(const StreamHeader &header)
{
    const QString domain = m_settings.upstream.domain;
    if (header.to.compare(domain, Qt::CaseInsensitive) != 0) {
        m_stream->closeWithError(StreamError::make(
            u"host-unknown"_s, staticMetaObject.className(),
            QT_TR_NOOP("this proxy stands in for %1 only, not for '%2'"), domain, header.to));
        return;
    }
    m_stream->openStream(domain);
}

void ComponentProxy::onHandshake(const QByteArray &digest)
{
    const QString &secret = m_componentSecret.isEmpty() ? m_upstreamSecret : m_componentSecret;
    if (!m_stream->isHandshakeValid(digest, secret)) {
        // Never passed on: the server does not hear of a component that does not know the secret.
        m_stream->closeWithError(StreamError::make(
            u"not-authorized"_s, staticMetaObject.className(),
            QT_TR_NOOP("the handshake does not match the secret the proxy expects from the component")));
        return;
    }
    // Now xcm logs in upstream as the component; the component hears <handshake/> once the server agrees.
    m_upstream.connectToServer();
}

void ComponentProxy::onUpstreamState(ConnectionState state, const DisconnectReason &reason)
{
    if (!m_stream)
        return;
    if (state == ConnectionState::Connected) {
        // Refused meanwhile (its stream is closing while its peer hangs up): the server leg has no one
        // to relay for.
        if (m_stream->phase() != IncomingComponentStream::Phase::Authenticating) {
            m_upstream.disconnectFromServer(tr("the component was refused"));
            return;
        }
        m_stream->acceptHandshake();
        m_componentAdmitted = true;
        Q_EMIT componentEvent(
            tr("relaying: component %1 ⇄ server %2")
                .arg(m_componentAddress, hostAndPort(m_settings.upstream.host, m_settings.upstream.port)),
            false);
        Q_EMIT componentChanged(true);
        return;
    }
    if (state != ConnectionState::Disconnected || m_upstreamErrorRelayed)
        return;
    // The server leg ended without a stream error to pass on (a drop, a refusal before the stream, a
    // timeout): the component is told why in the closest condition there is.
    m_stream->closeWithError(
        StreamError::make(u"remote-connection-failed"_s, staticMetaObject.className(),
                          QT_TR_NOOP("the proxy's connection to the server ended: %1"),
                          reason.explanation.isEmpty() ? reason.condition : reason.explanation));
}

void ComponentProxy::onUpstreamStanza(const Stanza &stanza)
{
    const QString mark = relayFromServer(stanza);
    Q_EMIT fromServer(stanza, mark);
}

QString ComponentProxy::relayFromServer(const Stanza &stanza)
{
    if (!m_stream)
        return {};
    if (stanza.isStreamError()) {
        // The server's own words, as it sent them.
        m_upstreamErrorRelayed = true;
        m_stream->closeWithRawError(stanza.wire());
        return {};
    }
    if (stanza.kind() == StanzaKind::Stream)
        return {}; // the server's header, <handshake/>, </stream:stream>: each leg has its own
    // Closing, the component's leg takes nothing more: no rule is asked about what cannot go anyway.
    if (m_faults.isActive() && m_stream->phase() == IncomingComponentStream::Phase::Open) {
        if (std::optional<Faulted> faulted = applyFaults(stanza))
            return std::move(faulted->mark);
    }
    m_stream->write(stanza.wire());
    throttleUpstream();
    return {};
}

void ComponentProxy::onComponentStanza(const Stanza &stanza)
{
    if (stanza.isStreamError()) {
        m_upstream.relay(stanza);
        m_upstream.disconnectFromServer(tr("the component closed its stream with an error"));
        return;
    }
    if (m_faults.isActive()) {
        const Stanza toServer = stanza.passedOn(Direction::Sent, stanza.timestampMs());
        if (const std::optional<Faulted> faulted = applyFaults(toServer)) {
            // Not relayed now (a duplicate's copies were, and were reported as they went): its row.
            if (faulted->action != Rule::Action::Duplicate)
                Q_EMIT keptFromServer(toServer, faulted->mark);
            return;
        }
    }
    if (!m_upstream.relay(stanza))
        qCInfo(lcConnection) << "proxy: a stanza from the component arrived while the server leg is down";
    throttleComponent();
}

void ComponentProxy::throttleUpstream()
{
    // The legs' own flags, not copies: a stream unpauses itself when it reconnects or shuts down.
    const bool paused = m_upstream.isReadingPaused();
    const bool pause = shouldPause(m_stream ? m_stream->bytesToWrite() : 0, paused);
    if (pause == paused)
        return;
    qCDebug(lcConnection) << "proxy:" << (pause ? "the component reads slowly: pausing" : "resuming")
                          << "the server's leg";
    m_upstream.setReadingPaused(pause);
}

void ComponentProxy::throttleComponent()
{
    if (!m_stream)
        return;
    const bool paused = m_stream->isReadingPaused();
    const bool pause = shouldPause(m_upstream.bytesToWrite(), paused);
    if (pause == paused)
        return;
    qCDebug(lcConnection) << "proxy:" << (pause ? "the server reads slowly: pausing" : "resuming")
                          << "the component's leg";
    m_stream->setReadingPaused(pause);
}

void ComponentProxy::onComponentFinished(const StreamError &error, const QString &explanation)
{
    if (sender() != m_stream)
        return;
    qCInfo(lcConnection).noquote() << "proxy: component" << m_componentAddress << "left:" << explanation;
    m_stream->deleteLater();
    m_stream = nullptr;
    throttleUpstream(); // nothing waits for the component any more
    const QString discarded = discardedText(std::exchange(m_discarded, 0) + forgetFaults());
    // A stream error either way (sent to the component or relayed from the server) is a refusal or a
    // failure; a plain close is the ordinary end. Before it was let in, an error is a refusal.
    const bool admitted = std::exchange(m_componentAdmitted, false);
    const bool refused = !error.isNull() && !admitted;
    m_upstream.disconnectFromServer(refused ? tr("the component was refused") : tr("the component left"));
    QString event = refused ? tr("component %1 was refused: %2").arg(m_componentAddress, explanation)
                            : tr("component %1 left: %2").arg(m_componentAddress, explanation);
    if (!discarded.isEmpty())
        event += u"; "_s + discarded;
    Q_EMIT componentEvent(event, !error.isNull() || !discarded.isEmpty());
    Q_EMIT componentChanged(false);
}

bool ComponentProxy::injectToComponent(const QByteArray &xml, QString *error)
{
    if (!m_stream || m_stream->phase() != IncomingComponentStream::Phase::Open) {
        *error = tr("no component is connected through the proxy");
        return false;
    }
    XmlElement element;
    if (const QString problem =
            StanzaPolicy::forSettings(m_settings.upstream, StanzaPolicy::Toward::Component)
                .check(xml, &element);
        !problem.isEmpty()) {
        *error = problem;
        return false;
    }
    const QByteArray wire = xml.trimmed();
    m_stream->write(wire);
    throttleUpstream();
    Q_EMIT injectedToComponent(
        Stanza(Direction::Received, QDateTime::currentMSecsSinceEpoch(), wire, element));
    return true;
}

std::optional<ComponentProxy::Faulted> ComponentProxy::applyFaults(const Stanza &stanza)
{
    if (stanza.kind() == StanzaKind::Stream)
        return std::nullopt;
    const FaultInjector::Verdict verdict = m_faults.inspect(stanza);
    if (!verdict.faulted)
        return std::nullopt;
    QString mark;
    switch (verdict.action) {
    case Rule::Action::Drop:
        mark = tr("dropped by rule %1").arg(verdict.ruleName);
        break;
    case Rule::Action::Delay:
        mark = tr("delayed %1 ms by rule %2").arg(verdict.delayMs).arg(verdict.ruleName);
        // Later stanzas overtake it, as on a slow network path.
        ++m_delayedCount;
        QTimer::singleShot(
            verdict.delayMs, this,
            [this, stanza, generation = m_faultGeneration,
             passed = tr("passed on: delayed %1 ms by rule %2").arg(verdict.delayMs).arg(verdict.ruleName)] {
                if (generation != m_faultGeneration)
                    return;
                --m_delayedCount;
                relayOnLeg(stanza, passed, Release::Late);
            });
        break;
    case Rule::Action::Duplicate:
        mark = tr("duplicated by rule %1").arg(verdict.ruleName);
        relayOnLeg(stanza, mark, Release::Copy);
        relayOnLeg(stanza, mark, Release::Copy);
        break;
    case Rule::Action::Hold:
        mark = tr("held by rule %1").arg(verdict.ruleName);
        break;
    case Rule::Action::Reply:
        return std::nullopt;
    }
    qCDebug(lcConnection).noquote() << "proxy:" << mark;
    Q_EMIT stanzaFaulted(stanza, verdict.action, mark);
    return Faulted{verdict.action, mark};
}

void ComponentProxy::relayOnLeg(const Stanza &stanza, const QString &mark, Release release)
{
    if (stanza.direction() == Direction::Received) {
        if (!m_stream)
            return;
        m_stream->write(stanza.wire());
        throttleUpstream();
        // The arrival's row tells of a duplicate's copies; one let go after a while gets its own.
        if (release == Release::Late)
            Q_EMIT releasedToComponent(
                stanza.passedOn(Direction::Received, QDateTime::currentMSecsSinceEpoch()), mark);
        return;
    }
    m_relayMark = mark;
    m_relayOccurrence = release == Release::Late ? StanzaOccurrence::Repeat : StanzaOccurrence::First;
    if (!m_upstream.relay(stanza))
        qCInfo(lcConnection) << "proxy: a faulted stanza for the server found the server leg down";
    m_relayMark.clear();
    m_relayOccurrence = StanzaOccurrence::First;
    throttleComponent();
}

void ComponentProxy::releaseHeld()
{
    const QList<FaultInjector::HeldStanza> held = m_faults.releaseAll();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (const FaultInjector::HeldStanza &entry : held)
        relayOnLeg(entry.stanza,
                   tr("released: held %1 by rule %2")
                       .arg(DurationText::recorded(double(now - entry.stanza.timestampMs())), entry.ruleName),
                   Release::Late);
}

int ComponentProxy::forgetFaults()
{
    ++m_faultGeneration;
    const int discarded = m_faults.heldCount() + std::exchange(m_delayedCount, 0);
    m_faults.clearHeld();
    if (discarded > 0)
        qCInfo(lcConnection) << "proxy: discarded" << discarded << "stanzas fault rules held back";
    return discarded;
}

QString ComponentProxy::discardedText(int count)
{
    if (count == 0)
        return {};
    // No %n plural: xcm-cli prints this too, and has no catalogue to resolve one.
    return count == 1 ? tr("discarded a stanza a fault rule held back")
                      : tr("discarded %1 stanzas fault rules held back").arg(count);
}

} // namespace xcm
