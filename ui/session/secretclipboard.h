// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <chrono>

namespace xcm {

inline constexpr std::chrono::seconds secretClipboardLifetime{30};

// Puts a secret on the clipboard for a short while: marked with KDE's x-kde-passwordManagerHint so
// that clipboard managers (Klipper and others that honour it) keep it out of their history, and
// cleared after `lifetime` if the clipboard still holds it (whatever was copied since is left alone).
void copySecretToClipboard(const QString &secret,
                           std::chrono::milliseconds lifetime = secretClipboardLifetime);

} // namespace xcm
