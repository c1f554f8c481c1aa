// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

namespace xcm::bench {

// The traffic every contender is fed: chat messages of about 250 bytes as a busy component sees them
// (from/to/type/id, a body with escaped markup, a namespaced chat-state child). Message `index` of
// `count` is deterministic, so every run and every contender gets the same bytes; the last one has
// id='last'.
QByteArray chatMessage(qint64 index, qint64 count, const QString &domain);

// All `count` messages back to back, built before any clock starts.
QByteArray chatMessages(qint64 count, const QString &domain);

// The address the load expects every answer from.
QString botJid(const QString &domain);

} // namespace xcm::bench
