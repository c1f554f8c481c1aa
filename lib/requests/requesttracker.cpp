// SPDX-License-Identifier: GPL-3.0-or-later
#include "requesttracker.h"

#include "durationtext.h"
#include "stanzaerror.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace xcm {

namespace {
// An answer this close after the timeout is not late, and the timeout is declared only once this has
// passed: one due at the very moment (xcm's own service-unavailable when the limit to answer by hand is
// the timeout, 30 s both) must not be called late, or not, by the order of two timers.
constexpr qint64 timeoutGraceMs = 100;
} // namespace

size_t qHash(const RequestTracker::Key &key, size_t seed) noexcept
{
    return qHashMulti(seed, key.id, key.asker, key.asked, int(key.requestDirection));
}

RequestTracker::RequestTracker(QObject *parent)
    : QObject(parent)
{
    m_timeoutTimer.setSingleShot(true);
    connect(&m_timeoutTimer, &QTimer::timeout, this, &RequestTracker::checkTimeouts);
}

RequestTracker::~RequestTracker() = default;

void RequestTracker::setTimeout(std::chrono::milliseconds timeout)
{
    m_timeout = std::max(timeout, std::chrono::milliseconds(0));
}

void RequestTracker::setMaxExchanges(qsizetype count)
{
    m_maxExchanges = std::max<qsizetype>(1, count);
    while (qsizetype(m_exchanges.size()) > m_maxExchanges)
        dropOldest();
}

QString RequestTracker::bareKey(const QString &jid)
{
    const qsizetype slash = jid.indexOf(u'/');
    return (slash < 0 ? jid : jid.first(slash)).toLower();
}

const IqExchange *RequestTracker::exchangeAt(quint64 index) const
{
    if (index < m_firstIndex || index - m_firstIndex >= m_exchanges.size())
        return nullptr;
    return &m_exchanges[size_t(index - m_firstIndex)];
}

IqExchange *RequestTracker::exchangeAt(quint64 index)
{
    return const_cast<IqExchange *>(std::as_const(*this).exchangeAt(index));
}

RequestTracker::Observation RequestTracker::observe(const Stanza &stanza, quint64 sequence)
{
    if (stanza.kind() != StanzaKind::Iq)
        return Observation::NotIq;
    const QString type = stanza.type();
    if (type == u"get" || type == u"set")
        return observeRequest(stanza, sequence);
    if (type == u"result" || type == u"error")
        return observeAnswer(stanza, sequence, type == u"error");
    return Observation::InvalidType;
}

RequestTracker::Observation RequestTracker::observeRequest(const Stanza &stanza, quint64 sequence)
{
    IqExchange exchange;
    exchange.id = stanza.id();
    if (exchange.id.isEmpty())
        return Observation::RequestWithoutId;
    exchange.requestSequence = sequence;
    exchange.requestDirection = stanza.direction();
    exchange.requester = stanza.from();
    exchange.responder = stanza.to();
    exchange.requestedAtNs = timeOf(stanza);
    if (m_timeout.count() > 0 && !m_recordedTimes)
        exchange.deadlineNs = exchange.requestedAtNs + qint64(m_timeout.count()) * 1'000'000;

    const Key key{exchange.id, bareKey(exchange.requester), bareKey(exchange.responder),
                  exchange.requestDirection};
    const bool duplicate = m_awaiting.contains(key);
    const quint64 index = m_firstIndex + m_exchanges.size();
    m_exchanges.push_back(std::move(exchange));
    m_indexBySequence.insert(sequence, index);
    m_awaiting.insert(key, index);
    ++m_awaitingCount[int(stanza.direction())];
    if (qsizetype(m_exchanges.size()) > m_maxExchanges)
        dropOldest();
    scheduleTimeoutCheck();
    Q_EMIT awaitingCountChanged();
    return duplicate ? Observation::DuplicateRequest : Observation::Request;
}

