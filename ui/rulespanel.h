// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;
class QTableView;
class QToolButton;

namespace xcm {

class ProfileSession;
class ProfileStore;
class Rule;
class RuleListModel;

// A profile's rules, beside its compose form: a table (on/off, name, when, what it does, hits, status)
// that follows the running rules live, with Add, Edit, Remove, Move Up/Down, Resume (a rule the rate
// limit paused) and Import/Export of the rules file. Every change is checked whole before it applies
// (nothing half-applied), goes to the session at once and is kept with the profile.
class RulesPanel : public QWidget
{
    Q_OBJECT
public:
    RulesPanel(ProfileSession *session, ProfileStore *store, QWidget *parent = nullptr);
    ~RulesPanel() override;

    RuleListModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    // What the last change said ("Rules imported: 3", or why it was refused).
    QString message() const;

public Q_SLOTS:
    void addRule();
    void editRule();
    void removeRule();
    void moveUp();
    void moveDown();
    void resumeRule();
    void importRules();
    void exportRules();
    // Proxy: relays every stanza a hold rule keeps, oldest first.
    void releaseHeld();

Q_SIGNALS:
    // The number of rules or their on/off changed (for a tab title).
    void rulesChanged();

private:
    // Applies `rules` to the session and keeps them with the profile; on failure nothing changes and
    // the panel says why.
    bool apply(const QList<Rule> &rules, int selectRow);
    void followRunner();
    int currentRow() const;
    void move(int by);
    void updateButtons();
    void say(const QString &text, bool problem);
    QStringList namesExcept(int row) const;

    ProfileSession *m_session;
    ProfileStore *m_store;
    RuleListModel *m_model = nullptr;
    QTableView *m_view = nullptr;
    QLabel *m_hint = nullptr;
    QLabel *m_message = nullptr;
    QToolButton *m_edit = nullptr;
    QToolButton *m_remove = nullptr;
    QToolButton *m_up = nullptr;
    QToolButton *m_down = nullptr;
    QToolButton *m_resume = nullptr;
    QToolButton *m_export = nullptr;
    QToolButton *m_release = nullptr;
};

} // namespace xcm
