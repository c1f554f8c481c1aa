// SPDX-License-Identifier: GPL-3.0-or-later
#include "secretstore.h"

#include "uilogging.h"

#include <qt6keychain/keychain.h>

#include <QTimer>

#if XCM_SECRET_SERVICE
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusMetaType>
#include <QDBusObjectPath>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusVariant>
#endif

#include <memory>

using namespace Qt::StringLiterals;

namespace xcm {

namespace {

// Starts `job` and calls `finished(job)` once, or `timedOut()` if it does not finish in time. The job
// is not parented: it deletes itself when done, even if it outlives the store.
template<typename JobType, typename Finished, typename TimedOut>
void runJob(JobType *job, QObject *receiver, std::chrono::milliseconds timeout, Finished finished,
            TimedOut timedOut)
{
    auto handled = std::make_shared<bool>(false);
    auto *timer = new QTimer(receiver);
    timer->setSingleShot(true);
    QObject::connect(timer, &QTimer::timeout, receiver, [handled, timer, timedOut] {
        timer->deleteLater();
        if (std::exchange(*handled, true))
            return;
        timedOut();
    });
    // A job that answers after its timeout finds the timer gone (the guard), not a dangling pointer.
    QObject::connect(job, &QKeychain::Job::finished, receiver,
                     [handled, timer = QPointer<QTimer>(timer), job, finished](QKeychain::Job *) {
                         if (timer) {
                             timer->stop();
                             timer->deleteLater();
                         }
                         finished(job, std::exchange(*handled, true));
                     });
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    timer->start(timeout);
    job->start();
}

// QtKeychain's Secret Service backend answers "not found" when the entry is in a locked collection and
// the unlock prompt was dismissed (libsecret reports no error then). Asks the service whether a locked
// entry exists under `key`, so that answer can be told from "nothing saved yet"; `done(locked)` runs
// later, with false wherever there is no Secret Service to ask.
void findLockedEntry(const QString &service, const QString &key, QObject *receiver,
                     std::function<void(bool locked)> done)
{
#if XCM_SECRET_SERVICE
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (bus.isConnected()) {
        using Attributes = QMap<QString, QString>;
        static const QMetaType registered = qDBusRegisterMetaType<Attributes>();
        Q_UNUSED(registered)
        QDBusMessage call =
            QDBusMessage::createMethodCall(u"org.freedesktop.secrets"_s, u"/org/freedesktop/secrets"_s,
                                           u"org.freedesktop.Secret.Service"_s, u"SearchItems"_s);
        // QtKeychain's libsecret schema: user = key, server = service.
        call << QVariant::fromValue(Attributes{{u"user"_s, key}, {u"server"_s, service}});
        auto *watcher = new QDBusPendingCallWatcher(bus.asyncCall(call, 5000), receiver);
        QObject::connect(watcher, &QDBusPendingCallWatcher::finished, receiver, [watcher, done] {
            watcher->deleteLater();
            const QDBusPendingReply<QList<QDBusObjectPath>, QList<QDBusObjectPath>> reply = *watcher;
            done(!reply.isError() && !reply.argumentAt<1>().isEmpty());
        });
        return;
    }
#else
    Q_UNUSED(service)
    Q_UNUSED(key)
#endif
    QTimer::singleShot(0, receiver, [done] { done(false); });
}

// Labels the unlocked Secret Service entries under `key` with `label`. Best effort: a locked entry
// keeps its label until the next write, and no answer changes nothing but the label.
void relabelEntry(const QString &service, const QString &key, const QString &label, QObject *receiver)
{
#if XCM_SECRET_SERVICE
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected())
        return;
    using Attributes = QMap<QString, QString>;
    static const QMetaType registered = qDBusRegisterMetaType<Attributes>();
    Q_UNUSED(registered)
    QDBusMessage search =
        QDBusMessage::createMethodCall(u"org.freedesktop.secrets"_s, u"/org/freedesktop/secrets"_s,
                                       u"org.freedesktop.Secret.Service"_s, u"SearchItems"_s);
    search << QVariant::fromValue(Attributes{{u"user"_s, key}, {u"server"_s, service}});
    auto *watcher = new QDBusPendingCallWatcher(bus.asyncCall(search, 5000), receiver);
    QObject::connect(watcher, &QDBusPendingCallWatcher::finished, receiver, [watcher, key, label, bus] {
        watcher->deleteLater();
        const QDBusPendingReply<QList<QDBusObjectPath>, QList<QDBusObjectPath>> reply = *watcher;
        if (reply.isError()) {
            qCDebug(lcKeychain) << "cannot look up the entry of" << key
                                << "to label it:" << reply.error().message();
            return;
        }
        for (const QDBusObjectPath &item : reply.argumentAt<0>()) {
            QDBusMessage set = QDBusMessage::createMethodCall(u"org.freedesktop.secrets"_s, item.path(),
                                                              u"org.freedesktop.DBus.Properties"_s, u"Set"_s);
            set << u"org.freedesktop.Secret.Item"_s << u"Label"_s << QVariant::fromValue(QDBusVariant(label));
            bus.asyncCall(set, 5000);
            qCDebug(lcKeychain) << "labelled the entry of" << key;
        }
    });
#else
    Q_UNUSED(service)
    Q_UNUSED(key)
    Q_UNUSED(label)
    Q_UNUSED(receiver)
#endif
}

} // namespace

