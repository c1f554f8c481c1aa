// SPDX-License-Identifier: GPL-3.0-or-later
#include "capturerecord.h"

#include "bytescan.h"
#include "clocktext.h"
#include "redaction.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cstring>
#include <limits>

using namespace Qt::StringLiterals;

namespace xcm {

namespace {

// The JSON name of a kind, as bytes: a capture writes one a stanza.
QByteArrayView kindKeyBytes(StanzaKind kind)
{
    switch (kind) {
    case StanzaKind::Message:
        return "message";
    case StanzaKind::Presence:
        return "presence";
    case StanzaKind::Iq:
        return "iq";
    case StanzaKind::Stream:
        return "stream";
    case StanzaKind::Other:
        break;
    }
    return "other";
}

QByteArrayView originKeyBytes(StanzaOrigin origin)
{
    switch (origin) {
    case StanzaOrigin::Automatic:
        return "automatic";
    case StanzaOrigin::Injected:
        return "injected";
    case StanzaOrigin::Wire:
        break;
    }
    return "wire";
}

} // namespace

QString CaptureRecord::originKey(StanzaOrigin origin)
{
    return QString::fromLatin1(originKeyBytes(origin));
}

std::optional<StanzaOrigin> CaptureRecord::originFromKey(QStringView key)
{
    for (const StanzaOrigin origin : {StanzaOrigin::Wire, StanzaOrigin::Automatic, StanzaOrigin::Injected}) {
        if (originKey(origin) == key)
            return origin;
    }
    return std::nullopt;
}

CaptureRecord CaptureRecord::of(quint64 sequence, const Stanza &stanza, StanzaOrigin origin,
                                const QString &note, StanzaOccurrence occurrence)
{
    return {sequence,
            stanza.timestampMs(),
            stanza.direction(),
            stanza.kind(),
            stanza.isError(),
            stanza.wire(),
            origin,
            note,
            occurrence};
}

QString CaptureRecord::kindKey(StanzaKind kind)
{
    return QString::fromLatin1(kindKeyBytes(kind));
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

// The fixed fields of a line are written through a pointer into a buffer on the stack, then appended
// at once: one QByteArray::append for each of some forty pieces was a fifth of the capture thread.
char *put(char *at, QByteArrayView bytes)
{
    std::memcpy(at, bytes.data(), size_t(bytes.size()));
    return at + bytes.size();
}

// The time as QDateTime::toString(Qt::ISODateWithMs) writes it in UTC ("2026-12-04T21:14:03.042Z"),
// without a QDateTime: a capture writes one per stanza.
char *putUtcTime(char *at, qint64 msSinceEpoch)
{
    const qint64 days = clocktext::floorDiv(msSinceEpoch, clocktext::msPerDay);
    // The date changes once a day: each thread keeps the last one written ("2026-12-04").
    thread_local qint64 cachedDay = std::numeric_limits<qint64>::min();
    thread_local char cachedDate[16];
    thread_local qsizetype cachedDateSize = 0;
    if (days != cachedDay) {
        const QDate date = QDate::fromJulianDay(2'440'588 + days); // 1970-01-01 is day 2,440,588
        // Four digits: a clock past the year 9999 is wrong, and the buffer is sized for them.
        char *end = clocktext::putDigits(cachedDate, std::clamp(date.year(), 0, 9999), 4);
        *end++ = '-';
        end = clocktext::putDigits(end, date.month(), 2);
        *end++ = '-';
        end = clocktext::putDigits(end, date.day(), 2);
        cachedDateSize = end - cachedDate;
        cachedDay = days;
    }
    at = put(at, QByteArrayView(cachedDate, cachedDateSize));
    *at++ = 'T';
    at = clocktext::putTimeOfDay(at, msSinceEpoch - days * clocktext::msPerDay);
    *at++ = 'Z';
    return at;
}

// Where the next byte from `from` on that JSON must escape is (a quote, a backslash, a control
// character), or text.size(). Most of a stanza needs none: 16 bytes at a time where SSE2 is there.
qsizetype nextToEscape(QByteArrayView text, qsizetype from)
{
    const auto needsEscape = [](uchar c) { return c < 0x20 || c == '"' || c == '\\'; };
    const auto *const bytes = reinterpret_cast<const uchar *>(text.data());
    qsizetype i =
        bytescan::skipWhileNone<bytescan::Controls>(bytes + from, bytes + text.size(), '"', '\\') - bytes;
    for (; i < text.size(); ++i) {
        if (needsEscape(uchar(text[i])))
            return i;
    }
    return text.size();
}

// `text` (UTF-8) as a JSON string's content: quotes, backslashes and control characters escaped, as
// QJsonDocument does; the rest as it is.
void appendJsonEscaped(QByteArray &out, QByteArrayView text)
{
    static constexpr char hex[] = "0123456789abcdef";
    qsizetype plainFrom = 0;
    for (qsizetype i = nextToEscape(text, 0); i < text.size(); i = nextToEscape(text, plainFrom)) {
        const auto c = uchar(text[i]);
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
        case '\b':
            out += "\\b";
            break;
        case '\f':
            out += "\\f";
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
    QByteArray line;
    line.reserve(wire.size() + wire.size() / 8 + 160); // the other fields, a few escapes
    appendJsonLine(line);
    return line;
}

void CaptureRecord::appendJsonLine(QByteArray &out) const
{
    // Written by hand (a capture writes one a stanza, and QJsonDocument took most of a recording's
    // time), with the keys in the order QJsonObject sorts them; fromJsonLine() reads it with
    // QJsonDocument.
    const QByteArray redacted = redactHandshakeDigests(wire);
    // Keys, a 20-digit number twice, a 25-byte time: well within the buffer.
    char head[192];
    char *at = put(head, "{\"bytes\":");
    at = clocktext::putDigits(at, redacted.size(), 1);
    at = put(at, ",\"direction\":\"");
    at = put(at, direction == Direction::Received ? "received" : "sent");
    at = put(at, "\",\"error\":");
    at = put(at, error ? "true" : "false");
    at = put(at, ",\"kind\":\"");
    at = put(at, kindKeyBytes(kind));
    at = put(at, "\",");
    if (!note.isEmpty() || origin != StanzaOrigin::Wire || occurrence != StanzaOccurrence::First) {
        // Rare (an answer xcm made, a fault rule's doing): no need to spare the appends.
        out.append(head, at - head);
        at = head;
        if (!note.isEmpty()) {
            out += "\"note\":\"";
            appendJsonEscaped(out, note.toUtf8());
            out += "\",";
        }
        if (origin != StanzaOrigin::Wire) {
            out += "\"origin\":\"";
            out += originKeyBytes(origin);
            out += "\",";
        }
        if (occurrence == StanzaOccurrence::Repeat)
            out += "\"repeat\":true,";
    }
    at = put(at, "\"seq\":");
    at = clocktext::putDigits(at, qint64(sequence), 1);
    at = put(at, ",\"time\":\"");
    at = putUtcTime(at, timestampMs);
    at = put(at, "\",\"xml\":\"");
    out.append(head, at - head);
    appendJsonEscaped(out, redacted);
    out += "\"}\n";
}

namespace {

constexpr QByteArrayView factSeparator = " \xc2\xb7 "; // " · "
constexpr QByteArrayView notePrefix = "note: ";
constexpr QByteArrayView repeatFact = "repeat";

} // namespace

QByteArray CaptureRecord::xmlLogFacts() const
{
    QByteArray facts;
    if (origin != StanzaOrigin::Wire)
        facts += factSeparator + originKeyBytes(origin);
    if (occurrence == StanzaOccurrence::Repeat)
        facts += factSeparator + repeatFact;
    if (!note.isEmpty()) // last: it may hold anything but a line break
        facts += factSeparator + notePrefix + note.toUtf8().replace('\n', ' ').replace('\r', ' ');
    return facts;
}

bool CaptureRecord::readXmlLogFacts(QByteArrayView facts)
{
    CaptureRecord read = *this;
    while (!facts.isEmpty()) {
        if (!facts.startsWith(factSeparator))
            return false;
        facts = facts.sliced(factSeparator.size());
        if (facts.startsWith(notePrefix)) {
            read.note = QString::fromUtf8(facts.sliced(notePrefix.size()));
            break;
        }
        const qsizetype end = facts.indexOf(factSeparator);
        const QByteArrayView fact = end < 0 ? facts : facts.first(end);
        if (fact == repeatFact) {
            read.occurrence = StanzaOccurrence::Repeat;
        } else if (const auto known = originFromKey(QString::fromLatin1(fact))) {
            read.origin = *known;
        } else {
            return false;
        }
        facts = facts.sliced(fact.size());
    }
    *this = read;
    return true;
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
    // A newer writer's origin this one does not know reads as the wire's.
    record.origin = originFromKey(object.value(u"origin"_s).toString()).value_or(StanzaOrigin::Wire);
    record.note = object.value(u"note"_s).toString();
    if (object.value(u"repeat"_s).toBool())
        record.occurrence = StanzaOccurrence::Repeat;
    return record;
}

} // namespace xcm
