// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "filterlibrary.h"

#include <QToolButton>

#include <functional>
#include <optional>

namespace xcm {

// The "Saved" menu beside the log's search box: the profile's saved filter expressions (pick one to
// apply it), Save Current Filter…, Delete, and the recent expressions. What "current" is and how an
// expression applies is the filter bar's, given as functions.
class SavedFiltersButton : public QToolButton
{
    Q_OBJECT
public:
    // `current`: the expression in effect now (empty when none, or when it is not valid).
    SavedFiltersButton(std::function<QString()> current, QWidget *parent = nullptr);
    ~SavedFiltersButton() override;

    void setLibrary(ProfileStore *store, const QUuid &profile);
    bool hasLibrary() const { return m_library.has_value(); }
    // Puts an expression the user used into the recent ones.
    void remember(const QString &expression);

Q_SIGNALS:
    void applyRequested(const QString &expression);

private:
    void fillMenu();
    void saveCurrent();

    std::function<QString()> m_current;
    std::optional<FilterLibrary> m_library;
};

} // namespace xcm
