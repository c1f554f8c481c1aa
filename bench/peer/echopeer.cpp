// SPDX-License-Identifier: GPL-3.0-or-later
#include "echopeer.h"

#include "componentconnection.h"

using namespace Qt::StringLiterals;

namespace xcm::bench {

EchoPeer::EchoPeer(ComponentConnection *connection, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
{
    connect(connection, &ComponentConnection::stanzaReceived, this, &EchoPeer::onStanza);
    connect(connection, &ComponentConnection::stateChanged, this,
            [this](ConnectionState state, const DisconnectReason &reason) {
                if (state == ConnectionState::Disconnected)
                    Q_EMIT finished(m_echoedLast, reason.toString());
            });
}

void EchoPeer::onStanza(const Stanza &stanza)
{
    if (stanza.kind() != StanzaKind::Message || m_echoedLast)
        return;
    // Built as an element, so that whatever the body holds comes back escaped as it went out.
    XmlElement echo(u"message"_s, QString::fromUtf16(ns::component));
    echo.setAttribute(u"from"_s, stanza.to());
    echo.setAttribute(u"to"_s, stanza.from());
    if (const QString type = stanza.type(); !type.isEmpty())
        echo.setAttribute(u"type"_s, type);
    const QString id = stanza.id();
    echo.setAttribute(u"id"_s, id);
    XmlElement body(u"body"_s, QString::fromUtf16(ns::component));
    body.appendText(stanza.element().firstChild(u"body").text());
    echo.appendChild(body);
    const QString problem = m_connection->send(echo.toXml().toUtf8());
    if (!problem.isEmpty()) {
        Q_EMIT finished(false, problem);
        return;
    }
    ++m_echoed;
    if (id == u"last") {
        m_echoedLast = true;
        m_connection->disconnectFromServer();
    }
}

} // namespace xcm::bench
