// SPDX-License-Identifier: GPL-3.0-or-later
// The stanza log's block supplier: whole, distinct, writable blocks, the next ones prepared on its
// thread after the first is taken, never more than readyCount of them prepared, a block let go taken
// again next, and on Linux each prepared block aligned to a huge page, marked for one and mapped in
// whole, a block made on the log's thread not marked, and a burst of takes served without mapping on
// the log's thread.
#include "readyblocks.h"

#include <QFile>
#include <QTest>

#include <algorithm>
#include <cstring>
#include <thread>

#if defined(Q_OS_LINUX)
#include <sys/mman.h>
#include <unistd.h>
#endif

using namespace xcm;

namespace {

// Every block kept now, and one more: held, the next take() is one the thread prepares meanwhile (not one
// an earlier test gave back, written by it).
std::vector<std::shared_ptr<char>> takeAllKept()
{
    std::vector<std::shared_ptr<char>> held;
    while (held.size() <= ReadyBlocks::maxKept)
        held.push_back(ReadyBlocks::instance().take());
    return held;
}

// A block the thread prepared while every kept one was held (in `held`, for as long as the caller needs
// them away): not one an earlier test gave back. Null when none is prepared in time.
std::shared_ptr<char> takeFreshlyPrepared(std::vector<std::shared_ptr<char>> &held)
{
    ReadyBlocks &blocks = ReadyBlocks::instance();
    held = takeAllKept();
    if (!QTest::qWaitFor([&blocks] { return blocks.readyNow() == ReadyBlocks::readyCount; }))
        return {};
    return blocks.take();
}

// The "VmFlags:" line of the mapping that holds `address` (/proc/self/smaps), or nothing.
QByteArray vmFlagsOf(const void *address)
{
    const auto at = reinterpret_cast<quintptr>(address);
    QFile smaps(u"/proc/self/smaps"_qs);
    if (!smaps.open(QIODevice::ReadOnly | QIODevice::Text))
        return {};
    bool inMapping = false;
    // Read whole: /proc files say they are empty, so atEnd() holds from the start.
    for (const QByteArray &untrimmed : smaps.readAll().split('\n')) {
        const QByteArray line = untrimmed.trimmed();
        if (const qsizetype dash = line.indexOf('-'); dash > 0 && line.indexOf(' ') > dash) {
            bool ok = false;
            const quintptr from = line.left(dash).toULongLong(&ok, 16);
            const quintptr to = line.mid(dash + 1, line.indexOf(' ') - dash - 1).toULongLong(&ok, 16);
            inMapping = ok && from <= at && at < to;
        } else if (inMapping && line.startsWith("VmFlags:")) {
            return line;
        }
    }
    return {};
}

} // namespace

class TestReadyBlocks : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void preparesBlocksAheadWithinItsBound();
    void blocksAreWholeAndDistinct();
    void aBlockLetGoIsTakenNext();
    void blocksAskForHugePages();
    void aPreparedBlockComesMapped();
    void aBurstOfTakesMapsNothingOnTheLogsThread();
};

void TestReadyBlocks::preparesBlocksAheadWithinItsBound()
{
    ReadyBlocks &blocks = ReadyBlocks::instance();
    QCOMPARE(blocks.readyNow(), size_t(0)); // nothing before a log asks
    const std::shared_ptr<char> first = blocks.take();
    QVERIFY(first);
    QTRY_COMPARE(blocks.readyNow(), ReadyBlocks::readyCount);
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    QCOMPARE(blocks.readyNow(), ReadyBlocks::readyCount); // and no more
    const std::shared_ptr<char> second = blocks.take();   // one of the ready ones
    QVERIFY(second);
    QTRY_COMPARE(blocks.readyNow(), ReadyBlocks::readyCount); // made up again
}

void TestReadyBlocks::blocksAreWholeAndDistinct()
{
    std::vector<std::shared_ptr<char>> taken;
    for (int n = 0; n < 3 * int(ReadyBlocks::readyCount); ++n) {
        taken.push_back(ReadyBlocks::instance().take());
        char *block = taken.back().get();
        QVERIFY(block);
        std::memset(block, 'a' + n % 26, size_t(ReadyBlocks::blockBytes));
    }
    for (size_t n = 0; n < taken.size(); ++n) {
        const char *block = taken.at(n).get();
        const char expected = char('a' + n % 26);
        QVERIFY(std::all_of(block, block + ReadyBlocks::blockBytes, [&](char c) { return c == expected; }));
    }
    const std::shared_ptr<char> big = ReadyBlocks::make(3 * ReadyBlocks::blockBytes + 1);
    big.get()[3 * ReadyBlocks::blockBytes] = 'z';
    QCOMPARE(big.get()[3 * ReadyBlocks::blockBytes], 'z');
}

