// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "expression.h"
#include "replytemplate.h"

#include <optional>

namespace xcm {

// "When a stanza matching this arrives, send that": a name, an expression, a reply template, a delay
// and on/off, plus what the RuleEngine running it counts (hits, the last error, paused by the rate
// limit). Setting a definition field drops the compiled form; compile() makes it again.
class Rule
{
    Q_DECLARE_TR_FUNCTIONS(xcm::Rule)
public:
    static constexpr int maxDelayMs = 3'600'000; // an hour: longer is a mistake, not a test script
    static constexpr qsizetype maxNameLength = 200;

    // Reply answers the stanza (direct mode, RuleEngine). The others are fault rules (proxy mode,
    // FaultInjector): they act on the matching stanza itself on its way through the proxy, and have no
    // reply template.
    enum class Action : quint8
    {
        Reply,
        Drop,
        Delay,
        Duplicate,
        Hold
    };
    // "reply", "drop", "delay", "duplicate", "hold": the rules file's action='…'.
    static QString actionName(Action action);
    static std::optional<Action> actionFromName(QStringView name);

    Rule() = default;
    Rule(const QString &name, const QString &match, const QString &replyTemplate, int delayMs = 0,
         bool enabled = true);

    // The part of a definition a problem is in.
    enum class Part : quint8
    {
        None,
        Name,
        Match,
        Delay,
        Reply
    };

    // Checks and compiles the definition. On failure returns false and a reason that names the part:
    // "match: 1:12: expected a value after '=='", "reply: 1:20: unknown placeholder {frm} …"; `part`
    // says which, for a form to mark the field.
    bool compile(QString *error = nullptr, Part *part = nullptr);
    bool isCompiled() const { return m_compiled; }

    const QString &name() const { return m_name; }
    void setName(const QString &name);
    const QString &match() const { return m_match; }
    void setMatch(const QString &match);
    const QString &replyText() const { return m_replyText; }
    void setReplyText(const QString &text);
    int delayMs() const { return m_delayMs; }
    void setDelayMs(int delayMs);
    Action action() const { return m_action; }
    void setAction(Action action);
    bool isFault() const { return m_action != Action::Reply; }
    bool isEnabled() const { return m_enabled; }
    void setEnabled(bool enabled) { m_enabled = enabled; }

    // Valid once compiled.
    const Expression &expression() const { return m_expression; }
    const ReplyTemplate &replyTemplate() const { return m_replyTemplate; }

    // Kept by the RuleEngine.
    quint64 hits() const { return m_hits; }
    const QString &lastError() const { return m_lastError; }
    // Why a rule stopped acting until resumed; lastError() says it in words.
    enum class Pause : quint8
    {
        None,
        RateLimit, // acted too often within a second (a loop?)
        NoRoom,    // a hold rule with as many stanzas held as it may: goes on once they are released
    };
    Pause pause() const { return m_pause; }
    bool isPaused() const { return m_pause != Pause::None; }

    // The same definition (name, match, action, reply, delay, on/off); counters do not count.
    bool sameDefinition(const Rule &other) const;

private:
    friend class RuleRunner;
    friend class RuleEngine;
    friend class FaultInjector;

    QString m_name;
    QString m_match;
    QString m_replyText;
    int m_delayMs = 0;
    Action m_action = Action::Reply;
    bool m_enabled = true;
    bool m_compiled = false;
    Pause m_pause = Pause::None;
    Expression m_expression;
    ReplyTemplate m_replyTemplate;
    quint64 m_hits = 0;
    QString m_lastError;
};

} // namespace xcm
