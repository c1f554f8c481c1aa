// SPDX-License-Identifier: GPL-3.0-or-later
// One cohesive thing, kept whole on purpose just past 600 lines: the window itself — the profile list
// and the page of each profile, the chrome that follows the selected one (title, status, actions'
// states), the layout it keeps across runs, saved logs opened from it, and closing politely. The menus'
// commands are MainWindowActions'; what is left reads and drives the same pages and sessions.
#include "mainwindow.h"

#include "composewidget.h"
#include "connectionbar.h"
#include "elidedlabel.h"
#include "keychainbanner.h"
#include "mainwindowactions.h"
#include "plaintextmessagebox.h"
#include "plaintooltip.h"
#include "profiledelegate.h"
#include "profileeditor.h"
#include "profilesession.h"
#include "profilestore.h"
#include "ruleengine.h"
#include "savedlogwindow.h"
#include "secretpromptqueue.h"
#include "secretstore.h"
#include "sessionlistmodel.h"
#include "sessionpage.h"
#include "stanzalogview.h"
#include "statestyle.h"

#include <QAction>
#include <QCloseEvent>
#include <QDateTime>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace xcm {

namespace {
constexpr auto geometryKey = "window/geometry"_L1;
constexpr auto stateKey = "window/state"_L1;
constexpr auto sidebarKey = "window/sidebarSplitter"_L1;
constexpr auto pageSplitterKey = "window/pageSplitter"_L1;
constexpr auto selectedKey = "window/selectedProfile"_L1;
constexpr int rememberSelectionDelayMs = 1000;
constexpr auto logSettingsGroup = "window/log"_L1;
constexpr int closeGraceMs = 1500; // time for </stream:stream> to reach the servers on quit
} // namespace

MainWindow::MainWindow(QWidget *parent)
    : MainWindow(std::make_unique<ProfileService>(), parent)
{}

MainWindow::MainWindow(std::unique_ptr<ProfileService> profiles, QWidget *parent)
    : QMainWindow(parent)
    , m_profiles(std::move(profiles))
    , m_sessions(std::make_unique<SessionListModel>(m_profiles->store(), m_profiles->secrets()))
{
    setObjectName("mainWindow"_L1);
    setWindowIcon(QIcon(u":/xcm/icons/xcm.svg"_s));
    m_rememberSelection.setSingleShot(true);
    m_rememberSelection.setInterval(rememberSelectionDelayMs);
    connect(&m_rememberSelection, &QTimer::timeout, this, &MainWindow::rememberSelection);
    m_profiles->setSessions(m_sessions.get());
    m_actions = new MainWindowActions(this);
    buildUi();
    connect(m_profiles.get(), &ProfileService::statusMessage, statusBar(), &QStatusBar::showMessage);
    for (int row = 0; row < m_sessions->rowCount(); ++row)
        watchSession(m_sessions->session(row));
    connect(m_sessions.get(), &SessionListModel::sessionAdded, this, &MainWindow::watchSession);
    connect(m_sessions.get(), &SessionListModel::sessionRemoved, this, &MainWindow::removePage);
    connect(m_sessions.get(), &QAbstractItemModel::dataChanged, this, &MainWindow::refreshChrome);
    // Next, Previous and Connect All follow the number of profiles.
    for (const auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_sessions.get(), signal, this, &MainWindow::refreshChrome);
    connect(secretStore(), &SecretStore::statusChanged, this, &MainWindow::refreshKeychainBanner);
    connect(secretStore(), &SecretStore::problemsChanged, this, &MainWindow::refreshKeychainBanner);
    connect(m_banner, &KeychainBanner::retryRequested, secretStore(), &SecretStore::retry);
    restoreLayout();
    refreshKeychainBanner();
    onSelectionChanged();
    secretStore()->probe(); // so the editor and the banner can tell at once whether there is a keychain
}

MainWindow::~MainWindow()
{
    if (m_rememberSelection.isActive())
        rememberSelection();
    // Pages point at sessions: they go first.
    for (SessionPage *page : std::as_const(m_pages))
        delete page;
    m_pages.clear();
}

