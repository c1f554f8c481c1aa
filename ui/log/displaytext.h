// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringView>

// Text for display in a QPlainTextEdit that stays responsive. The edit lays out a whole line (block) at
// a time, and the time to lay out an unbroken line grows much faster than its length: a 480 KB base64
// token froze the window for seconds. Broken into lines of bounded length, only the lines in view are
// laid out. The breaks are for the eye only: copy the original text, not the shown one.
namespace xcm::DisplayText {

// `text` with a line break inserted wherever a line would grow past `maxLineLength` characters: after
// the last space in the second half of the stretch, or else at the limit (never inside a surrogate
// pair). `column` is the length of the line `text` continues (0 for a fresh start); on return, that of
// its last line, so that lines stay bounded when text is shown in chunks (a chunk may break a line
// where the whole text would have broken it at a space in the chunk before).
QString breakLongLines(QStringView text, qsizetype maxLineLength, qsizetype *column = nullptr);

} // namespace xcm::DisplayText
