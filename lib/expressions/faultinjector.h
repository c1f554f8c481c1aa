// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "rule.h"

#include <QElapsedTimer>
#include <QObject>

#include <deque>
#include <vector>

namespace xcm {

// Runs fault rules in proxy mode: asked about every stanza before it is relayed, it says what to do
// with it — relay it untouched, drop it, relay it after a delay, relay it twice or hold it until
// releaseAll(). The caller relays the stanza's raw bytes; nothing is re-serialised.
//
// - Only fault rules (Rule::isFault()); setRules() refuses reply rules, which are direct mode's.
// - The first enabled rule (in order) whose expression matches decides; `dir` names the leg:
//   in = server → component, out = component → server (the proxy logs the legs that way).
// - A rule that acts more than maxFaultsPerSecond() times within a second pauses and says so, as a
//   RuleEngine rule does; setRuleEnabled() or resumeRule() restart it.
// - At most maxHeld() stanzas are held; a hold rule that would hold more pauses and says so (the
//   stanza is relayed).
class FaultInjector : public QObject
{
    Q_OBJECT
public:
    static constexpr int defaultMaxFaultsPerSecond = 50;
    static constexpr int defaultMaxHeld = 100;

    struct Verdict
    {
        bool faulted = false; // false: relay untouched
        Rule::Action action = Rule::Action::Reply;
        QString ruleName;
        int delayMs = 0; // for Action::Delay
    };

    struct HeldStanza
    {
        Stanza stanza; // its direction names its leg
        QString ruleName;
    };

    explicit FaultInjector(QObject *parent = nullptr);
    ~FaultInjector() override;

    // Replaces the rules (compiling what is not compiled yet). A reply rule or one that does not
    // compile refuses them all, and `error` names it.
    bool setRules(const QList<Rule> &rules, QString *error = nullptr);
    const QList<Rule> &rules() const { return m_rules; }
    bool isActive() const { return !m_rules.isEmpty(); }
    void setRuleEnabled(int index, bool enabled);
    void resumeRule(int index);

    void setMaxFaultsPerSecond(int count) { m_maxFaultsPerSecond = std::max(1, count); }
    int maxFaultsPerSecond() const { return m_maxFaultsPerSecond; }
    void setMaxHeld(int count) { m_maxHeld = std::max(1, count); }
    int maxHeld() const { return m_maxHeld; }

    // What to do with `stanza` (whose direction names its leg). A hold verdict has already kept the
    // stanza: the caller relays nothing now.
    Verdict inspect(const Stanza &stanza);

    int heldCount() const { return int(m_held.size()); }
    // Every held stanza, oldest first, to relay now; nothing is held afterwards.
    QList<HeldStanza> releaseAll();
    // Forgets what is held (the connection ended).
    void clearHeld();

Q_SIGNALS:
    void ruleChanged(int index);
    // The rule acted too often, or would hold too many, and stopped; `why` is for the user.
    void rulePaused(int index, const QString &why);

private:
    bool allowFault(int index);
    void pause(int index, const QString &why);

    QList<Rule> m_rules;
    std::vector<std::deque<qint64>> m_recentFaults; // per rule: when it acted within the last second
    std::deque<HeldStanza> m_held;
    int m_maxFaultsPerSecond = defaultMaxFaultsPerSecond;
    int m_maxHeld = defaultMaxHeld;
    QElapsedTimer m_clock;
};

} // namespace xcm