void SecretStore::setLabel(const QString &key, const QString &label)
{
    if (m_labels.value(key) == label)
        return;
    m_labels.insert(key, label);
    applyLabel(key);
}

void SecretStore::applyLabel(const QString &key)
{
    if (const auto it = m_labels.constFind(key); it != m_labels.cend() && !m_stalled)
        relabelEntry(m_service, key, it.value(), this);
}

SecretStore::SecretStore(const QString &service, QObject *parent)
    : QObject(parent)
    , m_service(service)
{}

SecretStore::~SecretStore() = default;

void SecretStore::setStatus(Status status, const QString &reason)
{
    if (status == m_status && reason == m_reason)
        return;
    m_status = status;
    m_reason = reason;
    Q_EMIT statusChanged(status, reason);
}

void SecretStore::deliver(QPointer<QObject> context, const Callback &done, const Result &result)
{
    if (!done)
        return;
    // Always asynchronous, so callers see the same order whether or not the keychain was asked.
    QTimer::singleShot(0, this, [context, done, result] {
        if (context)
            done(result);
    });
}

namespace {
// No profile key looks like this (they are UUIDs), so the answer is "not found" when all is well.
const QString probeKey = u"xcm-keychain-probe"_s;
} // namespace

void SecretStore::probe()
{
    read(probeKey, this, {});
}

void SecretStore::setMemory(const QString &key, const QString &secret)
{
    const bool added = !m_memory.contains(key);
    m_memory.insert(key, secret);
    if (added) {
        qCInfo(lcKeychain) << "secret of" << key << "kept in memory only:" << m_reason;
        Q_EMIT problemsChanged();
    }
}

void SecretStore::dropMemory(const QString &key)
{
    if (m_memory.remove(key) > 0)
        Q_EMIT problemsChanged();
}

void SecretStore::setUnread(const QString &key, const QString &error)
{
    if (key == probeKey)
        return;
    if (error.isEmpty()) {
        if (m_unread.remove(key) > 0)
            Q_EMIT problemsChanged();
        return;
    }
    if (m_unread.value(key) == error)
        return;
    qCInfo(lcKeychain) << "secret of" << key << "not read:" << error;
    m_unread.insert(key, error);
    Q_EMIT problemsChanged();
}

