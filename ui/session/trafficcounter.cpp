// SPDX-License-Identifier: GPL-3.0-or-later
#include "trafficcounter.h"

#include "componentconnection.h"

namespace xcm {

TrafficCounter::TrafficCounter(int seconds, QObject *parent)
    : QObject(parent)
    , m_ring(std::size_t(std::max(1, seconds)))
{
    m_ticker.setInterval(1000);
    m_ticker.setTimerType(Qt::CoarseTimer);
    connect(&m_ticker, &QTimer::timeout, this, &TrafficCounter::tick);
}

TrafficCounter::~TrafficCounter() = default;

void TrafficCounter::follow(const ComponentConnection *connection)
{
    const ComponentConnection::Counters &now = connection->counters();
    m_followed.push_back({connection, now.stanzasIn, now.stanzasOut});
    m_ticker.start();
}

void TrafficCounter::takeCounts()
{
    // A connection's counters only grow; one that went down started over (a fresh mirror).
    const auto since = [](quint64 now, quint64 seen) { return quint32(now >= seen ? now - seen : now); };
    for (Followed &followed : m_followed) {
        if (!followed.connection)
            continue;
        const ComponentConnection::Counters &now = followed.connection->counters();
        m_current.in += since(now.stanzasIn, followed.seenIn);
        m_current.out += since(now.stanzasOut, followed.seenOut);
        followed.seenIn = now.stanzasIn;
        followed.seenOut = now.stanzasOut;
    }
}

void TrafficCounter::tick()
{
    takeCounts();
    m_ring[std::size_t(m_next)] = m_current;
    m_totalIn += m_current.in;
    m_totalOut += m_current.out;
    m_current = {};
    m_next = (m_next + 1) % capacity();
    m_filled = std::min(m_filled + 1, capacity());
    Q_EMIT ticked();
}

TrafficCounter::Bucket TrafficCounter::at(int index) const
{
    if (index < 0 || index >= m_filled)
        return {};
    const int oldest = (m_next - m_filled + capacity()) % capacity();
    return m_ring[std::size_t((oldest + index) % capacity())];
}

TrafficCounter::Bucket TrafficCounter::current() const
{
    return m_filled > 0 ? at(m_filled - 1) : Bucket{};
}

TrafficCounter::Bucket TrafficCounter::peak() const
{
    Bucket best;
    for (int i = 0; i < m_filled; ++i) {
        const Bucket bucket = m_ring[std::size_t(i)];
        if (quint64(bucket.in) + bucket.out > quint64(best.in) + best.out)
            best = bucket;
    }
    return best;
}

} // namespace xcm