void MainWindow::buildUi()
{
    setAcceptDrops(true); // a saved log dropped on the window opens
    // Sidebar: the profiles with their state, and buttons for what the menu also offers.
    m_list = new QListView(this);
    m_list->setObjectName("profileList"_L1);
    m_list->setModel(m_sessions.get());
    m_list->setItemDelegate(new ProfileDelegate(m_list));
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_list->setAccessibleName(tr("Profiles"));
    m_list->addAction(m_actions->connectToggle());
    m_list->addAction(m_actions->editProfile());
    m_list->addAction(m_actions->removeProfile());
    m_list->setFrameShape(QFrame::NoFrame);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &MainWindow::onSelectionChanged);
    connect(m_list, &QListView::doubleClicked, this, [this] {
        if (ProfileSession *session = currentSession(); session && !session->isActive())
            session->connectToServer();
    });

    const auto toolButton = [this](QAction *action) {
        auto *button = new QToolButton(this);
        button->setDefaultAction(action);
        button->setAutoRaise(true);
        return button;
    };
    auto *title = new QLabel(tr("Profiles"), this);
    QFont titleFont = title->font();
    titleFont.setBold(true);
    title->setFont(titleFont);
    auto *sidebarHeader = new QHBoxLayout;
    sidebarHeader->setContentsMargins(10, 6, 4, 4);
    sidebarHeader->addWidget(title, 1);
    sidebarHeader->addWidget(toolButton(m_actions->newProfile()));
    sidebarHeader->addWidget(toolButton(m_actions->editProfile()));
    sidebarHeader->addWidget(toolButton(m_actions->removeProfile()));

    auto *sidebar = new QWidget(this);
    sidebar->setObjectName("sidebar"_L1);
    auto *sidebarLayout = new QVBoxLayout(sidebar);
    sidebarLayout->setContentsMargins(0, 0, 0, 0);
    sidebarLayout->setSpacing(0);
    sidebarLayout->addLayout(sidebarHeader);
    sidebarLayout->addWidget(m_list, 1);
    sidebar->setMinimumWidth(150);

    // The empty state: what to do first.
    m_emptyPage = new QWidget(this);
    m_emptyPage->setObjectName("emptyPage"_L1);
    auto *emptyText =
        new QLabel(tr("<h2>No profile yet</h2><p>A profile holds where your component connects "
                      "(server, port, component domain) and its shared secret, which is kept in "
                      "the system keychain.</p>"),
                   m_emptyPage);
    emptyText->setWordWrap(true);
    emptyText->setAlignment(Qt::AlignCenter);
    emptyText->setFixedSize(460, emptyText->heightForWidth(460)); // aligned, it got too few lines
    auto *emptyButton =
        new QPushButton(QIcon(u":/xcm/icons/add.svg"_s), tr("Create a Profile…"), m_emptyPage);
    connect(emptyButton, &QPushButton::clicked, this, &MainWindow::openNewProfileEditor);
    auto *emptyLayout = new QVBoxLayout(m_emptyPage);
    emptyLayout->addStretch();
    emptyLayout->addWidget(emptyText, 0, Qt::AlignHCenter);
    emptyLayout->addWidget(emptyButton, 0, Qt::AlignHCenter);
    emptyLayout->addStretch();

    m_stack = new QStackedWidget(this);
    m_stack->setObjectName("pages"_L1);
    m_stack->addWidget(m_emptyPage);

    m_banner = new KeychainBanner(this);
    m_banner->hide();
    m_secretPrompts = new SecretPromptQueue(m_profiles.get(), this);

    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->setSpacing(0);
    rightLayout->addWidget(m_banner);
    rightLayout->addWidget(m_stack, 1);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName("sidebarSplitter"_L1);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(sidebar);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({210, 1000});
    setCentralWidget(splitter);

    // The state only: the connection bar above has the reason and the counters.
    m_statusState = new ElidedLabel(this);
    m_statusState->setObjectName("statusState"_L1);
    statusBar()->addWidget(m_statusState, 1);
}

