// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QIdentityProxyModel>

namespace xcm {

// ComposeHistory's rows as the history list shows them: "14:05  message chat → bob@example.org", in
// the locale's short time (older days show the date instead); the other roles pass through.
class HistoryListModel : public QIdentityProxyModel
{
    Q_OBJECT
public:
    using QIdentityProxyModel::QIdentityProxyModel;

    QVariant data(const QModelIndex &index, int role) const override;
};

} // namespace xcm
