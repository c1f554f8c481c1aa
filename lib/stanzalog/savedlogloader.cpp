// SPDX-License-Identifier: GPL-3.0-or-later
#include "savedlogloader.h"

#include "capturereader.h"
#include "stanzalogmodel.h"

#include <QElapsedTimer>
#include <QFile>
#include <QThread>

#include <vector>

namespace xcm {

namespace {
constexpr int batchesInFlight = 4;    // what may wait for the model: the rest waits in the file
constexpr size_t batchStanzas = 5000; // a batch is this many, or what 50 ms of reading gave
constexpr qint64 batchIntervalMs = 50;
} // namespace

struct SavedLogLoader::Batch
{
    // A stanza and what its line says besides (most notes are empty).
    struct Entry
    {
        Stanza stanza;
        StanzaOrigin origin;
        QString note;
        StanzaOccurrence occurrence;
    };
    std::vector<Entry> entries;
    qint64 bytesRead = 0;
    bool last = false;
    QStringList problems;
};

SavedLogLoader::SavedLogLoader(StanzaLogModel *model, QObject *parent)
    : QObject(parent)
    , m_model(model)
    , m_room(batchesInFlight)
{}

SavedLogLoader::~SavedLogLoader()
{
    stopThread();
}

bool SavedLogLoader::start(const QString &path, QString *error)
{
    if (m_thread) {
        if (error)
            *error = tr("a loader reads one file");
        return false;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = tr("cannot read %1: %2").arg(path, file.errorString());
        return false;
    }
    m_totalBytes = file.size();
    file.close();
    m_running = true;
    m_thread = QThread::create([this, path] { read(path); });
    m_thread->setObjectName(QStringLiteral("xcm-saved-log"));
    m_thread->start();
    return true;
}

void SavedLogLoader::read(const QString &path)
{
    QFile file(path);
    auto batch = std::make_shared<Batch>();
    // Waits while the model is batchesInFlight behind, so memory holds a few batches, not the file.
    const auto handOver = [&](bool last) {
        batch->bytesRead = file.isOpen() ? file.pos() : 0;
        batch->last = last;
        m_room.acquire();
        if (m_stop)
            return;
        QMetaObject::invokeMethod(
            this, [this, batch] { take(batch); }, Qt::QueuedConnection);
        batch = std::make_shared<Batch>();
    };
    if (!file.open(QIODevice::ReadOnly)) {
        batch->problems.append(tr("cannot read %1: %2").arg(path, file.errorString()));
        handOver(true);
        return;
    }
    CaptureReader reader(&file);
    QElapsedTimer clock;
    clock.start();
    while (!m_stop) {
        const std::optional<CaptureRecord> record = reader.next();
        if (!record)
            break;
        batch->entries.push_back(
            {Stanza::fromLoggedWire(record->direction, record->timestampMs, record->wire), record->origin,
             record->note, record->occurrence});
        if (batch->entries.size() >= batchStanzas || clock.elapsed() >= batchIntervalMs) {
            handOver(false);
            clock.restart();
        }
    }
    batch->problems = reader.problems();
    handOver(true);
}

void SavedLogLoader::take(const std::shared_ptr<Batch> &batch)
{
    m_room.release();
    if (!m_running)
        return; // cancelled meanwhile
    if (m_model) {
        for (const Batch::Entry &entry : batch->entries)
            m_model->append(entry.stanza, entry.origin, entry.note, entry.occurrence);
        m_model->flush();
    }
    m_stanzasRead += batch->entries.size();
    m_bytesRead = batch->bytesRead;
    if (!batch->last) {
        Q_EMIT progress();
        return;
    }
    m_problems = batch->problems;
    m_running = false;
    stopThread();
    Q_EMIT progress();
    Q_EMIT finished();
}

void SavedLogLoader::cancel()
{
    if (!m_running)
        return;
    m_running = false;
    m_cancelled = true;
    stopThread();
    Q_EMIT finished();
}

void SavedLogLoader::stopThread()
{
    if (!m_thread)
        return;
    m_stop = true;
    m_room.release(batchesInFlight); // a reader waiting for room sees the stop
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
}

} // namespace xcm
