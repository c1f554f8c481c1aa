// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QTimer>

#include <vector>

namespace xcm {

class ComponentConnection;

// Stanzas per second in and out (and errors among them) over the last minutes, in a ring of one-second
// buckets. A stanza costs an increment: the ticker closes the current second once a second, so the
// stanza path never reads a clock.
class TrafficCounter : public QObject
{
    Q_OBJECT
public:
    struct Bucket
    {
        quint32 in = 0;
        quint32 out = 0;
        quint32 errors = 0;
    };

    explicit TrafficCounter(int seconds = 300, QObject *parent = nullptr);
    ~TrafficCounter() override;

    // Counts `connection`'s stanzas and starts the once-a-second ticker.
    void follow(ComponentConnection *connection);

    // Nothing but an increment: whether a stanza is an error costs a look at its attributes, so errors
    // come from whoever looks anyway (the stanza log), through countErrors().
    void countIn() { ++m_current.in; }
    void countOut() { ++m_current.out; }
    void countErrors(int count) { m_current.errors += quint32(count); }

    // Closes the current second into the ring (the ticker does this; tests call it directly).
    void tick();

    int capacity() const { return int(m_ring.size()); }
    // The closed seconds, oldest first (fewer than capacity() until the ring has filled).
    int size() const { return m_filled; }
    Bucket at(int index) const;
    // The last closed second.
    Bucket current() const;
    // The busiest second in the ring (in + out), and its numbers.
    Bucket peak() const;
    quint64 totalIn() const { return m_totalIn; }
    quint64 totalOut() const { return m_totalOut; }

Q_SIGNALS:
    // A second was closed (at most once a second): what a graph repaints on.
    void ticked();

private:
    std::vector<Bucket> m_ring;
    int m_next = 0; // where the next closed second goes
    int m_filled = 0;
    Bucket m_current;
    quint64 m_totalIn = 0;
    quint64 m_totalOut = 0;
    QTimer m_ticker;
};

} // namespace xcm
