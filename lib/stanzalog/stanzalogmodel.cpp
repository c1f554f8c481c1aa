// SPDX-License-Identifier: GPL-3.0-or-later
// The log's rows (queued, flushed, capped, their bytes in the arena) and the column texts and roles read
// from those same rows.
#include "stanzalogmodel.h"

#include "bidicontrols.h"
#include "redaction.h"
#include "stanzasummary.h"
#include "xmlelement.h"

#include <QDateTime>
#include <QLocale>
#include <QThreadPool>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace xcm {

namespace {

constexpr int textCacheRows = 1024; // a few screens of rows

} // namespace

StanzaLogModel::StanzaLogModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_textCache(textCacheRows)
{
    m_flushTimer.setSingleShot(true);
    connect(&m_flushTimer, &QTimer::timeout, this, &StanzaLogModel::flush);
    m_ageTimer.setInterval(1000);
    connect(&m_ageTimer, &QTimer::timeout, this, &StanzaLogModel::refreshWaitingAges);
    m_sinceFlush.start();
    for (const StanzaKind kind :
         {StanzaKind::Message, StanzaKind::Presence, StanzaKind::Iq, StanzaKind::Stream, StanzaKind::Other})
        m_kindNames[int(kind)] = kindName(kind);
    m_arrows[int(Direction::Received)] = directionArrow(Direction::Received);
    m_arrows[int(Direction::Sent)] = directionArrow(Direction::Sent);
}

StanzaLogModel::~StanzaLogModel() = default;

int StanzaLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int StanzaLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant StanzaLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int rowIndex = index.row();
    const Row &row = m_rows[size_t(rowIndex)];
    switch (role) {
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case DirectionColumn:
            return m_arrows[int(row.direction)];
        case KindColumn:
            return m_kindNames[int(row.kind)];
        case TimeColumn:
            return rowText(rowIndex).time;
        case TypeColumn:
            return rowText(rowIndex).type;
        case FromColumn:
            return rowText(rowIndex).from;
        case ToColumn:
            return rowText(rowIndex).to;
        case IdColumn:
            return rowText(rowIndex).id;
        case SizeColumn:
            return rowText(rowIndex).size;
        case SummaryColumn:
            return rowText(rowIndex).summary;
        case AnswerColumn:
            return answerText(rowIndex);
        case ColumnCount:
            break;
        }
        return {};
    case Qt::ToolTipRole:
        switch (index.column()) {
        case TimeColumn:
            return QLocale().toString(QDateTime::fromMSecsSinceEpoch(row.timestampMs),
                                      u"yyyy-MM-dd hh:mm:ss.zzz t");
        case DirectionColumn:
            return row.direction == Direction::Received ? tr("received") : tr("sent");
        case SizeColumn:
            return tr("%1 bytes on the wire").arg(QLocale().toString(row.wireSize));
        case FromColumn:
        case ToColumn:
        case IdColumn:
        case SummaryColumn:
        case AnswerColumn:
            return data(index, Qt::DisplayRole);
        default:
            return {};
        }
    case Qt::TextAlignmentRole:
        if (index.column() == SizeColumn)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        if (index.column() == DirectionColumn)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignCenter));
        return {};
    case DirectionRole:
        return int(row.direction);
    case KindRole:
        return int(row.kind);
    case IsErrorRole:
        return row.isError;
    case WireRole:
        return wireOf(row).toByteArray(); // a copy: the arena's bytes go with the row
    case SequenceRole:
        return qulonglong(sequenceAt(rowIndex));
    case SearchTextRole:
        return QString::fromUtf8(wireOf(row));
    case TimestampRole:
        return row.timestampMs;
    case ExchangeStateRole:
        return int(exchangeStateAt(rowIndex));
    case PartnerSequenceRole:
        return qulonglong(m_tracker ? m_tracker->partnerOf(sequenceAt(rowIndex)) : 0);
    case OriginRole:
        return int(row.origin);
    case RoundTripRole:
        return roundTripAt(rowIndex);
    default:
        return {};
    }
}

