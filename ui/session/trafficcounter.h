// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <vector>

namespace xcm {

class ComponentConnection;

// Stanzas per second in and out (and errors among them) over the last minutes, in a ring of one-second
// buckets. A stanza costs nothing here: once a second the ticker reads how far the followed connections'
// own stanza counters have moved, so the stanza path has no clock to read and no signal to deliver.
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

    // Counts `connection`'s stanzas from now on (ComponentConnection::counters(), which a mirror keeps
    // too) and starts the once-a-second ticker.
    void follow(const ComponentConnection *connection);

    // Whether a stanza is an error costs a look at its attributes, so errors come from whoever looks
    // anyway (the stanza log).
    void countErrors(int count) { m_current.errors += quint32(count); }

    // Closes the current second into the ring with the stanzas counted since the last tick (the ticker
    // does this; tests call it directly).
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
    struct Followed
    {
        QPointer<const ComponentConnection> connection;
        quint64 seenIn = 0; // its counters at the last tick
        quint64 seenOut = 0;
    };
    // Adds to m_current what the followed connections counted since the last look.
    void takeCounts();

    std::vector<Followed> m_followed;
    std::vector<Bucket> m_ring;
    int m_next = 0; // where the next closed second goes
    int m_filled = 0;
    Bucket m_current;
    quint64 m_totalIn = 0;
    quint64 m_totalOut = 0;
    QTimer m_ticker;
};

} // namespace xcm
