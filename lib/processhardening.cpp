// SPDX-License-Identifier: GPL-3.0-or-later
#include "processhardening.h"

#include <QtGlobal>

#ifdef Q_OS_UNIX
#include <sys/resource.h>
#endif
#ifdef Q_OS_LINUX
#include <sys/prctl.h>
#endif

namespace xcm {

void protectProcessMemory()
{
    if (qEnvironmentVariableIntValue("XCM_ALLOW_CORE_DUMPS") == 1)
        return;
#ifdef Q_OS_UNIX
    // A core file written by the kernel (core_pattern a plain file name).
    const rlimit none{0, 0};
    setrlimit(RLIMIT_CORE, &none);
#endif
#ifdef Q_OS_LINUX
    // A core piped to a handler (systemd-coredump, apport) ignores RLIMIT_CORE; a non-dumpable process
    // is not dumped at all, and its /proc memory is closed to the user's other processes.
    prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
#endif
}

} // namespace xcm
