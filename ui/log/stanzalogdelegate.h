// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "logcolors.h"

#include <QPointer>
#include <QStyledItemDelegate>

namespace xcm {

class StanzaLogFilterModel;

// Paints log rows in colours that follow the palette: sent rows tinted, errors red (selected too), the
// kind and the direction arrow in their own colours, rows that match the search (when it does not
// filter) marked; JIDs elided in their local part (JidElider), ids in the middle.
// Reads only the model's roles; no widget per row.
class StanzaLogDelegate : public QStyledItemDelegate
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

    QPointer<StanzaLogFilterModel> m_filter;
    mutable LogColors m_colors;
    mutable qint64 m_paletteKey = -1;
};

} // namespace xcm
