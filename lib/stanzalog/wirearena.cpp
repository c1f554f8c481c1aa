// SPDX-License-Identifier: GPL-3.0-or-later
#include "wirearena.h"

#include <QtGlobal>

#include <cstdlib>
#include <cstring>
#include <new>

#ifdef Q_OS_LINUX
#include <sys/mman.h>
#endif

namespace xcm {

namespace {

#ifdef Q_OS_LINUX
// `bytes` of fresh memory starting on a 2 MiB boundary, so that the kernel can back it with huge
// pages: a mapping of 2 MiB that starts elsewhere holds no aligned 2 MiB range.
char *mapAligned(qsizetype bytes)
{
    constexpr size_t alignment = WireArena::blockBytes;
    const size_t length = size_t(bytes);
    void *mapped =
        mmap(nullptr, length + alignment, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (mapped == MAP_FAILED)
        throw std::bad_alloc();
    const auto start = reinterpret_cast<quintptr>(mapped);
    const quintptr aligned = (start + alignment - 1) & ~quintptr(alignment - 1);
    if (aligned > start)
        munmap(mapped, aligned - start);
    const quintptr end = start + length + alignment;
    if (end > aligned + length)
        munmap(reinterpret_cast<void *>(aligned + length), end - (aligned + length));
    madvise(reinterpret_cast<void *>(aligned), length, MADV_HUGEPAGE);
    return reinterpret_cast<char *>(aligned);
}
#endif

} // namespace

WireArena::~WireArena() = default;

WireArena::Block WireArena::allocate(qsizetype capacity)
{
    Block block;
    block.capacity = capacity;
#ifdef Q_OS_LINUX
    if (capacity == blockBytes) {
        block.memory.reset(mapAligned(capacity),
                           [capacity](char *memory) { munmap(memory, size_t(capacity)); });
        return block;
    }
#endif
    // A stanza larger than a block gets one of its own, from the allocator.
    auto *memory = static_cast<char *>(std::malloc(size_t(capacity)));
    if (!memory)
        throw std::bad_alloc();
    block.memory.reset(memory, [](char *memory) { std::free(memory); });
    return block;
}

QByteArrayView WireArena::store(QByteArrayView bytes)
{
    const qsizetype size = bytes.size();
    if (m_blocks.empty() || m_blocks.back().capacity - m_blocks.back().used < size) {
        // The rest of the last block goes unused: half a stanza a block, on average.
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
