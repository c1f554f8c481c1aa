// SPDX-License-Identifier: GPL-3.0-or-later
#include "boundedregex.h"

#include "expressionslogging.h"

using namespace Qt::StringLiterals;

namespace xcm {

namespace {

// PCRE2 takes "start of pattern" settings only at the very beginning: (*UTF), (*LIMIT_MATCH=9)…
// A later (*LIMIT_MATCH=…) would replace ours, so a pattern may not bring its own limits.
bool setsItsOwnLimits(QStringView pattern)
{
    qsizetype i = 0;
    while (pattern.sliced(i).startsWith(u"(*")) {
        const qsizetype close = pattern.indexOf(u')', i);
        if (close < 0)
            return false;
        if (pattern.sliced(i + 2, close - i - 2).startsWith(u"LIMIT_", Qt::CaseInsensitive))
            return true;
        i = close + 1;
    }
    return false;
}

} // namespace

bool BoundedRegex::compile(const QString &pattern, QString *error, qsizetype *errorOffset)
{
    if (setsItsOwnLimits(pattern)) {
        *error = tr("a regular expression cannot set its own (*LIMIT_…)");
        *errorOffset = 0;
        return false;
    }
    const QString prefix = u"(*LIMIT_MATCH=%1)"_s.arg(matchLimit);
    m_regex.setPattern(prefix + pattern);
    if (!m_regex.isValid()) {
        *error = tr("invalid regular expression: %1").arg(m_regex.errorString());
        *errorOffset = std::clamp<qsizetype>(m_regex.patternErrorOffset() - prefix.size(), 0, pattern.size());
        return false;
    }
    m_pattern = pattern;
    m_regex.optimize(); // JIT now, not on some later search
    m_gaveUp.store(0, std::memory_order_relaxed);
    return true;
}

BoundedRegex::Result BoundedRegex::search(QStringView subject) const
{
    if (isAbandoned())
        return Result::GaveUp;
    const QRegularExpressionMatch match = m_regex.match(subject);
    if (match.hasMatch())
        return Result::Match;
    if (match.isValid())
        return Result::NoMatch;
    // PCRE2 returned an error rather than "no match": the limit (or the JIT stack) ran out.
    const quint64 count = m_gaveUp.fetch_add(1, std::memory_order_relaxed) + 1;
    if (count == 1 || count == quint64(maxGiveUps))
        qCDebug(lcExpressions) << "regular expression" << m_pattern << "gave up on a subject of"
                               << subject.size() << "characters; times:" << count;
    return Result::GaveUp;
}

} // namespace xcm
