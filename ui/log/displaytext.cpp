// SPDX-License-Identifier: GPL-3.0-or-later
#include "displaytext.h"

namespace xcm::DisplayText {

QString breakLongLines(QStringView text, qsizetype maxLineLength, qsizetype *column)
{
    maxLineLength = qMax<qsizetype>(maxLineLength, 2);
    qsizetype lineLength = column ? *column : 0;
    QString shown;
    shown.reserve(text.size() + text.size() / maxLineLength + 1);
    qsizetype i = 0;
    while (i < text.size()) {
        const qsizetype newline = text.indexOf(u'\n', i);
        const qsizetype end = newline < 0 ? text.size() : newline;
        while (end - i > maxLineLength - lineLength) {
            const qsizetype limit = qMax(i, i + maxLineLength - lineLength); // the line is full before it
            qsizetype cut = limit;
            for (qsizetype k = limit - 1; k >= qMax(i, limit - maxLineLength / 2); --k) {
                if (text.at(k) == u' ' || text.at(k) == u'\t') {
                    cut = k + 1; // after the space
                    break;
                }
            }
            if (cut > i && cut < text.size() && text.at(cut).isLowSurrogate())
                --cut;
            shown.append(text.sliced(i, cut - i));
            shown.append(u'\n');
            i = cut;
            lineLength = 0;
        }
        shown.append(text.sliced(i, end - i));
        lineLength += end - i;
        if (newline < 0) {
            i = end;
        } else {
            shown.append(u'\n');
            lineLength = 0;
            i = newline + 1;
        }
    }
    if (column)
        *column = lineLength;
    return shown;
}

} // namespace xcm::DisplayText
