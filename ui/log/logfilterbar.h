// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "overflowbar.h"

#include <QUuid>

class QAbstractItemView;
class QComboBox;
class QLineEdit;
class QPushButton;
class QTimer;

namespace xcm {

class ExpressionCompleter;
class ProfileStore;
class SavedFiltersButton;
class StanzaLogFilterModel;

// The bar above the stanza log: which rows show (direction, kinds, errors only, unanswered requests
// only: Ctrl+Shift+U), and the search box. It takes free text, which either filters or is stepped
// through in the list (F3 / Shift+F3; Enter finds the next match when not filtering), or with "Expr"
// (Ctrl+Shift+F) a filter expression (lib/expressions): field names complete as they are typed, and a
// wrong expression is marked and said in the status line, never half-applied. Esc in the search box
// clears it, a second Esc goes to the list. Typing re-filters after a short pause, not on every key.
//
// It is an OverflowBar: the log view adds its own controls after the filters. Its optional controls
// are "Unanswered" (importance 6), "Errors only" (5), "Filter" (4) and "Expr" (3); controls added with a
// lower importance go into the overflow menu before them.
class LogFilterBar : public OverflowBar
{
    Q_OBJECT
public:
    // `list` shows `filter`: the matches are stepped through there.
    LogFilterBar(StanzaLogFilterModel *filter, QAbstractItemView *list, QWidget *parent = nullptr);
    ~LogFilterBar() override;

    // For a window's Log menu, separators included: find, next, previous, then the filters.
    QList<QAction *> menuActions() const { return m_menuActions; }

    // The search box takes a filter expression (lib/expressions) instead of words.
    bool isExpressionMode() const;
    // Why the expression in the box is not applied ("1:12: expected a value after '=='"); empty when
    // it is, or in word mode.
    QString expressionProblem() const { return m_expressionProblem; }

    // Saved and recent expressions of this profile, in the "Saved" menu beside the search box.
    void setFilterLibrary(ProfileStore *store, const QUuid &profile);
    SavedFiltersButton *savedFiltersButton() const { return m_savedButton; }
    QString searchText() const;

public Q_SLOTS:
    void setExpressionMode(bool on);
    // Switches to expressions and applies `expression` now (a saved or recent one).
    void applyExpression(const QString &expression);
    void focusSearch();
    void findNext();
    void findPrevious();
    // Empties the search box and applies that at once.
    void clearSearch();

Q_SIGNALS:
    // Find found nothing: a message for the user, about the current search text.
    void searchFailed(const QString &message);
    // The text in the search box changed (it applies a moment later).
    void searchTextChanged();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void createActions();
    QComboBox *createDirectionCombo();
    void createKindButton();
    // Whether `event` on the kinds menu ticked a kind (and must not close the menu).
    bool keepsKindMenuOpen(QEvent *event);
    QLineEdit *createSearchEdit();
    void updateKindButtonText();
    void applySearch();
    void reportSkippedStanzas();
    void find(bool forward);
    void selectRow(int row);
    void escapeFromSearch();
    void setExpressionProblem(const QString &problem);
    // The expression in effect, valid and not empty, goes into the recent ones.
    void rememberExpression();

    StanzaLogFilterModel *m_filter = nullptr;
    QAbstractItemView *m_list = nullptr;
    QTimer *m_searchTimer = nullptr;
    QPushButton *m_kindButton = nullptr;
    QMenu *m_kindMenu = nullptr;
    QLineEdit *m_searchEdit = nullptr;

    QAction *m_searchAction = nullptr;
    QAction *m_findNextAction = nullptr;
    QAction *m_findPreviousAction = nullptr;
    QAction *m_expressionAction = nullptr;
    QAction *m_errorsOnlyAction = nullptr;
    QAction *m_unansweredOnlyAction = nullptr;
    QAction *m_textFilterAction = nullptr;
    QList<QAction *> m_menuActions;
    ExpressionCompleter *m_completer = nullptr;
    SavedFiltersButton *m_savedButton = nullptr;
    QString m_expressionProblem;
};

} // namespace xcm
