// SPDX-License-Identifier: GPL-3.0-or-later
#include "stanzalogexportjob.h"

#include <QMetaObject>
#include <QSaveFile>
#include <QThreadPool>

namespace xcm {

StanzaLogExportJob::StanzaLogExportJob(StanzaLogExport::Snapshot snapshot, StanzaLogExport::Format format,
                                       QObject *parent)
    : QObject(parent)
    , m_snapshot(std::move(snapshot))
    , m_format(format)
{}

StanzaLogExportJob::~StanzaLogExportJob()
{
    if (!m_running)
        return;
    // The worker uses the file and the rows: stop it and wait, so that neither is freed under it.
    m_cancelled->store(true);
    m_workerDone->acquire();
}

bool StanzaLogExportJob::start(const QString &path, QString *error)
{
    m_file = std::make_unique<QSaveFile>(path);
    // Only the user may read it, as the captures and the send history: it holds what the component
    // exchanged (message bodies, addresses).
    if (!m_file->open(QIODevice::WriteOnly) ||
        !m_file->setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
        *error = m_file->errorString();
        m_file.reset();
        return false;
    }
    m_running = true;
    // `this` outlives the worker (the destructor waits for it); a call posted to a job destroyed before it
    // is delivered is dropped with the job.
    QThreadPool::globalInstance()->start([this, cancelled = m_cancelled, workerDone = m_workerDone] {
        QString why;
        const qsizetype total = m_snapshot.records.size();
        bool ok =
            StanzaLogExport::write(m_snapshot.records, m_file.get(), m_format, &why, [&](qsizetype done) {
                if (cancelled->load())
                    return false;
                QMetaObject::invokeMethod(
                    this, [this, done, total] { Q_EMIT progressed(done, total); }, Qt::QueuedConnection);
                return true;
            });
        if (ok && cancelled->load()) { // after the last check of the flag: still no file
            ok = false;
            why = StanzaLogExport::tr("cancelled");
        }
        if (ok && !m_file->commit()) {
            ok = false;
            why = m_file->errorString();
        }
        if (!ok)
            m_file->cancelWriting();
        if (!cancelled->load()) { // else the job is being destroyed, waiting for us: it does not want to hear
            QMetaObject::invokeMethod(
                this, [this, ok, why] { onWorkerDone(ok, why); }, Qt::QueuedConnection);
        }
        workerDone->release();
    });
    return true;
}

void StanzaLogExportJob::onWorkerDone(bool ok, const QString &error)
{
    m_running = false;
    m_workerDone->acquire(); // released already: the worker is past its last use of the file
    m_file.reset();
    m_snapshot = {};
    Q_EMIT finished(ok, error);
}

} // namespace xcm
