// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

namespace xcm {

// XEP-0114 §3: the handshake is the lowercase hex SHA-1 of the stream id followed by the secret.
// Lowercase matters: ejabberd compares case-sensitively.
QByteArray handshakeDigest(const QString &streamId, const QString &secret);

// What the log shows in place of the digest: the digest would let anyone who reads a log replay
// a login to a server that reuses stream ids.
inline constexpr char redactedHandshake[] = "<handshake>[redacted]</handshake>";

} // namespace xcm
