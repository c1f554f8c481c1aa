// SPDX-License-Identifier: GPL-3.0-or-later
#include "benchpeer.h"

#include "benchmessages.h"
#include "componentconnection.h"

using namespace Qt::StringLiterals;

namespace xcm::bench {

BenchPeer::BenchPeer(ComponentConnection *connection, const PeerOptions &options, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
    , m_bot(botJid(options.domain))
{
    connect(connection, &ComponentConnection::stanzaReceived, this, &BenchPeer::onStanza);
    connect(connection, &ComponentConnection::stateChanged, this,
            [this](ConnectionState state, const DisconnectReason &reason) {
                if (state == ConnectionState::Disconnected)
                    Q_EMIT finished(m_answered, reason.toString());
            });
}

void BenchPeer::onStanza(const Stanza &stanza)
{
    if (stanza.kind() != StanzaKind::Message)
        return;
    ++m_messages;
    if (m_answered || stanza.id() != u"last")
        return;
    // Double quotes, so that toHtmlEscaped() (which escapes " but not ') makes the value safe.
    const QString reply = u"<message from=\""_s + m_bot + u"\" to=\""_s + stanza.from().toHtmlEscaped() +
                          u"\" id=\"last\"><body>"_s + QString::number(m_messages) + u"</body></message>"_s;
    const QString problem = m_connection->send(reply.toUtf8());
    if (!problem.isEmpty()) {
        Q_EMIT finished(false, problem);
        return;
    }
    m_answered = true;
    m_connection->disconnectFromServer();
}

} // namespace xcm::bench
