// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include <chrono>
#include <functional>

namespace xcm {

// Component secrets in the OS keychain (Secret Service, Keychain, Credential Manager) through
// QtKeychain's asynchronous jobs, service "xcm", one entry per profile key. On the Secret Service the
// entry's attributes are server = service and user = key (QtKeychain 0.13's schema, which also labels
// every entry with the service name); setLabel() gives an entry a label a keyring manager can show.
//
// When the keychain cannot be used, secrets are kept in memory for this run only and status() says
// why; nothing is ever written in clear (no insecure fallback). unsavedKeys() and unreadKeys() tell
// which secrets are affected, so the window can say so, and retry() asks the keychain again.
//
// Reads wait for one another: a locked keychain answers the first with its unlock prompt, and the
// reads asked for meanwhile (several profiles connecting at once) share that answer instead of each
// opening a prompt of its own.
class SecretStore : public QObject
{
    Q_OBJECT
public:
    enum class Status
    {
        Unknown,     // no job has finished yet (see probe())
        Available,   // the last job reached the keychain
        Unavailable, // no keychain: secrets live in memory until the app quits
    };
    Q_ENUM(Status)

    enum class Location
    {
        Nowhere,
        Keychain,
        Memory
    };

    struct Result
    {
        bool ok = false; // read: a secret was found; write/remove: the operation took effect
        QString secret;  // read only
        Location location = Location::Nowhere;
        QString error; // why the keychain could not be used, if it could not
    };
    using Callback = std::function<void(const Result &)>;

    explicit SecretStore(const QString &service = QStringLiteral("xcm"), QObject *parent = nullptr);
    ~SecretStore() override;

    Status status() const { return m_status; }
    bool isUnavailable() const { return m_status == Status::Unavailable; }
    // Why the keychain is unavailable, in the keychain's own words.
    const QString &unavailableReason() const { return m_reason; }
    // A job that has not finished after this long counts as "no keychain" (a stuck service would
    // otherwise stall every later job, since QtKeychain runs them one at a time).
    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }

    // Finds out whether the keychain works before any secret is needed: reads an entry that does not
    // exist (QtKeychain 0.13 has no isAvailable()). "Not found" means it works; any other error, or
    // no answer in time, means there is none. status() and statusChanged() tell.
    void probe();

    // `done` runs later (never synchronously) unless `context` was destroyed in the meantime.
    void read(const QString &key, QObject *context, Callback done);
    void write(const QString &key, const QString &secret, QObject *context, Callback done = {});
    void remove(const QString &key, QObject *context, Callback done = {});
    // The label `key`'s entry shows in a keyring manager (QtKeychain 0.13 cannot set one: it labels
    // every entry with the service). Applied to the entry now if it exists, and after each write.
    // Secret Service only; elsewhere the entries keep the keychain's own naming.
    void setLabel(const QString &key, const QString &label);

    // Keys whose secret only this run's memory holds, since the keychain refused or did not answer.
    QStringList unsavedKeys() const { return m_memory.keys(); }
    // Keys whose last read failed because of the keychain (not "nothing saved"), with its words.
    const QHash<QString, QString> &unreadKeys() const { return m_unread; }
    // Writes the unsaved secrets and reads the unread ones again (or probes, when neither is known);
    // problemsChanged() tells how it went.
    void retry();

Q_SIGNALS:
    void statusChanged(xcm::SecretStore::Status status, const QString &reason);
    // unsavedKeys() or unreadKeys() changed.
    void problemsChanged();

private:
    struct WaitingRead
    {
        QString key;
        QPointer<QObject> context;
        Callback done;
    };

    void setStatus(Status status, const QString &reason = {});
    void deliver(QPointer<QObject> context, const Callback &done, const Result &result);
    void startRead(const QString &key, const QPointer<QObject> &context, const Callback &done);
    // The running read has its answer: the next waiting read starts, or, when the keychain failed,
    // every waiting read gets that failure without asking it again.
    void readFinished(const QString &keychainError);
    void setMemory(const QString &key, const QString &secret);
    void dropMemory(const QString &key);
    void setUnread(const QString &key, const QString &error);
    void applyLabel(const QString &key);

    QString m_service;
    Status m_status = Status::Unknown;
    QString m_reason;
    std::chrono::milliseconds m_timeout = std::chrono::seconds(60);
    bool m_stalled = false;           // a job timed out and may still block the queue
    QHash<QString, QString> m_memory; // this run's secrets when the keychain failed
    QHash<QString, QString> m_unread; // key → why the keychain could not read it
    QHash<QString, QString> m_labels; // key → the label its entry should show
    bool m_readRunning = false;
    QList<WaitingRead> m_waitingReads;
};

} // namespace xcm
