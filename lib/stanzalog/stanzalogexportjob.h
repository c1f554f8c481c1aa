// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "capturerecord.h"
#include "stanzalogexport.h"

#include <QObject>
#include <QSemaphore>

#include <atomic>
#include <memory>

class QSaveFile;

namespace xcm {

// One export written on a pool thread, so that a million rows (3–6 s of writing) never freeze the
// window: the rows are taken at once (StanzaLogExport::snapshot), the file is opened at once (a path
// that cannot be written is refused before anything starts), and progress and the outcome come back
// as signals on the thread that started it. The file appears whole or not at all (QSaveFile).
// Destroying the job cancels an export still running and leaves no file.
class StanzaLogExportJob : public QObject
{
    Q_OBJECT
public:
    StanzaLogExportJob(StanzaLogExport::Snapshot snapshot, StanzaLogExport::Format format,
                       QObject *parent = nullptr);
    ~StanzaLogExportJob() override;

    // False, with the reason, when `path` cannot be opened for writing; otherwise writing has begun.
    bool start(const QString &path, QString *error);
    qsizetype rows() const { return m_snapshot.records.size(); }
    bool isRunning() const { return m_running; }

Q_SIGNALS:
    void progressed(qsizetype done, qsizetype total);
    // Once: the file is complete (ok), or why it is not there.
    void finished(bool ok, const QString &error);

private:
    void onWorkerDone(bool ok, const QString &error);

    StanzaLogExport::Snapshot m_snapshot;
    StanzaLogExport::Format m_format;
    std::unique_ptr<QSaveFile> m_file;
    // Shared with the worker, which may outlive a cancelled job by a few thousand rows.
    std::shared_ptr<std::atomic<bool>> m_cancelled = std::make_shared<std::atomic<bool>>(false);
    std::shared_ptr<QSemaphore> m_workerDone = std::make_shared<QSemaphore>(0);
    bool m_running = false;
};

} // namespace xcm
