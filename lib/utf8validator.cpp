// SPDX-License-Identifier: GPL-3.0-or-later
#include "utf8validator.h"

#include <cstring>

namespace xcm {

bool Utf8Validator::feed(QByteArrayView chunk)
{
    if (m_errorOffset >= 0)
        return false;
    const auto *bytes = reinterpret_cast<const unsigned char *>(chunk.data());
    const qsizetype size = chunk.size();
    qsizetype i = 0;
    while (i < size) {
        if (m_needed == 0) {
            // Fast path: most XMPP traffic is ASCII; check eight bytes at a time (for a byte below 0x20
            // too, when control characters are refused: a word without the top bit set has one exactly
            // when subtracting 0x20 from each byte borrows into that byte's top bit).
            const quint64 lowMask = m_xmlCharactersOnly ? 0x2020202020202020ULL : 0;
            while (i + 8 <= size) {
                quint64 word;
                std::memcpy(&word, bytes + i, sizeof word);
                if ((word | ((word - lowMask) & ~word)) & 0x8080808080808080ULL)
                    break;
                i += 8;
            }
            if (i >= size)
                break;
            const unsigned char byte = bytes[i];
            if (byte < 0x80) {
                if (m_xmlCharactersOnly && byte < 0x20 && byte != '\t' && byte != '\n' && byte != '\r') {
                    m_errorOffset = m_consumed + i;
                    m_forbidden = byte;
                    return false;
                }
                ++i;
                continue;
            }
            if (byte >= 0xC2 && byte <= 0xDF) {
                m_needed = 1;
                m_codePoint = byte & 0x1F;
                m_minimum = 0x80;
            } else if (byte >= 0xE0 && byte <= 0xEF) {
                m_needed = 2;
                m_codePoint = byte & 0x0F;
                m_minimum = 0x800;
            } else if (byte >= 0xF0 && byte <= 0xF4) {
                m_needed = 3;
                m_codePoint = byte & 0x07;
                m_minimum = 0x10000;
            } else {
                m_errorOffset = m_consumed + i;
                return false;
            }
            m_sequenceStart = m_consumed + i;
            ++i;
            continue;
        }
        const unsigned char byte = bytes[i];
        if ((byte & 0xC0) != 0x80) {
            m_errorOffset = m_sequenceStart;
            return false;
        }
        m_codePoint = (m_codePoint << 6) | (byte & 0x3F);
        if (--m_needed == 0) {
            const bool surrogate = m_codePoint >= 0xD800 && m_codePoint <= 0xDFFF;
            if (m_codePoint < m_minimum || surrogate || m_codePoint > 0x10FFFF) {
                m_errorOffset = m_sequenceStart;
                return false;
            }
            if (m_xmlCharactersOnly && (m_codePoint == 0xFFFE || m_codePoint == 0xFFFF)) {
                m_errorOffset = m_sequenceStart;
                m_forbidden = qint32(m_codePoint);
                return false;
            }
        }
        ++i;
    }
    m_consumed += size;
    return true;
}

} // namespace xcm
