// SPDX-License-Identifier: GPL-3.0-or-later
#include "historylistmodel.h"

#include "composehistory.h"

#include <QDateTime>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace xcm {

QVariant HistoryListModel::data(const QModelIndex &index, int role) const
{
    if (role != Qt::DisplayRole)
        return QIdentityProxyModel::data(index, role);
    const QDateTime sent = QDateTime::fromMSecsSinceEpoch(
        QIdentityProxyModel::data(index, ComposeHistory::SentAtRole).toLongLong());
    const QLocale locale;
    const QString when = sent.date() == QDate::currentDate()
                             ? locale.toString(sent.time(), QLocale::ShortFormat)
                             : locale.toString(sent.date(), QLocale::NarrowFormat);
    return QString(when + u"  "_s + QIdentityProxyModel::data(index, ComposeHistory::SummaryRole).toString());
}

} // namespace xcm