RequestTracker::Observation RequestTracker::observeAnswer(const Stanza &stanza, quint64 sequence,
                                                          bool isError)
{
    // The request went the other way: its asker is the answer's 'to', the asked one its 'from'.
    const Direction requestDirection =
        stanza.direction() == Direction::Sent ? Direction::Received : Direction::Sent;
    Key key{stanza.id(), bareKey(stanza.to()), bareKey(stanza.from()), requestDirection};
    auto candidates = m_awaiting.values(key);
    // A request to the server may have had no 'to', and its answer no 'from', or the other way round.
    if (candidates.isEmpty() && !m_serverDomain.isEmpty() &&
        (key.asked.isEmpty() || key.asked == m_serverDomain)) {
        key.asked = key.asked.isEmpty() ? m_serverDomain : QString();
        candidates = m_awaiting.values(key);
    }
    if (key.id.isEmpty() || candidates.isEmpty())
        return Observation::UnsolicitedAnswer;

    const quint64 index = *std::min_element(candidates.cbegin(), candidates.cend());
    m_awaiting.remove(key, index);
    IqExchange *exchange = exchangeAt(index);
    Q_ASSERT(exchange); // dropOldest() removes dropped exchanges from m_awaiting
    --m_awaitingCount[int(requestDirection)];
    exchange->answeredAtNs = timeOf(stanza);
    // By the times, not by whether the timeout was declared yet: the window may hear of an answer later
    // than it came (a proxy's batch), and a timer's order must not decide.
    exchange->late = exchange->deadlineNs > 0 &&
                     exchange->answeredAtNs > exchange->deadlineNs + timeoutGraceMs * 1'000'000;
    exchange->outcome = isError ? IqExchange::Outcome::Error : IqExchange::Outcome::Result;
    exchange->answerSequence = sequence;
    if (isError)
        exchange->errorCondition = StanzaError::conditionName(StanzaError::fromStanza(stanza).condition());
    m_indexBySequence.insert(sequence, index);
    Q_EMIT exchangeChanged(exchange->requestSequence, sequence);
    Q_EMIT awaitingCountChanged();
    return Observation::Answer;
}

void RequestTracker::closeOpen(quint64 index, IqExchange::Outcome outcome)
{
    IqExchange *exchange = exchangeAt(index);
    if (!exchange || !exchange->isAwaitingAnswer())
        return;
    if (outcome == IqExchange::Outcome::Abandoned) {
        const Key key{exchange->id, bareKey(exchange->requester), bareKey(exchange->responder),
                      exchange->requestDirection};
        m_awaiting.remove(key, index);
        --m_awaitingCount[int(exchange->requestDirection)];
    }
    exchange->outcome = outcome;
    Q_EMIT exchangeChanged(exchange->requestSequence, 0);
}

void RequestTracker::connectionEnded()
{
    if (m_awaiting.isEmpty())
        return;
    const QList<quint64> waiting = m_awaiting.values();
    for (const quint64 index : waiting)
        closeOpen(index, IqExchange::Outcome::Abandoned);
    Q_EMIT awaitingCountChanged();
}

void RequestTracker::clear()
{
    m_firstIndex += m_exchanges.size();
    m_timeoutScan = m_firstIndex;
    m_exchanges.clear();
    m_indexBySequence.clear();
    m_awaiting.clear();
    m_awaitingCount[0] = m_awaitingCount[1] = 0;
    m_timeoutTimer.stop();
    Q_EMIT awaitingCountChanged();
}

void RequestTracker::dropOldest()
{
    const IqExchange &oldest = m_exchanges.front();
    m_indexBySequence.remove(oldest.requestSequence);
    if (oldest.answerSequence)
        m_indexBySequence.remove(oldest.answerSequence);
    if (oldest.isAwaitingAnswer()) {
        m_awaiting.remove(
            Key{oldest.id, bareKey(oldest.requester), bareKey(oldest.responder), oldest.requestDirection},
            m_firstIndex);
        --m_awaitingCount[int(oldest.requestDirection)];
    }
    m_exchanges.pop_front();
    ++m_firstIndex;
    m_timeoutScan = std::max(m_timeoutScan, m_firstIndex);
}

