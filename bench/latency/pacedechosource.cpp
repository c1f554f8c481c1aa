// SPDX-License-Identifier: GPL-3.0-or-later
#include "pacedechosource.h"

#include "benchmessages.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <ctime>

#include <sys/socket.h>

using namespace Qt::StringLiterals;

namespace xcm::bench {

namespace {

using Clock = ServerStream::Clock;

constexpr auto streamNs = u"http://etherx.jabber.org/streams";

qint64 nanoseconds(Clock::time_point time)
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(time.time_since_epoch()).count();
}

// Sleeps until `ns` on the monotonic clock (steady_clock's on Linux): an absolute wake-up, so that the
// schedule does not drift by the time each send takes.
void sleepUntil(qint64 ns)
{
    const timespec wake{time_t(ns / 1'000'000'000), long(ns % 1'000'000'000)};
    while (::clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &wake, nullptr) == EINTR) {
    }
}

} // namespace

PacedEchoSource::PacedEchoSource(PacedEchoOptions options)
    : m_options(std::move(options))
{}

PacedEchoSource::~PacedEchoSource()
{
    if (m_writer.joinable()) {
        m_stopWriting = true;
        if (m_stream.socket() >= 0)
            ::shutdown(m_stream.socket(), SHUT_RDWR);
        m_writer.join();
    }
}

PacedEchoResult PacedEchoSource::run()
{
    PacedEchoResult result;
    const qint64 count = m_options.messages;
    m_messages.reserve(size_t(count));
    for (qint64 i = 0; i < count; ++i) {
        m_messages.push_back(chatMessage(i, count, m_options.domain));
        result.bytes += m_messages.back().size();
    }
    m_sentNs.assign(size_t(count), 0);
    m_receivedNs.assign(size_t(count), 0);
    const auto schedule = std::chrono::seconds(qint64(std::ceil(double(count) / m_options.rate)));
    m_stream.startTimeout(schedule + m_options.timeout);

    QString failure;
    const auto fail = [&](const QString &reason) {
        result.failure = reason;
        finishPeer(&result);
        return result;
    };
    if (!m_stream.listen(m_options.port, &failure))
        return fail(failure);
    if (m_options.command.isEmpty()) {
        std::fprintf(stderr, "xcm-bench-latency: listening on 127.0.0.1:%u for a component '%s'\n",
                     m_stream.port(), qPrintable(m_options.domain));
    } else if (!m_contender.start(m_options.command, m_stream.port(), m_options.childLog, &failure)) {
        return fail(failure);
    }
    if (!m_stream.accept(&failure) || !m_stream.authenticate(m_options.domain, m_options.secret, &failure))
        return fail(failure);
    // Each message on its own, at once: the harness must not add Nagle's wait to what it measures.
    m_stream.setNoDelay();

    m_writer = std::thread([this] { writePaced(); });

    const QString bot = botJid(m_options.domain);
    ServerStream::Event event;
    qint64 echoes = 0;
    for (;;) {
        if (!m_stream.nextEvent(&event, &failure)) {
            if (m_writeErrno)
                failure += u" (writing: "_s + QString::fromLocal8Bit(std::strerror(m_writeErrno)) + u')';
            return fail(failure + u" after %1 echoes of %2"_s.arg(echoes).arg(count));
        }
        if (event.kind == ServerStream::EventKind::Closed)
            return fail(u"the component closed its stream after %1 echoes of %2"_s.arg(echoes).arg(count));
        const ServerStream::Element &element = event.element;
        if (element.name == u"error" && element.namespaceUri == streamNs)
            return fail(u"the component sent a stream error"_s);
        if (element.name != u"message")
            continue;
        const QString id = element.attributes.value(u"id"_s);
        const qint64 index = indexOf(id);
        if (index < 0)
            return fail(u"an echo with the id '%1', which no message had"_s.arg(id.left(80)));
        if (m_receivedNs[size_t(index)] != 0)
            return fail(u"a second echo of '%1'"_s.arg(id));
        if (element.attributes.value(u"from"_s) != bot)
            return fail(u"an echo from '%1', not %2"_s.arg(element.attributes.value(u"from"_s), bot));
        m_receivedNs[size_t(index)] = nanoseconds(event.received);
        ++echoes;
        if (index == count - 1)
            break;
    }
    m_contender.samplePeakMemory(true);
    m_writer.join();
    if (echoes != count)
        return fail(u"the echo of 'last' came after %1 echoes of %2"_s.arg(echoes).arg(count));

    result.stanzas = count;
    result.seconds = double(m_receivedNs.back() - m_sentNs.front()) / 1e9;
    result.roundTripsUs.reserve(size_t(count));
    for (size_t i = 0; i < size_t(count); ++i)
        result.roundTripsUs.push_back(double(m_receivedNs[i] - m_sentNs[i]) / 1e3);
    result.maxSendLatenessUs = double(m_maxLatenessNs) / 1e3;
    result.lateSends = m_lateSends;
    result.ok = true;
    m_stream.sendAll("</stream:stream>", &failure);
    ::shutdown(m_stream.socket(), SHUT_WR);
    finishPeer(&result);
    return result;
}

void PacedEchoSource::writePaced()
{
    const qint64 periodNs = qint64(1e9 / m_options.rate);
    // A millisecond of slack before the first message, so that it is on schedule like the rest.
    const qint64 startNs = nanoseconds(Clock::now()) + 1'000'000;
    for (size_t i = 0; i < m_messages.size() && !m_stopWriting; ++i) {
        const qint64 dueNs = startNs + qint64(i) * periodNs;
        sleepUntil(dueNs);
        // A late writer sends at once instead of skipping: every message counts, and lateness is reported.
        const qint64 nowNs = nanoseconds(Clock::now());
        m_maxLatenessNs = std::max(m_maxLatenessNs, nowNs - dueNs);
        if (nowNs - dueNs > 1'000'000)
            ++m_lateSends;
        m_sentNs[i] = nowNs;
        const QByteArray &message = m_messages[i];
        qsizetype sent = 0;
        while (sent < message.size()) {
            const ssize_t n = ::send(m_stream.socket(), message.constData() + sent,
                                     size_t(message.size() - sent), MSG_NOSIGNAL);
            if (n < 0) {
                if (errno == EINTR)
                    continue;
                m_writeErrno = errno;
                return;
            }
            sent += n;
        }
    }
}

qint64 PacedEchoSource::indexOf(const QString &id) const
{
    if (id == u"last")
        return m_options.messages - 1;
    bool numeric = false;
    const qint64 index = id.startsWith(u'm') ? id.sliced(1).toLongLong(&numeric) : -1;
    return numeric && index >= 0 && index < m_options.messages - 1 ? index : -1;
}

void PacedEchoSource::finishPeer(PacedEchoResult *result)
{
    if (m_writer.joinable()) {
        m_stopWriting = true;
        if (m_stream.socket() >= 0)
            ::shutdown(m_stream.socket(), SHUT_RDWR);
        m_writer.join();
    }
    // The contender should close and exit on its own; drain what it still sends meanwhile so that it
    // never blocks on a full socket.
    m_contender.finishRun(result, [this] { m_stream.discardIncoming(10); });
}

} // namespace xcm::bench