QVariant StanzaLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::DisplayRole) {
        switch (Column(section)) {
        case TimeColumn:
            return tr("Time");
        case DirectionColumn:
            return tr("Dir");
        case KindColumn:
            return tr("Kind");
        case TypeColumn:
            return tr("Type");
        case FromColumn:
            return tr("From");
        case ToColumn:
            return tr("To");
        case IdColumn:
            return tr("Id");
        case SizeColumn:
            return tr("Size");
        case SummaryColumn:
            return tr("Summary");
        case AnswerColumn:
            return tr("Answer");
        case ColumnCount:
            break;
        }
    } else if (role == Qt::ToolTipRole) {
        switch (Column(section)) {
        case TimeColumn:
            return tr("Local time the stanza was received or sent");
        case DirectionColumn:
            return tr("Direction: ↓ received from the server, ↑ sent by the component");
        case SizeColumn:
            return tr("Bytes on the wire");
        case SummaryColumn:
            return tr("Message body, IQ payload, presence state or error condition");
        case AnswerColumn:
            return tr("For an IQ request, its answer and the round trip; for an answer, its request");
        default:
            break;
        }
    } else if (role == Qt::TextAlignmentRole && section == SizeColumn) {
        return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
    }
    return {};
}

QHash<int, QByteArray> StanzaLogModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(DirectionRole, "direction");
    names.insert(KindRole, "kind");
    names.insert(IsErrorRole, "isError");
    names.insert(WireRole, "wire");
    names.insert(SequenceRole, "sequence");
    names.insert(SearchTextRole, "searchText");
    names.insert(TimestampRole, "timestamp");
    names.insert(ExchangeStateRole, "exchangeState");
    names.insert(PartnerSequenceRole, "partnerSequence");
    names.insert(RoundTripRole, "roundTrip");
    names.insert(OriginRole, "origin");
    return names;
}

void StanzaLogModel::append(const Stanza &stanza, Origin origin, const QString &note,
                            StanzaOccurrence occurrence)
{
    if (stanza.isNull())
        return;
    if (!note.isEmpty())
        m_notes.insert_or_assign(m_nextSequence, note);
    Row row;
    row.timestampMs = stanza.timestampMs();
    row.direction = stanza.direction();
    row.kind = stanza.kind();
    row.isError = stanza.isError();
    row.origin = origin;
    row.occurrence = occurrence;
    const QByteArrayView wire =
        m_arena.store(row.kind == StanzaKind::Stream ? QByteArrayView(redactHandshakeDigests(stanza.wire()))
                                                     : QByteArrayView(stanza.wire()));
    row.wire = wire.data();
    row.wireSize = int(wire.size());
    if (row.kind != StanzaKind::Stream && m_tracker && occurrence == StanzaOccurrence::First)
        row.observation = m_tracker->observe(stanza, m_nextSequence);
    m_pending.push_back(std::move(row));
    ++m_nextSequence;
    if (qsizetype(m_pending.size()) >= flushQueueLimit) {
        flush();
    } else if (!m_flushTimer.isActive()) {
        const int interval = m_flooded ? qMax(m_flushInterval, floodFlushInterval) : m_flushInterval;
        m_flushTimer.start(int(qMax<qint64>(0, interval - m_sinceFlush.elapsed())));
    }
}