void MainWindow::restoreLayout()
{
    QSettings settings;
    if (!restoreGeometry(settings.value(geometryKey).toByteArray()))
        resize(1180, 760);
    restoreState(settings.value(stateKey).toByteArray());
    if (auto *splitter = findChild<QSplitter *>("sidebarSplitter"_L1))
        splitter->restoreState(settings.value(sidebarKey).toByteArray());
    m_pageSplitterState = settings.value(pageSplitterKey).toByteArray();
    for (SessionPage *page : std::as_const(m_pages))
        page->splitter()->restoreState(m_pageSplitterState);
    const QUuid selected = QUuid::fromString(settings.value(selectedKey).toString());
    if (!selectProfile(selected) && m_sessions->rowCount() > 0)
        m_list->setCurrentIndex(m_sessions->index(0));
}

void MainWindow::saveLayout()
{
    QSettings settings;
    settings.setValue(geometryKey, saveGeometry());
    settings.setValue(stateKey, saveState());
    if (auto *splitter = findChild<QSplitter *>("sidebarSplitter"_L1))
        settings.setValue(sidebarKey, splitter->saveState());
    if (SessionPage *page = currentPage())
        settings.setValue(pageSplitterKey, page->splitter()->saveState());
    rememberSelection();
}

void MainWindow::rememberSelection()
{
    m_rememberSelection.stop();
    if (const ProfileSession *session = currentSession())
        QSettings().setValue(selectedKey, session->profile().id.toString(QUuid::WithoutBraces));
}

void MainWindow::watchSession(ProfileSession *session)
{
    // What the window does for a profile whether or not its page was ever shown.
    connect(session, &ProfileSession::secretNeeded, this,
            [this, session](const QString &keychainError, ProfileSession::SecretRole role) {
                m_secretPrompts->request(session, keychainError, role);
            });
    connect(session, &ProfileSession::recordingChanged, this, &MainWindow::refreshChrome);
}

SessionPage *MainWindow::pageFor(ProfileSession *session)
{
    if (!session)
        return nullptr;
    if (SessionPage *page = m_pages.value(session))
        return page;
    // Built when first needed (shown, or asked for): fifty profiles' pages at start cost ~5 ms each, and
    // a page holds nothing of its own that it could miss meanwhile (the log, counters and timeline are
    // the session's).
    auto *page = new SessionPage(session, m_profiles->store(), m_stack);
    page->logView()->setSettingsGroup(logSettingsGroup); // one column layout for every profile's log
    if (!m_pageSplitterState.isEmpty())
        page->splitter()->restoreState(m_pageSplitterState);
    else
        page->splitter()->setSizes({480, 240}); // the log's empty detail pane folds: compose gets more
    connect(page, &SessionPage::editRequested, this, &MainWindow::openProfileEditor);
    connect(page->compose(), &ComposeWidget::sent, this, &MainWindow::refreshChrome);
    // Ctrl+Return works the moment the XML becomes valid.
    connect(page->compose(), &ComposeWidget::canSendChanged, this, [this, page](bool canSend) {
        if (page == currentPage())
            m_actions->send()->setEnabled(canSend);
    });
    // The status bar repeats the bar's state and counters: update both at the same moment.
    connect(page->connectionBar(), &ConnectionBar::refreshed, this, [this, page] {
        if (page == currentPage())
            refreshChrome();
    });
    m_stack->addWidget(page);
    m_pages.insert(session, page);
    return page;
}

void MainWindow::removePage(ProfileSession *session)
{
    if (SessionPage *page = m_pages.take(session)) {
        m_stack->removeWidget(page);
        delete page;
    }
}

ProfileSession *MainWindow::currentSession() const
{
    return m_sessions->session(m_list->currentIndex().row());
}

SessionPage *MainWindow::currentPage() const
{
    return existingPage(currentSession()); // the shown profile's page is built by onSelectionChanged()
}

SessionPage *MainWindow::existingPage(const ProfileSession *session) const
{
    return m_pages.value(session);
}

