// SPDX-License-Identifier: GPL-3.0-or-later
#include "expressionparser.h"

using namespace Qt::StringLiterals;

namespace xcm {

using Type = ExpressionToken::Type;

std::unique_ptr<ExpressionNode> ExpressionParser::parse(QStringView source, ExpressionError *error)
{
    QList<ExpressionToken> tokens;
    ExpressionError lexError;
    if (!ExpressionLexer::tokenize(source, &tokens, &lexError)) {
        if (error)
            *error = lexError;
        return {};
    }
    if (error)
        *error = {};
    if (tokens.size() == 1)
        return {}; // only the end: nothing was written
    ExpressionParser parser(source, std::move(tokens));
    std::unique_ptr<ExpressionNode> root = parser.parseOr();
    if (root && parser.peek().type != Type::End) {
        if (parser.peek().type == Type::RightParen)
            parser.fail(parser.peek(), tr("')' has no matching '('"));
        else
            parser.fail(parser.peek(), tr("expected 'and', 'or' or the end of the expression"));
        root.reset();
    }
    if (!root && error)
        *error = parser.m_error;
    return root;
}

ExpressionParser::ExpressionParser(QStringView source, QList<ExpressionToken> tokens)
    : m_source(source)
    , m_tokens(std::move(tokens))
{}

const ExpressionToken &ExpressionParser::peek(qsizetype ahead) const
{
    return m_tokens.at(std::min(m_position + ahead, m_tokens.size() - 1));
}

ExpressionToken ExpressionParser::take()
{
    const ExpressionToken token = peek();
    if (m_position < m_tokens.size() - 1)
        ++m_position;
    return token;
}

bool ExpressionParser::isComparisonOperator(const ExpressionToken &token) const
{
    return token.isOperator() || token.isKeyword(u"contains") || token.isKeyword(u"startswith");
}

bool ExpressionParser::isAnd(const ExpressionToken &token) const
{
    return token.type == Type::AndAnd || token.isKeyword(u"and");
}

bool ExpressionParser::isOr(const ExpressionToken &token) const
{
    return token.type == Type::OrOr || token.isKeyword(u"or");
}

bool ExpressionParser::isNot(const ExpressionToken &token) const
{
    return token.type == Type::Bang || token.isKeyword(u"not");
}

QString ExpressionParser::quoted(const ExpressionToken &token)
{
    return u'\'' + token.text + u'\'';
}

void ExpressionParser::fail(const ExpressionToken &at, const QString &message)
{
    if (m_error.isNull())
        m_error = ExpressionError::at(m_source, at.offset, at.length, message);
}

std::unique_ptr<ExpressionNode> ExpressionParser::parseOr()
{
    std::unique_ptr<ExpressionNode> left = parseAnd();
    while (left && isOr(peek())) {
        take();
        std::unique_ptr<ExpressionNode> right = parseAnd();
        if (!right)
            return {};
        auto node = std::make_unique<ExpressionNode>();
        node->type = ExpressionNode::Type::Or;
        node->left = std::move(left);
        node->right = std::move(right);
        left = std::move(node);
    }
    return left;
}

std::unique_ptr<ExpressionNode> ExpressionParser::parseAnd()
{
    std::unique_ptr<ExpressionNode> left = parseUnary();
    while (left && isAnd(peek())) {
        take();
        std::unique_ptr<ExpressionNode> right = parseUnary();
        if (!right)
            return {};
        auto node = std::make_unique<ExpressionNode>();
        node->type = ExpressionNode::Type::And;
        node->left = std::move(left);
        node->right = std::move(right);
        left = std::move(node);
    }
    return left;
}

std::unique_ptr<ExpressionNode> ExpressionParser::parseUnary()
{
    if (!isNot(peek()))
        return parsePrimary();
    take();
    std::unique_ptr<ExpressionNode> operand = parseUnary();
    if (!operand)
        return {};
    auto node = std::make_unique<ExpressionNode>();
    node->type = ExpressionNode::Type::Not;
    node->left = std::move(operand);
    return node;
}

std::unique_ptr<ExpressionNode> ExpressionParser::parsePrimary()
{
    const ExpressionToken &token = peek();
    if (token.type == Type::LeftParen) {
        m_openParens.append(take());
        std::unique_ptr<ExpressionNode> inner = parseOr();
        if (!inner)
            return {};
        if (peek().type != Type::RightParen) {
            const auto [line, column] = ExpressionError::lineAndColumn(m_source, m_openParens.last().offset);
            fail(peek(), tr("expected 'and', 'or' or ')' to close the '(' at %1:%2").arg(line).arg(column));
            return {};
        }
        take();
        m_openParens.removeLast();
        return inner;
    }
    const bool reserved = isAnd(token) || isOr(token) || isComparisonOperator(token);
    if (token.type == Type::Word && !reserved) {
        if (token.isKeyword(u"has"))
            return parseHas();
        auto node = std::make_unique<ExpressionNode>();
        node->type = ExpressionNode::Type::Comparison;
        node->field = take();
        if (!parseOperatorAndValue(*node, false))
            return {};
        return node;
    }
    if (m_position == 0)
        fail(token, tr("expected a field, has(…), 'not' or '('"));
    else
        fail(token,
             tr("expected a field, has(…), 'not' or '(' after %1").arg(quoted(m_tokens.at(m_position - 1))));
    return {};
}

std::unique_ptr<ExpressionNode> ExpressionParser::parseHas()
{
    auto node = std::make_unique<ExpressionNode>();
    node->type = ExpressionNode::Type::Has;
    node->field = take();
    if (peek().type != Type::LeftParen) {
        fail(peek(), tr("expected '(' after 'has'"));
        return {};
    }
    take();
    if (peek().type != Type::Word) {
        fail(peek(), tr("expected an element name after 'has('"));
        return {};
    }
    node->path.append(take());
    while (peek().type == Type::Slash) {
        take();
        if (peek().type != Type::Word) {
            fail(peek(), tr("expected an element name after '/'"));
            return {};
        }
        node->path.append(take());
    }
    if (peek().type == Type::At) {
        take();
        if (peek().type != Type::Word) {
            fail(peek(), tr("expected an attribute name after '@'"));
            return {};
        }
        node->attribute = take();
    }
    if (peek().type != Type::RightParen) {
        if (!isComparisonOperator(peek())) {
            const qsizetype start = node->path.first().offset;
            const qsizetype end = m_tokens.at(m_position - 1).end();
            fail(peek(),
                 tr("expected an operator or ')' after '%1'").arg(m_source.sliced(start, end - start)));
            return {};
        }
        if (!parseOperatorAndValue(*node, true))
            return {};
        if (peek().type != Type::RightParen) {
            const auto [line, column] = ExpressionError::lineAndColumn(m_source, node->field.offset);
            fail(peek(), tr("expected ')' to close the 'has(' at %1:%2").arg(line).arg(column));
            return {};
        }
    }
    take();
    return node;
}

bool ExpressionParser::parseOperatorAndValue(ExpressionNode &node, bool required)
{
    const ExpressionToken &token = peek();
    if (isComparisonOperator(token)) {
        node.op = take();
        return parseValue(node.op, &node.value);
    }
    const bool endsCondition =
        token.type == Type::End || token.type == Type::RightParen || isAnd(token) || isOr(token);
    if (!required && endsCondition)
        return true;
    fail(token, tr("expected an operator after %1 (==, !=, ~, contains, startswith, <, <=, >, >=)")
                    .arg(quoted(m_tokens.at(m_position - 1))));
    return false;
}

bool ExpressionParser::parseValue(const ExpressionToken &op, ExpressionToken *value)
{
    const ExpressionToken &token = peek();
    if (token.type == Type::String) {
        *value = take();
        return true;
    }
    const bool bare = (token.type == Type::Word && !isAnd(token) && !isOr(token) && !isNot(token)) ||
                      token.type == Type::At || token.type == Type::Slash;
    if (!bare) {
        fail(token, tr("expected a value after %1").arg(quoted(op)));
        return false;
    }
    // user@example.org/phone is three words and two signs: written without spaces, they are one value.
    ExpressionToken joined = take();
    joined.type = Type::Word;
    for (;;) {
        const ExpressionToken &next = peek();
        const bool joins = (next.type == Type::Word || next.type == Type::At || next.type == Type::Slash) &&
                           next.offset == joined.end();
        if (!joins)
            break;
        joined.length = take().end() - joined.offset;
    }
    joined.text = m_source.sliced(joined.offset, joined.length).toString();
    *value = joined;
    return true;
}

} // namespace xcm
