// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class QApplication;

namespace xcm {

// Applies "light", "dark" or "system" (leave the platform's choice). Light and dark use the Fusion
// style so they look the same everywhere, screenshots included. Returns false for an unknown name.
bool applyPalette(QApplication &app, const QString &name);

} // namespace xcm
