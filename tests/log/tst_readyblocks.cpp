// SPDX-License-Identifier: GPL-3.0-or-later
// The stanza log's block supplier: whole, distinct, writable blocks, the next ones prepared on its
// thread after the first is taken, never more than readyCount of them prepared, and a block let go
// taken again next.
#include "readyblocks.h"

#include <QTest>

#include <algorithm>
#include <cstring>
#include <thread>

using namespace xcm;

class TestReadyBlocks : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void preparesBlocksAheadWithinItsBound();
    void blocksAreWholeAndDistinct();
    void aBlockLetGoIsTakenNext();
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

QTEST_GUILESS_MAIN(TestReadyBlocks)
#include "tst_readyblocks.moc"
