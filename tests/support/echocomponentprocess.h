// SPDX-License-Identifier: GPL-3.0-or-later
// A real XEP-0114 component for tests: runs tests/support/echocomponent.py (slixmpp ComponentXMPP), an
// echo bot that records the raw bytes it received and sent.
#pragma once

#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>

namespace xcm::test {

class EchoComponentProcess
{
public:
    EchoComponentProcess(QString domain, QString secret, quint16 port);
    ~EchoComponentProcess(); // SIGTERM, then SIGKILL

    void start();
    // Waits (event loop running) for an event line such as "online", "failed" or "disconnected".
    bool waitForEvent(const QString &event, int timeoutMs = 15000);
    // The same with the event loop stopped, as a busy window's thread: only this process's output is read.
    bool waitForEventBlocking(const QString &event, int timeoutMs = 15000);
    bool hasEvent(const QString &event);
    // The stream error condition it was refused with ("failed" event), if any.
    QString failureCondition();
    QByteArray receivedBytes() const; // everything it read from its socket
    QByteArray sentBytes() const;     // everything it wrote
    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }
    QString output(); // its stdout and stderr so far, for failure messages

private:
    void readEvents();

    QString m_domain;
    QString m_secret;
    quint16 m_port;
    QTemporaryDir m_dir;
    QProcess m_process;
    QList<QByteArray> m_lines;
    QByteArray m_errors;
};

} // namespace xcm::test
