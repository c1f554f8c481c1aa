// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connectionstate.h"
#include "hostandport.h"
#include "statelook.h"

#include <QString>

namespace xcm {

// What a proxy profile's session is doing, as far as its look depends on it.
struct ProxyFacts
{
    bool listening = false;
    QString listenAddress;
    quint16 listenPort = 0;
    QString componentAddress; // "127.0.0.1:40112"; empty while no component is connected
    QString upstreamHost;
    quint16 upstreamPort = 0;
    ConnectionState upstreamState = ConnectionState::Disconnected;
    bool failed = false; // not listening because listening failed, or the server leg ended in an error
};

// How a proxy looks in the sidebar, the connection bar and the title, in the colours of a connection:
// green while relaying, amber while listening or logging in, grey when stopped, red when it failed.
StateLook proxyStateLook(const ProxyFacts &facts);

} // namespace xcm