void SecretStore::read(const QString &key, QObject *context, Callback done)
{
    const QPointer<QObject> guard(context);
    if (const auto it = m_memory.constFind(key); it != m_memory.cend()) {
        deliver(guard, done, {true, it.value(), Location::Memory, m_reason});
        return;
    }
    if (m_stalled) {
        setUnread(key, m_reason);
        deliver(guard, done, {false, {}, Location::Nowhere, m_reason});
        return;
    }
    if (m_readRunning) {
        qCDebug(lcKeychain) << "read of" << key << "waits for the one under way";
        m_waitingReads.append({key, guard, done});
        return;
    }
    startRead(key, guard, done);
}

void SecretStore::startRead(const QString &key, const QPointer<QObject> &guard, const Callback &done)
{
    m_readRunning = true;
    auto *job = new QKeychain::ReadPasswordJob(m_service);
    job->setKey(key);
    runJob(
        job, this, m_timeout,
        [this, guard, done, key](QKeychain::ReadPasswordJob *job, bool late) {
            const QKeychain::Error error = job->error();
            const bool reached = error == QKeychain::NoError || error == QKeychain::EntryNotFound;
            if (reached) {
                m_stalled = false;
                setStatus(Status::Available);
            } else {
                setStatus(Status::Unavailable, job->errorString());
            }
            if (late)
                return;
            setUnread(key, reached ? QString() : job->errorString());
            // Jobs run one at a time: a write asked for before this read has finished, and if the
            // keychain refused it, the secret went to memory meanwhile.
            if (const auto it = m_memory.constFind(key);
                it != m_memory.cend() && error != QKeychain::NoError) {
                deliver(guard, done, {true, it.value(), Location::Memory, m_reason});
            } else if (error == QKeychain::NoError) {
                deliver(guard, done, {true, job->textData(), Location::Keychain, {}});
            } else if (error == QKeychain::EntryNotFound) {
                // Nothing saved yet, unless the entry is behind a lock that was not opened.
                findLockedEntry(m_service, key, this, [this, guard, done, key](bool locked) {
                    const QString why = locked ? tr("the keychain is locked") : QString();
                    if (locked) {
                        qCInfo(lcKeychain) << "the entry of" << key << "is in a locked collection";
                        setStatus(Status::Unavailable, why);
                    }
                    setUnread(key, why);
                    deliver(guard, done, {false, {}, Location::Nowhere, why});
                    readFinished(why);
                });
                return;
            } else {
                qCInfo(lcKeychain) << "read failed:" << error << job->errorString();
                deliver(guard, done, {false, {}, Location::Nowhere, job->errorString()});
            }
            readFinished(reached ? QString() : job->errorString());
        },
        [this, guard, done, key] {
            m_stalled = true;
            setStatus(Status::Unavailable,
                      tr("the keychain did not answer within %1 s").arg(m_timeout.count() / 1000));
            if (const auto it = m_memory.constFind(key); it != m_memory.cend()) {
                deliver(guard, done, {true, it.value(), Location::Memory, m_reason});
            } else {
                setUnread(key, m_reason);
                deliver(guard, done, {false, {}, Location::Nowhere, m_reason});
            }
            readFinished(m_reason);
        });
}

void SecretStore::readFinished(const QString &keychainError)
{
    m_readRunning = false;
    if (keychainError.isEmpty()) {
        // One at a time: the next read may start a prompt of its own only if this one needed none.
        if (!m_waitingReads.isEmpty()) {
            const WaitingRead next = m_waitingReads.takeFirst();
            read(next.key, next.context, next.done);
        }
        return;
    }
    // The keychain just refused (a dismissed unlock prompt, a locked collection, no service): the
    // reads that waited would only ask the same question again.
    const QList<WaitingRead> waiting = std::exchange(m_waitingReads, {});
    if (!waiting.isEmpty())
        qCInfo(lcKeychain) << waiting.size() << "waiting reads share the failure:" << keychainError;
    for (const WaitingRead &read : waiting) {
        if (const auto it = m_memory.constFind(read.key); it != m_memory.cend()) {
            deliver(read.context, read.done, {true, it.value(), Location::Memory, keychainError});
            continue;
        }
        setUnread(read.key, keychainError);
        deliver(read.context, read.done, {false, {}, Location::Nowhere, keychainError});
    }
}

