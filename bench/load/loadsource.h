// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "contenderprocess.h"
#include "machinecpu.h"
#include "serverstream.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <atomic>
#include <chrono>
#include <thread>

namespace xcm::bench {

using Clock = std::chrono::steady_clock;

struct LoadOptions
{
    qint64 messages = 200'000;
    QString domain;
    QString secret;
    quint16 port = 0; // 0: any free port
    std::chrono::seconds timeout{120};
    // The contender to start once the port is known ("{port}" in an argument is replaced); empty: wait
    // for a connection from a peer started by hand.
    QStringList command;
    QString childLog; // the contender's stdout and stderr; empty: inherited
};

struct LoadResult
{
    bool ok = false;
    QString failure;
    qint64 stanzas = 0;
    qint64 bytes = 0;
    double seconds = 0;      // first message byte written → reply with id='last' parsed
    double writeSeconds = 0; // first → last message byte accepted by the kernel
    qint64 peerMaxRssKb = -1;
    // User + system CPU time of the contender over its whole life: unlike the wall-clock rate it
    // barely moves when other work shares the machine.
    double peerCpuSeconds = -1;
    int peerExitCode = -1; // -1: not started here, or killed
    // The whole machine's busy CPU time over `seconds` (MachineCpu): the load source, the contender and
    // anything on its path (a proxy), start-up excluded; -1 when /proc/stat was unreadable.
    double machineCpuSeconds = -1;
    double machineStealSeconds = -1; // what the hypervisor took meanwhile (MachineCpu)
};

// The server side of XEP-0114 on 127.0.0.1, as fast as the kernel takes bytes: opens the stream with an
// id, verifies the handshake (ServerStream), then writes the pre-generated messages from a second thread
// while this one waits for the component's answer to the last one.
class LoadSource
{
public:
    explicit LoadSource(LoadOptions options);
    ~LoadSource();
    LoadSource(const LoadSource &) = delete;
    LoadSource &operator=(const LoadSource &) = delete;

    LoadResult run();

private:
    void writeMessages();
    void finishPeer(LoadResult *result);

    LoadOptions m_options;
    QByteArray m_messages;
    ContenderProcess m_contender;
    ServerStream m_stream{m_contender};

    std::thread m_writer;
    std::atomic<qint64> m_writeStartNs{0};
    std::atomic<qint64> m_writeEndNs{0};
    MachineCpu::Sample m_machineAtStart; // written by the writer thread before its first byte
    std::atomic<int> m_writeErrno{0};
};

} // namespace xcm::bench
