// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "expressionerror.h"
#include "stanzaview.h"

#include <memory>

namespace xcm {

class ExpressionProgram;

// A filter over stanzas, compiled once and evaluated per stanza (the log's rows, xcm-cli's --filter,
// a rule's condition). The language (lib/expressions/README.md has the full reference):
//
//   kind == iq and type == error and error == item-not-found
//   dir == in and from.domain == example.org and not (type == unavailable)
//   body contains 'order 42' || body ~ '#[0-9]{4}'
//   has(query@xmlns == 'http://jabber.org/protocol/disco#info') and size > 1000
//
// Fields: dir (in/out), kind (message/presence/iq/stream/other), type, from, to, id, body, ns, error,
// size, auto, from.bare/.domain/.local/.resource (and to.…). Operators: == != ~ contains startswith
// (and < <= > >= for size), and/&&, or/||, not/!, parentheses; values quoted with ' or ", or bare words.
// A field alone tests that it has a value (auto: that it is set).
//
// Case: text compares exactly, except in addresses, whose local part and domain ignore case (RFC 7622
// case-maps them; `from == Bob@Example.org` finds bob@example.org) while the resource does not.
// `~` is a QRegularExpression search; write (?i) for a search that ignores case.
//
// A copy shares the compiled form. Evaluation is const and may run on several threads at once.
class Expression
{
public:
    // The empty expression: valid, matches every stanza.
    Expression();
    Expression(const Expression &);
    Expression(Expression &&) noexcept;
    Expression &operator=(const Expression &);
    Expression &operator=(Expression &&) noexcept;
    ~Expression();

    // Compiles `text`. On failure the result is invalid (matches nothing) and `error` says where and
    // what was expected. Text of white space only gives the empty expression.
    static Expression compile(const QString &text, ExpressionError *error = nullptr);

    bool isValid() const { return m_valid; }
    bool isEmpty() const { return m_valid && !m_program; }
    const QString &text() const { return m_text; }

    bool matches(StanzaView &view) const;
    bool matches(const Stanza &stanza, bool automatic = false) const;

    // Whether some stanzas will be parsed to evaluate it (body, ns, error or has()): a caller filtering
    // a big log may want to show progress then.
    bool needsElement() const;

    // A regular expression that gave up on stanzas since the last reset (too much backtracking; those
    // stanzas did not match), at the position of the pattern; null when none did.
    ExpressionError evaluationError() const;
    // How many times its regular expressions gave up since the last reset: cheap, to poll per stanza.
    quint64 gaveUpCount() const;
    void resetEvaluationError() const;

private:
    QString m_text;
    std::shared_ptr<const ExpressionProgram> m_program; // null: empty or invalid
    bool m_valid = true;
};

} // namespace xcm
