// SPDX-License-Identifier: GPL-3.0-or-later
#include "textmatcher.h"

#include <algorithm>
#include <functional>

using namespace Qt::StringLiterals;

namespace xcm {

namespace {

constexpr char asciiLower(char c)
{
    return (c >= 'A' && c <= 'Z') ? char(c + ('a' - 'A')) : c;
}

QString xmlEscaped(const QString &text)
{
    QString escaped;
    escaped.reserve(text.size());
    for (const QChar c : text) {
        switch (c.unicode()) {
        case u'&':
            escaped += u"&amp;";
            break;
        case u'<':
            escaped += u"&lt;";
            break;
        case u'>':
            escaped += u"&gt;";
            break;
        case u'\'':
            escaped += u"&apos;";
            break;
        case u'"':
            escaped += u"&quot;";
            break;
        default:
            escaped += c;
        }
    }
    return escaped;
}

QByteArray asciiLowered(QByteArray bytes)
{
    for (char &c : bytes)
        c = asciiLower(c);
    return bytes;
}

bool containsFolded(QByteArrayView haystack, const QByteArray &needle)
{
    const auto equal = [](char a, char b) { return asciiLower(a) == b; };
    return std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end(), equal) !=
           haystack.end();
}

bool hasNonAscii(QByteArrayView bytes)
{
    return std::any_of(bytes.begin(), bytes.end(), [](char c) { return uchar(c) >= 0x80; });
}

} // namespace

TextMatcher::TextMatcher(const QString &pattern)
    : m_pattern(pattern)
{
    if (pattern.isEmpty())
        return;
    m_escapedPattern = xmlEscaped(pattern);
    for (const QString &variant : {m_pattern, m_escapedPattern}) {
        const QByteArray needle = asciiLowered(variant.toUtf8());
        if (!m_needles.contains(needle))
            m_needles.append(needle);
    }
    m_ascii = !hasNonAscii(m_needles.constFirst());
    // ' and " are often written unescaped in text: also try escaping only what must be.
    if (pattern.contains(u'&') || pattern.contains(u'<') || pattern.contains(u'>')) {
        QString partly = pattern;
        partly.replace(u'&', u"&amp;"_s).replace(u'<', u"&lt;"_s).replace(u'>', u"&gt;"_s);
        const QByteArray needle = asciiLowered(partly.toUtf8());
        if (!m_needles.contains(needle))
            m_needles.append(needle);
    }
}

bool TextMatcher::matches(QByteArrayView haystack) const
{
    if (m_needles.isEmpty())
        return true;
    for (const QByteArray &needle : m_needles) {
        if (containsFolded(haystack, needle))
            return true;
    }
    if (m_ascii || !hasNonAscii(haystack))
        return false;
    // Non-ASCII letters need Unicode case folding: decode, but only stanzas that could match.
    const QString text = QString::fromUtf8(haystack);
    return text.contains(m_pattern, Qt::CaseInsensitive) ||
           text.contains(m_escapedPattern, Qt::CaseInsensitive);
}

} // namespace xcm
