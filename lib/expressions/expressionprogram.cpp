// SPDX-License-Identifier: GPL-3.0-or-later
#include "expressionprogram.h"

#include "stanzaview.h"

using namespace Qt::StringLiterals;

namespace xcm {

namespace {

using Op = ExpressionProgram::Op;
using Test = ExpressionProgram::Test;

const QByteArrayMatcher bodyName(QByteArrayLiteral("body"));

bool searchRegex(const Test &test, QStringView value)
{
    return test.regex->search(value) == BoundedRegex::Result::Match;
}

bool isLowerCaseAscii(QStringView text)
{
    return std::none_of(text.begin(), text.end(),
                        [](QChar c) { return (c >= u'A' && c <= u'Z') || c.unicode() >= 0x80; });
}

// Searches `value` in lower case. Most addresses are already: searching them as they are spares an
// allocation a row.
bool searchRegexLowerCase(const Test &test, QStringView value)
{
    return isLowerCaseAscii(value) ? searchRegex(test, value) : searchRegex(test, value.toString().toLower());
}

// One text value against the operand. `cs` is Qt::CaseInsensitive for the address parts that ignore
// case; their regular expressions see them in lower case.
bool compareText(QStringView value, const Test &test, Qt::CaseSensitivity cs = Qt::CaseSensitive)
{
    switch (test.op) {
    case Op::Exists:
        return !value.isEmpty();
    case Op::Equal:
        return value.compare(test.text, cs) == 0;
    case Op::NotEqual:
        return value.compare(test.text, cs) != 0;
    case Op::Contains:
        return value.contains(test.text, cs);
    case Op::StartsWith:
        return value.startsWith(test.text, cs);
    case Op::Matches:
        return cs == Qt::CaseSensitive ? searchRegex(test, value) : searchRegexLowerCase(test, value);
    case Op::Less:
    case Op::LessEqual:
    case Op::Greater:
    case Op::GreaterEqual:
        break; // refused by the compiler for text
    }
    return false;
}

bool compareNumber(qint64 value, const Test &test)
{
    switch (test.op) {
    case Op::Equal:
        return value == test.number;
    case Op::NotEqual:
        return value != test.number;
    case Op::Less:
        return value < test.number;
    case Op::LessEqual:
        return value <= test.number;
    case Op::Greater:
        return value > test.number;
    case Op::GreaterEqual:
        return value >= test.number;
    default:
        return false;
    }
}

bool compareChoice(int value, const Test &test)
{
    switch (test.op) {
    case Op::Exists:
        return value != 0;
    case Op::Equal:
        return value == test.choice;
    case Op::NotEqual:
        return value != test.choice;
    default:
        return false;
    }
}

// A full address: the part before the first '/' ignores case, the resource does not (RFC 7622: the
// local part and the domain are case-mapped, the resource is kept as it is).
bool compareAddress(QStringView value, const Test &test)
{
    const qsizetype slash = value.indexOf(u'/');
    const QStringView bare = slash < 0 ? value : value.first(slash);
    const QStringView resource = slash < 0 ? QStringView() : value.sliced(slash + 1);
    const auto sameBare = [&] { return bare.compare(test.addressBare, Qt::CaseInsensitive) == 0; };
    switch (test.op) {
    case Op::Exists:
        return !value.isEmpty();
    case Op::Equal:
    case Op::NotEqual: {
        const bool equal =
            sameBare() && (slash >= 0) == test.addressHasResource && resource == test.addressResource;
        return equal == (test.op == Op::Equal);
    }
    case Op::StartsWith:
        if (!test.addressHasResource)
            return bare.startsWith(test.addressBare, Qt::CaseInsensitive);
        return slash >= 0 && sameBare() && resource.startsWith(test.addressResource);
    case Op::Contains:
        return value.contains(test.text, Qt::CaseInsensitive);
    case Op::Matches:
        if (slash < 0)
            return searchRegexLowerCase(test, value);
        if (isLowerCaseAscii(bare))
            return searchRegex(test, value);
        return searchRegex(test, QString(bare.toString().toLower() + u'/' + resource));
    default:
        return false;
    }
}

// The runs of text directly inside `element` of `tree`, split where child elements interrupt it (a
// text-only element has one). Tests on text hold when one run satisfies them (!=: when none equals).
template<typename Predicate> bool anyTextRun(const WireTree &tree, int element, Predicate &&predicate)
{
    if (element < 0 || tree.firstTextRun(element) < 0)
        return predicate(QStringView());
    for (int run = tree.firstTextRun(element); run >= 0; run = tree.nextTextRun(run)) {
        if (predicate(QStringView(tree.textRun(run))))
            return true;
    }
    return false;
}

bool compareRuns(const WireTree &tree, int element, const Test &test)
{
    if (test.op == Op::NotEqual)
        return !anyTextRun(tree, element, [&](QStringView run) { return run == test.text; });
    return anyTextRun(tree, element, [&](QStringView run) { return compareText(run, test); });
}

// Whether the needle's absence from the wire decides the test (false; != true) without parsing.
bool ruledOutByWire(const Test &test, StanzaView &view)
{
    return test.hasNeedle && !view.wireContains(test.needle) && !view.wireHasEncodedText();
}

// Elements are numbered in document order: every one after the stanza itself is inside it.
template<typename Predicate> bool anyDescendantNamespace(const WireTree &tree, Predicate &&predicate)
{
    for (int element = 1; element < tree.elementCount(); ++element) {
        if (predicate(QStringView(tree.namespaceUri(element))))
            return true;
    }
    return false;
}

} // namespace

bool ExpressionProgram::evaluate(StanzaView &view) const
{
    return root < 0 || evaluateNode(root, view);
}

bool ExpressionProgram::evaluateNode(int index, StanzaView &view) const
{
    const Node &node = nodes[size_t(index)];
    switch (node.type) {
    case Node::Type::And:
        return evaluateNode(node.left, view) && evaluateNode(node.right, view);
    case Node::Type::Or:
        return evaluateNode(node.left, view) || evaluateNode(node.right, view);
    case Node::Type::Not:
        return !evaluateNode(node.left, view);
    case Node::Type::Test:
        return evaluateTest(tests[size_t(node.test)], view);
    }
    return false;
}

bool ExpressionProgram::evaluateTest(const Test &test, StanzaView &view) const
{
    if (test.isHas)
        return evaluateHas(test, view);
    switch (test.field) {
    case ExpressionField::Dir:
        return compareChoice(view.direction() == Direction::Received ? 0 : 1, test);
    case ExpressionField::Kind:
        return compareChoice(int(view.kind()), test);
    case ExpressionField::Auto:
        return compareChoice(view.isAutomatic() ? 1 : 0, test);
    case ExpressionField::Size:
        return compareNumber(view.size(), test);
    case ExpressionField::Type:
        return compareText(view.type(), test);
    case ExpressionField::Id:
        return compareText(view.id(), test);
    case ExpressionField::From:
        return compareAddress(view.from(), test);
    case ExpressionField::To:
        return compareAddress(view.to(), test);
    case ExpressionField::FromBare:
    case ExpressionField::FromDomain:
    case ExpressionField::FromLocal:
        return compareText(ExpressionFields::addressPart(view.from(), test.field), test, Qt::CaseInsensitive);
    case ExpressionField::ToBare:
    case ExpressionField::ToDomain:
    case ExpressionField::ToLocal:
        return compareText(ExpressionFields::addressPart(view.to(), test.field), test, Qt::CaseInsensitive);
    case ExpressionField::FromResource:
        return compareText(ExpressionFields::addressPart(view.from(), test.field), test);
    case ExpressionField::ToResource:
        return compareText(ExpressionFields::addressPart(view.to(), test.field), test);
    case ExpressionField::Body: {
        // No needle in the bytes: no body text that holds it. No "body" in them: no <body/>.
        if (ruledOutByWire(test, view))
            return test.op == Op::NotEqual;
        if (!view.wireContains(bodyName))
            return compareText(QStringView(), test);
        const int body = view.body();
        return compareRuns(view.tree(), body, test);
    }
    case ExpressionField::Error:
        return compareText(view.errorCondition(), test);
    case ExpressionField::Ns: {
        const WireTree &tree = view.tree();
        if (test.op == Op::Exists)
            return tree.elementCount() > 1;
        if (test.op == Op::NotEqual)
            return !anyDescendantNamespace(tree, [&](QStringView uri) { return uri == test.text; });
        return anyDescendantNamespace(tree, [&](QStringView uri) { return compareText(uri, test); });
    }
    }
    return false;
}

bool ExpressionProgram::evaluateHas(const Test &test, StanzaView &view) const
{
    for (const QByteArrayMatcher &name : test.requiredNames) {
        if (!view.wireContains(name))
            return false;
    }
    if (ruledOutByWire(test, view))
        return false;
    const WireTree &tree = view.tree();
    if (!tree.isValid())
        return false;
    QVarLengthArray<int, 8> current{0};
    QVarLengthArray<int, 8> next;
    for (const QByteArray &step : test.path) {
        next.clear();
        for (const int element : std::as_const(current)) {
            for (int child = tree.firstChild(element); child >= 0; child = tree.nextSibling(child)) {
                if (step == "*" || tree.localName(child) == step)
                    next.append(child);
            }
        }
        if (next.isEmpty())
            return false;
        std::swap(current, next);
    }
    for (const int element : std::as_const(current)) {
        if (test.attribute.isEmpty()) {
            if (test.op == Op::Exists ||
                anyTextRun(tree, element, [&](QStringView run) { return compareText(run, test); }))
                return true;
        } else if (test.attributeIsNamespace) {
            if (test.op == Op::Exists || compareText(tree.namespaceUri(element), test))
                return true;
        } else if (tree.hasAttribute(element, test.attribute)) {
            if (test.op == Op::Exists || compareText(tree.attribute(element, test.attribute), test))
                return true;
        }
    }
    return false;
}

bool ExpressionProgram::needsElement() const
{
    return std::any_of(tests.begin(), tests.end(), [](const Test &test) {
        return test.isHas || ExpressionFields::needsElement(test.field);
    });
}

ExpressionError ExpressionProgram::evaluationError() const
{
    for (const Test &test : tests) {
        if (!test.regex || test.regex->gaveUp() == 0)
            continue;
        const quint64 count = test.regex->gaveUp();
        const QString message =
            test.regex->isAbandoned()
                ? tr("the regular expression needs too much backtracking: it gave up on %1 stanzas and is no "
                     "longer tried (simplify it)")
                      .arg(count)
                // No %n plural: xcm-cli has no catalogue to resolve it ("1 stanza(s)").
                : tr("the regular expression gave up (too much backtracking) on stanzas that count as not "
                     "matching: %1 so far")
                      .arg(count);
        return ExpressionError::at(source, test.regexOffset, 1, message);
    }
    return {};
}

quint64 ExpressionProgram::gaveUpCount() const
{
    quint64 count = 0;
    for (const Test &test : tests) {
        if (test.regex)
            count += test.regex->gaveUp();
    }
    return count;
}

void ExpressionProgram::resetEvaluationErrors() const
{
    for (const Test &test : tests) {
        if (test.regex)
            test.regex->resetGaveUp();
    }
}

} // namespace xcm
