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
        return cs == Qt::CaseSensitive ? searchRegex(test, value)
                                       : searchRegex(test, value.toString().toLower());
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
            return searchRegex(test, value.toString().toLower());
        return searchRegex(test, QString(bare.toString().toLower() + u'/' + resource));
    default:
        return false;
    }
}

// The runs of text directly inside `element`, split where child elements interrupt it (a text-only
// element has one). Tests on text hold when one run satisfies them (!=: when none equals).
template<typename Predicate> bool anyTextRun(const XmlElement &element, Predicate &&predicate)
{
    bool sawText = false;
    for (const XmlElement::Node &node : element.nodes()) {
        if (!node.isText())
            continue;
        sawText = true;
        if (predicate(QStringView(node.text)))
            return true;
    }
    return !sawText && predicate(QStringView());
}

bool compareRuns(const XmlElement &element, const Test &test)
{
    if (test.op == Op::NotEqual)
        return !anyTextRun(element, [&](QStringView run) { return run == test.text; });
    return anyTextRun(element, [&](QStringView run) { return compareText(run, test); });
}

// Whether the needle's absence from the wire decides the test (false; != true) without parsing.
bool ruledOutByWire(const Test &test, StanzaView &view)
{
    return test.hasNeedle && !view.wireHasEncodedText() && !view.wireContains(test.needle);
}

template<typename Predicate> bool anyDescendantNamespace(const XmlElement &element, Predicate &&predicate)
{
    for (const XmlElement::Node &node : element.nodes()) {
        if (node.isText())
            continue;
        if (predicate(QStringView(node.element.namespaceUri())) ||
            anyDescendantNamespace(node.element, predicate))
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
        // No "body" in the bytes: no <body/>. No needle in them: no body text that holds it.
        if (!view.wireContains(bodyName))
            return compareText(QStringView(), test);
        if (ruledOutByWire(test, view))
            return test.op == Op::NotEqual;
        return compareRuns(view.body(), test);
    }
    case ExpressionField::Error:
        return compareText(view.errorCondition(), test);
    case ExpressionField::Ns: {
        const XmlElement &element = view.element();
        if (test.op == Op::Exists)
            return element.childCount() > 0;
        if (test.op == Op::NotEqual)
            return !anyDescendantNamespace(element, [&](QStringView uri) { return uri == test.text; });
        return anyDescendantNamespace(element, [&](QStringView uri) { return compareText(uri, test); });
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
    QList<XmlElement> current{view.element()};
    if (current.first().isNull())
        return false;
    for (const QString &step : test.path) {
        QList<XmlElement> next;
        for (const XmlElement &element : std::as_const(current)) {
            for (const XmlElement::Node &node : element.nodes()) {
                if (!node.isText() && (step == u"*" || node.element.name() == step))
                    next.append(node.element);
            }
        }
        if (next.isEmpty())
            return false;
        current = std::move(next);
    }
    for (const XmlElement &element : std::as_const(current)) {
        if (test.attribute.isEmpty()) {
            if (test.op == Op::Exists ||
                anyTextRun(element, [&](QStringView run) { return compareText(run, test); }))
                return true;
            continue;
        }
        if (test.attributeIsNamespace) {
            if (test.op == Op::Exists || compareText(element.namespaceUri(), test))
                return true;
            continue;
        }
        if (!element.hasAttribute(test.attribute))
            continue;
        if (test.op == Op::Exists || compareText(element.attribute(test.attribute), test))
            return true;
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
                : tr("the regular expression gave up on %n stanza(s) (too much backtracking); they count as "
                     "not matching",
                     nullptr, int(std::min<quint64>(count, INT_MAX)));
        return ExpressionError::at(source, test.regexOffset, 1, message);
    }
    return {};
}

void ExpressionProgram::resetEvaluationErrors() const
{
    for (const Test &test : tests) {
        if (test.regex)
            test.regex->resetGaveUp();
    }
}

} // namespace xcm
