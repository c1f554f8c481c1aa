// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayView>

namespace xcm {

// Stateful UTF-8 checker for a byte stream that arrives in chunks: a character may be split across
// chunks. QXmlStreamReader on Qt 6.4 stalls silently on a bad byte after the first chunk, so every
// chunk is checked here before the reader sees it.
class Utf8Validator
{
public:
    // Returns false at the first invalid sequence; errorOffset() then tells where it starts (in stream
    // bytes).
    bool feed(QByteArrayView chunk);
    // True when the stream so far ends on a character boundary.
    bool atCharacterBoundary() const { return m_needed == 0; }
    qint64 errorOffset() const { return m_errorOffset; }
    void reset() { *this = Utf8Validator(); }

private:
    qint64 m_consumed = 0;
    qint64 m_errorOffset = -1;
    qint64 m_sequenceStart = 0; // where the multi-byte character being checked began
    char32_t m_codePoint = 0;
    int m_needed = 0;       // continuation bytes still expected
    char32_t m_minimum = 0; // smallest code point the sequence may encode (rejects overlong forms)
};

} // namespace xcm
