// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindowactions.h"

#include "aboutdialog.h"
#include "composewidget.h"
#include "mainwindow.h"
#include "profilesession.h"
#include "sessionlistmodel.h"
#include "sessionpage.h"
#include "standardkeys.h"
#include "stanzalogview.h"

#include <QAction>
#include <QApplication>
#include <QMenuBar>

using namespace Qt::StringLiterals;

namespace xcm {

MainWindowActions::MainWindowActions(MainWindow *window)
    : QObject(window)
    , m_window(window)
{
    m_newProfile = new QAction(QIcon(u":/xcm/icons/add.svg"_s), tr("&New Profile…"), window);
    m_newProfile->setObjectName("newProfileAction"_L1);
    m_newProfile->setShortcut(QKeySequence::New);
    m_newProfile->setToolTip(tr("Create a profile (Ctrl+N)"));
    connect(m_newProfile, &QAction::triggered, window, &MainWindow::openNewProfileEditor);

    m_editProfile = new QAction(QIcon(u":/xcm/icons/edit.svg"_s), tr("&Edit Profile…"), window);
    m_editProfile->setObjectName("editProfileAction"_L1);
    m_editProfile->setShortcut(Qt::Key_F2);
    m_editProfile->setToolTip(tr("Edit the selected profile (F2)"));
    connect(m_editProfile, &QAction::triggered, window, &MainWindow::openProfileEditor);

    m_removeProfile = new QAction(QIcon(u":/xcm/icons/remove.svg"_s), tr("&Delete Profile…"), window);
    m_removeProfile->setObjectName("removeProfileAction"_L1);
    m_removeProfile->setShortcut(QKeySequence::Delete);
    // Only from the profile list: Delete in an editor or the log must not offer to remove a profile.
    m_removeProfile->setShortcutContext(Qt::WidgetShortcut);
    m_removeProfile->setToolTip(tr("Delete the selected profile and its stored secret (Delete)"));
    connect(m_removeProfile, &QAction::triggered, window, &MainWindow::confirmRemoveProfile);

    m_connect = new QAction(QIcon(u":/xcm/icons/connect.svg"_s), tr("&Connect"), window);
    m_connect->setObjectName("connectAction"_L1);
    m_connect->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    connect(m_connect, &QAction::triggered, window, [window] {
        if (ProfileSession *session = window->currentSession())
            session->toggleConnection();
    });

    m_send = new QAction(QIcon(u":/xcm/icons/send.svg"_s), tr("&Send Stanza"), window);
    m_send->setObjectName("sendAction"_L1);
    m_send->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)});
    connect(m_send, &QAction::triggered, window, [window] {
        if (SessionPage *page = window->currentPage())
            page->compose()->send();
    });

    QMenuBar *bar = window->menuBar();
    buildProfileMenu(bar);
    buildComposeMenu(bar);
    m_logMenu = bar->addMenu(tr("&Log"));
    m_logMenu->setObjectName("logMenu"_L1);
    buildHelpMenu(bar);
}

void MainWindowActions::showLogActionsOf(StanzaLogView *view)
{
    if (view && view == m_logMenuView)
        return;
    m_logMenu->clear(); // the actions belong to their view
    if (view)
        m_logMenu->addActions(view->menuActions());
    m_logMenu->menuAction()->setEnabled(view != nullptr);
    m_logMenuView = view;
}

void MainWindowActions::enableForProfiles(int profileCount, bool oneSelected)
{
    for (QAction *action : std::as_const(m_pageActions))
        action->setEnabled(oneSelected);
    for (QAction *action : std::as_const(m_adjacentActions))
        action->setEnabled(profileCount > 1);
    for (QAction *action : std::as_const(m_allProfileActions))
        action->setEnabled(profileCount > 0);
}

