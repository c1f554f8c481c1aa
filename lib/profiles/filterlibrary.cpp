// SPDX-License-Identifier: GPL-3.0-or-later
#include "filterlibrary.h"

namespace xcm {

FilterLibrary::FilterLibrary(ProfileStore *store, const QUuid &profile)
    : m_store(store)
    , m_profile(profile)
{}

QList<FilterLibrary::SavedFilter> FilterLibrary::saved() const
{
    return m_store->savedFilters(m_profile);
}

void FilterLibrary::save(const QString &name, const QString &expression)
{
    const QString trimmedName = name.trimmed();
    const QString trimmedExpression = expression.trimmed();
    if (trimmedName.isEmpty() || trimmedExpression.isEmpty())
        return;
    QList<SavedFilter> filters = saved();
    const auto same = std::find_if(filters.begin(), filters.end(),
                                   [&](const SavedFilter &filter) { return filter.name == trimmedName; });
    if (same != filters.end())
        same->expression = trimmedExpression;
    else
        filters.append({trimmedName, trimmedExpression});
    m_store->setSavedFilters(m_profile, filters);
}

void FilterLibrary::remove(const QString &name)
{
    QList<SavedFilter> filters = saved();
    filters.removeIf([&](const SavedFilter &filter) { return filter.name == name; });
    m_store->setSavedFilters(m_profile, filters);
}

QStringList FilterLibrary::history() const
{
    return m_store->filterHistory(m_profile);
}

void FilterLibrary::remember(const QString &expression)
{
    const QString trimmed = expression.trimmed();
    if (trimmed.isEmpty())
        return;
    QStringList expressions = history();
    if (!expressions.isEmpty() && expressions.first() == trimmed)
        return; // nothing to write
    expressions.removeAll(trimmed);
    expressions.prepend(trimmed);
    if (expressions.size() > maxHistory)
        expressions.resize(maxHistory);
    m_store->setFilterHistory(m_profile, expressions);
}

void FilterLibrary::clearHistory()
{
    m_store->setFilterHistory(m_profile, {});
}

} // namespace xcm
