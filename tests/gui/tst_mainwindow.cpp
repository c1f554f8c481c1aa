// SPDX-License-Identifier: GPL-3.0-or-later
// The real main window, driven with QTest (offscreen) against a real Prosody and a real Secret Service
// keychain (run inside tests/run-with-keychain). The test slots run in order and build on each other:
// profiles are created through the editor, the app is restarted, the components connect, talk, and the
// log is filtered and exported.
//
// Run with XCM_EXPECT_KEYCHAIN=0 and no session bus, only noKeychain() runs: the secret stays in memory.
#include "composehistory.h"
#include "composewidget.h"
#include "connectionbar.h"
#include "connectiontimeline.h"
#include "elidedlabel.h"
#include "handshake.h"
#include "keychainbanner.h"
#include "mainwindow.h"
#include "prerequisite.h"
#include "profiledelegate.h"
#include "profileeditor.h"
#include "profilesession.h"
#include "profilestore.h"
#include "prosodyserver.h"
#include "secretclipboard.h"
#include "secretprompt.h"
#include "secretstore.h"
#include "secrettool.h"
#include "sessionlistmodel.h"
#include "sessionpage.h"
#include "stanzalogfiltermodel.h"
#include "stanzalogmodel.h"
#include "stanzalogview.h"
#include "timelinedialog.h"
#include "trafficcounter.h"
#include "trafficgraph.h"
#include "windowdriver.h"
#include "xmlelement.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QSplitter>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QUuid>

using namespace Qt::StringLiterals;
using namespace xcm;
using xcm::test::ComponentAccount;
using xcm::test::ProsodyServer;
using xcm::test::secretToolLookup;

namespace {

const ComponentAccount alphaAccount{u"alpha.localhost"_s, u"alpha-Secret-71"_s};
const ComponentAccount beta{u"beta.localhost"_s, u"beta-Secret-72"_s};
const ComponentAccount gammaAccount{u"gamma.localhost"_s, u"gamma-Secret-73"_s};

// Replaces a line edit's text the way a user does: select all, type.
void typeInto(QWidget *edit, const QString &text)
{
    edit->setFocus();
    QTest::keyClick(edit, Qt::Key_A, Qt::ControlModifier);
    if (text.isEmpty())
        QTest::keyClick(edit, Qt::Key_Delete);
    const QStringList lines = text.split(u'\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (i > 0)
            QTest::keyClick(edit, Qt::Key_Return); // QTest::keyClicks has no key for '\n'
        QTest::keyClicks(edit, lines.at(i));
    }
}

// Writes a chat message with `body` into the compose form, from bot@ to someone@alpha.localhost (Alpha
// is not connected then: Prosody bounces it).
void composeChatToAlpha(ComposeWidget *compose, const QString &body)
{
    compose->applyTemplate(StanzaTemplate::MessageChat);
    compose->setFromLocalPart(u"bot"_s);
    compose->setTo(u"someone@alpha.localhost"_s);
    compose->setXml(QString(compose->xml()).replace(u"Hello from xcm"_s, body));
}

bool logContains(const ProfileSession *session, Direction direction, const QString &text)
{
    const StanzaLogModel *log = session->log();
    for (int row = 0; row < log->rowCount(); ++row) {
        if (log->directionAt(row) == direction && log->wireAt(row).contains(text.toUtf8()))
            return true;
    }
    return false;
}

QAbstractButton *buttonWithRole(const QMessageBox *box, QMessageBox::ButtonRole role)
{
    for (QAbstractButton *button : box->buttons()) {
        if (box->buttonRole(button) == role)
            return button;
    }
    return nullptr;
}

// Everything on disk that the app wrote: settings and data (history).
QByteArray everythingWritten()
{
    QByteArray all;
    const QStringList roots = {QFileInfo(QSettings().fileName()).absolutePath(),
                               QFileInfo(ComposeHistory::directory()).absolutePath()};
    for (const QString &root : roots) {
        QDirIterator it(root, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile file(it.next());
            if (file.open(QIODevice::ReadOnly))
                all += file.readAll();
        }
    }
    return all;
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void createsProfileThroughEditor();
    void editorValidatesAndGeneratesSecrets();
    void restartReadsSecretFromKeychain();
    void buildsPagesWhenFirstShown();
    void connectsAndShowsState();
    void composeValidatesLive();
    void windowFitsHalfAScreen();
    void sendsMessageFromOneComponentToAnother();
    void pastesLargeStanzaAndSendsItExactly();
    void shortcutsSwitchProfilesAndFocusCompose();
    void filtersLog();
    void exportsLogWithoutSecrets();
    void logKeysWorkAnywhereInTheWindow();
    void historyResendsAndSurvivesRestart();
    void wrongSecretExplainsNotAuthorized();
    void countsDownToReconnectAfterServerLoss();
    void queuesStanzasWhileReconnecting();
    void discardsQueueWhenAttemptsRunOutOrSecretIsRejected();
    void timelineShowsAttemptsAndGraphShowsTraffic();
    void deletesProfileWithItsSecret();

    void noKeychain();

private:
    void startWindow();
    bool activate() { return xcm::test::activateWindow(m_window.get()); }
    ProfileEditor *openEditor(const QKeySequence &shortcut)
    {
        return xcm::test::openEditor(m_window.get(), shortcut);
    }
    ProfileEditor *findEditor() const { return xcm::test::visibleEditor(m_window.get()); }
    void createProfile(const QString &name, const ComponentAccount &account, const QString &secret);
    void select(const QString &name);
    ProfileSession *session(const QString &name) const
    {
        return xcm::test::sessionNamed(m_window.get(), name);
    }
    SessionPage *page(const QString &name) const { return xcm::test::pageNamed(m_window.get(), name); }
    bool waitForState(const QString &name, ConnectionState state, int timeoutMs = 15000);

    bool m_expectKeychain = true;
    std::unique_ptr<ProsodyServer> m_server;
    std::unique_ptr<MainWindow> m_window;
    QTemporaryDir m_dir;
    QString m_token; // the body of the message A sends to B
};

void TestMainWindow::initTestCase()
{
    m_expectKeychain = qEnvironmentVariable("XCM_EXPECT_KEYCHAIN", u"1"_s) != u"0";
    XCM_REQUIRE_PREREQUISITE(!m_expectKeychain || !qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
                             u"no session bus: run this test through tests/run-with-keychain"_s);
    QString why;
    XCM_REQUIRE_PREREQUISITE(ProsodyServer::available(&why), why);

    // Settings and history in the test locations (~/.qttest), emptied first.
    QStandardPaths::setTestModeEnabled(true);
    QApplication::setQuitOnLastWindowClosed(false); // the test restarts the window, not the process
    QApplication::setOrganizationName(u"xcm"_s);
    QApplication::setApplicationName(u"xcm"_s);
    QSettings().clear();
    QDir(ComposeHistory::directory()).removeRecursively();

    m_server = std::make_unique<ProsodyServer>(QList<ComponentAccount>{alphaAccount, beta, gammaAccount});
    QVERIFY2(m_server->start(&why), qPrintable(why));
    m_token = u"hello-"_s + QUuid::createUuid().toString(QUuid::Id128).left(12);
}

void TestMainWindow::cleanupTestCase()
{
    m_window.reset();
    if (m_server)
        m_server->stop();
}

void TestMainWindow::startWindow()
{
    m_window = std::make_unique<MainWindow>();
    m_window->resize(1200, 800);
    m_window->show();
    QVERIFY(activate());
}

void TestMainWindow::createProfile(const QString &name, const ComponentAccount &account,
                                   const QString &secret)
{
    ProfileEditor *editor = openEditor(QKeySequence::New);
    QVERIFY(editor);
    typeInto(editor->findChild<QLineEdit *>(u"name"_s), name);
    typeInto(editor->findChild<QLineEdit *>(u"host"_s), u"127.0.0.1"_s);
    typeInto(editor->findChild<QSpinBox *>(u"port"_s), QString::number(m_server->componentPort()));
    typeInto(editor->findChild<QLineEdit *>(u"domain"_s), account.domain);
    typeInto(editor->findChild<QLineEdit *>(u"secret"_s), secret);
    QVERIFY2(editor->problem().isEmpty(), qPrintable(editor->problem()));
    QTest::keyClick(editor, Qt::Key_Return); // the default button: Create
    QTRY_VERIFY(!findEditor());
    QVERIFY(!m_window->profileStore()->findByName(name).isNull());
}

void TestMainWindow::select(const QString &name)
{
    QVERIFY(m_window->selectProfileByName(name));
    QCOMPARE(m_window->currentSession()->profile().name, name);
}

bool TestMainWindow::waitForState(const QString &name, ConnectionState state, int timeoutMs)
{
    return QTest::qWaitFor([&] { return session(name) && session(name)->state() == state; }, timeoutMs);
}

void TestMainWindow::createsProfileThroughEditor()
{
    if (!m_expectKeychain)
        QSKIP("needs a keychain");
    startWindow();
    QVERIFY(m_window->findChild<QWidget *>(u"emptyPage"_s)->isVisible());
    // The keychain is probed at start, before any secret is stored or read.
    QTRY_COMPARE(m_window->secretStore()->status(), SecretStore::Status::Available);
    // With no profile, what needs one is off (Rules, the timeline, Connect All were offered and did
    // nothing); so are Next and Previous with one.
    const auto enabled = [this](const QString &action) {
        return m_window->findChild<QAction *>(action)->isEnabled();
    };
    const QStringList needAProfile{u"rulesAction"_s,      u"timelineAction"_s,      u"focusComposeAction"_s,
                                   u"connectAllAction"_s, u"disconnectAllAction"_s, u"nextProfileAction"_s};
    for (const QString &action : needAProfile)
        QVERIFY2(!enabled(action), qPrintable(action));

    createProfile(u"Alpha"_s, alphaAccount, alphaAccount.secret);
    for (const QString &action : {u"rulesAction"_s, u"timelineAction"_s, u"connectAllAction"_s})
        QVERIFY2(enabled(action), qPrintable(action));
    QVERIFY(!enabled(u"nextProfileAction"_s)); // one profile: nowhere to go
    const Profile profile = m_window->profileStore()->findByName(u"Alpha"_s);
    QCOMPARE(profile.settings.domain, alphaAccount.domain);
    QCOMPARE(profile.settings.port, m_server->componentPort());
    QCOMPARE(m_window->currentSession()->profile().id, profile.id); // the new profile is selected
    QCOMPARE(m_window->profileList()->model()->rowCount(), 1);

    // The secret went to the Secret Service, under service "xcm" and the profile's id…
    QTRY_COMPARE_WITH_TIMEOUT(secretToolLookup(profile.secretKey()), alphaAccount.secret, 10000);
    QTRY_COMPARE(m_window->secretStore()->status(), SecretStore::Status::Available);
    QVERIFY(!m_window->findChild<KeychainBanner *>()->isVisible());
    // …and nowhere on disk.
    QVERIFY(!everythingWritten().contains(alphaAccount.secret.toUtf8()));
    QVERIFY(everythingWritten().contains(alphaAccount.domain.toUtf8()));

    createProfile(u"Beta"_s, beta, beta.secret);
    createProfile(u"Gamma (wrong secret)"_s, gammaAccount, u"not-the-secret"_s);
    QCOMPARE(m_window->profileList()->model()->rowCount(), 3);
}

void TestMainWindow::editorValidatesAndGeneratesSecrets()
{
    if (!m_expectKeychain)
        QSKIP("needs a keychain");
    ProfileEditor *editor = openEditor(QKeySequence::New);
    QVERIFY(editor);
    auto *name = editor->findChild<QLineEdit *>(u"name"_s);
    auto *domain = editor->findChild<QLineEdit *>(u"domain"_s);
    auto *secret = editor->findChild<QLineEdit *>(u"secret"_s);
    auto *save = editor->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save);
    auto *error = editor->findChild<QLabel *>(u"error"_s);
    QVERIFY(editor->findChild<QLabel *>(u"keychainNote"_s)
                ->text()
                .startsWith(u"Stored in the system keychain"_s));

