// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "rulerunner.h"

#include <deque>

namespace xcm {

// Runs fault rules in proxy mode: asked about every stanza before it is relayed, it says what to do
// with it — relay it untouched, drop it, relay it after a delay, relay it twice or hold it until
// releaseAll(). The caller relays the stanza's raw bytes; nothing is re-serialised.
//
// - Only fault rules (Rule::isFault()) act; reply rules (direct mode's) are kept in the list, so that a
//   profile's one list of rules lines up with it, and never act.
// - The first enabled rule (in order) whose expression matches decides; `dir` names the leg:
//   in = server → component, out = component → server (the proxy logs the legs that way).
// - A rule that acts more than maxActionsPerSecond() times within a second pauses and says so, as a
//   RuleEngine rule does; setRuleEnabled() or resumeRule() restart it.
// - At most maxHeld() stanzas are held; a hold rule that would hold more pauses and says so (the
//   stanza is relayed), and goes on by itself once the held are released or forgotten.
class FaultInjector : public RuleRunner
{
    Q_OBJECT
public:
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

    // Every rule can be given; reply rules are skipped.
    QString refusal(const Rule &) const override { return {}; }
    // Whether any fault rule is in the list.
    bool isActive() const { return m_active; }

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

private:
    QString rateLimitReason() const override;
    // Why a hold rule paused when maxHeld() stanzas were held already.
    QString heldCapReason() const;
    void resumeHoldRules();

    std::deque<HeldStanza> m_held;
    int m_maxHeld = defaultMaxHeld;
    bool m_active = false;
};

} // namespace xcm
