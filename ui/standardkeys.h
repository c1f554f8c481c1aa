// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QKeySequence>
#include <QList>

namespace xcm {

// The platform's keys for `key`, and `fallback` besides: some platforms' themes (offscreen, for one)
// bind no Close or Quit, and Ctrl+W and Ctrl+Q are what a user reaches for there all the same.
inline QList<QKeySequence> standardKeysAnd(QKeySequence::StandardKey key, const QKeySequence &fallback)
{
    QList<QKeySequence> bound = QKeySequence::keyBindings(key);
    if (!bound.contains(fallback))
        bound.append(fallback);
    return bound;
}

} // namespace xcm
