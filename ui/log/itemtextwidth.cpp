// SPDX-License-Identifier: GPL-3.0-or-later
#include "itemtextwidth.h"

#include <QApplication>
#include <QStyle>
#include <QStyleOptionViewItem>

namespace xcm {

int itemTextWidth(const QStyleOptionViewItem &option)
{
    const QWidget *widget = option.widget;
    const QStyle *style = widget ? widget->style() : QApplication::style();
    const int textMargin = style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, widget) + 1;
    return style->subElementRect(QStyle::SE_ItemViewItemText, &option, widget).width() - 2 * textMargin;
}

} // namespace xcm
