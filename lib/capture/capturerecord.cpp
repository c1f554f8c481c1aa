// SPDX-License-Identifier: GPL-3.0-or-later
#include "capturerecord.h"

#include "redaction.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace xcm {

QString CaptureRecord::kindKey(StanzaKind kind)
{
    switch (kind) {
    case StanzaKind::Message:
        return u"message"_s;
    case StanzaKind::Presence:
        return u"presence"_s;
    case StanzaKind::Iq:
        return u"iq"_s;
    case StanzaKind::Stream:
        return u"stream"_s;
    case StanzaKind::Other:
        break;
    }
    return u"other"_s;
}

std::optional<StanzaKind> CaptureRecord::kindFromKey(QStringView key)
{
    for (const StanzaKind kind :
         {StanzaKind::Message, StanzaKind::Presence, StanzaKind::Iq, StanzaKind::Stream, StanzaKind::Other}) {
        if (kindKey(kind) == key)
            return kind;
    }
    return std::nullopt;
}

QByteArray CaptureRecord::toJsonLine() const
{
    const QByteArray redacted = redactHandshakeDigests(wire);
    QJsonObject object;
    object.insert(u"seq"_s, qint64(sequence));
    object.insert(u"time"_s,
                  QDateTime::fromMSecsSinceEpoch(timestampMs, Qt::UTC).toString(Qt::ISODateWithMs));
    object.insert(u"direction"_s, direction == Direction::Received ? u"received"_s : u"sent"_s);
    object.insert(u"kind"_s, kindKey(kind));
    object.insert(u"error"_s, error);
    object.insert(u"bytes"_s, redacted.size());
    object.insert(u"xml"_s, QString::fromUtf8(redacted));
    return QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
}

std::optional<CaptureRecord> CaptureRecord::fromJsonLine(QByteArrayView line, QString *error)
{
    const auto fail = [error](const QString &why) -> std::optional<CaptureRecord> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(line.toByteArray(), &parseError);
    if (document.isNull())
        return fail(
            tr("not JSON: %1 at character %2").arg(parseError.errorString()).arg(parseError.offset + 1));
    if (!document.isObject())
        return fail(tr("not a JSON object"));
    const QJsonObject object = document.object();
    CaptureRecord record;
    const QJsonValue xml = object.value(u"xml"_s);
    if (!xml.isString())
        return fail(tr("no 'xml' text"));
    record.wire = xml.toString().toUtf8();
    const QString direction = object.value(u"direction"_s).toString();
    if (direction != u"received" && direction != u"sent")
        return fail(tr("'direction' must be received or sent, not '%1'").arg(direction));
    record.direction = direction == u"sent" ? Direction::Sent : Direction::Received;
    const QDateTime time = QDateTime::fromString(object.value(u"time"_s).toString(), Qt::ISODateWithMs);
    if (!time.isValid())
        return fail(tr("'time' is not an ISO 8601 time"));
    record.timestampMs = time.toMSecsSinceEpoch();
    record.sequence = quint64(object.value(u"seq"_s).toInteger());
    record.kind = kindFromKey(object.value(u"kind"_s).toString()).value_or(StanzaKind::Other);
    record.error = object.value(u"error"_s).toBool();
    return record;
}

} // namespace xcm
