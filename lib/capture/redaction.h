// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>

namespace xcm {

// Replaces the content of every <handshake> element in `wire` with "[redacted]" (see
// xcm::redactedHandshake). The core already logs the handshake redacted; the log does it again on the
// way in and on export so that no code path can show or write a digest.
QByteArray redactHandshakeDigests(const QByteArray &wire);

} // namespace xcm
