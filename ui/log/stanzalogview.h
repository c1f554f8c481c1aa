// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "stanza.h"

#include <QPointer>
#include <QWidget>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QMenu;
class QPlainTextEdit;
class QPushButton;
class QSplitter;
class QTableView;
class QTimer;
class QToolButton;

namespace xcm {

class ExchangeActions;
class StanzaLogDelegate;
class StanzaLogFilterModel;
class StanzaLogModel;
class XmlHighlighter;

// The live stanza log: a filter bar, the table, a detail pane with the selected stanza as highlighted
// XML, and a status line. Built for heavy traffic: the table has fixed row heights and no per-row
// widgets, colours come from a delegate, and the view only scrolls along (Follow) while it is at the
// bottom. Pause freezes what is shown while traffic keeps being logged and counted.
//
// Keys: Ctrl+F search, F3 / Shift+F3 next / previous match, Space (in the list) or Ctrl+P pause,
// Ctrl+L clear, Ctrl+E export, Ctrl+C (in the list) copy the stanza, Esc (in the search box) clears it,
// then goes to the list. Ctrl+F, F3, Ctrl+P, Ctrl+L and Ctrl+E work anywhere in the window while the
// view is visible, so a window that shows one log at a time (the others hidden) can offer
// menuActions() in its menu bar.
class StanzaLogView : public QWidget
{
    Q_OBJECT
public:
    explicit StanzaLogView(QWidget *parent = nullptr);
    ~StanzaLogView() override;

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
    bool isFittingColumns() const { return m_fitColumns; }
    // The commands for a window's Log menu, separators included: find, filters, pause, follow, copy,
    // clear, export. They act on this view; their check marks and texts follow it.
    QList<QAction *> menuActions() const;

    bool isPaused() const;
    bool isFollowing() const;
    // The selected stanza (null when none), and the detail pane's text.
    Stanza currentStanza() const;
    QString detailText() const;

    // Writes the log to `path` without asking, in the format its name suggests (.jsonl: JSON Lines,
    // else the XML log); only the shown rows with `shownOnly`. Reports through exportFinished().
    bool exportTo(const QString &path, bool shownOnly = false);
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
    // Asks for a file name, then exportTo().
    void exportWithDialog(bool shownOnly = false);

Q_SIGNALS:
    void exportFinished(bool ok, const QString &message);
    // Reply… on a received iq request: the compose form should prepare its answer.
    void replyRequested(const xcm::Stanza &request);

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    QWidget *createFilterBar();
    QWidget *createDetailPane();
    void createActions();
    void applySearch();
    void find(bool forward);
    void selectProxyRow(int row);
    void updateDetail();
    // Without a stanza to show, the detail pane is one line.
    void setDetailCollapsed(bool collapsed);
    void updateStatus();
    void scheduleStatusUpdate();
    void updateKindButtonText();
    void applyPalette();
    // In the status line for 10 s; an empty one clears it.
    void showMessage(const QString &message, bool aboutSearch = false);
    void escapeFromSearch();
    void elideMessage();
    void onRowsAboutToBeRemoved(int first, int last);
    void fitColumns();
    void saveColumns();
    void restoreColumns();
    void setColumnShown(int column, bool shown);
    int lastShownColumn() const;
    void showColumnMenu(const QPoint &position);

    QPointer<StanzaLogModel> m_model;
    StanzaLogFilterModel *m_filter = nullptr;
    StanzaLogDelegate *m_delegate = nullptr;

    QComboBox *m_directionCombo = nullptr;
    QPushButton *m_kindButton = nullptr;
    QMenu *m_kindMenu = nullptr;
    QLineEdit *m_searchEdit = nullptr;
    QTimer *m_searchTimer = nullptr;
    QTableView *m_table = nullptr;
    QSplitter *m_splitter = nullptr;
    QWidget *m_detailPane = nullptr;
    QLabel *m_detailHeader = nullptr;
    QToolButton *m_rawButton = nullptr;
    QToolButton *m_copyButton = nullptr;
    QPlainTextEdit *m_detail = nullptr;
    XmlHighlighter *m_highlighter = nullptr;
    QLabel *m_statusLabel = nullptr;
    QLabel *m_pausedLabel = nullptr;
    QLabel *m_messageLabel = nullptr;
    QTimer *m_statusTimer = nullptr;
    QTimer *m_columnSaveTimer = nullptr;
    QTimer *m_messageTimer = nullptr;
    QMenu *m_columnMenu = nullptr;
    QString m_settingsGroup;
    QString m_message; // the status line's message in full; the label shows it elided

    QAction *m_errorsOnlyAction = nullptr;
    QAction *m_textFilterAction = nullptr;
    QAction *m_findNextAction = nullptr;
    QAction *m_findPreviousAction = nullptr;
    QAction *m_searchAction = nullptr;
    QAction *m_pauseAction = nullptr;
    QAction *m_followAction = nullptr;
    QAction *m_clearAction = nullptr;
    QAction *m_exportAction = nullptr;
    QAction *m_exportShownAction = nullptr;
    QAction *m_rawAction = nullptr;
    QAction *m_copyAction = nullptr;
    QAction *m_copyStanzaAction = nullptr;
    QList<QAction *> m_menuActions;
    ExchangeActions *m_exchangeActions = nullptr;

    bool m_atBottom = true; // the table showed its last row before the latest change
    bool m_fitColumns = true;
    bool m_detailCollapsed = false;
    int m_detailHeight = 0;              // of the detail pane when it was last open
    bool m_messageIsAboutSearch = false; // the message goes when the search text changes
    bool m_adjustingColumns = false;     // column sizes change by code, not by the user
    quint64 m_detailSequence = 0;
};

} // namespace xcm
