// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chunkedqueue.h"
#include "requesttracker.h"
#include "stanza.h"
#include "wirearena.h"

#include <QAbstractTableModel>
#include <QCache>
#include <QElapsedTimer>
#include <QPointer>
#include <QTimer>

#include <map>
#include <vector>

namespace xcm {

// The stanza log of one connection: every item that crossed the wire, oldest first.
//
// Built to keep up with a component that pushes 100k+ stanzas a second (after Wireshark's packet list):
// - append() only queues; the queue becomes rows once per event-loop turn (at most every
//   flushInterval() ms), one beginInsertRows for the whole burst;
// - a row is the wire bytes (packed into a WireArena) plus a few bytes of flags: column text is derived
//   in data() for the rows a view asks for, and kept in a small cache;
// - at maxRows() the oldest rows are dropped in batches and counted.
// Rows carry a sequence number that never repeats, so a position survives drops and clears.
// Colours are the view's business: it reads DirectionRole, KindRole and IsErrorRole.
class StanzaLogModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        TimeColumn,
        DirectionColumn,
        KindColumn,
        TypeColumn,
        FromColumn,
        ToColumn,
        IdColumn,
        SizeColumn,
        AnswerColumn, // an iq's partner: "result in 12.4 ms", "no answer after 30 s"; sorts by round trip
        SummaryColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role
    {
        DirectionRole = Qt::UserRole + 1, // int(xcm::Direction)
        KindRole,                         // int(xcm::StanzaKind)
        IsErrorRole,                      // bool: a stream error or type='error'
        WireRole,                         // QByteArray: the exact bytes (handshake digest redacted)
        SequenceRole,                     // qulonglong: unique, increasing
        SearchTextRole,                   // QString: what free-text search looks at (the whole stanza)
        TimestampRole,                    // qint64: ms since the epoch
        ExchangeStateRole,                // int(ExchangeState)
        PartnerSequenceRole,              // qulonglong: the paired request or answer; 0 if none
        RoundTripRole,                    // double: ms from request to answer; -1 if none (sort key)
        OriginRole,                       // int(Origin)
    };
    Q_ENUM(Role)

    // As captures record it, too.
    using Origin = StanzaOrigin;

    // What a row is in a request/answer exchange (RFC 6120 §8.2.3), for colours, filters and flags.
    enum class ExchangeState : quint8
    {
        None,        // not an iq, or no tracker
        Awaiting,    // a request without an answer yet
        Answered,    // a request answered with a result
        Failed,      // a request answered with an error
        TimedOut,    // a request without an answer past the timeout
        Abandoned,   // a request whose connection closed before an answer
        Answer,      // an answer paired with its request
        Unsolicited, // an answer to no request the tracker knows (never sent, or already answered)
        WithoutId,   // a request without an id: nobody can answer it
    };
    Q_ENUM(ExchangeState)

    static constexpr qsizetype defaultMaxRows = 1'000'000;
    static constexpr size_t freeInBackgroundFrom = 50'000; // clear() frees more rows off the UI thread
    // ms. Each flush costs a following view a repaint (a few ms for a screenful of new rows): at most
    // 25 a second leaves the connection most of the thread, and 40 ms of latency goes unseen. When
    // rows come faster than a screenful a flush (floodRows or more, 1,250 a second), flushes slow to
    // floodFlushInterval: nobody reads rows that scroll by faster than that, and the connection (a
    // proxy's relay shares the thread) gets the time. A stanza after a quiet spell flushes at the next
    // turn.
    static constexpr int defaultFlushInterval = 40;
    static constexpr int floodFlushInterval = 100;
    static constexpr qsizetype floodRows = 50;
    static constexpr qsizetype flushQueueLimit = 65536; // flush at once when this many are queued

    explicit StanzaLogModel(QObject *parent = nullptr);
    ~StanzaLogModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Queues a stanza; it becomes a row at the next flush. `note`: for an automatic row the reply rule
    // that sent it (the Answer column says "rule NAME"); for another what a fault rule did to it
    // ("dropped by rule X"), shown as given.
    void append(const Stanza &stanza, Origin origin = Origin::Wire, const QString &note = {},
                StanzaOccurrence occurrence = StanzaOccurrence::First);
    Origin originAt(int row) const { return m_rows[size_t(row)].origin; }
    StanzaOccurrence occurrenceAt(int row) const { return m_rows[size_t(row)].occurrence; }
    QString noteFor(quint64 sequence) const;
    // Turns the queue into rows now (one insertion).
    void flush();
    qsizetype pendingCount() const { return qsizetype(m_pending.size()); }
    // Removes all rows and queued stanzas and resets droppedCount(); sequence numbers go on.
    void clear();

    // Rows kept; older ones are dropped. Values below 1 mean 1.
    void setMaxRows(qsizetype maxRows);
    qsizetype maxRows() const { return m_maxRows; }
    // Stanzas dropped by the cap since the model was created or cleared.
    quint64 droppedCount() const { return m_dropped; }
    // Minimum time between two flushes (floodFlushInterval under a flood); 0 flushes at every
    // event-loop turn.
    void setFlushInterval(int ms) { m_flushInterval = qMax(0, ms); }
    int flushInterval() const { return m_flushInterval; }

