// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target for xcm::CaptureReader: the input is a saved log (a capture, a JSON Lines or XML log
// export, or anything a user might open as one). Invariants checked beyond "no crash, hang, leak or UB":
// - every record comes whole: a direction, and a problem list that stays bounded;
// - what was read, written again as a JSON line and as an XML log and read back, is read the same the
//   second time as the third (writing is idempotent once a record has been through it: handshake
//   digests redacted, line breaks in a note made spaces).
#include "capturereader.h"
#include "capturerecord.h"
#include "fuzzsupport.h"
#include "stanzalogexport.h"

#include <QBuffer>

using namespace xcm;
using xcm::fuzz::fail;

namespace {

QList<CaptureRecord> readAll(QByteArray bytes, QStringList *problems = nullptr)
{
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::ReadOnly);
    CaptureReader reader(&buffer);
    QList<CaptureRecord> records;
    while (const std::optional<CaptureRecord> record = reader.next())
        records.append(*record);
    if (problems)
        *problems = reader.problems();
    return records;
}

QByteArray written(const QList<CaptureRecord> &records, StanzaLogExport::Format format)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QString error;
    if (!StanzaLogExport::write(records, &buffer, format, &error))
        fail("the export refused what the reader gave", error.toUtf8());
    return buffer.data();
}

bool sameFacts(const CaptureRecord &a, const CaptureRecord &b)
{
    return a.direction == b.direction && a.wire == b.wire && a.origin == b.origin && a.note == b.note &&
           a.occurrence == b.occurrence;
}

void checkRoundTrip(const QList<CaptureRecord> &records, StanzaLogExport::Format format, const char *what)
{
    const QList<CaptureRecord> once = readAll(written(records, format));
    const QList<CaptureRecord> twice = readAll(written(once, format));
    if (once.size() != twice.size())
        fail(what, "a different number of records the second time");
    for (qsizetype i = 0; i < once.size(); ++i) {
        if (!sameFacts(once.at(i), twice.at(i)))
            fail(what, once.at(i).wire);
    }
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    xcm::fuzz::initialise(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    QStringList problems;
    const QList<CaptureRecord> records =
        readAll(QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)), &problems);
    XCM_FUZZ_CHECK(problems.size() <= 101, {}); // 100 and "… more problems not listed"
    for (const CaptureRecord &record : records)
        XCM_FUZZ_CHECK(record.direction == Direction::Received || record.direction == Direction::Sent, {});
    checkRoundTrip(records, StanzaLogExport::Format::JsonLines, "JSON Lines round trip");
    checkRoundTrip(records, StanzaLogExport::Format::XmlLog, "XML log round trip");
    return 0;
}
