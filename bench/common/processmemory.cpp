// SPDX-License-Identifier: GPL-3.0-or-later
#include "processmemory.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace xcm::bench {

namespace {

qint64 statusField(const char *field)
{
    // Plain stdio: /proc files report a size of 0, which QFile::atEnd() takes at its word.
    std::FILE *status = std::fopen("/proc/self/status", "r");
    if (!status)
        return 0;
    char line[256];
    qint64 kib = 0;
    const size_t length = std::strlen(field);
    while (std::fgets(line, sizeof line, status)) {
        if (std::strncmp(line, field, length) == 0) {
            kib = std::strtoll(line + length, nullptr, 10);
            break;
        }
    }
    std::fclose(status);
    return kib * 1024;
}

} // namespace

qint64 currentRssBytes()
{
    return statusField("VmRSS:");
}

qint64 peakRssBytes()
{
    return statusField("VmHWM:");
}

} // namespace xcm::bench
