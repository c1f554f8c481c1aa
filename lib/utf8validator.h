// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayView>

namespace xcm {

// Stateful UTF-8 checker for a byte stream that arrives in chunks: a character may be split across
// chunks. QXmlStreamReader on Qt 6.4 stalls silently on a bad byte after the first chunk, so every
// chunk is checked here before the reader sees it. Optionally it also refuses the characters XML 1.0
// forbids everywhere (control characters but tab, line feed and carriage return; U+FFFE, U+FFFF):
// the reader notices those only once their token is complete, so when depends on the chunking.
class Utf8Validator
{
public:
    void setXmlCharactersOnly(bool only) { m_xmlCharactersOnly = only; }
    // Returns false at the first invalid sequence; errorOffset() then tells where it starts (in stream
    // bytes), and forbiddenCharacter() which character it is when it is valid UTF-8 that XML forbids
    // (or -1).
    bool feed(QByteArrayView chunk);
    qint32 forbiddenCharacter() const { return m_forbidden; }
    // True when the stream so far ends on a character boundary.
    bool atCharacterBoundary() const { return m_needed == 0; }
    qint64 errorOffset() const { return m_errorOffset; }
    void reset()
    {
        const bool xmlCharactersOnly = m_xmlCharactersOnly;
        *this = Utf8Validator();
        m_xmlCharactersOnly = xmlCharactersOnly;
    }

private:
    qint64 m_consumed = 0;
    qint64 m_errorOffset = -1;
    qint64 m_sequenceStart = 0; // where the multi-byte character being checked began
    char32_t m_codePoint = 0;
    int m_needed = 0;       // continuation bytes still expected
    char32_t m_minimum = 0; // smallest code point the sequence may encode (rejects overlong forms)
    qint32 m_forbidden = -1;
    bool m_xmlCharactersOnly = false;
};

} // namespace xcm
