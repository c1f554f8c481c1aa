// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <functional>

namespace xcm {

// Shortens an address to a width so that what tells addresses apart survives: the domain stays whole
// as long as anything can, the local part gives way first (in its middle: "al…ce@echo.localhost/desk")
// down to its first letter ("a…@echo.localhost/desk"), then the resource (at its end, down to
// "a…@echo.localhost…"), and only then the whole text in its middle. The local part's first letter
// stays as long as the domain does: in a component's log most addresses share a domain, and the local
// part tells them apart. Text that is not an address (no '@') is elided in the middle. Pure: the
// caller measures (pixels of a font, or characters).
class JidElider
{
public:
    // How wide a text is, in the unit of `available`.
    using Measure = std::function<int(QStringView)>;

    static QString elide(const QString &jid, int available, const Measure &measure);
    // In characters, "…" counting as one.
    static QString elide(const QString &jid, int characters);
    // The narrowest form that keeps the domain whole, with the local part's first letter
    // ("a…@echo.localhost…"), or the text itself when it is no address: what a column of addresses should
    // at least be wide enough for.
    static QString domainKept(const QString &jid);

    static constexpr QChar ellipsis = QChar(0x2026);
};

} // namespace xcm
