// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

#include <chrono>
#include <functional>

#include <sys/types.h>

namespace xcm::bench {

// The contender a load source races: one child process, started with the listening port filled into
// its command line, watched for its peak memory while it works and reaped with its CPU time.
class ContenderProcess
{
public:
    ContenderProcess() = default;
    // Kills a contender still running: a failed run must not leave it behind.
    ~ContenderProcess();
    ContenderProcess(const ContenderProcess &) = delete;
    ContenderProcess &operator=(const ContenderProcess &) = delete;

    // Starts `command`, "{port}" in any argument replaced by `port`; its standard input is /dev/null,
    // its output goes to `log` (empty: inherited).
    bool start(const QStringList &command, quint16 port, const QString &log, QString *failure);
    bool isStarted() const { return m_pid > 0; }

    // Whether it has exited (and was reaped now or before). Never blocks.
    bool exited();
    // Reads its VmHWM (peak RSS of its own address space) from /proc, at most every 10 ms unless
    // `force`. wait4()'s ru_maxrss cannot be used: Linux keeps the high-water mark of the image replaced
    // by exec, which is the load source with all its messages, copied by fork().
    void samplePeakMemory(bool force = false);

    // Gives it `grace` to exit on its own, calling `whileWaiting` (which should return within about
    // 10 ms, e.g. drain its socket) meanwhile, then kills it. Returns why the run cannot count ("did not
    // exit", "exited with status 3"), empty when it exited 0 on its own.
    QString finish(std::chrono::seconds grace, const std::function<void()> &whileWaiting);

    // finish() for a run (a 15 s grace, `drain` meanwhile) that reports into `result`: a contender that
    // did not end well fails a run that had not failed yet; its exit status, peak RSS and CPU time go in
    // result->peerExitCode, peerMaxRssKb and peerCpuSeconds. Nothing when it was never started.
    template<typename Result> void finishRun(Result *result, const std::function<void()> &drain)
    {
        if (!isStarted())
            return;
        const QString problem = finish(std::chrono::seconds(15), drain);
        if (result->ok && !problem.isEmpty()) {
            result->ok = false;
            result->failure = problem;
        }
        result->peerExitCode = exitStatus();
        result->peerMaxRssKb = peakRssKb();
        result->peerCpuSeconds = cpuSeconds();
    }

    int exitStatus() const { return m_status; } // -1: not started here, or killed
    qint64 peakRssKb() const { return m_peakRssKb; }
    // User + system CPU time over its whole life, its reaped children included: unlike a wall-clock
    // rate it barely moves when other work shares the machine.
    double cpuSeconds() const { return m_cpuSeconds; }

private:
    void kill();

    pid_t m_pid = -1;
    bool m_reaped = false;
    int m_status = -1;
    qint64 m_peakRssKb = -1;
    double m_cpuSeconds = -1;
    std::chrono::steady_clock::time_point m_lastSample;
};

} // namespace xcm::bench