void StanzaLogModel::flush()
{
    m_flushTimer.stop();
    m_sinceFlush.restart();
    if (m_pending.empty())
        return;

    // Make room first, so that the rows never exceed the cap; drop a batch at a time, since each
    // removal costs views and proxies a pass over their mapping.
    quint64 dropped = 0;
    const qsizetype incoming = qsizetype(m_pending.size());
    m_flooded = incoming >= floodRows;
    const qsizetype excess = qsizetype(m_rows.size()) + incoming - m_maxRows;
    if (excess > 0) {
        const qsizetype unseen = qMax<qsizetype>(0, incoming - m_maxRows);
        if (unseen > 0) {
            // More arrived in one burst than the log keeps: the oldest of the burst never become rows.
            m_pending.erase(m_pending.begin(), m_pending.begin() + unseen);
            dropped += quint64(unseen);
            releaseUnusedWire();
        }
        const qsizetype batch = qMax<qsizetype>(1, m_maxRows / 64);
        const qsizetype remove = qMin(qsizetype(m_rows.size()), qMax(excess - unseen, batch));
        removeOldest(remove);
        dropped += quint64(remove);
    }

    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + int(m_pending.size()) - 1);
    for (Row &row : m_pending)
        m_rows.push_back(std::move(row));
    m_pending.clear();
    m_firstSequence = m_nextSequence - quint64(m_rows.size());
    endInsertRows();

    if (dropped > 0) {
        m_dropped += dropped;
        Q_EMIT rowsDropped(dropped);
    }
    Q_EMIT countsChanged();
}

void StanzaLogModel::removeOldest(qsizetype count)
{
    if (count <= 0)
        return;
    beginRemoveRows({}, 0, int(count) - 1);
    m_rows.popFront(size_t(count));
    m_firstSequence += quint64(count);
    m_notes.erase(m_notes.begin(), m_notes.lower_bound(m_firstSequence));
    releaseUnusedWire();
    endRemoveRows();
}

void StanzaLogModel::releaseUnusedWire()
{
    // Rows and queued rows hold the arena's bytes in the order they were stored: the oldest of them
    // marks where the blocks still in use begin.
    const Row *oldest = !m_rows.empty() ? &m_rows.front() : !m_pending.empty() ? &m_pending.front() : nullptr;
    m_arena.releaseBefore(oldest ? oldest->wire : nullptr);
}

void StanzaLogModel::clear()
{
    m_flushTimer.stop();
    beginResetModel();
    // Freeing a million rows and the arena's blocks (munmap of hundreds of megabytes) is a pool thread's
    // work, not the UI thread's. The global pool waits for it before the application ends.
    if (m_rows.size() >= freeInBackgroundFrom) {
        auto old =
            std::make_shared<std::pair<decltype(m_rows), WireArena>>(std::move(m_rows), std::move(m_arena));
        QThreadPool::globalInstance()->start([old]() mutable { old.reset(); });
    }
    m_rows = {}; // releases the blocks, unlike clear()
    m_arena = {};
    m_pending = {};
    m_notes.clear();
    m_textCache.clear();
    m_firstSequence = m_nextSequence;
    m_dropped = 0;
    m_flooded = false;
    endResetModel();
    Q_EMIT countsChanged();
}

void StanzaLogModel::setMaxRows(qsizetype maxRows)
{
    const qsizetype limit = std::clamp<qsizetype>(maxRows, 1, std::numeric_limits<int>::max());
    if (limit == m_maxRows)
        return;
    m_maxRows = limit;
    flush();
    const qsizetype excess = qsizetype(m_rows.size()) - m_maxRows;
    if (excess > 0) {
        removeOldest(excess);
        m_dropped += quint64(excess);
        Q_EMIT rowsDropped(quint64(excess));
    }
    Q_EMIT countsChanged();
}

void StanzaLogModel::setRequestTracker(RequestTracker *tracker)
{
    if (m_tracker)
        disconnect(m_tracker, nullptr, this, nullptr);
    m_tracker = tracker;
    if (!m_tracker)
        return;
    connect(m_tracker, &RequestTracker::exchangeChanged, this, &StanzaLogModel::onExchangeChanged);
    connect(m_tracker, &RequestTracker::awaitingCountChanged, this, [this] {
        const bool waiting =
            m_tracker->awaitingCount(Direction::Sent) + m_tracker->awaitingCount(Direction::Received) > 0;
        if (waiting && !m_ageTimer.isActive())
            m_ageTimer.start();
        else if (!waiting)
            m_ageTimer.stop();
    });
}

