// SPDX-License-Identifier: GPL-3.0-or-later
// Captures: CaptureWriter's files (rotation, privacy, a kill mid-write) read back by CaptureReader, and
// CaptureReader on exports, torn and corrupted files.

#include "capturereader.h"
#include "capturewriter.h"
#include "stanzalogexport.h"

#include <QBuffer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>
#include <QTimer>

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <vector>

#include <linux/magic.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace xcm;

namespace {

CaptureRecord record(quint64 sequence, QByteArray body = "hello")
{
    return {sequence,
            1'764'800'000'000 + qint64(sequence),
            sequence % 2 ? Direction::Received : Direction::Sent,
            StanzaKind::Message,
            false,
            "<message to='a@b' id='" + QByteArray::number(sequence) + "'><body>" + body +
                "</body></message>"};
}

// Every record in `directory`'s capture files, oldest file first; the reader's problems in `problems`.
QList<CaptureRecord> readAll(const QString &directory, QStringList *problems = nullptr, int *files = nullptr)
{
    QList<CaptureRecord> records;
    const QStringList names = QDir(directory).entryList({u"capture-*.jsonl"_s}, QDir::Files, QDir::Name);
    if (files)
        *files = int(names.size());
    for (const QString &name : names) {
        QFile file(QDir(directory).filePath(name));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        CaptureReader reader(&file);
        while (const auto next = reader.next())
            records.append(*next);
        if (problems)
            *problems += reader.problems();
    }
    return records;
}

// How many bytes of `fileName` are in the page cache (mincore() over a mapping of it).
qint64 cachedBytes(const QString &fileName)
{
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly) || file.size() == 0)
        return 0;
    uchar *const mapped = file.map(0, file.size());
    if (!mapped)
        return -1;
    const long page = ::sysconf(_SC_PAGESIZE);
    std::vector<unsigned char> resident(size_t((file.size() + page - 1) / page));
    const int result = ::mincore(mapped, size_t(file.size()), resident.data());
    file.unmap(mapped);
    if (result != 0)
        return -1;
    return qint64(std::count_if(resident.cbegin(), resident.cend(), [](unsigned char r) { return r & 1; })) *
           page;
}

// The child of killedMidWriteKeepsAllButTheLastSecond: records as fast as it can, saying how far it got.
int writeUntilKilled(const QString &directory)
{
    CaptureWriter writer({directory, u"capture"_s, 256 * 1024, 1000});
    QString error;
    if (!writer.start(&error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    quint64 sequence = 0;
    QTimer timer;
    QObject::connect(&timer, &QTimer::timeout, [&] {
        for (int i = 0; i < 50; ++i)
            writer.append(record(++sequence, QByteArray(200, 'x')));
        // Appended so far: all of it handed to the writing thread by the end of this event-loop turn.
        std::printf("%llu\n", static_cast<unsigned long long>(sequence));
        std::fflush(stdout);
    });
    timer.start(2);
    return QCoreApplication::exec();
}

} // namespace

class TestCapture : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void recordRoundTrip();
    void recordKeepsOriginAndNote();
    void recordEscapesEveryPosition();
    void recordRedactsHandshake();
    void writesPrivateFilesAndReadsThemBack();
    void anExistingFolderKeepsItsMode();
    void rotatesBySizeAndCount();
    void writtenLinesLeaveThePageCache();
    void readsTornAndCorruptedFiles();
    void readsXmlLogExport();
    void xmlLogKeepsOriginNoteAndRepeat();
    void shortXmlLogHeadingIsNamed();
    void headingWithoutItsStanzaIsNamed();
    void byteOrderMarkIsNotPartOfLineOne();
    void killedMidWriteKeepsAllButTheLastSecond();
};

void TestCapture::recordRoundTrip()
{
    const CaptureRecord original = record(7, "multi\nline & <escaped> “quotes”");
    const QByteArray line = original.toJsonLine();
    QVERIFY(line.endsWith('\n'));
    QCOMPARE(line.count('\n'), 1); // one line, whatever the stanza holds
    QString error;
    const auto back = CaptureRecord::fromJsonLine(line.chopped(1), &error);
    QVERIFY2(back, qPrintable(error));
    QCOMPARE(*back, original);
}

