// SPDX-License-Identifier: GPL-3.0-or-later
#include "loadsource.h"

#include "benchmessages.h"

#include <QCryptographicHash>
#include <QRandomGenerator>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace xcm::bench {

namespace {

constexpr auto streamNs = u"http://etherx.jabber.org/streams";
constexpr auto componentNs = u"jabber:component:accept";

qint64 nowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now().time_since_epoch()).count();
}

double cpuSeconds(const rusage &usage)
{
    const auto seconds = [](const timeval &t) { return double(t.tv_sec) + double(t.tv_usec) / 1e6; };
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

QString errnoText(const char *what, int error)
{
    return QString::fromLatin1(what) + u": "_s + QString::fromLocal8Bit(std::strerror(error));
}

int millisecondsUntil(Clock::time_point deadline)
{
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
    return int(std::clamp<qint64>(left, 0, 1000));
}

} // namespace

LoadSource::LoadSource(LoadOptions options)
    : m_options(std::move(options))
{
    m_reader.setNamespaceProcessing(true);
}

LoadSource::~LoadSource()
{
    if (m_writer.joinable()) {
        if (m_fd >= 0)
            ::shutdown(m_fd, SHUT_RDWR); // unblocks a writer stuck on a peer that stopped reading
        m_writer.join();
    }
    if (m_peerPid > 0 && !m_peerReaped) {
        ::kill(m_peerPid, SIGKILL);
        ::waitpid(m_peerPid, nullptr, 0);
    }
    if (m_fd >= 0)
        ::close(m_fd);
    if (m_listenFd >= 0)
        ::close(m_listenFd);
}