bool MainWindow::selectProfile(const QUuid &id)
{
    const QModelIndex index = m_sessions->indexOf(id);
    if (!index.isValid())
        return false;
    m_list->setCurrentIndex(index);
    return true;
}

bool MainWindow::selectProfileByName(const QString &name)
{
    return selectProfile(profileStore()->findByName(name).id);
}

void MainWindow::onSelectionChanged()
{
    ProfileSession *session = currentSession();
    // Carry the log/compose split over to the page being shown, so the layout does not jump.
    if (auto *previous = qobject_cast<SessionPage *>(m_stack->currentWidget()); previous && session)
        m_pageSplitterState = previous->splitter()->saveState();
    SessionPage *page = pageFor(session);
    if (page && !m_pageSplitterState.isEmpty())
        page->splitter()->restoreState(m_pageSplitterState);
    m_stack->setCurrentWidget(page ? static_cast<QWidget *>(page) : m_emptyPage);
    refreshLogMenu();
    if (session) // remembered soon, so a crash or a kill does not lose it, and once for a run of switches
        m_rememberSelection.start();
    refreshChrome();
}

QString MainWindow::statusText() const
{
    const ProfileSession *session = currentSession();
    if (!session)
        return tr("No profile selected");
    const SessionPage *page = existingPage(session);
    return session->profile().name + u": "_s + (page ? page->connectionBar()->stateSummary() : QString());
}

QString MainWindow::statusToolTip() const
{
    const SessionPage *page = currentPage();
    return page ? page->session()->profile().name + u": "_s + page->connectionBar()->stateToolTip()
                : statusText();
}

void MainWindow::selectAdjacentProfile(int step)
{
    const int rows = m_sessions->rowCount();
    if (rows == 0)
        return;
    const int current = std::max(0, m_list->currentIndex().row());
    m_list->setCurrentIndex(m_sessions->index((current + step + rows) % rows));
}

void MainWindow::toggleRecording()
{
    ProfileSession *session = currentSession();
    if (!session)
        return;
    QString why;
    if (session->isRecording())
        session->stopRecording();
    else if (!session->startRecording(&why))
        statusBar()->showMessage(tr("Recording cannot start: %1").arg(why), 10000);
    profileStore()->setRecording(session->profile().id, session->isRecording());
    refreshChrome();
}

void MainWindow::refreshChrome()
{
    ProfileSession *session = currentSession();
    const bool has = session != nullptr;
    m_actions->editProfile()->setEnabled(has);
    m_actions->removeProfile()->setEnabled(has);
    m_actions->connectToggle()->setEnabled(has);
    m_actions->send()->setEnabled(has && currentPage() && currentPage()->compose()->canSend());
    m_actions->record()->setEnabled(has);
    m_actions->record()->setChecked(has && session->isRecording());
    m_actions->enableForProfiles(m_sessions->rowCount(), has && currentPage());
    if (!has) {
        setWindowTitle(tr("xcm"));
        m_statusState->setText(statusText());
        return;
    }
    const StateLook look = session->look(QDateTime::currentMSecsSinceEpoch());
    const bool active = session->isActive();
    // C for both states: D is Delete Profile's in the same menu.
    m_actions->connectToggle()->setText(active ? tr("Dis&connect") : tr("&Connect"));
    m_actions->connectToggle()->setIcon(
        QIcon(active ? u":/xcm/icons/disconnect.svg"_s : u":/xcm/icons/connect.svg"_s));
    setWindowTitle(tr("%1 — %2 — xcm").arg(session->profile().name, look.text));
    m_statusState->setText(statusText());
    m_statusState->setToolTip(PlainToolTip::of(statusToolTip()));
}

void MainWindow::refreshLogMenu()
{
    m_actions->showLogActionsOf(currentPage() ? currentPage()->logView() : nullptr);
}

void MainWindow::refreshKeychainBanner()
{
    m_banner->showProblemsOf(*secretStore(), profileStore()->profiles());
}

