// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "rule.h"

#include <QAbstractTableModel>
#include <QPointer>

namespace xcm {

class RuleRunner;

// The rules a RuleRunner runs, as a table for a rules panel: on/off (the name's check box), name, match,
// what the rule does, hits and status (paused, the last error, or why it does not run in this mode).
// It follows the runner live (hits, errors, pauses); ticking a rule on or off goes to the runner and is
// announced by enabledToggled(), so the owner can keep it.
class RuleListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        NameColumn,
        MatchColumn,
        ActionColumn,
        HitsColumn,
        StatusColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role
    {
        RunsHereRole = Qt::UserRole + 1, // bool: the runner acts on this kind of rule (reply or fault)
        ProblemRole,                     // bool: paused or failed
    };

    explicit RuleListModel(QObject *parent = nullptr);
    ~RuleListModel() override;

    // `faultRules`: the runner acts on fault rules (a proxy), else on reply rules.
    void setRunner(RuleRunner *runner, bool faultRules);
    RuleRunner *runner() const { return m_runner; }
    bool runsFaultRules() const { return m_faultRules; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // "reply", "drop", "delay 500 ms", "reply after 2 s": what the rule does, in a few words.
    static QString actionText(const Rule &rule);
    // What the Status column says: paused, the last error, or that the rule needs the other mode.
    QString statusText(const Rule &rule) const;

Q_SIGNALS:
    void enabledToggled(int row, bool enabled);

private:
    bool runsHere(const Rule &rule) const { return rule.isFault() == m_faultRules; }

    QPointer<RuleRunner> m_runner;
    bool m_faultRules = false;
};

} // namespace xcm
