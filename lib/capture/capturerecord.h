// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "stanza.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <optional>

namespace xcm {

// One stanza as a capture or a JSON Lines export holds it: one JSON object a line with seq, time (UTC,
// ISO 8601 with milliseconds), direction, kind, error, bytes and xml, and where there is one to tell,
// origin ("automatic", "injected"), note (the log's words, in the language it was shown in: a rule's name
// for its answer, what a fault rule did) and repeat (true: an earlier line of the same stanza is the one
// that counts, see StanzaOccurrence).
// Handshake digests never reach the line (redacted on the way out, whatever the caller holds).
struct CaptureRecord
{
    Q_DECLARE_TR_FUNCTIONS(xcm::CaptureRecord)
public:
    quint64 sequence = 0;
    qint64 timestampMs = 0;
    Direction direction = Direction::Received;
    StanzaKind kind = StanzaKind::Other;
    bool error = false;
    QByteArray wire;
    StanzaOrigin origin = StanzaOrigin::Wire;
    QString note{}; // {}: no -Wmissing-field-initializers where a record is braced without it
    StanzaOccurrence occurrence = StanzaOccurrence::First;

    // `stanza` as logged under `sequence`.
    static CaptureRecord of(quint64 sequence, const Stanza &stanza, StanzaOrigin origin = StanzaOrigin::Wire,
                            const QString &note = {}, StanzaOccurrence occurrence = StanzaOccurrence::First);

    // The line, ending in '\n'.
    QByteArray toJsonLine() const;
    // The same appended to `out` (many lines into one buffer).
    void appendJsonLine(QByteArray &out) const;
    // In an XML log, what follows the direction in a stanza's heading ("# 2026-12-04 14:05:01.123 -> sent
    // · automatic · repeat · note: rule echo"): what the origin, repeat and note keys say, empty when
    // none of them has anything to say.
    QByteArray xmlLogFacts() const;
    // Reads those back into this record; false, and nothing changed, when `facts` is not what
    // xmlLogFacts() writes.
    bool readXmlLogFacts(QByteArrayView facts);
    // A line without its '\n'; on failure nothing and why ("not JSON: …", "no 'xml'").
    static std::optional<CaptureRecord> fromJsonLine(QByteArrayView line, QString *error = nullptr);

    static QString originKey(StanzaOrigin origin);
    static std::optional<StanzaOrigin> originFromKey(QStringView key);
    static QString kindKey(StanzaKind kind);
    static std::optional<StanzaKind> kindFromKey(QStringView key);

    friend bool operator==(const CaptureRecord &, const CaptureRecord &) = default;
};

} // namespace xcm
