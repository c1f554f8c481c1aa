// SPDX-License-Identifier: GPL-3.0-or-later
#include "stanzalogexport.h"

#include "capturerecord.h"
#include "redaction.h"
#include "stanza.h"
#include "stanzalogmodel.h"

#include <QAbstractItemModel>
#include <QAbstractProxyModel>
#include <QDateTime>
#include <QIODevice>

#include <limits>

using namespace Qt::StringLiterals;

namespace xcm {

namespace {

constexpr qsizetype writeChunk = 1 << 20;

} // namespace

StanzaLogExport::Snapshot StanzaLogExport::snapshot(const QAbstractItemModel *model)
{
    Snapshot snapshot;
    QList<CaptureRecord> &records = snapshot.records;
    if (!model)
        return snapshot;
    const int rows = model->rowCount();
    records.reserve(rows);
    // The model's own accessors where there is one underneath: no QVariant per field.
    const auto *proxy = qobject_cast<const QAbstractProxyModel *>(model);
    const auto *log = qobject_cast<const StanzaLogModel *>(proxy ? proxy->sourceModel() : model);
    if (log)
        snapshot.wires = log->retainWires();
    for (int row = 0; row < rows; ++row) {
        if (log) {
            const int at = proxy ? proxy->mapToSource(proxy->index(row, 0)).row() : row;
            const QByteArrayView wire = log->wireAt(at);
            const quint64 sequence = log->sequenceAt(at);
            records.append({sequence, log->timestampAt(at), log->directionAt(at), log->kindAt(at),
                            log->isErrorAt(at), QByteArray::fromRawData(wire.data(), wire.size()),
                            log->originAt(at), log->noteFor(sequence), log->occurrenceAt(at)});
            continue;
        }
        const auto value = [&](int role) { return model->data(model->index(row, 0), role); };
        records.append({quint64(value(StanzaLogModel::SequenceRole).toLongLong()),
                        value(StanzaLogModel::TimestampRole).toLongLong(),
                        Direction(value(StanzaLogModel::DirectionRole).toInt()),
                        StanzaKind(value(StanzaLogModel::KindRole).toInt()),
                        value(StanzaLogModel::IsErrorRole).toBool(),
                        value(StanzaLogModel::WireRole).toByteArray(),
                        StanzaOrigin(value(StanzaLogModel::OriginRole).toInt())});
    }
    return snapshot;
}

bool StanzaLogExport::write(const QAbstractItemModel *model, QIODevice *device, Format format, QString *error)
{
    if (!model) {
        if (error)
            *error = tr("there is no log to export");
        return false;
    }
    return write(snapshot(model).records, device, format, error);
}

bool StanzaLogExport::write(const QList<CaptureRecord> &records, QIODevice *device, Format format,
                            QString *error, const std::function<bool(qsizetype done)> &progress)
{
    const auto fail = [&](const QString &reason) {
        if (error)
            *error = reason;
        return false;
    };
    if (!device || !device->isWritable())
        return fail(tr("the file is not open for writing"));

    QByteArray buffer;
    buffer.reserve(writeChunk + 64 * 1024);
    const auto drain = [&](bool force) {
        if (buffer.size() < writeChunk && !force)
            return true;
        if (device->write(buffer) != buffer.size())
            return false;
        buffer.clear();
        return true;
    };

    if (format == Format::XmlLog) {
        // The offset tells what the local times on the lines below mean.
        const QDateTime now = QDateTime::currentDateTime();
        buffer += "# xcm stanza log: " + QByteArray::number(records.size()) + " stanzas, exported " +
                  now.toOffsetFromUtc(now.offsetFromUtc()).toString(Qt::ISODate).toUtf8() + "\n";
    }
    constexpr qsizetype progressEvery = 4096;
    // Local date and time to the second, formatted once a second of the log rather than once a row (most
    // of an XML export's time went into QDateTime's local-time conversion).
    qint64 formattedSecond = std::numeric_limits<qint64>::min();
    QByteArray secondText;
    for (qsizetype row = 0; row < records.size(); ++row) {
        const CaptureRecord &record = records.at(row);
        if (format == Format::XmlLog) {
            const qint64 second =
                record.timestampMs >= 0 ? record.timestampMs / 1000 : (record.timestampMs - 999) / 1000;
            if (second != formattedSecond) {
                formattedSecond = second;
                secondText = QDateTime::fromSecsSinceEpoch(second).toString(u"yyyy-MM-dd hh:mm:ss").toUtf8();
            }
            const int millisecond = int(record.timestampMs - second * 1000);
            buffer += "# ";
            buffer += secondText;
            buffer += '.';
            buffer += char('0' + millisecond / 100);
            buffer += char('0' + millisecond / 10 % 10);
            buffer += char('0' + millisecond % 10);
            buffer += record.direction == Direction::Received ? " <- received" : " -> sent";
            if (record.origin != StanzaOrigin::Wire || record.occurrence != StanzaOccurrence::First ||
                !record.note.isEmpty())
                buffer += record.xmlLogFacts();
            buffer += '\n';
            buffer += oneLine(redactHandshakeDigests(record.wire));
            buffer += '\n';
        } else {
            record.appendJsonLine(buffer); // redacts on its own
        }
        if (!drain(false))
            return fail(device->errorString());
        if (progress && (row + 1) % progressEvery == 0 && !progress(row + 1))
            return fail(tr("cancelled"));
    }
    if (!drain(true))
        return fail(device->errorString());
    if (progress)
        progress(records.size());
    return true;
}

StanzaLogExport::Format StanzaLogExport::formatForFileName(const QString &fileName)
{
    if (fileName.endsWith(u".jsonl", Qt::CaseInsensitive) || fileName.endsWith(u".json", Qt::CaseInsensitive))
        return Format::JsonLines;
    return Format::XmlLog;
}

QByteArray StanzaLogExport::oneLine(const QByteArray &wire)
{
    if (!wire.contains('\n') && !wire.contains('\r'))
        return wire;
    // A line break in text becomes &#10;. Inside a tag or an attribute value a parser turns it into a
    // space anyway, so a space it is; CDATA cannot hold a reference, so it is split around one.
    enum class State
    {
        Text,
        Tag,
        Quoted,
        CData
    } state = State::Text;
    char quote = 0;
    QByteArray out;
    out.reserve(wire.size() + 32);
    const QByteArrayView view(wire);
    for (qsizetype i = 0; i < view.size(); ++i) {
        const char c = view[i];
        const bool lineBreak = c == '\n' || c == '\r';
        if (c == '\r' && i + 1 < view.size() && view[i + 1] == '\n')
            ++i; // CR LF is one line break
        switch (state) {
        case State::Text:
            if (lineBreak) {
                out += "&#10;";
                continue;
            }
            if (c == '<' && view.sliced(i).startsWith("<![CDATA[")) {
                out += "<![CDATA[";
                i += 8;
                state = State::CData;
                continue;
            }
            if (c == '<')
                state = State::Tag;
            break;
        case State::Tag:
            if (c == '\'' || c == '"') {
                quote = c;
                state = State::Quoted;
            } else if (c == '>') {
                state = State::Text;
            }
            break;
        case State::Quoted:
            if (c == quote)
                state = State::Tag;
            break;
        case State::CData:
            if (lineBreak) {
                out += "]]>&#10;<![CDATA[";
                continue;
            }
            if (view.sliced(i).startsWith("]]>")) {
                out += "]]>";
                i += 2;
                state = State::Text;
                continue;
            }
            break;
        }
        out += lineBreak ? ' ' : c;
    }
    return out;
}

} // namespace xcm
