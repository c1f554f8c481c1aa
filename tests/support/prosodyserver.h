// SPDX-License-Identifier: GPL-3.0-or-later
// A real Prosody on 127.0.0.1 for one test: private temp dir, free ports, generated config.
// Needs the `prosody` binary at run time (apt-get install prosody lua-unbound; tools/install-deps has
// them). Starting takes ~0.2 s, a clean stop ~1.2 s. Environment knobs: XCM_PROSODY_LOG_LEVEL=debug logs
// every stanza to log(); XCM_KEEP_PROSODY_DIR=1 keeps the temp dir (config, data, log) after the test.
#pragma once

#include <QList>
#include <QString>
#include <QtGlobal>

#include <memory>

namespace xcm::test {

struct ComponentAccount
{
    QString domain;
    QString secret;
};

class ProsodyServer
{
public:
    explicit ProsodyServer(QList<ComponentAccount> components,
                           QString serverDomain = QStringLiteral("localhost"));
    ~ProsodyServer(); // stops it and removes the temp dir (unless XCM_KEEP_PROSODY_DIR is set)

    ProsodyServer(const ProsodyServer &) = delete;
    ProsodyServer &operator=(const ProsodyServer &) = delete;

    // First call: temp dir, free ports, config. Returns once both ports listen and the component port
    // answers a stream header (at most 15 s), so that stop() is a clean shutdown. Returns true at once
    // if already running.
    bool start(QString *error);
    // SIGTERM, up to 5 s for a clean shutdown (ms when busy, ~1.7 s when idle), then SIGKILL.
    void stop();
    // SIGKILL right away: sockets drop without a stream close, as in a crash.
    void kill();
    // SIGSTOP: the server stops reading and answering, its sockets stay open (a stalled peer);
    // resume() is SIGCONT. stop(), kill() and the destructor resume it first.
    void pause();
    void resume();
    // Starts again on the same ports and config (the data dir is kept too).
    bool restart(QString *error);
    bool isRunning() const;

    quint16 componentPort() const;
    quint16 clientPort() const;
    QString serverDomain() const;
    QList<ComponentAccount> components() const;
    QString directory() const; // the temp dir; empty before the first start()

    // Creates a c2s account (via prosodyctl on the same config); works whether running or not.
    bool addUser(const QString &localpart, const QString &password, QString *error);

    // Prosody's console output (config errors land there) followed by its log file.
    QString log() const;

    static bool available(QString *why);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace xcm::test
