// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace xcm {

// Keeps a few megabytes free at the top of the heap instead of handing them back to the kernel at
// every free(). Qt's socket buffer allocates and frees a 64 KiB chunk at each read; glibc returns the
// top of the heap as soon as 128 KiB lie free there and takes it back at the next read, so under a
// flood every read page-faults its buffer in afresh: 45 % of xcm-cli's time as a proxy (bench/README.md).
// Call once in main(), before any stream opens.
void reserveHeapHeadroom();

} // namespace xcm
