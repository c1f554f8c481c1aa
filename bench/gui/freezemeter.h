// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QTimer>

namespace xcm::bench {

// How long the UI thread stops answering: a 10 ms timer on the GUI event loop, and the largest delay
// of any tick past its due time. A window that keeps up with traffic keeps this near the interval's
// jitter; a log that blocks the loop (a huge insert, a model reset, a synchronous repaint of
// everything) shows up as one long tick.
class FreezeMeter : public QObject
{
    Q_OBJECT
public:
    explicit FreezeMeter(int intervalMs = 10, QObject *parent = nullptr);

    void start();
    void stop();
    bool isRunning() const { return m_timer.isActive(); }
    double maxLatenessMs() const { return double(m_maxLatenessNs) / 1e6; }
    quint64 ticks() const { return m_ticks; }
    // Seconds since start(), on the clock the freezes are timed by.
    double elapsedSeconds() const { return double(m_clock.nsecsElapsed()) / 1e9; }
    // Ticks that came more than 50 ms late: each one is a freeze a person notices.
    quint64 longFreezes() const { return m_longFreezes; }
    struct Freeze
    {
        double ms;            // how late the tick came
        double endedAtS;      // seconds since start() when it ended
        double monotonicEndS; // CLOCK_MONOTONIC when it ended: `perf record -k CLOCK_MONOTONIC` time
    };
    // The first few of them, to find in a profile what the loop was doing.
    const QList<Freeze> &longFreezeList() const { return m_freezes; }

private:
    void onTick();

    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_intervalNs;
    qint64 m_lastNs = 0;
    qint64 m_maxLatenessNs = 0;
    quint64 m_ticks = 0;
    quint64 m_longFreezes = 0;
    QList<Freeze> m_freezes;
};

} // namespace xcm::bench
