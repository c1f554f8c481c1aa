// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "expressionerror.h"
#include "expressionfields.h"

#include <QCoreApplication>
#include <QList>

namespace xcm {

class StanzaView;

// The stanza a rule sends, as XML with placeholders that take their values from the stanza that
// matched: {from}, {to}, {id}, {type}, {body}, {error}, {size}, {dir}, {kind}, {from.bare},
// {to.local}… (the expression fields, except ns and auto). Values are inserted XML-escaped, so they
// are safe in text and in attribute values alike; {{ and }} stand for braces.
//
// Placeholders go in attribute values and text only: the template as written is already the XML of
// one stanza. parse() checks everything that does not depend on the stanza that will match: every
// placeholder is known, and the template is one <message/>, <presence/> or <iq/> in
// jabber:component:accept.
class ReplyTemplate
{
    Q_DECLARE_TR_FUNCTIONS(xcm::ReplyTemplate)
public:
    ReplyTemplate() = default;
    static ReplyTemplate parse(const QString &text, ExpressionError *error = nullptr);

    bool isValid() const { return m_valid; }
    const QString &text() const { return m_text; }

    // The reply to the stanza `view` shows.
    QString instantiate(StanzaView &view) const;
    // The reply's 'from' when the template fixes it (no placeholder in it), else empty: an address that
    // can be checked against the component's domain before any stanza matches.
    const QString &fixedFrom() const { return m_fixedFrom; }
    // What the component's stanza policy says of the reply to a typical request (a chat message from a
    // user to `domain`): empty when it would be sent. Before any stanza matches, a reply every match
    // would have refused (no 'from', say) is found; the rule dialog and xcm-cli --rules both ask.
    QString sampleProblem(const QString &domain, qint64 maxStanzaBytes) const;

    // The placeholders one may write, without braces: "from", "from.bare", …
    static QStringList placeholderNames();
    // Checks the placeholders in `text` (a whole template, or one attribute value or text node of it,
    // as the rules file reads them): the first unknown or unclosed one, with its position in `text`.
    static ExpressionError checkPlaceholders(QStringView text);

private:
    struct Segment
    {
        QString literal;
        std::optional<ExpressionField> field; // after the literal
    };
    static bool split(QStringView text, QList<Segment> *segments, ExpressionError *error);
    static QString valueOf(ExpressionField field, StanzaView &view);

    QString m_text;
    QString m_fixedFrom;
    QList<Segment> m_segments;
    bool m_valid = false;
};

} // namespace xcm
