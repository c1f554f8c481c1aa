// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringView>

// The bidirectional embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069). Shown as
// they act, one reorders the text after it on its line, so that a stanza reads as something it does
// not say ("file" U+202E "txt.exe" as "fileexe.txt": "Trojan Source"). Where xcm shows a stanza's text, they
// are shown as character references instead, as xcm-cli prints them ("&#8238;").
namespace xcm::BidiControls {

constexpr bool isBidiControl(char16_t c)
{
    return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

// `text` with each of them as "&#NNNN;"; the same text when it holds none (no copy then).
QString shown(const QString &text);

} // namespace xcm::BidiControls
