// SPDX-License-Identifier: GPL-3.0-or-later
#include "streamposition.h"

#include <cstring>

namespace xcm {

namespace {

// UTF-16 units in valid UTF-8 (as the reader counts columns): one per character, two above U+FFFF.
qint64 utf16Units(QByteArrayView utf8)
{
    qint64 units = 0;
    qsizetype i = 0;
    // Mostly ASCII: eight one-unit characters at a time.
    for (; i + 8 <= utf8.size(); i += 8) {
        quint64 word;
        std::memcpy(&word, utf8.data() + i, sizeof word);
        if ((word & 0x8080808080808080ULL) != 0)
            break;
        units += 8;
    }
    for (; i < utf8.size(); ++i) {
        const auto byte = uchar(utf8[i]);
        units += (byte & 0xC0) != 0x80;
        units += byte >= 0xF0;
    }
    return units;
}

// Where the last line feed in `bytes` is, or -1 (memrchr: Qt's lastIndexOf goes a byte at a time).
qsizetype lastLineFeed(QByteArrayView bytes)
{
    const void *found = memrchr(bytes.data(), '\n', size_t(bytes.size()));
    return found ? static_cast<const char *>(found) - bytes.data() : -1;
}

} // namespace

void StreamPosition::consume(QByteArrayView bytes)
{
    if (const qsizetype lastBreak = lastLineFeed(bytes); lastBreak >= 0) {
        m_consumedLines += bytes.count('\n');
        m_consumedColumn = utf16Units(bytes.sliced(lastBreak + 1));
    } else {
        m_consumedColumn += utf16Units(bytes);
    }
}

void StreamPosition::startReaderAt(QByteArrayView held, qint64 readerLine)
{
    m_readerFirstLine = readerLine;
    const qsizetype lastBreak = lastLineFeed(held);
    m_streamLineAtReaderStart = m_consumedLines + held.count('\n') + 1;
    m_streamColumnAtReaderStart =
        lastBreak < 0 ? m_consumedColumn + utf16Units(held) : utf16Units(held.sliced(lastBreak + 1));
}

std::pair<qint64, qint64> StreamPosition::inStream(qint64 readerLine, qint64 readerColumn) const
{
    if (readerLine < m_readerFirstLine) // before the reader's start: the stream's own numbering
        return {readerLine, readerColumn};
    if (readerLine == m_readerFirstLine)
        return {m_streamLineAtReaderStart, m_streamColumnAtReaderStart + readerColumn};
    return {m_streamLineAtReaderStart + readerLine - m_readerFirstLine, readerColumn};
}

} // namespace xcm
