// SPDX-License-Identifier: GPL-3.0-or-later
#include "machinecpu.h"

#include <algorithm>
#include <cstdio>
#include <thread>
#include <unistd.h>

namespace xcm::bench {

MachineCpu::Sample MachineCpu::now()
{
    Sample sample;
    std::FILE *stat = std::fopen("/proc/stat", "re");
    if (!stat)
        return sample;
    long long user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0;
    if (std::fscanf(stat, "cpu %lld %lld %lld %lld %lld %lld %lld", &user, &nice, &system, &idle, &iowait,
                    &irq, &softirq) == 7)
        sample.busyTicks = user + nice + system + irq + softirq;
    std::fclose(stat);
    return sample;
}

int MachineCpu::cores()
{
    return int(std::max(1U, std::thread::hardware_concurrency()));
}

double MachineCpu::busySeconds(const Sample &from, const Sample &to)
{
    if (from.busyTicks < 0 || to.busyTicks < 0)
        return -1;
    return double(to.busyTicks - from.busyTicks) / double(::sysconf(_SC_CLK_TCK));
}

} // namespace xcm::bench
