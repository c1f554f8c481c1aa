// SPDX-License-Identifier: GPL-3.0-or-later
#include "stanzalogfiltermodel.h"

#include "stanzalogmodel.h"
#include "stanzaview.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <thread>

#include <QElapsedTimer>
#include <QTimer>

namespace xcm {

StanzaLogFilterModel::StanzaLogFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{}

StanzaLogFilterModel::~StanzaLogFilterModel() = default;

void StanzaLogFilterModel::setSourceModel(QAbstractItemModel *sourceModel)
{
    auto *log = qobject_cast<StanzaLogModel *>(sourceModel);
    Q_ASSERT_X(log || !sourceModel, "StanzaLogFilterModel", "the source must be a StanzaLogModel");
    m_log = log;
    m_expressionMatches = {}; // by another log's sequences
    if (m_paused)
        m_pausedAfter = m_log ? m_log->lastRowSequence() : 0;
    QSortFilterProxyModel::setSourceModel(log);
}

StanzaLogModel *StanzaLogFilterModel::logModel() const
{
    return m_log;
}

void StanzaLogFilterModel::setDirectionFilter(std::optional<Direction> direction)
{
    if (m_direction == direction)
        return;
    m_direction = direction;
    refilter();
}

void StanzaLogFilterModel::setKindMask(quint8 mask)
{
    mask &= allKinds;
    if (m_kindMask == mask)
        return;
    m_kindMask = mask;
    refilter();
}

void StanzaLogFilterModel::setKindEnabled(StanzaKind kind, bool enabled)
{
    setKindMask(enabled ? (m_kindMask | kindBit(kind)) : (m_kindMask & ~kindBit(kind)));
}

void StanzaLogFilterModel::setErrorsOnly(bool errorsOnly)
{
    if (m_errorsOnly == errorsOnly)
        return;
    m_errorsOnly = errorsOnly;
    refilter();
}

void StanzaLogFilterModel::setUnansweredOnly(bool unansweredOnly)
{
    if (m_unansweredOnly == unansweredOnly)
        return;
    m_unansweredOnly = unansweredOnly;
    refilter();
}

void StanzaLogFilterModel::setSearchText(const QString &text)
{
    if (m_matcher.pattern() == text)
        return;
    m_matcher = TextMatcher(text);
    if (m_textFilter)
        refilter();
    else
        Q_EMIT filterChanged(); // matches are highlighted, not filtered
}

void StanzaLogFilterModel::setExpression(const Expression &expression)
{
    if (!expression.isValid())
        return;
    if (m_evaluating && expression.text() == m_pending.text())
        return;
    const bool wasEvaluating = std::exchange(m_evaluating, false);
    ++m_evaluation;
    m_pendingMatches = {};
    if (expression.text() == m_expression.text()) {
        if (wasEvaluating)
            Q_EMIT expressionProgress(0, 0); // back to the one shown: nothing to wait for
        return;
    }
    const int rows = m_log ? m_log->rowCount() : 0;
    if (expression.isEmpty() || rows < evaluateInStepsFrom) {
        expression.resetEvaluationError();
        applyExpression(expression);
        if (wasEvaluating)
            Q_EMIT expressionProgress(0, 0);
        return;
    }
    m_pending = expression;
    m_pending.resetEvaluationError();
    m_pendingFrom = m_log->sequenceAt(0);
    m_pendingNext = m_pendingFrom;
    m_pendingMatches.assign(size_t(rows), 0);
    m_evaluating = true;
    m_longestStepMs = 0;
    Q_EMIT expressionProgress(0, rows);
    QTimer::singleShot(0, this, [this, evaluation = m_evaluation] {
        if (evaluation == m_evaluation)
            evaluateStep();
    });
}

void StanzaLogFilterModel::applyExpression(const Expression &expression)
{
    m_expression = expression;
    // A new expression changes which rows show all over the log. Qt's incremental refilter removes and
    // inserts every run of changed rows one by one, which for interleaved matches in a million rows took
    // seconds; dropping the mapping costs one filterAcceptsRow() per row.
    invalidate();
    Q_EMIT filterChanged();
}

void StanzaLogFilterModel::setTextFilterEnabled(bool enabled)
{
    if (m_textFilter == enabled)
        return;
    m_textFilter = enabled;
    if (!m_matcher.isEmpty())
        refilter();
    else
        Q_EMIT filterChanged();
}

bool StanzaLogFilterModel::matchesSearch(int sourceRow) const
{
    return m_matcher.isEmpty() || (m_log && m_matcher.matches(m_log->wireAt(sourceRow)));
}

int StanzaLogFilterModel::findNext(int proxyRow) const
{
    return findFrom(proxyRow, 1);
}

int StanzaLogFilterModel::findPrevious(int proxyRow) const
{
    return findFrom(proxyRow < 0 ? rowCount() : proxyRow, -1);
}

int StanzaLogFilterModel::findFrom(int proxyRow, int step) const
{
    const int count = rowCount();
    if (count == 0 || !m_log)
        return -1;
    int row = proxyRow;
    for (int visited = 0; visited < count; ++visited) {
        row = ((row + step) % count + count) % count;
        if (matchesSearch(mapToSource(index(row, 0)).row()))
            return row;
    }
    return -1;
}

void StanzaLogFilterModel::setPaused(bool paused)
{
    if (m_paused == paused)
        return;
    m_paused = paused;
    if (paused) {
        // Nothing to re-filter: rows shown now stay, newer ones are refused as they arrive.
        m_pausedAfter = m_log ? m_log->lastRowSequence() : 0;
    } else {
        invalidateRowsFilter(); // brings in what arrived meanwhile
    }
    Q_EMIT pausedChanged(paused);
}

quint64 StanzaLogFilterModel::pendingWhilePaused() const
{
    if (!m_paused || !m_log)
        return 0;
    return m_log->lastSequence() - m_pausedAfter;
}

bool StanzaLogFilterModel::hasFilter() const
{
    return m_direction || m_kindMask != allKinds || m_errorsOnly || m_unansweredOnly ||
           !m_expression.isEmpty() || (m_textFilter && !m_matcher.isEmpty());
}

bool StanzaLogFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (sourceParent.isValid() || !m_log)
        return false;
    // Cheapest tests first: most rows are decided without touching the wire.
    if (m_paused && m_log->sequenceAt(sourceRow) > m_pausedAfter)
        return false;
    if (m_direction && m_log->directionAt(sourceRow) != *m_direction)
        return false;
    if (!(m_kindMask & kindBit(m_log->kindAt(sourceRow))))
        return false;
    if (m_errorsOnly && !m_log->isErrorAt(sourceRow))
        return false;
    // An answer repaints its request's row (dataChanged), which makes the proxy ask again here.
    if (m_unansweredOnly && !m_log->isUnansweredRequestAt(sourceRow))
        return false;
    if (m_textFilter && !m_matcher.isEmpty() && !m_matcher.matches(m_log->wireAt(sourceRow)))
        return false;
    return m_expression.isEmpty() || expressionMatches(sourceRow);
}

