// SPDX-License-Identifier: GPL-3.0-or-later
#include "plaintooltip.h"

#include <QTextDocument>

using namespace Qt::StringLiterals;

namespace xcm::PlainToolTip {

QString of(const QString &text)
{
    if (!Qt::mightBeRichText(text))
        return text;
    // Lines and spaces as typed. A short line stays whole (as a paragraph it wrapped at a narrow width,
    // even inside "</b>"); a long one wraps, as Qt wraps a long plain tooltip.
    return u"<p style=\"white-space:pre-wrap\">"_s + text.toHtmlEscaped() + u"</p>"_s;
}

} // namespace xcm::PlainToolTip
