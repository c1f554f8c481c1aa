// SPDX-License-Identifier: GPL-3.0-or-later
#include "bidicontrols.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace xcm::BidiControls {

QString shown(const QString &text)
{
    const auto isControl = [](QChar c) { return isBidiControl(c.unicode()); };
    auto next = std::find_if(text.cbegin(), text.cend(), isControl);
    if (next == text.cend())
        return text;
    QString result;
    result.reserve(text.size() + 8);
    auto from = text.cbegin();
    while (next != text.cend()) {
        result.append(QStringView(from, next));
        result.append(u"&#%1;"_s.arg(int(next->unicode())));
        from = next + 1;
        next = std::find_if(from, text.cend(), isControl);
    }
    result.append(QStringView(from, text.cend()));
    return result;
}

} // namespace xcm::BidiControls
