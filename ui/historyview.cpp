// SPDX-License-Identifier: GPL-3.0-or-later
#include "historyview.h"

#include "composehistory.h"
#include "historylistmodel.h"
#include "itemtextwidth.h"
#include "jidelider.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QHelpEvent>
#include <QPainter>
#include <QStyledItemDelegate>
#include <QToolTip>

using namespace Qt::StringLiterals;

namespace xcm {

namespace {

// Rows no wider than the list: the view then elides long summaries (a list view's rows are otherwise
// as wide as the widest hint). A summary that ends in its addressee ("message “hi” → alice@echo…")
// keeps the address's domain: the body gives way first, then the address's local part (JidElider).
// The tooltip has the whole line.
class ListWidthDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        return {1, QStyledItemDelegate::sizeHint(option, index).height()};
    }

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        const QWidget *widget = opt.widget;
        QStyle *style = widget ? widget->style() : QApplication::style();
        const int available = itemTextWidth(opt);
        const QFontMetrics metrics(opt.font);
        const auto measure = [&metrics](QStringView text) {
            return metrics.horizontalAdvance(text.toString());
        };
        const QString arrow = u" → "_s;
        const qsizetype split = opt.text.lastIndexOf(arrow);
        if (split > 0 && measure(opt.text) > available) {
            const QString head = opt.text.first(split);
            const QString jid = opt.text.sliced(split + arrow.size());
            const int room = available - measure(arrow);
            const int jidRoom = qMin(measure(jid), qMax(room - measure(head), room / 2));
            const QString shortJid = JidElider::elide(jid, jidRoom, measure);
            opt.text = metrics.elidedText(head, Qt::ElideRight, room - measure(shortJid)) + arrow + shortJid;
            opt.textElideMode = Qt::ElideNone; // elided here already
        }
        style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);
    }

    bool helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                   const QModelIndex &index) override
    {
        if (event->type() != QEvent::ToolTip || !index.isValid())
            return QStyledItemDelegate::helpEvent(event, view, option, index);
        QToolTip::showText(event->globalPos(), index.data().toString(), view);
        return true;
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
