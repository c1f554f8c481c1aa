// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QtGlobal>

#include <limits>

namespace xcm::cli {

// The local time of day of a moment as "HH:mm:ss.zzz", the same text as
// QDateTime::fromMSecsSinceEpoch(ms).toString(u"HH:mm:ss.zzz"), for one line per stanza. QDateTime's
// conversion to local time calls tzset() every time, and glibc then stat()s /etc/localtime: a fifth of
// xcm-cli's time under a flood. The UTC offset is looked up once per minute of UTC instead, since time
// zones change their offsets at whole minutes; a changed zone shows within a minute.
class LocalTimeOfDay
{
public:
    // Appends the 12 ASCII characters for `msSinceEpoch` to `out`.
    void appendTo(QByteArray &out, qint64 msSinceEpoch);

private:
    static constexpr qint64 msPerMinute = 60 * 1000;
    static constexpr qint64 noMinute = std::numeric_limits<qint64>::min();

    qint64 m_minute = noMinute; // the minute since the epoch (UTC) that m_offsetMs belongs to
    qint64 m_offsetMs = 0;
};

} // namespace xcm::cli
