// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace xcm {

// Keeps the shared secret, which stays in memory while a profile is connected, out of core dumps: no
// core file, and no ptrace attach by other processes of the same user. Call first thing in main().
// XCM_ALLOW_CORE_DUMPS=1 leaves the process dumpable, for debugging a crash.
void protectProcessMemory();

} // namespace xcm