void TestCapture::recordKeepsOriginAndNote()
{
    // Whether xcm made an answer, and what a fault rule did, survive a capture; a plain row's line has
    // neither key. The line is what QJsonDocument writes of the same object (sorted keys, escapes).
    CaptureRecord answer = record(3, "pong");
    answer.origin = StanzaOrigin::Automatic;
    answer.note = u"echo \"quoted\" \\ é \b\f\t\x01"_s;
    CaptureRecord injected = record(4, "poke");
    injected.origin = StanzaOrigin::Injected;
    CaptureRecord held = record(5, "late");
    held.note = u"released: held 2.10 s by rule wait"_s;
    held.occurrence = StanzaOccurrence::Repeat;
    for (const CaptureRecord &original : {answer, injected, held, record(6)}) {
        const QByteArray line = original.toJsonLine();
        QString error;
        const auto back = CaptureRecord::fromJsonLine(line.chopped(1), &error);
        QVERIFY2(back, qPrintable(error));
        QCOMPARE(back->origin, original.origin);
        QCOMPARE(back->note, original.note);
        QCOMPARE(back->occurrence, original.occurrence);
        QCOMPARE(*back, original);
        QCOMPARE(line.chopped(1), QJsonDocument::fromJson(line).toJson(QJsonDocument::Compact));
        QCOMPARE(line.contains("\"origin\""), original.origin != StanzaOrigin::Wire);
        QCOMPARE(line.contains("\"note\""), !original.note.isEmpty());
        QCOMPARE(line.contains("\"repeat\""), original.occurrence == StanzaOccurrence::Repeat);
    }
}

