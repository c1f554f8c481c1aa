// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

namespace xcm::bench {

// Resident set size of this process now and at its peak (VmRSS / VmHWM from /proc), in bytes; 0 when
// /proc cannot be read.
qint64 currentRssBytes();
qint64 peakRssBytes();

} // namespace xcm::bench
