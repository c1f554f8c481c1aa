// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "capturerecord.h"

#include <QCoreApplication>
#include <QStringList>

#include <optional>

class QIODevice;

namespace xcm {

// Reads a saved log back, one stanza at a time (never the whole file at once): captures and JSON
// Lines exports (one object a line), and the XML log export ("# <local time> <- received" / "-> sent",
// then the stanza on one line). A line that cannot be read is skipped and named in problems()
// ("line 17: not JSON: …"); the good part is still read. A last line without its line break is what a
// capture killed while writing leaves: skipped, and said so.
class CaptureReader
{
    Q_DECLARE_TR_FUNCTIONS(xcm::CaptureReader)
public:
    explicit CaptureReader(QIODevice *device);

    // The next stanza, or nothing at the end.
    std::optional<CaptureRecord> next();
    const QStringList &problems() const { return m_problems; }
    qint64 lineNumber() const { return m_line; }
    bool lastLineTorn() const { return m_torn; }

private:
    std::optional<QByteArray> readLine(bool *complete);
    void problem(const QString &text);

    QIODevice *m_device;
    QStringList m_problems;
    qint64 m_line = 0;
    quint64 m_sequence = 0;
    bool m_torn = false;
    // An XML log's heading just read, waiting for its stanza's line, and where it was.
    std::optional<CaptureRecord> m_header;
    qint64 m_headerLine = 0;
};

} // namespace xcm
