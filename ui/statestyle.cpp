// SPDX-License-Identifier: GPL-3.0-or-later
#include "statestyle.h"

#include "disconnectreason.h"
#include "logcolors.h"

#include <QCoreApplication>
#include <QLocale>
#include <QPainter>
#include <QPixmap>

namespace xcm {

namespace {

const QColor green(0x2e, 0xa0, 0x4f);
const QColor amber(0xe0, 0xa1, 0x00);
const QColor orange(0xe0, 0x6c, 0x00);
const QColor red(0xd6, 0x3b, 0x2f);
const QColor grey(0x8c, 0x91, 0x99);

} // namespace

QColor errorTextColor(const QPalette &palette)
{
    return LogColors::isDark(palette) ? QColor(0xff, 0x7b, 0x72) : red;
}

QColor successTextColor(const QPalette &palette)
{
    return LogColors::isDark(palette) ? QColor(0x6f, 0xd6, 0x8a) : green.darker(115);
}

StateLook stateLook(ConnectionState state, const DisconnectReason &lastReason, qint64 nextReconnectAtMs,
                    qint64 nowMs)
{
    switch (state) {
    case ConnectionState::Connected:
        return {green, displayName(state)};
    case ConnectionState::Connecting:
    case ConnectionState::OpeningStream:
    case ConnectionState::Authenticating:
    case ConnectionState::Disconnecting:
        return {amber, displayName(state)};
    case ConnectionState::Disconnected:
        break;
    }
    // The context is spelled out: lupdate would file a plain tr() in a free function under "xcm".
    if (nextReconnectAtMs > 0) {
        const int seconds = int((std::max<qint64>(0, nextReconnectAtMs - nowMs) + 999) / 1000);
        return {orange, QCoreApplication::translate("xcm::StateStyle", "Reconnecting in %1 s").arg(seconds),
                true};
    }
    if (lastReason.isError())
        return {red, QCoreApplication::translate("xcm::StateStyle", "Failed"), true};
    return {grey, displayName(state)};
}

void paintStateBadge(QPainter &painter, const QRectF &rect, const QColor &color)
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(color.darker(140), 1.0));
    painter.setBrush(color);
    const qreal side = std::min(rect.width(), rect.height()) - 1.0;
    painter.drawEllipse(QRectF(rect.center().x() - side / 2, rect.center().y() - side / 2, side, side));
    painter.restore();
}

QIcon stateBadgeIcon(const QColor &color, int size)
{
    QIcon icon;
    for (const qreal dpr : {1.0, 2.0}) {
        QPixmap pixmap(int(size * dpr), int(size * dpr));
        pixmap.setDevicePixelRatio(dpr);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        paintStateBadge(painter, QRectF(0.5, 0.5, size - 1.0, size - 1.0), color);
        painter.end();
        icon.addPixmap(pixmap);
    }
    return icon;
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
