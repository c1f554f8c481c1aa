// SPDX-License-Identifier: GPL-3.0-or-later
// The public face of a component connection, including the mirror setters a connection on another
// thread is shown through; the state machine it reads and drives is ComponentConnectionPrivate
// (componentconnection_p.cpp).
#include "componentconnection.h"
#include "componentconnection_p.h"

#include "stanzapolicy.h"

#include <QDateTime>

namespace xcm {

ComponentConnection::ComponentConnection(QObject *parent)
    : QObject(parent)
    , d(std::make_unique<ComponentConnectionPrivate>(this))
{}

ComponentConnection::~ComponentConnection()
{
    d->stream.drop();
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
    d->stream.setFactory(std::move(factory));
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
qint64 ComponentConnection::stateChangedAtMs() const
{
    return d->stateChangedAtMs;
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
    return d->reconnectHistory.attempts;
}
qint64 ComponentConnection::nextReconnectAtMs() const
{
    return d->nextReconnectAtMs;
}
QString ComponentConnection::reconnectNotice() const
{
    return d->reconnectNotice;
}

void ComponentConnection::connectToServer()
{
    if (d->state != ConnectionState::Disconnected)
        return;
    d->reconnectTimer.stop();
    d->nextReconnectAtMs = 0;
    d->reconnectHistory = {};
    d->setReconnectNotice({});
    if (const DisconnectReason problem = configurationReason(d->settings, hasSecret()); !problem.isNull()) {
        d->lastReason = problem;
        d->setState(ConnectionState::Disconnected, d->lastReason);
        return;
    }
    d->startAttempt();
}

void ComponentConnection::disconnectFromServer()
{
    disconnectFromServer(tr("disconnected by the user"));
}

void ComponentConnection::disconnectFromServer(const QString &why)
{
    const DisconnectReason reason{DisconnectReason::Kind::UserRequest, {}, {}, why};
    const bool reconnectPending = d->reconnectTimer.isActive();
    d->closingByUser = true;
    d->reconnectTimer.stop();
    d->nextReconnectAtMs = 0;
    d->reconnectHistory = {};
    d->setReconnectNotice({});
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

QString ComponentConnection::send(QByteArrayView xml)
{
    XmlElement element;
    const QString problem = StanzaPolicy::forSettings(d->settings).check(xml, &element);
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

ComponentConnection::Status ComponentConnection::status() const
{
    return {d->state,    d->stateChangedAtMs, d->lastReason,        d->streamId,       d->serverDomain,
            d->counters, reconnectAttempt(),  d->nextReconnectAtMs, d->reconnectNotice};
}

void ComponentConnection::mirrorState(const Status &status)
{
    d->state = status.state;
    d->stateChangedAtMs = status.stateChangedAtMs;
    d->lastReason = status.lastReason;
    d->streamId = status.streamId;
    d->serverDomain = status.serverDomain;
    d->counters = status.counters;
    d->reconnectHistory.attempts = status.reconnectAttempt;
    d->nextReconnectAtMs = status.nextReconnectAtMs;
    d->reconnectNotice = status.reconnectNotice;
    Q_EMIT stateChanged(status.state, status.lastReason);
}

void ComponentConnection::mirrorStanza(const Stanza &stanza, const Counters &counters)
{
    d->counters = counters;
    if (stanza.direction() == Direction::Received)
        Q_EMIT stanzaReceived(stanza);
    else
        Q_EMIT stanzaSent(stanza);
}

void ComponentConnection::mirrorNotice(const QString &notice)
{
    d->reconnectNotice = notice;
    Q_EMIT reconnectNoticeChanged(notice);
}

bool ComponentConnection::canQueue() const
{
    return d->canQueue();
}

qint64 ComponentConnection::bytesToWrite() const
{
    return d->stream.bytesToWrite();
}

void ComponentConnection::setReadingPaused(bool paused)
{
    d->stream.setReadingPaused(paused);
}
bool ComponentConnection::isReadingPaused() const
{
    return d->stream.isReadingPaused();
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

} // namespace xcm
