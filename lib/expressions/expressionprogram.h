// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "boundedregex.h"
#include "expressionerror.h"
#include "expressionfields.h"

#include <QByteArrayMatcher>
#include <QStringList>

#include <memory>
#include <vector>

namespace xcm {

class StanzaView;

// The compiled form of an expression (made by ExpressionCompiler): a flat tree of and/or/not over
// tests whose operands are ready to use (values parsed, addresses split, regular expressions
// compiled, literal needles for the quick "certainly not" on the wire bytes). Evaluating it parses
// nothing of the expression again. Immutable once built, except for the regular expressions' counts
// of searches that gave up; evaluate() may run on several threads at once.
class ExpressionProgram
{
    Q_DECLARE_TR_FUNCTIONS(xcm::ExpressionProgram)
public:
    enum class Op : quint8
    {
        Exists, // the field alone: it has a value (auto: it is set)
        Equal,
        NotEqual,
        Matches, // ~
        Contains,
        StartsWith,
        Less,
        LessEqual,
        Greater,
        GreaterEqual,
    };

    struct Test
    {
        ExpressionField field = ExpressionField::Type;
        Op op = Op::Exists;
        bool isHas = false;
        // The operand.
        QString text;
        QString addressBare;     // from/to ==, != and startswith: the part before the first '/'
        QString addressResource; // … and after it
        bool addressHasResource = false;
        qint64 number = 0; // size
        int choice = 0;    // dir (0 in, 1 out), kind (StanzaKind), auto (0, 1)
        std::shared_ptr<const BoundedRegex> regex;
        qsizetype regexOffset = 0; // where the pattern starts in the source, for evaluation errors
        // The operand as UTF-8, when its absence from the wire proves the test false (see
        // StanzaView::wireHasEncodedText for when it proves nothing).
        QByteArrayMatcher needle;
        bool hasNeedle = false;
        // has(): element names from the stanza down ("*": any), the attribute ("xmlns": the
        // element's namespace) and the names that must appear in the wire for it to be there.
        QList<QByteArray> path; // UTF-8, as the names are in the wire
        QByteArray attribute;
        bool attributeIsNamespace = false;
        std::vector<QByteArrayMatcher> requiredNames;
    };

    struct Node
    {
        enum class Type : quint8
        {
            And,
            Or,
            Not,
            Test
        };
        Type type = Type::Test;
        int left = -1; // And, Or (the cheaper side, evaluated first), Not
        int right = -1;
        int test = -1;
        int cost = 0; // see costOf() in expressioncompiler.cpp
    };

    bool evaluate(StanzaView &view) const;

    std::vector<Node> nodes;
    std::vector<Test> tests;
    int root = -1;
    QString source;

    bool needsElement() const;
    // The first regular expression that gave up on a stanza since the last reset, as an error at its
    // position in the source; null when none did.
    ExpressionError evaluationError() const;
    quint64 gaveUpCount() const; // stanzas its regular expressions gave up on, all of them together
    void resetEvaluationErrors() const;

private:
    bool evaluateNode(int index, StanzaView &view) const;
    bool evaluateTest(const Test &test, StanzaView &view) const;
    bool evaluateHas(const Test &test, StanzaView &view) const;
};

} // namespace xcm
