// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "rule.h"

#include <QElapsedTimer>
#include <QObject>

#include <deque>
#include <vector>

namespace xcm {

// What the two kinds of rule runner share — RuleEngine (reply rules, direct mode) and FaultInjector
// (fault rules, proxy mode): the rules in order, on/off, and a rate limit per rule that pauses a rule
// acting in a loop. A rules panel follows any runner through these signals.
class RuleRunner : public QObject
{
    Q_OBJECT
public:
    static constexpr int defaultMaxActionsPerSecond = 50;

    ~RuleRunner() override;

    // Replaces the rules (compiling what is not compiled yet). If one does not compile or does not
    // belong to this runner, nothing changes and `error` names it: "rule 'echo': match: 1:12: …".
    // Counters come with the rules as given; pauses do not.
    bool setRules(const QList<Rule> &rules, QString *error = nullptr);
    const QList<Rule> &rules() const { return m_rules; }
    // Turning a rule on also resumes it after a pause.
    void setRuleEnabled(int index, bool enabled);
    void resumeRule(int index);

    // A rule acting more often than this within a second pauses.
    void setMaxActionsPerSecond(int count) { m_maxActionsPerSecond = std::max(1, count); }
    int maxActionsPerSecond() const { return m_maxActionsPerSecond; }

    // Why `rule` cannot run here (a reply rule in a proxy, say), or empty.
    virtual QString refusal(const Rule &rule) const = 0;

Q_SIGNALS:
    // setRules() replaced the whole list.
    void rulesReplaced();
    // A rule's on/off, hits, last error or pause changed.
    void ruleChanged(int index);
    // The rule acted too often (or cannot go on) and stopped; `why` is for the user.
    void rulePaused(int index, const QString &why);

protected:
    explicit RuleRunner(QObject *parent = nullptr);

    // Counts an action of rule `index` against the rate limit; false (and the rule paused) when it is
    // one too many.
    bool withinRateLimit(int index);
    void pause(int index, Rule::Pause cause, const QString &why);
    // Why a rule paused at the rate limit, for the user.
    virtual QString rateLimitReason() const = 0;
    // What a runner counts of a rule (hits, last error, pause), from another runner's copy of it.
    static void takeCounts(Rule &into, const Rule &from);

    QList<Rule> m_rules;
    QElapsedTimer m_clock;

private:
    std::vector<std::deque<qint64>> m_recentActions; // per rule: when it acted within the last second
    int m_maxActionsPerSecond = defaultMaxActionsPerSecond;
};

} // namespace xcm
