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
    long long user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0;
    const int read = std::fscanf(stat, "cpu %lld %lld %lld %lld %lld %lld %lld %lld", &user, &nice, &system,
                                 &idle, &iowait, &irq, &softirq, &steal);
    if (read >= 7)
        sample.busyTicks = user + nice + system + irq + softirq;
    if (read == 8)
        sample.stealTicks = steal;
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

double MachineCpu::stealSeconds(const Sample &from, const Sample &to)
{
    if (from.stealTicks < 0 || to.stealTicks < 0)
        return -1;
    return double(to.stealTicks - from.stealTicks) / double(::sysconf(_SC_CLK_TCK));
}

} // namespace xcm::bench
