// SPDX-License-Identifier: GPL-3.0-or-later
#include "processsignal.h"

#include <QProcess>

#include <csignal>
#include <sys/types.h>

namespace XcmTest {

bool signalRunning(const QProcess &process, int signal)
{
    return process.state() == QProcess::Running && process.processId() > 0 &&
           ::kill(pid_t(process.processId()), signal) == 0;
}

} // namespace XcmTest
