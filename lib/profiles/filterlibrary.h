// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "profilestore.h"

#include <QUuid>

namespace xcm {

// One profile's filter expressions for the log: the ones the user saved under a name, and the recently
// used ones (newest first, at most maxHistory, no repeats). Kept in the ProfileStore, so that they come
// back with the profile and go when it is removed.
class FilterLibrary
{
public:
    static constexpr qsizetype maxHistory = 20;
    using SavedFilter = ProfileStore::SavedFilter;

    FilterLibrary(ProfileStore *store, const QUuid &profile);

    QList<SavedFilter> saved() const;
    // Saves `expression` under `name`, replacing one saved under that name before. Names are trimmed;
    // an empty name or expression saves nothing.
    void save(const QString &name, const QString &expression);
    void remove(const QString &name);

    QStringList history() const;
    // Puts `expression` first in the history (moving it there if it is in it already).
    void remember(const QString &expression);
    void clearHistory();

private:
    ProfileStore *m_store;
    QUuid m_profile;
};

} // namespace xcm
