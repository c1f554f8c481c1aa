// SPDX-License-Identifier: GPL-3.0-or-later
#include "markupguard.h"

#include <cstring>

namespace xcm {

namespace {

// The stream parser's errors (its translation context), for what this guard refuses on its behalf.
template<typename... Arguments>
StreamError violation(const char *condition, const char *source, const Arguments &...arguments)
{
    return StreamError::make(QString::fromLatin1(condition), "xcm::StreamParser", source, arguments...);
}

// Where text holds "]]>" (the offset of its '>'), or -1; `brackets` ']' ended the text before it. A
// '>' in text is nearly always written &gt;, so memchr for a literal one rules most text out at once.
qsizetype findCdataEnd(QByteArrayView text, int brackets)
{
    const char *const begin = text.data();
    const char *const end = begin + text.size();
    for (const char *p = begin; p != end; ++p) {
        p = static_cast<const char *>(std::memchr(p, '>', size_t(end - p)));
        if (!p)
            return -1;
        const qsizetype at = p - begin;
        int before = 0;
        for (qsizetype k = at - 1; k >= 0 && before < 2 && begin[k] == ']'; --k)
            ++before;
        if (before == at) // all of the text before it: the ones from the previous read count too
            before = std::min(2, before + brackets);
        if (before >= 2)
            return at;
    }
    return -1;
}

// How many ']' (up to 2) end the text, counting `brackets` from before it if it is all ']'.
int trailingBrackets(QByteArrayView text, int brackets)
{
    int n = 0;
    for (qsizetype i = text.size() - 1; i >= 0 && n < 2 && text[i] == ']'; --i)
        ++n;
    return n == text.size() ? std::min(2, n + brackets) : n;
}

} // namespace

void MarkupGuard::reset()
{
    *this = MarkupGuard();
}

qsizetype MarkupGuard::check(QByteArrayView bytes, int maxAttributes, StreamError *error)
{
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const char c = bytes[i];
        switch (m_state) {
        case State::Text: {
            // Most bytes are text: jump to the next '<'. On the way, "]]>" may not appear in text;
            // QXmlStreamReader misses it when its bytes come in separate reads.
            const auto *next =
                static_cast<const char *>(std::memchr(bytes.data() + i, '<', size_t(bytes.size() - i)));
            const QByteArrayView text = bytes.sliced(i, (next ? next - bytes.data() : bytes.size()) - i);
            if (const qsizetype at = findCdataEnd(text, m_brackets); at >= 0) {
                *error = violation(
                    "not-well-formed",
                    QT_TRANSLATE_NOOP("xcm::StreamParser", "the sequence ']]>' is not allowed in text"));
                return i + at;
            }
            if (!next) {
                m_brackets = trailingBrackets(text, m_brackets);
                return -1;
            }
            m_brackets = 0;
            i = next - bytes.data();
            m_state = State::Open;
            break;
        }
        case State::Open:
            if (c == '?') {
                m_state = State::Skip;
                m_skipUntil = "?>";
                m_skipMatched = 0;
            } else if (c == '!') {
                m_state = State::Bang;
            } else {
                m_state = c == '>' ? State::Text : State::Tag;
                m_attributes = 0;
            }
            break;
        case State::Tag: {
            // Names and spaces need no look: go straight to the next byte that changes something (one
            // tight loop instead of a pass through this switch per byte).
            const char *p = bytes.data() + i;
            const char *const end = bytes.data() + bytes.size();
            while (p != end && *p != '>' && *p != '\'' && *p != '"' && *p != '=')
                ++p;
            if (p == end)
                return -1;
            i = p - bytes.data();
            if (*p == '>') {
                m_state = State::Text;
            } else if (*p == '\'' || *p == '"') {
                m_state = State::Quoted;
                m_quote = *p;
            } else if (++m_attributes > maxAttributes) {
                *error = violation(
                    "policy-violation",
                    QT_TRANSLATE_NOOP("xcm::StreamParser", "an element with more than %1 attributes"),
                    maxAttributes);
                return i;
            }
            break;
        }
        case State::Quoted: {
            const auto *end =
                static_cast<const char *>(std::memchr(bytes.data() + i, m_quote, size_t(bytes.size() - i)));
            if (!end)
                return -1;
            i = end - bytes.data();
            m_state = State::Tag;
            break;
        }
        case State::Bang:
            // "<!-" starts a comment and "<![" a CDATA section; anything else is a DTD or a
            // declaration, refused before the reader parses it (an ATTLIST is quadratic there too).
            if (c != '-' && c != '[') {
                *error = violation("restricted-xml",
                                   QT_TRANSLATE_NOOP("xcm::StreamParser",
                                                     "the stream contains a DTD or declaration (<!%1…)"),
                                   QChar::fromLatin1(c));
                return i;
            }
            m_state = State::Skip;
            m_skipUntil = c == '-' ? "-->" : "]]>";
            m_skipMatched = 0; // "<!-->" does not end the comment it starts
            break;
        case State::Skip:
            if (c == m_skipUntil[m_skipMatched]) {
                if (m_skipUntil[++m_skipMatched] == '\0')
                    m_state = State::Text;
            } else if (c == m_skipUntil[0]) {
                // "--->" and "]]]>" still end it: a run of the doubled first character keeps two matched.
                m_skipMatched = m_skipMatched >= 2 && m_skipUntil[1] == c ? 2 : 1;
            } else {
                m_skipMatched = 0;
            }
            break;
        }
    }
    return -1;
}

} // namespace xcm
