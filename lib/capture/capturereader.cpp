// SPDX-License-Identifier: GPL-3.0-or-later
#include "capturereader.h"

#include "xmlelement.h"

#include <QDateTime>
#include <QIODevice>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;

namespace xcm {

namespace {
constexpr int maxProblems = 100; // a file of garbage says so without a million lines of it

StanzaKind kindOf(const QByteArray &wire)
{
    QXmlStreamReader reader(wire);
    reader.setNamespaceProcessing(false);
    while (!reader.atEnd()) {
        if (reader.readNext() == QXmlStreamReader::StartElement) {
            const QStringView name = reader.name();
            if (name == u"message")
                return StanzaKind::Message;
            if (name == u"presence")
                return StanzaKind::Presence;
            if (name == u"iq")
                return StanzaKind::Iq;
            return reader.prefix() == u"stream" ? StanzaKind::Stream : StanzaKind::Other;
        }
    }
    return wire.startsWith("</") ? StanzaKind::Stream : StanzaKind::Other;
}
} // namespace

CaptureReader::CaptureReader(QIODevice *device)
    : m_device(device)
{}

void CaptureReader::problem(const QString &text)
{
    if (m_problems.size() < maxProblems)
        m_problems.append(text);
    else if (m_problems.size() == maxProblems)
        m_problems.append(tr("… more problems not listed"));
}

std::optional<QByteArray> CaptureReader::readLine(bool *complete)
{
    if (!m_device || m_device->atEnd())
        return std::nullopt;
    QByteArray line = m_device->readLine();
    // Editors on some systems start a UTF-8 file with a byte order mark; it is not part of line 1.
    if (++m_line == 1 && line.startsWith("\xEF\xBB\xBF"))
        line.remove(0, 3);
    *complete = line.endsWith('\n');
    if (*complete)
        line.chop(1);
    if (line.endsWith('\r'))
        line.chop(1);
    return line;
}

std::optional<CaptureRecord> CaptureReader::next()
{
    bool complete = true;
    while (const std::optional<QByteArray> line = readLine(&complete)) {
        if (line->trimmed().isEmpty())
            continue;
        if (line->startsWith('{')) {
            QString error;
            std::optional<CaptureRecord> record = CaptureRecord::fromJsonLine(*line, &error);
            if (record)
                return record;
            if (!complete) {
                m_torn = true;
                problem(tr("line %1: the last line is incomplete (the file was cut off while being written); "
                           "skipped")
                            .arg(m_line));
            } else {
                problem(tr("line %1: %2").arg(m_line).arg(error));
            }
            continue;
        }
        if (line->startsWith("# ")) {
            // "# 2026-12-04 14:05:01.123 <- received", perhaps with facts after it (" · automatic"), or
            // the file's own header.
            const QByteArray text = line->sliced(2);
            constexpr QByteArrayView receivedMark = " <- received";
            constexpr QByteArrayView sentMark = " -> sent";
            // The first one: a note after it may say anything.
            const qsizetype receivedAt = text.indexOf(receivedMark);
            const qsizetype sentAt = text.indexOf(sentMark);
            if (receivedAt < 0 && sentAt < 0) {
                if (!text.startsWith("xcm stanza log"))
                    problem(tr("line %1: not a stanza's heading").arg(m_line));
                continue;
            }
            const bool received = sentAt < 0 || (receivedAt >= 0 && receivedAt < sentAt);
            const QByteArrayView facts = QByteArrayView(text).sliced(
                received ? receivedAt + receivedMark.size() : sentAt + sentMark.size());
            const QDateTime time =
                QDateTime::fromString(QString::fromUtf8(text.left(23)), u"yyyy-MM-dd hh:mm:ss.zzz"_s);
            CaptureRecord record;
            record.sequence = ++m_sequence;
            record.timestampMs = time.isValid() ? time.toMSecsSinceEpoch() : 0;
            record.direction = received ? Direction::Received : Direction::Sent;
            if (!time.isValid())
                problem(tr("line %1: no time in the heading").arg(m_line));
            if (!record.readXmlLogFacts(facts))
                problem(tr("line %1: the heading ends in something unknown: %2")
                            .arg(m_line)
                            .arg(QString::fromUtf8(facts.trimmed())));
            if (m_header)
                problem(tr("line %1: a heading without its stanza").arg(m_headerLine));
            m_header = record;
            m_headerLine = m_line;
            continue;
        }
        if (m_header) {
            CaptureRecord record = *std::exchange(m_header, std::nullopt);
            record.wire = *line;
            record.kind = kindOf(record.wire);
            const XmlElement element =
                record.kind == StanzaKind::Stream ? XmlElement() : XmlElement::parse(record.wire);
            record.error =
                element.attribute(u"type"_s) == u"error" || record.wire.startsWith("<stream:error");
            if (!complete) {
                m_torn = true;
                problem(tr("line %1: the last line is incomplete (the file was cut off while being written); "
                           "skipped")
                            .arg(m_line));
                continue;
            }
            return record;
        }
        problem(tr("line %1: neither a JSON object nor a line of an XML log").arg(m_line));
    }
    if (m_header) {
        m_header.reset();
        problem(tr("line %1: a heading without its stanza").arg(m_headerLine));
    }
    return std::nullopt;
}

} // namespace xcm
