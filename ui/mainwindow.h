// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "profileservice.h"
#include "secretpromptqueue.h"

#include <QHash>
#include <QMainWindow>
#include <QPointer>
#include <QTimer>
#include <QUuid>

#include <memory>

class QLabel;
class QListView;
class QStackedWidget;

namespace xcm {

class ElidedLabel;
class KeychainBanner;
class MainWindowActions;
class ProfileEditor;
class ProfileSession;
class ProfileStore;
class SecretPrompt;
class SessionListModel;
class SessionPage;

// The application window: profiles in a sidebar (each with a live state badge), the selected
// profile's page (connection bar, log, compose form) on the right. Profiles keep their connections
// while another one is shown.
class SavedLogWindow;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    // Reads the profiles from the default QSettings and secrets from the OS keychain.
    explicit MainWindow(QWidget *parent = nullptr);
    // Works on the profiles and secrets of `profiles` (main() may have imported some into it already).
    explicit MainWindow(std::unique_ptr<ProfileService> profiles, QWidget *parent = nullptr);
    ~MainWindow() override;

    ProfileService *profileService() const { return m_profiles.get(); }
    ProfileStore *profileStore() const { return m_profiles->store(); }
    SecretStore *secretStore() const { return m_profiles->secrets(); }
    SessionListModel *sessions() const { return m_sessions.get(); }
    QListView *profileList() const { return m_list; }

    ProfileSession *currentSession() const;
    SessionPage *currentPage() const;
    // The profile's page, built on first use (only the shown profile's is built at start).
    SessionPage *pageFor(ProfileSession *session);
    bool selectProfile(const QUuid &id);
    // Case-insensitive; false when there is no such profile.
    bool selectProfileByName(const QString &name);

    // The dialogs, opened window-modal without blocking (tests find them as children).
    ProfileEditor *openNewProfileEditor();
    ProfileEditor *openProfileEditor();
    void confirmRemoveProfile();
    // The open prompt for a secret that connecting found missing, if any.
    SecretPrompt *secretPrompt() const { return m_secretPrompts->current(); }
    KeychainBanner *keychainBanner() const { return m_banner; }

    // A saved log (a capture, or an export) in a read-only window of its own, reading in the
    // background; nullptr (after saying why in a message box) when the file cannot be opened. Also
    // Profile › Open Saved Log… (Ctrl+O), files dropped on the window, and `xcm FILE`. Quitting (here
    // or in the saved log's window) closes them all.
    SavedLogWindow *openSavedLog(const QString &path);
    void openSavedLogWithDialog();

    // What the status bar shows for the selected profile ("Alpha: Connected · up 3:07"), and the same
    // with why the last connection failed (its tooltip).
    QString statusText() const;
    QString statusToolTip() const;

    // The next (step 1) or previous (-1) profile in the sidebar, wrapping around.
    void selectAdjacentProfile(int step);
    // Recording of the shown profile on or off (Profile › Record Traffic to Disk), kept for the next start.
    void toggleRecording();

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void buildUi();
    void restoreLayout();
    void saveLayout();
    void watchSession(ProfileSession *session);
    SessionPage *existingPage(const ProfileSession *session) const; // nullptr if not built yet
    void removePage(ProfileSession *session);
    void onSelectionChanged();
    void refreshChrome();
    void refreshKeychainBanner();
    // Connecting `session` found no secret: asks for it, one profile at a time.
    void refreshLogMenu();
    // Writes the selected profile to the settings (m_rememberSelection's work, or at once).
    void rememberSelection();
    // Removes through the service, then selects the profile that took its row.
    void removeProfile(const QUuid &id);
    // Asks before quitting while stanzas wait for a connection; true if the question is open now.
    bool askBeforeDroppingWaitingStanzas();

    std::unique_ptr<ProfileService> m_profiles;
    std::unique_ptr<SessionListModel> m_sessions;
    QHash<const ProfileSession *, SessionPage *> m_pages;

    QListView *m_list = nullptr;
    QStackedWidget *m_stack = nullptr;
    QWidget *m_emptyPage = nullptr;
    KeychainBanner *m_banner = nullptr;
    ElidedLabel *m_statusState = nullptr;
    QByteArray m_pageSplitterState;
    // The selected profile is written to the settings a moment after the last switch: each write
    // rewrites the whole settings file (milliseconds with many profiles), a pause at every switch.
    QTimer m_rememberSelection;
    bool m_closing = false;
    bool m_dropWaitingConfirmed = false;

    QList<QPointer<SavedLogWindow>> m_savedLogs; // the open ones, closed when this window closes
    MainWindowActions *m_actions = nullptr;
    SecretPromptQueue *m_secretPrompts = nullptr;
};

} // namespace xcm
