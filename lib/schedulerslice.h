// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>

namespace xcm {

// Asks the kernel to run the calling thread in short slices (Linux 6.12 and later: EEVDF's custom
// slice, sched_setattr()'s sched_runtime for an ordinary thread; no privilege needed). A thread that
// wakes for a moment's work, as the desktop proxy's relay thread does at each stanza, then gets a core
// at once instead of waiting for a busy thread's slice to end (the default: 1.4 ms on this project's
// 2-core VM): with the window repainting its log on one core, the p99 through the proxy went from
// 1.9-2.4 ms to 0.8-1.9 ms (bench/README.md). Elsewhere it does nothing. Returns whether the kernel took
// it.
bool requestShortSchedulerSlice(std::chrono::microseconds slice = std::chrono::microseconds(100));

// The slice the calling thread runs in: the kernel's default unless it asked for another (0 where the
// kernel does not say: before Linux 6.12, or another system).
std::chrono::microseconds schedulerSlice();

} // namespace xcm
