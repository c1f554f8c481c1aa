// SPDX-License-Identifier: GPL-3.0-or-later
#include "historyview.h"

#include "composehistory.h"
#include "historylistmodel.h"

#include <QPainter>
#include <QStyledItemDelegate>

namespace xcm {

namespace {

// Rows no wider than the list: the view then elides long summaries (a list view's rows are otherwise
// as wide as the widest hint).
class ListWidthDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        return {1, QStyledItemDelegate::sizeHint(option, index).height()};
    }
};

} // namespace

HistoryView::HistoryView(ComposeHistory *history, QWidget *parent)
    : QListView(parent)
{
    auto *rows = new HistoryListModel(this);
    rows->setSourceModel(history);
    setModel(rows);
    setItemDelegate(new ListWidthDelegate(this));
    setUniformItemSizes(true);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setTextElideMode(Qt::ElideRight);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
}

void HistoryView::paintEvent(QPaintEvent *event)
{
    QListView::paintEvent(event);
    if (model()->rowCount() > 0)
        return;
    QPainter painter(viewport());
    painter.setPen(palette().color(QPalette::PlaceholderText));
    painter.drawText(viewport()->rect().adjusted(8, 8, -8, -8), Qt::AlignCenter | Qt::TextWordWrap,
                     tr("Stanzas you send appear here, to edit or send again."));
}

} // namespace xcm
