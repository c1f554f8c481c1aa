// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "iqexchange.h"
#include "monotonicclock.h"

#include <QHash>
#include <QObject>
#include <QTimer>

#include <chrono>
#include <deque>
#include <functional>

namespace xcm {

// Pairs every iq get/set that crosses a connection, either way, with its result or error.
//
// Ids are only unique per sender, so a request is keyed on (id, the asker's bare JID, the asked one's
// bare JID): an answer's 'from' may be the full JID that was asked, its bare JID (a server answering
// for an account) or the other way round, and its 'to' is the asker. A request without 'to' (to the
// server itself) pairs with an answer from the server's domain or from nobody.
//
// The tracker keeps its own record, apart from any log, so a pairing survives the log's filters, its cap
// and a clear: it holds the newest maxExchanges() exchanges. Stanzas are identified by a sequence number
// the caller gives (the log model's, or any increasing counter).
class RequestTracker : public QObject
{
    Q_OBJECT
public:
    // What one stanza was to the tracker.
    enum class Observation : quint8
    {
        NotIq,             // not an iq, or a stream-level element
        Request,           // a get/set, now open
        RequestWithoutId,  // a get/set without an id: it cannot be answered, and is not tracked
        DuplicateRequest,  // a get/set whose id is still open between the same two parties: tracked,
                           // but an answer pairs with the older one first
        Answer,            // a result/error paired with its request
        UnsolicitedAnswer, // a result/error that matches no open request (never sent, or answered)
        InvalidType,       // an iq whose type is none of get, set, result, error
    };
    Q_ENUM(Observation)

    static constexpr std::chrono::milliseconds defaultTimeout{30'000};
    static constexpr qsizetype defaultMaxExchanges = 200'000;

    explicit RequestTracker(QObject *parent = nullptr);
    ~RequestTracker() override;

    // How long a request may wait before it counts as unanswered; 0 = never. Applies to new requests.
    void setTimeout(std::chrono::milliseconds timeout);
    std::chrono::milliseconds timeout() const { return m_timeout; }
    // Times from the stanzas' own timestamps instead of the clock, for a saved log read back: round
    // trips as they were recorded (to the millisecond), no timeouts, and a request left open has "no
    // answer in this log".
    void setRecordedTimes(bool recorded) { m_recordedTimes = recorded; }
    // The server's domain (the 'from' of its stream header): answers to requests without 'to' come from it.
    void setServerDomain(const QString &domain) { m_serverDomain = domain.toLower(); }
    void setMaxExchanges(qsizetype count);
    qsizetype maxExchanges() const { return m_maxExchanges; }

    Observation observe(const Stanza &stanza, quint64 sequence);
    // The connection ended: the requests still waiting will get no answer.
    void connectionEnded();
    // Forgets everything (the log was cleared and the user wants a fresh start).
    void clear();

    // The exchange a stanza (its request or its answer) belongs to; nullptr if none is known.
    const IqExchange *exchangeFor(quint64 sequence) const;
    // The other half: the answer's sequence for a request, the request's for an answer; 0 if none.
    quint64 partnerOf(quint64 sequence) const;
    // The newest requests still within their timeout, newest first (their rows show a running age).
    QList<quint64> awaitingRequestSequences(qsizetype newest) const;
    // Requests waiting for an answer (timed-out ones included) in one direction.
    int awaitingCount(Direction requestDirection) const;
    // Now on the clock the exchanges' times are on: monotonicNowNs(), or what setClock() gave.
    qint64 nowNs() const { return m_clock(); }
    // Where "now" comes from when a stanza is observed or a request's age is shown (monotonic
    // nanoseconds). The desktop app's proxy gives the moment its relay thread saw the stanza being
    // logged: the window may hear of a request and its answer in one batch, after a stall.
    void setClock(std::function<qint64()> clock) { m_clock = std::move(clock); }

    // One line for a log row: "result in 12.4 ms", "error item-not-found in 3.1 ms", "no answer after
    // 30 s", "answer, 12.4 ms" …
    QString describe(const IqExchange &exchange, quint64 sequence) const;

Q_SIGNALS:
    // An exchange changed (answered, timed out, abandoned): the rows of both halves need a repaint.
    void exchangeChanged(quint64 requestSequence, quint64 answerSequence);
    void awaitingCountChanged();

private:
    struct Key
    {
        QString id;
        QString asker; // bare, lower case
        QString asked; // bare, lower case; empty for the server
        Direction requestDirection;
        friend bool operator==(const Key &, const Key &) = default;
    };
    friend size_t qHash(const Key &key, size_t seed) noexcept;

    static QString bareKey(const QString &jid);
    IqExchange *exchangeAt(quint64 index);
    const IqExchange *exchangeAt(quint64 index) const;
    Observation observeRequest(const Stanza &stanza, quint64 sequence);
    Observation observeAnswer(const Stanza &stanza, quint64 sequence, bool isError);
    void closeOpen(quint64 index, IqExchange::Outcome outcome);
    void dropOldest();
    void scheduleTimeoutCheck();
    void checkTimeouts();

    // When `stanza` happened, on the clock of the exchanges' times.
    qint64 timeOf(const Stanza &stanza) const;

    bool m_recordedTimes = false;
    std::deque<IqExchange> m_exchanges;
    quint64 m_firstIndex = 0; // the index of m_exchanges.front(); indexes never repeat
    QHash<quint64, quint64> m_indexBySequence;
    // Requests waiting for an answer, oldest first per key (a duplicate id queues behind the first).
    QMultiHash<Key, quint64> m_awaiting;
    int m_awaitingCount[2] = {0, 0};
    quint64 m_timeoutScan = 0; // exchanges before this index are past their timeout check
    std::chrono::milliseconds m_timeout = defaultTimeout;
    qsizetype m_maxExchanges = defaultMaxExchanges;
    QString m_serverDomain;
    std::function<qint64()> m_clock = monotonicNowNs;
    QTimer m_timeoutTimer;
};

} // namespace xcm
