// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "streamerror.h"

#include <QByteArrayView>

namespace xcm {

// The stream parser's look at raw bytes before QXmlStreamReader spends time on them: it refuses an
// element with too many attributes (the reader checks them for duplicates in quadratic time), a DTD or
// declaration (an ATTLIST is quadratic there too), and "]]>" in text (which the reader misses when its
// bytes come in separate reads). It keeps its place from one chunk to the next.
class MarkupGuard
{
public:
    // Where the first refused byte of `bytes` is, with the error in `error`, or -1.
    qsizetype check(QByteArrayView bytes, int maxAttributes, StreamError *error);
    // Back to the top level of the stream, between elements.
    void reset();

private:
    enum class State : quint8
    {
        Text,
        Open,   // after '<'
        Tag,    // in a start or end tag
        Quoted, // in an attribute value
        Bang,   // after "<!"
        Skip,   // in a PI, comment or CDATA section, until m_skipUntil
    };
    State m_state = State::Text;
    char m_quote = 0;
    int m_attributes = 0;
    int m_brackets = 0; // ']' ending the text so far (up to 2), for "]]>" across reads
    const char *m_skipUntil = nullptr;
    int m_skipMatched = 0;
};

} // namespace xcm
