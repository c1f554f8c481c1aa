// SPDX-License-Identifier: GPL-3.0-or-later
#include "profiledelegate.h"

#include "sessionlistmodel.h"
#include "statestyle.h"

#include <QApplication>
#include <QPainter>

namespace xcm {

namespace {
constexpr int margin = 8;
constexpr int badgeSize = 10;
constexpr int spacing = 2;
} // namespace

QSize ProfileDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    const QFontMetrics metrics(option.font);
    QFont small = option.font;
    small.setPointSizeF(small.pointSizeF() * 0.9);
    const int height = margin + metrics.height() + spacing + QFontMetrics(small).height() + margin;
    // Narrower than the sidebar's minimum (150): a wider hint makes the list scroll sideways at that
    // width and clips the state on the right, where the name should have been elided instead.
    return {140, height};
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

    const QRect area = option.rect.adjusted(margin, margin, -margin, -margin);
    QFont nameFont = option.font;
    nameFont.setBold(true);
    QFont smallFont = option.font;
    smallFont.setPointSizeF(smallFont.pointSizeF() * 0.9);
    const QFontMetrics nameMetrics(nameFont);
    const QFontMetrics smallMetrics(smallFont);

    const QColor badge = index.data(SessionListModel::StateColorRole).value<QColor>();
    const QRectF badgeRect(area.left(), area.top() + (nameMetrics.height() - badgeSize) / 2.0, badgeSize,
                           badgeSize);
    paintStateBadge(*painter, badgeRect, badge);

    const int textLeft = area.left() + badgeSize + 8;
    const QString state = index.data(SessionListModel::StateTextRole).toString();
    const int stateWidth = smallMetrics.horizontalAdvance(state);
    painter->save();
    painter->setFont(smallFont);
    painter->setPen(muted);
    const QRect stateRect(area.right() - stateWidth, area.top(), stateWidth, nameMetrics.height());
    painter->drawText(stateRect, Qt::AlignRight | Qt::AlignVCenter, state);

    painter->setFont(nameFont);
    painter->setPen(text);
    const QRect nameRect(textLeft, area.top(), stateRect.left() - 8 - textLeft, nameMetrics.height());
    painter->drawText(
        nameRect, Qt::AlignLeft | Qt::AlignVCenter,
        nameMetrics.elidedText(index.data(Qt::DisplayRole).toString(), Qt::ElideRight, nameRect.width()));

    painter->setFont(smallFont);
    painter->setPen(muted);
    const QRect subtitleRect(textLeft, area.top() + nameMetrics.height() + spacing, area.right() - textLeft,
                             smallMetrics.height());
    painter->drawText(subtitleRect, Qt::AlignLeft | Qt::AlignVCenter,
                      smallMetrics.elidedText(index.data(SessionListModel::SubtitleRole).toString(),
                                              Qt::ElideRight, subtitleRect.width()));
    painter->restore();
}

} // namespace xcm
