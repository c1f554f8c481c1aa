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

} // namespace xcm