bool StanzaLogFilterModel::expressionMatches(int sourceRow) const
{
    const quint64 sequence = m_log->sequenceAt(sourceRow);
    if (sequence >= m_expressionMatchesFrom &&
        sequence - m_expressionMatchesFrom < m_expressionMatches.size())
        return m_expressionMatches[size_t(sequence - m_expressionMatchesFrom)];
    StanzaView view(m_log->directionAt(sourceRow), m_log->kindAt(sourceRow), m_log->wireAt(sourceRow),
                    m_log->originAt(sourceRow) == StanzaLogModel::Origin::Automatic);
    return m_expression.matches(view);
}

void StanzaLogFilterModel::evaluateStep()
{
    QElapsedTimer clock;
    clock.start();
    const quint64 end = m_pendingFrom + m_pendingMatches.size();
    // Rows dropped by the log's cap since the start are skipped; rows added since are evaluated when
    // the refilter reaches them.
    if (m_log && m_log->rowCount() > 0)
        m_pendingNext = std::max(m_pendingNext, m_log->sequenceAt(0));
    constexpr quint64 rowsPerStep = 25'000; // ~10 ms of a costly expression on one core
    const quint64 stepEnd = std::min(end, m_pendingNext + rowsPerStep);
    const int firstRow = m_log && m_pendingNext < stepEnd ? m_log->rowForSequence(m_pendingNext) : -1;
    if (firstRow >= 0) {
        const int count = int(stepEnd - m_pendingNext);
        const auto evaluate = [this, firstRow](int begin, int end) {
            for (int i = begin; i < end; ++i) {
                const int row = firstRow + i;
                StanzaView view(m_log->directionAt(row), m_log->kindAt(row), m_log->wireAt(row),
                                m_log->originAt(row) == StanzaLogModel::Origin::Automatic);
                m_pendingMatches[size_t(m_log->sequenceAt(row) - m_pendingFrom)] = m_pending.matches(view);
            }
        };
        // The rows are only read meanwhile: the model changes on this thread, which waits here.
        const int threads = int(std::clamp(std::thread::hardware_concurrency(), 1u, 8u));
        const int chunk = (count + threads - 1) / threads;
        std::vector<std::jthread> helpers;
        for (int begin = chunk; begin < count; begin += chunk)
            helpers.emplace_back(evaluate, begin, std::min(count, begin + chunk));
        evaluate(0, std::min(count, chunk));
        helpers.clear(); // joins
    }
    m_pendingNext = firstRow >= 0 ? stepEnd : end; // no rows left to read (the log was cleared)
    m_longestStepMs = std::max(m_longestStepMs, clock.elapsed());
    const qint64 total = qint64(m_pendingMatches.size());
    if (m_pendingNext < end) {
        Q_EMIT expressionProgress(qint64(m_pendingNext - m_pendingFrom), total);
        QTimer::singleShot(0, this, [this, evaluation = m_evaluation] {
            if (evaluation == m_evaluation)
                evaluateStep();
        });
        return;
    }
    m_evaluating = false;
    m_expressionMatches = std::move(m_pendingMatches);
    m_expressionMatchesFrom = m_pendingFrom;
    m_pendingMatches = {};
    clock.restart();
    applyExpression(std::exchange(m_pending, Expression()));
    m_longestStepMs = std::max(m_longestStepMs, clock.elapsed());
    Q_EMIT expressionProgress(total, total);
}