void SecretStore::retry()
{
    qCInfo(lcKeychain) << "retrying" << m_memory.size() << "writes and" << m_unread.size() << "reads";
    m_stalled = false; // a keychain that did not answer once gets another chance
    const QHash<QString, QString> unsaved = m_memory;
    const QStringList unread = m_unread.keys();
    for (auto it = unsaved.cbegin(); it != unsaved.cend(); ++it)
        write(it.key(), it.value(), this);
    for (const QString &key : unread)
        read(key, this, {});
    if (unsaved.isEmpty() && unread.isEmpty())
        probe();
}

void SecretStore::write(const QString &key, const QString &secret, QObject *context, Callback done)
{
    const QPointer<QObject> guard(context);
    setUnread(key, {}); // whatever the keychain holds, this is the secret now
    if (m_stalled) {
        setMemory(key, secret);
        deliver(guard, done, {true, {}, Location::Memory, m_reason});
        return;
    }
    // A memory copy left by an earlier failure would otherwise answer reads with the old secret
    // until this job is done.
    if (const auto it = m_memory.find(key); it != m_memory.end())
        it.value() = secret;
    auto *job = new QKeychain::WritePasswordJob(m_service);
    job->setKey(key);
    job->setTextData(secret);
    runJob(
        job, this, m_timeout,
        [this, guard, done, key, secret](QKeychain::WritePasswordJob *job, bool late) {
            if (job->error() == QKeychain::NoError) {
                m_stalled = false;
                setStatus(Status::Available);
                // A late success after a timeout still leaves the memory copy authoritative for this run,
                // since the user may have changed it since.
                if (!late)
                    dropMemory(key);
                applyLabel(key);
            } else {
                setStatus(Status::Unavailable, job->errorString());
            }
            if (late)
                return;
            if (job->error() == QKeychain::NoError) {
                deliver(guard, done, {true, {}, Location::Keychain, {}});
            } else {
                setMemory(key, secret);
                deliver(guard, done, {true, {}, Location::Memory, job->errorString()});
            }
        },
        [this, guard, done, key, secret] {
            m_stalled = true;
            setStatus(Status::Unavailable,
                      tr("the keychain did not answer within %1 s").arg(m_timeout.count() / 1000));
            setMemory(key, secret);
            deliver(guard, done, {true, {}, Location::Memory, m_reason});
        });
}

void SecretStore::remove(const QString &key, QObject *context, Callback done)
{
    const QPointer<QObject> guard(context);
    const bool hadMemory = m_memory.contains(key);
    dropMemory(key);
    setUnread(key, {});
    if (m_stalled) {
        deliver(guard, done, {hadMemory, {}, Location::Memory, m_reason});
        return;
    }
    auto *job = new QKeychain::DeletePasswordJob(m_service);
    job->setKey(key);
    runJob(
        job, this, m_timeout,
        [this, guard, done](QKeychain::DeletePasswordJob *job, bool late) {
            const QKeychain::Error error = job->error();
            if (error == QKeychain::NoError || error == QKeychain::EntryNotFound) {
                m_stalled = false;
                setStatus(Status::Available);
            } else {
                setStatus(Status::Unavailable, job->errorString());
            }
            if (late)
                return;
            if (error == QKeychain::NoError || error == QKeychain::EntryNotFound)
                deliver(guard, done, {true, {}, Location::Keychain, {}});
            else
                deliver(guard, done, {false, {}, Location::Nowhere, job->errorString()});
        },
        [this, guard, done] {
            m_stalled = true;
            setStatus(Status::Unavailable,
                      tr("the keychain did not answer within %1 s").arg(m_timeout.count() / 1000));
            deliver(guard, done, {false, {}, Location::Nowhere, m_reason});
        });
}

} // namespace xcm
