// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QPointer>

#include <memory>

class QAction;
class QWidget;

namespace xcm {

class StanzaLogExportJob;
class StanzaLogFilterModel;
class StanzaLogModel;

// The log's export commands, beside the view that shows the rows: Export All… (Ctrl+E) and Export
// Shown… (Ctrl+Shift+E, the rows the filters show) ask for a file, then exportTo(). One export at a
// time, written on a pool thread; message() tells the progress, finished() the outcome.
class LogExportActions : public QObject
{
    Q_OBJECT
public:
    // `dialogParent`: what the file dialog is centred on; the actions' keys work where it has focus.
    LogExportActions(StanzaLogFilterModel *filter, QWidget *dialogParent);
    ~LogExportActions() override;

    void setModel(StanzaLogModel *model);

    QAction *exportAllAction() const { return m_exportAll; }
    QAction *exportShownAction() const { return m_exportShown; }

    // Writes the log to `path` without asking, in the format its name suggests (.jsonl: JSON Lines,
    // else the XML log); only the shown rows with `shownOnly`. The rows are taken now and written on a
    // pool thread. False (and finished(false, …) at once) when it cannot start: no log, a file that
    // cannot be opened, or an export still being written.
    bool exportTo(const QString &path, bool shownOnly);
    bool isExporting() const { return m_job != nullptr; }
    // The file types the dialog offers: the XML log, then JSON Lines.
    static QStringList nameFilters();

Q_SIGNALS:
    // Progress for the status line: "Exporting 1,000 stanzas to /tmp/x.log… 40 %".
    void message(const QString &text);
    void finished(bool ok, const QString &message);

private:
    void exportWithDialog(bool shownOnly);
    void reportFailure(const QString &where, const QString &error);

    StanzaLogFilterModel *m_filter;
    QWidget *m_dialogParent;
    QPointer<StanzaLogModel> m_model;
    QAction *m_exportAll;
    QAction *m_exportShown;
    std::unique_ptr<StanzaLogExportJob> m_job; // the export being written, if any
    QString m_jobPath;
};

} // namespace xcm
