// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QPointer>

#include <functional>

class QAction;
class QKeySequence;
class QMenu;
class QMenuBar;

namespace xcm {

class MainWindow;
class SessionPage;
class StanzaLogView;

// The main window's menu bar and the actions its sidebar and shortcuts share. Each entry acts on the
// shown profile through MainWindow's public calls; which of them are enabled is MainWindow's to say.
class MainWindowActions : public QObject
{
    Q_OBJECT
public:
    explicit MainWindowActions(MainWindow *window);

    QAction *newProfile() const { return m_newProfile; }
    QAction *editProfile() const { return m_editProfile; }
    QAction *removeProfile() const { return m_removeProfile; }
    QAction *connectToggle() const { return m_connect; }
    QAction *send() const { return m_send; }
    QAction *record() const { return m_record; }

    // The Log menu holds the shown log's own actions (their state is that log's, and their shortcuts work
    // from anywhere in the window); nullptr disables it.
    void showLogActionsOf(StanzaLogView *view);
    // Commands that need a selected profile, or several, enabled only when they can act: with no
    // profile, Rules, Timeline and Connect All were offered and did nothing.
    void enableForProfiles(int profileCount, bool oneSelected);

private:
    void buildProfileMenu(QMenuBar *bar);
    void buildComposeMenu(QMenuBar *bar);
    void buildHelpMenu(QMenuBar *bar);
    QAction *addMenuAction(QMenu *menu, const QString &text, QLatin1StringView name,
                           const QKeySequence &shortcut, const std::function<void()> &handler);
    // A menu entry acting on the shown profile's page.
    void addPageAction(QMenu *menu, const QString &text, QLatin1StringView name, const QKeySequence &shortcut,
                       void (SessionPage::*slot)());

    MainWindow *m_window;
    QAction *m_newProfile = nullptr;
    QAction *m_editProfile = nullptr;
    QAction *m_removeProfile = nullptr;
    QAction *m_connect = nullptr;
    QAction *m_send = nullptr;
    QAction *m_record = nullptr;
    QList<QAction *> m_pageActions;       // act on the selected profile's page
    QList<QAction *> m_adjacentActions;   // next and previous profile
    QList<QAction *> m_allProfileActions; // connect all, disconnect all
    QMenu *m_logMenu = nullptr;
    QPointer<StanzaLogView> m_logMenuView; // whose actions m_logMenu holds
};

} // namespace xcm
