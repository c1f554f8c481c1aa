// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QXmlStreamReader>

#include <chrono>
#include <deque>

namespace xcm::bench {

class ContenderProcess;

// The server's end of one component's XEP-0114 stream on 127.0.0.1, in plain POSIX sockets: listens,
// accepts the contender, opens the stream with an id, verifies its handshake, then hands over what the
// component says one top-level element at a time. While it waits it samples the contender's memory and
// notices when it exits.
class ServerStream
{
public:
    using Clock = std::chrono::steady_clock;

    // One top-level element of the component's stream, or its header.
    struct Element
    {
        QString name;
        QString namespaceUri;
        QHash<QString, QString> attributes;
        QString text;
        QString body; // the text of a <body/> child
    };
    enum class EventKind
    {
        Header,
        Element,
        Closed
    };
    struct Event
    {
        EventKind kind;
        Element element;
        Clock::time_point received; // when the read that completed it returned
    };

    explicit ServerStream(ContenderProcess &contender);
    ~ServerStream();
    ServerStream(const ServerStream &) = delete;
    ServerStream &operator=(const ServerStream &) = delete;

    // Every wait below gives up `timeout` from now.
    void startTimeout(std::chrono::seconds timeout);

    // Listens on 127.0.0.1:`port` (0: any free port); port() then tells which.
    bool listen(quint16 port, QString *failure);
    quint16 port() const { return m_port; }
    // Waits for the contender to connect; fails early when it exits first.
    bool accept(QString *failure);
    // The stream's start as a server does it: the component's header to `domain`, ours with a fresh
    // id, its handshake (lowercase hex SHA-1 of id + secret) and our <handshake/>.
    bool authenticate(const QString &domain, const QString &secret, QString *failure);
    // Waits for the next thing the component says; false with a reason on EOF, bad XML or the deadline.
    bool nextEvent(Event *event, QString *failure);
    bool sendAll(QByteArrayView bytes, QString *failure);
    // Reads and drops whatever arrives within `milliseconds` (closing the socket on EOF), so that a
    // contender shutting down never blocks on a full socket.
    void discardIncoming(int milliseconds);
    // Turns Nagle's algorithm off, for traffic whose timing is measured message by message.
    void setNoDelay();

    // The connected socket, for a writer thread (send() may run on it while this thread reads); -1
    // before accept() or after EOF in discardIncoming().
    int socket() const { return m_fd; }

private:
    void parseAvailable(Clock::time_point received);

    ContenderProcess &m_contender;
    int m_listenFd = -1;
    int m_fd = -1;
    quint16 m_port = 0;
    std::chrono::seconds m_timeout{120};
    Clock::time_point m_deadline = Clock::now() + m_timeout;

    QXmlStreamReader m_reader;
    int m_depth = 0;
    bool m_inBody = false;
    Element m_current;
    std::deque<Event> m_events;
    QString m_parseFailure;
    bool m_eof = false;
};

} // namespace xcm::bench
