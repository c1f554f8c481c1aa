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

namespace {

void appendDigits(QByteArray &out, qint64 value, int width)
{
    char digits[20];
    int count = 0;
    do {
        digits[count++] = char('0' + value % 10);
        value /= 10;
    } while (value > 0 || count < width);
    while (count > 0)
        out += digits[--count];
}

// The time as QDateTime::toString(Qt::ISODateWithMs) writes it in UTC ("2026-12-04T21:14:03.042Z"),
// without a QDateTime: a capture writes one per stanza.
void appendUtcTime(QByteArray &out, qint64 msSinceEpoch)
{
    constexpr qint64 msPerDay = 86'400'000;
    qint64 days = msSinceEpoch / msPerDay;
    qint64 ms = msSinceEpoch % msPerDay;
    if (ms < 0) {
        ms += msPerDay;
        --days;
    }
    const QDate date = QDate::fromJulianDay(2'440'588 + days); // 1970-01-01 is day 2,440,588
    appendDigits(out, date.year(), 4);
    out += '-';
    appendDigits(out, date.month(), 2);
    out += '-';
    appendDigits(out, date.day(), 2);
    out += 'T';
    appendDigits(out, ms / 3'600'000, 2);
    out += ':';
    appendDigits(out, ms / 60'000 % 60, 2);
    out += ':';
    appendDigits(out, ms / 1000 % 60, 2);
    out += '.';
    appendDigits(out, ms % 1000, 3);
    out += 'Z';
}

// `text` (UTF-8) as a JSON string's content: quotes, backslashes and control characters escaped, as
// QJsonDocument does; the rest as it is.
void appendJsonEscaped(QByteArray &out, QByteArrayView text)
{
    static constexpr char hex[] = "0123456789abcdef";
    qsizetype plainFrom = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const auto c = uchar(text[i]);
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        out.append(text.data() + plainFrom, i - plainFrom);
        plainFrom = i + 1;
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            out += "\\u00";
            out += hex[c >> 4];
            out += hex[c & 0xf];
        }
    }
    out.append(text.data() + plainFrom, text.size() - plainFrom);
}

} // namespace

QByteArray CaptureRecord::toJsonLine() const
{
    // Written by hand (a capture writes one a stanza, and QJsonDocument took most of a recording's
    // time), with the keys in the order QJsonObject sorts them; fromJsonLine() reads it with
    // QJsonDocument.
    const QByteArray redacted = redactHandshakeDigests(wire);
    QByteArray line;
    line.reserve(redacted.size() + redacted.size() / 8 + 128);
    line += "{\"bytes\":";
    appendDigits(line, redacted.size(), 1);
    line += ",\"direction\":\"";
    line += direction == Direction::Received ? "received" : "sent";
    line += "\",\"error\":";
    line += error ? "true" : "false";
    line += ",\"kind\":\"";
    line += kindKey(kind).toLatin1();
    line += "\",\"seq\":";
    appendDigits(line, qint64(sequence), 1);
    line += ",\"time\":\"";
    appendUtcTime(line, timestampMs);
    line += "\",\"xml\":\"";
    appendJsonEscaped(line, redacted);
    line += "\"}\n";
    return line;
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