void MainWindowActions::buildProfileMenu(QMenuBar *bar)
{
    MainWindow *window = m_window;
    QMenu *menu = bar->addMenu(tr("&Profile"));
    menu->addAction(m_newProfile);
    menu->addAction(m_editProfile);
    menu->addAction(m_removeProfile);
    menu->addSeparator();
    menu->addAction(m_connect);
    m_adjacentActions = {addMenuAction(menu, tr("Ne&xt Profile"), "nextProfileAction"_L1,
                                       QKeySequence(Qt::CTRL | Qt::Key_PageDown),
                                       [window] { window->selectAdjacentProfile(1); }),
                         addMenuAction(menu, tr("Pre&vious Profile"), "previousProfileAction"_L1,
                                       QKeySequence(Qt::CTRL | Qt::Key_PageUp),
                                       [window] { window->selectAdjacentProfile(-1); })};
    QAction *connectAll = menu->addAction(tr("Connect A&ll"));
    connectAll->setObjectName("connectAllAction"_L1);
    connect(connectAll, &QAction::triggered, window->sessions(), &SessionListModel::connectAll);
    QAction *disconnectAll = menu->addAction(tr("Disconnect &All"));
    disconnectAll->setObjectName("disconnectAllAction"_L1);
    connect(disconnectAll, &QAction::triggered, window->sessions(), &SessionListModel::disconnectAll);
    m_allProfileActions = {connectAll, disconnectAll};
    addPageAction(menu, tr("&Rules"), "rulesAction"_L1, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R),
                  &SessionPage::showRules);
    m_record = addMenuAction(menu, tr("Record Traffic to Dis&k"), "recordAction"_L1,
                             QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D),
                             [window] { window->toggleRecording(); });
    m_record->setCheckable(true);
    addPageAction(menu, tr("Connection &Timeline…"), "timelineAction"_L1,
                  QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T), &SessionPage::showTimeline);
    menu->addSeparator();
    addMenuAction(menu, tr("&Open Saved Log…"), "openSavedLogAction"_L1, QKeySequence::Open,
                  [window] { window->openSavedLogWithDialog(); });
    menu->addSeparator();
    QAction *quit = addMenuAction(menu, tr("&Quit"), "quitAction"_L1, {}, [window] { window->close(); });
    // The keys a saved log's window binds: Ctrl+Q also where the platform binds none.
    quit->setShortcuts(standardKeysAnd(QKeySequence::Quit, QKeySequence(Qt::CTRL | Qt::Key_Q)));
    quit->setMenuRole(QAction::QuitRole);
}

void MainWindowActions::buildComposeMenu(QMenuBar *bar)
{
    QMenu *menu = bar->addMenu(tr("&Compose"));
    menu->addAction(m_send);
    addPageAction(menu, tr("&Focus Editor"), "focusComposeAction"_L1, QKeySequence(Qt::CTRL | Qt::Key_M),
                  &SessionPage::focusCompose);
}

void MainWindowActions::buildHelpMenu(QMenuBar *bar)
{
    MainWindow *window = m_window;
    QMenu *menu = bar->addMenu(tr("&Help"));
    QAction *about = menu->addAction(tr("&About xcm"));
    about->setMenuRole(QAction::AboutRole);
    about->setObjectName("aboutAction"_L1);
    connect(about, &QAction::triggered, window, [window] {
        auto *dialog = new AboutDialog(window);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
    QAction *aboutQt = menu->addAction(tr("About &Qt"));
    aboutQt->setMenuRole(QAction::AboutQtRole);
    connect(aboutQt, &QAction::triggered, qApp, &QApplication::aboutQt);
}

QAction *MainWindowActions::addMenuAction(QMenu *menu, const QString &text, QLatin1StringView name,
                                          const QKeySequence &shortcut, const std::function<void()> &handler)
{
    QAction *action = menu->addAction(text);
    action->setObjectName(name);
    action->setShortcut(shortcut);
    connect(action, &QAction::triggered, m_window, handler);
    return action;
}

void MainWindowActions::addPageAction(QMenu *menu, const QString &text, QLatin1StringView name,
                                      const QKeySequence &shortcut, void (SessionPage::*slot)())
{
    MainWindow *window = m_window;
    m_pageActions.append(addMenuAction(menu, text, name, shortcut, [window, slot] {
        if (SessionPage *page = window->currentPage())
            (page->*slot)();
    }));
}

} // namespace xcm
