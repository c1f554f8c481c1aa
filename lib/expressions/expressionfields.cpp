// SPDX-License-Identifier: GPL-3.0-or-later
#include "expressionfields.h"

#include <array>

using namespace Qt::StringLiterals;

namespace xcm {

namespace {

struct FieldName
{
    ExpressionField field;
    QStringView name;
};

constexpr std::array<FieldName, 19> fieldNames{{
    {ExpressionField::Dir, u"dir"},
    {ExpressionField::Kind, u"kind"},
    {ExpressionField::Type, u"type"},
    {ExpressionField::From, u"from"},
    {ExpressionField::FromBare, u"from.bare"},
    {ExpressionField::FromDomain, u"from.domain"},
    {ExpressionField::FromLocal, u"from.local"},
    {ExpressionField::FromResource, u"from.resource"},
    {ExpressionField::To, u"to"},
    {ExpressionField::ToBare, u"to.bare"},
    {ExpressionField::ToDomain, u"to.domain"},
    {ExpressionField::ToLocal, u"to.local"},
    {ExpressionField::ToResource, u"to.resource"},
    {ExpressionField::Id, u"id"},
    {ExpressionField::Body, u"body"},
    {ExpressionField::Ns, u"ns"},
    {ExpressionField::Error, u"error"},
    {ExpressionField::Size, u"size"},
    {ExpressionField::Auto, u"auto"},
}};

int editDistance(QStringView a, QStringView b)
{
    std::vector<int> previous(size_t(b.size()) + 1);
    std::vector<int> current(previous.size());
    for (size_t j = 0; j < previous.size(); ++j)
        previous[j] = int(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        current[0] = int(i);
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const int substitution = previous[size_t(j - 1)] + (a[i - 1].toLower() == b[j - 1] ? 0 : 1);
            current[size_t(j)] =
                std::min({previous[size_t(j)] + 1, current[size_t(j - 1)] + 1, substitution});
        }
        std::swap(previous, current);
    }
    return previous.back();
}

} // namespace

QList<ExpressionFields::Entry> ExpressionFields::completions()
{
    return {
        {u"dir"_s, tr("direction: in (received) or out (sent)")},
        {u"kind"_s, tr("message, presence, iq, stream or other")},
        {u"type"_s, tr("the type attribute: chat, get, result, error, unavailable…")},
        {u"from"_s, tr("the sender's address as written (local part and domain ignore case)")},
        {u"from.bare"_s, tr("the sender without the resource: user@example.org")},
        {u"from.domain"_s, tr("the sender's domain")},
        {u"from.local"_s, tr("the sender's local part (before @)")},
        {u"from.resource"_s, tr("the sender's resource (after /)")},
        {u"to"_s, tr("the recipient's address as written (local part and domain ignore case)")},
        {u"to.bare"_s, tr("the recipient without the resource")},
        {u"to.domain"_s, tr("the recipient's domain")},
        {u"to.local"_s, tr("the recipient's local part (before @)")},
        {u"to.resource"_s, tr("the recipient's resource (after /)")},
        {u"id"_s, tr("the id attribute")},
        {u"body"_s, tr("the text of the message's <body/>")},
        {u"ns"_s, tr("the namespace of any element inside the stanza")},
        {u"error"_s, tr("the error condition, e.g. item-not-found")},
        {u"size"_s, tr("bytes on the wire (compare with <, <=, >, >=)")},
        {u"auto"_s, tr("sent by xcm automatically (an automatic answer or a rule's reply)")},
        {u"has("_s,
         tr("a child element or attribute: has(query), has(query@node == 'x'), has(query/item@jid)")},
    };
}

QStringList ExpressionFields::keywords()
{
    return {u"and"_s, u"or"_s, u"not"_s, u"contains"_s, u"startswith"_s, u"has"_s};
}

QString ExpressionFields::name(ExpressionField field)
{
    for (const FieldName &entry : fieldNames) {
        if (entry.field == field)
            return entry.name.toString();
    }
    return {};
}

std::optional<ExpressionField> ExpressionFields::byName(QStringView name)
{
    for (const FieldName &entry : fieldNames) {
        if (entry.name.compare(name, Qt::CaseInsensitive) == 0)
            return entry.field;
    }
    return std::nullopt;
}

QString ExpressionFields::closestName(QStringView name)
{
    QStringView best;
    int bestDistance = 3; // further than two edits is a different word, not a typo
    for (const FieldName &entry : fieldNames) {
        const int distance = editDistance(name, entry.name);
        if (distance < bestDistance) {
            bestDistance = distance;
            best = entry.name;
        }
    }
    return best.toString();
}

QStringList ExpressionFields::names()
{
    QStringList result;
    for (const FieldName &entry : fieldNames)
        result.append(entry.name.toString());
    return result;
}

bool ExpressionFields::isAddress(ExpressionField field)
{
    return field >= ExpressionField::From && field <= ExpressionField::ToResource;
}

QStringView ExpressionFields::addressPart(QStringView address, ExpressionField field)
{
    // As Jid::parse splits: the resource is everything after the first '/', the local part ends at
    // the first '@' before it.
    const qsizetype slash = address.indexOf(u'/');
    const QStringView bare = slash < 0 ? address : address.first(slash);
    const qsizetype at = bare.indexOf(u'@');
    switch (field) {
    case ExpressionField::FromBare:
    case ExpressionField::ToBare:
        return bare;
    case ExpressionField::FromDomain:
    case ExpressionField::ToDomain:
        return bare.sliced(at + 1);
    case ExpressionField::FromLocal:
    case ExpressionField::ToLocal:
        return at < 0 ? QStringView() : bare.first(at);
    case ExpressionField::FromResource:
    case ExpressionField::ToResource:
        return slash < 0 ? QStringView() : address.sliced(slash + 1);
    default:
        return address;
    }
}

bool ExpressionFields::needsElement(ExpressionField field)
{
    return field == ExpressionField::Body || field == ExpressionField::Ns || field == ExpressionField::Error;
}

} // namespace xcm
