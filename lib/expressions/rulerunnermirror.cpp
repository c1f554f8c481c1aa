// SPDX-License-Identifier: GPL-3.0-or-later
#include "rulerunnermirror.h"

namespace xcm {

RuleRunnerMirror::RuleRunnerMirror(QObject *parent)
    : RuleRunner(parent)
{}

RuleRunnerMirror::~RuleRunnerMirror() = default;

void RuleRunnerMirror::takeRule(int index, const Rule &rule)
{
    if (index < 0 || index >= m_rules.size() || m_rules.at(index).name() != rule.name())
        return;
    // On/off is set here: a report the relay made before the user's click must not undo it.
    takeCounts(m_rules[index], rule);
    Q_EMIT ruleChanged(index);
}

void RuleRunnerMirror::repeatPause(int index, const QString &why)
{
    if (index >= 0 && index < m_rules.size())
        Q_EMIT rulePaused(index, why);
}

} // namespace xcm
