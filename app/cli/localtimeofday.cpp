// SPDX-License-Identifier: GPL-3.0-or-later
#include "localtimeofday.h"

#include "clocktext.h"

#include <QDateTime>

namespace xcm::cli {

void LocalTimeOfDay::appendTo(QByteArray &out, qint64 msSinceEpoch)
{
    const qint64 minute = clocktext::floorDiv(msSinceEpoch, msPerMinute);
    if (minute != m_minute) {
        m_offsetMs = qint64(QDateTime::fromMSecsSinceEpoch(msSinceEpoch).offsetFromUtc()) * 1000;
        m_minute = minute;
    }
    char text[12];
    const char *end = clocktext::putTimeOfDay(text, clocktext::msOfDay(msSinceEpoch + m_offsetMs));
    out.append(text, end - text);
}

} // namespace xcm::cli
