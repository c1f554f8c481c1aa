// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

#include <chrono>

namespace xcm {

// Now on the monotonic clock, in nanoseconds: the same clock on every thread and never set back, for
// spans between moments two threads noted (a request on the proxy's relay thread, its answer in the
// window), where wall-clock time could run backwards.
inline qint64 monotonicNowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

} // namespace xcm
