// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "rule.h"

#include <QElapsedTimer>
#include <QObject>

#include <deque>
#include <vector>

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
// - A rule that answers more than maxRepliesPerSecond() times within a second (a loop between two
//   programs) pauses and says so through rulePaused(); setRuleEnabled() or resumeRule() restart it.
// - A delay holds the reply back (QTimer); cancelPending() drops what is held (the connection ended).
class RuleEngine : public QObject
{
    Q_OBJECT
public:
    static constexpr int defaultMaxRepliesPerSecond = 50;
    static inline const QString replyIdPrefix = QStringLiteral("xcm-rule-");

    explicit RuleEngine(QObject *parent = nullptr);
    ~RuleEngine() override;

    // Replaces the rules (compiling what is not compiled yet). If one does not compile, nothing changes
    // and `error` names it: "rule 'echo': match: 1:12: …". Counters come with the rules as given.
    bool setRules(const QList<Rule> &rules, QString *error = nullptr);
    const QList<Rule> &rules() const { return m_rules; }
    // Turning a rule on also resumes it after a pause.
    void setRuleEnabled(int index, bool enabled);
    void resumeRule(int index);

    // Replies must come from this domain (the component's); empty: only checked to be an address.
    void setComponentDomain(const QString &domain) { m_domain = domain; }
    void setMaxStanzaBytes(qint64 bytes) { m_maxStanzaBytes = bytes; }
    void setMaxRepliesPerSecond(int count) { m_maxRepliesPerSecond = std::max(1, count); }
    int maxRepliesPerSecond() const { return m_maxRepliesPerSecond; }

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
    // A rule's hits, last error or pause changed.
    void ruleChanged(int index);
    // The rule matched but its reply could not be sent (or its regular expression gave up).
    void ruleFailed(int index, const QString &error);
    // The rule answered too often and stopped; `why` is for the user.
    void rulePaused(int index, const QString &why);

private:
    struct SentReply
    {
        QString key; // kind, from, to, id in lower case
        qint64 atMs = 0;
    };

    bool isRuleReply(StanzaView &view);
    void remember(const XmlElement &reply);
    bool allowReply(int index);
    bool answer(int index, StanzaView &view);
    void fail(int index, const QString &error);
    QString nextReplyId();

    QList<Rule> m_rules;
    std::vector<std::deque<qint64>> m_recentReplies; // per rule: when it answered within the last second
    std::deque<SentReply> m_sent;
    QString m_domain;
    qint64 m_maxStanzaBytes = 512 * 1024;
    int m_maxRepliesPerSecond = defaultMaxRepliesPerSecond;
    int m_pending = 0;
    quint64 m_generation = 0; // cancelPending() makes held replies stale
    quint64 m_replyCounter = 0;
    QString m_idPrefix;
    QElapsedTimer m_clock;
};

} // namespace xcm
