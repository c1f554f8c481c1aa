// SPDX-License-Identifier: GPL-3.0-or-later
#include "plaintooltipdelegate.h"

#include <QAbstractItemView>
#include <QHelpEvent>
#include <QTextDocument>
#include <QToolTip>

using namespace Qt::StringLiterals;

namespace xcm {

QString PlainToolTipDelegate::literal(const QString &text)
{
    if (!Qt::mightBeRichText(text))
        return text;
    // Lines and spaces as typed. A short line stays whole (as a paragraph it wrapped at a narrow width,
    // even inside "</b>"); a long one wraps, as Qt wraps a long plain tooltip.
    return u"<p style=\"white-space:pre-wrap\">"_s + text.toHtmlEscaped() + u"</p>"_s;
}

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
    QToolTip::showText(event->globalPos(), literal(text), view, cell);
    event->setAccepted(!text.isEmpty());
    return event->isAccepted();
}

} // namespace xcm
