// SPDX-License-Identifier: GPL-3.0-or-later
#include "historyview.h"

#include "composehistory.h"
#include "historylistmodel.h"
#include "itemtextwidth.h"
#include "jidelider.h"
#include "plaintooltip.h"
#include "plaintooltipdelegate.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>

using namespace Qt::StringLiterals;

namespace xcm {

namespace {

// Rows no wider than the list: the view then elides long lines (a list view's rows are otherwise as
// wide as the widest hint) as HistoryView::elidedLine() says. The tooltip has the whole line.
class ListWidthDelegate : public PlainToolTipDelegate
{
public:
    using PlainToolTipDelegate::PlainToolTipDelegate;

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        return {1, PlainToolTipDelegate::sizeHint(option, index).height()};
    }

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        const QWidget *widget = opt.widget;
        QStyle *style = widget ? widget->style() : QApplication::style();
        const QFontMetrics metrics(opt.font);
        opt.text = HistoryView::elidedLine(opt.text, itemTextWidth(opt), [&metrics](QStringView text) {
            return metrics.horizontalAdvance(text.toString());
        });
        opt.textElideMode = Qt::ElideNone; // elided here already
        style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);
    }

    bool helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                   const QModelIndex &index) override
    {
        if (event->type() != QEvent::ToolTip || !index.isValid())
            return PlainToolTipDelegate::helpEvent(event, view, option, index);
        QToolTip::showText(event->globalPos(), PlainToolTip::of(index.data().toString()), view);
        return true;
    }
};

// The longest start of `text` that fits `available` with an ellipsis after it.
QString elidedRight(const QString &text, int available, const JidElider::Measure &measure)
{
    if (measure(text) <= available)
        return text;
    qsizetype fits = 0; // binary search: the widths of a text's starts only grow
    for (qsizetype low = 0, high = text.size() - 1; low <= high;) {
        const qsizetype middle = (low + high) / 2;
        if (measure(QString(text.first(middle) + JidElider::ellipsis)) <= available) {
            fits = middle;
            low = middle + 1;
        } else {
            high = middle - 1;
        }
    }
    if (fits > 0 && text.at(fits - 1).isHighSurrogate())
        --fits; // not half a character (an emoji)
    while (fits > 0 && text.at(fits - 1).isSpace())
        --fits; // "chat…", not "chat …", which reads as if a word were left out
    return text.first(fits) + JidElider::ellipsis;
}

} // namespace

QString HistoryView::elidedLine(const QString &line, int available, const JidElider::Measure &measure)
{
    if (measure(line) <= available)
        return line;
    const QString arrow = u" → "_s;
    const qsizetype split = line.lastIndexOf(arrow);
    if (split <= 0)
        return elidedRight(line, available, measure);
    const QString head = line.first(split);
    const QString jid = line.sliced(split + arrow.size());
    // What was sent: the line's start up to the body's quote ("12:05  message chat").
    const qsizetype quote = head.indexOf(u" “");
    const int whatWasSent =
        quote < 0 ? measure(head) : measure(QString(head.first(quote) + JidElider::ellipsis));
    const int room = available - measure(arrow);
    if (room < measure(QString(JidElider::ellipsis)))
        return elidedRight(line, available, measure); // no room for both sides of the arrow
    // The address gets what the head leaves, down to what was sent, and a third of the room at least.
    const int jidRoom = qMin(measure(jid), qMax(room - measure(head), qMax(room - whatWasSent, room / 3)));
    const QString shortJid = JidElider::elide(jid, jidRoom, measure);
    return elidedRight(head, room - measure(shortJid), measure) + arrow + shortJid;
}

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