void StanzaLogModel::refreshWaitingAges()
{
    // A screenful is all anyone sees: the newest waiting requests are enough.
    constexpr qsizetype rowsToRefresh = 200;
    if (!m_tracker)
        return;
    const QList<quint64> waiting = m_tracker->awaitingRequestSequences(rowsToRefresh);
    for (const quint64 sequence : waiting) {
        if (const int row = rowForSequence(sequence); row >= 0)
            Q_EMIT dataChanged(index(row, AnswerColumn), index(row, AnswerColumn), {Qt::DisplayRole});
    }
}

void StanzaLogModel::onExchangeChanged(quint64 requestSequence, quint64 answerSequence)
{
    // Either half may be gone (dropped by the cap, cleared) or still queued: only rows repaint.
    for (const quint64 sequence : {requestSequence, answerSequence}) {
        if (const int row = sequence ? rowForSequence(sequence) : -1; row >= 0) {
            const QModelIndex first = index(row, 0);
            Q_EMIT dataChanged(
                first, index(row, ColumnCount - 1),
                {Qt::DisplayRole, Qt::ToolTipRole, ExchangeStateRole, PartnerSequenceRole, RoundTripRole});
        }
    }
}

StanzaLogModel::ExchangeState StanzaLogModel::exchangeStateAt(int row) const
{
    using Observation = RequestTracker::Observation;
    const Observation observation = m_rows[size_t(row)].observation;
    switch (observation) {
    case Observation::NotIq:
    case Observation::InvalidType:
        return ExchangeState::None;
    case Observation::RequestWithoutId:
        return ExchangeState::WithoutId;
    case Observation::UnsolicitedAnswer:
        return ExchangeState::Unsolicited;
    case Observation::Answer:
        return ExchangeState::Answer;
    case Observation::Request:
    case Observation::DuplicateRequest:
        break;
    }
    const IqExchange *exchange = m_tracker ? m_tracker->exchangeFor(sequenceAt(row)) : nullptr;
    if (!exchange)
        return ExchangeState::None; // forgotten by the tracker's own cap
    switch (exchange->outcome) {
    case IqExchange::Outcome::Open:
        return ExchangeState::Awaiting;
    case IqExchange::Outcome::Result:
        return ExchangeState::Answered;
    case IqExchange::Outcome::Error:
        return ExchangeState::Failed;
    case IqExchange::Outcome::TimedOut:
        return ExchangeState::TimedOut;
    case IqExchange::Outcome::Abandoned:
        return ExchangeState::Abandoned;
    }
    return ExchangeState::None;
}

bool StanzaLogModel::isUnansweredRequestAt(int row) const
{
    const ExchangeState state = exchangeStateAt(row);
    return state == ExchangeState::Awaiting || state == ExchangeState::TimedOut ||
           state == ExchangeState::Abandoned || state == ExchangeState::WithoutId;
}

double StanzaLogModel::roundTripAt(int row) const
{
    const IqExchange *exchange = m_tracker ? m_tracker->exchangeFor(sequenceAt(row)) : nullptr;
    return exchange ? exchange->roundTripMs() : -1.0;
}

QString StanzaLogModel::answerText(int row) const
{
    const QString exchange = exchangeText(row);
    switch (m_rows[size_t(row)].origin) {
    case Origin::Wire:
        if (const QString note = noteFor(sequenceAt(row)); !note.isEmpty())
            return exchange.isEmpty() ? note : note + u"; "_s + exchange;
        break;
    case Origin::Automatic: {
        const QString rule = noteFor(sequenceAt(row));
        if (!rule.isEmpty())
            return exchange.isEmpty() ? tr("rule %1").arg(rule) : tr("rule %1: %2").arg(rule, exchange);
        return exchange.isEmpty() ? tr("sent by xcm automatically") : tr("auto %1").arg(exchange);
    }
    case Origin::Injected:
        return exchange.isEmpty() ? tr("injected by you") : tr("injected: %1").arg(exchange);
    }
    return exchange;
}

