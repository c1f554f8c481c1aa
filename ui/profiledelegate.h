// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStyledItemDelegate>

namespace xcm {

// Sidebar rows: a state badge and the profile's name on the first line, its state in words and then
// the domain and server in a quieter colour on the second. The name has the first line to itself, so
// a long state ("Reconnecting in 12 s", longer in German) never pushes it out; what does not fit on
// the second line gives way: the server first, then the domain's middle, the state last (the tooltip
// has everything).
class ProfileDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    // The texts as painted in `option.rect`, elided where they had to be.
    struct Texts
    {
        QString name;
        QString state;
        QString details; // " · demo.localhost · 127.0.0.1:5347", or what fits of it
    };
    Texts fittedTexts(const QStyleOptionViewItem &option, const QModelIndex &index) const;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace xcm
