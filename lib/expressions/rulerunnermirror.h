// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "rulerunner.h"

namespace xcm {

// A runner that runs nothing: it shows the rules of a runner on another thread (the FaultInjector of a
// proxy on its relay thread) to a rules panel on the UI thread, taking each rule's hits, last error and
// pause as that runner reports them. The list and on/off are set on both by their owner.
class RuleRunnerMirror : public RuleRunner
{
    Q_OBJECT
public:
    explicit RuleRunnerMirror(QObject *parent = nullptr);
    ~RuleRunnerMirror() override;

    QString refusal(const Rule &) const override { return {}; }

    // The counts of rule `index` (hits, last error, pause) as the other runner has them now; on/off
    // stays as set here. A rule of another list (the report crossed a setRules() here) is ignored.
    void takeRule(int index, const Rule &rule);
    // Repeats the other runner's rulePaused (takeRule() brings the pause itself).
    void repeatPause(int index, const QString &why);

private:
    QString rateLimitReason() const override { return {}; }
};

} // namespace xcm
