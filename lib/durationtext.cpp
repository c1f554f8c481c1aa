// SPDX-License-Identifier: GPL-3.0-or-later
#include "durationtext.h"

#include <QLocale>

#include <algorithm>

namespace xcm {

QString DurationText::measured(double milliseconds)
{
    if (milliseconds < 10)
        return tr("%1 ms").arg(milliseconds, 0, 'f', 2);
    if (milliseconds < 1000)
        return tr("%1 ms").arg(milliseconds, 0, 'f', 1);
    if (milliseconds < 100'000)
        return tr("%1 s").arg(milliseconds / 1000, 0, 'f', 2);
    return tr("%1 s").arg(qRound64(milliseconds / 1000));
}

QString DurationText::recorded(double milliseconds)
{
    if (milliseconds < 1)
        return tr("< 1 ms");
    if (milliseconds < 1000)
        return tr("%1 ms").arg(qRound64(milliseconds));
    return measured(milliseconds);
}

QString DurationText::gap(qint64 milliseconds)
{
    if (milliseconds < 0)
        return {};
    if (milliseconds < 1000)
        return tr("%1 ms").arg(milliseconds);
    if (milliseconds < 60'000)
        return tr("%1 s").arg(QLocale().toString(double(milliseconds) / 1000.0, 'f', 1));
    return tr("%1 min %2 s").arg(milliseconds / 60'000).arg((milliseconds % 60'000) / 1000);
}

QString DurationText::clockFace(qint64 milliseconds)
{
    const qint64 total = std::max<qint64>(0, milliseconds) / 1000;
    const qint64 hours = total / 3600;
    const int minutes = int(total / 60 % 60);
    const int seconds = int(total % 60);
    if (hours > 0)
        return QStringLiteral("%1:%2:%3")
            .arg(hours)
            .arg(minutes, 2, 10, QLatin1Char('0'))
            .arg(seconds, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2").arg(minutes).arg(seconds, 2, 10, QLatin1Char('0'));
}

} // namespace xcm
