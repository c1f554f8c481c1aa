// SPDX-License-Identifier: GPL-3.0-or-later
#include "freezemeter.h"

#include <ctime>

namespace xcm::bench {

FreezeMeter::FreezeMeter(int intervalMs, QObject *parent)
    : QObject(parent)
    , m_intervalNs(qint64(intervalMs) * 1'000'000)
{
    // PreciseTimer: the default coarse timer may fire up to 5% late on purpose, which is not a freeze.
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(intervalMs);
    connect(&m_timer, &QTimer::timeout, this, &FreezeMeter::onTick);
}

void FreezeMeter::start()
{
    m_maxLatenessNs = 0;
    m_ticks = m_longFreezes = 0;
    m_freezes.clear();
    m_clock.start();
    m_lastNs = 0;
    m_timer.start();
}

void FreezeMeter::stop()
{
    if (!m_timer.isActive())
        return;
    m_timer.stop();
    // The time since the last tick counts too: a freeze that lasts until the end is still a freeze.
    const qint64 sinceLast = m_clock.nsecsElapsed() - m_lastNs;
    m_maxLatenessNs = std::max(m_maxLatenessNs, sinceLast - m_intervalNs);
}

void FreezeMeter::onTick()
{
    const qint64 now = m_clock.nsecsElapsed();
    const qint64 lateness = now - m_lastNs - m_intervalNs;
    m_lastNs = now;
    ++m_ticks;
    m_maxLatenessNs = std::max(m_maxLatenessNs, lateness);
    if (lateness > 50'000'000) {
        ++m_longFreezes;
        if (m_freezes.size() < 10) {
            timespec monotonic{};
            ::clock_gettime(CLOCK_MONOTONIC, &monotonic);
            m_freezes.append({double(lateness) / 1e6, double(now) / 1e9,
                              double(monotonic.tv_sec) + double(monotonic.tv_nsec) / 1e9});
        }
    }
}

} // namespace xcm::bench
