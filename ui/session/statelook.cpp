// SPDX-License-Identifier: GPL-3.0-or-later
#include "statelook.h"

#include "disconnectreason.h"

#include <QCoreApplication>
#include <QPainter>
#include <QPixmap>

namespace xcm {

StateLook stateLook(ConnectionState state, const DisconnectReason &lastReason, qint64 nextReconnectAtMs,
                    qint64 nowMs, int retriesMade)
{
    switch (state) {
    case ConnectionState::Connected:
        return {StateColor::connected, displayName(state)};
    case ConnectionState::Connecting:
    case ConnectionState::OpeningStream:
    case ConnectionState::Authenticating:
    case ConnectionState::Disconnecting:
        return {StateColor::inProgress, displayName(state)};
    case ConnectionState::Disconnected:
        break;
    }
    // The context is spelled out: lupdate would file a plain tr() in a free function under "xcm".
    if (nextReconnectAtMs > 0) {
        const int seconds = int((std::max<qint64>(0, nextReconnectAtMs - nowMs) + 999) / 1000);
        return {StateColor::reconnecting,
                QCoreApplication::translate("xcm::StateStyle", "Reconnecting in %1 s").arg(seconds), true};
    }
    if (lastReason.isError()) {
        // How hard it tried goes with the word: the notice that says why it stopped is one line lower,
        // where a narrow window may cut it off.
        if (retriesMade == 1)
            return {StateColor::failed,
                    QCoreApplication::translate("xcm::StateStyle", "Failed after one attempt"), true};
        if (retriesMade > 1)
            return {
                StateColor::failed,
                QCoreApplication::translate("xcm::StateStyle", "Failed after %1 attempts").arg(retriesMade),
                true};
        return {StateColor::failed, QCoreApplication::translate("xcm::StateStyle", "Failed"), true};
    }
    return {StateColor::idle, displayName(state)};
}

qint64 msUntilCountdownChanges(qint64 nextReconnectAtMs, qint64 nowMs)
{
    // "N s" while the time left is in (N − 1, N] seconds: the next number comes as it crosses N − 1.
    const qint64 left = std::max<qint64>(0, nextReconnectAtMs - nowMs);
    const qint64 intoSecond = left % 1000;
    return intoSecond == 0 ? 1000 : intoSecond;
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

} // namespace xcm