void TestCapture::recordEscapesEveryPosition()
{
    // What JSON must escape, at every offset of the 16-byte blocks the escaping skips through, and
    // across the day's change (the date part is kept between lines).
    const QByteArray specials[] = {"\"", "\\", "\n", "\r", "\t", QByteArray(1, '\x01'), "\x1f", "\xc3\xa9"};
    QByteArray lines;
    QList<CaptureRecord> written;
    for (const QByteArray &special : specials) {
        for (int at = 0; at < 40; ++at) {
            CaptureRecord original = record(quint64(written.size() + 1), {});
            original.wire = QByteArray(at, 'a') + special + QByteArray(40 - at, 'b');
            original.timestampMs = 86'400'000LL * (20'000 + written.size() % 3) - 1 + written.size() % 2;
            original.appendJsonLine(lines);
            written << original;
        }
    }
    const QList<QByteArray> split = lines.split('\n');
    QCOMPARE(split.size(), written.size() + 1); // and the empty text after the last '\n'
    for (qsizetype i = 0; i < written.size(); ++i) {
        QString error;
        const auto back = CaptureRecord::fromJsonLine(split.at(i), &error);
        QVERIFY2(back, qPrintable(error + u": "_s + QString::fromUtf8(split.at(i))));
        QCOMPARE(*back, written.at(i));
    }
}

void TestCapture::recordRedactsHandshake()
{
    CaptureRecord handshake = record(1);
    handshake.wire = "<handshake>0123456789abcdef0123456789abcdef01234567</handshake>";
    const QByteArray line = handshake.toJsonLine();
    QVERIFY(!line.contains("0123456789abcdef"));
    QVERIFY(line.contains("[redacted]"));
}

void TestCapture::writesPrivateFilesAndReadsThemBack()
{
    QTemporaryDir temporary;
    const QString directory = temporary.filePath(u"captures/demo"_s);
    QList<CaptureRecord> written;
    {
        CaptureWriter writer({directory});
        QSignalSpy started(&writer, &CaptureWriter::fileStarted);
        QVERIFY(writer.start());
        QTRY_COMPARE(started.size(), 1); // from the writing thread
        for (quint64 i = 1; i <= 1000; ++i) {
            written.append(record(i));
            writer.append(written.last());
        }
    } // the destructor writes what is queued
    const auto mask = ~(QFileDevice::ReadUser | QFileDevice::WriteUser | QFileDevice::ExeUser);
    QCOMPARE(QFileInfo(directory).permissions() & mask,
             QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    int files = 0;
    QStringList problems;
    QCOMPARE(readAll(directory, &problems, &files), written);
    QCOMPARE(files, 1);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    const QString file = QDir(directory).entryInfoList({u"*.jsonl"_s}).value(0).filePath();
    QCOMPARE(QFileInfo(file).permissions() & mask, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
}

void TestCapture::anExistingFolderKeepsItsMode()
{
    // `xcm-cli --record .` in a shared folder made it 0700, dropping its group's access and setgid bit.
    QTemporaryDir temporary;
    const QString shared = temporary.filePath(u"shared"_s);
    QVERIFY(QDir().mkdir(shared));
    QVERIFY(::chmod(QFile::encodeName(shared).constData(), 02775) == 0);
    {
        CaptureWriter writer({shared});
        QVERIFY(writer.start());
        writer.append(record(1));
    }
    struct stat status = {};
    QVERIFY(::stat(QFile::encodeName(shared).constData(), &status) == 0);
    QCOMPARE(status.st_mode & 07777, mode_t(02775));
    const QString file = QDir(shared).entryInfoList({u"*.jsonl"_s}).value(0).filePath();
    const auto mask = ~(QFileDevice::ReadUser | QFileDevice::WriteUser | QFileDevice::ExeUser);
    QCOMPARE(QFileInfo(file).permissions() & mask, QFileDevice::ReadOwner | QFileDevice::WriteOwner);

    // A file where the folder should be says so.
    const QString plain = temporary.filePath(u"plain"_s);
    QFile(plain).open(QIODevice::WriteOnly);
    CaptureWriter blocked({plain});
    QString error;
    QVERIFY(!blocked.start(&error));
    QCOMPARE(error, u"%1 is a file, not a folder"_s.arg(plain));
}

void TestCapture::rotatesBySizeAndCount()
{
    QTemporaryDir temporary;
    const qsizetype lineBytes = record(101).toJsonLine().size(); // received: the longer direction
    // Room for exactly three lines a file, three files.
    CaptureWriter::Settings settings{temporary.path(), u"capture"_s, 3 * lineBytes, 3};
    {
        CaptureWriter writer(settings);
        QVERIFY(writer.start());
        for (quint64 i = 100; i < 120; ++i) {
            writer.append(record(i));
            writer.flush(); // one line at a time: each may start a file
        }
    }
    int files = 0;
    QStringList problems;
    const QList<CaptureRecord> kept = readAll(temporary.path(), &problems, &files);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    QCOMPARE(files, 3);
    // The newest lines survive, in order, none split between files.
    QCOMPARE(kept.size(), 8); // 20 = 6 files of 3 and one of 2: the last three files hold 3 + 3 + 2
    for (qsizetype i = 0; i < kept.size(); ++i)
        QCOMPARE(kept.at(i).sequence, quint64(112 + i));
    for (const QFileInfo &file : QDir(temporary.path()).entryInfoList({u"*.jsonl"_s}))
        QVERIFY2(file.size() <= 3 * lineBytes, qPrintable(file.fileName()));

    // A line larger than a whole file gets a file to itself rather than being lost.
    QTemporaryDir large;
    {
        CaptureWriter writer({large.path(), u"capture"_s, 100, 10});
        QVERIFY(writer.start());
        writer.append(record(1, QByteArray(500, 'y')));
        writer.append(record(2));
    }
    QCOMPARE(readAll(large.path()).size(), 2);
}

void TestCapture::writtenLinesLeaveThePageCache()
{
    // Days of recording filled the page cache with lines nobody reads (and, on a VM, each fresh page cost
    // 15 times a reused one): what is synced leaves it, and a flood is synced every 8 MiB, not only
    // every second.
    QTemporaryDir temporary;
    struct statfs filesystem
    {};
    QVERIFY(::statfs(qPrintable(temporary.path()), &filesystem) == 0);
    if (filesystem.f_type == TMPFS_MAGIC)
        QSKIP("the temporary folder is on tmpfs, whose pages are the file itself: none can leave");
    constexpr qint64 flood = 24 << 20;
    CaptureWriter writer({temporary.path(), u"capture"_s, 1 << 30, 1});
    QVERIFY(writer.start());
    QString fileName;
    QElapsedTimer clock;
    clock.start();
    const QByteArray body(1000, 'z');
    quint64 records = 0;
    for (qint64 written = 0; written < flood; written += record(records, body).toJsonLine().size())
        writer.append(record(++records, body));
    QTRY_VERIFY((fileName = QDir(temporary.path()).entryInfoList({u"*.jsonl"_s}).value(0).filePath(),
                 QFileInfo(fileName).size() >= flood));
    // Before the one-second sync (a sanitizer's build may be too slow to look in time): only what came
    // after the last 8 MiB may still be cached.
    const qint64 cached = cachedBytes(fileName);
    const bool beforeTheTimer = clock.elapsed() < 900;
    QVERIFY(cached >= 0);
    if (beforeTheTimer)
        QVERIFY2(cached <= (8 << 20) + (2 << 20), qPrintable(QString::number(cached)));
    writer.flush();
    QVERIFY2(cachedBytes(fileName) <= 64 * 1024, qPrintable(QString::number(cachedBytes(fileName))));
    QCOMPARE(quint64(readAll(temporary.path()).size()), records);

    // Light traffic, synced every second: each sync ends inside a page, and a range starting there kept
    // that page, so nearly every page of a slow capture stayed.
    QTemporaryDir slow;
    CaptureWriter slowWriter({slow.path(), u"capture"_s, 1 << 30, 1});
    QVERIFY(slowWriter.start());
    for (quint64 i = 1; i <= 200; ++i) {
        slowWriter.append(record(i, QByteArray(300, 's')));
        slowWriter.flush(); // as the second's sync does
    }
    const QString slowFile = QDir(slow.path()).entryInfoList({u"*.jsonl"_s}).value(0).filePath();
    QVERIFY(QFileInfo(slowFile).size() > 16 * 4096);
    QVERIFY2(cachedBytes(slowFile) <= 2 * 4096, qPrintable(QString::number(cachedBytes(slowFile))));

    // A batch that fills a file and starts the next: the full one is synced before it is closed (the
    // first batch rotated without its sync), and leaves the cache whole.
    QTemporaryDir rotating;
    {
        CaptureWriter rotatingWriter({rotating.path(), u"capture"_s, 64 * 1024, 10});
        QVERIFY(rotatingWriter.start());
        for (quint64 i = 1; i <= 300; ++i)
            rotatingWriter.append(record(i, QByteArray(600, 'r'))); // one batch, about three files
        rotatingWriter.flush();
        const QFileInfoList files =
            QDir(rotating.path()).entryInfoList({u"*.jsonl"_s}, QDir::Files, QDir::Name);
        QVERIFY(files.size() >= 3);
        for (qsizetype i = 0; i + 1 < files.size(); ++i)
            QVERIFY2(cachedBytes(files.at(i).filePath()) == 0, qPrintable(files.at(i).fileName()));
    }
    QCOMPARE(readAll(rotating.path()).size(), 300);
}

void TestCapture::readsTornAndCorruptedFiles()
{
    QByteArray content = record(1).toJsonLine() + "{\"seq\": 2, not json}\n" + record(3).toJsonLine() +
                         "garbage line\n" + record(4).toJsonLine();
    content += record(5).toJsonLine().first(30); // torn: killed while writing
    QBuffer buffer(&content);
    QVERIFY(buffer.open(QIODevice::ReadOnly));
    CaptureReader reader(&buffer);
    QList<quint64> sequences;
    while (const auto next = reader.next())
        sequences.append(next->sequence);
    QCOMPARE(sequences, (QList<quint64>{1, 3, 4}));
    QVERIFY(reader.lastLineTorn());
    QCOMPARE(reader.problems().size(), 3);
    QVERIFY2(reader.problems().at(0).startsWith(u"line 2: not JSON"_s), qPrintable(reader.problems().at(0)));
    QVERIFY2(reader.problems().at(1).startsWith(u"line 4: neither"_s), qPrintable(reader.problems().at(1)));
    QVERIFY2(reader.problems().at(2).startsWith(u"line 6: the last line is incomplete"_s),
             qPrintable(reader.problems().at(2)));
}

void TestCapture::readsXmlLogExport()
{
    QByteArray content = "# xcm stanza log: 3 stanzas, exported 2026-12-04T14:05:00+00:00\n"
                         "# 2026-12-04 14:05:01.123 <- received\n"
                         "<iq type='error' id='1' from='a@b' to='c'><error type='cancel'/></iq>\n"
                         "# 2026-12-04 14:05:01.200 -> sent\n"
                         "<message to='a@b'><body>hi</body></message>\n"
                         "# 2026-12-04 14:05:02.000 <- received\n"
                         "</stream:stream>\n";
    QBuffer buffer(&content);
    QVERIFY(buffer.open(QIODevice::ReadOnly));
    CaptureReader reader(&buffer);
    QList<CaptureRecord> records;
    while (const auto next = reader.next())
        records.append(*next);
    QVERIFY2(reader.problems().isEmpty(), qPrintable(reader.problems().join(u'\n')));
    QCOMPARE(records.size(), 3);
    QCOMPARE(records.at(0).kind, StanzaKind::Iq);
    QVERIFY(records.at(0).error);
    QCOMPARE(records.at(0).direction, Direction::Received);
    QCOMPARE(QDateTime::fromMSecsSinceEpoch(records.at(0).timestampMs).toString(u"hh:mm:ss.zzz"_s),
             u"14:05:01.123"_s);
    QCOMPARE(records.at(1).kind, StanzaKind::Message);
    QCOMPARE(records.at(1).direction, Direction::Sent);
    QCOMPARE(records.at(1).wire, "<message to='a@b'><body>hi</body></message>"_ba);
    QCOMPARE(records.at(2).kind, StanzaKind::Stream);
}

void TestCapture::xmlLogKeepsOriginNoteAndRepeat()
{
    // Written by the XML log export and read back: what the log noted survives as in JSON Lines, a note
    // that says "-> sent" or " · " included; a heading with something unknown after it is named.
    QList<CaptureRecord> written = {record(1), record(2), record(3), record(4)};
    written[1].origin = StanzaOrigin::Automatic;
    written[1].note = u"echo"_s;
    written[2].note = u"passed on: delayed 500 ms by rule a · b -> sent <- received"_s;
    written[2].occurrence = StanzaOccurrence::Repeat;
    written[3].origin = StanzaOrigin::Injected;
    QBuffer out;
    QVERIFY(out.open(QIODevice::WriteOnly));
    QString error;
    QVERIFY2(StanzaLogExport::write(written, &out, StanzaLogExport::Format::XmlLog, &error),
             qPrintable(error));
    QByteArray content = out.data();
    QVERIFY2(content.contains("-> sent · automatic · note: echo\n"), content.constData());
    content += "# 2026-12-04 14:05:02.000 <- received · sideways\n<message/>\n";
    QBuffer in(&content);
    QVERIFY(in.open(QIODevice::ReadOnly));
    CaptureReader reader(&in);
    QList<CaptureRecord> read;
    while (const auto next = reader.next())
        read.append(*next);
    QCOMPARE(read.size(), 5);
    for (int i = 0; i < 4; ++i) {
        QCOMPARE(read.at(i).direction, written.at(i).direction);
        QCOMPARE(read.at(i).origin, written.at(i).origin);
        QCOMPARE(read.at(i).note, written.at(i).note);
        QCOMPARE(read.at(i).occurrence, written.at(i).occurrence);
        QCOMPARE(read.at(i).wire, written.at(i).wire);
    }
    QCOMPARE(reader.problems().size(), 1);
    QVERIFY2(reader.problems().first().contains(u"the heading ends in something unknown: · sideways"_s),
             qPrintable(reader.problems().first()));
}

void TestCapture::shortXmlLogHeadingIsNamed()
{
    // Shorter than a time: the reader read the time's 23 bytes past its end (an assertion in a debug
    // build, an overread under ASan). Now the heading is named and the stanza kept.
    QByteArray content = "# 1 <- received\n<message to='a@b'/>\n";
    QBuffer buffer(&content);
    QVERIFY(buffer.open(QIODevice::ReadOnly));
    CaptureReader reader(&buffer);
    const auto first = reader.next();
    QVERIFY(first);
    QCOMPARE(first->wire, "<message to='a@b'/>"_ba);
    QCOMPARE(reader.problems(), QStringList({u"line 1: no time in the heading"_s}));
}

void TestCapture::headingWithoutItsStanzaIsNamed()
{
    // An XML log cut by hand: a heading followed by another heading, and one at the very end.
    QByteArray content = "# 2026-12-04 14:05:01.123 <- received\n"
                         "# 2026-12-04 14:05:02.000 -> sent\n<message to='a@b'/>\n"
                         "# 2026-12-04 14:05:03.000 <- received\n";
    QBuffer buffer(&content);
    QVERIFY(buffer.open(QIODevice::ReadOnly));
    CaptureReader reader(&buffer);
    const auto first = reader.next();
    QVERIFY(first);
    QCOMPARE(first->direction, Direction::Sent);
    QVERIFY(!reader.next());
    QCOMPARE(reader.problems(), QStringList({u"line 1: a heading without its stanza"_s,
                                             u"line 4: a heading without its stanza"_s}));
    QVERIFY(!reader.next()); // said once
    QCOMPARE(reader.problems().size(), 2);
}

void TestCapture::byteOrderMarkIsNotPartOfLineOne()
{
    for (QByteArray content : {"\xEF\xBB\xBF{\"seq\":1,\"time\":\"2026-12-04T14:05:01.123Z\",\"direction\":"
                               "\"received\",\"xml\":\"<message/>\"}\n"_ba,
                               "\xEF\xBB\xBF# 2026-12-04 14:05:01.123 <- received\n<message/>\n"_ba}) {
        QBuffer buffer(&content);
        QVERIFY(buffer.open(QIODevice::ReadOnly));
        CaptureReader reader(&buffer);
        const auto record = reader.next();
        QVERIFY2(record, qPrintable(reader.problems().join(u'\n')));
        QCOMPARE(record->wire, "<message/>"_ba);
        QVERIFY(reader.problems().isEmpty());
    }
}

void TestCapture::killedMidWriteKeepsAllButTheLastSecond()
{
    QTemporaryDir temporary;
    QProcess child;
    child.start(QCoreApplication::applicationFilePath(), {u"--write-until-killed"_s, temporary.path()});
    QVERIFY(child.waitForStarted());
    // Remember when each count was announced; after the kill, everything announced a second before
    // must be on disk.
    QList<std::pair<qint64, quint64>> announced;
    QElapsedTimer clock;
    clock.start();
    QByteArray pending;
    while (clock.elapsed() < 2500) {
        child.waitForReadyRead(50);
        pending += child.readAllStandardOutput();
        while (pending.contains('\n')) {
            const qsizetype end = pending.indexOf('\n');
            announced.append({clock.elapsed(), pending.first(end).toULongLong()});
            pending.remove(0, end + 1);
        }
    }
    const qint64 killedAt = clock.elapsed();
    ::kill(pid_t(child.processId()), SIGKILL);
    QVERIFY(child.waitForFinished());
    QVERIFY2(!announced.isEmpty(), child.readAllStandardError().constData());
    quint64 safe = 0;
    for (const auto &[at, count] : announced) {
        if (at <= killedAt - 1000)
            safe = count;
    }
    QVERIFY(safe > 1000);

    int files = 0;
    QStringList problems;
    const QList<CaptureRecord> records = readAll(temporary.path(), &problems, &files);
    QVERIFY2(files > 1, "the child should have rotated at least once");
    QVERIFY2(
        quint64(records.size()) >= safe,
        qPrintable(
            u"%1 records on disk, %2 announced a second before the kill"_s.arg(records.size()).arg(safe)));
    for (qsizetype i = 0; i < records.size(); ++i)
        QCOMPARE(records.at(i).sequence, quint64(i + 1)); // nothing lost or damaged in between
    // At most the newest file's last line is torn, and said so.
    QVERIFY2(problems.size() <= 1, qPrintable(problems.join(u'\n')));
    if (!problems.isEmpty())
        QVERIFY2(problems.first().contains(u"the last line is incomplete"_s), qPrintable(problems.first()));
}

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc == 3 && qstrcmp(argv[1], "--write-until-killed") == 0)
        return writeUntilKilled(QString::fromLocal8Bit(argv[2]));
    TestCapture test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_capture.moc"
