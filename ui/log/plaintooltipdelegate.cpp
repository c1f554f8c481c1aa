// SPDX-License-Identifier: GPL-3.0-or-later
#include "plaintooltipdelegate.h"

#include "plaintooltip.h"

#include <QAbstractItemView>
#include <QHelpEvent>
#include <QToolTip>

namespace xcm {

bool PlainToolTipDelegate::helpEvent(QHelpEvent *event, QAbstractItemView *view,
                                     const QStyleOptionViewItem &option, const QModelIndex &index)
{
    if (!event || !view || event->type() != QEvent::ToolTip)
        return QStyledItemDelegate::helpEvent(event, view, option, index);
    // As QAbstractItemDelegate does, but with the text made literal.
    const QString text = index.isValid() ? index.data(Qt::ToolTipRole).toString() : QString();
    QRect cell;
    if (index.isValid()) {
        const QRect visual = view->visualRect(index);
        cell = QRect(view->viewport()->mapToGlobal(visual.topLeft()), visual.size());
    }
    QToolTip::showText(event->globalPos(), PlainToolTip::of(text), view, cell);
    event->setAccepted(!text.isEmpty());
    return event->isAccepted();
}

} // namespace xcm
