// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>
#include <QXmlStreamReader>

#include <atomic>
#include <chrono>
#include <deque>
#include <thread>

#include <sys/types.h>

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
};

// The server side of XEP-0114 on 127.0.0.1, as fast as the kernel takes bytes: opens the stream with an
// id, verifies the handshake, then writes the pre-generated messages from a second thread while this
// one waits for the component's answer to the last one.
class LoadSource
{
public:
    explicit LoadSource(LoadOptions options);
    ~LoadSource();
    LoadSource(const LoadSource &) = delete;
    LoadSource &operator=(const LoadSource &) = delete;

    LoadResult run();

private:
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
    };

    bool listenOnLoopback(QString *failure);
    bool startPeer(QString *failure);
    bool acceptPeer(QString *failure);
    // Waits for the next thing the component says; false with a reason on EOF, bad XML or the deadline.
    bool nextEvent(Event *event, QString *failure);
    void parseAvailable();
    bool sendAll(QByteArrayView bytes, QString *failure);
    void writeMessages();
    bool peerExited();
    // Reads the contender's VmHWM (peak RSS of its own address space) from /proc. wait4()'s ru_maxrss
    // cannot be used: Linux keeps the high-water mark of the image replaced by exec, which is this
    // process with all its messages, copied by fork().
    void samplePeerMemory();
    void finishPeer(LoadResult *result);

    LoadOptions m_options;
    QByteArray m_messages;
    int m_listenFd = -1;
    int m_fd = -1;
    pid_t m_peerPid = -1;
    quint16 m_port = 0;
    Clock::time_point m_deadline;

    QXmlStreamReader m_reader;
    int m_depth = 0;
    bool m_inBody = false;
    Element m_current;
    std::deque<Event> m_events;
    QString m_parseFailure;
    bool m_eof = false;

    std::thread m_writer;
    std::atomic<qint64> m_writeStartNs{0};
    std::atomic<qint64> m_writeEndNs{0};
    std::atomic<int> m_writeErrno{0};
    int m_peerStatus = -1;
    qint64 m_peerMaxRssKb = -1;
    Clock::time_point m_lastSample;
    double m_peerCpuSeconds = -1;
    bool m_peerReaped = false;
};

} // namespace xcm::bench
