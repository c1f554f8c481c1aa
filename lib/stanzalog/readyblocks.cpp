// SPDX-License-Identifier: GPL-3.0-or-later
#include "readyblocks.h"

#include <cstdlib>
#include <new>

#if defined(Q_OS_LINUX)
#include <sys/mman.h>
#include <unistd.h>
#endif

namespace xcm {

namespace {

// Writes every page of a block once, so that later writes find it backed.
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
    static ReadyBlocks blocks;
    return blocks;
}

ReadyBlocks::~ReadyBlocks()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wanted.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

std::shared_ptr<char> ReadyBlocks::make(qsizetype bytes)
{
#if defined(Q_OS_LINUX)
    // Mapped with its pages in one call, not one page fault per 4 KiB as they are first written.
    void *mapped = ::mmap(nullptr, size_t(bytes), PROT_READ | PROT_WRITE,
                          MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0);
    if (mapped == MAP_FAILED)
        throw std::bad_alloc();
    return {static_cast<char *>(mapped), [bytes](char *memory) { ::munmap(memory, size_t(bytes)); }};
#else
    auto *memory = static_cast<char *>(std::malloc(size_t(bytes)));
    if (!memory)
        throw std::bad_alloc();
    return {memory, [](char *memory) { std::free(memory); }};
#endif
}

std::shared_ptr<char> ReadyBlocks::take()
{
    std::shared_ptr<char> block;
    {
        std::lock_guard lock(m_mutex);
        if (!m_started) {
            m_started = true;
            m_thread = std::thread([this] { run(); });
        }
        if (!m_ready.empty()) {
            block = std::move(m_ready.front());
            m_ready.pop_front();
        }
    }
    m_wanted.notify_one();
    return block ? block : make(blockBytes);
}

size_t ReadyBlocks::readyNow()
{
    std::lock_guard lock(m_mutex);
    return m_ready.size();
}

void ReadyBlocks::run()
{
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_wanted.wait(lock, [this] { return m_stopping || m_ready.size() < readyCount; });
        if (m_stopping)
            return;
        lock.unlock();
        std::shared_ptr<char> block;
        try {
            block = make(blockBytes);
            touch(block.get(), blockBytes);
        } catch (const std::bad_alloc &) {
            // The log's own take() will say so; nothing to prepare now.
        }
        lock.lock();
        if (!block)
            m_wanted.wait(lock); // until the next take(): no busy retry while memory is short
        else
            m_ready.push_back(std::move(block));
    }
}

} // namespace xcm
