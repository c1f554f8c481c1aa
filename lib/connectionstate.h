// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMetaType>
#include <QString>

namespace xcm {

enum class ConnectionState
{
    Disconnected,
    Connecting,     // resolving, TCP connect, TLS handshake
    OpeningStream,  // our header sent, waiting for the server's
    Authenticating, // <handshake> sent, waiting for the answer
    Connected,
    Disconnecting,
};

// Words for the state, as a person reads them ("Opening stream").
QString displayName(ConnectionState state);
// A stable lowercase identifier ("opening-stream"), for scripts and logs.
QString identifier(ConnectionState state);

} // namespace xcm

Q_DECLARE_METATYPE(xcm::ConnectionState)