ProfileEditor *MainWindow::openNewProfileEditor()
{
    Profile profile = Profile::create(profileStore()->uniqueName(tr("New profile")));
    auto *editor = new ProfileEditor(profile, true, profileStore(), secretStore(), this);
    editor->setAttribute(Qt::WA_DeleteOnClose);
    connect(editor, &QDialog::accepted, this, [this, editor] {
        const Profile created = editor->profile();
        m_profiles->createProfile(created, editor->secret(), editor->editedComponentSecret());
        selectProfile(created.id);
    });
    editor->open();
    return editor;
}

ProfileEditor *MainWindow::openProfileEditor()
{
    ProfileSession *session = currentSession();
    if (!session)
        return nullptr;
    auto *editor = new ProfileEditor(session->profile(), false, profileStore(), secretStore(), this);
    editor->setAttribute(Qt::WA_DeleteOnClose);
    connect(editor, &QDialog::accepted, this, [this, editor] {
        m_profiles->saveProfile(editor->profile(), editor->secret(), editor->secretChanged(),
                                editor->editedComponentSecret());
        refreshChrome();
    });
    editor->open();
    return editor;
}

void MainWindow::confirmRemoveProfile()
{
    ProfileSession *session = currentSession();
    if (!session)
        return;
    const Profile profile = session->profile();
    auto *box =
        new PlainTextMessageBox(QMessageBox::Question, tr("Delete Profile"),
                                tr("Delete the profile “%1”?").arg(profile.name), QMessageBox::Cancel, this);
    box->setObjectName("confirmRemove"_L1);
    QStringList consequences{
        tr("Its secret is removed from the keychain and its history of sent stanzas is deleted.")};
    // Rules are work of the user's own: say so while Export can still keep them.
    if (const qsizetype rules = session->rules()->rules().size(); rules > 0)
        consequences << (rules == 1
                             ? tr("So is its rule: Export in its Rules tab keeps a copy.")
                             : tr("So are its %1 rules: Export in its Rules tab keeps a copy.").arg(rules));
    if (const QList<ProfileStore::SavedFilter> filters = profileStore()->savedFilters(profile.id);
        !filters.isEmpty())
        consequences << (filters.size() == 1
                             ? tr("Its saved filter “%1” goes too.").arg(filters.constFirst().name)
                             : tr("Its %1 saved filters go too.").arg(filters.size()));
    if (session->isActive())
        consequences << tr("The connection is closed first.");
    box->setInformativeText(consequences.join(u' '));
    QPushButton *remove = box->addButton(tr("&Delete"), QMessageBox::DestructiveRole);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    const QUuid id = profile.id;
    connect(box, &QMessageBox::buttonClicked, this, [this, remove, id](QAbstractButton *clicked) {
        if (clicked == remove)
            removeProfile(id);
    });
    box->open();
}

void MainWindow::removeProfile(const QUuid &id)
{
    const int row = m_sessions->rowOf(id);
    if (!m_profiles->removeProfile(id))
        return;
    if (m_sessions->rowCount() > 0)
        m_list->setCurrentIndex(m_sessions->index(std::min(row, m_sessions->rowCount() - 1)));
    onSelectionChanged();
}

bool MainWindow::askBeforeDroppingWaitingStanzas()
{
    QStringList waiting;
    for (int row = 0; row < m_sessions->rowCount(); ++row) {
        const ProfileSession *session = m_sessions->session(row);
        if (session->pendingCount() > 0)
            waiting.append(
                tr("%1 (%2)").arg(session->profile().name, QLocale().toString(session->pendingCount())));
    }
    if (waiting.isEmpty() || findChild<QMessageBox *>("confirmQuit"_L1))
        return !waiting.isEmpty();
    auto *box = new PlainTextMessageBox(QMessageBox::Warning, tr("Quit xcm"),
                                        tr("Stanzas are waiting for a connection and have not been sent."),
                                        QMessageBox::Cancel, this);
    box->setObjectName("confirmQuit"_L1);
    box->setInformativeText(tr("Waiting: %1. If you quit now they are discarded; they stay in the "
                               "compose history to send again.")
                                .arg(QLocale().createSeparatedList(waiting)));
    QPushButton *quit = box->addButton(tr("&Quit Anyway"), QMessageBox::DestructiveRole);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this, [this, quit](QAbstractButton *clicked) {
        if (clicked != quit)
            return;
        m_dropWaitingConfirmed = true;
        QMetaObject::invokeMethod(this, &QWidget::close, Qt::QueuedConnection); // once the box is gone
    });
    box->open();
    return true;
}

