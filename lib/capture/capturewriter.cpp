// SPDX-License-Identifier: GPL-3.0-or-later
#include "capturewriter.h"

#include "logging.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTimer>

#include <fcntl.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace xcm {

namespace {
constexpr QFileDevice::Permissions privateFile = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
constexpr QFileDevice::Permissions privateDirectory = privateFile | QFileDevice::ExeOwner;
constexpr int syncIntervalMs = 1000;
// A flood syncs sooner: what is dirty stays small, and what is on disk leaves the page cache (sync()).
constexpr qint64 syncBytes = 8 << 20;
constexpr qsizetype handOverBytes = 1 << 20; // a busy turn hands over early
} // namespace

// The writing side, on the capture's own thread: appends, rotates at line boundaries, syncs.
class CaptureFileWriter : public QObject
{
    Q_OBJECT
public:
    explicit CaptureFileWriter(const CaptureWriter::Settings &settings)
        : m_settings(settings)
    {}

    void open()
    {
        m_syncTimer = new QTimer(this);
        m_syncTimer->setInterval(syncIntervalMs);
        connect(m_syncTimer, &QTimer::timeout, this, &CaptureFileWriter::sync);
        startFile();
    }

    // The records as lines, in one buffer kept from batch to batch (a fresh megabyte each time costs a
    // page fault every 4 KiB).
    void writeRecords(const QList<CaptureRecord> &records)
    {
        m_lines.resize(0); // keeps its capacity
        for (const CaptureRecord &record : records)
            record.appendJsonLine(m_lines);
        write(m_lines);
    }

    void write(const QByteArray &lines)
    {
        if (!m_file.isOpen())
            return;
        qsizetype from = 0;
        while (from < lines.size()) {
            // Whole lines up to what the file may still take (a line longer than a file gets one alone).
            const qint64 room = m_settings.maxFileBytes - m_file.size();
            // Most batches fit whole: only one that reaches the rotation is looked into line by line.
            qsizetype to = lines.size() - from <= room ? lines.size() : from;
            while (to < lines.size()) {
                const qsizetype end = lines.indexOf('\n', to);
                const qsizetype next = end < 0 ? lines.size() : end + 1;
                if (next - from > room && (to > from || m_file.size() > 0))
                    break;
                to = next;
            }
            if (to == from) {
                startFile();
                if (!m_file.isOpen())
                    return;
                continue;
            }
            if (m_file.write(lines.constData() + from, to - from) != to - from) {
                fail(tr("cannot write %1: %2").arg(m_file.fileName(), m_file.errorString()));
                return;
            }
            m_dirty = true; // before a rotation further on, which syncs this file first
            from = to;
        }
        m_unsyncedBytes += lines.size();
        if (m_unsyncedBytes >= syncBytes)
            sync();
        else if (!m_syncTimer->isActive())
            m_syncTimer->start();
    }

    void finish() { closeFile(); }

    void sync()
    {
        if (!m_dirty || !m_file.isOpen()) {
            m_syncTimer->stop();
            return;
        }
        m_file.flush();
        ::fdatasync(m_file.handle());
        // A capture is read back seldom, if ever: once on disk, its pages leave the page cache, so that
        // days of recording do not push out what the machine uses, and the next lines are written into
        // pages just given back rather than fresh ones (on a VM the first write to a fresh page is
        // costly: 1.9 ms a MiB here, 0.13 for pages used before). Whole pages only: the kernel keeps a
        // page the range covers in part, so the range starts at a page boundary, and the last page,
        // which the next lines fill, goes next time.
        static const qint64 pageSize = ::sysconf(_SC_PAGESIZE);
        const qint64 wholePagesEnd = m_file.size() / pageSize * pageSize;
        if (wholePagesEnd > m_cachedFrom) {
            ::posix_fadvise(m_file.handle(), m_cachedFrom, wholePagesEnd - m_cachedFrom, POSIX_FADV_DONTNEED);
            m_cachedFrom = wholePagesEnd;
        }
        m_dirty = false;
        m_unsyncedBytes = 0;
    }

