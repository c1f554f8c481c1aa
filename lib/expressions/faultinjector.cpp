// SPDX-License-Identifier: GPL-3.0-or-later
#include "faultinjector.h"

#include "expressionslogging.h"
#include "stanzaview.h"

using namespace Qt::StringLiterals;

namespace xcm {

FaultInjector::FaultInjector(QObject *parent)
    : RuleRunner(parent)
{
    connect(this, &RuleRunner::rulesReplaced, this, [this] {
        m_active =
            std::any_of(m_rules.cbegin(), m_rules.cend(), [](const Rule &rule) { return rule.isFault(); });
    });
}

FaultInjector::~FaultInjector() = default;

FaultInjector::Verdict FaultInjector::inspect(const Stanza &stanza)
{
    if (m_rules.isEmpty())
        return {};
    StanzaView view(stanza);
    for (int i = 0; i < m_rules.size(); ++i) {
        Rule &rule = m_rules[i];
        if (!rule.m_enabled || rule.isPaused() || !rule.m_compiled || !rule.isFault())
            continue;
        if (!rule.m_expression.matches(view))
            continue;
        if (!withinRateLimit(i))
            continue;
        if (rule.m_action == Rule::Action::Hold) {
            if (int(m_held.size()) >= m_maxHeld) {
                pause(i, Rule::Pause::NoRoom, heldCapReason());
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
    resumeHoldRules();
    return released;
}

void FaultInjector::clearHeld()
{
    if (!m_held.empty())
        qCDebug(lcRules) << "forgetting" << m_held.size() << "held stanzas";
    m_held.clear();
    resumeHoldRules();
}

QString FaultInjector::heldCapReason() const
{
    return tr("paused: %1 stanzas are held already").arg(m_maxHeld);
}

void FaultInjector::resumeHoldRules()
{
    // Paused only for want of room, which there is again; a rate-limit pause stays.
    for (int i = 0; i < m_rules.size(); ++i) {
        if (m_rules[i].pause() == Rule::Pause::NoRoom)
            resumeRule(i);
    }
}

QString FaultInjector::rateLimitReason() const
{
    return tr("paused: acted more than %1 times within a second (a loop?)").arg(maxActionsPerSecond());
}

} // namespace xcm