QString StanzaLogModel::noteFor(quint64 sequence) const
{
    const auto found = m_notes.find(sequence);
    return found == m_notes.end() ? QString() : found->second;
}

QString StanzaLogModel::exchangeText(int row) const
{
    using Observation = RequestTracker::Observation;
    switch (m_rows[size_t(row)].observation) {
    case Observation::NotIq:
        return {};
    case Observation::InvalidType:
        return tr("not a request or an answer: the type is invalid");
    case Observation::RequestWithoutId:
        return tr("a request without an id: it cannot be answered");
    case Observation::UnsolicitedAnswer:
        return tr("answers no request sent on this connection");
    case Observation::Request:
    case Observation::DuplicateRequest:
    case Observation::Answer:
        break;
    }
    const quint64 sequence = sequenceAt(row);
    const IqExchange *exchange = m_tracker ? m_tracker->exchangeFor(sequence) : nullptr;
    if (!exchange)
        return {};
    const QString text = m_tracker->describe(*exchange, sequence);
    return m_rows[size_t(row)].observation == Observation::DuplicateRequest
               ? tr("%1 — the id of a request still waiting").arg(text)
               : text;
}

Stanza StanzaLogModel::stanzaAt(int row) const
{
    // Only the start tag now; the element when someone asks (Stanza::element()). Parsing a 500 KB stanza
    // of 20,000 elements costs ~50 ms, which selecting it or asking for its type must not.
    const Row &data = m_rows[size_t(row)];
    return Stanza::fromLoggedWire(data.direction, data.timestampMs, wireOf(data).toByteArray());
}

int StanzaLogModel::rowForSequence(quint64 sequence) const
{
    if (sequence < m_firstSequence || sequence >= m_firstSequence + m_rows.size())
        return -1;
    return int(sequence - m_firstSequence);
}

QString StanzaLogModel::kindName(StanzaKind kind)
{
    switch (kind) {
    case StanzaKind::Message:
        return tr("message");
    case StanzaKind::Presence:
        return tr("presence");
    case StanzaKind::Iq:
        return tr("iq");
    case StanzaKind::Stream:
        return tr("stream");
    case StanzaKind::Other:
        break;
    }
    return tr("other");
}

QString StanzaLogModel::directionArrow(Direction direction)
{
    return direction == Direction::Received ? u"↓"_s : u"↑"_s;
}

Stanza StanzaLogModel::toStanza(const Row &row)
{
    // A copy of the bytes: the Stanza may outlive the row, the arena's bytes may not.
    const QByteArray wire = wireOf(row).toByteArray();
    if (!wire.startsWith("<?") && !wire.startsWith("</")) {
        const XmlElement element = XmlElement::parse(wire);
        if (!element.isNull())
            return Stanza(row.direction, row.timestampMs, wire, element);
    }
    return Stanza::fromLoggedWire(row.direction, row.timestampMs, wire);
}

const StanzaLogModel::RowText &StanzaLogModel::rowText(int row) const
{
    const quint64 sequence = sequenceAt(row);
    if (const RowText *cached = m_textCache.object(sequence))
        return *cached;
    const Row &data = m_rows[size_t(row)];
    const Stanza stanza = toStanza(data);
    auto *text = new RowText;
    text->time = QDateTime::fromMSecsSinceEpoch(data.timestampMs).time().toString(u"hh:mm:ss.zzz");
    // Shown as references, as in the summary: a right-to-left override in an address would reorder it.
    text->type = BidiControls::shown(stanza.type());
    text->from = BidiControls::shown(stanza.from());
    text->to = BidiControls::shown(stanza.to());
    text->id = BidiControls::shown(stanza.id());
    text->size = QString::number(data.wireSize);
    text->summary = StanzaSummary::of(stanza);
    m_textCache.insert(sequence, text);
    return *text;
}

} // namespace xcm
