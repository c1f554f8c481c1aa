// SPDX-License-Identifier: GPL-3.0-or-later
#include "stanzalogdelegate.h"

#include "itemtextwidth.h"
#include "jidelider.h"
#include "stanzalogfiltermodel.h"
#include "stanzalogmodel.h"

#include <QApplication>
#include <QPainter>
#include <QtMath>

namespace xcm {

StanzaLogDelegate::StanzaLogDelegate(QObject *parent)
    : PlainToolTipDelegate(parent)
{}

StanzaLogDelegate::~StanzaLogDelegate() = default;

void StanzaLogDelegate::setFilterModel(StanzaLogFilterModel *filter)
{
    m_filter = filter;
}

const LogColors &StanzaLogDelegate::colorsFor(const QPalette &palette) const
{
    if (palette.cacheKey() != m_paletteKey) {
        m_colors = LogColors::forPalette(palette);
        m_paletteKey = palette.cacheKey();
    }
    return m_colors;
}

void StanzaLogDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                              const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QWidget *widget = opt.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    const bool plainCell =
        !(opt.state & (QStyle::State_Selected | QStyle::State_HasFocus)) &&
        !(opt.features & (QStyleOptionViewItem::HasDecoration | QStyleOptionViewItem::HasCheckIndicator)) &&
        !opt.text.contains(u'\n');
    if (plainCell) {
        // Most cells: the style's background, then the text as laid out the last time it was painted.
        style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, widget);
        if (opt.text.isEmpty())
            return;
        const int margin = style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, widget) + 1;
        const QRect textRect = opt.rect.adjusted(margin, 0, -margin, 0);
        const QStaticText &text = laidOut(opt, index.column(), textRect.width());
        const QSizeF size = text.size();
        const qreal x = opt.displayAlignment & Qt::AlignRight ? textRect.right() + 1 - size.width()
                        : opt.displayAlignment & Qt::AlignHCenter
                            ? textRect.left() + (textRect.width() - size.width()) / 2
                            : textRect.left();
        const int y = textRect.top() + (textRect.height() - qCeil(size.height())) / 2;
        const QPalette::ColorGroup group = !(opt.state & QStyle::State_Enabled) ? QPalette::Disabled
                                           : opt.state & QStyle::State_Active   ? QPalette::Active
                                                                                : QPalette::Inactive;
        painter->save();
        painter->setClipRect(textRect);
        painter->setFont(opt.font);
        painter->setPen(opt.palette.color(group, QPalette::Text));
        painter->drawStaticText(QPointF(x, y), text);
        painter->restore();
        return;
    }
    if (index.column() == StanzaLogModel::FromColumn || index.column() == StanzaLogModel::ToColumn) {
        // The style would cut the domain, which is what the columns are read for: the local part gives
        // way.
        const QFontMetrics metrics(opt.font);
        opt.textElideMode = Qt::ElideNone; // elided here already; the style's rounding would cut it again
        opt.text = JidElider::elide(opt.text, itemTextWidth(opt), [&metrics](QStringView text) {
            return metrics.horizontalAdvance(text.toString());
        });
    }
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);
}

const QStaticText &StanzaLogDelegate::laidOut(const QStyleOptionViewItem &option, int column, int width) const
{
    const bool jid = column == StanzaLogModel::FromColumn || column == StanzaLogModel::ToColumn;
    // The log's cells differ in font only by weight (bold for errors and awaited answers); the view's
    // font itself changing clears nothing, but changes the size in the key.
    const QString key = option.text + QChar(u'\x1f') + QString::number(width) + QChar(u'\x1f') +
                        QString::number(int(jid ? -1 : option.textElideMode)) + QChar(u'\x1f') +
                        QString::number(option.font.weight()) + QChar(u'\x1f') +
                        QString::number(option.font.pointSizeF()) + option.font.family();
    if (const QStaticText *cached = m_laidOut.object(key))
        return *cached;
    auto *text = new QStaticText(option.text);
    text->setTextFormat(Qt::PlainText);
    text->setPerformanceHint(QStaticText::AggressiveCaching);
    text->prepare(QTransform(), option.font);
    if (text->size().width() > width) { // most texts fit: one layout, no elision
        const QFontMetrics metrics(option.font);
        // JIDs lose their local part first (JidElider); the rest as the column asks.
        text->setText(jid ? JidElider::elide(option.text, width,
                                             [&metrics](QStringView text) {
                                                 return metrics.horizontalAdvance(text.toString());
                                             })
                          : metrics.elidedText(option.text, option.textElideMode, width));
        text->prepare(QTransform(), option.font);
    }
    m_laidOut.insert(key, text);
    return *text;
}

void StanzaLogDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    PlainToolTipDelegate::initStyleOption(option, index);
    const LogColors &colors = colorsFor(option->palette);
    const auto direction = Direction(index.data(StanzaLogModel::DirectionRole).toInt());
    const auto kind = StanzaKind(index.data(StanzaLogModel::KindRole).toInt());
    const bool isError = index.data(StanzaLogModel::IsErrorRole).toBool();

    bool matches = false;
    if (m_filter && index.model() == m_filter && !m_filter->isTextFilterEnabled() &&
        !m_filter->searchText().isEmpty())
        matches = m_filter->matchesSearch(m_filter->mapToSource(index).row());

    // The selection colour would hide that the row just clicked is an error: select it in red.
    if (isError)
        option->palette.setColor(QPalette::Highlight, colors.errorSelection);
    if (matches)
        option->backgroundBrush = colors.matchBackground;
    else if (isError)
        option->backgroundBrush = colors.errorBackground;
    else if (direction == Direction::Sent)
        option->backgroundBrush = colors.sentBackground;

    QColor text;
    switch (index.column()) {
    case StanzaLogModel::FromColumn:
    case StanzaLogModel::ToColumn:
    case StanzaLogModel::IdColumn:
        // The start (id prefix) and the end (counter) tell ids apart; JIDs come elided (paint()), and a
        // pixel of rounding must not cut their domain at the end.
        option->textElideMode = Qt::ElideMiddle;
        break;
    case StanzaLogModel::DirectionColumn:
        text = colors.directionText[int(direction)];
        break;
    case StanzaLogModel::KindColumn:
        text = isError ? colors.errorText : colors.kindText[int(kind)];
        break;
    case StanzaLogModel::TypeColumn:
    case StanzaLogModel::SummaryColumn:
        if (isError)
            text = colors.errorText;
        break;
    case StanzaLogModel::TimeColumn:
    case StanzaLogModel::SizeColumn:
        text = colors.dimText;
        break;
    case StanzaLogModel::AnswerColumn:
        // A request past its timeout, or left without an answer, is in red; one still waiting in the
        // colour of its kind (it is news); answered ones and answers recede.
        switch (StanzaLogModel::ExchangeState(index.data(StanzaLogModel::ExchangeStateRole).toInt())) {
        case StanzaLogModel::ExchangeState::TimedOut:
        case StanzaLogModel::ExchangeState::Abandoned:
        case StanzaLogModel::ExchangeState::Failed:
        case StanzaLogModel::ExchangeState::Unsolicited:
        case StanzaLogModel::ExchangeState::WithoutId:
            text = colors.errorText;
            break;
        case StanzaLogModel::ExchangeState::Awaiting:
            text = colors.kindText[int(StanzaKind::Iq)];
            option->font.setBold(true);
            break;
        case StanzaLogModel::ExchangeState::Answered:
        case StanzaLogModel::ExchangeState::Answer:
        case StanzaLogModel::ExchangeState::None:
            text = colors.dimText;
            break;
        }
        break;
    default:
        break;
    }
    if (text.isValid())
        option->palette.setColor(QPalette::Text, text);
    if (isError && index.column() == StanzaLogModel::KindColumn)
        option->font.setBold(true);
}

} // namespace xcm
