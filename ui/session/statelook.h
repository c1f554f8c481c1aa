// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connectionstate.h"

#include <QColor>
#include <QIcon>
#include <QString>

class QPainter;
class QRectF;

namespace xcm {

struct DisconnectReason;

// The colour of each kind of state. Text in these colours goes through errorTextColor() and
// successTextColor() (statestyle.h), which lighten them on a dark base.
namespace StateColor {
inline constexpr QColor connected{0x2e, 0xa0, 0x4f};    // green
inline constexpr QColor inProgress{0xe0, 0xa1, 0x00};   // amber: connecting, disconnecting
inline constexpr QColor reconnecting{0xe0, 0x6c, 0x00}; // orange
inline constexpr QColor failed{0xd6, 0x3b, 0x2f};       // red
inline constexpr QColor idle{0x8c, 0x91, 0x99};         // grey
} // namespace StateColor

// How a connection state looks everywhere in the UI (sidebar badge, connection bar, status bar), so
// that the colour and the words always agree. Colour is never the only cue: the words go with it.
struct StateLook
{
    QColor color;
    QString text;       // "Connected", "Reconnecting in 4 s", "Failed"
    bool error = false; // the last attempt ended in an error
};

// `nextReconnectAtMs`: when a reconnect is pending (0: none); `nowMs` to count down against;
// `retriesMade`: the reconnect attempts of the series that ended (ComponentConnection::reconnectAttempt()),
// which a failure states ("Failed after 3 attempts", in the profile editor's sense of an attempt).
StateLook stateLook(ConnectionState state, const DisconnectReason &lastReason, qint64 nextReconnectAtMs,
                    qint64 nowMs, int retriesMade = 0);

// How long until the countdown stateLook() shows for `nextReconnectAtMs` reaches its next number (it
// shows whole seconds rounded up): views showing it refresh then, so that they all count down in step.
qint64 msUntilCountdownChanges(qint64 nextReconnectAtMs, qint64 nowMs);

// A filled circle with a thin darker rim, readable on light and dark backgrounds.
void paintStateBadge(QPainter &painter, const QRectF &rect, const QColor &color);
QIcon stateBadgeIcon(const QColor &color, int size = 12);

} // namespace xcm