    // Syncs and closes the file, none of it left in the page cache.
    void closeFile()
    {
        sync();
        if (m_file.isOpen())
            ::posix_fadvise(m_file.handle(), 0, 0, POSIX_FADV_DONTNEED);
        m_file.close();
    }

Q_SIGNALS:
    void failed(const QString &reason);
    void fileStarted(const QString &fileName);

private:
    void startFile()
    {
        if (m_file.isOpen())
            closeFile();
        // UTC time orders the files across runs; within a run, two files may start in the same
        // millisecond, so a counter follows (zero-padded: names sort as they were started).
        const QString stamp = QDateTime::currentDateTimeUtc().toString(u"yyyyMMdd'T'hhmmss.zzz'Z'"_s);
        const QString name =
            QDir(m_settings.directory)
                .filePath(m_settings.prefix + u'-' + stamp + u'-' +
                          u"%1"_s.arg(++m_filesStarted, 6, 10, QLatin1Char('0')) + u".jsonl"_s);
        m_file.setFileName(name);
        m_cachedFrom = 0;
        if (!m_file.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Unbuffered) ||
            !m_file.setPermissions(privateFile)) {
            fail(tr("cannot create %1: %2").arg(name, m_file.errorString()));
            return;
        }
        qCInfo(lcCapture) << "recording to" << name;
        removeOldFiles();
        Q_EMIT fileStarted(name);
    }

    void removeOldFiles()
    {
        const QStringList files =
            QDir(m_settings.directory)
                .entryList({m_settings.prefix + u"-*.jsonl"_s}, QDir::Files, QDir::Name);
        for (qsizetype i = 0; i + m_settings.maxFiles < files.size(); ++i) {
            qCInfo(lcCapture) << "rotation removes" << files.at(i);
            QFile::remove(QDir(m_settings.directory).filePath(files.at(i)));
        }
    }

    void fail(const QString &reason)
    {
        qCWarning(lcCapture) << "recording stopped:" << reason;
        m_file.close();
        Q_EMIT failed(reason);
    }

    CaptureWriter::Settings m_settings;
    QFile m_file;
    QByteArray m_lines;
    QTimer *m_syncTimer = nullptr;
    bool m_dirty = false;
    qint64 m_unsyncedBytes = 0;
    qint64 m_cachedFrom = 0; // where the file's pages still in the page cache begin
    quint64 m_filesStarted = 0;
};

CaptureWriter::CaptureWriter(const Settings &settings, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
{
    m_settings.maxFiles = std::max(1, m_settings.maxFiles);
    m_settings.maxFileBytes = std::max<qint64>(1, m_settings.maxFileBytes);
    m_thread.setObjectName(u"xcm-capture"_s);
}

CaptureWriter::~CaptureWriter()
{
    if (!m_fileWriter)
        return;
    handOver();
    QMetaObject::invokeMethod(m_fileWriter, &CaptureFileWriter::finish, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

bool CaptureWriter::start(QString *error)
{
    if (m_fileWriter)
        return m_recording;
    // A folder made here is private (0700); one that exists keeps the mode its owner gave it (a shared
    // group folder, a home), as the files in it are private anyway (0600).
    const QFileInfo folder(m_settings.directory);
    if (folder.exists() && !folder.isDir()) {
        if (error)
            *error = tr("%1 is a file, not a folder").arg(m_settings.directory);
        return false;
    }
    if (!folder.exists() && (!QDir().mkpath(m_settings.directory) ||
                             !QFile::setPermissions(m_settings.directory, privateDirectory))) {
        if (error)
            *error = tr("cannot create the folder %1 (%2)").arg(m_settings.directory, qt_error_string());
        return false;
    }
    m_fileWriter = new CaptureFileWriter(m_settings);
    m_fileWriter->moveToThread(&m_thread);
    // Deleted on its thread as that thread ends (a queued deleteLater could be dropped by quit()).
    connect(&m_thread, &QThread::finished, m_fileWriter, &QObject::deleteLater);
    connect(m_fileWriter, &CaptureFileWriter::fileStarted, this, &CaptureWriter::fileStarted);
    connect(m_fileWriter, &CaptureFileWriter::failed, this, [this](const QString &reason) {
        m_recording = false;
        Q_EMIT failed(reason);
    });
    m_thread.start();
    QString openError;
    QMetaObject::Connection failure = connect(
        m_fileWriter, &CaptureFileWriter::failed, this,
        [&openError](const QString &reason) { openError = reason; }, Qt::DirectConnection);
    QMetaObject::invokeMethod(m_fileWriter, &CaptureFileWriter::open, Qt::BlockingQueuedConnection);
    disconnect(failure);
    m_recording = openError.isEmpty();
    if (!m_recording && error)
        *error = openError;
    return m_recording;
}

void CaptureWriter::append(const CaptureRecord &record)
{
    if (!m_recording)
        return;
    m_queued.append(record);
    m_queuedBytes += record.wire.size();
    if (m_queuedBytes >= handOverBytes) {
        handOver();
        return;
    }
    if (!m_handOverQueued) {
        m_handOverQueued = true;
        QMetaObject::invokeMethod(this, &CaptureWriter::handOver, Qt::QueuedConnection);
    }
}

void CaptureWriter::flush()
{
    if (!m_fileWriter)
        return;
    handOver();
    QMetaObject::invokeMethod(m_fileWriter, &CaptureFileWriter::sync, Qt::BlockingQueuedConnection);
}

void CaptureWriter::handOver()
{
    m_handOverQueued = false;
    if (m_queued.isEmpty() || !m_fileWriter)
        return;
    m_queuedBytes = 0;
    QMetaObject::invokeMethod(m_fileWriter,
                              [this, writer = m_fileWriter, records = std::exchange(m_queued, {})]() mutable {
                                  writer->writeRecords(records);
                                  // The stanzas' bytes were allocated on this object's thread: they are freed
                                  // there too. Freed on the writing thread, each free took the allocator's
                                  // lock that thread's mallocs wait for.
                                  QMetaObject::invokeMethod(
                                      this, [spent = std::move(records)] {}, Qt::QueuedConnection);
                              });
}

} // namespace xcm

#include "capturewriter.moc"
