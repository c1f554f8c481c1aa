// SPDX-License-Identifier: GPL-3.0-or-later
#include "rulerunner.h"

#include "expressionslogging.h"

namespace xcm {

namespace {
constexpr qint64 rateWindowMs = 1000;
}

RuleRunner::RuleRunner(QObject *parent)
    : QObject(parent)
{
    m_clock.start();
}

RuleRunner::~RuleRunner() = default;

bool RuleRunner::setRules(const QList<Rule> &rules, QString *error)
{
    QList<Rule> compiled = rules;
    for (Rule &rule : compiled) {
        QString problem = refusal(rule);
        if (problem.isEmpty() && !rule.isCompiled())
            rule.compile(&problem);
        if (!problem.isEmpty()) {
            if (error)
                *error = tr("rule '%1': %2").arg(rule.name(), problem);
            qCDebug(lcRules) << "rules refused:" << rule.name() << problem;
            return false;
        }
        rule.m_pause = Rule::Pause::None;
    }
    m_rules = std::move(compiled);
    m_recentActions.assign(size_t(m_rules.size()), {});
    qCDebug(lcRules) << m_rules.size() << "rules in effect";
    Q_EMIT rulesReplaced();
    return true;
}

void RuleRunner::setRuleEnabled(int index, bool enabled)
{
    if (index < 0 || index >= m_rules.size())
        return;
    m_rules[index].m_enabled = enabled;
    if (enabled)
        resumeRule(index);
    Q_EMIT ruleChanged(index);
}

void RuleRunner::resumeRule(int index)
{
    if (index < 0 || index >= m_rules.size() || !m_rules[index].isPaused())
        return;
    m_rules[index].m_pause = Rule::Pause::None;
    m_rules[index].m_lastError.clear();
    m_recentActions[size_t(index)].clear();
    qCInfo(lcRules) << "rule resumed:" << m_rules[index].name();
    Q_EMIT ruleChanged(index);
}

bool RuleRunner::withinRateLimit(int index)
{
    std::deque<qint64> &recent = m_recentActions[size_t(index)];
    const qint64 now = m_clock.elapsed();
    while (!recent.empty() && now - recent.front() >= rateWindowMs)
        recent.pop_front();
    if (recent.size() < size_t(m_maxActionsPerSecond)) {
        recent.push_back(now);
        return true;
    }
    pause(index, Rule::Pause::RateLimit, rateLimitReason());
    return false;
}

void RuleRunner::takeCounts(Rule &into, const Rule &from)
{
    into.m_hits = from.m_hits;
    into.m_lastError = from.m_lastError;
    into.m_pause = from.m_pause;
}

void RuleRunner::pause(int index, Rule::Pause cause, const QString &why)
{
    Rule &rule = m_rules[index];
    rule.m_pause = cause;
    rule.m_lastError = why;
    qCInfo(lcRules) << "rule paused:" << rule.m_name << why;
    Q_EMIT rulePaused(index, why);
    Q_EMIT ruleChanged(index);
}

} // namespace xcm
