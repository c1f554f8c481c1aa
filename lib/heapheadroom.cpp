// SPDX-License-Identifier: GPL-3.0-or-later
#include "heapheadroom.h"

#include <QtGlobal>

#if defined(Q_OS_LINUX) && defined(__GLIBC__)
#include <malloc.h>
#endif

namespace xcm {

void reserveHeapHeadroom()
{
#if defined(Q_OS_LINUX) && defined(__GLIBC__)
    // Grown and trimmed in steps of this much: a read's buffer lands on pages already mapped.
    constexpr int headroomBytes = 4 * 1024 * 1024;
    mallopt(M_TOP_PAD, headroomBytes);
#endif
}

} // namespace xcm
