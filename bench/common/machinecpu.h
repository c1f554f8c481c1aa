// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

namespace xcm::bench {

// The whole machine's CPU time from /proc/stat: what every process on it (the load source, a proxy, the
// component, the kernel's loopback work) spent between two samples, start-up of none of them included.
// It says whether a run was bound by the cores (busy ≈ the number of cores × the time), and what a
// stanza cost the machine. In clock ticks (10 ms), each core's off by up to one at each reading, so a
// run should last a few tenths of a second.
class MachineCpu
{
public:
    struct Sample
    {
        qint64 busyTicks = -1;  // user, nice, system, irq, softirq: not idle, iowait or steal
        qint64 stealTicks = -1; // what the hypervisor gave to others while this machine wanted it
    };

    static Sample now();
    static int cores();
    // CPU seconds the machine was busy from `from` to `to`; -1 when /proc/stat was unreadable.
    static double busySeconds(const Sample &from, const Sample &to);
    static double stealSeconds(const Sample &from, const Sample &to);
};

} // namespace xcm::bench