LoadResult LoadSource::run()
{
    LoadResult result;
    // Every byte exists before the clock starts, so that generating them is never part of the race.
    m_messages = chatMessages(m_options.messages, m_options.domain);
    result.bytes = m_messages.size();
    m_deadline = Clock::now() + m_options.timeout;

    QString failure;
    const auto fail = [&](const QString &reason) {
        result.failure = reason;
        finishPeer(&result);
        return result;
    };
    if (!listenOnLoopback(&failure) || !startPeer(&failure) || !acceptPeer(&failure))
        return fail(failure);

    Event event;
    if (!nextEvent(&event, &failure))
        return fail(u"before the stream header: "_s + failure);
    if (event.kind != EventKind::Header)
        return fail(u"the component did not open a stream"_s);
    if (event.element.attributes.value(u"to"_s) != m_options.domain)
        return fail(u"the stream header is to '%1', not '%2'"_s.arg(event.element.attributes.value(u"to"_s),
                                                                    m_options.domain));

    const QByteArray streamId = QByteArray::number(QRandomGenerator::global()->generate64(), 16);
    const QByteArray header = "<?xml version='1.0'?><stream:stream xmlns:stream='http://etherx.jabber.org/"
                              "streams' xmlns='jabber:component:accept' from='" +
                              m_options.domain.toUtf8() + "' id='" + streamId + "'>";
    if (!sendAll(header, &failure))
        return fail(failure);

    if (!nextEvent(&event, &failure))
        return fail(u"waiting for the handshake: "_s + failure);
    const QByteArray expected =
        QCryptographicHash::hash(QByteArray(streamId + m_options.secret.toUtf8()), QCryptographicHash::Sha1)
            .toHex();
    if (event.kind != EventKind::Element || event.element.name != u"handshake" ||
        event.element.namespaceUri != componentNs) {
        return fail(u"expected <handshake/>, got <%1/>"_s.arg(event.element.name));
    }
    if (event.element.text.trimmed().toUtf8() != expected) {
        sendAll("<stream:error><not-authorized xmlns='urn:ietf:params:xml:ns:xmpp-streams'/></stream:error>"
                "</stream:stream>",
                &failure);
        return fail(u"wrong handshake digest '%1' (expected '%2')"_s.arg(event.element.text,
                                                                         QString::fromLatin1(expected)));
    }
    if (!sendAll("<handshake/>", &failure))
        return fail(failure);

    m_writer = std::thread([this] { writeMessages(); });

    const QString bot = botJid(m_options.domain);
    for (;;) {
        if (!nextEvent(&event, &failure)) {
            if (m_writeErrno)
                failure += u" (writing: "_s + errnoText("send", m_writeErrno) + u')';
            return fail(failure);
        }
        if (event.kind == EventKind::Closed)
            return fail(u"the component closed its stream without answering id='last'"_s);
        const Element &element = event.element;
        if (element.name == u"error" && element.namespaceUri == streamNs)
            return fail(u"the component sent a stream error"_s);
        if (element.name != u"message" || element.attributes.value(u"id"_s) != u"last")
            continue;
        const qint64 endNs = nowNs();
        m_lastSample = {};
        samplePeerMemory();
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
    result.writeSeconds = double(m_writeEndNs.load() - m_writeStartNs.load()) / 1e9;
    result.ok = true;
    sendAll("</stream:stream>", &failure);
    ::shutdown(m_fd, SHUT_WR);
    finishPeer(&result);
    return result;
}

bool LoadSource::listenOnLoopback(QString *failure)
{
    m_listenFd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (m_listenFd < 0) {
        *failure = errnoText("socket", errno);
        return false;
    }
    const int yes = 1;
    ::setsockopt(m_listenFd, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(m_options.port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::bind(m_listenFd, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0 ||
        ::listen(m_listenFd, 4) != 0) {
        *failure = errnoText("bind/listen on 127.0.0.1", errno);
        return false;
    }
    socklen_t length = sizeof address;
    ::getsockname(m_listenFd, reinterpret_cast<sockaddr *>(&address), &length);
    m_port = ntohs(address.sin_port);
    return true;
}

bool LoadSource::startPeer(QString *failure)
{
    if (m_options.command.isEmpty()) {
        std::fprintf(stderr, "xcm-bench-load: listening on 127.0.0.1:%u for a component '%s'\n", m_port,
                     qPrintable(m_options.domain));
        return true;
    }
    std::vector<QByteArray> arguments;
    for (const QString &argument : m_options.command)
        arguments.push_back(QString(argument).replace(u"{port}"_s, QString::number(m_port)).toLocal8Bit());
    std::vector<char *> argv;
    for (QByteArray &argument : arguments)
        argv.push_back(argument.data());
    argv.push_back(nullptr);
    const QByteArray log = m_options.childLog.toLocal8Bit();

    m_peerPid = ::fork();
    if (m_peerPid < 0) {
        *failure = errnoText("fork", errno);
        return false;
    }
    if (m_peerPid == 0) {
        const int devNull = ::open("/dev/null", O_RDONLY);
        ::dup2(devNull, STDIN_FILENO);
        if (!log.isEmpty()) {
            const int out = ::open(log.constData(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
            if (out >= 0) {
                ::dup2(out, STDOUT_FILENO);
                ::dup2(out, STDERR_FILENO);
            }
        }
        ::execvp(argv[0], argv.data());
        std::fprintf(stderr, "xcm-bench-load: cannot start %s: %s\n", argv[0], std::strerror(errno));
        ::_exit(127);
    }
    return true;
}

bool LoadSource::acceptPeer(QString *failure)
{
    while (Clock::now() < m_deadline) {
        pollfd listening{m_listenFd, POLLIN, 0};
        const int ready = ::poll(&listening, 1, 100);
        if (ready > 0) {
            m_fd = ::accept4(m_listenFd, nullptr, nullptr, SOCK_CLOEXEC);
            if (m_fd < 0) {
                *failure = errnoText("accept", errno);
                return false;
            }
            return true;
        }
        if (peerExited()) {
            *failure = u"the contender exited with status %1 before connecting"_s.arg(m_peerStatus);
            return false;
        }
    }
    *failure = u"no component connected within %1 s"_s.arg(m_options.timeout.count());
    return false;
}

bool LoadSource::nextEvent(Event *event, QString *failure)
{
    QByteArray buffer(64 * 1024, Qt::Uninitialized);
    while (m_events.empty()) {
        if (!m_parseFailure.isEmpty()) {
            *failure = u"the component's XML is not well-formed: "_s + m_parseFailure;
            return false;
        }
        if (m_eof) {
            *failure = u"the component closed the connection"_s;
            return false;
        }
        const int wait = millisecondsUntil(m_deadline);
        if (wait == 0) {
            *failure = u"timed out after %1 s"_s.arg(m_options.timeout.count());
            return false;
        }
        samplePeerMemory();
        pollfd socket{m_fd, POLLIN, 0};
        // Wake up now and then to sample the contender's memory while it works.
        if (::poll(&socket, 1, std::min(wait, 20)) <= 0)
            continue;
        const ssize_t received = ::recv(m_fd, buffer.data(), size_t(buffer.size()), 0);
        if (received == 0 || (received < 0 && errno != EINTR && errno != EAGAIN)) {
            m_eof = true;
            continue;
        }
        if (received > 0) {
            m_reader.addData(buffer.first(received));
            parseAvailable();
        }
    }
    *event = std::move(m_events.front());
    m_events.pop_front();
    return true;
}

void LoadSource::parseAvailable()
{
    while (!m_reader.atEnd()) {
        switch (m_reader.readNext()) {
        case QXmlStreamReader::StartElement: {
            ++m_depth;
            if (m_depth > 2) {
                m_inBody = m_depth == 3 && m_reader.name() == u"body";
                break;
            }
            m_current = {};
            m_current.name = m_reader.name().toString();
            m_current.namespaceUri = m_reader.namespaceUri().toString();
            for (const QXmlStreamAttribute &attribute : m_reader.attributes())
                m_current.attributes.insert(attribute.qualifiedName().toString(),
                                            attribute.value().toString());
            if (m_depth == 1)
                m_events.push_back({EventKind::Header, std::move(m_current)});
            break;
        }
        case QXmlStreamReader::Characters:
            if (m_depth == 2)
                m_current.text += m_reader.text();
            else if (m_inBody)
                m_current.body += m_reader.text();
            break;
        case QXmlStreamReader::EndElement:
            if (m_depth == 3)
                m_inBody = false;
            else if (m_depth == 2)
                m_events.push_back({EventKind::Element, std::move(m_current)});
            else if (m_depth == 1)
                m_events.push_back({EventKind::Closed, {}});
            --m_depth;
            break;
        case QXmlStreamReader::Invalid:
            if (m_reader.error() != QXmlStreamReader::PrematureEndOfDocumentError)
                m_parseFailure = m_reader.errorString();
            return;
        default:
            break;
        }
    }
}

bool LoadSource::sendAll(QByteArrayView bytes, QString *failure)
{
    qsizetype sent = 0;
    while (sent < bytes.size()) {
        const ssize_t n = ::send(m_fd, bytes.data() + sent, size_t(bytes.size() - sent), MSG_NOSIGNAL);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            *failure = errnoText("send", errno);
            return false;
        }
        sent += n;
    }
    return true;
}

void LoadSource::writeMessages()
{
    // Large writes: the kernel takes what the socket buffer has room for and the peer's reading speed
    // sets the pace, which is the point.
    constexpr qsizetype chunk = 1024 * 1024;
    const char *data = m_messages.constData();
    const qsizetype size = m_messages.size();
    qsizetype sent = 0;
    m_writeStartNs = nowNs();
    while (sent < size) {
        const ssize_t n = ::send(m_fd, data + sent, size_t(std::min(chunk, size - sent)), MSG_NOSIGNAL);
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

void LoadSource::samplePeerMemory()
{
    const auto now = Clock::now();
    if (m_peerPid <= 0 || m_peerReaped || now - m_lastSample < std::chrono::milliseconds(10))
        return;
    m_lastSample = now;
    char path[64];
    std::snprintf(path, sizeof path, "/proc/%d/status", int(m_peerPid));
    std::FILE *status = std::fopen(path, "r");
    if (!status)
        return;
    char line[256];
    while (std::fgets(line, sizeof line, status)) {
        if (std::strncmp(line, "VmHWM:", 6) == 0) {
            m_peerMaxRssKb = std::max<qint64>(m_peerMaxRssKb, std::strtoll(line + 6, nullptr, 10));
            break;
        }
    }
    std::fclose(status);
}

bool LoadSource::peerExited()
{
    if (m_peerPid <= 0 || m_peerReaped)
        return m_peerReaped;
    int status = 0;
    rusage usage{};
    if (::wait4(m_peerPid, &status, WNOHANG, &usage) != m_peerPid)
        return false;
    m_peerReaped = true;
    m_peerStatus = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    m_peerCpuSeconds = cpuSeconds(usage);
    return true;
}

void LoadSource::finishPeer(LoadResult *result)
{
    if (m_writer.joinable()) {
        if (m_fd >= 0)
            ::shutdown(m_fd, SHUT_RDWR);
        m_writer.join();
    }
    if (m_peerPid <= 0)
        return;
    // The contender should close and exit on its own; drain what it still sends meanwhile so that it
    // never blocks on a full socket.
    const auto grace = Clock::now() + std::chrono::seconds(15);
    char sink[4096];
    for (;;) {
        m_lastSample = {}; // every turn: the last sample before the exit is the one that counts
        samplePeerMemory();
        if (peerExited() || Clock::now() >= grace)
            break;
        if (m_fd >= 0) {
            pollfd socket{m_fd, POLLIN, 0};
            if (::poll(&socket, 1, 10) > 0 && ::recv(m_fd, sink, sizeof sink, 0) <= 0) {
                ::close(m_fd);
                m_fd = -1;
            }
        } else {
            ::usleep(10'000);
        }
    }
    if (!m_peerReaped) {
        ::kill(m_peerPid, SIGKILL);
        rusage usage{};
        int status = 0;
        ::wait4(m_peerPid, &status, 0, &usage);
        m_peerReaped = true;
        m_peerCpuSeconds = cpuSeconds(usage);
        if (result->ok) {
            result->ok = false;
            result->failure = u"the contender answered but did not exit within 15 s"_s;
        }
    } else if (result->ok && m_peerStatus != 0) {
        result->ok = false;
        result->failure = u"the contender answered but exited with status %1"_s.arg(m_peerStatus);
    }
    result->peerExitCode = m_peerStatus;
    result->peerMaxRssKb = m_peerMaxRssKb;
    result->peerCpuSeconds = m_peerCpuSeconds;
}

} // namespace xcm::bench
