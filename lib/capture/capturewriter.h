// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "capturerecord.h"

#include <QList>
#include <QObject>
#include <QThread>

namespace xcm {

class CaptureFileWriter;

// Records stanzas to disk as they pass, for hours or days: JSON Lines (CaptureRecord), in a folder
// only the user can read (0700, files 0600), rotated by size and count. append() formats the line and
// queues it; the writing happens on a thread of its own, once per event-loop turn, so the connection
// never waits for the disk.
//
// What a crash costs: the lines queued in the current event-loop turn (a process killed with SIGKILL);
// what a power loss costs: at most the last second (the writer syncs the file to disk every second
// while lines arrive, and every 8 MiB under a flood; what is synced leaves the page cache). A line is written
// whole or, cut off by a kill, torn at the end of the newest file — CaptureReader skips such a last line and
// says so; earlier lines are never touched.
class CaptureWriter : public QObject
{
    Q_OBJECT
public:
    struct Settings
    {
        QString directory;
        QString prefix = QStringLiteral("capture"); // files: <prefix>-<UTC time>-<counter>.jsonl
        qint64 maxFileBytes = 100 * 1024 * 1024;
        int maxFiles = 10; // the oldest are deleted beyond this
    };

    explicit CaptureWriter(const Settings &settings, QObject *parent = nullptr);
    // Writes what is queued and syncs it to disk.
    ~CaptureWriter() override;

    // Creates the folder and the first file; false and why if it cannot.
    bool start(QString *error = nullptr);
    bool isRecording() const { return m_recording; }
    const Settings &settings() const { return m_settings; }

    void append(const CaptureRecord &record);
    // Hands what is queued to the writing thread now, and waits until it is written and synced.
    void flush();

Q_SIGNALS:
    // Writing failed (disk full, folder removed): recording has stopped.
    void failed(const QString &reason);
    // A new file was started (at start and at each rotation).
    void fileStarted(const QString &fileName);

private:
    void handOver();

    Settings m_settings;
    bool m_recording = false;
    bool m_handOverQueued = false;
    // Records as they came: turned into lines on the writing thread, not the caller's.
    QList<CaptureRecord> m_queued;
    qsizetype m_queuedBytes = 0;
    QThread m_thread;
    CaptureFileWriter *m_fileWriter = nullptr; // lives on m_thread
};

} // namespace xcm