void RequestTracker::scheduleTimeoutCheck()
{
    // Deadlines grow with the request order (one timeout for all), so the next one due is the first
    // open exchange at or after m_timeoutScan.
    m_timeoutScan = std::max(m_timeoutScan, m_firstIndex);
    while (const IqExchange *exchange = exchangeAt(m_timeoutScan)) {
        if (exchange->outcome == IqExchange::Outcome::Open && exchange->deadlineNs > 0)
            break;
        ++m_timeoutScan;
    }
    const IqExchange *next = exchangeAt(m_timeoutScan);
    if (!next) {
        m_timeoutTimer.stop();
        return;
    }
    const qint64 dueInMs = (next->deadlineNs - nowNs() + 999'999) / 1'000'000 + timeoutGraceMs;
    if (!m_timeoutTimer.isActive() || m_timeoutTimer.remainingTime() > dueInMs)
        m_timeoutTimer.start(int(std::clamp<qint64>(dueInMs, 0, 24 * 3600 * 1000)));
}

void RequestTracker::checkTimeouts()
{
    const qint64 now = nowNs();
    while (IqExchange *exchange = exchangeAt(m_timeoutScan)) {
        if (exchange->outcome == IqExchange::Outcome::Open && exchange->deadlineNs > 0) {
            if (exchange->deadlineNs > now)
                break;
            closeOpen(m_timeoutScan, IqExchange::Outcome::TimedOut);
        }
        ++m_timeoutScan;
    }
    scheduleTimeoutCheck();
}

const IqExchange *RequestTracker::exchangeFor(quint64 sequence) const
{
    const auto found = m_indexBySequence.constFind(sequence);
    if (found == m_indexBySequence.cend())
        return nullptr;
    return exchangeAt(*found);
}

quint64 RequestTracker::partnerOf(quint64 sequence) const
{
    const IqExchange *exchange = exchangeFor(sequence);
    if (!exchange)
        return 0;
    return sequence == exchange->requestSequence ? exchange->answerSequence : exchange->requestSequence;
}

QList<quint64> RequestTracker::awaitingRequestSequences(qsizetype newest) const
{
    // m_awaiting holds only what waits, so this costs the waiting requests, not the whole record.
    QList<quint64> indexes;
    for (const quint64 index : m_awaiting) {
        const IqExchange *exchange = exchangeAt(index);
        if (exchange && exchange->outcome == IqExchange::Outcome::Open)
            indexes.append(index);
    }
    std::sort(indexes.begin(), indexes.end(), std::greater<>());
    QList<quint64> sequences;
    for (qsizetype i = 0; i < indexes.size() && i < newest; ++i)
        sequences.append(exchangeAt(indexes[i])->requestSequence);
    return sequences;
}

int RequestTracker::awaitingCount(Direction requestDirection) const
{
    return m_awaitingCount[int(requestDirection)];
}

qint64 RequestTracker::timeOf(const Stanza &stanza) const
{
    return m_recordedTimes ? stanza.timestampMs() * 1'000'000 : nowNs();
}

QString RequestTracker::describe(const IqExchange &exchange, quint64 sequence) const
{
    const QString roundTrip = m_recordedTimes ? DurationText::recorded(exchange.roundTripMs())
                                              : DurationText::measured(exchange.roundTripMs());
    if (sequence != exchange.requestSequence) {
        return exchange.late ? tr("late answer, %1").arg(roundTrip) : tr("answer, %1").arg(roundTrip);
    }
    switch (exchange.outcome) {
    case IqExchange::Outcome::Open:
        if (m_recordedTimes)
            return tr("no answer in this log");
        // A request to us waits for the user (answer by hand); one from us waits for the peer.
        return (exchange.requestDirection == Direction::Received ? tr("awaiting your answer (%1)")
                                                                 : tr("awaiting an answer (%1)"))
            .arg(DurationText::measured(double(nowNs() - exchange.requestedAtNs) / 1e6));
    case IqExchange::Outcome::Result:
        return exchange.late ? tr("late result in %1").arg(roundTrip) : tr("result in %1").arg(roundTrip);
    case IqExchange::Outcome::Error:
        return exchange.late ? tr("late error %1 in %2").arg(exchange.errorCondition, roundTrip)
                             : tr("error %1 in %2").arg(exchange.errorCondition, roundTrip);
    case IqExchange::Outcome::TimedOut:
        return tr("no answer after %1").arg(DurationText::measured(double(m_timeout.count())));
    case IqExchange::Outcome::Abandoned:
        return tr("no answer: the connection closed");
    }
    return {};
}

} // namespace xcm
