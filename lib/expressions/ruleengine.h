// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "rulerunner.h"

#include <deque>

namespace xcm {

// Runs reply rules: fed every stanza the connection received, it hands over the replies to send.
//
// - Fault rules (Rule::isFault(), run by a FaultInjector in proxy mode) are skipped.
// - The first enabled rule (in order) whose expression matches answers; the others do not.
// - The reply is the rule's template filled from the stanza, checked like a stanza typed in the compose
//   form (StanzaPolicy); one that fails is not sent, and the rule's last error
//   says why. A reply without an id gets one ("xcm-rule-…"), so that it can be recognised.
// - Never answers a stanza a rule sent: neither one of its own replies coming back (a component
//   writing to itself) nor any stanza whose id starts with "xcm-rule-" (another xcm's rules).
// - A rule that answers more than maxActionsPerSecond() times within a second (a loop between two
//   programs) pauses and says so through rulePaused(); setRuleEnabled() or resumeRule() restart it.
// - A delay holds the reply back (QTimer); cancelPending() drops what is held (the connection ended).
class RuleEngine : public RuleRunner
{
    Q_OBJECT
public:
    static inline const QString replyIdPrefix = QStringLiteral("xcm-rule-");

    explicit RuleEngine(QObject *parent = nullptr);
    ~RuleEngine() override;

    // Every rule can be given; fault rules are skipped.
    QString refusal(const Rule &) const override { return {}; }

    // Replies must come from this domain (the component's); empty: only checked to be an address.
    void setComponentDomain(const QString &domain) { m_domain = domain; }
    void setMaxStanzaBytes(qint64 bytes) { m_maxStanzaBytes = bytes; }

    // Every stanza the connection received, in order. Returns whether a rule answers it (now or after
    // its delay): an iq request a rule answers must get no automatic answer from the Responder.
    bool handleReceived(const Stanza &stanza);
    // Replies waiting for their delay.
    int pendingCount() const { return m_pending; }
    void cancelPending();

Q_SIGNALS:
    // A reply to send now on the connection the stanza came from, marked in the log as automatic, by
    // the rule `ruleName`.
    void replyReady(const QByteArray &xml, const QString &ruleName);
    // The rule matched but its reply could not be sent (or its regular expression gave up).
    void ruleFailed(int index, const QString &error);

private:
    struct SentReply
    {
        QString key; // kind, from, to, id in lower case
        qint64 atMs = 0;
    };

    QString rateLimitReason() const override;
    bool isRuleReply(StanzaView &view);
    void remember(const XmlElement &reply);
    bool answer(int index, StanzaView &view);
    void fail(int index, const QString &error);
    QString nextReplyId();

    std::deque<SentReply> m_sent;
    QString m_domain;
    qint64 m_maxStanzaBytes = 512 * 1024;
    int m_pending = 0;
    quint64 m_generation = 0; // cancelPending() makes held replies stale
    quint64 m_replyCounter = 0;
    QString m_idPrefix;
};

} // namespace xcm
