// SPDX-License-Identifier: GPL-3.0-or-later
#include "loadsource.h"

#include "benchmessages.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>

#include <sys/socket.h>

using namespace Qt::StringLiterals;

namespace xcm::bench {

namespace {

constexpr auto streamNs = u"http://etherx.jabber.org/streams";

qint64 nowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now().time_since_epoch()).count();
}

QString errnoText(const char *what, int error)
{
    return QString::fromLatin1(what) + u": "_s + QString::fromLocal8Bit(std::strerror(error));
}

} // namespace

LoadSource::LoadSource(LoadOptions options)
    : m_options(std::move(options))
{}

LoadSource::~LoadSource()
{
    if (m_writer.joinable()) {
        if (m_stream.socket() >= 0)
            ::shutdown(m_stream.socket(),
                       SHUT_RDWR); // unblocks a writer stuck on a peer that stopped reading
        m_writer.join();
    }
}

LoadResult LoadSource::run()
{
    LoadResult result;
    // Every byte exists before the clock starts, so that generating them is never part of the race.
    m_messages = chatMessages(m_options.messages, m_options.domain);
    result.bytes = m_messages.size();
    m_stream.startTimeout(m_options.timeout);

    QString failure;
    const auto fail = [&](const QString &reason) {
        result.failure = reason;
        finishPeer(&result);
        return result;
    };
    if (!m_stream.listen(m_options.port, &failure))
        return fail(failure);
    if (m_options.command.isEmpty()) {
        std::fprintf(stderr, "xcm-bench-load: listening on 127.0.0.1:%u for a component '%s'\n",
                     m_stream.port(), qPrintable(m_options.domain));
    } else if (!m_contender.start(m_options.command, m_stream.port(), m_options.childLog, &failure)) {
        return fail(failure);
    }
    if (!m_stream.accept(&failure) || !m_stream.authenticate(m_options.domain, m_options.secret, &failure))
        return fail(failure);

    m_writer = std::thread([this] { writeMessages(); });

    const QString bot = botJid(m_options.domain);
    ServerStream::Event event;
    MachineCpu::Sample machineAtEnd;
    for (;;) {
        if (!m_stream.nextEvent(&event, &failure)) {
            if (m_writeErrno)
                failure += u" (writing: "_s + errnoText("send", m_writeErrno) + u')';
            return fail(failure);
        }
        if (event.kind == ServerStream::EventKind::Closed)
            return fail(u"the component closed its stream without answering id='last'"_s);
        const ServerStream::Element &element = event.element;
        if (element.name == u"error" && element.namespaceUri == streamNs)
            return fail(u"the component sent a stream error"_s);
        if (element.name != u"message" || element.attributes.value(u"id"_s) != u"last")
            continue;
        const qint64 endNs = nowNs();
        machineAtEnd = MachineCpu::now();
        m_contender.samplePeakMemory(true);
        result.seconds = double(endNs - m_writeStartNs.load()) / 1e9;
        const QString body = element.body.trimmed();
        bool numeric = false;
        result.stanzas = body.toLongLong(&numeric);
        if (!numeric)
            return fail(u"the answer's body is '%1', not a count"_s.arg(body.left(80)));
        if (element.attributes.value(u"from"_s) != bot)
            return fail(u"the answer is from '%1', not %2"_s.arg(element.attributes.value(u"from"_s), bot));
        if (result.stanzas != m_options.messages)
            return fail(
                u"the component counted %1 messages of %2"_s.arg(result.stanzas).arg(m_options.messages));
        break;
    }

    m_writer.join();
    result.machineCpuSeconds = MachineCpu::busySeconds(m_machineAtStart, machineAtEnd);
    result.machineStealSeconds = MachineCpu::stealSeconds(m_machineAtStart, machineAtEnd);
    result.writeSeconds = double(m_writeEndNs.load() - m_writeStartNs.load()) / 1e9;
    result.ok = true;
    m_stream.sendAll("</stream:stream>", &failure);
    ::shutdown(m_stream.socket(), SHUT_WR);
    finishPeer(&result);
    return result;
}

void LoadSource::writeMessages()

{
    // Large writes: the kernel takes what the socket buffer has room for and the peer's reading speed
    // sets the pace, which is the point.
    constexpr qsizetype chunk = 1024 * 1024;
    const char *data = m_messages.constData();
    const qsizetype size = m_messages.size();
    qsizetype sent = 0;
    m_machineAtStart = MachineCpu::now();
    m_writeStartNs = nowNs();
    while (sent < size) {
        const ssize_t n =
            ::send(m_stream.socket(), data + sent, size_t(std::min(chunk, size - sent)), MSG_NOSIGNAL);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            m_writeErrno = errno;
            return;
        }
        sent += n;
    }
    m_writeEndNs = nowNs();
}

void LoadSource::finishPeer(LoadResult *result)
{
    if (m_writer.joinable()) {
        if (m_stream.socket() >= 0)
            ::shutdown(m_stream.socket(), SHUT_RDWR);
        m_writer.join();
    }
    // The contender should close and exit on its own; drain what it still sends meanwhile so that it
    // never blocks on a full socket.
    m_contender.finishRun(result, [this] { m_stream.discardIncoming(10); });
}

} // namespace xcm::bench
