// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

namespace xcm {

// The fields an expression can test, and the placeholders a reply template can use.
enum class ExpressionField : quint8
{
    Dir,
    Kind,
    Type,
    From,
    FromBare,
    FromDomain,
    FromLocal,
    FromResource,
    To,
    ToBare,
    ToDomain,
    ToLocal,
    ToResource,
    Id,
    Body,
    Ns,
    Error,
    Size,
    Auto,
};

// Names and one-line descriptions, for the parser, the completer and the documentation.
class ExpressionFields
{
    Q_DECLARE_TR_FUNCTIONS(xcm::ExpressionFields)
public:
    struct Entry
    {
        QString name;        // as typed: "from.bare"; "has(" for the element test
        QString description; // one line, translated
    };

    // Every field in the order a completer lists them, then "has(".
    static QList<Entry> completions();
    // The keywords, for a completer: and, or, not, contains, startswith, has.
    static QStringList keywords();

    static QString name(ExpressionField field);
    // The field called `name` (any case), if there is one.
    static std::optional<ExpressionField> byName(QStringView name);
    // The known name closest to `name` (for "did you mean"), or empty when none is close.
    static QString closestName(QStringView name);
    static QStringList names();

    static bool isAddress(ExpressionField field); // from, to and their parts
    // The part of `address` that an address field names: from.domain → the domain, from → all of it.
    static QStringView addressPart(QStringView address, ExpressionField field);
    // Whether the value comes from the parsed tree (body, ns, error) rather than the top element.
    static bool needsElement(ExpressionField field);
};

} // namespace xcm
