// SPDX-License-Identifier: GPL-3.0-or-later
#include "stanzalogdelegate.h"

#include "itemtextwidth.h"
#include "jidelider.h"
#include "stanzalogfiltermodel.h"
#include "stanzalogmodel.h"

#include <QApplication>

namespace xcm {

StanzaLogDelegate::StanzaLogDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
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
    if (index.column() != StanzaLogModel::FromColumn && index.column() != StanzaLogModel::ToColumn) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    // The style would cut the domain, which is what the columns are read for: the local part gives way.
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QWidget *widget = opt.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    const int available = itemTextWidth(opt);
    const QFontMetrics metrics(opt.font);
    opt.textElideMode = Qt::ElideNone; // elided here already; the style's rounding would cut it again
    opt.text = JidElider::elide(opt.text, available, [&metrics](QStringView text) {
        return metrics.horizontalAdvance(text.toString());
    });
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);
}

void StanzaLogDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
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
