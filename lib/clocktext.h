// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

// Fixed-width clock text written into a char buffer, for the lines written once per stanza (the
// capture file, xcm-cli's traffic) where QDateTime's formatting was a large part of the time.
namespace xcm::clocktext {

inline constexpr qint64 msPerDay = 86'400'000;

// Rounds towards minus infinity, so that moments before the epoch fall in the right minute and day.
constexpr qint64 floorDiv(qint64 value, qint64 divisor)
{
    const qint64 quotient = value / divisor;
    return (value % divisor < 0) ? quotient - 1 : quotient;
}

// The milliseconds since midnight of a moment counted from an epoch that starts a day (UTC's, or a
// local clock's): [0, msPerDay), also before the epoch.
constexpr qint64 msOfDay(qint64 msSinceEpoch)
{
    return msSinceEpoch - floorDiv(msSinceEpoch, msPerDay) * msPerDay;
}

// `value` (not negative) in decimal, zero-padded to at least `width` digits, at `at`; returns the end.
char *putDigits(char *at, qint64 value, int width);
// "HH:mm:ss.zzz" (12 characters) for `msOfDay` in [0, msPerDay); returns the end.
char *putTimeOfDay(char *at, qint64 msOfDay);

} // namespace xcm::clocktext
