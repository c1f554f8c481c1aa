// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringView>

namespace xcm {

// Why an expression (or a piece of a rules file) was refused, and where: `line` and `column` count from
// 1 (columns in characters), `offset` and `length` are in UTF-16 units of the source, for an underline.
struct ExpressionError
{
    QString message; // what was expected, e.g. "expected a value after '=='"
    qsizetype offset = -1;
    qsizetype length = 0;
    int line = 0;
    int column = 0;

    bool isNull() const { return message.isEmpty(); }
    // "1:12: expected a value after '=='"
    QString toString() const;

    // An error at `offset` (length `length`) of `source`, its line and column worked out.
    static ExpressionError at(QStringView source, qsizetype offset, qsizetype length, const QString &message);
    // Line and column (both from 1) of `offset` in `source`.
    static std::pair<int, int> lineAndColumn(QStringView source, qsizetype offset);
};

} // namespace xcm
