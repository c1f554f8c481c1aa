// SPDX-License-Identifier: GPL-3.0-or-later
#include "rulelistmodel.h"

#include "rulerunner.h"

using namespace Qt::StringLiterals;

namespace xcm {

RuleListModel::RuleListModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

RuleListModel::~RuleListModel() = default;

void RuleListModel::setRunner(RuleRunner *runner, bool faultRules)
{
    if (runner == m_runner && faultRules == m_faultRules)
        return;
    beginResetModel();
    if (m_runner)
        m_runner->disconnect(this);
    m_runner = runner;
    m_faultRules = faultRules;
    if (m_runner) {
        connect(m_runner, &RuleRunner::rulesReplaced, this, [this] {
            beginResetModel();
            endResetModel();
        });
        connect(m_runner, &RuleRunner::ruleChanged, this, [this](int row) {
            if (row >= 0 && row < rowCount())
                Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
        });
    }
    endResetModel();
}

int RuleListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_runner ? 0 : int(m_runner->rules().size());
}

int RuleListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString RuleListModel::actionText(const Rule &rule)
{
    const int delay = rule.delayMs();
    const QString after =
        delay >= 1000 && delay % 1000 == 0 ? tr("%1 s").arg(delay / 1000) : tr("%1 ms").arg(delay);
    switch (rule.action()) {
    case Rule::Action::Reply:
        return delay > 0 ? tr("reply after %1").arg(after) : tr("reply");
    case Rule::Action::Drop:
        return tr("drop");
    case Rule::Action::Delay:
        return tr("delay %1").arg(after);
    case Rule::Action::Duplicate:
        return tr("duplicate");
    case Rule::Action::Hold:
        return tr("hold");
    }
    return {};
}

QString RuleListModel::statusText(const Rule &rule) const
{
    if (!runsHere(rule))
        return rule.isFault() ? tr("acts in proxy profiles only") : tr("answers in direct profiles only");
    if (rule.isPaused())
        return tr("%1 — Resume, or turn it on again, to go on").arg(rule.lastError());
    if (!rule.lastError().isEmpty())
        return rule.lastError();
    return rule.isEnabled() ? tr("on") : tr("off");
}

QVariant RuleListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const Rule &rule = m_runner->rules().at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return rule.name();
        case MatchColumn:
            return rule.match();
        case ActionColumn:
            return actionText(rule);
        case HitsColumn:
            return QString::number(rule.hits());
        case StatusColumn:
            return statusText(rule);
        }
        break;
    case Qt::ToolTipRole:
        switch (index.column()) {
        case ActionColumn:
            return rule.action() == Rule::Action::Reply ? rule.replyText() : actionText(rule);
        case MatchColumn:
        case StatusColumn:
            return data(index, Qt::DisplayRole);
        default:
            break;
        }
        break;
    case Qt::CheckStateRole:
        if (index.column() == NameColumn)
            return rule.isEnabled() ? Qt::Checked : Qt::Unchecked;
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == HitsColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case RunsHereRole:
        return runsHere(rule);
    case ProblemRole:
        return runsHere(rule) && !rule.lastError().isEmpty();
    }
    return {};
}

bool RuleListModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || index.row() >= rowCount() || index.column() != NameColumn ||
        role != Qt::CheckStateRole)
        return false;
    const bool enabled = value.value<Qt::CheckState>() == Qt::Checked;
    if (enabled == m_runner->rules().at(index.row()).isEnabled())
        return true;
    m_runner->setRuleEnabled(index.row(), enabled); // ruleChanged() repaints the row
    Q_EMIT enabledToggled(index.row(), enabled);
    return true;
}

Qt::ItemFlags RuleListModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags flags = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == NameColumn)
        flags |= Qt::ItemIsUserCheckable;
    return flags;
}

QVariant RuleListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Rule");
    case MatchColumn:
        return tr("When");
    case ActionColumn:
        return tr("Does");
    case HitsColumn:
        return tr("Hits");
    case StatusColumn:
        return tr("Status");
    }
    return {};
}

} // namespace xcm
