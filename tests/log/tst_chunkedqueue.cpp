// SPDX-License-Identifier: GPL-3.0-or-later
// The stanza log's row queue against std::deque doing the same: appends across chunk boundaries, front
// removals of part of a chunk, exactly a chunk and everything, and a move that leaves the source empty.
#include "chunkedqueue.h"

#include <QTest>

#include <deque>

using namespace xcm;

class TestChunkedQueue : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void behavesLikeADeque();
    void aMoveLeavesTheSourceEmptyAndUsable();
};

namespace {

template<typename Queue> bool sameItems(const Queue &queue, const std::deque<int> &expected)
{
    if (queue.size() != expected.size())
        return false;
    for (size_t at = 0; at < expected.size(); ++at) {
        if (queue[at] != expected[at])
            return false;
    }
    return expected.empty() || queue.front() == expected.front();
}

} // namespace

void TestChunkedQueue::behavesLikeADeque()
{
    ChunkedQueue<int, 4> queue;
    std::deque<int> expected;
    int next = 0;
    const auto append = [&](int count) {
        for (int n = 0; n < count; ++n) {
            queue.push_back(next);
            expected.push_back(next++);
        }
    };
    const auto popFront = [&](size_t count) {
        queue.popFront(count);
        expected.erase(expected.begin(), expected.begin() + std::ptrdiff_t(std::min(count, expected.size())));
    };
    QVERIFY(queue.empty());
    append(3);
    QVERIFY(sameItems(queue, expected));
    append(6); // across two boundaries
    QVERIFY(sameItems(queue, expected));
    popFront(1); // within the first chunk
    QVERIFY(sameItems(queue, expected));
    popFront(3); // to the end of the first chunk exactly
    QVERIFY(sameItems(queue, expected));
    popFront(6); // into the third chunk
    QVERIFY(sameItems(queue, expected));
    append(7);
    QVERIFY(sameItems(queue, expected));
    popFront(100); // more than it holds
    QVERIFY(queue.empty());
    QVERIFY(sameItems(queue, expected));
    append(5);
    QVERIFY(sameItems(queue, expected));
    queue[2] = -1;
    expected[2] = -1;
    QVERIFY(sameItems(queue, expected));
}

void TestChunkedQueue::aMoveLeavesTheSourceEmptyAndUsable()
{
    ChunkedQueue<int, 4> source;
    for (int n = 0; n < 10; ++n)
        source.push_back(n);
    source.popFront(5);
    ChunkedQueue<int, 4> moved(std::move(source));
    QCOMPARE(moved.size(), size_t(5));
    QCOMPARE(moved.front(), 5);
    QCOMPARE(moved[4], 9);
    QVERIFY(source.empty()); // NOLINT(bugprone-use-after-move): what a move leaves is the point
    source.push_back(42);
    QCOMPARE(source.size(), size_t(1));
    QCOMPARE(source[0], 42);
    moved = std::move(source);
    QCOMPARE(moved.size(), size_t(1));
    QCOMPARE(moved.front(), 42);
}

QTEST_GUILESS_MAIN(TestChunkedQueue)
#include "tst_chunkedqueue.moc"
