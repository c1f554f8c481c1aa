// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "logcolors.h"
#include "plaintooltipdelegate.h"

#include <QCache>
#include <QPointer>
#include <QStaticText>
#include <QStyledItemDelegate>

namespace xcm {

class StanzaLogFilterModel;

// Paints log rows in colours that follow the palette: sent rows tinted, errors red (selected too), the
// kind and the direction arrow in their own colours, rows that match the search (when it does not
// filter) marked; JIDs elided in their local part (JidElider), ids in the middle.
// Reads only the model's roles; no widget per row.
class StanzaLogDelegate : public PlainToolTipDelegate
{
    Q_OBJECT
public:
    explicit StanzaLogDelegate(QObject *parent = nullptr);
    ~StanzaLogDelegate() override;

    // Where matchesSearch() comes from; the view's model.
    void setFilterModel(StanzaLogFilterModel *filter);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    const LogColors &colorsFor(const QPalette &palette) const;
    // The cell's text, elided to `width` and laid out once: a following log repaints a screenful many
    // times a second, and laying out each cell's text again took most of the UI thread (a proxy's relay
    // waited for it).
    const QStaticText &laidOut(const QStyleOptionViewItem &option, int column, int width) const;

    QPointer<StanzaLogFilterModel> m_filter;
    mutable LogColors m_colors;
    mutable qint64 m_paletteKey = -1;
    mutable QCache<QString, QStaticText> m_laidOut{4000};
};

} // namespace xcm
