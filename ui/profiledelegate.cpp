// SPDX-License-Identifier: GPL-3.0-or-later
#include "profiledelegate.h"

#include "jidelider.h"
#include "sessionlistmodel.h"
#include "statestyle.h"

#include <QApplication>
#include <QPainter>

using namespace Qt::StringLiterals;

namespace xcm {

namespace {
constexpr int margin = 8;
constexpr int badgeSize = 10;
constexpr int badgeGap = 8;
constexpr int spacing = 2;

QFont nameFont(const QStyleOptionViewItem &option)
{
    QFont font = option.font;
    font.setBold(true);
    return font;
}

QFont smallFont(const QStyleOptionViewItem &option)
{
    QFont font = option.font;
    font.setPointSizeF(font.pointSizeF() * 0.9);
    return font;
}

// Where the two lines go.
struct Geometry
{
    QRect area;
    QRect name;
    QRect second;
};

Geometry geometry(const QStyleOptionViewItem &option)
{
    const QRect area = option.rect.adjusted(margin, margin, -margin, -margin);
    const int nameHeight = QFontMetrics(nameFont(option)).height();
    const int textLeft = area.left() + badgeSize + badgeGap;
    return {area, QRect(textLeft, area.top(), area.right() - textLeft + 1, nameHeight),
            QRect(textLeft, area.top() + nameHeight + spacing, area.right() - textLeft + 1,
                  QFontMetrics(smallFont(option)).height())};
}

} // namespace

QSize ProfileDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    const int height = margin + QFontMetrics(nameFont(option)).height() + spacing +
                       QFontMetrics(smallFont(option)).height() + margin;
    // Narrower than the sidebar's minimum (150): a wider hint makes the list scroll sideways at that
    // width and clips the row on the right, where the texts should have been elided instead.
    return {140, height};
}

ProfileDelegate::Texts ProfileDelegate::fittedTexts(const QStyleOptionViewItem &option,
                                                    const QModelIndex &index) const
{
    const Geometry g = geometry(option);
    const QFontMetrics nameMetrics(nameFont(option));
    const QFontMetrics smallMetrics(smallFont(option));
    Texts texts;
    texts.name =
        nameMetrics.elidedText(index.data(Qt::DisplayRole).toString(), Qt::ElideRight, g.name.width());
    const QString state = index.data(SessionListModel::StateTextRole).toString();
    texts.state = smallMetrics.elidedText(state, Qt::ElideRight, g.second.width());
    if (texts.state == state) {
        const int rest = g.second.width() - smallMetrics.horizontalAdvance(state);
        const QString separator = u" · "_s;
        const QString subtitle = index.data(SessionListModel::SubtitleRole).toString();
        const QString domain = subtitle.section(separator, 0, 0);
        const auto measure = [&smallMetrics](QStringView text) {
            return smallMetrics.horizontalAdvance(text.toString());
        };
        // The server goes before any of the domain does; the domain keeps its start and end, where
        // domains differ. Some of it or nothing: a lone "·…" says nothing.
        if (const QString whole = separator + subtitle; measure(whole) <= rest)
            texts.details = whole;
        else if (rest > measure(u" · ab…"_s))
            texts.details = separator + JidElider::elide(domain, rest - measure(separator), measure);
    }
    return texts;
}

void ProfileDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                            const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    // Let the style draw the selection and focus background, then draw the content ourselves.
    opt.text.clear();
    opt.icon = QIcon();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const bool selected = option.state & QStyle::State_Selected;
    const QPalette::ColorGroup group =
        option.state & QStyle::State_Active ? QPalette::Active : QPalette::Inactive;
    const QColor text = option.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text);
    QColor muted = text;
    muted.setAlphaF(0.65f);

    const Geometry g = geometry(option);
    const Texts texts = fittedTexts(option, index);
    const QColor badge = index.data(SessionListModel::StateColorRole).value<QColor>();
    paintStateBadge(
        *painter,
        QRectF(g.area.left(), g.name.top() + (g.name.height() - badgeSize) / 2.0, badgeSize, badgeSize),
        badge);

    painter->save();
    painter->setFont(nameFont(option));
    painter->setPen(text);
    painter->drawText(g.name, Qt::AlignLeft | Qt::AlignVCenter, texts.name);

    const QFont small = smallFont(option);
    painter->setFont(small);
    painter->drawText(g.second, Qt::AlignLeft | Qt::AlignVCenter, texts.state);
    painter->setPen(muted);
    const int stateWidth = QFontMetrics(small).horizontalAdvance(texts.state);
    painter->drawText(g.second.adjusted(stateWidth, 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter,
                      texts.details);
    painter->restore();
}

} // namespace xcm
