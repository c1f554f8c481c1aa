// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connectionsettings.h"
#include "connectionstate.h"
#include "disconnectreason.h"
#include "stanza.h"

#include <QObject>

#include <functional>
#include <memory>

class QAbstractSocket;

namespace xcm {

class ComponentConnectionPrivate;

// One XEP-0114 component connection: opens the stream, authenticates with the handshake, carries
// stanzas both ways, keeps the link alive and reconnects by its policy. Every state change is a signal
// with its reason; every item on the wire (stream header, handshake with the digest redacted, stanzas,
// stream errors) is reported through stanzaReceived / stanzaSent.
class ComponentConnection : public QObject
{
    Q_OBJECT
public:
    struct Counters
    {
        quint64 stanzasIn = 0;
        quint64 stanzasOut = 0;
        quint64 bytesIn = 0;
        quint64 bytesOut = 0;
        qint64 connectedSinceMs = 0; // 0 while not connected
    };

    explicit ComponentConnection(QObject *parent = nullptr);
    ~ComponentConnection() override;

    // Takes effect at the next connect.
    void setSettings(const ConnectionSettings &settings);
    const ConnectionSettings &settings() const;
    // Makes the transport for each attempt, parented to `parent`. Unset: a QTcpSocket, or a QSslSocket
    // for direct TLS. The seam for a proxying socket or an in-memory one (the fuzzer): it must emit
    // connected(), or for direct TLS be a QSslSocket that emits encrypted(). Takes effect at the next
    // attempt.
    using SocketFactory = std::function<QAbstractSocket *(QObject *parent)>;
    void setSocketFactory(SocketFactory factory);
    // Kept in memory only; never logged, never emitted.
    void setSecret(const QString &secret);
    bool hasSecret() const;

    ConnectionState state() const;
    // When the state last changed (ms since epoch): a mirror's is when the mirrored connection's did,
    // which its window may hear of later.
    qint64 stateChangedAtMs() const;
    // Why the last connection ended (or the current one is ending).
    const DisconnectReason &lastReason() const;
    QString streamId() const;
    QString serverDomain() const; // the 'from' of the server's stream header
    const Counters &counters() const;
    // Reconnect bookkeeping: the attempt number and when the next try starts (ms since epoch, 0 = none).
    int reconnectAttempt() const;
    qint64 nextReconnectAtMs() const;
    // What to tell the user about the reconnects beside lastReason(), in their language; empty when
    // there is nothing to say. With a retry pending (nextReconnectAtMs() > 0), that the connection is
    // flapping ("flapping: the connection dropped 3 times in a row within 30 s of connecting"); without
    // one, why retrying stopped where the policy would otherwise go on (xcm refused the same data from
    // the server twice in a row). Set before Disconnected is announced; cleared once a connection has
    // stayed up for the policy's stableAfter, and when the user connects or disconnects.
    QString reconnectNotice() const;

    // Sends one stanza as written (trimmed), or queues it while a connection or reconnect is under way.
    // Returns an empty string, or why it was refused (against the StanzaPolicy for these settings, queue
    // full, not connecting at all).
    QString send(QByteArrayView xml);
    // Proxy mode: writes a stanza another stream delivered, exactly as it came (no checks, no
    // re-serialisation), and reports it through stanzaSent. Only while connected; returns whether it went.
    bool relay(const Stanza &stanza);
    // Proxy mode: passes on the other side's keepalive whitespace as it came.
    void relayWhitespace(const QByteArray &whitespace);

    // Whether send() would hold a stanza now for want of a connection: an attempt or a retry is under
    // way, and the queue has room.
    bool canQueue() const;
    // Stanzas waiting for the handshake; they survive a failed attempt and go out on the next success.
    int pendingCount() const;
    // Bytes handed to the socket that have not left yet (for a TLS socket, the encrypted ones): what a
    // producer that should not outrun the network waits on (see backlogChanged).
    qint64 bytesToWrite() const;
    // Stops taking the server's bytes off the socket until unpaused, so that TCP slows the server down:
    // what a relay does while its other leg cannot keep up. Each attempt starts unpaused.
    void setReadingPaused(bool paused);
    bool isReadingPaused() const;
    // Drops the waiting stanzas (the user gave up on them); returns how many there were.
    int clearPending();

    // What the getters above report, taken at once: a connection on another thread is shown through a
    // mirror, a ComponentConnection of the UI thread that never connects itself (ThreadedProxy).
    struct Status
    {
        ConnectionState state = ConnectionState::Disconnected;
        qint64 stateChangedAtMs = 0;
        DisconnectReason lastReason;
        QString streamId;
        QString serverDomain;
        Counters counters;
        int reconnectAttempt = 0;
        qint64 nextReconnectAtMs = 0;
        QString reconnectNotice;
    };
    Status status() const;
    // Mirror mode: takes the other connection's status and repeats its stateChanged.
    void mirrorState(const Status &status);
    // Mirror mode: repeats stanzaReceived or stanzaSent (by the stanza's direction) with the counters
    // that came with it.
    void mirrorStanza(const Stanza &stanza, const Counters &counters);
    // Mirror mode: repeats reconnectNoticeChanged.
    void mirrorNotice(const QString &notice);

public Q_SLOTS:
    void connectToServer();
    // Closes the stream politely and cancels any pending reconnect.
    void disconnectFromServer();
    // The same for a reason other than the user's ("the component left" for a proxy's server leg): the
    // last reason's text, in the log and the connection timeline.
    void disconnectFromServer(const QString &why);

Q_SIGNALS:
    // On Disconnected a retry, if the policy wants one, is already scheduled: nextReconnectAtMs() > 0
    // tells a pause from the end. reconnectScheduled follows.
    void stateChanged(xcm::ConnectionState state, const xcm::DisconnectReason &reason);
    void stanzaReceived(const xcm::Stanza &stanza);
    void stanzaSent(const xcm::Stanza &stanza);
    void reconnectScheduled(int attempt, qint64 delayMs);
    void reconnectNoticeChanged(const QString &notice);
    void pendingChanged(int count);
    // Written bytes left for the network; `bytesToWrite` is what still waits, as bytesToWrite() tells.
    void backlogChanged(qint64 bytesToWrite);

private:
    friend class ComponentConnectionPrivate;
    std::unique_ptr<ComponentConnectionPrivate> d;
};

} // namespace xcm
