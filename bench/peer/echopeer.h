// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

namespace xcm {
class ComponentConnection;
class Stanza;
} // namespace xcm

namespace xcm::bench {

// The latency benchmark's component on an xcm::ComponentConnection somebody else owns: answers every
// <message/> at once with its echo (from and to swapped, same id, type and body), so that the server
// side can time each round trip; after echoing the one with id='last' it closes. finished() tells
// whether that echo went out.
class EchoPeer : public QObject
{
    Q_OBJECT
public:
    explicit EchoPeer(ComponentConnection *connection, QObject *parent = nullptr);

    quint64 messagesEchoed() const { return m_echoed; }

Q_SIGNALS:
    void finished(bool echoedLast, const QString &reason);

private:
    void onStanza(const Stanza &stanza);

    ComponentConnection *m_connection;
    quint64 m_echoed = 0;
    bool m_echoedLast = false;
};

} // namespace xcm::bench
