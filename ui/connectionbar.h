// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QTimer>
#include <QWidget>

class QLabel;
class QPushButton;
class QToolButton;

namespace xcm {

class ElidedLabel;

class ConnectionTimeline;
class ProfileSession;
class TimelineDialog;
class TrafficCounter;
class TrafficGraph;

// The top of a profile's page: the state (badge and words), Connect/Disconnect, why the last
// connection ended (for a proxy: what the component's side did last, and the end of the server leg),
// the reconnect countdown, uptime and traffic counters, and the stanzas waiting for the connection
// (with Discard).
class ConnectionBar : public QWidget
{
    Q_OBJECT
public:
    explicit ConnectionBar(ProfileSession *session, QWidget *parent = nullptr);
    ~ConnectionBar() override;

    // The one-line state the status bar repeats ("Connected · up 3:07").
    QString stateSummary() const;
    // The status bar's tooltip: the summary, and while not connected the last failure's reason.
    QString stateToolTip() const;
    // "In 12 stanzas · 3.4 KiB   Out 5 stanzas · 1.2 KiB".
    QString countersText() const;
    // The profile's connection attempts and its stanza rates, recorded from the start.
    ConnectionTimeline *timeline() const { return m_timeline; }
    TrafficCounter *traffic() const { return m_traffic; }
    TrafficGraph *trafficGraph() const { return m_graph; }

public Q_SLOTS:
    // Opens (or raises) the timeline window.
    void showTimeline();

Q_SIGNALS:
    void editRequested();
    // The state, uptime or counters shown were updated (twice a second while active).
    void refreshed();

private:
    void refreshRecording();
    void refresh();
    void refreshCounters();
    // What the reason line shows while there is no reason: the stream id and keepalive when connected,
    // the keepalive and reconnect policy when not.
    QString sessionFacts() const;
    // The same for a proxy: where the component is to connect, or the server stream's id.
    QString proxyFacts() const;

    ProfileSession *m_session;
    QWidget *m_badge = nullptr;
    ElidedLabel *m_state = nullptr;
    ElidedLabel *m_target = nullptr;
    QLabel *m_counters = nullptr;
    ElidedLabel *m_reason = nullptr; // one line: a longer reason must not push the log down
    QLabel *m_pending = nullptr;
    QLabel *m_held = nullptr; // requests waiting for the user's answer (answer by hand)
    QToolButton *m_discard = nullptr;
    QToolButton *m_edit = nullptr;
    QPushButton *m_connect = nullptr;
    ConnectionTimeline *m_timeline = nullptr;
    TrafficCounter *m_traffic = nullptr;
    TrafficGraph *m_graph = nullptr;
    QLabel *m_timelineLink = nullptr;
    QLabel *m_recording = nullptr; // "● Recording", a link to the capture folder
    TimelineDialog *m_timelineDialog = nullptr;
    QTimer m_ticker;    // uptime and counters while active
    QTimer m_countdown; // "Reconnecting in N s" as N changes
};

} // namespace xcm
