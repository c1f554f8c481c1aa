// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "expressionast.h"

namespace xcm {

// The grammar, by recursive descent (lowest precedence first):
//
//   expression := and ( ('or' | '||') and )*
//   and        := unary ( ('and' | '&&') unary )*
//   unary      := ('not' | '!') unary | primary
//   primary    := '(' expression ')' | has | field [operator value]
//   has        := 'has' '(' step ('/' step)* ['@' name] [operator value] ')'
//   operator   := == | != | ~ | < | <= | > | >= | contains | startswith
//   value      := '…' | "…" | a bare word (adjacent words, '@' and '/' join: user@example.org/phone)
//
// Keywords are case-insensitive. Fields and values are only checked later (ExpressionCompiler).
class ExpressionParser
{
    Q_DECLARE_TR_FUNCTIONS(xcm::ExpressionParser)
public:
    // The tree of `source`; null and `error` when it does not follow the grammar. An expression of
    // white space only gives null without an error: the caller decides what "nothing" means.
    static std::unique_ptr<ExpressionNode> parse(QStringView source, ExpressionError *error);

private:
    ExpressionParser(QStringView source, QList<ExpressionToken> tokens);

    std::unique_ptr<ExpressionNode> parseOr();
    std::unique_ptr<ExpressionNode> parseAnd();
    std::unique_ptr<ExpressionNode> parseUnary();
    std::unique_ptr<ExpressionNode> parsePrimary();
    std::unique_ptr<ExpressionNode> parseHas();
    bool parseOperatorAndValue(ExpressionNode &node, bool required);
    bool parseValue(const ExpressionToken &op, ExpressionToken *value);

    const ExpressionToken &peek(qsizetype ahead = 0) const;
    ExpressionToken take();
    bool isComparisonOperator(const ExpressionToken &token) const;
    bool isAnd(const ExpressionToken &token) const;
    bool isOr(const ExpressionToken &token) const;
    bool isNot(const ExpressionToken &token) const;
    // What a token is called in a message: 'and', '==', '('.
    static QString quoted(const ExpressionToken &token);
    void fail(const ExpressionToken &at, const QString &message);

    QStringView m_source;
    QList<ExpressionToken> m_tokens;
    qsizetype m_position = 0;
    QList<ExpressionToken> m_openParens; // for "the '(' at 1:3 is not closed"
    ExpressionError m_error;
};

} // namespace xcm
