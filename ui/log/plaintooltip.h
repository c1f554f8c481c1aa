// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

// Tooltips that show their text as it is. QToolTip guesses rich text from the text itself, so a
// message body "<b>hi</b>" read as bold and "<img src=…>" from a peer made a tooltip load a file.
namespace xcm::PlainToolTip {

// `text` such that a tooltip (or any Qt::AutoText label) shows it literally: unchanged unless Qt
// would take it for rich text, else escaped HTML with the same line breaks.
QString of(const QString &text);

} // namespace xcm::PlainToolTip
