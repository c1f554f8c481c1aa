// SPDX-License-Identifier: GPL-3.0-or-later
#include "faultinjector.h"

#include "expressionslogging.h"
#include "stanzaview.h"

using namespace Qt::StringLiterals;

namespace xcm {

namespace {
constexpr qint64 rateWindowMs = 1000;
}

FaultInjector::FaultInjector(QObject *parent)
    : QObject(parent)
{
    m_clock.start();
}

FaultInjector::~FaultInjector() = default;

bool FaultInjector::setRules(const QList<Rule> &rules, QString *error)
{
    QList<Rule> compiled = rules;
    for (Rule &rule : compiled) {
        QString problem;
        if (!rule.isFault())
            problem = tr("a reply rule answers in a direct session only; in a proxy a rule drops, "
                         "delays, duplicates or holds (action='…')");
        else if (!rule.isCompiled())
            rule.compile(&problem);
        if (!problem.isEmpty()) {
            if (error)
                *error = tr("rule '%1': %2").arg(rule.name(), problem);
            qCDebug(lcRules) << "fault rules refused:" << rule.name() << problem;
            return false;
        }
        rule.m_paused = false;
    }
    m_rules = std::move(compiled);
    m_recentFaults.assign(size_t(m_rules.size()), {});
    qCDebug(lcRules) << m_rules.size() << "fault rules in effect";
    return true;
}

void FaultInjector::setRuleEnabled(int index, bool enabled)
{
    if (index < 0 || index >= m_rules.size())
        return;
    m_rules[index].m_enabled = enabled;
    if (enabled)
        resumeRule(index);
    Q_EMIT ruleChanged(index);
}

void FaultInjector::resumeRule(int index)
{
    if (index < 0 || index >= m_rules.size() || !m_rules[index].m_paused)
        return;
    m_rules[index].m_paused = false;
    m_recentFaults[size_t(index)].clear();
    qCInfo(lcRules) << "fault rule resumed:" << m_rules[index].name();
    Q_EMIT ruleChanged(index);
}

FaultInjector::Verdict FaultInjector::inspect(const Stanza &stanza)
{
    if (m_rules.isEmpty())
        return {};
    StanzaView view(stanza);
    for (int i = 0; i < m_rules.size(); ++i) {
        Rule &rule = m_rules[i];
        if (!rule.m_enabled || rule.m_paused || !rule.m_compiled)
            continue;
        if (!rule.m_expression.matches(view))
            continue;
        if (!allowFault(i))
            continue;
        if (rule.m_action == Rule::Action::Hold) {
            if (int(m_held.size()) >= m_maxHeld) {
                pause(i, tr("paused: %1 stanzas are held already; release them to go on").arg(m_maxHeld));
                continue;
            }
            m_held.push_back({stanza, rule.m_name});
        }
        ++rule.m_hits;
        qCDebug(lcRules) << "fault rule" << rule.m_name << Rule::actionName(rule.m_action) << view.id();
        Q_EMIT ruleChanged(i);
        return {true, rule.m_action, rule.m_name, rule.m_action == Rule::Action::Delay ? rule.m_delayMs : 0};
    }
    return {};
}

QList<FaultInjector::HeldStanza> FaultInjector::releaseAll()
{
    QList<HeldStanza> released(m_held.begin(), m_held.end());
    m_held.clear();
    if (!released.isEmpty())
        qCInfo(lcRules) << "releasing" << released.size() << "held stanzas";
    return released;
}

void FaultInjector::clearHeld()
{
    if (!m_held.empty())
        qCDebug(lcRules) << "forgetting" << m_held.size() << "held stanzas";
    m_held.clear();
}

bool FaultInjector::allowFault(int index)
{
    std::deque<qint64> &recent = m_recentFaults[size_t(index)];
    const qint64 now = m_clock.elapsed();
    while (!recent.empty() && now - recent.front() >= rateWindowMs)
        recent.pop_front();
    if (recent.size() < size_t(m_maxFaultsPerSecond)) {
        recent.push_back(now);
        return true;
    }
    pause(index, tr("paused: acted more than %1 times within a second (a loop?); turn the rule on again "
                    "to resume it")
                     .arg(m_maxFaultsPerSecond));
    return false;
}

void FaultInjector::pause(int index, const QString &why)
{
    Rule &rule = m_rules[index];
    rule.m_paused = true;
    rule.m_lastError = why;
    qCInfo(lcRules) << "fault rule paused:" << rule.m_name << why;
    Q_EMIT rulePaused(index, why);
    Q_EMIT ruleChanged(index);
}

} // namespace xcm
