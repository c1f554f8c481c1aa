// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayView>

#include <utility>

namespace xcm {

// Line and column in a byte stream as QXmlStreamReader counts them (lines from 1, columns in UTF-16
// units), kept across the bytes a parser has let go of, and the mapping of a reader that began mid-stream
// (StreamParser's after its fast path hands over) back to the stream's own positions.
class StreamPosition
{
public:
    // `bytes`, the stream's next ones, are no longer held.
    void consume(QByteArrayView bytes);
    // A reader starts reading the stream after `held` (the bytes still held before the point it reads
    // from); its own numbering puts that point at the start of `readerLine`.
    void startReaderAt(QByteArrayView held, qint64 readerLine);
    // Where the reader's line and column are in the stream.
    std::pair<qint64, qint64> inStream(qint64 readerLine, qint64 readerColumn) const;

private:
    qint64 m_consumedLines = 0;  // line breaks in the bytes let go of
    qint64 m_consumedColumn = 0; // units after the last of them
    qint64 m_readerFirstLine = 1;
    qint64 m_streamLineAtReaderStart = 1;
    qint64 m_streamColumnAtReaderStart = 0;
};

} // namespace xcm
