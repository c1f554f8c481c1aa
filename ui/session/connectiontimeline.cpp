// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectiontimeline.h"

#include "componentconnection.h"
#include "durationtext.h"
#include "uilogging.h"

#include <QDateTime>

using namespace Qt::StringLiterals;

namespace xcm {

ConnectionTimeline::ConnectionTimeline(int capacity, QObject *parent)
    : QAbstractTableModel(parent)
    , m_capacity(std::max(1, capacity))
{}

ConnectionTimeline::~ConnectionTimeline() = default;

void ConnectionTimeline::follow(ComponentConnection *connection)
{
    connect(connection, &ComponentConnection::stateChanged, this,
            [this, connection](ConnectionState state, const DisconnectReason &reason) {
                recordState(state, reason, connection->streamId(), connection->stateChangedAtMs());
            });
    connect(connection, &ComponentConnection::reconnectScheduled, this, [this](int attempt, qint64 delayMs) {
        recordReconnect(attempt, delayMs, QDateTime::currentMSecsSinceEpoch());
    });
}

void ConnectionTimeline::recordState(ConnectionState state, const DisconnectReason &reason,
                                     const QString &streamId, qint64 nowMs)
{
    Event event;
    event.atMs = nowMs;
    switch (state) {
    case ConnectionState::Connecting:
        // A reconnect continues the attempts; a connect from rest (the user's, also after retries gave
        // up) starts counting again.
        if (!std::exchange(m_reconnectScheduled, false))
            m_attempt = 0;
        ++m_attempt;
        event.kind = EventKind::Connecting;
        break;
    case ConnectionState::OpeningStream:
        event.kind = EventKind::TransportUp;
        break;
    case ConnectionState::Authenticating:
        event.kind = EventKind::HeaderReceived;
        event.detail = streamId.isEmpty() ? QString() : tr("stream id %1").arg(streamId);
        break;
    case ConnectionState::Connected:
        event.kind = EventKind::Connected;
        event.detail = streamId.isEmpty() ? QString() : tr("stream id %1").arg(streamId);
        break;
    case ConnectionState::Disconnecting:
        event.kind = EventKind::Disconnecting;
        break;
    case ConnectionState::Disconnected:
        event.kind = EventKind::Disconnected;
        event.detail = reason.isNull() ? QString() : reason.toString();
        event.isProblem = reason.isError();
        break;
    }
    event.attempt = m_attempt;
    append(std::move(event));
    // The user's own disconnect ends the series: the next connect is attempt 1 again.
    if (state == ConnectionState::Disconnected && reason.kind == DisconnectReason::Kind::UserRequest)
        m_attempt = 0;
}

void ConnectionTimeline::recordReconnect(int attempt, qint64 delayMs, qint64 nowMs)
{
    Event event;
    event.atMs = nowMs;
    event.attempt = m_attempt;
    event.kind = EventKind::ReconnectScheduled;
    m_reconnectScheduled = true;
    event.detail = tr("attempt %1 in %2").arg(attempt).arg(DurationText::gap(delayMs));
    append(std::move(event));
}

void ConnectionTimeline::recordNote(const QString &text, bool isProblem, qint64 nowMs)
{
    Event event;
    event.atMs = nowMs;
    event.attempt = m_attempt;
    event.kind = EventKind::Note;
    event.detail = text;
    event.isProblem = isProblem;
    append(std::move(event));
}

void ConnectionTimeline::append(Event event)
{
    qCDebug(lcUi) << "timeline:" << eventName(event.kind) << event.detail;
    if (int(m_events.size()) >= m_capacity) {
        beginRemoveRows({}, 0, 0);
        m_events.pop_front();
        endRemoveRows();
    }
    const int row = int(m_events.size());
    beginInsertRows({}, row, row);
    m_events.push_back(std::move(event));
    endInsertRows();
    // The previous row's duration ends with this event.
    if (row > 0)
        Q_EMIT dataChanged(index(row - 1, DurationColumn), index(row - 1, DurationColumn));
}

qint64 ConnectionTimeline::durationMs(int row) const
{
    if (row < 0 || row + 1 >= int(m_events.size()))
        return -1;
    return m_events[std::size_t(row) + 1].atMs - m_events[std::size_t(row)].atMs;
}

QString ConnectionTimeline::eventName(EventKind kind)
{
    switch (kind) {
    case EventKind::Connecting:
        return tr("Connecting");
    case EventKind::TransportUp:
        return tr("TCP/TLS up");
    case EventKind::HeaderReceived:
        return tr("Stream header received");
    case EventKind::Connected:
        return tr("Handshake accepted");
    case EventKind::Disconnecting:
        return tr("Disconnecting");
    case EventKind::Disconnected:
        return tr("Disconnected");
    case EventKind::ReconnectScheduled:
        return tr("Reconnect scheduled");
    case EventKind::Note:
        return tr("Note");
    }
    return {};
}

QString ConnectionTimeline::cellText(int row, int column) const
{
    const Event &e = event(row);
    switch (column) {
    case TimeColumn:
        return QDateTime::fromMSecsSinceEpoch(e.atMs).toString(u"yyyy-MM-dd HH:mm:ss.zzz"_s);
    case AttemptColumn:
        return e.attempt > 0 ? QString::number(e.attempt) : QString();
    case EventColumn:
        return eventName(e.kind);
    case DetailColumn:
        return e.detail;
    case DurationColumn:
        return DurationText::gap(durationMs(row));
    }
    return {};
}

QList<int> ConnectionTimeline::allRows() const
{
    QList<int> rows;
    rows.reserve(int(m_events.size()));
    for (int row = 0; row < int(m_events.size()); ++row)
        rows.append(row);
    return rows;
}

QString ConnectionTimeline::toText(const QList<int> &rows) const
{
    QStringList lines;
    QStringList header;
    for (int column = 0; column < ColumnCount; ++column)
        header.append(headerData(column, Qt::Horizontal).toString());
    lines.append(header.join(u'\t'));
    for (int row : rows) {
        if (row < 0 || row >= rowCount())
            continue;
        QStringList cells;
        for (int column = 0; column < ColumnCount; ++column)
            cells.append(cellText(row, column));
        lines.append(cells.join(u'\t'));
    }
    return lines.join(u'\n') + u'\n';
}

QString ConnectionTimeline::toCsv() const
{
    const auto quoted = [](QString cell) -> QString {
        if (cell.contains(u',') || cell.contains(u'"') || cell.contains(u'\n'))
            return u'"' + cell.replace(u"\""_s, u"\"\""_s) + u'"';
        return cell;
    };
    QStringList lines;
    QStringList header;
    for (int column = 0; column < ColumnCount; ++column)
        header.append(quoted(headerData(column, Qt::Horizontal).toString()));
    lines.append(header.join(u','));
    for (int row = 0; row < rowCount(); ++row) {
        QStringList cells;
        for (int column = 0; column < ColumnCount; ++column)
            cells.append(quoted(cellText(row, column)));
        lines.append(cells.join(u','));
    }
    return lines.join(u'\n') + u'\n';
}

int ConnectionTimeline::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_events.size());
}

int ConnectionTimeline::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ConnectionTimeline::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    if (role == Qt::DisplayRole)
        return cellText(index.row(), index.column());
    if (role == Qt::ToolTipRole && index.column() == DetailColumn)
        return event(index.row()).detail;
    if (role == Qt::UserRole)
        return event(index.row()).isProblem;
    return {};
}

QVariant ConnectionTimeline::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case AttemptColumn:
        return tr("Attempt");
    case EventColumn:
        return tr("Event");
    case DetailColumn:
        return tr("Detail");
    case DurationColumn:
        return tr("Duration");
    }
    return {};
}

} // namespace xcm
