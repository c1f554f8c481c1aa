// SPDX-License-Identifier: GPL-3.0-or-later
#include "schedulerslice.h"

#include <QtGlobal>

#if defined(Q_OS_LINUX)
#include <cerrno>
#include <cstdint>
#include <sched.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace xcm {

#if defined(Q_OS_LINUX)
namespace {

// The kernel's struct sched_attr (include/uapi/linux/sched/types.h), which glibc does not declare.
struct SchedAttr
{
    std::uint32_t size;
    std::uint32_t policy;
    std::uint64_t flags;
    std::int32_t nice;
    std::uint32_t priority;
    std::uint64_t runtime; // for an ordinary thread since 6.12: the slice it asks for, in ns
    std::uint64_t deadline;
    std::uint64_t period;
};

} // namespace
#endif

bool requestShortSchedulerSlice(std::chrono::microseconds slice)
{
#if defined(Q_OS_LINUX) && defined(SYS_sched_setattr)
    SchedAttr attr{};
    attr.size = sizeof attr;
    attr.policy = SCHED_OTHER;
    // sched_setattr() sets the nice value too: the thread's own, unchanged.
    attr.nice = 0;
    errno = 0;
    const int current = ::getpriority(PRIO_PROCESS, 0);
    if (errno == 0)
        attr.nice = current;
    attr.runtime = std::uint64_t(std::chrono::nanoseconds(slice).count());
    return ::syscall(SYS_sched_setattr, 0, &attr, 0) == 0 && schedulerSlice() == slice;
#else
    Q_UNUSED(slice);
    return false;
#endif
}

std::chrono::microseconds schedulerSlice()
{
#if defined(Q_OS_LINUX) && defined(SYS_sched_getattr)
    SchedAttr attr{};
    if (::syscall(SYS_sched_getattr, 0, &attr, unsigned(sizeof attr), 0) != 0 || attr.policy != SCHED_OTHER)
        return std::chrono::microseconds(0);
    return std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::nanoseconds(attr.runtime));
#else
    return std::chrono::microseconds(0);
#endif
}

} // namespace xcm
