// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "expression.h"
#include "stanza.h"
#include "textmatcher.h"

#include <QPointer>
#include <QSortFilterProxyModel>

#include <optional>
#include <vector>

namespace xcm {

class StanzaLogModel;

// What the log view shows of a StanzaLogModel: by direction, kind, errors only, unanswered requests only
// and free text, and frozen while paused. Rows are in wire order, unless sorted by the Answer column:
// by round trip, requests still unanswered counting as the slowest, and rows that are no iq exchange
// after all others in either order (sort(-1) goes back to wire order).
//
// filterAcceptsRow() runs for every inserted row, so it reads the source's rows directly (no QVariant)
// and searches the raw bytes (TextMatcher) instead of building strings.
//
// Free text either hides the rows that do not match (textFilterEnabled(), the default) or only
// defines what findNext()/findPrevious() and matchesSearch() look for.
class StanzaLogFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    // One bit per xcm::StanzaKind.
    static constexpr quint8 allKinds = 0x1f;
    static constexpr quint8 kindBit(StanzaKind kind) { return quint8(1u << unsigned(kind)); }

    explicit StanzaLogFilterModel(QObject *parent = nullptr);
    ~StanzaLogFilterModel() override;

    // Must be a StanzaLogModel (or a null model).
    void setSourceModel(QAbstractItemModel *sourceModel) override;
    StanzaLogModel *logModel() const;

    // No value: both directions.
    void setDirectionFilter(std::optional<Direction> direction);
    std::optional<Direction> directionFilter() const { return m_direction; }

    void setKindMask(quint8 mask);
    quint8 kindMask() const { return m_kindMask; }
    void setKindEnabled(StanzaKind kind, bool enabled);
    bool isKindEnabled(StanzaKind kind) const { return m_kindMask & kindBit(kind); }

    void setErrorsOnly(bool errorsOnly);
    bool errorsOnly() const { return m_errorsOnly; }

    // Only iq requests that have no answer (waiting, timed out, abandoned, or without an id). A request
    // leaves the filter when its answer arrives.
    void setUnansweredOnly(bool unansweredOnly);
    bool unansweredOnly() const { return m_unansweredOnly; }

    // Case-insensitive; matches JIDs, ids, attribute values and content anywhere in the stanza.
    void setSearchText(const QString &text);
    QString searchText() const { return m_matcher.pattern(); }
    void setTextFilterEnabled(bool enabled);
    bool isTextFilterEnabled() const { return m_textFilter; }
    // Whether the source row contains the search text (true when there is none).
    bool matchesSearch(int sourceRow) const;
    // The next/previous shown row after/before `proxyRow` whose stanza matches the search text,
    // wrapping around; -1 when none. Pass -1 to start at the top (next) or bottom (previous).
    int findNext(int proxyRow) const;
    int findPrevious(int proxyRow) const;

    // A filter expression (lib/expressions) on top of the other filters; the empty one shows all. Only
    // valid expressions are applied: compile first and show the error instead.
    //
    // On a big log (evaluateInStepsFrom rows or more) a new expression is first evaluated on every row in
    // steps of a few milliseconds, each on all cores, while the event loop goes on and the rows shown
    // stay those of the previous filter; expressionProgress() reports it, and then it applies at once.
    // expression() is the one applied, pendingExpression() the one being evaluated.
    static constexpr int evaluateInStepsFrom = 20'000;
    void setExpression(const Expression &expression);
    const Expression &expression() const { return m_expression; }
    bool isEvaluatingExpression() const { return m_evaluating; }
    const Expression &pendingExpression() const { return m_pending; }
    // The longest step so far (ms): what the window waited for at most (benchmarks).
    qint64 longestEvaluationStepMs() const { return m_longestStepMs; }

    // While paused, rows that arrive are counted but not shown, so the view holds still.
    void setPaused(bool paused);
    bool isPaused() const { return m_paused; }
    // Stanzas appended to the source since the pause (queued and dropped ones included).
    quint64 pendingWhilePaused() const;

    bool hasFilter() const;

Q_SIGNALS:
    void pausedChanged(bool paused);
    void filterChanged();
    // A new expression is being evaluated on a big log: `done` of `total` rows; done == total when it
    // has applied (or was replaced by the empty expression).
    void expressionProgress(qint64 done, qint64 total);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    void refilter();
    int findFrom(int proxyRow, int step) const;
    bool expressionMatches(int sourceRow) const;
    // Shows the rows `expression` matches (its gave-up count as it is).
    void applyExpression(const Expression &expression);
    // One step of the evaluation of m_pending: the next rows, on all cores (ExpressionProgram allows it),
    // so that the refilter after it only reads the answers: the expression is the slow part of it.
    void evaluateStep();

    QPointer<StanzaLogModel> m_log;
    std::optional<Direction> m_direction;
    quint8 m_kindMask = allKinds;
    bool m_errorsOnly = false;
    bool m_unansweredOnly = false;
    bool m_textFilter = true;
    bool m_paused = false;
    quint64 m_pausedAfter = 0; // the last sequence shown while paused
    TextMatcher m_matcher;
    Expression m_expression;
    std::vector<char> m_expressionMatches; // by sequence from m_expressionMatchesFrom; rows after: evaluated
    quint64 m_expressionMatchesFrom = 0;
    Expression m_pending;
    std::vector<char> m_pendingMatches;
    quint64 m_pendingFrom = 0;
    quint64 m_pendingNext = 0; // the next sequence to evaluate
    bool m_evaluating = false;
    quint64 m_evaluation = 0; // a new setExpression() makes the steps of an older one stale
    qint64 m_longestStepMs = 0;
};

} // namespace xcm
