// SPDX-License-Identifier: GPL-3.0-or-later
#include "serverstream.h"

#include "contenderprocess.h"

#include <QCryptographicHash>
#include <QRandomGenerator>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace xcm::bench {

namespace {

constexpr auto componentNs = u"jabber:component:accept";

QString errnoText(const char *what, int error)
{
    return QString::fromLatin1(what) + u": "_s + QString::fromLocal8Bit(std::strerror(error));
}

int millisecondsUntil(ServerStream::Clock::time_point deadline)
{
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - ServerStream::Clock::now()).count();
    return int(std::clamp<qint64>(left, 0, 1000));
}

} // namespace

ServerStream::ServerStream(ContenderProcess &contender)
    : m_contender(contender)
{
    m_reader.setNamespaceProcessing(true);
}

ServerStream::~ServerStream()
{
    if (m_fd >= 0)
        ::close(m_fd);
    if (m_listenFd >= 0)
        ::close(m_listenFd);
}

void ServerStream::startTimeout(std::chrono::seconds timeout)
{
    m_timeout = timeout;
    m_deadline = Clock::now() + timeout;
}

bool ServerStream::listen(quint16 port, QString *failure)
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
    address.sin_port = htons(port);
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

bool ServerStream::accept(QString *failure)
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
        if (m_contender.exited()) {
            *failure =
                u"the contender exited with status %1 before connecting"_s.arg(m_contender.exitStatus());
            return false;
        }
    }
    *failure = u"no component connected within %1 s"_s.arg(m_timeout.count());
    return false;
}

bool ServerStream::authenticate(const QString &domain, const QString &secret, QString *failure)
{
    Event event;
    if (!nextEvent(&event, failure)) {
        *failure = u"before the stream header: "_s + *failure;
        return false;
    }
    if (event.kind != EventKind::Header) {
        *failure = u"the component did not open a stream"_s;
        return false;
    }
    if (event.element.attributes.value(u"to"_s) != domain) {
        *failure =
            u"the stream header is to '%1', not '%2'"_s.arg(event.element.attributes.value(u"to"_s), domain);
        return false;
    }

    const QByteArray streamId = QByteArray::number(QRandomGenerator::global()->generate64(), 16);
    const QByteArray header = "<?xml version='1.0'?><stream:stream xmlns:stream='http://etherx.jabber.org/"
                              "streams' xmlns='jabber:component:accept' from='" +
                              domain.toUtf8() + "' id='" + streamId + "'>";
    if (!sendAll(header, failure))
        return false;

    if (!nextEvent(&event, failure)) {
        *failure = u"waiting for the handshake: "_s + *failure;
        return false;
    }
    const QByteArray expected =
        QCryptographicHash::hash(QByteArray(streamId + secret.toUtf8()), QCryptographicHash::Sha1).toHex();
    if (event.kind != EventKind::Element || event.element.name != u"handshake" ||
        event.element.namespaceUri != componentNs) {
        *failure = u"expected <handshake/>, got <%1/>"_s.arg(event.element.name);
        return false;
    }
    if (event.element.text.trimmed().toUtf8() != expected) {
        QString ignored;
        sendAll("<stream:error><not-authorized xmlns='urn:ietf:params:xml:ns:xmpp-streams'/></stream:error>"
                "</stream:stream>",
                &ignored);
        *failure = u"wrong handshake digest '%1' (expected '%2')"_s.arg(event.element.text,
                                                                        QString::fromLatin1(expected));
        return false;
    }
    return sendAll("<handshake/>", failure);
}

bool ServerStream::nextEvent(Event *event, QString *failure)
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
            *failure = u"timed out after %1 s"_s.arg(m_timeout.count());
            return false;
        }
        m_contender.samplePeakMemory();
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
            const Clock::time_point now = Clock::now();
            m_reader.addData(buffer.first(received));
            parseAvailable(now);
        }
    }
    *event = std::move(m_events.front());
    m_events.pop_front();
    return true;
}

void ServerStream::parseAvailable(Clock::time_point received)
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
                m_events.push_back({EventKind::Header, std::move(m_current), received});
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
                m_events.push_back({EventKind::Element, std::move(m_current), received});
            else if (m_depth == 1)
                m_events.push_back({EventKind::Closed, {}, received});
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

bool ServerStream::sendAll(QByteArrayView bytes, QString *failure)
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

void ServerStream::discardIncoming(int milliseconds)
{
    if (m_fd < 0) {
        ::usleep(useconds_t(milliseconds) * 1000);
        return;
    }
    char sink[4096];
    pollfd socket{m_fd, POLLIN, 0};
    if (::poll(&socket, 1, milliseconds) > 0 && ::recv(m_fd, sink, sizeof sink, 0) <= 0) {
        ::close(m_fd);
        m_fd = -1;
    }
}

void ServerStream::setNoDelay()
{
    const int yes = 1;
    ::setsockopt(m_fd, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof yes);
}

} // namespace xcm::bench
