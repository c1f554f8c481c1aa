// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "readyblocks.h"

#include <QByteArrayView>

#include <deque>
#include <memory>
#include <vector>

namespace xcm {

// The stanza log's wire bytes, one stanza after another in blocks of 2 MiB instead of one allocation a
// stanza: no allocator header or array header per row (issue 15: the log's memory within 1.2 × the
// wire), and a million rows freed as a few hundred blocks. The log removes its rows oldest first, so
// blocks are freed in the order they were filled. Blocks come from ReadyBlocks, their pages written once
// already on a thread of its own. (Asking for huge pages made the window faster still but froze it for
// up to 100 ms while the kernel compacted memory for one: not done.)
class WireArena
{
public:
    // Keeps blocks alive for a reader elsewhere (an export on a pool thread) after the log let them go.
    using Retained = std::vector<std::shared_ptr<const void>>;

    WireArena() = default;
    ~WireArena();
    WireArena(WireArena &&other) noexcept = default;
    WireArena &operator=(WireArena &&other) noexcept = default;
    WireArena(const WireArena &) = delete;
    WireArena &operator=(const WireArena &) = delete;

    // A copy of `bytes`, valid until releaseBefore() passes it; never null, even for no bytes.
    QByteArrayView store(QByteArrayView bytes);
    // Frees the blocks filled before the one holding `oldestKept` (something store() returned); every
    // block when it is null.
    void releaseBefore(const char *oldestKept);
    // The blocks as they are now, for a reader that may outlive their release.
    Retained retain() const;
    // Bytes taken from the system, for the memory benchmark.
    qsizetype reservedBytes() const;

    static constexpr qsizetype blockBytes = ReadyBlocks::blockBytes;

private:
    struct Block
    {
        std::shared_ptr<char> memory;
        qsizetype capacity = 0;
        qsizetype used = 0;
        // Within the allocation: blocks never overlap, even when one ends where the next begins (the end
        // of one full block is not "in" it; store() never hands out that address).
        bool holds(const char *bytes) const
        {
            return bytes >= memory.get() && bytes < memory.get() + capacity;
        }
    };
    static Block allocate(qsizetype capacity);

    std::deque<Block> m_blocks;
};

} // namespace xcm
