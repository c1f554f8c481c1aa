// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "peeroptions.h"

#include <QObject>

namespace xcm {
class ComponentConnection;
class Stanza;
} // namespace xcm

namespace xcm::bench {

// The benchmark's protocol on top of an xcm::ComponentConnection somebody else owns: count received
// <message/> stanzas and answer the one with id='last' from bot@domain with the count, then close.
// finished() tells whether that answer went out.
class BenchPeer : public QObject
{
    Q_OBJECT
public:
    BenchPeer(ComponentConnection *connection, const PeerOptions &options, QObject *parent = nullptr);

    quint64 messagesReceived() const { return m_messages; }
    bool answered() const { return m_answered; }

Q_SIGNALS:
    void finished(bool answered, const QString &reason);

private:
    void onStanza(const Stanza &stanza);

    ComponentConnection *m_connection;
    QString m_bot;
    quint64 m_messages = 0;
    bool m_answered = false;
};

} // namespace xcm::bench
