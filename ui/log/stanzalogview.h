// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "stanza.h"

#include <QPersistentModelIndex>
#include <QPointer>
#include <QWidget>

#include <memory>
#include <optional>

class QAction;
class QLabel;
class QTableView;

namespace xcm {

class ExchangeActions;
class LogExportActions;
class LogFilterBar;
class LogStatusLine;
class StanzaDetailPane;
class StanzaLogDelegate;
class StanzaLogFilterModel;
class StanzaLogHeader;
class StanzaLogModel;

// The live stanza log: a filter bar (LogFilterBar, with pause, follow, clear and export at its end),
// the table (its columns in StanzaLogHeader, its rows painted by StanzaLogDelegate), a detail pane
// with the selected stanza (StanzaDetailPane) and a status line (LogStatusLine). The view wires them
// to one StanzaLogFilterModel and does what spans them: pause, follow, clear and copy, the export
// commands (LogExportActions) and the request/answer commands (ExchangeActions).
//
// Built for heavy traffic: the table has fixed row heights and no per-row widgets, and it only scrolls
// along (Follow) while it is at the bottom. Pause freezes what is shown while traffic keeps being
// logged and counted.
//
// Keys: Ctrl+F search, F3 / Shift+F3 next / previous match, Space (in the list) or Ctrl+P pause,
// Ctrl+L clear, Ctrl+E export, Ctrl+C (in the list) copy the stanza, Ctrl+J from a request to its
// answer and back, Ctrl+R reply to a request, Ctrl+Shift+U unanswered requests only, Ctrl+Shift+S slowest
// answers first (a click on the Answer column cycles slowest, fastest, the log's order), Esc (in the search
// box) clears it, then goes to the list; Esc elsewhere in the view (the list, the detail pane) clears the
// search. All but Space, Ctrl+C and Esc work anywhere in the window while the view is visible, so a
// window that shows one log at a time (the others hidden) can offer menuActions() in its menu bar. A
// jump to a match (F3) stops following, as picking a row does. While the filters hide every stanza, a
// hint over the table says so.
//
// A saved file's log (Source::SavedFile) is read-only: no pause, follow, clear or reply, which only make
// sense for traffic still coming (and a clear there would lose what was read, with no way back).
class StanzaLogView : public QWidget
{
    Q_OBJECT
public:
    enum class Source : quint8
    {
        Live,
        SavedFile,
    };

    explicit StanzaLogView(QWidget *parent = nullptr);
    explicit StanzaLogView(Source source, QWidget *parent = nullptr);
    ~StanzaLogView() override;
    LogFilterBar *filterBar() const { return m_filterBar; }

    // The log to show (not owned; one per profile, switched by the main window). Filters stay,
    // a pause ends.
    void setModel(StanzaLogModel *model);
    StanzaLogModel *model() const;
    StanzaLogFilterModel *filterModel() const { return m_filter; }
    QTableView *tableView() const { return m_table; }

    // Where the column layout (widths, hidden columns) is kept in QSettings, e.g. "log": read now and
    // whenever the view is shown (another view may have changed it), written when the user changes it.
    // Empty, the default: not kept.
    void setSettingsGroup(const QString &group);
    // Whether From, To and Id are sized to the view's width (Summary taking the rest), as they are
    // until the user resizes a column.
    bool isFittingColumns() const;
    // The commands for a window's Log menu, separators included: find, filters, pause, follow, copy,
    // clear, export. They act on this view; their check marks and texts follow it.
    QList<QAction *> menuActions() const;

    bool isPaused() const;
    // Sorted by round trip rather than in the log's order.
    bool isSorted() const;
    bool isFollowing() const;
    // The selected stanza (null when none), and the detail pane's text.
    Stanza currentStanza() const;
    QString detailText() const;

    // LogExportActions::exportTo(), the status line counting the percent; exportFinished() tells the
    // outcome.
    bool exportTo(const QString &path, bool shownOnly = false);
    bool isExporting() const;
    // The file types the export dialog offers: the XML log, then JSON Lines.
    static QStringList exportNameFilters();

public Q_SLOTS:
    void setPaused(bool paused);
    void setFollowing(bool follow);
    void clear();
    void findNext();
    void findPrevious();
    void focusSearch();
    // Back to columns that follow the view's width.
    void fitColumnsToWidth();
    // By the Answer column's round trip (slowest first: descending), or back to the log's order.
    void sortByRoundTrip(std::optional<Qt::SortOrder> order);

Q_SIGNALS:
    void exportFinished(bool ok, const QString &message);
    // Reply… on a received iq request: the compose form should prepare its answer.
    void replyRequested(const xcm::Stanza &request);

protected:
    void changeEvent(QEvent *event) override;

private:
    bool isLive() const { return m_source == Source::Live; }
    void createActions();
    void createTable();
    void createExchangeActions();
    void addCommandsTo(LogFilterBar *bar);
    void connectFollowing();
    void updateDetail();
    void onRowsAboutToBeRemoved(int first, int last);
    // Around a filter's change: the row the reader's eye is on (the current one if in view, else the
    // top one) keeps its place on the screen, where the table would keep its scroll value.
    void rememberPlace();
    void restorePlace();
    void onHeaderClicked(int column);
    // The hint over the table while the filters hide every stanza there is.
    void updateNoMatchHint();
    // One line of the table's font and a little room: at the start and at each font change.
    void updateRowHeight();

    const Source m_source;
    QPointer<StanzaLogModel> m_model;
    StanzaLogFilterModel *m_filter = nullptr;
    StanzaLogDelegate *m_delegate = nullptr;

    QTableView *m_table = nullptr;
    StanzaLogHeader *m_header = nullptr;
    LogFilterBar *m_filterBar = nullptr;
    StanzaDetailPane *m_detailPane = nullptr;
    LogStatusLine *m_statusLine = nullptr;
    ExchangeActions *m_exchangeActions = nullptr;
    LogExportActions *m_exportActions = nullptr;
    QLabel *m_noMatchHint = nullptr;
    QMetaObject::Connection m_sourceRowsInserted;

    QAction *m_pauseAction = nullptr;
    QAction *m_followAction = nullptr;
    QAction *m_clearAction = nullptr;
    QAction *m_copyStanzaAction = nullptr;
    QAction *m_sortAction = nullptr;
    QList<QAction *> m_menuActions;

    bool m_atBottom = true;        // the table showed its last row before the latest change
    QPersistentModelIndex m_place; // see rememberPlace()
    int m_placeRowsDown = 0;       // its distance from the table's top row
};

} // namespace xcm
