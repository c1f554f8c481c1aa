// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QRegularExpression>

#include <atomic>

namespace xcm {

// A regular expression typed by a user, bounded so that a catastrophic one ("(a+)+$") cannot freeze
// the window: PCRE2 stops a search after matchLimit steps ((*LIMIT_MATCH=…) in front of the pattern,
// about 0.2 ms with the JIT), the search counts as no match and gaveUp() counts it. After
// maxGiveUps such searches the expression is abandoned (every later search is no match at once), so
// that a whole log is never more than a few milliseconds of wasted searching; the owner reports it.
//
// Shared between threads like QRegularExpression (search() is const; the counters are atomic).
class BoundedRegex
{
    Q_DECLARE_TR_FUNCTIONS(xcm::BoundedRegex)
public:
    static constexpr int matchLimit = 100'000;
    static constexpr int maxGiveUps = 100;

    enum class Result : quint8
    {
        NoMatch,
        Match,
        GaveUp, // too much backtracking (or abandoned): counts as no match
    };

    // Compiles `pattern` (a search, case-sensitive unless it says (?i)). On failure returns false with
    // the reason and the offset in `pattern` it refers to.
    bool compile(const QString &pattern, QString *error, qsizetype *errorOffset);
    const QString &pattern() const { return m_pattern; }

    Result search(QStringView subject) const;
    quint64 gaveUp() const { return m_gaveUp.load(std::memory_order_relaxed); }
    bool isAbandoned() const { return gaveUp() >= quint64(maxGiveUps); }
    // Forgets what gave up: a new pass over a log starts again.
    void resetGaveUp() const { m_gaveUp.store(0, std::memory_order_relaxed); }

private:
    QString m_pattern;
    QRegularExpression m_regex;
    mutable std::atomic<quint64> m_gaveUp{0};
};

} // namespace xcm
