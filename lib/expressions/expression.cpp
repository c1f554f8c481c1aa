// SPDX-License-Identifier: GPL-3.0-or-later
#include "expression.h"

#include "expressioncompiler.h"
#include "expressionparser.h"
#include "expressionprogram.h"

namespace xcm {

Expression::Expression() = default;
Expression::Expression(const Expression &) = default;
Expression::Expression(Expression &&) noexcept = default;
Expression &Expression::operator=(const Expression &) = default;
Expression &Expression::operator=(Expression &&) noexcept = default;
Expression::~Expression() = default;

Expression Expression::compile(const QString &text, ExpressionError *error)
{
    Expression expression;
    expression.m_text = text;
    ExpressionError problem;
    const std::unique_ptr<ExpressionNode> tree = ExpressionParser::parse(text, &problem);
    if (tree)
        expression.m_program = ExpressionCompiler::compile(text, *tree, &problem);
    expression.m_valid = problem.isNull();
    if (error)
        *error = problem;
    return expression;
}

bool Expression::matches(StanzaView &view) const
{
    if (!m_valid)
        return false;
    return !m_program || m_program->evaluate(view);
}

bool Expression::matches(const Stanza &stanza, bool automatic) const
{
    // The empty expression (no filter: every stanza of xcm-cli's traffic) needs no view made.
    if (m_valid && !m_program)
        return true;
    StanzaView view(stanza, automatic);
    return matches(view);
}

bool Expression::needsElement() const
{
    return m_program && m_program->needsElement();
}

ExpressionError Expression::evaluationError() const
{
    return m_program ? m_program->evaluationError() : ExpressionError();
}

quint64 Expression::gaveUpCount() const
{
    return m_program ? m_program->gaveUpCount() : 0;
}

void Expression::resetEvaluationError() const
{
    if (m_program)
        m_program->resetEvaluationErrors();
}

} // namespace xcm