SavedLogWindow *MainWindow::openSavedLog(const QString &path)
{
    auto *window = new SavedLogWindow; // a window of its own: it may outlive a look at this one
    QString error;
    if (!window->open(path, &error)) {
        delete window;
        auto *box =
            new PlainTextMessageBox(QMessageBox::Warning, tr("Open Saved Log"), error, QMessageBox::Ok, this);
        box->setObjectName("openSavedLogError"_L1);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
        return nullptr;
    }
    connect(window, &SavedLogWindow::quitRequested, this, &QWidget::close);
    // A file that is no saved log at all: an empty window would only say so in its status bar.
    connect(window, &SavedLogWindow::loaded, this, [this, window] {
        const QString why = window->notASavedLog();
        if (why.isEmpty())
            return;
        window->close();
        auto *box =
            new PlainTextMessageBox(QMessageBox::Warning, tr("Open Saved Log"), why, QMessageBox::Ok, this);
        box->setObjectName("openSavedLogError"_L1);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    });
    m_savedLogs.removeAll(nullptr);
    m_savedLogs.append(window);
    window->show();
    return window;
}

void MainWindow::openSavedLogWithDialog()
{
    auto *dialog = new QFileDialog(this, tr("Open Saved Log"));
    dialog->setObjectName("openSavedLogDialog"_L1);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFiles);
    dialog->setNameFilters({tr("Saved logs (*.jsonl *.log *.xml)"), tr("All files (*)")});
    // Where Profile › Record Traffic to Disk writes (ProfileSession::recordingDirectory()).
    dialog->setDirectory(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
                         u"/xcm/captures"_s);
    connect(dialog, &QFileDialog::filesSelected, this, [this](const QStringList &files) {
        for (const QString &file : files)
            openSavedLog(file);
    });
    dialog->open();
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (!urls.isEmpty() &&
        std::all_of(urls.cbegin(), urls.cend(), [](const QUrl &url) { return url.isLocalFile(); }))
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    for (const QUrl &url : event->mimeData()->urls()) {
        if (url.isLocalFile())
            openSavedLog(url.toLocalFile());
    }
    event->acceptProposedAction();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!m_closing && !m_dropWaitingConfirmed && askBeforeDroppingWaitingStanzas()) {
        event->ignore();
        return;
    }
    if (!m_closing)
        saveLayout();
    // Close every stream politely, give the servers a moment to answer, then go.
    bool anyOpen = false;
    for (int row = 0; row < m_sessions->rowCount(); ++row) {
        ProfileSession *session = m_sessions->session(row);
        if (session->state() != ConnectionState::Disconnected) {
            anyOpen = true;
            if (!m_closing)
                session->disconnectFromServer();
        } else if (session->isActive()) {
            session->disconnectFromServer(); // a pending reconnect or secret read
        }
    }
    if (!anyOpen || m_closing) {
        // The saved logs' windows are this application's too: left open, they would keep it running
        // with no way back to this window.
        for (const QPointer<SavedLogWindow> &savedLog : std::as_const(m_savedLogs)) {
            if (savedLog)
                savedLog->close();
        }
        event->accept();
        return;
    }
    m_closing = true;
    event->ignore();
    // Stay visible (a hidden window's close would not end the app) but show why we wait.
    centralWidget()->setEnabled(false);
    menuBar()->setEnabled(false);
    statusBar()->showMessage(tr("Closing connections…"));
    QTimer::singleShot(closeGraceMs, this, &QWidget::close);
    connect(m_sessions.get(), &QAbstractItemModel::dataChanged, this, [this] {
        for (int row = 0; row < m_sessions->rowCount(); ++row) {
            if (m_sessions->session(row)->state() != ConnectionState::Disconnected)
                return;
        }
        close();
    });
}

} // namespace xcm
