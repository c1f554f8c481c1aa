// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QProcess;

namespace XcmTest {

// Signals a process that still runs, and says whether it did. Once a QProcess has ended its pid reads
// 0, and kill(0, …) would signal the test's own process group (ctest with it).
bool signalRunning(const QProcess &process, int signal);

} // namespace XcmTest
