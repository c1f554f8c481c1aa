// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

namespace xcm {

// Case-insensitive search for what a user typed in the raw bytes of a stanza, without decoding each
// stanza to a QString: filtering a million rows must stay cheap. Characters XML escapes on the wire
// (& < > ' ") are also looked for in their escaped form, so "a & b" finds "a &amp; b".
class TextMatcher
{
public:
    TextMatcher() = default;
    explicit TextMatcher(const QString &pattern);

    bool isEmpty() const { return m_pattern.isEmpty(); }
    const QString &pattern() const { return m_pattern; }
    bool matches(QByteArrayView haystack) const;

private:
    QString m_pattern;
    QString m_escapedPattern;
    QList<QByteArray> m_needles; // lower-cased UTF-8, as typed and escaped
    bool m_ascii = true;         // ASCII case folding is enough for these needles
};

} // namespace xcm
