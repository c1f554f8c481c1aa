// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <memory>
#include <utility>
#include <vector>

namespace xcm {

// A queue with indexed access, stored in chunks of `chunkItems`, that grows at the back and shrinks at
// the front a whole batch at a time: the stanza log's rows. std::deque does the same in chunks of 512
// bytes (libstdc++), one malloc() for every 21 rows of 24 bytes: 5 % of the window's thread under a
// flood. Here a chunk holds thousands (tens of KiB, below malloc's mmap threshold, so reused from the
// heap rather than mapped afresh). A power of two, so that indexing is a shift and a mask.
template<typename T, std::size_t chunkItems> class ChunkedQueue
{
    static_assert(chunkItems > 0 && (chunkItems & (chunkItems - 1)) == 0, "a power of two");

public:
    ChunkedQueue() = default;
    // The moved-from queue is left empty, and usable.
    ChunkedQueue(ChunkedQueue &&other) noexcept
        : m_chunks(std::exchange(other.m_chunks, {}))
        , m_head(std::exchange(other.m_head, 0))
        , m_size(std::exchange(other.m_size, 0))
    {}
    ChunkedQueue &operator=(ChunkedQueue &&other) noexcept
    {
        if (this != &other) {
            m_chunks = std::exchange(other.m_chunks, {});
            m_head = std::exchange(other.m_head, 0);
            m_size = std::exchange(other.m_size, 0);
        }
        return *this;
    }
    ChunkedQueue(const ChunkedQueue &) = delete;
    ChunkedQueue &operator=(const ChunkedQueue &) = delete;

    std::size_t size() const { return m_size; }
    bool empty() const { return m_size == 0; }

    T &operator[](std::size_t index) { return at(m_head + index); }
    const T &operator[](std::size_t index) const { return at(m_head + index); }
    T &front() { return at(m_head); }
    const T &front() const { return at(m_head); }

    void push_back(T item)
    {
        const std::size_t end = m_head + m_size;
        if (end == m_chunks.size() * chunkItems)
            m_chunks.push_back(std::make_unique<T[]>(chunkItems));
        at(end) = std::move(item);
        ++m_size;
    }

    // Removes the first `count` items (at most size()); the chunks they leave empty are freed.
    void popFront(std::size_t count)
    {
        count = count < m_size ? count : m_size;
        m_head += count;
        m_size -= count;
        const std::size_t emptied = m_size == 0 ? m_chunks.size() : m_head / chunkItems;
        m_chunks.erase(m_chunks.begin(), m_chunks.begin() + std::ptrdiff_t(emptied));
        m_head = m_size == 0 ? 0 : m_head % chunkItems;
    }

private:
    T &at(std::size_t position) { return m_chunks[position / chunkItems][position % chunkItems]; }
    const T &at(std::size_t position) const { return m_chunks[position / chunkItems][position % chunkItems]; }

    // Few (a million rows of 24 bytes in chunks of 2048 are 489): erasing at the front of a vector moves only
    // pointers.
    std::vector<std::unique_ptr<T[]>> m_chunks;
    std::size_t m_head = 0; // the first item's position in m_chunks.front()
    std::size_t m_size = 0;
};

} // namespace xcm
