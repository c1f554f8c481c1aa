// SPDX-License-Identifier: GPL-3.0-or-later
#include "jidelider.h"

#include <optional>

namespace xcm {

namespace {

// `text` with its middle replaced by "…", keeping `kept` characters (the start gets the odd one), never
// splitting a surrogate pair.
QString keepEnds(QStringView text, qsizetype kept)
{
    qsizetype head = (kept + 1) / 2;
    qsizetype tail = kept - head;
    if (head > 0 && head < text.size() && text.at(head - 1).isHighSurrogate())
        --head;
    if (tail > 0 && text.at(text.size() - tail).isLowSurrogate())
        --tail;
    return text.first(head) + JidElider::ellipsis + text.last(tail);
}

// `text` cut at its end to `kept` characters plus "…".
QString keepStart(QStringView text, qsizetype kept)
{
    if (kept > 0 && kept < text.size() && text.at(kept - 1).isHighSurrogate())
        --kept;
    return text.first(kept) + JidElider::ellipsis;
}

// The longest of `shorten(k)` for k in [least, most) that fits, or an empty string when none does.
// The width grows with k, so a binary search finds it.
template<typename Shorten>
QString longestFitting(qsizetype least, qsizetype most, int available, const JidElider::Measure &measure,
                       Shorten shorten)
{
    QString best;
    qsizetype low = least;
    qsizetype high = most - 1;
    while (low <= high) {
        const qsizetype middle = (low + high) / 2;
        QString candidate = shorten(middle);
        if (measure(candidate) <= available) {
            best = std::move(candidate);
            low = middle + 1;
        } else {
            high = middle - 1;
        }
    }
    return best;
}

// An address's local part, "@domain" and "/resource" (empty), or nothing when it has no local part.
struct AddressParts
{
    QStringView local;
    QStringView domain;
    QStringView resource;
};

std::optional<AddressParts> addressParts(const QString &jid)
{
    const qsizetype slash = jid.indexOf(u'/');
    const qsizetype at = jid.lastIndexOf(u'@', slash < 0 ? -1 : slash);
    if (at <= 0)
        return std::nullopt;
    return AddressParts{QStringView(jid).first(at),
                        QStringView(jid).sliced(at, (slash < 0 ? jid.size() : slash) - at),
                        slash < 0 ? QStringView() : QStringView(jid).sliced(slash)};
}

// The local part down to its first character and "…" (a one-character one stays as it is).
QString shortLocalOf(const AddressParts &parts)
{
    return parts.local.size() > 1 ? keepStart(parts.local, 1) : parts.local.toString();
}

// The narrowest form with the domain whole: "a…@echo.localhost…".
QString firstLetterAndDomain(const AddressParts &parts)
{
    return shortLocalOf(parts) + parts.domain +
           (parts.resource.isEmpty() ? QString() : QString(JidElider::ellipsis));
}

} // namespace

QString JidElider::domainKept(const QString &jid)
{
    const std::optional<AddressParts> parts = addressParts(jid);
    return parts ? firstLetterAndDomain(*parts) : jid;
}

QString JidElider::elide(const QString &jid, int available, const Measure &measure)
{
    if (measure(jid) <= available)
        return jid;

    if (const std::optional<AddressParts> parts = addressParts(jid)) {
        // Not a structured binding: lambdas below capture these, which clang 14 does not allow for one.
        const QStringView local = parts->local;
        const QStringView domain = parts->domain;
        const QStringView resource = parts->resource;

        // The local part, down to its first and last character ("a…e"), one shorter ones to "a…".
        QString fitted = longestFitting(1, local.size(), available, measure, [&](qsizetype kept) -> QString {
            return keepEnds(local, kept) + domain + resource;
        });
        if (!fitted.isEmpty())
            return fitted;
        const QString shortLocal = shortLocalOf(*parts);
        // Then the resource, down to "/" and "…", then to "…" after the domain.
        if (!resource.isEmpty()) {
            fitted = longestFitting(1, resource.size(), available, measure, [&](qsizetype kept) -> QString {
                return shortLocal + domain + keepStart(resource, kept);
            });
            if (!fitted.isEmpty())
                return fitted;
        }
        // The local part's first letter stays: in a component's log most addresses share a domain, and
        // the local part is what tells them apart ("…@demo.localhost" says nothing of which bot).
        const QString narrowest = firstLetterAndDomain(*parts);
        if (measure(narrowest) <= available)
            return narrowest;
    }
    // The domain does not fit whole (or there is no address): its middle goes.
    QString fitted = longestFitting(1, jid.size(), available, measure,
                                    [&](qsizetype kept) -> QString { return keepEnds(jid, kept); });
    return fitted.isEmpty() ? QString(ellipsis) : fitted;
}

QString JidElider::elide(const QString &jid, int characters)
{
    return elide(jid, characters, [](QStringView text) { return int(text.size()); });
}

} // namespace xcm
