// SPDX-License-Identifier: GPL-3.0-or-later
#include "localtimeofday.h"

#include <QDateTime>

namespace xcm::cli {

namespace {

// Rounds towards minus infinity, so that moments before the epoch fall in the right minute and day.
constexpr qint64 floorDiv(qint64 value, qint64 divisor)
{
    const qint64 quotient = value / divisor;
    return (value % divisor < 0) ? quotient - 1 : quotient;
}

void appendDigits(char *&to, qint64 value, int digits)
{
    for (int i = digits - 1; i >= 0; --i) {
        to[i] = char('0' + value % 10);
        value /= 10;
    }
    to += digits;
}

} // namespace

void LocalTimeOfDay::appendTo(QByteArray &out, qint64 msSinceEpoch)
{
    const qint64 minute = floorDiv(msSinceEpoch, msPerMinute);
    if (minute != m_minute) {
        m_offsetMs = qint64(QDateTime::fromMSecsSinceEpoch(msSinceEpoch).offsetFromUtc()) * 1000;
        m_minute = minute;
    }
    constexpr qint64 msPerDay = 24 * 60 * msPerMinute;
    const qint64 local = msSinceEpoch + m_offsetMs;
    const qint64 ms = local - floorDiv(local, msPerDay) * msPerDay;

    char text[12];
    char *to = text;
    appendDigits(to, ms / 3'600'000, 2);
    *to++ = ':';
    appendDigits(to, ms / 60'000 % 60, 2);
    *to++ = ':';
    appendDigits(to, ms / 1000 % 60, 2);
    *to++ = '.';
    appendDigits(to, ms % 1000, 3);
    out.append(text, sizeof text);
}

} // namespace xcm::cli
