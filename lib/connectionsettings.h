// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "reconnectpolicy.h"

#include <QString>

#include <chrono>

namespace xcm {

using namespace std::chrono_literals;

// Everything a ComponentConnection needs but the secret.
struct ConnectionSettings
{
    QString host = QStringLiteral("127.0.0.1");
    quint16 port = 5347;
    QString domain; // the component's name: the stream's 'to' and the domain of every 'from'
    bool directTls = false;
    bool acceptInvalidCertificates = false; // for self-signed development servers only
    // The name the server's certificate must carry; empty: the host. Set it when connecting by an
    // address or an internal name to a server whose certificate names its XMPP domain.
    QString tlsServerName;
    std::chrono::milliseconds connectTimeout = 15s;    // TCP, TLS, stream open and handshake together
    std::chrono::milliseconds keepaliveInterval = 60s; // 0 disables the whitespace keepalive
    std::chrono::milliseconds stanzaTimeout = 60s;     // a stanza that has begun must end within this
    std::chrono::milliseconds closeTimeout = 2s;       // wait for the server's </stream:stream>
    qint64 maxStanzaBytes = 512 * 1024;
    int maxDepth = 100;
    // Stanzas sent while a connection or reconnect is under way wait here and go out, in order, right
    // after the handshake. 0 refuses them instead.
    int maxPendingStanzas = 1000;
    ReconnectPolicy reconnect;

    friend bool operator==(const ConnectionSettings &, const ConnectionSettings &) = default;
};

} // namespace xcm
