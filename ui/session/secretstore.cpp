// SPDX-License-Identifier: GPL-3.0-or-later
#include "secretstore.h"

#include <qt6keychain/keychain.h>

#include <QTimer>

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

} // namespace

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

void SecretStore::probe()
{
    // No profile key looks like this (they are UUIDs), so the answer is "not found" when all is well.
    read(u"xcm-keychain-probe"_s, this, {});
}

void SecretStore::read(const QString &key, QObject *context, Callback done)
{
    const QPointer<QObject> guard(context);
    if (const auto it = m_memory.constFind(key); it != m_memory.cend()) {
        deliver(guard, done, {true, it.value(), Location::Memory, m_reason});
        return;
    }
    if (m_stalled) {
        deliver(guard, done, {false, {}, Location::Nowhere, m_reason});
        return;
    }
    auto *job = new QKeychain::ReadPasswordJob(m_service);
    job->setKey(key);
    runJob(
        job, this, m_timeout,
        [this, guard, done, key](QKeychain::ReadPasswordJob *job, bool late) {
            const QKeychain::Error error = job->error();
            if (error == QKeychain::NoError || error == QKeychain::EntryNotFound) {
                m_stalled = false;
                setStatus(Status::Available);
            } else {
                setStatus(Status::Unavailable, job->errorString());
            }
            if (late)
                return;
            // Jobs run one at a time: a write asked for before this read has finished, and if the
            // keychain refused it, the secret went to memory meanwhile.
            if (const auto it = m_memory.constFind(key);
                it != m_memory.cend() && error != QKeychain::NoError) {
                deliver(guard, done, {true, it.value(), Location::Memory, m_reason});
                return;
            }
            if (error == QKeychain::NoError)
                deliver(guard, done, {true, job->textData(), Location::Keychain, {}});
            else if (error == QKeychain::EntryNotFound)
                deliver(guard, done, {false, {}, Location::Nowhere, {}}); // nothing saved yet
            else
                deliver(guard, done, {false, {}, Location::Nowhere, job->errorString()});
        },
        [this, guard, done, key] {
            m_stalled = true;
            setStatus(Status::Unavailable,
                      tr("the keychain did not answer within %1 s").arg(m_timeout.count() / 1000));
            if (const auto it = m_memory.constFind(key); it != m_memory.cend())
                deliver(guard, done, {true, it.value(), Location::Memory, m_reason});
            else
                deliver(guard, done, {false, {}, Location::Nowhere, m_reason});
        });
}

void SecretStore::write(const QString &key, const QString &secret, QObject *context, Callback done)
{
    const QPointer<QObject> guard(context);
    if (m_stalled) {
        m_memory.insert(key, secret);
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
                    m_memory.remove(key);
            } else {
                setStatus(Status::Unavailable, job->errorString());
            }
            if (late)
                return;
            if (job->error() == QKeychain::NoError) {
                deliver(guard, done, {true, {}, Location::Keychain, {}});
            } else {
                m_memory.insert(key, secret);
                deliver(guard, done, {true, {}, Location::Memory, job->errorString()});
            }
        },
        [this, guard, done, key, secret] {
            m_stalled = true;
            setStatus(Status::Unavailable,
                      tr("the keychain did not answer within %1 s").arg(m_timeout.count() / 1000));
            m_memory.insert(key, secret);
            deliver(guard, done, {true, {}, Location::Memory, m_reason});
        });
}

void SecretStore::remove(const QString &key, QObject *context, Callback done)
{
    const QPointer<QObject> guard(context);
    const bool hadMemory = m_memory.remove(key) > 0;
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