    // Row access without QVariant, for the filter model and the view. `row` must be valid.
    Stanza stanzaAt(int row) const; // its start tag read from the wire; the element parsed when asked
    Direction directionAt(int row) const { return m_rows[size_t(row)].direction; }
    StanzaKind kindAt(int row) const { return m_rows[size_t(row)].kind; }
    bool isErrorAt(int row) const { return m_rows[size_t(row)].isError; }
    qint64 timestampAt(int row) const { return m_rows[size_t(row)].timestampMs; }
    // The row's bytes, valid until the row is dropped or cleared (copy them to keep them).
    QByteArrayView wireAt(int row) const { return wireOf(m_rows[size_t(row)]); }
    // Keeps the bytes of the rows there are now readable by a reader elsewhere (an export on a pool
    // thread) after they are dropped or cleared.
    WireArena::Retained retainWires() const { return m_arena.retain(); }
    // What the rows' bytes take from the system (whole blocks).
    qsizetype reservedWireBytes() const { return m_arena.reservedBytes(); }
    quint64 sequenceAt(int row) const { return m_firstSequence + quint64(row); }
    // The row holding `sequence`, or -1 when it was dropped, cleared or is still queued.
    int rowForSequence(quint64 sequence) const;
    // Sequences start at 1; lastSequence() is the newest appended (queued included), 0 if none.
    quint64 lastSequence() const { return m_nextSequence - 1; }
    // The sequence of the last row (queued stanzas excluded); below every later one when there are no rows.
    quint64 lastRowSequence() const { return m_firstSequence + m_rows.size() - 1; }

    // Pairs iq requests with their answers as rows arrive (not owned; null: no pairing). The tracker's
    // record outlives the rows, so an answer still names its round trip after the request was dropped.
    void setRequestTracker(RequestTracker *tracker);
    RequestTracker *requestTracker() const { return m_tracker; }
    ExchangeState exchangeStateAt(int row) const;
    // Whether a row is a request that has not been answered (waiting, timed out or abandoned).
    bool isUnansweredRequestAt(int row) const;
    // Milliseconds from a request to its answer, on both rows; -1 for a row that has none (yet).
    double roundTripAt(int row) const;

    // Localised names for columns and exports that show them.
    static QString kindName(StanzaKind kind);
    static QString directionArrow(Direction direction); // ↓ received, ↑ sent

Q_SIGNALS:
    void rowsDropped(quint64 count);
    // After every flush, drop and clear: rowCount(), droppedCount() or pendingCount() changed; and
    // when maxRows() did.
    void countsChanged();

private:
    struct Row
    {
        const char *wire = nullptr; // in m_arena
        qint64 timestampMs = 0;
        int wireSize = 0;
        Direction direction = Direction::Received;
        StanzaKind kind = StanzaKind::Other;
        bool isError = false;
        RequestTracker::Observation observation = RequestTracker::Observation::NotIq;
        Origin origin = Origin::Wire;
        StanzaOccurrence occurrence = StanzaOccurrence::First;
    };
    // Column text of one row, derived on demand.
    struct RowText
    {
        QString time;
        QString type;
        QString from;
        QString to;
        QString id;
        QString size;
        QString summary;
    };

    static QByteArrayView wireOf(const Row &row) { return {row.wire, row.wireSize}; }
    static Stanza toStanza(const Row &row);
    // Gives the arena back the blocks no row (shown or queued) holds any more.
    void releaseUnusedWire();
    void onExchangeChanged(quint64 requestSequence, quint64 answerSequence);
    void refreshWaitingAges();
    QString answerText(int row) const;   // the exchange, and who sent it when not the wire
    QString exchangeText(int row) const; // the row's part in a request/answer exchange
    const RowText &rowText(int row) const;
    void removeOldest(qsizetype count);

    WireArena m_arena;              // before the rows, which point into it
    ChunkedQueue<Row, 2048> m_rows; // 48 KiB chunks
    std::vector<Row> m_pending;
    std::map<quint64, QString> m_notes; // sequence → note; few rows have one, so not in Row
    quint64 m_firstSequence = 1;        // of m_rows.front()
    quint64 m_nextSequence = 1;
    quint64 m_dropped = 0;
    qsizetype m_maxRows = defaultMaxRows;
    int m_flushInterval = defaultFlushInterval;
    bool m_flooded = false; // the last flush had floodRows or more
    QPointer<RequestTracker> m_tracker;
    QTimer m_ageTimer; // while requests wait, their rows' "awaiting (4 s)" counts up
    QTimer m_flushTimer;
    QElapsedTimer m_sinceFlush;
    mutable QCache<quint64, RowText> m_textCache;
    QString m_kindNames[5];
    QString m_arrows[2];
};

} // namespace xcm
