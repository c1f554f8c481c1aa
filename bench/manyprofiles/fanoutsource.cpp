// SPDX-License-Identifier: GPL-3.0-or-later
#include "fanoutsource.h"

#include "benchmessages.h"

using namespace Qt::StringLiterals;

namespace xcm::bench {

FanOutSource::FanOutSource(Options options)
    : m_options(std::move(options))
    , m_results(size_t(m_options.streams))
{}

FanOutSource::~FanOutSource()
{
    stop();
}

QString FanOutSource::domainOf(int stream)
{
    return u"p%1.bench.localhost"_s.arg(stream + 1, 2, 10, QLatin1Char('0'));
}

std::vector<quint16> FanOutSource::listen(QString *failure)
{
    std::vector<quint16> ports;
    for (int i = 0; i < m_options.streams; ++i) {
        auto stream = std::make_unique<ServerStream>(m_noProcess);
        stream->startTimeout(m_options.timeout);
        if (!stream->listen(0, failure))
            return {};
        ports.push_back(stream->port());
        m_streams.push_back(std::move(stream));
    }
    return ports;
}

void FanOutSource::start()
{
    for (int i = 0; i < int(m_streams.size()); ++i)
        m_threads.emplace_back([this, i] { serve(i); });
}

void FanOutSource::stop()
{
    m_stopping = true;
    for (std::thread &thread : m_threads)
        thread.join();
    m_threads.clear();
}

void FanOutSource::serve(int index)
{
    using Clock = std::chrono::steady_clock;
    ServerStream &stream = *m_streams[size_t(index)];
    StreamResult &result = m_results[size_t(index)];
    const QString domain = domainOf(index);
    if (!stream.accept(&result.failure) || !stream.authenticate(domain, m_options.secret, &result.failure))
        return;
    stream.setNoDelay(); // each message goes out when it is due, as a server relays a user's message

    const auto period = std::chrono::duration<double>(1.0 / m_options.rate);
    const Clock::time_point start = Clock::now();
    for (qint64 k = 0; k < m_options.messages && !m_stopping; ++k) {
        const auto due = start + std::chrono::duration_cast<Clock::duration>(period * double(k));
        const Clock::time_point now = Clock::now();
        if (now < due) {
            std::this_thread::sleep_until(due);
        } else {
            const double lateMs = std::chrono::duration<double, std::milli>(now - due).count();
            result.maxLatenessMs = std::max(result.maxLatenessMs, lateMs);
            result.lateSends += lateMs > 5.0 ? 1 : 0;
        }
        if (!stream.sendAll(chatMessage(k, m_options.messages, domain), &result.failure))
            return;
        ++result.sent;
    }
    // Open until the component has counted everything: whatever it says meanwhile is read and dropped.
    while (!m_stopping)
        stream.discardIncoming(50);
}

} // namespace xcm::bench
