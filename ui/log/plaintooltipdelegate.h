// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStyledItemDelegate>

namespace xcm {

// An item delegate whose tooltips show the model's text as it is. QToolTip guesses rich text from the
// text itself, so a message body "<b>hi</b>" read as bold in the log, and "<img src=…>" from a peer
// made the tooltip load a file. The models give plain text; the guess is undone here, for every view.
class PlainToolTipDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    // `text` such that a tooltip (or any Qt::AutoText label) shows it literally: unchanged unless Qt
    // would take it for rich text, else escaped HTML with the same line breaks.
    static QString literal(const QString &text);

    bool helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                   const QModelIndex &index) override;
};

} // namespace xcm
