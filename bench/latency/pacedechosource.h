// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "contenderprocess.h"
#include "serverstream.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

namespace xcm::bench {

struct PacedEchoOptions
{
    qint64 messages = 10'000;
    double rate = 1000; // messages per second
    QString domain;
    QString secret;
    quint16 port = 0; // 0: any free port
    // Beyond the time the schedule takes (messages / rate).
    std::chrono::seconds timeout{30};
    // The component to start once the port is known ("{port}" in an argument is replaced).
    QStringList command;
    QString childLog; // the component's stdout and stderr; empty: inherited
};

struct PacedEchoResult
{
    bool ok = false;
    QString failure;
    qint64 stanzas = 0;
    qint64 bytes = 0;
    double seconds = 0; // first message written → echo of the last one read
    // Each message's round trip in microseconds, in sending order: from just before its send() to the
    // return of the recv() that completed its echo.
    std::vector<double> roundTripsUs;
    // How far behind its schedule the writer was (a loaded machine): the worst, and how many messages
    // went out more than a millisecond late. Large values mean the rate was not steady.
    double maxSendLatenessUs = 0;
    qint64 lateSends = 0;
    qint64 peerMaxRssKb = -1;
    double peerCpuSeconds = -1;
    int peerExitCode = -1;
};

// The server side of XEP-0114 for latency: after the handshake, a writer thread sends chat messages at
// a steady rate (message i at start + i / rate, on the monotonic clock) while this thread reads the
// component's echoes and notes when each arrived, keyed by the message's id. The echoes must all come
// back, from bot@domain, once each.
class PacedEchoSource
{
public:
    explicit PacedEchoSource(PacedEchoOptions options);
    ~PacedEchoSource();
    PacedEchoSource(const PacedEchoSource &) = delete;
    PacedEchoSource &operator=(const PacedEchoSource &) = delete;

    PacedEchoResult run();

private:
    void writePaced();
    // The index of the message an echo's id names ("m17", "last"); -1 for none.
    qint64 indexOf(const QString &id) const;
    void finishPeer(PacedEchoResult *result);

    PacedEchoOptions m_options;
    std::vector<QByteArray> m_messages;
    std::vector<qint64> m_sentNs;     // written by the writer thread, read after it joined
    std::vector<qint64> m_receivedNs; // 0: no echo yet
    ContenderProcess m_contender;
    ServerStream m_stream{m_contender};

    std::thread m_writer;
    std::atomic<int> m_writeErrno{0};
    std::atomic<bool> m_stopWriting{false};
    qint64 m_maxLatenessNs = 0; // the writer's, read after it joined
    qint64 m_lateSends = 0;
};

} // namespace xcm::bench
