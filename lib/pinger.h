// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "stanza.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>

#include <chrono>

namespace xcm {

class ComponentConnection;

// XEP-0199 pings from a component, attached to its connection (as QXmppPingManager is to a client):
// sends <iq type='get'><ping xmlns='urn:xmpp:ping'/></iq> from the component's domain, times the round
// trip, takes only the answer from the pinged address, and gives up after a timeout. Several pings may
// be under way at once. Answering the pings others send is not its job.
class Pinger : public QObject
{
    Q_OBJECT
public:
    struct Result
    {
        enum class Outcome
        {
            Pong,    // a result: the target is there
            Error,   // an error answer: `reply` says which
            Timeout, // nothing within the timeout
        };
        Outcome outcome = Outcome::Timeout;
        QString target; // as given to ping()
        QString id;
        double milliseconds = 0; // from sending to the answer (to the timeout, for a timeout)
        Stanza reply;            // the answer; null for a timeout
    };

    // A part of `connection`, which owns it: sends through it and listens to what it receives.
    // Receivers connected to its stanzaReceived before the Pinger was made see an answer before
    // finished() reports it.
    explicit Pinger(ComponentConnection *connection);
    ~Pinger() override;

    // Pings `target` (a domain or any address): finished() follows, at the latest after `timeout`. Returns
    // an empty string, or why nothing was sent (the connection refused the stanza: see
    // ComponentConnection::send(), which also queues it while a connection is under way).
    QString ping(const QString &target, std::chrono::milliseconds timeout);
    // Pings sent and not yet finished.
    int pendingCount() const { return int(m_pending.size()); }

Q_SIGNALS:
    void finished(const xcm::Pinger::Result &result);

private:
    struct PendingPing
    {
        QString target;
        QElapsedTimer clock;
    };

    void onStanzaReceived(const Stanza &stanza);
    void onTimeout(const QString &id);
    QString nextId();

    ComponentConnection *m_connection;
    QHash<QString, PendingPing> m_pending; // by id
    qint64 m_lastIdStamp = 0;
};

} // namespace xcm

Q_DECLARE_METATYPE(xcm::Pinger::Result)