    // A fresh form is unfinished, not wrong: what is missing is a hint, and Create says what it is.
    QVERIFY(editor->problem().contains(u"component domain"_s));
    QVERIFY(!editor->problemShownAsError());
    QVERIFY(save->isEnabled());
    QTest::mouseClick(save, Qt::LeftButton);
    QVERIFY(findEditor());
    QVERIFY(editor->problemShownAsError());
    QVERIFY(error->isVisible());
    QVERIFY(!save->isEnabled());
    QCOMPARE(editor->focusWidget(), domain);

    typeInto(name, u"alpha"_s); // names are unique, case-insensitively
    QVERIFY(editor->problem().contains(u"already called"_s));
    QVERIFY(!save->isEnabled());
    typeInto(name, u"Scratch"_s);
    typeInto(domain, u"bad domain"_s);
    QVERIFY2(editor->problem().contains(u"not valid"_s), qPrintable(editor->problem()));
    QVERIFY(editor->findChild<QLabel *>(u"error"_s)->isVisible());
    typeInto(domain, u"scratch.localhost"_s);
    QVERIFY(editor->problem().isEmpty());
    QVERIFY(save->isEnabled());
    // A server that no lookup could find is refused at once (it was saved, then retried for ever).
    auto *host = editor->findChild<QLineEdit *>(u"host"_s);
    typeInto(host, u"bad host!!"_s);
    QVERIFY2(editor->problem().contains(u"The server is not a host name or address"_s),
             qPrintable(editor->problem()));
    QVERIFY(!save->isEnabled());
    typeInto(host, u"127.0.0.1"_s);
    QVERIFY(editor->problem().isEmpty());

    // The TLS server name: only with direct TLS, a domain, empty for "the server's name".
    auto *directTls = editor->findChild<QCheckBox *>(u"directTls"_s);
    auto *tlsName = editor->findChild<QLineEdit *>(u"tlsServerName"_s);
    QVERIFY(!tlsName->isEnabled());
    QCOMPARE(tlsName->placeholderText(), u"same as server"_s);
    directTls->setChecked(true);
    QVERIFY(tlsName->isEnabled());
    typeInto(tlsName, u"not a name!"_s);
    QVERIFY2(editor->problem().contains(u"TLS server name is not valid"_s), qPrintable(editor->problem()));
    QVERIFY(editor->problemShownAsError());
    QVERIFY(!save->isEnabled());
    typeInto(tlsName, u"XMPP.Example.org"_s);
    QVERIFY(editor->problem().isEmpty());
    QCOMPARE(editor->profile().settings.tlsServerName, u"xmpp.example.org"_s);
    directTls->setChecked(false);
    QVERIFY(!tlsName->isEnabled());
    QCOMPARE(editor->profile().settings.tlsServerName, QString());

    // Hidden by default; Generate makes a strong one and shows it so it can be copied to the server.
    QCOMPARE(secret->echoMode(), QLineEdit::Password);
    QTest::mouseClick(editor->findChild<QPushButton *>(u"generateSecret"_s), Qt::LeftButton);
    QCOMPARE(secret->text().size(), 32);
    QVERIFY(secret->text().contains(QRegularExpression(u"^[A-Za-z0-9]{32}$"_s)));
    QCOMPARE(secret->echoMode(), QLineEdit::Normal);
    QVERIFY(editor->secretChanged());
    editor->findChild<QAction *>(u"showSecret"_s)->toggle();
    QCOMPARE(secret->echoMode(), QLineEdit::Password);
    QVERIFY(ProfileEditor::generateSecret() != ProfileEditor::generateSecret());

    // Copy marks the secret for clipboard managers and takes it off the clipboard again later.
    QClipboard *clipboard = QApplication::clipboard();
    QTest::mouseClick(editor->findChild<QToolButton *>(u"copySecret"_s), Qt::LeftButton);
    QCOMPARE(clipboard->text(), secret->text());
    QCOMPARE(clipboard->mimeData()->data(u"x-kde-passwordManagerHint"_s), "secret");
    copySecretToClipboard(secret->text(), std::chrono::milliseconds(100));
    QTRY_COMPARE(clipboard->text(), QString());
    copySecretToClipboard(secret->text(), std::chrono::milliseconds(100));
    clipboard->setText(u"copied since"_s);
    QTest::qWait(300); // past the secret's lifetime: what was copied since must stay
    QCOMPARE(clipboard->text(), u"copied since"_s);

    QTest::keyClick(editor, Qt::Key_Escape);
    QTRY_VERIFY(!findEditor());
    QVERIFY(m_window->profileStore()->findByName(u"Scratch"_s).isNull());
}

void TestMainWindow::restartReadsSecretFromKeychain()
{
    if (!m_expectKeychain)
        QSKIP("needs a keychain");
    select(u"Beta"_s);
    m_window.reset(); // the app object goes: its SecretStore (and any memory of secrets) with it
    startWindow();

    QCOMPARE(m_window->profileList()->model()->rowCount(), 3);
    QCOMPARE(m_window->currentSession()->profile().name, u"Beta"_s); // the selection is remembered
    select(u"Alpha"_s);
    ProfileEditor *editor = openEditor(QKeySequence(Qt::Key_F2));
    QVERIFY(editor);
    auto *secret = editor->findChild<QLineEdit *>(u"secret"_s);
    QTRY_COMPARE_WITH_TIMEOUT(secret->text(), alphaAccount.secret, 10000); // read back from the keychain
    QVERIFY(secret->isEnabled());
    QVERIFY(!editor->secretChanged());
    QTest::keyClick(editor, Qt::Key_Escape);
    QTRY_VERIFY(!findEditor());
}

// Only the shown profile's page is built at start (fifty pages cost ~5 ms each); another's is built when
// it is shown or asked for.
void TestMainWindow::buildsPagesWhenFirstShown()
{
    QVERIFY(m_window->profileList()->model()->rowCount() >= 3);
    select(u"Beta"_s);
    m_window.reset();
    startWindow();
    QCOMPARE(m_window->findChildren<SessionPage *>().size(), 1);
    QCOMPARE(m_window->currentPage(), m_window->findChild<SessionPage *>());
    QCOMPARE(m_window->currentPage()->session()->profile().name, u"Beta"_s);

    // A profile connected before its page is built: the timeline and the traffic are the session's,
    // recorded all along, and the page shows them once built.
    if (m_expectKeychain) {
        session(u"Alpha"_s)->connectToServer();
        QVERIFY(waitForState(u"Alpha"_s, ConnectionState::Connected, 10000));
        session(u"Alpha"_s)->disconnectFromServer();
        QVERIFY(waitForState(u"Alpha"_s, ConnectionState::Disconnected, 10000));
        QCOMPARE(m_window->findChildren<SessionPage *>().size(), 1);
    }
    select(u"Alpha"_s);
    QCOMPARE(m_window->findChildren<SessionPage *>().size(), 2);
    if (m_expectKeychain) {
        QVERIFY(m_window->currentPage()->connectionBar()->timeline()->rowCount() > 0);
        TrafficCounter *traffic = m_window->currentPage()->connectionBar()->traffic();
        traffic->tick(); // the second being counted, closed
        QVERIFY(traffic->totalIn() > 0);
    }
    QVERIFY(m_window->currentPage()->isVisible());
    QCOMPARE(m_window->currentPage()->session()->profile().name, u"Alpha"_s);
    // Remembered a moment after the switch, without a close: a crash later still comes back to it.
    QTRY_COMPARE(QSettings().value(u"window/selectedProfile"_s).toString(),
                 session(u"Alpha"_s)->profile().id.toString(QUuid::WithoutBraces));

    SessionPage *gamma = page(u"Gamma (wrong secret)"_s); // asked for, not shown
    QVERIFY(gamma);
    QCOMPARE(m_window->findChildren<SessionPage *>().size(), 3);
    QVERIFY(!gamma->isVisible());
    QCOMPARE(m_window->currentPage()->session()->profile().name, u"Alpha"_s);

    // The next tests begin where no profile has connected yet.
    m_window.reset();
    startWindow();
}

