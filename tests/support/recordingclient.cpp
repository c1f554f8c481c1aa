// SPDX-License-Identifier: GPL-3.0-or-later
#include "recordingclient.h"

#include "scriptedserver.h"

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace xcm::test {

RecordingClient::RecordingClient(quint16 port, const QString &secret, const SettingsAdjustment &adjust)
    : secret(secret)
{
    ConnectionSettings settings;
    settings.host = u"127.0.0.1"_s; // where ScriptedServer listens
    settings.port = port;
    settings.domain = u"comp.example"_s;
    settings.connectTimeout = 5s;
    settings.closeTimeout = 500ms;
    settings.reconnect.enabled = false;
    if (adjust)
        adjust(settings);
    connection.setSettings(settings);
    connection.setSecret(secret);
    QObject::connect(&connection, &ComponentConnection::stateChanged,
                     [this](ConnectionState state, const DisconnectReason &) { states.append(state); });
    QObject::connect(&connection, &ComponentConnection::stanzaReceived,
                     [this](const Stanza &stanza) { received.append(stanza); });
    QObject::connect(&connection, &ComponentConnection::stanzaSent,
                     [this](const Stanza &stanza) { sent.append(stanza); });
}

bool RecordingClient::waitFor(ConnectionState state, int timeoutMs)
{
    return waitForState(connection, state, timeoutMs);
}

QByteArray RecordingClient::sentWire() const
{
    QByteArray all;
    for (const Stanza &stanza : sent)
        all += stanza.wire();
    return all;
}

bool connectAndAuthenticate(ScriptedServer &server, RecordingClient &client)
{
    client.connection.connectToServer();
    return server.acceptHandshake(client.secret) && client.waitFor(ConnectionState::Connected);
}

} // namespace xcm::test
