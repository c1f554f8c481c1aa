// SPDX-License-Identifier: GPL-3.0-or-later
#include "readyblocks.h"

#include <cstdint>
#include <cstdlib>
#include <new>

#if defined(Q_OS_LINUX)
#include <sys/mman.h>
#include <unistd.h>
#endif

namespace xcm {

namespace {

// Writes every page of a block once, so that later writes find it mapped.
void touch(char *memory, qsizetype bytes)
{
#if defined(Q_OS_LINUX)
    static const qsizetype pageBytes = ::sysconf(_SC_PAGESIZE);
#else
    constexpr qsizetype pageBytes = 4096;
#endif
    volatile char *const pages = memory;
    for (qsizetype at = 0; at < bytes; at += pageBytes)
        pages[at] = 0;
}

} // namespace

ReadyBlocks &ReadyBlocks::instance()
{
    static auto *const blocks = new ReadyBlocks;
    return *blocks;
}

char *ReadyBlocks::map(qsizetype bytes, Making making)
{
#if defined(Q_OS_LINUX)
    const auto length = size_t(bytes);
    // Twice the room, to cut a block aligned to a huge page out of it.
    const size_t spare =
        making == Making::Prepared && length >= size_t(hugePageBytes) ? size_t(hugePageBytes) : 0;
    void *mapped =
        ::mmap(nullptr, length + spare, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (mapped == MAP_FAILED)
        throw std::bad_alloc();
    auto *block = static_cast<char *>(mapped);
    if (spare) {
        auto *const aligned = reinterpret_cast<char *>((reinterpret_cast<std::uintptr_t>(block) + spare - 1) &
                                                       ~std::uintptr_t(spare - 1));
        if (aligned != block)
            ::munmap(block, size_t(aligned - block));
        if (const size_t tail = size_t(block + length + spare - (aligned + length)))
            ::munmap(aligned + length, tail);
        block = aligned;
        // Only a hint: where the kernel has no huge page to give, the block has 4 KiB pages.
        ::madvise(block, length, MADV_HUGEPAGE);
    }
    // Mapped in one call rather than one fault a page at first write. A kernel before 5.14 refuses.
    if (making == Making::Prepared && ::madvise(block, length, MADV_POPULATE_WRITE) != 0)
        touch(block, bytes);
    return block;
#else
    auto *memory = static_cast<char *>(std::malloc(size_t(bytes)));
    if (!memory)
        throw std::bad_alloc();
    if (making == Making::Prepared)
        touch(memory, bytes);
    return memory;
#endif
}

void ReadyBlocks::unmap(char *memory, qsizetype bytes)
{
#if defined(Q_OS_LINUX)
    ::munmap(memory, size_t(bytes));
#else
    Q_UNUSED(bytes);
    std::free(memory);
#endif
}

std::shared_ptr<char> ReadyBlocks::make(qsizetype bytes)
{
    return {map(bytes, Making::OnFirstWrite), [bytes](char *memory) { unmap(memory, bytes); }};
}

std::shared_ptr<char> ReadyBlocks::take()
{
    char *block = nullptr;
    {
        std::lock_guard lock(m_mutex);
        if (!m_thread.joinable())
            m_thread = std::thread([this] { run(); });
        std::deque<char *> &from = m_ready.empty() ? m_spares : m_ready;
        if (!from.empty()) {
            block = from.front();
            from.pop_front();
        } else {
            ++m_mappedOnTake;
        }
    }
    m_wanted.notify_one();
    return {block ? block : map(blockBytes, Making::OnFirstWrite),
            [](char *memory) { instance().giveBack(memory); }};
}

void ReadyBlocks::giveBack(char *block)
{
    {
        std::lock_guard lock(m_mutex);
        if (m_ready.size() < maxKept) {
            // Last in, first out: the block most recently written is the likeliest still in a cache.
            m_ready.push_front(block);
            return;
        }
    }
    unmap(block, blockBytes);
}

size_t ReadyBlocks::readyNow()
{
    std::lock_guard lock(m_mutex);
    return m_ready.size();
}

size_t ReadyBlocks::sparesNow()
{
    std::lock_guard lock(m_mutex);
    return m_spares.size();
}

size_t ReadyBlocks::mappedOnTake()
{
    std::lock_guard lock(m_mutex);
    return m_mappedOnTake;
}

void ReadyBlocks::run()
{
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_wanted.wait(lock, [this] { return m_spares.size() < sparesKept || m_ready.size() < readyCount; });
        // Spares first: a mapping costs microseconds, and a burst of takes may be under way.
        const bool spare = m_spares.size() < sparesKept;
        lock.unlock();
        char *block = nullptr;
        try {
            block = map(blockBytes, spare ? Making::OnFirstWrite : Making::Prepared);
#if defined(Q_OS_LINUX)
            // Where the kernel gives huge pages to every mapping ("always"), a spare's first write on the
            // log's thread would zero and perhaps compact one: 4 KiB pages, as the comment on Making says.
            if (spare)
                ::madvise(block, size_t(blockBytes), MADV_NOHUGEPAGE);
#endif
        } catch (const std::bad_alloc &) {
            // The log's own take() will say so; nothing to prepare now.
        }
        lock.lock();
        if (!block)
            m_wanted.wait(lock); // until the next take(): no busy retry while memory is short
        else
            (spare ? m_spares : m_ready).push_back(block);
    }
}

} // namespace xcm