void TestMainWindow::connectsAndShowsState()
{
    if (!m_expectKeychain)
        QSKIP("needs a keychain");
    select(u"Alpha"_s);
    SessionPage *alphaPage = page(u"Alpha"_s);
    auto *stateLabel = alphaPage->findChild<QLabel *>(u"stateLabel"_s);
    auto *connectButton = alphaPage->findChild<QPushButton *>(u"connectButton"_s);
    QCOMPARE(stateLabel->text(), u"Disconnected"_s);
    QCOMPARE(connectButton->text(), u"&Connect"_s);
    // No reason yet: the line says how the profile keeps and restores its connection instead.
    auto *reasonLabel = alphaPage->findChild<QLabel *>(u"reasonLabel"_s);
    QVERIFY2(reasonLabel->text().startsWith(u"Not connected · keepalive every "_s) &&
                 reasonLabel->text().contains(u"reconnects after 1–60 s"_s),
             qPrintable(reasonLabel->text()));
    QVERIFY(reasonLabel->isVisible());
    QVERIFY(reasonLabel->height() >= reasonLabel->fontMetrics().height());

    // Ctrl+Shift+C connects the selected profile; the secret comes from the keychain.
    QVERIFY(activate());
    QTest::keySequence(m_window.get(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    QVERIFY(waitForState(u"Alpha"_s, ConnectionState::Connected));
    QTRY_VERIFY(stateLabel->text().startsWith(u"Connected"_s));
    QCOMPARE(connectButton->text(), u"&Disconnect"_s);
    QVERIFY2(m_window->windowTitle().startsWith(u"Alpha — Connected"_s), qPrintable(m_window->windowTitle()));
    QTRY_VERIFY(m_window->statusText().startsWith(u"Alpha: Connected · up"_s));
    // Uptime counts on its own: 0:00 at first, 0:02 two seconds later.
    QTRY_VERIFY_WITH_TIMEOUT(m_window->statusText().startsWith(u"Alpha: Connected · up 0:02"_s), 4000);
    const QModelIndex alphaRow = m_window->sessions()->indexOf(session(u"Alpha"_s)->profile().id);
    QCOMPARE(alphaRow.data(SessionListModel::StateTextRole).toString(), u"Connected"_s);
    QTRY_VERIFY(alphaPage->connectionBar()->countersText().startsWith(u"In 1 "_s)); // the handshake answer
    const QString streamId = session(u"Alpha"_s)->connection()->streamId();
    QVERIFY(!streamId.isEmpty());
    QVERIFY2(reasonLabel->text().startsWith(u"Stream "_s + streamId + u" · keepalive every"_s),
             qPrintable(reasonLabel->text()));

    // A second profile connects too, with its own button, while the first stays connected.
    select(u"Beta"_s);
    QTest::mouseClick(page(u"Beta"_s)->findChild<QPushButton *>(u"connectButton"_s), Qt::LeftButton);
    QVERIFY(waitForState(u"Beta"_s, ConnectionState::Connected));
    QVERIFY(m_window->windowTitle().startsWith(u"Beta — Connected"_s));
    QCOMPARE(session(u"Alpha"_s)->state(), ConnectionState::Connected);
}

void TestMainWindow::windowFitsHalfAScreen()
{
    // Half of a 1920 px screen, with the sidebar, the log bar and the compose form of every profile.
    if (!m_expectKeychain)
        QSKIP("needs the profiles of the keychain tests");
    for (const QString &name : {u"Alpha"_s, u"Beta"_s}) {
        select(name);
        QVERIFY2(m_window->minimumSizeHint().width() <= 960,
                 qPrintable(u"%1: %2 px"_s.arg(name).arg(m_window->minimumSizeHint().width())));
    }
}

void TestMainWindow::composeValidatesLive()
{
    if (!m_expectKeychain)
        QSKIP("needs a keychain");
    select(u"Alpha"_s);
    ComposeWidget *compose = page(u"Alpha"_s)->compose();
    auto *editor = compose->findChild<QPlainTextEdit *>(u"xmlEditor"_s);
    auto *validation = compose->findChild<QLabel *>(u"validation"_s);
    auto *send = compose->findChild<QPushButton *>(u"sendButton"_s);
    auto *to = compose->findChild<QLineEdit *>(u"to"_s);
    auto *sendAction = m_window->findChild<QAction *>(u"sendAction"_s);

    typeInto(editor, u"<message to='x@example.org' from='bot@alpha.localhost'><body>hi</body>"_s);
    QVERIFY2(validation->text().contains(u"not closed"_s), qPrintable(validation->text()));
    QVERIFY(!send->isEnabled());
    QVERIFY(!compose->canSend());

    // The window's Send action (Ctrl+Return) follows the editor at once, with no event loop turn.
    compose->setXml(u"<message to='x@example.org' from='bot@alpha.localhost'/>"_s);
    QVERIFY(compose->canSend());
    QVERIFY(sendAction->isEnabled());
    compose->setXml(u"<message to='x@example.org' from='bot@alpha.localhost'>"_s);
    QVERIFY(!compose->canSend());
    QVERIFY(!sendAction->isEnabled());

    typeInto(editor, u"<message to='x@example.org' from='bot@beta.localhost'/>"_s);
    QVERIFY2(validation->text().contains(u"invalid-from"_s), qPrintable(validation->text()));
    QVERIFY(!send->isEnabled());

    typeInto(editor, u"<message to='x@example.org' from='bot@alpha.localhost'/><message/>"_s);
    QVERIFY2(validation->text().contains(u"only one may be given"_s), qPrintable(validation->text()));

    // The template selector follows the editor: an iq ping typed by hand is the ping template, a
    // roster query none of them.
    auto *templates = compose->findChild<QComboBox *>(u"template"_s);
    const QString typedPing =
        u"<iq type='get' id='p1' to='localhost' from='alpha.localhost'><ping xmlns='urn:xmpp:ping'/></iq>"_s;
    typeInto(editor, typedPing);
    QCOMPARE(templates->currentData().toInt(), int(StanzaTemplate::IqPing));
    typeInto(editor, QString(typedPing).replace(u"<ping xmlns='urn:xmpp:ping'/>"_s,
                                                u"<query xmlns='jabber:iq:roster'/>"_s));
    QCOMPARE(templates->currentData().toInt(), int(StanzaTemplate::Raw));
    QCOMPARE(templates->currentText(), u"Raw XML"_s);

    // The template and the address fields write into the editor; the editor writes back into the fields.
    compose->applyTemplate(StanzaTemplate::IqPing);
    QVERIFY(compose->xml().contains(u"urn:xmpp:ping"_s));
    typeInto(to, u"not an address@@"_s);
    QVERIFY(!send->isEnabled());
    QVERIFY(validation->text().contains(u"'to' is not a valid address"_s));
    typeInto(to, u"localhost"_s);
    QVERIFY2(send->isEnabled(), qPrintable(validation->text()));
    QVERIFY(compose->xml().contains(u"to='localhost'"_s));
    QVERIFY(validation->text().startsWith(u"✓ Ready to send"_s));

    // The From field takes a resource after '/', and keeps the one the editor has when To changes
    // (it made from='bot@alpha.localhost/res@alpha.localhost' of a whole address, and dropped a resource).
    QLineEdit *from = compose->findChild<QComboBox *>(u"fromLocal"_s)->lineEdit();
    typeInto(from, u"bot/desk"_s);
    QVERIFY2(compose->xml().contains(u"from='bot@alpha.localhost/desk'"_s), qPrintable(compose->xml()));
    typeInto(editor,
             u"<message from='bot@alpha.localhost/res' to='z@example.org'><body>hi</body></message>"_s);
    QCOMPARE(from->text(), u"bot/res"_s);
    typeInto(to, u"y@example.org"_s);
    QVERIFY2(compose->xml().contains(u"from='bot@alpha.localhost/res'"_s), qPrintable(compose->xml()));
    QVERIFY2(send->isEnabled(), qPrintable(validation->text()));
    // A whole address on the domain stands as it is; one elsewhere is refused as it was typed.
    typeInto(from, u"bot@alpha.localhost/res2"_s);
    QVERIFY2(compose->xml().contains(u"from='bot@alpha.localhost/res2'"_s), qPrintable(compose->xml()));
    QVERIFY2(send->isEnabled(), qPrintable(validation->text()));
    typeInto(from, u"x@other.org"_s);
    QVERIFY2(compose->xml().contains(u"from='x@other.org'"_s), qPrintable(compose->xml()));
    QVERIFY(!send->isEnabled());
    QVERIFY2(validation->text().contains(u"other.org"_s), qPrintable(validation->text()));
    // XML without 'from': the field says there is none, not "(domain only)" (which Send then refused).
    typeInto(editor, u"<message to='z@example.org'><body>no from</body></message>"_s);
    QCOMPARE(from->text(), QString());
    QCOMPARE(from->placeholderText(), u"(none)"_s);
    QVERIFY(!send->isEnabled());
    typeInto(from, u"bot"_s); // and typing one in puts it there
    QVERIFY2(compose->xml().contains(u"from='bot@alpha.localhost'"_s), qPrintable(compose->xml()));
    QCOMPARE(from->placeholderText(), u"(domain only)"_s);
    // An empty 'from' is not the domain's; one elsewhere shows as written, not the field's last.
    typeInto(editor, u"<message from='' to='z@example.org'><body>empty from</body></message>"_s);
    QCOMPARE(from->text(), QString());
    QCOMPARE(from->placeholderText(), u"(empty)"_s);
    QVERIFY(!send->isEnabled());
    typeInto(editor, u"<message from='x@other.org' to='z@example.org'><body>elsewhere</body></message>"_s);
    QCOMPARE(from->text(), u"x@other.org"_s);
    QVERIFY(!send->isEnabled());
    typeInto(editor, u"<message from='alpha.localhost' to='z@example.org'><body>domain</body></message>"_s);
    QCOMPARE(from->text(), QString());
    QCOMPARE(from->placeholderText(), u"(domain only)"_s);
    QVERIFY2(send->isEnabled(), qPrintable(validation->text()));

    // Not connected: valid, but Send stays disabled.
    select(u"Gamma (wrong secret)"_s);
    ComposeWidget *gammaCompose = page(u"Gamma (wrong secret)"_s)->compose();
    gammaCompose->setTo(u"someone@localhost"_s);
    QVERIFY(gammaCompose->xml().contains(u"someone@localhost"_s));
    QVERIFY(!gammaCompose->findChild<QPushButton *>(u"sendButton"_s)->isEnabled());
    QVERIFY(gammaCompose->findChild<QLabel *>(u"validation"_s)->text().contains(u"connect to send"_s));
}

void TestMainWindow::sendsMessageFromOneComponentToAnother()
{
    if (!m_expectKeychain)
        QSKIP("needs a keychain");
    select(u"Alpha"_s);
    ComposeWidget *compose = page(u"Alpha"_s)->compose();
    auto *templates = compose->findChild<QComboBox *>(u"template"_s);
    templates->setCurrentIndex(templates->findData(int(StanzaTemplate::MessageChat)));
    Q_EMIT templates->activated(templates->currentIndex());
    typeInto(compose->findChild<QComboBox *>(u"fromLocal"_s)->lineEdit(), u"bot"_s);
    typeInto(compose->findChild<QLineEdit *>(u"to"_s), u"alice@beta.localhost"_s);
    QCOMPARE(compose->findChild<ElidedLabel *>(u"fromDomain"_s)->text(), u"@alpha.localhost"_s);
    const QString xml = compose->xml();
    QVERIFY2(xml.contains(u"from='bot@alpha.localhost'"_s) && xml.contains(u"to='alice@beta.localhost'"_s),
             qPrintable(xml));

    // Edit the body in the editor itself, then Ctrl+Return.
    auto *editor = compose->findChild<QPlainTextEdit *>(u"xmlEditor"_s);
    const QString sent = QString(xml).replace(u"Hello from xcm"_s, m_token);
    typeInto(editor, sent);
    QVERIFY(compose->canSend());
    QVERIFY(m_window->findChild<QAction *>(u"sendAction"_s)->isEnabled()); // at once, not at the next tick
    const ComponentConnection::Counters alphaBefore = session(u"Alpha"_s)->connection()->counters();
    const ComponentConnection::Counters betaBefore = session(u"Beta"_s)->connection()->counters();
    QTest::keyClick(editor, Qt::Key_Return, Qt::ControlModifier);

    QTRY_VERIFY_WITH_TIMEOUT(logContains(session(u"Alpha"_s), Direction::Sent, m_token), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(logContains(session(u"Beta"_s), Direction::Received, m_token), 10000);
    QVERIFY(compose->findChild<QLabel *>(u"validation"_s)->text().startsWith(u"✓ Sent"_s));

    // The counters count this stanza's own bytes: exactly what Alpha wrote, exactly what reached Beta
    // (Prosody rewrites it on the way, so Beta's size is the logged wire's), and the bar shows them.
    const ComponentConnection::Counters alphaAfter = session(u"Alpha"_s)->connection()->counters();
    QCOMPARE(alphaAfter.stanzasOut, alphaBefore.stanzasOut + 1);
    QCOMPARE(alphaAfter.bytesOut, alphaBefore.bytesOut + quint64(sent.toUtf8().size()));
    const StanzaLogModel *betaLog = session(u"Beta"_s)->log();
    const QByteArray delivered = betaLog->wireAt(betaLog->rowCount() - 1).toByteArray();
    QVERIFY2(delivered.contains(m_token.toUtf8()), delivered.constData());
    const ComponentConnection::Counters betaAfter = session(u"Beta"_s)->connection()->counters();
    QCOMPARE(betaAfter.stanzasIn, betaBefore.stanzasIn + 1);
    QCOMPARE(betaAfter.bytesIn, betaBefore.bytesIn + quint64(delivered.size()));
    const auto bytes = [](quint64 n) { return n < 1024 ? QString::number(n) + u" bytes"_s : QString(); };
    QVERIFY2(alphaAfter.bytesOut < 1024, "a short session's traffic, shown in bytes");
    QCOMPARE(page(u"Alpha"_s)->connectionBar()->countersText(),
             u"In %1 · %2    Out %3 · %4"_s.arg(alphaAfter.stanzasIn)
                 .arg(bytes(alphaAfter.bytesIn), QString::number(alphaAfter.stanzasOut),
                      bytes(alphaAfter.bytesOut)));

    // It is in Alpha's history, selected (so Resend works at once), with the time it was sent.
    ComposeHistory *history = session(u"Alpha"_s)->history();
    QCOMPARE(history->rowCount(), 1);
    QVERIFY(history->entry(0).xml.contains(m_token.toUtf8()));
    QCOMPARE(session(u"Alpha"_s)->connection()->counters().stanzasOut, 1u);
    auto *historyView = compose->findChild<QListView *>(u"history"_s);
    QCOMPARE(historyView->currentIndex().row(), 0);
    QVERIFY(compose->findChild<QPushButton *>(u"resendHistory"_s)->isEnabled());
    // Today's entries show the time as the locale writes it short.
    const QString row = historyView->model()->index(0, 0).data().toString();
    const QString sentAt = QLocale().toString(
        QDateTime::fromMSecsSinceEpoch(history->entry(0).sentAtMs).time(), QLocale::ShortFormat);
    QVERIFY2(QRegularExpression(u"^"_s + QRegularExpression::escape(sentAt) + u"  message chat “"_s +
                                m_token + u"” → alice@beta\\.localhost$"_s)
                 .match(row)
                 .hasMatch(),
             qPrintable(row));
    QCOMPARE(historyView->horizontalScrollBarPolicy(), Qt::ScrollBarAlwaysOff);
}

void TestMainWindow::pastesLargeStanzaAndSendsItExactly()
{
    if (!m_expectKeychain)
        QSKIP("needs a keychain");
    select(u"Beta"_s);
    ComposeWidget *compose = page(u"Beta"_s)->compose();
    auto *editor = compose->findChild<QPlainTextEdit *>(u"xmlEditor"_s);
    auto *bar = editor->findChild<QWidget *>(u"largeStanzaBar"_s);
    QVERIFY(bar && !bar->isVisible());
    const QString typed =
        u"<message to='x@example.org' from='bot@beta.localhost'><body>typed</body></message>"_s;
    compose->setXml(typed);

    // One unbroken 300 KB token, as base64 data is: held as pasted, the editor shows its start. (Not
    // m_token: the tests after this one count the rows that contain it.)
    QString token;
    const QString alphabet = u"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"_s;
    for (int i = 0; i < 300'000; ++i)
        token += alphabet.at(int((qint64(i) * 7919) % alphabet.size()));
    const QString large =
        u"<message from='bot@beta.localhost' to='alice@alpha.localhost' type='chat'><body>"_s +
        u"large-paste "_s + token + u"</body></message>"_s;
    QApplication::clipboard()->setText(large);
    editor->setFocus();
    editor->selectAll();
    QTest::keyClick(editor, Qt::Key_V, Qt::ControlModifier);
    QVERIFY(bar->isVisible());
    QVERIFY(editor->isReadOnly());
    QCOMPARE(compose->xml(), large);
    QVERIFY2(editor->toPlainText().size() < 6000, qPrintable(QString::number(editor->toPlainText().size())));
    QVERIFY(compose->canSend());

    // Ctrl+Z gives back what was there before the paste.
    QTest::keyClick(editor, Qt::Key_Z, Qt::ControlModifier);
    QVERIFY(!bar->isVisible());
    QVERIFY(!editor->isReadOnly());
    QCOMPARE(compose->xml(), typed);

    // Pasted again and sent: the server gets exactly the pasted bytes.
    editor->selectAll();
    QTest::keyClick(editor, Qt::Key_V, Qt::ControlModifier);
    QVERIFY(compose->send());
    QTRY_VERIFY_WITH_TIMEOUT(logContains(session(u"Alpha"_s), Direction::Received, u"large-paste"_s), 10000);
    // Beta's log takes its row in at its own next turn, which may come after Alpha's.
    QTRY_VERIFY(logContains(session(u"Beta"_s), Direction::Sent, u"large-paste"_s));
    const StanzaLogModel *log = session(u"Beta"_s)->log();
    QByteArray sent;
    for (int row = 0; row < log->rowCount(); ++row) {
        if (log->directionAt(row) == Direction::Sent && log->wireAt(row).contains("large-paste"))
            sent = log->wireAt(row).toByteArray();
    }
    QCOMPARE(sent, large.toUtf8());

    // Picking a template replaces the editor's text as one step that Ctrl+Z takes back.
    compose->setXml(QString());
    typeInto(editor, typed);
    auto *templates = compose->findChild<QComboBox *>(u"template"_s);
    templates->setCurrentIndex(templates->findData(int(StanzaTemplate::IqPing)));
    Q_EMIT templates->activated(templates->currentIndex());
    QVERIFY(compose->xml().contains(u"urn:xmpp:ping"_s));
    QTest::keyClick(editor, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(compose->xml(), typed);

    // Edit in Full puts the whole text in the editor, for those who must.
    editor->selectAll();
    QTest::keyClick(editor, Qt::Key_V, Qt::ControlModifier);
    editor->findChild<QAbstractButton *>(u"editInFullButton"_s)->click();
    QVERIFY(!bar->isVisible());
    QCOMPARE(editor->toPlainText(), large);
    compose->setXml(typed);
}

void TestMainWindow::shortcutsSwitchProfilesAndFocusCompose()
{
    if (!m_expectKeychain)
        QSKIP("needs a keychain");
    select(u"Alpha"_s);
    QVERIFY(activate());
    page(u"Alpha"_s)->logView()->setFocus(); // from anywhere in the window
    QTest::keySequence(m_window.get(), QKeySequence(Qt::CTRL | Qt::Key_PageDown));
    QCOMPARE(m_window->currentSession()->profile().name, u"Beta"_s);
    QTest::keySequence(m_window.get(), QKeySequence(Qt::CTRL | Qt::Key_PageUp));
    QCOMPARE(m_window->currentSession()->profile().name, u"Alpha"_s);
    QTest::keySequence(m_window.get(), QKeySequence(Qt::CTRL | Qt::Key_PageUp)); // round to the last
    QCOMPARE(m_window->currentSession()->profile().name, u"Gamma (wrong secret)"_s);
    QTest::keySequence(m_window.get(), QKeySequence(Qt::CTRL | Qt::Key_PageDown));
    QCOMPARE(m_window->currentSession()->profile().name, u"Alpha"_s);

    QTest::keySequence(m_window.get(), QKeySequence(Qt::CTRL | Qt::Key_M));
    QCOMPARE(QApplication::focusWidget(),
             page(u"Alpha"_s)->compose()->findChild<QPlainTextEdit *>(u"xmlEditor"_s));
}

void TestMainWindow::filtersLog()
{
    if (!m_expectKeychain)
        QSKIP("needs a keychain");
    for (const QString &name : {u"Alpha"_s, u"Beta"_s}) {
        select(name);
        StanzaLogView *view = page(name)->logView();
        QVERIFY(view->isVisible());
        const int all = view->filterModel()->rowCount();
        QVERIFY2(all >= 5, qPrintable(QString::number(all))); // header ×2, handshake ×2, the message
        typeInto(view->findChild<QLineEdit *>(u"searchEdit"_s), m_token);
        QTRY_COMPARE(view->filterModel()->rowCount(), 1);
        const QModelIndex shown = view->filterModel()->index(0, 0);
        QVERIFY(shown.data(StanzaLogModel::WireRole).toByteArray().contains(m_token.toUtf8()));
        typeInto(view->findChild<QLineEdit *>(u"searchEdit"_s), {});
        QTRY_COMPARE(view->filterModel()->rowCount(), all);
    }
}

void TestMainWindow::exportsLogWithoutSecrets()
{
    if (!m_expectKeychain)
        QSKIP("needs a keychain");
    select(u"Alpha"_s);
    StanzaLogView *view = page(u"Alpha"_s)->logView();
    const QString path = m_dir.filePath(u"alpha.xmllog"_s);
    QSignalSpy exports(view, &StanzaLogView::exportFinished);
    QVERIFY(view->exportTo(path));
    QTRY_COMPARE(exports.count(), 1);
    QVERIFY(exports.last().at(0).toBool());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray exported = file.readAll();
    QVERIFY(exported.contains(m_token.toUtf8()));
    QVERIFY(exported.contains("<handshake>[redacted]</handshake>"));
    QVERIFY(!exported.contains(alphaAccount.secret.toUtf8()));
    const QString streamId = session(u"Alpha"_s)->connection()->streamId();
    QVERIFY(!streamId.isEmpty());
    QVERIFY(!exported.contains(handshakeDigest(streamId, alphaAccount.secret)));

    // What the filter shows, as JSON Lines.
    typeInto(view->findChild<QLineEdit *>(u"searchEdit"_s), m_token);
    QTRY_COMPARE(view->filterModel()->rowCount(), 1);
    const QString shownPath = m_dir.filePath(u"alpha-shown.jsonl"_s);
    QVERIFY(view->exportTo(shownPath, true));
    QTRY_COMPARE(exports.count(), 2);
    QFile shown(shownPath);
    QVERIFY(shown.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = shown.readAll().trimmed().split('\n');
    QCOMPARE(lines.size(), 1);
    QVERIFY(lines.first().contains(m_token.toUtf8()));
    typeInto(view->findChild<QLineEdit *>(u"searchEdit"_s), {});
}

void TestMainWindow::logKeysWorkAnywhereInTheWindow()
{
    if (!m_expectKeychain)
        QSKIP("needs a keychain");
    select(u"Alpha"_s);
    QVERIFY(activate());
    StanzaLogView *alphaLog = page(u"Alpha"_s)->logView();
    StanzaLogView *betaLog = page(u"Beta"_s)->logView();
    auto *search = alphaLog->findChild<QLineEdit *>(u"searchEdit"_s);
    QListView *list = m_window->profileList();
    auto *xmlEditor = page(u"Alpha"_s)->compose()->findChild<QPlainTextEdit *>(u"xmlEditor"_s);

    // Focus in the profile list, where it starts: Ctrl+F goes to the shown log's search box…
    list->setFocus();
    QTRY_VERIFY(list->hasFocus());
    QTest::keyClick(list, Qt::Key_F, Qt::ControlModifier);
    QTRY_VERIFY(search->hasFocus());
    // …and Ctrl+P pauses that log, not the hidden one.
    list->setFocus();
    QTest::keyClick(list, Qt::Key_P, Qt::ControlModifier);
    QVERIFY(alphaLog->isPaused());
    QVERIFY(!betaLog->isPaused());
    // The same from the compose editor.
    xmlEditor->setFocus();
    QTRY_VERIFY(xmlEditor->hasFocus());
    QTest::keyClick(xmlEditor, Qt::Key_P, Qt::ControlModifier);
    QVERIFY(!alphaLog->isPaused());
    QTest::keyClick(xmlEditor, Qt::Key_F, Qt::ControlModifier);
    QTRY_VERIFY(search->hasFocus());
    // Space pauses only in the log's list: elsewhere it is a key like any other.
    list->setFocus();
    QTest::keyClick(list, Qt::Key_Space);
    QVERIFY(!alphaLog->isPaused());

    // The Log menu holds the shown log's actions, checked as that log is.
    auto *menu = m_window->findChild<QMenu *>(u"logMenu"_s);
    QVERIFY(menu);
    const auto menuAction = [menu](const QString &name) -> QAction * {
        const QList<QAction *> actions = menu->actions();
        for (QAction *action : actions) {
            if (action->objectName() == name)
                return action;
        }
        qWarning("no %s in the Log menu", qPrintable(name));
        return nullptr;
    };
    QVERIFY(menu->menuAction()->isEnabled());
    for (const QString &name :
         {u"findAction"_s, u"findNextAction"_s, u"findPreviousAction"_s, u"errorsOnlyAction"_s,
          u"followAction"_s, u"copyStanzaAction"_s, u"clearAction"_s, u"exportAction"_s})
        QVERIFY(menuAction(name));
    QAction *pause = menuAction(u"pauseAction"_s);
    QVERIFY(pause && pause->isCheckable() && !pause->isChecked());
    pause->trigger();
    QVERIFY(alphaLog->isPaused());
    QCOMPARE(pause->text(), u"&Resume"_s);
    QVERIFY(menuAction(u"followAction"_s)->isChecked());

    select(u"Beta"_s);
    QVERIFY(!menuAction(u"pauseAction"_s)->isChecked()); // Beta's log is not paused
    QTest::keyClick(list, Qt::Key_P, Qt::ControlModifier);
    QVERIFY(betaLog->isPaused());
    QVERIFY(menuAction(u"pauseAction"_s)->isChecked());
    QTest::keyClick(list, Qt::Key_P, Qt::ControlModifier);
    QVERIFY(!betaLog->isPaused());
    QVERIFY(alphaLog->isPaused()); // not on screen: untouched
    select(u"Alpha"_s);
    QVERIFY(menuAction(u"pauseAction"_s)->isChecked());
    QTest::keyClick(list, Qt::Key_P, Qt::ControlModifier);
    QVERIFY(!alphaLog->isPaused());
}

void TestMainWindow::historyResendsAndSurvivesRestart()
{
    if (!m_expectKeychain)
        QSKIP("needs a keychain");
    select(u"Alpha"_s);
    ComposeWidget *compose = page(u"Alpha"_s)->compose();
    auto *resend = compose->findChild<QPushButton *>(u"resendHistory"_s);
    QVERIFY(resend->isEnabled());
    QTest::mouseClick(resend, Qt::LeftButton);
    QTRY_COMPARE(session(u"Alpha"_s)->connection()->counters().stanzasOut, 2u);
    const auto received = [this] {
        int count = 0;
        StanzaLogModel *log = session(u"Beta"_s)->log();
        for (int row = 0; row < log->rowCount(); ++row)
            count += log->wireAt(row).contains(m_token.toUtf8()) ? 1 : 0;
        return count;
    };
    QTRY_COMPARE_WITH_TIMEOUT(received(), 2, 10000);
    QCOMPARE(session(u"Alpha"_s)->history()->rowCount(), 1); // re-sent, not duplicated

    // Edit loads it into the editor.
    QTest::mouseClick(compose->findChild<QPushButton *>(u"loadHistory"_s), Qt::LeftButton);
    QVERIFY(compose->xml().contains(m_token));
    QCOMPARE(compose->currentTemplate(), StanzaTemplate::MessageChat); // what the entry is

    // The log's column layout survives too, for every profile's log.
    page(u"Alpha"_s)
        ->logView()
        ->tableView()
        ->horizontalHeader()
        ->resizeSection(StanzaLogModel::FromColumn, 301);

    // The history survives a restart; so does a connection's secret, read at connect time.
    m_window->close(); // closes both streams politely first
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->isVisible(), 5000);
    QCOMPARE(session(u"Alpha"_s)->state(), ConnectionState::Disconnected);
    m_window.reset();
    startWindow();
    QCOMPARE(session(u"Alpha"_s)->history()->rowCount(), 1);
    QVERIFY(session(u"Alpha"_s)->history()->entry(0).xml.contains(m_token.toUtf8()));
    for (const QString &name : {u"Alpha"_s, u"Beta"_s}) {
        const QHeaderView *columns = page(name)->logView()->tableView()->horizontalHeader();
        QCOMPARE(columns->sectionSize(StanzaLogModel::FromColumn), 301);
    }
    select(u"Alpha"_s);
    session(u"Alpha"_s)->connectToServer();
    QVERIFY(waitForState(u"Alpha"_s, ConnectionState::Connected));

    // Resend gives a request a fresh id, as a second Send does (the same id twice made its answers
    // ambiguous), and the entry it came from makes way for it.
    ComposeWidget *again = page(u"Alpha"_s)->compose();
    again->applyTemplate(StanzaTemplate::IqPing);
    again->setTo(u"localhost"_s);
    const QString firstId = XmlElement::parse(again->xml().toUtf8()).attribute(u"id");
    QVERIFY(again->send());
    ComposeHistory *history = session(u"Alpha"_s)->history();
    const int entries = history->rowCount();
    QTest::mouseClick(again->findChild<QPushButton *>(u"resendHistory"_s), Qt::LeftButton);
    const QString resentId = XmlElement::parse(history->entry(0).xml).attribute(u"id");
    QVERIFY2(!resentId.isEmpty() && resentId != firstId, qPrintable(resentId));
    QCOMPARE(history->rowCount(), entries);
    QTRY_VERIFY_WITH_TIMEOUT(logContains(session(u"Alpha"_s), Direction::Received, resentId), 10000);
    // A request typed by hand, once sent, leaves a fresh id in the editor; one loaded from the history
    // (it went out already) comes with a fresh id too.
    again->setXml(u"<iq type='get' id='typed-1' from='alpha.localhost' to='localhost'>"
                  "<ping xmlns='urn:xmpp:ping'/></iq>"_s);
    QVERIFY(again->send());
    const auto editorId = [again] { return XmlElement::parse(again->xml().toUtf8()).attribute(u"id"); };
    QVERIFY2(!editorId().isEmpty() && editorId() != u"typed-1"_s, qPrintable(again->xml()));
    QVERIFY(history->entry(0).xml.contains("typed-1"));
    QTest::mouseClick(again->findChild<QPushButton *>(u"loadHistory"_s), Qt::LeftButton);
    QVERIFY2(!editorId().isEmpty() && editorId() != u"typed-1"_s && again->xml().contains(u"urn:xmpp:ping"_s),
             qPrintable(again->xml()));
    session(u"Alpha"_s)->disconnectFromServer();
    QVERIFY(waitForState(u"Alpha"_s, ConnectionState::Disconnected));
    QVERIFY(page(u"Alpha"_s)
                ->findChild<QLabel *>(u"reasonLabel"_s)
                ->text()
                .contains(u"disconnected by the user"_s));
}

void TestMainWindow::wrongSecretExplainsNotAuthorized()
{
    if (!m_expectKeychain)
        QSKIP("needs a keychain");
    const QString name = u"Gamma (wrong secret)"_s;
    select(name);
    QTest::mouseClick(page(name)->findChild<QPushButton *>(u"connectButton"_s), Qt::LeftButton);
    auto *reason = page(name)->findChild<QLabel *>(u"reasonLabel"_s);
    const QString expected =
        u"not-authorized: the server rejected the shared secret — check component_secret for "_s +
        gammaAccount.domain;
    QTRY_VERIFY_WITH_TIMEOUT(reason->isVisible() && reason->text().contains(expected), 15000);
    QCOMPARE(session(name)->state(), ConnectionState::Disconnected);
    // Prosody's own words make it a wrong secret for sure: no hint about ejabberd's unknown names.
    QVERIFY2(reason->text().contains(u"Given token does not match calculated token"_s),
             qPrintable(reason->text()));
    QVERIFY2(!reason->text().contains(u"ejabberd"_s), qPrintable(reason->text()));
    // Permanent: no retry is scheduled, and the sidebar and status bar say it failed.
    QCOMPARE(session(name)->connection()->nextReconnectAtMs(), 0);
    QCOMPARE(m_window->sessions()
                 ->indexOf(session(name)->profile().id)
                 .data(SessionListModel::StateTextRole)
                 .toString(),
             u"Failed"_s);
    // The status bar says the state; the reason (shown in the connection bar) is in its tooltip.
    auto *status = m_window->findChild<ElidedLabel *>(u"statusState"_s);
    QCOMPARE(status->text(), name + u": Failed"_s);
    QVERIFY2(status->toolTip().contains(expected), qPrintable(status->toolTip()));
    QVERIFY(!m_window->findChild<QLabel *>(u"statusCounters"_s));
    QVERIFY(m_window->windowTitle().startsWith(name + u" — Failed"_s));

    // Fixing the secret in the editor replaces it in the keychain, and the next connect uses it.
    const Profile profile = m_window->profileStore()->findByName(name);
    ProfileEditor *editor = openEditor(QKeySequence(Qt::Key_F2));
    QVERIFY(editor);
    auto *secret = editor->findChild<QLineEdit *>(u"secret"_s);
    QTRY_COMPARE(secret->text(), u"not-the-secret"_s);
    typeInto(secret, gammaAccount.secret);
    QVERIFY(editor->secretChanged());
    QTest::keyClick(editor, Qt::Key_Return);
    QTRY_VERIFY(!findEditor());
    QTRY_COMPARE_WITH_TIMEOUT(secretToolLookup(profile.secretKey()), gammaAccount.secret, 10000);
    QTest::mouseClick(page(name)->findChild<QPushButton *>(u"connectButton"_s), Qt::LeftButton);
    QVERIFY(waitForState(name, ConnectionState::Connected));
    QTRY_COMPARE(m_window->sessions()->indexOf(profile.id).data(SessionListModel::StateTextRole).toString(),
                 u"Connected"_s);
}

void TestMainWindow::countsDownToReconnectAfterServerLoss()
{
    if (!m_expectKeychain)
        QSKIP("needs a keychain");
    select(u"Beta"_s);
    session(u"Beta"_s)->connectToServer();
    QVERIFY(waitForState(u"Beta"_s, ConnectionState::Connected));

    m_server->kill(); // no stream close: the socket just drops
    auto *stateLabel = page(u"Beta"_s)->findChild<QLabel *>(u"stateLabel"_s);
    QTRY_VERIFY_WITH_TIMEOUT(stateLabel->text().startsWith(u"Reconnecting in "_s), 10000);
    QVERIFY2(stateLabel->text().contains(u"(attempt "_s), qPrintable(stateLabel->text()));
    const QModelIndex row = m_window->sessions()->indexOf(session(u"Beta"_s)->profile().id);
    QVERIFY(row.data(SessionListModel::StateTextRole).toString().startsWith(u"Reconnecting in "_s));
    // The bar and the sidebar count down together, each number as its second begins, over a few
    // attempts (their delays are not whole seconds): neither is a refresh behind.
    const auto secondsShown = [](const QString &text) {
        static const QRegularExpression countdown(u"^Reconnecting in (\\d+) s"_s);
        const QRegularExpressionMatch match = countdown.match(text);
        return match.hasMatch() ? match.captured(1).toInt() : -1;
    };
    const ComponentConnection *beta = session(u"Beta"_s)->connection();
    // What the sidebar paints: its text as of the model's last dataChanged for the row.
    QString sidebarText = row.data(SessionListModel::StateTextRole).toString();
    const QMetaObject::Connection repaints =
        connect(m_window->sessions(), &QAbstractItemModel::dataChanged, this,
                [&](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                    if (topLeft.row() <= row.row() && row.row() <= bottomRight.row())
                        sidebarText = row.data(SessionListModel::StateTextRole).toString();
                });
    int samples = 0;
    QElapsedTimer watch;
    watch.start();
    while (watch.elapsed() < 4000) {
        QTest::qWait(15);
        const qint64 at = beta->nextReconnectAtMs();
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const int bar = secondsShown(stateLabel->text());
        const int sidebar = secondsShown(sidebarText);
        if (at <= 0 || bar < 0 || sidebar < 0)
            continue; // between attempts
        // What it should say now, or a moment ago: a refresh may come late on a loaded machine (an
        // ASan build, say), but not a whole refresh period (500 ms, 1 s) as the old timers were.
        const auto due = [at](qint64 when) { return int((std::max<qint64>(0, at - when) + 999) / 1000); };
        for (const int shown : {bar, sidebar}) {
            QVERIFY2(
                shown == due(now) || shown == due(now - 150),
                qPrintable(
                    u"shown %1 s (bar %2, sidebar %3) with %4 ms left"_s.arg(shown).arg(bar).arg(sidebar).arg(
                        at - now)));
        }
        ++samples;
    }
    disconnect(repaints);
    QVERIFY2(samples > 50, qPrintable(QString::number(samples)));
    // At the sidebar's narrowest the name stays whole; the state has a line of its own.
    auto *splitter = m_window->findChild<QSplitter *>(u"sidebarSplitter"_s);
    const QList<int> sizes = splitter->sizes();
    splitter->setSizes({0, sizes.at(0) + sizes.at(1)}); // as narrow as it goes
    QListView *list = m_window->profileList();
    QTRY_COMPARE(list->parentWidget()->width(), list->parentWidget()->minimumWidth());
    QStyleOptionViewItem option;
    option.initFrom(list);
    option.font = list->font();
    option.rect = list->visualRect(row);
    const ProfileDelegate::Texts texts =
        static_cast<ProfileDelegate *>(list->itemDelegate())->fittedTexts(option, row);
    QCOMPARE(texts.name, u"Beta"_s);
    QVERIFY2(texts.state.startsWith(u"Reconnecting"_s), qPrintable(texts.state));
    splitter->setSizes(sizes);
    auto *reason = page(u"Beta"_s)->findChild<QLabel *>(u"reasonLabel"_s);
    QVERIFY(reason->isVisible());
    QVERIFY2(reason->text().startsWith(u"Last disconnect: connection-"_s), qPrintable(reason->text()));
    QCOMPARE(page(u"Beta"_s)->findChild<QPushButton *>(u"connectButton"_s)->text(), u"&Disconnect"_s);

    QString why;
    QVERIFY2(m_server->restart(&why), qPrintable(why));
    QVERIFY(waitForState(u"Beta"_s, ConnectionState::Connected, 40000));
    QTRY_VERIFY(stateLabel->text().startsWith(u"Connected"_s));
    session(u"Beta"_s)->disconnectFromServer();
    QVERIFY(waitForState(u"Beta"_s, ConnectionState::Disconnected));
}

void TestMainWindow::queuesStanzasWhileReconnecting()
{
    if (!m_expectKeychain)
        QSKIP("needs a keychain");
    const QString name = u"Beta"_s;
    select(name);
    ProfileSession *beta = session(name);
    ComposeWidget *compose = page(name)->compose();
    auto *editor = compose->findChild<QPlainTextEdit *>(u"xmlEditor"_s);
    auto *validation = compose->findChild<QLabel *>(u"validation"_s);
    auto *waiting = page(name)->findChild<QLabel *>(u"pendingLabel"_s);
    auto *discard = page(name)->findChild<QToolButton *>(u"discardPending"_s);
    auto *reason = page(name)->findChild<QLabel *>(u"reasonLabel"_s);
    QVERIFY(!waiting->isVisible());
    beta->connectToServer();
    QVERIFY(waitForState(name, ConnectionState::Connected));
    const int barHeight = page(name)->connectionBar()->height();

    const auto waitForRetry = [&] {
        return QTest::qWaitFor([&] { return beta->connection()->nextReconnectAtMs() > 0; }, 15000);
    };

    // Sent while reconnecting: queued, said as such, nothing on the wire.
    m_server->kill();
    QVERIFY(waitForRetry());
    const QString queued = u"queued-"_s + QUuid::createUuid().toString(QUuid::Id128).left(12);
    composeChatToAlpha(compose, queued);
    QVERIFY2(compose->canSend(), qPrintable(compose->problem()));
    QVERIFY(validation->text().contains(u"Send queues it until the connection is up"_s));
    QVERIFY(activate());
    editor->setFocus();
    QTest::keyClick(editor, Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(beta->pendingCount(), 1);
    QCOMPARE(validation->text(), u"Queued — 1 waiting for the connection"_s);
    QVERIFY(waiting->isVisible());
    QCOMPARE(waiting->text(), u"1 waiting"_s);
    QVERIFY(discard->isVisible());
    QCOMPARE(page(name)->connectionBar()->height(), barHeight); // Discard fits the reason's line
    QVERIFY(!logContains(beta, Direction::Sent, queued));
    QVERIFY(beta->history()->entry(0).xml.contains(queued.toUtf8())); // recorded when handed over

    // Quitting now would drop it: the window asks, and Cancel keeps everything.
    m_window->close();
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = m_window->findChild<QMessageBox *>(u"confirmQuit"_s)) && box->isVisible());
    QVERIFY2(box->informativeText().contains(u"Beta (1)"_s), qPrintable(box->informativeText()));
    QVERIFY(buttonWithRole(box, QMessageBox::DestructiveRole));
    QTest::keyClick(box, Qt::Key_Escape);
    QTRY_VERIFY(!m_window->findChild<QMessageBox *>(u"confirmQuit"_s));
    QVERIFY(m_window->isVisible());
    QCOMPARE(beta->pendingCount(), 1);

    // Back: it goes out right after the handshake, and the count drops to 0.
    QString why;
    QVERIFY2(m_server->restart(&why), qPrintable(why));
    QVERIFY(waitForState(name, ConnectionState::Connected, 40000));
    QTRY_COMPARE(beta->pendingCount(), 0);
    QTRY_VERIFY(logContains(beta, Direction::Sent, queued)); // the log takes rows in once per event-loop turn
    QTRY_VERIFY(!waiting->isVisible());
    QVERIFY2(validation->text().startsWith(u"✓ Sent the waiting stanzas (1)"_s),
             qPrintable(validation->text()));

    // Discard empties the queue; nothing goes out at the next connect.
    m_server->kill();
    QVERIFY(waitForRetry());
    const QString discarded = u"discarded-"_s + QUuid::createUuid().toString(QUuid::Id128).left(12);
    composeChatToAlpha(compose, discarded);
    QVERIFY(compose->send());
    QTRY_VERIFY(discard->isVisible());
    QTest::mouseClick(discard, Qt::LeftButton);
    QCOMPARE(beta->pendingCount(), 0);
    QTRY_VERIFY(!waiting->isVisible());
    QVERIFY2(validation->text().startsWith(u"Discarded the waiting stanzas (1)"_s),
             qPrintable(validation->text()));

    // A disconnect for good drops what waits, and says so: it must not go out hours later.
    const QString abandoned = u"abandoned-"_s + QUuid::createUuid().toString(QUuid::Id128).left(12);
    composeChatToAlpha(compose, abandoned);
    QVERIFY(compose->send());
    QCOMPARE(beta->pendingCount(), 1);
    QTest::mouseClick(page(name)->findChild<QPushButton *>(u"connectButton"_s), Qt::LeftButton); // Disconnect
    QTRY_COMPARE(beta->pendingCount(), 0);
    QCOMPARE(beta->discardedAtEnd(), 1);
    QTRY_VERIFY2(reason->text().contains(u"were discarded when the connection ended"_s),
                 qPrintable(reason->text()));
    QVERIFY2(validation->text().startsWith(u"✗ Not sent: the connection ended"_s),
             qPrintable(validation->text()));
    QVERIFY(!waiting->isVisible());
    QVERIFY(!compose->canSend()); // not connecting at all: nothing to queue for

    QVERIFY2(m_server->restart(&why), qPrintable(why));
    beta->connectToServer();
    QVERIFY(waitForState(name, ConnectionState::Connected, 40000));
    QCOMPARE(beta->discardedAtEnd(), 0);
    // Anything still queued would have gone out right after the handshake, before this one.
    const QString after = u"after-"_s + QUuid::createUuid().toString(QUuid::Id128).left(12);
    composeChatToAlpha(compose, after);
    QVERIFY(compose->send());
    QTRY_VERIFY(logContains(beta, Direction::Sent, after));
    QVERIFY(!logContains(beta, Direction::Sent, discarded));
    QVERIFY(!logContains(beta, Direction::Sent, abandoned));
    beta->disconnectFromServer();
    QVERIFY(waitForState(name, ConnectionState::Disconnected));
}

void TestMainWindow::discardsQueueWhenAttemptsRunOutOrSecretIsRejected()
{
    if (!m_expectKeychain)
        QSKIP("needs a keychain");
    const QString name = u"Beta"_s;
    select(name);
    ProfileSession *beta = session(name);
    ComposeWidget *compose = page(name)->compose();
    auto *reason = page(name)->findChild<QLabel *>(u"reasonLabel"_s);
    const Profile original = beta->profile();
    QString why;
    const auto queueOne = [&](const QString &body) {
        QVERIFY(QTest::qWaitFor([&] { return beta->connection()->nextReconnectAtMs() > 0; }, 15000));
        composeChatToAlpha(compose, body);
        QVERIFY(compose->send());
        QCOMPARE(beta->pendingCount(), 1);
    };
    const auto expectDiscardedAtEnd = [&] {
        QTRY_VERIFY_WITH_TIMEOUT(!beta->isActive(), 15000);
        QCOMPARE(beta->state(), ConnectionState::Disconnected);
        QCOMPARE(beta->pendingCount(), 0);
        QCOMPARE(beta->discardedAtEnd(), 1);
        QTRY_VERIFY2(reason->text().contains(u"were discarded when the connection ended"_s),
                     qPrintable(reason->text()));
    };

    // Two quick attempts, both into a dead server: when they are used up, the queue goes with them.
    Profile twoAttempts = original;
    twoAttempts.settings.reconnect.maxAttempts = 2;
    twoAttempts.settings.reconnect.initialDelay = std::chrono::milliseconds(300);
    twoAttempts.settings.reconnect.maxDelay = std::chrono::milliseconds(600);
    beta->setProfile(twoAttempts);
    beta->connectToServer();
    QVERIFY(waitForState(name, ConnectionState::Connected));
    m_server->kill();
    queueOne(u"attempts-"_s + QUuid::createUuid().toString(QUuid::Id128).left(12));
    expectDiscardedAtEnd();
    QVERIFY2(reason->text().contains(u"Stopped reconnecting: 2 attempts in a row failed"_s),
             qPrintable(reason->text()));
    // The notice is the reason's second line, which a narrow bar cuts off: the state says it too.
    auto *stateLabel = page(name)->findChild<QLabel *>(u"stateLabel"_s);
    QCOMPARE(stateLabel->text(), u"Failed after 2 attempts"_s);
    QCOMPARE(
        m_window->sessions()->indexOf(beta->profile().id).data(SessionListModel::StateTextRole).toString(),
        u"Failed after 2 attempts"_s);
    beta->setProfile(original);

    // A secret the server rejects ends the connection for good (no retry after not-authorized): the
    // queue is discarded too, and was never sent.
    QVERIFY2(m_server->restart(&why), qPrintable(why));
    beta->connectToServer();
    QVERIFY(waitForState(name, ConnectionState::Connected));
    m_server->kill();
    const QString rejected = u"rejected-"_s + QUuid::createUuid().toString(QUuid::Id128).left(12);
    queueOne(rejected);
    beta->setSecret(u"not-"_s + ::beta.secret);
    QVERIFY2(m_server->restart(&why), qPrintable(why));
    expectDiscardedAtEnd();
    QVERIFY2(reason->text().contains(u"not-authorized"_s), qPrintable(reason->text()));
    QVERIFY(!logContains(beta, Direction::Sent, rejected));

    beta->setSecret(::beta.secret);
    beta->connectToServer();
    QVERIFY(waitForState(name, ConnectionState::Connected, 40000));
    QVERIFY(!logContains(beta, Direction::Sent, rejected));
    beta->disconnectFromServer();
    QVERIFY(waitForState(name, ConnectionState::Disconnected));
}

void TestMainWindow::timelineShowsAttemptsAndGraphShowsTraffic()
{
    if (!m_expectKeychain)
        QSKIP("needs a keychain");
    select(u"Alpha"_s);
    ProfileSession *alpha = session(u"Alpha"_s);
    ConnectionBar *bar = page(u"Alpha"_s)->connectionBar();
    if (alpha->state() != ConnectionState::Connected) {
        alpha->connectToServer();
        QVERIFY(waitForState(u"Alpha"_s, ConnectionState::Connected, 40000));
    }
    const QString firstStream = alpha->connection()->streamId();
    // Connect, disconnect, connect again: the timeline keeps both attempts with their stream ids.
    alpha->disconnectFromServer();
    QVERIFY(waitForState(u"Alpha"_s, ConnectionState::Disconnected));
    alpha->connectToServer();
    QVERIFY(waitForState(u"Alpha"_s, ConnectionState::Connected, 40000));
    const QString secondStream = alpha->connection()->streamId();
    QVERIFY(!firstStream.isEmpty() && !secondStream.isEmpty() && firstStream != secondStream);

    // Ctrl+Shift+T opens it.
    QVERIFY(activate());
    QTest::keySequence(m_window.get(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));
    TimelineDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_window->findChild<TimelineDialog *>()) && dialog->isVisible());
    ConnectionTimeline *timeline = bar->timeline();
    QCOMPARE(dialog->view()->model()->rowCount(), timeline->rowCount());
    QStringList acceptedStreams;
    bool userDisconnect = false;
    for (int row = 0; row < timeline->rowCount(); ++row) {
        const ConnectionTimeline::Event &event = timeline->event(row);
        if (event.kind == ConnectionTimeline::EventKind::Connected)
            acceptedStreams.append(event.detail);
        if (event.kind == ConnectionTimeline::EventKind::Disconnected && !event.isProblem)
            userDisconnect = true;
    }
    QVERIFY(userDisconnect);
    QVERIFY2(acceptedStreams.size() >= 2, qPrintable(acceptedStreams.join(u", "_s)));
    QVERIFY(acceptedStreams.at(acceptedStreams.size() - 2).contains(firstStream));
    QVERIFY(acceptedStreams.last().contains(secondStream));
    // Ctrl+C in the table copies the selected row as text.
    dialog->activateWindow();
    QApplication::setActiveWindow(dialog);
    QVERIFY(QTest::qWaitForWindowActive(dialog));
    dialog->view()->setFocus();
    dialog->view()->selectRow(timeline->rowCount() - 1);
    QTest::keySequence(dialog->view(), QKeySequence::Copy);
    QTRY_VERIFY(QApplication::clipboard()->text().contains(secondStream));
    dialog->close();

    // The handshake answers were stanzas in: the graph's peak is not zero after its next second.
    QTRY_VERIFY_WITH_TIMEOUT(bar->traffic()->peak().in > 0, 3000);
    QVERIFY(bar->trafficGraph()->toolTip().contains(u"Peak: in "_s));
    QVERIFY(!bar->trafficGraph()->toolTip().contains(u"Peak: in 0/s"_s));
}

void TestMainWindow::deletesProfileWithItsSecret()
{
    if (!m_expectKeychain)
        QSKIP("needs a keychain");
    const QString name = u"Gamma (wrong secret)"_s;
    select(name);
    const Profile profile = m_window->profileStore()->findByName(name);
    QCOMPARE(secretToolLookup(profile.secretKey()), gammaAccount.secret);
    // Connected again after the server restart above; deleting closes the connection too.
    QVERIFY(waitForState(name, ConnectionState::Connected, 40000));

    // Delete in the list asks first, naming what goes with it; Cancel keeps it.
    const QString reply = u"<message to='{from}'><body>hi</body></message>"_s;
    QString why;
    QVERIFY2(session(name)->setRules(
                 {Rule(u"one"_s, u"kind == message"_s, reply), Rule(u"two"_s, u"kind == iq"_s, reply)}, &why),
             qPrintable(why));
    // A name is shown as typed, never read as markup (QMessageBox guesses rich text).
    m_window->profileStore()->setSavedFilters(profile.id, {{u"<b>errors</b>"_s, u"type == error"_s}});
    QVERIFY(activate());
    m_window->profileList()->setFocus();
    QTest::keyClick(m_window->profileList(), Qt::Key_Delete);
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = m_window->findChild<QMessageBox *>(u"confirmRemove"_s)) && box->isVisible());
    QVERIFY2(box->informativeText().endsWith(u"Its saved filter “<b>errors</b>” goes too. The connection is "
                                             "closed first."_s),
             qPrintable(box->informativeText()));
    int texts = 0;
    for (const QLabel *label : box->findChildren<QLabel *>()) {
        if (label->text() == box->text() || label->text() == box->informativeText()) {
            ++texts;
            QCOMPARE(label->textFormat(), Qt::PlainText);
        }
    }
    QCOMPARE(texts, 2);
    QTest::keyClick(box, Qt::Key_Escape);
    QTRY_VERIFY(!m_window->findChild<QMessageBox *>(u"confirmRemove"_s));

    m_window->profileStore()->setSavedFilters(
        profile.id, {{u"errors"_s, u"type == error"_s}, {u"pings"_s, u"ns == urn:xmpp:ping"_s}});
    QVERIFY(activate());
    m_window->profileList()->setFocus();
    QTest::keyClick(m_window->profileList(), Qt::Key_Delete);
    QTRY_VERIFY((box = m_window->findChild<QMessageBox *>(u"confirmRemove"_s)) && box->isVisible());
    QCOMPARE(
        box->informativeText(),
        u"Its secret is removed from the keychain and its history of sent stanzas is deleted. So are its 2 "
        "rules: Export in its Rules tab keeps a copy. Its 2 saved filters go too. The connection is closed "
        "first."_s);
    QTest::keyClick(box, Qt::Key_Escape);
    QTRY_VERIFY(!m_window->findChild<QMessageBox *>(u"confirmRemove"_s));
    QVERIFY(!m_window->profileStore()->profile(profile.id).isNull());
    QVERIFY(activate());
    m_window->profileList()->setFocus();

    QTest::keyClick(m_window->profileList(), Qt::Key_Delete);
    QTRY_VERIFY((box = m_window->findChild<QMessageBox *>(u"confirmRemove"_s)) && box->isVisible());
    QAbstractButton *remove = nullptr;
    for (QAbstractButton *button : box->buttons()) {
        if (box->buttonRole(button) == QMessageBox::DestructiveRole)
            remove = button;
    }
    QVERIFY(remove);
    QTest::mouseClick(remove, Qt::LeftButton);
    QTRY_VERIFY(m_window->profileStore()->profile(profile.id).isNull());
    QCOMPARE(m_window->profileList()->model()->rowCount(), 2);
    QTRY_COMPARE_WITH_TIMEOUT(secretToolLookup(profile.secretKey()), QString(), 10000);
    QVERIFY(!QFile::exists(ComposeHistory::defaultFileName(profile.secretKey())));
    QVERIFY(!QSettings().childGroups().isEmpty());
    QSettings settings;
    settings.beginGroup(u"profiles"_s);
    QVERIFY(!settings.childGroups().contains(profile.secretKey()));
}

