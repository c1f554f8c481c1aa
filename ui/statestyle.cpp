// SPDX-License-Identifier: GPL-3.0-or-later
#include "statestyle.h"

#include "logcolors.h"

#include <QLocale>

namespace xcm {

QColor errorTextColor(const QPalette &palette)
{
    return LogColors::isDark(palette) ? QColor(0xff, 0x7b, 0x72) : StateColor::failed;
}

QColor successTextColor(const QPalette &palette)
{
    return LogColors::isDark(palette) ? QColor(0x6f, 0xd6, 0x8a) : StateColor::connected.darker(115);
}

QString formatBytes(quint64 bytes)
{
    return QLocale().formattedDataSize(qint64(bytes), 1, QLocale::DataSizeIecFormat);
}

QString formatDuration(qint64 ms)
{
    const qint64 total = std::max<qint64>(0, ms) / 1000;
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
