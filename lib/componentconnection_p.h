// SPDX-License-Identifier: GPL-3.0-or-later
// Not API: ComponentConnection's insides, for componentconnection.cpp only.
#pragma once

#include "componentconnection.h"
#include "reconnectpolicy.h"
#include "streamsocket.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QList>
#include <QTimer>

#include <optional>

namespace xcm {

// The state machine of one connection: the stream header, the handshake, the timers that bound each
// phase, the close, the queue of stanzas waiting for the handshake and when to try again. The bytes
// are StreamSocket's, the reconnect arithmetic ReconnectPolicy's, the stanza rules StanzaPolicy's.
class ComponentConnectionPrivate
{
    // The explanations it writes share ComponentConnection's context, which lupdate sees here.
    Q_DECLARE_TR_FUNCTIONS(xcm::ComponentConnection)
    static const char *trContext() { return ComponentConnection::staticMetaObject.className(); }

public:
    explicit ComponentConnectionPrivate(ComponentConnection *q);

    void startAttempt();
    void onTransportReady();
    void onSocketError(QAbstractSocket::SocketError error);
    void onSocketDisconnected();
    void onStreamOpened(const StreamHeader &header);
    void onStanza(const Stanza &stanza);
    void onStreamClosed();
    void onParserFailed(const StreamError &error);
    void onStanzaTimeout();
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
    void finish(DisconnectReason reason); // by value: callers pass pendingReason, which this clears
    // Starts the reconnect timer if the policy wants a retry after `reason`, which ended a connection
    // that had been up for `upFor` (none: it never completed the handshake); returns the delay, or -1.
    qint64 scheduleReconnect(const DisconnectReason &reason, std::optional<std::chrono::milliseconds> upFor);
    // The connection has been up for stableAfter: the next drop starts a fresh series of attempts.
    void onStable();
    // What the user is told about the series of attempts after `decision` (see reconnectNotice()).
    void setReconnectNotice(const QString &notice);
    void writeStanza(const QByteArray &wire, const XmlElement &element);
    void flushPending();
    bool canQueue() const;

    ComponentConnection *q;
    ConnectionSettings settings;
    QString secret;
    ConnectionState state = ConnectionState::Disconnected;
    qint64 stateChangedAtMs = 0;
    DisconnectReason lastReason;
    DisconnectReason pendingReason; // the reason for a disconnect under way
    QString streamId;
    QString serverDomain;
    ComponentConnection::Counters counters;
    StreamSocket stream;
    QTimer connectTimer;
    QTimer keepaliveTimer;
    QTimer closeTimer;
    QTimer reconnectTimer;
    QTimer missingIdTimer;
    QTimer stableTimer;
    QElapsedTimer upClock; // since the handshake succeeded; invalid while not connected
    static constexpr std::chrono::milliseconds missingIdGrace{1000};
    ReconnectPolicy::History reconnectHistory;
    qint64 nextReconnectAtMs = 0;
    QString reconnectNotice;
    bool closeSent = false;
    bool closingByUser = false; // disconnectFromServer() was called: whatever the reason, no retry
    struct PendingStanza
    {
        QByteArray wire;
        XmlElement element;
    };
    QList<PendingStanza> pending;
};

} // namespace xcm
