// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "contenderprocess.h"
#include "serverstream.h"

#include <QString>

#include <atomic>
#include <chrono>
#include <memory>
#include <thread>
#include <vector>

namespace xcm::bench {

// The server side of XEP-0114 for many components at once: one listening port per component
// (domain i: p01.bench.localhost, …), and after each handshake a thread that sends that component chat
// messages at a steady rate (message k at its handshake + k / rate, on the monotonic clock). The
// streams stay open after the last message until stop(), so that the component can count what it got.
class FanOutSource
{
public:
    struct Options
    {
        int streams = 20;
        double rate = 500;        // messages per second, each stream
        qint64 messages = 30'000; // each stream
        QString secret;
        std::chrono::seconds timeout{60}; // for each component to connect and authenticate
    };
    // One stream's run, once it is over.
    struct StreamResult
    {
        QString failure; // empty: every message was written
        qint64 sent = 0;
        double maxLatenessMs = 0; // how far the writer ran behind its schedule, at worst
        qint64 lateSends = 0;     // messages written more than 5 ms after they were due
    };

    explicit FanOutSource(Options options);
    ~FanOutSource();
    FanOutSource(const FanOutSource &) = delete;
    FanOutSource &operator=(const FanOutSource &) = delete;

    static QString domainOf(int stream);
    // Binds every port; their numbers in stream order, or empty with `failure` set.
    std::vector<quint16> listen(QString *failure);
    // Starts the threads that accept, authenticate and send.
    void start();
    // Closes every stream and waits for the threads; then results() is final.
    void stop();
    const std::vector<StreamResult> &results() const { return m_results; }

private:
    void serve(int stream);

    Options m_options;
    ContenderProcess m_noProcess; // the components are the parent's: nothing to start or watch here
    std::vector<std::unique_ptr<ServerStream>> m_streams;
    std::vector<StreamResult> m_results;
    std::vector<std::thread> m_threads;
    std::atomic<bool> m_stopping{false};
};

} // namespace xcm::bench
