// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "expressionlexer.h"

#include <memory>

namespace xcm {

// What the parser makes of an expression, before any field or value is checked. Tokens keep their
// positions so that the semantic check can point at the field, operator or value it refuses.
struct ExpressionNode
{
    enum class Type : quint8
    {
        Or,         // left or right
        And,        // left and right
        Not,        // not left
        Comparison, // field [operator value]: without an operator, a test that the field has a value
        Has,        // has(path [operator value])
    };

    Type type = Type::Comparison;
    std::unique_ptr<ExpressionNode> left;
    std::unique_ptr<ExpressionNode> right;

    // Comparison: the field; Has: the word 'has'.
    ExpressionToken field;
    // Has: the element names (or '*') from the stanza down, and the attribute after '@' if any.
    QList<ExpressionToken> path;
    ExpressionToken attribute; // End when the path names no attribute
    // The operator (End when there is none) and the value. A bare value written as several adjacent
    // tokens (user@example.org/phone) becomes one Word spanning them.
    ExpressionToken op;
    ExpressionToken value;

    bool hasOperator() const { return op.type != ExpressionToken::Type::End; }
    bool hasAttribute() const { return attribute.type != ExpressionToken::Type::End; }
};

} // namespace xcm
