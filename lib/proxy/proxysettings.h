// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connectionsettings.h"

#include <QString>

namespace xcm {

// Where a proxy listens for the component, and the server it stands in front of. The secrets (the
// server's component_secret, and the one the component presents to xcm) are kept apart, in memory only.
struct ProxySettings
{
    QString listenAddress = QStringLiteral("127.0.0.1");
    quint16 listenPort = 0; // 0: any free port (see ComponentProxy::listeningPort())
    // The server: host, port, TLS and the component domain. Reconnecting and keepalive are the
    // component's business, so the proxy turns both off for its upstream leg.
    ConnectionSettings upstream;
    // The component must send its header and handshake within this.
    std::chrono::milliseconds componentOpenTimeout = std::chrono::seconds(10);

    friend bool operator==(const ProxySettings &, const ProxySettings &) = default;
};

} // namespace xcm
