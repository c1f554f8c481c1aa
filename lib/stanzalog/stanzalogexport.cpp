// SPDX-License-Identifier: GPL-3.0-or-later
#include "stanzalogexport.h"

#include "capturerecord.h"
#include "redaction.h"
#include "stanza.h"
#include "stanzalogmodel.h"

#include <QAbstractItemModel>
#include <QDateTime>
#include <QIODevice>

using namespace Qt::StringLiterals;

namespace xcm {

namespace {

constexpr qsizetype writeChunk = 1 << 20;

} // namespace

bool StanzaLogExport::write(const QAbstractItemModel *model, QIODevice *device, Format format, QString *error)
{
    const auto fail = [&](const QString &reason) {
        if (error)
            *error = reason;
        return false;
    };
    if (!model)
        return fail(tr("there is no log to export"));
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

    const int rows = model->rowCount();
    if (format == Format::XmlLog) {
        // The offset tells what the local times on the lines below mean.
        const QDateTime now = QDateTime::currentDateTime();
        buffer += "# xcm stanza log: " + QByteArray::number(rows) + " stanzas, exported " +
                  now.toOffsetFromUtc(now.offsetFromUtc()).toString(Qt::ISODate).toUtf8() + "\n";
    }
    for (int row = 0; row < rows; ++row) {
        const auto value = [&](int role) { return model->data(model->index(row, 0), role); };
        const qint64 timestampMs = value(StanzaLogModel::TimestampRole).toLongLong();
        const auto direction = Direction(value(StanzaLogModel::DirectionRole).toInt());
        const QByteArray wire = redactHandshakeDigests(value(StanzaLogModel::WireRole).toByteArray());
        if (format == Format::XmlLog) {
            buffer +=
                "# " +
                QDateTime::fromMSecsSinceEpoch(timestampMs).toString(u"yyyy-MM-dd hh:mm:ss.zzz").toUtf8() +
                (direction == Direction::Received ? " <- received\n" : " -> sent\n");
            buffer += oneLine(wire);
            buffer += '\n';
        } else {
            const CaptureRecord record{quint64(value(StanzaLogModel::SequenceRole).toLongLong()),
                                       timestampMs,
                                       direction,
                                       StanzaKind(value(StanzaLogModel::KindRole).toInt()),
                                       value(StanzaLogModel::IsErrorRole).toBool(),
                                       wire};
            buffer += record.toJsonLine();
        }
        if (!drain(false))
            return fail(device->errorString());
    }
    if (!drain(true))
        return fail(device->errorString());
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
