// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "capturerecord.h"
#include "wirearena.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <functional>

class QAbstractItemModel;
class QIODevice;

namespace xcm {

// Writes a stanza log to a file.
//   XmlLog     a "# <local date time> <- received" / "-> sent" line, then the stanza on one line
//              (line breaks inside it written as character references, so the XML means the same);
//   JsonLines  one object per stanza: seq, time (UTC, ISO 8601), direction, kind, error, bytes, xml.
// Handshake digests are redacted whatever the model holds.
class StanzaLogExport
{
    Q_DECLARE_TR_FUNCTIONS(xcm::StanzaLogExport)
public:
    enum class Format
    {
        XmlLog,
        JsonLines
    };

    // `model` is a StanzaLogModel or a proxy of one (a StanzaLogFilterModel exports what is shown).
    static bool write(const QAbstractItemModel *model, QIODevice *device, Format format,
                      QString *error = nullptr);
    // What write() needs of each row, taken at once (the bytes are not copied: ~30 ms for a million
    // rows), so that the writing can run on another thread while the log goes on: the records' bytes
    // point into the log's arena, and `wires` keeps its blocks for as long as the snapshot lives.
    struct Snapshot
    {
        QList<CaptureRecord> records;
        WireArena::Retained wires;
    };
    static Snapshot snapshot(const QAbstractItemModel *model);
    // Writes `records`; `progress(done)` is called every few thousand rows and stops the export (an
    // error "cancelled") when it returns false.
    static bool write(const QList<CaptureRecord> &records, QIODevice *device, Format format,
                      QString *error = nullptr, const std::function<bool(qsizetype done)> &progress = {});
    // JsonLines for ".jsonl"/".json" file names, XmlLog otherwise.
    static Format formatForFileName(const QString &fileName);
    // `wire` without line breaks, meaning the same XML.
    static QByteArray oneLine(const QByteArray &wire);
};

} // namespace xcm
