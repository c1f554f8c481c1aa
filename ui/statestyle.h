// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The state's colour, words and badge (StateLook) are in ui/session/statelook.h, since the session
// list model shows them too; included here for every widget that draws a state.
#include "statelook.h"

#include <QColor>
#include <QPalette>
#include <QString>

namespace xcm {

// Text that reports a failure or a success (refusals, outcomes, the last disconnect reason): the
// state colours, a shade lighter on a dark base so that they stay readable as text.
QColor errorTextColor(const QPalette &palette);
QColor successTextColor(const QPalette &palette);

// "1.5 KiB", "12 B": byte counts for the counters.
QString formatBytes(quint64 bytes);

} // namespace xcm
