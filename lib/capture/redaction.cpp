// SPDX-License-Identifier: GPL-3.0-or-later
#include "redaction.h"

#include "handshake.h"

#include <cstring>

namespace xcm {

namespace {

constexpr QByteArrayView openTag = "<handshake";
constexpr QByteArrayView closeTag = "</handshake>";
constexpr QByteArrayView redactedContent = "[redacted]";

bool isWhitespace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

// Where "<handshake" starts from `from` on, or -1. Every stanza a capture or an export writes is searched:
// memchr to each '<' and a compare is several times faster than QByteArray::indexOf's general search.
qsizetype findOpenTag(const QByteArray &wire, qsizetype from)
{
    const char *const begin = wire.constData();
    const char *const end = begin + wire.size();
    for (const char *p = begin + from; end - p >= openTag.size(); ++p) {
        p = static_cast<const char *>(std::memchr(p, '<', size_t(end - p)));
        if (!p || end - p < openTag.size())
            return -1;
        if (std::memcmp(p, openTag.data(), size_t(openTag.size())) == 0)
            return p - begin;
    }
    return -1;
}

} // namespace

QByteArray redactHandshakeDigests(const QByteArray &wire)
{
    qsizetype start = findOpenTag(wire, 0);
    if (start < 0)
        return wire; // the common case: no copy
    QByteArray result;
    qsizetype copied = 0;
    for (; start >= 0; start = findOpenTag(wire, start + 1)) {
        const qsizetype afterName = start + openTag.size();
        if (afterName >= wire.size())
            break;
        const char next = wire.at(afterName);
        if (next != '>' && next != '/' && !isWhitespace(next))
            continue; // <handshakeSomethingElse>
        const qsizetype startTagEnd = wire.indexOf('>', afterName);
        if (startTagEnd < 0)
            break;
        if (wire.at(startTagEnd - 1) == '/')
            continue; // <handshake/>: the server's "accepted"
        const qsizetype contentStart = startTagEnd + 1;
        qsizetype contentEnd = wire.indexOf(closeTag, contentStart);
        if (contentEnd < 0)
            contentEnd = wire.size(); // cut short: what follows may still be the digest
        const QByteArrayView content = QByteArrayView(wire).sliced(contentStart, contentEnd - contentStart);
        if (content.isEmpty() || content == redactedContent)
            continue;
        // Any content goes, not only 40 hex digits: an upper-case or truncated digest is as secret.
        result += QByteArrayView(wire).sliced(copied, start - copied);
        result += redactedHandshake;
        copied = qMin(contentEnd + closeTag.size(), wire.size());
        start = copied - 1;
    }
    if (copied == 0)
        return wire;
    result += QByteArrayView(wire).sliced(copied);
    return result;
}

} // namespace xcm
