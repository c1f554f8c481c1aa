// SPDX-License-Identifier: GPL-3.0-or-later
#include "trafficgraph.h"

#include "statestyle.h"
#include "trafficcounter.h"

#include <QLocale>
#include <QPainter>
#include <QPainterPath>

using namespace Qt::StringLiterals;

namespace xcm {

TrafficGraph::TrafficGraph(TrafficCounter *counter, QWidget *parent)
    : QWidget(parent)
    , m_counter(counter)
{
    setObjectName("trafficGraph"_L1);
    // Narrower in a narrow window, before the connection bar's texts are cut.
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    connect(counter, &TrafficCounter::ticked, this, &TrafficGraph::refresh);
    refresh();
}

TrafficGraph::~TrafficGraph() = default;

QSize TrafficGraph::sizeHint() const
{
    return {150, std::max(22, fontMetrics().height() + 6)};
}

QSize TrafficGraph::minimumSizeHint() const
{
    return {90, sizeHint().height()};
}

QString TrafficGraph::summary() const
{
    const QLocale locale;
    const TrafficCounter::Bucket now = m_counter->current();
    const TrafficCounter::Bucket peak = m_counter->peak();
    const int minutes = std::max(1, shownSeconds() / 60);
    // No %n plural: English has no catalogue to resolve it ("the last 1 minute(s)").
    return tr("Stanzas per second over the last %1 min").arg(minutes) + u'\n' +
           tr("Now: in %1/s, out %2/s, errors %3/s")
               .arg(locale.toString(now.in), locale.toString(now.out), locale.toString(now.errors)) +
           u'\n' + tr("Peak: in %1/s, out %2/s").arg(locale.toString(peak.in), locale.toString(peak.out)) +
           u'\n' + tr("Received above the line, sent below; errors in red");
}

int TrafficGraph::shownSeconds() const
{
    constexpr int minute = 60;
    const int wholeMinutes = (m_counter->size() + minute - 1) / minute * minute;
    return std::min(m_counter->capacity(), std::max(minute, wholeMinutes));
}

void TrafficGraph::refresh()
{
    setToolTip(summary());
    if (isVisible())
        update();
}

void TrafficGraph::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QPalette &pal = palette();
    const QRectF frame = QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5);
    painter.setPen(QPen(pal.color(QPalette::Mid), 1));
    painter.setBrush(pal.color(QPalette::Base));
    painter.drawRoundedRect(frame, 3, 3);

    const QRectF area = frame.adjusted(2, 2, -2, -2);
    const qreal middle = area.center().y();
    const int seconds = shownSeconds();
    const int filled = m_counter->size(); // never more than seconds
    quint32 scale = 1;
    for (int i = 0; i < filled; ++i) {
        const TrafficCounter::Bucket b = m_counter->at(i);
        scale = std::max({scale, b.in, b.out});
    }
    const qreal step = area.width() / seconds;
    const qreal half = area.height() / 2;
    // The newest second at the right edge; older ones to the left.
    const qreal start = area.right() - filled * step;
    QColor inColor = pal.color(QPalette::Highlight);
    QColor outColor = pal.color(QPalette::Text);
    outColor.setAlphaF(0.55f);
    const QColor errorColor = errorTextColor(pal);
    painter.setPen(Qt::NoPen);
    for (int i = 0; i < filled; ++i) {
        const TrafficCounter::Bucket b = m_counter->at(i);
        const qreal x = start + i * step;
        const qreal inHeight = half * b.in / scale;
        const qreal outHeight = half * b.out / scale;
        if (b.in > 0)
            painter.fillRect(
                QRectF(x, middle - std::max(inHeight, 1.0), std::max(step, 1.0), std::max(inHeight, 1.0)),
                inColor);
        if (b.out > 0)
            painter.fillRect(QRectF(x, middle, std::max(step, 1.0), std::max(outHeight, 1.0)), outColor);
        if (b.errors > 0)
            painter.fillRect(QRectF(x, area.top(), std::max(step, 1.5), 3), errorColor);
    }
    QColor line = pal.color(QPalette::Mid);
    painter.setPen(QPen(line, 1));
    painter.drawLine(QPointF(area.left(), middle), QPointF(area.right(), middle));

    // The peak as text in the corner, readable on both palettes.
    const TrafficCounter::Bucket peak = m_counter->peak();
    if (peak.in + peak.out > 0) {
        QFont small = font();
        small.setPointSizeF(small.pointSizeF() * 0.8);
        painter.setFont(small);
        const QString text = tr("peak %1/s").arg(QLocale().toString(peak.in + peak.out));
        // On a patch of the base colour, so the middle line and old bars never run through it.
        QRectF box = QFontMetricsF(small).boundingRect(text).adjusted(-2, 0, 2, 0);
        box.moveCenter(QPointF(area.left() + 2 + box.width() / 2, middle));
        painter.fillRect(box, pal.color(QPalette::Base));
        painter.setPen(pal.color(QPalette::Text));
        painter.drawText(box, Qt::AlignCenter, text);
    }
}

} // namespace xcm