void TestMainWindow::noKeychain()
{
    if (m_expectKeychain)
        QSKIP("a keychain is available in this run (set XCM_EXPECT_KEYCHAIN=0 without a session bus)");
    // Until the keychain has answered, the editor does not claim either way.
    {
        SecretStore fresh;
        ProfileEditor editor(Profile::create(u"Probe"_s), true, nullptr, &fresh);
        auto *note = editor.findChild<QLabel *>(u"keychainNote"_s);
        QCOMPARE(note->text(), u"Checking the keychain…"_s);
        fresh.probe();
        QTRY_VERIFY2(note->text().contains(u"No keychain is available"_s), qPrintable(note->text()));
    }

    // Said plainly from the start, in the window and in the new-profile editor, before any secret.
    startWindow();
    auto *banner = m_window->findChild<KeychainBanner *>();
    QTRY_VERIFY(banner->isVisible());
    QVERIFY(banner->text().contains(u"No keychain is available"_s));
    QVERIFY(banner->text().contains(u"kept in memory"_s));
    ProfileEditor *newEditor = openEditor(QKeySequence::New);
    QVERIFY(newEditor);
    QVERIFY(
        newEditor->findChild<QLabel *>(u"keychainNote"_s)->text().contains(u"No keychain is available"_s));
    QTest::keyClick(newEditor, Qt::Key_Escape);
    QTRY_VERIFY(!findEditor());

    createProfile(u"Alpha"_s, alphaAccount, alphaAccount.secret);
    ProfileEditor *editor = openEditor(QKeySequence(Qt::Key_F2));
    QVERIFY(editor);
    QTRY_COMPARE(editor->findChild<QLineEdit *>(u"secret"_s)->text(), alphaAccount.secret); // from memory
    QVERIFY(editor->findChild<QLabel *>(u"keychainNote"_s)->text().contains(u"No keychain is available"_s));
    QTest::keyClick(editor, Qt::Key_Escape);
    QTRY_VERIFY(!findEditor());

    // The in-memory secret works for this run…
    session(u"Alpha"_s)->connectToServer();
    QVERIFY(waitForState(u"Alpha"_s, ConnectionState::Connected));
    session(u"Alpha"_s)->disconnectFromServer();
    QVERIFY(waitForState(u"Alpha"_s, ConnectionState::Disconnected));
    // …and was never written in clear.
    QVERIFY(!everythingWritten().contains(alphaAccount.secret.toUtf8()));

    // After a restart it is gone: connecting asks for it, and cancelling says what is missing.
    m_window.reset();
    startWindow();
    select(u"Alpha"_s);
    session(u"Alpha"_s)->connectToServer();
    QTRY_VERIFY(m_window->secretPrompt() && m_window->secretPrompt()->isVisible());
    // It offers no keychain to save in ("Save in the keychain" was ticked): the secret is kept until quit.
    auto *save = m_window->secretPrompt()->findChild<QCheckBox *>(u"saveInKeychain"_s);
    QVERIFY(save->isChecked() && !save->isEnabled());
    QCOMPARE(save->text(), u"Kept until xcm quits: no keychain is available"_s);
    QTest::keyClick(m_window->secretPrompt(), Qt::Key_Escape);
    auto *reason = page(u"Alpha"_s)->findChild<QLabel *>(u"reasonLabel"_s);
    QTRY_VERIFY(reason->text().contains(u"the keychain could not give the secret"_s));
    QVERIFY(reason->text().contains(u"Connect to enter the secret"_s));
    QTRY_VERIFY(m_window->findChild<KeychainBanner *>()->isVisible());
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