void TestReadyBlocks::aBlockLetGoIsTakenNext()
{
    ReadyBlocks &blocks = ReadyBlocks::instance();
    const char *address = nullptr;
    {
        const std::shared_ptr<char> block = blocks.take();
        address = block.get();
        QTRY_VERIFY(blocks.readyNow() >= ReadyBlocks::readyCount);
    }
    QVERIFY(blocks.readyNow() <= ReadyBlocks::maxKept);
    const std::shared_ptr<char> again = blocks.take();
    QCOMPARE(static_cast<const void *>(again.get()), static_cast<const void *>(address));
}

void TestReadyBlocks::blocksAskForHugePages()
{
#if defined(Q_OS_LINUX)
    std::vector<std::shared_ptr<char>> held;
    const std::shared_ptr<char> prepared = takeFreshlyPrepared(held);
    QVERIFY(prepared);
    const auto address = reinterpret_cast<quintptr>(prepared.get());
    QCOMPARE(address % ReadyBlocks::hugePageBytes, quintptr(0));
    // Whether the kernel grants one depends on its settings; that the block asked is in its mapping's
    // flags ("hg": madvise(MADV_HUGEPAGE)).
    const QByteArray flags = vmFlagsOf(prepared.get());
    QVERIFY2(flags.split(' ').contains("hg"), flags.constData());
    // A block made on the log's thread does not ask: finding a huge page may compact memory.
    const std::shared_ptr<char> large = ReadyBlocks::make(3 * ReadyBlocks::blockBytes + 1);
    const QByteArray largeFlags = vmFlagsOf(large.get());
    QVERIFY2(largeFlags.startsWith("VmFlags:"), largeFlags.constData());
    QVERIFY2(!largeFlags.split(' ').contains("hg"), largeFlags.constData());
#else
    QSKIP("huge pages are asked for on Linux only");
#endif
}

void TestReadyBlocks::aPreparedBlockComesMapped()
{
#if defined(Q_OS_LINUX)
    std::vector<std::shared_ptr<char>> held;
    const std::shared_ptr<char> prepared = takeFreshlyPrepared(held);
    QVERIFY(prepared);
    // Every page in memory already: the log's first write to it takes no page fault.
    const auto pageBytes = size_t(::sysconf(_SC_PAGESIZE));
    std::vector<unsigned char> resident(size_t(ReadyBlocks::blockBytes) / pageBytes);
    QCOMPARE(::mincore(prepared.get(), size_t(ReadyBlocks::blockBytes), resident.data()), 0);
    const auto mapped =
        std::count_if(resident.begin(), resident.end(), [](unsigned char page) { return page & 1; });
    QCOMPARE(size_t(mapped), resident.size());
#else
    QSKIP("where pages come from is looked at on Linux only");
#endif
}

void TestReadyBlocks::aBurstOfTakesMapsNothingOnTheLogsThread()
{
    // Twenty logs filling their blocks at once: more takes than blocks ready, each served by a spare
    // mapped ahead, none by a mapping of its own (which waits for the supplier's huge-page faults).
    ReadyBlocks &blocks = ReadyBlocks::instance();
    const std::shared_ptr<char> first = blocks.take(); // the supplier starts with the first
    QTRY_COMPARE(blocks.sparesNow(), ReadyBlocks::sparesKept);
    QTRY_VERIFY(blocks.readyNow() >= ReadyBlocks::readyCount);
    constexpr size_t twentyLogs = 20;
    static_assert(twentyLogs > ReadyBlocks::maxKept &&
                  twentyLogs <= ReadyBlocks::readyCount + ReadyBlocks::sparesKept);
    const size_t mappedBefore = blocks.mappedOnTake();
    std::vector<std::shared_ptr<char>> burst;
    for (size_t n = 0; n < twentyLogs; ++n)
        burst.push_back(blocks.take());
    QCOMPARE(blocks.mappedOnTake(), mappedBefore);
    for (const std::shared_ptr<char> &block : burst) { // whole and writable, like any other
        block.get()[0] = 'a';
        block.get()[ReadyBlocks::blockBytes - 1] = 'z';
    }
    QTRY_COMPARE(blocks.sparesNow(), ReadyBlocks::sparesKept); // and made up again
}

QTEST_GUILESS_MAIN(TestReadyBlocks)
#include "tst_readyblocks.moc"
