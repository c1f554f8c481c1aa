// SPDX-License-Identifier: GPL-3.0-or-later
#include "wirearena.h"

#include "readyblocks.h"

#include <cstring>

namespace xcm {

WireArena::~WireArena() = default;

WireArena::Block WireArena::allocate(qsizetype capacity)
{
    Block block;
    block.capacity = capacity;
    block.memory = capacity == blockBytes ? ReadyBlocks::instance().take() : ReadyBlocks::make(capacity);
    return block;
}

QByteArrayView WireArena::store(QByteArrayView bytes)
{
    const qsizetype size = bytes.size();
    const qsizetype room = m_blocks.empty() ? 0 : m_blocks.back().capacity - m_blocks.back().used;
    if (m_blocks.empty() || room < size || room == 0) {
        // The rest of the last block goes unused: half a stanza a block, on average. A stanza larger
        // than half a block gets one of its own. Even no bytes need a place inside a block (a full
        // block's end may be the next allocation's start).
        m_blocks.push_back(allocate(size > blockBytes / 2 ? qMax<qsizetype>(size, 1) : blockBytes));
    }
    Block &block = m_blocks.back();
    char *at = block.memory.get() + block.used;
    if (size > 0)
        std::memcpy(at, bytes.data(), size_t(size));
    block.used += size;
    return {at, size};
}

void WireArena::releaseBefore(const char *oldestKept)
{
    while (!m_blocks.empty() && (!oldestKept || !m_blocks.front().holds(oldestKept)))
        m_blocks.pop_front();
}

WireArena::Retained WireArena::retain() const
{
    Retained retained;
    retained.reserve(m_blocks.size());
    for (const Block &block : m_blocks)
        retained.push_back(block.memory);
    return retained;
}

qsizetype WireArena::reservedBytes() const
{
    qsizetype total = 0;
    for (const Block &block : m_blocks)
        total += block.capacity;
    return total;
}

} // namespace xcm
