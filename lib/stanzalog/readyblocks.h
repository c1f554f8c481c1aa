// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>

namespace xcm {

// Memory blocks for the stanza log's WireArena, made ready ahead of need on a thread of their own. The
// first write to a fresh page is the expensive part of new memory: on this project's VM about 4.6 µs a
// 4 KiB page even after MAP_POPULATE (the hypervisor maps the page then), 0.28 µs a 250-byte row, a
// fifth of the window's time under a flood. A block is therefore one 2 MiB huge page where the kernel
// grants it (transparent huge pages, "madvise" mode as Debian ships it), prefaulted whole: 256 MB took
// 19 ms so against 490 ms in 4 KiB pages (bench/README.md, "Fresh pages"). And a thread writes
// each page of the next blocks first, so the window's thread takes them ready. A block a log lets go
// comes back for the next one (a log at its row cap takes a block for each it drops) rather than going
// back to the system. One supplier serves every log of the process and keeps a few blocks at most
// (8 MiB), so it costs little where nothing floods. It also keeps spare blocks mapped and never written
// (64 MiB of address space, no memory) for a take() that finds none ready: mapping memory takes the
// process's memory-map lock for writing, which waits while the supplier faults in a huge page (a few ms
// on this VM), so twenty logs filling their blocks at once froze the window for 55-95 ms, one wait a
// log. Letting a block go when enough are kept (munmap) and a large stanza's block still map on the
// log's thread; neither comes in bursts.
class ReadyBlocks
{
public:
    static constexpr qsizetype hugePageBytes = 2 * 1024 * 1024; // x86-64 and most arm64 kernels
    static constexpr qsizetype blockBytes = hugePageBytes;
    // Blocks the thread keeps prepared; blocks given back are kept up to twice that.
    static constexpr size_t readyCount = 2;
    static constexpr size_t maxKept = 2 * readyCount;
    // Blocks mapped ahead but not prepared, for the takes that find none ready: enough for a burst from
    // twenty-odd logs at once (the window's benchmark runs twenty), 64 MiB of addresses.
    static constexpr size_t sparesKept = 32;

    // Never destroyed: a block may come back at any time, even while the process exits.
    static ReadyBlocks &instance();
    ReadyBlocks(const ReadyBlocks &) = delete;
    ReadyBlocks &operator=(const ReadyBlocks &) = delete;

    // A block of blockBytes: a ready one if there is one, else one made now; the next is prepared
    // meanwhile. It comes back here when the last owner lets it go. Throws std::bad_alloc when there
    // is no memory.
    std::shared_ptr<char> take();
    // A block of `bytes` made now, given back to the system when let go (one stanza larger than half a
    // block).
    static std::shared_ptr<char> make(qsizetype bytes);
    // Blocks prepared or given back, and not yet taken.
    size_t readyNow();
    // Spare blocks mapped and not yet taken.
    size_t sparesNow();
    // How many takes found neither a ready block nor a spare, and mapped one themselves.
    size_t mappedOnTake();

private:
    ReadyBlocks() = default;
    ~ReadyBlocks() = default;
    void run();
    void giveBack(char *block);
    // How a block is made. Prepared, on the supplier's thread: in a huge page where the kernel grants
    // one, every page mapped now (finding a huge page may compact memory, and the first write to memory
    // the VM has not backed lately took 11 ms a block). OnFirstWrite, a spare or a large stanza's block:
    // in 4 KiB pages that come as the log writes them, so the log's thread never waits on either at once.
    enum class Making
    {
        Prepared,
        OnFirstWrite
    };
    static char *map(qsizetype bytes, Making making);
    static void unmap(char *memory, qsizetype bytes);

    std::mutex m_mutex;
    std::condition_variable m_wanted;
    std::deque<char *> m_ready;
    std::deque<char *> m_spares;
    size_t m_mappedOnTake = 0;
    std::thread m_thread; // started at the first take(), never joined
};

} // namespace xcm
