// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "componentconnection.h"
#include "connectionhelpers.h"

#include <QList>

namespace xcm::test {

class ScriptedServer;

// The client side for tests against a ScriptedServer: a ComponentConnection to 127.0.0.1:port as
// comp.example with short timeouts and no automatic reconnect (unless `adjust` says otherwise), and a
// record of its states and of the stanzas it received and sent.
struct RecordingClient
{
    RecordingClient(quint16 port, const QString &secret, const SettingsAdjustment &adjust = {});

    bool waitFor(ConnectionState state, int timeoutMs = 5000);
    // The wire bytes of every stanza sent, in order.
    QByteArray sentWire() const;

    ComponentConnection connection;
    const QString secret;
    QList<ConnectionState> states;
    QList<Stanza> received;
    QList<Stanza> sent;
};

// Connects `client` and plays the server's side of the handshake for the client's secret; true once the
// client is Connected.
bool connectAndAuthenticate(ScriptedServer &server, RecordingClient &client);

} // namespace xcm::test
