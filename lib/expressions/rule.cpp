// SPDX-License-Identifier: GPL-3.0-or-later
#include "rule.h"

using namespace Qt::StringLiterals;

namespace xcm {

Rule::Rule(const QString &name, const QString &match, const QString &replyTemplate, int delayMs, bool enabled)
    : m_name(name)
    , m_match(match)
    , m_replyText(replyTemplate)
    , m_delayMs(delayMs)
    , m_enabled(enabled)
{}

void Rule::setName(const QString &name)
{
    m_name = name;
    m_compiled = false;
}

void Rule::setMatch(const QString &match)
{
    m_match = match;
    m_compiled = false;
}

void Rule::setReplyText(const QString &text)
{
    m_replyText = text;
    m_compiled = false;
}

void Rule::setDelayMs(int delayMs)
{
    m_delayMs = delayMs;
    m_compiled = false;
}

QString Rule::actionName(Action action)
{
    switch (action) {
    case Action::Reply:
        return u"reply"_s;
    case Action::Drop:
        return u"drop"_s;
    case Action::Delay:
        return u"delay"_s;
    case Action::Duplicate:
        return u"duplicate"_s;
    case Action::Hold:
        return u"hold"_s;
    }
    return {};
}

std::optional<Rule::Action> Rule::actionFromName(QStringView name)
{
    for (Action action : {Action::Reply, Action::Drop, Action::Delay, Action::Duplicate, Action::Hold}) {
        if (name == actionName(action))
            return action;
    }
    return std::nullopt;
}

void Rule::setAction(Action action)
{
    m_action = action;
    m_compiled = false;
}

bool Rule::compile(QString *error, Part *part)
{
    m_compiled = false;
    Part failed = Part::None;
    const auto fail = [error, part, &failed](const QString &reason) {
        if (error)
            *error = reason;
        if (part)
            *part = failed;
        return false;
    };
    failed = Part::Name;
    if (m_name.trimmed().isEmpty())
        return fail(tr("name: a rule needs a name"));
    if (m_name.size() > maxNameLength)
        return fail(tr("name: longer than %1 characters").arg(maxNameLength));
    failed = Part::Delay;
    if (m_delayMs < 0 || m_delayMs > maxDelayMs)
        return fail(tr("delay: %1 ms is not between 0 and %2 ms").arg(m_delayMs).arg(maxDelayMs));
    failed = Part::Match;
    if (m_match.trimmed().isEmpty())
        return fail(tr("match: a rule needs an expression (to answer everything, write: kind != stream)"));
    ExpressionError problem;
    Expression expression = Expression::compile(m_match, &problem);
    if (!expression.isValid())
        return fail(tr("match: %1").arg(problem.toString()));
    failed = Part::Delay;
    if (m_action == Action::Delay && m_delayMs == 0)
        return fail(tr("delay: a delay rule needs a delay above 0 ms"));
    failed = Part::Reply;
    ReplyTemplate reply;
    if (isFault()) {
        // A fault acts on the stanza itself: there is nothing to send.
        if (!m_replyText.trimmed().isEmpty())
            return fail(tr("reply: a %1 rule has no reply stanza").arg(actionName(m_action)));
    } else {
        reply = ReplyTemplate::parse(m_replyText, &problem);
        if (!reply.isValid())
            return fail(tr("reply: %1").arg(problem.toString()));
    }
    m_expression = std::move(expression);
    m_replyTemplate = std::move(reply);
    m_compiled = true;
    if (error)
        error->clear();
    if (part)
        *part = Part::None;
    return true;
}

bool Rule::sameDefinition(const Rule &other) const
{
    return m_name == other.m_name && m_match == other.m_match && m_replyText == other.m_replyText &&
           m_delayMs == other.m_delayMs && m_action == other.m_action && m_enabled == other.m_enabled;
}

} // namespace xcm
