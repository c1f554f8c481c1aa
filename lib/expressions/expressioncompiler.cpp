// SPDX-License-Identifier: GPL-3.0-or-later
#include "expressioncompiler.h"

#include "stanza.h"

using namespace Qt::StringLiterals;

namespace xcm {

namespace {

using Op = ExpressionProgram::Op;
using Test = ExpressionProgram::Test;
using Node = ExpressionProgram::Node;
using TokenType = ExpressionToken::Type;

Op operatorFor(const ExpressionToken &token)
{
    switch (token.type) {
    case TokenType::Equal:
        return Op::Equal;
    case TokenType::NotEqual:
        return Op::NotEqual;
    case TokenType::Tilde:
        return Op::Matches;
    case TokenType::Less:
        return Op::Less;
    case TokenType::LessEqual:
        return Op::LessEqual;
    case TokenType::Greater:
        return Op::Greater;
    case TokenType::GreaterEqual:
        return Op::GreaterEqual;
    default:
        return token.isKeyword(u"contains") ? Op::Contains : Op::StartsWith;
    }
}

bool isNumeric(Op op)
{
    return op == Op::Less || op == Op::LessEqual || op == Op::Greater || op == Op::GreaterEqual;
}

// What a test costs a stanza, roughly: 0 given, 1 an attribute, 2 the tree of error stanzas only,
// 3 the tree; a regular expression search costs one more.
int costOf(const Test &test)
{
    const int search = test.op == Op::Matches ? 1 : 0;
    if (test.isHas)
        return 3 + search;
    switch (test.field) {
    case ExpressionField::Dir:
    case ExpressionField::Kind:
    case ExpressionField::Size:
    case ExpressionField::Auto:
        return 0;
    case ExpressionField::Body:
    case ExpressionField::Ns:
        return 3 + search;
    case ExpressionField::Error:
        return 2 + search;
    default:
        return 1 + search;
    }
}

// Values written as words or strings, any case: "in", 'Out', received.
int choiceIndex(QStringView value, std::initializer_list<std::initializer_list<QStringView>> choices)
{
    int index = 0;
    for (const auto &spellings : choices) {
        for (QStringView spelling : spellings) {
            if (value.compare(spelling, Qt::CaseInsensitive) == 0)
                return index;
        }
        ++index;
    }
    return -1;
}

} // namespace

ExpressionCompiler::ExpressionCompiler(QStringView source)
    : m_source(source)
    , m_program(std::make_shared<ExpressionProgram>())
{
    m_program->source = source.toString();
}

std::shared_ptr<ExpressionProgram> ExpressionCompiler::compile(QStringView source, const ExpressionNode &root,
                                                               ExpressionError *error)
{
    ExpressionCompiler compiler(source);
    const int index = compiler.compileNode(root);
    if (error)
        *error = compiler.m_error;
    if (index < 0)
        return {};
    compiler.m_program->root = index;
    return compiler.m_program;
}

bool ExpressionCompiler::fail(const ExpressionToken &at, const QString &message)
{
    if (m_error.isNull())
        m_error = ExpressionError::at(m_source, at.offset, at.length, message);
    return false;
}

int ExpressionCompiler::compileNode(const ExpressionNode &node)
{
    Node compiled;
    switch (node.type) {
    case ExpressionNode::Type::And:
    case ExpressionNode::Type::Or: {
        compiled.type = node.type == ExpressionNode::Type::And ? Node::Type::And : Node::Type::Or;
        compiled.left = compileNode(*node.left);
        compiled.right = compiled.left < 0 ? -1 : compileNode(*node.right);
        if (compiled.right < 0)
            return -1;
        // Both sides are pure tests: the cheaper one goes first, so that a field of the top element
        // can spare most stanzas the parse another test needs.
        if (m_program->nodes[size_t(compiled.right)].cost < m_program->nodes[size_t(compiled.left)].cost)
            std::swap(compiled.left, compiled.right);
        compiled.cost = std::max(m_program->nodes[size_t(compiled.left)].cost,
                                 m_program->nodes[size_t(compiled.right)].cost);
        break;
    }
    case ExpressionNode::Type::Not:
        compiled.type = Node::Type::Not;
        compiled.left = compileNode(*node.left);
        if (compiled.left < 0)
            return -1;
        compiled.cost = m_program->nodes[size_t(compiled.left)].cost;
        break;
    case ExpressionNode::Type::Comparison:
    case ExpressionNode::Type::Has: {
        Test test;
        const bool ok =
            node.type == ExpressionNode::Type::Has ? compileHas(node, &test) : compileComparison(node, &test);
        if (!ok)
            return -1;
        compiled.type = Node::Type::Test;
        compiled.test = int(m_program->tests.size());
        compiled.cost = costOf(test);
        m_program->tests.push_back(std::move(test));
        break;
    }
    }
    m_program->nodes.push_back(compiled);
    return int(m_program->nodes.size() - 1);
}

bool ExpressionCompiler::compileComparison(const ExpressionNode &node, Test *test)
{
    const std::optional<ExpressionField> field = ExpressionFields::byName(node.field.text);
    if (!field) {
        const QString closest = ExpressionFields::closestName(node.field.text);
        if (!closest.isEmpty())
            return fail(node.field,
                        tr("unknown field '%1' (did you mean '%2'?)").arg(node.field.text, closest));
        return fail(node.field, tr("unknown field '%1' (fields: %2)")
                                    .arg(node.field.text, ExpressionFields::names().join(u", "_s)));
    }
    test->field = *field;
    const QString name = ExpressionFields::name(*field);
    if (!node.hasOperator()) {
        switch (*field) {
        case ExpressionField::Dir:
            return fail(node.field, tr("'%1' needs a comparison, e.g. %2").arg(name, u"dir == in"_s));
        case ExpressionField::Kind:
            return fail(node.field, tr("'%1' needs a comparison, e.g. %2").arg(name, u"kind == message"_s));
        case ExpressionField::Size:
            return fail(node.field, tr("'%1' needs a comparison, e.g. %2").arg(name, u"size > 1000"_s));
        default:
            test->op = Op::Exists;
            return true;
        }
    }
    test->op = operatorFor(node.op);
    const QString &value = node.value.text;
    switch (*field) {
    case ExpressionField::Dir:
    case ExpressionField::Kind:
    case ExpressionField::Auto: {
        if (test->op != Op::Equal && test->op != Op::NotEqual)
            return fail(node.op, tr("'%1' can only be compared with == or !=").arg(name));
        if (*field == ExpressionField::Dir) {
            test->choice = choiceIndex(value, {{u"in", u"received"}, {u"out", u"sent"}});
            if (test->choice < 0)
                return fail(node.value, tr("dir is in or out, not '%1'").arg(value));
        } else if (*field == ExpressionField::Kind) {
            // In the order of StanzaKind.
            test->choice =
                choiceIndex(value, {{u"message"}, {u"presence"}, {u"iq"}, {u"stream"}, {u"other"}});
            if (test->choice < 0)
                return fail(node.value,
                            tr("kind is message, presence, iq, stream or other, not '%1'").arg(value));
        } else {
            test->choice = choiceIndex(value, {{u"false", u"no", u"0"}, {u"true", u"yes", u"1"}});
            if (test->choice < 0)
                return fail(node.value, tr("auto is true or false, not '%1'").arg(value));
        }
        return true;
    }
    case ExpressionField::Size: {
        if (!isNumeric(test->op) && test->op != Op::Equal && test->op != Op::NotEqual)
            return fail(node.op, tr("size is a number: compare it with ==, !=, <, <=, > or >="));
        bool ok = false;
        test->number = value.toLongLong(&ok);
        if (!ok || test->number < 0 ||
            !std::all_of(value.begin(), value.end(), [](QChar c) { return c.isDigit(); }))
            return fail(
                node.value,
                tr("expected a number of bytes after %1, not '%2'").arg(u'\'' + node.op.text + u'\'', value));
        return true;
    }
    default:
        break;
    }
    if (!compileOperator(node, test))
        return false;
    if (ExpressionFields::isAddress(*field)) {
        const bool wholeAddress = *field == ExpressionField::From || *field == ExpressionField::To;
        if (wholeAddress) {
            const qsizetype slash = value.indexOf(u'/');
            test->addressHasResource = slash >= 0;
            test->addressBare = slash < 0 ? value : value.first(slash);
            test->addressResource = slash < 0 ? QString() : value.sliced(slash + 1);
        }
        return true;
    }
    if (*field == ExpressionField::Body)
        setNeedle(test, false);
    return true;
}

bool ExpressionCompiler::compileHas(const ExpressionNode &node, Test *test)
{
    test->isHas = true;
    for (const ExpressionToken &step : node.path) {
        test->path.append(step.text.toUtf8());
        if (step.text != u"*")
            test->requiredNames.emplace_back(step.text.toUtf8());
    }
    if (node.hasAttribute()) {
        test->attribute = node.attribute.text.toUtf8();
        test->attributeIsNamespace = test->attribute == "xmlns";
        // An element's namespace may be inherited: it need not be written in the stanza.
        if (!test->attributeIsNamespace)
            test->requiredNames.emplace_back(test->attribute);
    }
    if (!node.hasOperator()) {
        test->op = Op::Exists;
        return true;
    }
    test->op = operatorFor(node.op);
    if (!compileOperator(node, test))
        return false;
    // A namespace is written in the stanza unless it is inherited from the stream (the default one, or
    // stream: for a stream error): only then does its absence from the wire prove anything.
    const auto couldBeInherited = [test](QStringView uri) {
        return (test->op == Op::Equal && uri == test->text) ||
               (test->op == Op::StartsWith && uri.startsWith(test->text)) ||
               (test->op == Op::Contains && uri.contains(test->text));
    };
    if (!test->attributeIsNamespace || (!couldBeInherited(ns::component) && !couldBeInherited(ns::stream)))
        setNeedle(test, node.hasAttribute());
    return true;
}

bool ExpressionCompiler::compileOperator(const ExpressionNode &node, Test *test)
{
    if (isNumeric(test->op))
        return fail(node.op, tr("'%1' compares numbers: only size can be used with it").arg(node.op.text));
    test->text = node.value.text;
    if (test->op == Op::Matches)
        return compileRegex(node.value, test);
    return true;
}

bool ExpressionCompiler::compileRegex(const ExpressionToken &value, Test *test)
{
    auto regex = std::make_shared<BoundedRegex>();
    QString message;
    qsizetype offset = 0;
    // A string's characters may sit further right than their index (escaped quotes).
    const auto sourceOffset = [&value](qsizetype index) {
        if (value.type != TokenType::String)
            return value.offset + index;
        return value.sourceOffsets.value(index, value.end() - 1);
    };
    test->regexOffset = sourceOffset(0);
    if (!regex->compile(value.text, &message, &offset)) {
        ExpressionToken at = value;
        at.offset = sourceOffset(offset);
        at.length = 1;
        return fail(at, message);
    }
    test->regex = std::move(regex);
    return true;
}

// The needle is only sound when the operand cannot be hidden in the wire: none of the characters the
// predefined entities stand for, no line ends (XML turns \r\n into \n) and, in an attribute, no white
// space at all (XML turns literal tabs and newlines there into spaces).
void ExpressionCompiler::setNeedle(Test *test, bool inAttribute)
{
    if (test->op != Op::Equal && test->op != Op::Contains && test->op != Op::StartsWith &&
        !(test->op == Op::NotEqual && !test->isHas))
        return;
    if (test->text.isEmpty())
        return;
    for (const QChar c : std::as_const(test->text)) {
        if (c == u'&' || c == u'<' || c == u'>' || c == u'\'' || c == u'"' || c == u'\r' || c == u'\n')
            return;
        if (inAttribute && c.isSpace())
            return;
    }
    test->needle.setPattern(test->text.toUtf8());
    test->hasNeedle = true;
}

} // namespace xcm
