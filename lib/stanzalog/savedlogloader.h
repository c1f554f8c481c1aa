// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QPointer>
#include <QSemaphore>
#include <QStringList>

#include <atomic>
#include <memory>

class QThread;

namespace xcm {

class Stanza;
class StanzaLogModel;

// Reads a saved log — a capture, or a JSON Lines or XML export (CaptureReader) — into a StanzaLogModel:
// the file is read and its stanzas built on a thread of their own, handed over in batches (at most a
// few in flight, so a file larger than memory streams through the log's cap instead of piling up), and
// appended on the model's thread. Lines that cannot be read are skipped and named in problems().
class SavedLogLoader : public QObject
{
    Q_OBJECT
public:
    explicit SavedLogLoader(StanzaLogModel *model, QObject *parent = nullptr);
    ~SavedLogLoader() override; // stops reading and waits for the thread

    // Starts reading `path`; false with the reason when it cannot be opened.
    bool start(const QString &path, QString *error);
    void cancel();
    bool isRunning() const { return m_running; }
    bool wasCancelled() const { return m_cancelled; }
    qint64 bytesRead() const { return m_bytesRead; }
    qint64 totalBytes() const { return m_totalBytes; }
    quint64 stanzasRead() const { return m_stanzasRead; }
    const QStringList &problems() const { return m_problems; }

Q_SIGNALS:
    void progress();
    void finished();

private:
    struct Batch;
    void read(const QString &path);
    void take(const std::shared_ptr<Batch> &batch);
    void stopThread();

    QPointer<StanzaLogModel> m_model;
    QThread *m_thread = nullptr;
    QSemaphore m_room; // batches the reader may still hand over before the model takes one
    std::atomic<bool> m_stop = false;
    bool m_running = false;
    bool m_cancelled = false;
    qint64 m_bytesRead = 0;
    qint64 m_totalBytes = 0;
    quint64 m_stanzasRead = 0;
    QStringList m_problems;
};

} // namespace xcm
