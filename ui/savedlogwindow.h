// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMainWindow>

class QLabel;
class QProgressBar;
class QPushButton;

namespace xcm {

class SavedLogLoader;
class StanzaLogModel;
class StanzaLogView;

// A saved log — a capture or an export — opened read-only in the same log view as a live session:
// filters, search, expressions, the detail pane and request pairing work as they do there. The file is
// read in the background with its progress in the status bar (Esc cancels, keeping what was read);
// lines that cannot be read are counted there and listed in its tooltip. Its menus: File (Close,
// Ctrl+W; Quit, Ctrl+Q) and Log, the log view's commands.
class SavedLogWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit SavedLogWindow(QWidget *parent = nullptr);
    ~SavedLogWindow() override;

    // Starts reading; false with the reason when the file cannot be opened.
    bool open(const QString &path, QString *error);
    const QString &path() const { return m_path; }
    bool isLoading() const;
    StanzaLogModel *log() const { return m_model; }
    StanzaLogView *logView() const { return m_view; }
    // What the status bar says: progress while reading, then the count and any problems.
    QString statusText() const;
    // Read to the end without a stanza, only lines it could not read (not a saved log at all): why, in
    // a sentence; empty otherwise.
    QString notASavedLog() const;

Q_SIGNALS:
    void loaded();
    // File › Quit (Ctrl+Q): the application's quit, which the main window carries out (it may ask first).
    void quitRequested();

private:
    void updateStatus();

    QString m_path;
    StanzaLogModel *m_model = nullptr;
    StanzaLogView *m_view = nullptr;
    SavedLogLoader *m_loader = nullptr;
    QLabel *m_status = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_cancel = nullptr;
};

} // namespace xcm
