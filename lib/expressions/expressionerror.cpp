// SPDX-License-Identifier: GPL-3.0-or-later
#include "expressionerror.h"

using namespace Qt::StringLiterals;

namespace xcm {

QString ExpressionError::toString() const
{
    if (isNull())
        return {};
    return u"%1:%2: %3"_s.arg(QString::number(line), QString::number(column), message);
}

ExpressionError ExpressionError::at(QStringView source, qsizetype offset, qsizetype length,
                                    const QString &message)
{
    ExpressionError error;
    error.message = message;
    error.offset = std::clamp<qsizetype>(offset, 0, source.size());
    error.length = std::max<qsizetype>(0, length);
    std::tie(error.line, error.column) = lineAndColumn(source, error.offset);
    return error;
}

std::pair<int, int> ExpressionError::lineAndColumn(QStringView source, qsizetype offset)
{
    int line = 1;
    int column = 1;
    const qsizetype end = std::min(offset, source.size());
    for (qsizetype i = 0; i < end; ++i) {
        const QChar c = source.at(i);
        if (c == u'\n') {
            ++line;
            column = 1;
        } else if (!c.isLowSurrogate()) {
            ++column; // a character outside the BMP is one column, not two
        }
    }
    return {line, column};
}

} // namespace xcm
