// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "stanza.h"

#include <QColor>
#include <QPalette>

namespace xcm {

// The log's colours, derived from the widget palette so that they read well in light and dark themes:
// backgrounds are the palette's base tinted a little, text colours are picked by the base's lightness.
struct LogColors
{
    QColor receivedBackground;
    QColor sentBackground;
    QColor errorBackground;
    QColor errorSelection;  // the selection on an error row: still red, and white text reads on it
    QColor matchBackground; // rows that contain the search text, when it does not filter
    QColor errorText;
    QColor dimText;
    QColor kindText[5];      // by xcm::StanzaKind
    QColor directionText[2]; // by xcm::Direction

    // XML in the detail pane.
    QColor xmlPunctuation;
    QColor xmlTag;
    QColor xmlAttribute;
    QColor xmlValue;
    QColor xmlEntity;
    QColor xmlText;

    static LogColors forPalette(const QPalette &palette);
    static bool isDark(const QPalette &palette);
};

} // namespace xcm