bool StanzaLogFilterModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (!m_log || left.column() != StanzaLogModel::AnswerColumn)
        return false; // only the round trip sorts; equal rows keep their wire order (a stable sort)
    // NaN: no exchange on this row.
    // The row's own state first: most rows are no exchange, and that needs no lookup in the tracker.
    const auto key = [this](int row) {
        using State = StanzaLogModel::ExchangeState;
        switch (m_log->exchangeStateAt(row)) {
        case State::Answered:
        case State::Failed:
        case State::Answer:
            return m_log->roundTripAt(row);
        case State::Awaiting:
        case State::TimedOut:
        case State::Abandoned:
        case State::WithoutId:
            return std::numeric_limits<double>::infinity();
        case State::None:
        case State::Unsolicited:
            break;
        }
        return std::numeric_limits<double>::quiet_NaN();
    };
    const double a = key(left.row());
    const double b = key(right.row());
    const bool aNone = std::isnan(a);
    const bool bNone = std::isnan(b);
    // Descending order asks lessThan(right, left): rows without an exchange are the greatest when
    // ascending and the least when descending, so they end up last either way.
    if (aNone != bNone)
        return sortOrder() == Qt::AscendingOrder ? bNone : aNone;
    return !aNone && a < b;
}

void StanzaLogFilterModel::refilter()
{
    // Not invalidateRowsFilter(): Qt's incremental refilter removes and inserts every run of changed
    // rows one at a time, each costing time in proportion to the log, so a word or a kind hidden in a
    // 1,000,000-row log took 10 s to 2 minutes (xcm-bench-biglog). Dropping the mapping costs one
    // filterAcceptsRow() per row; persistent indexes (the selection) are carried over.
    invalidate();
    Q_EMIT filterChanged();
}

} // namespace xcm
