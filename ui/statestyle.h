// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connectionstate.h"

#include <QColor>
#include <QIcon>
#include <QPalette>
#include <QString>

class QPainter;
class QRectF;

namespace xcm {

struct DisconnectReason;

// How a connection state looks everywhere in the UI (sidebar badge, connection bar, status bar), so
// that the colour and the words always agree. Colour is never the only cue: the words go with it.
struct StateLook
{
    QColor color;
    QString text;       // "Connected", "Reconnecting in 4 s", "Failed"
    bool error = false; // the last attempt ended in an error
};

// `nextReconnectAtMs`: when a reconnect is pending (0: none); `nowMs` to count down against.
StateLook stateLook(ConnectionState state, const DisconnectReason &lastReason, qint64 nextReconnectAtMs,
                    qint64 nowMs);

// A filled circle with a thin darker rim, readable on light and dark backgrounds.
void paintStateBadge(QPainter &painter, const QRectF &rect, const QColor &color);
QIcon stateBadgeIcon(const QColor &color, int size = 12);

// Text that reports a failure or a success (refusals, outcomes, the last disconnect reason): the
// state colours, a shade lighter on a dark base so that they stay readable as text.
QColor errorTextColor(const QPalette &palette);
QColor successTextColor(const QPalette &palette);

// "1.5 KiB", "12 B": byte counts for the counters.
QString formatBytes(quint64 bytes);
// "3:07", "1:02:03": uptime.
QString formatDuration(qint64 ms);

} // namespace xcm
