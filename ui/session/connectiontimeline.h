// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connectionstate.h"
#include "disconnectreason.h"

#include <QAbstractTableModel>
#include <QList>

#include <deque>

namespace xcm {

class ComponentConnection;

// The history of one profile's connection attempts, one row per event: connecting, TCP/TLS up, the
// server's header (with its stream id), the handshake's answer, the disconnect with its reason and each
// scheduled reconnect with its delay. Bounded: the oldest rows go first. Fed by follow() from a
// connection, or by record*() directly (what the tests do).
class ConnectionTimeline : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum class EventKind
    {
        Connecting,
        TransportUp,    // TCP (and TLS) is up, our stream header went out
        HeaderReceived, // the server's stream header came, with the stream id
        Connected,      // the handshake was accepted
        Disconnecting,
        Disconnected, // with the reason
        ReconnectScheduled,
        Note, // anything else worth a row (a proxy's component event)
    };
    Q_ENUM(EventKind)

    struct Event
    {
        qint64 atMs = 0;
        int attempt = 0; // 1 for the first attempt after a connect, +1 with each reconnect
        EventKind kind = EventKind::Note;
        QString detail;
        bool isProblem = false;
    };

    enum Column
    {
        TimeColumn,
        AttemptColumn,
        EventColumn,
        DetailColumn,
        DurationColumn,
        ColumnCount,
    };

    explicit ConnectionTimeline(int capacity = 500, QObject *parent = nullptr);
    ~ConnectionTimeline() override;

    // Records `connection`'s state changes and reconnects from now on.
    void follow(ComponentConnection *connection);

    // A state change as the connection announces it; `streamId` is the connection's at that moment.
    void recordState(ConnectionState state, const DisconnectReason &reason, const QString &streamId,
                     qint64 nowMs);
    void recordReconnect(int attempt, qint64 delayMs, qint64 nowMs);
    void recordNote(const QString &text, bool isProblem, qint64 nowMs);

    int capacity() const { return m_capacity; }
    const Event &event(int row) const { return m_events.at(std::size_t(row)); }
    // How long the event's step took: until the next event of the same attempt; -1 while it lasts.
    qint64 durationMs(int row) const;

    // The rows as tab-separated lines with a header (what Ctrl+C copies), or as CSV.
    QString toText(const QList<int> &rows) const;
    QString toCsv() const;
    QList<int> allRows() const;

    static QString eventName(EventKind kind);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void append(Event event);
    QString cellText(int row, int column) const;

    int m_capacity;
    std::deque<Event> m_events;
    int m_attempt = 0;
    bool m_reconnectScheduled = false; // the next Connecting continues the series
};

} // namespace xcm
