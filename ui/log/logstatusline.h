// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPointer>
#include <QWidget>

class QLabel;
class QTimer;

namespace xcm {

class StanzaLogFilterModel;
class StanzaLogModel;

// The line below the stanza log: how many stanzas the log holds, how many the filters show and how
// many were dropped at the cap (the tooltip has all three), how many arrived while paused, and a
// message about the last command (cleared, exported, not found) for 10 s, elided to the room left.
// Counts change with every flush: they are updated once per event-loop turn, not per change.
class LogStatusLine : public QWidget
{
    Q_OBJECT
public:
    // Counts what `filter` shows of the log set with setLog().
    explicit LogStatusLine(StanzaLogFilterModel *filter, QWidget *parent = nullptr);
    ~LogStatusLine() override;

    // The log behind the filter (null: none); its counts are shown from now on.
    void setLog(StanzaLogModel *log);

    // For 10 s; an empty one clears the message.
    void showMessage(const QString &message);
    // A message about the search text: it also goes with dropSearchMessage(), when the text changes.
    void showSearchMessage(const QString &message);
    void dropSearchMessage();

public Q_SLOTS:
    // Now, rather than at the next event-loop turn.
    void updateCounts();

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void scheduleUpdate();
    void setMessage(const QString &message, bool aboutSearch);
    void elideMessage();
    void applyPalette();

    StanzaLogFilterModel *m_filter = nullptr;
    QPointer<StanzaLogModel> m_log;
    QLabel *m_countsLabel = nullptr;
    QLabel *m_pausedLabel = nullptr;
    QLabel *m_messageLabel = nullptr;
    QTimer *m_updateTimer = nullptr;
    QTimer *m_messageTimer = nullptr;
    QString m_message; // in full; the label shows it elided
    bool m_messageIsAboutSearch = false;
};

} // namespace xcm
