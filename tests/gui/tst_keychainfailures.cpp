// SPDX-License-Identifier: GPL-3.0-or-later
// The main window when the keychain fails, against a real Secret Service (tests/run-with-keychain) and a
// real Prosody: a secret missing at connect is asked for in place, a locked collection prompts once for
// several profiles and its refusals show in the banner with a Retry that works once it is unlocked. With
// XCM_EXPECT_KEYCHAIN=0 and no session bus, only noSecretService() runs.
#include "composehistory.h"
#include "connectionbar.h"
#include "keychainbanner.h"
#include "mainwindow.h"
#include "prerequisite.h"
#include "profilesession.h"
#include "profilestore.h"
#include "prosodyserver.h"
#include "secretprompt.h"
#include "secretstore.h"
#include "secrettool.h"
#include "sessionlistmodel.h"
#include "sessionpage.h"
#include "threadedproxy.h"

#include <QApplication>
#include <QCheckBox>
#include <QDBusArgument>
#include <QDBusConnection>
#include <QDBusInterface>
#include <QDBusMetaType>
#include <QDBusObjectPath>
#include <QDBusReply>
#include <QDBusVariant>
#include <QDialogButtonBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace xcm;
using xcm::test::ComponentAccount;
using xcm::test::ProsodyServer;
using xcm::test::secretToolLookup;

// A Secret Service secret: (session, parameters, value, content type).
struct ServiceSecret
{
    QDBusObjectPath session;
    QByteArray parameters;
    QByteArray value;
    QString contentType;
};
Q_DECLARE_METATYPE(ServiceSecret)

QDBusArgument &operator<<(QDBusArgument &argument, const ServiceSecret &secret)
{
    argument.beginStructure();
    argument << secret.session << secret.parameters << secret.value << secret.contentType;
    argument.endStructure();
    return argument;
}

const QDBusArgument &operator>>(const QDBusArgument &argument, ServiceSecret &secret)
{
    argument.beginStructure();
    argument >> secret.session >> secret.parameters >> secret.value >> secret.contentType;
    argument.endStructure();
    return argument;
}

namespace {

const ComponentAccount alphaAccount{u"alpha.localhost"_s, u"alpha-Secret-81"_s};
const ComponentAccount betaAccount{u"beta.localhost"_s, u"beta-Secret-82"_s};
const ComponentAccount gammaAccount{u"gamma.localhost"_s, u"gamma-Secret-83"_s};
const auto service = "org.freedesktop.secrets"_L1;
const auto servicePath = "/org/freedesktop/secrets"_L1;
const auto loginCollection = "/org/freedesktop/secrets/collection/login"_L1;

// Locks the default collection as a screen lock would: reading a secret then needs an unlock prompt.
bool lockKeychain()
{
    QDBusInterface secrets(service, servicePath, u"org.freedesktop.Secret.Service"_s);
    const QDBusMessage reply = secrets.call(
        u"Lock"_s, QVariant::fromValue(QList<QDBusObjectPath>{QDBusObjectPath(loginCollection)}));
    return reply.type() == QDBusMessage::ReplyMessage;
}

// Unlocks it with its password, without a prompt (gnome-keyring's own interface for this).
bool unlockKeychain()
{
    QDBusInterface secrets(service, servicePath, u"org.freedesktop.Secret.Service"_s);
    const QDBusMessage opened =
        secrets.call(u"OpenSession"_s, u"plain"_s, QVariant::fromValue(QDBusVariant(QString())));
    if (opened.type() != QDBusMessage::ReplyMessage || opened.arguments().size() < 2)
        return false;
    const auto session = opened.arguments().at(1).value<QDBusObjectPath>();
    QDBusInterface keyring(service, servicePath,
                           u"org.gnome.keyring.InternalUnsupportedGuiltRiddenInterface"_s);
    const ServiceSecret password{session, {}, qgetenv("XCM_TEST_KEYRING_PASSWORD"), u"text/plain"_s};
    const QDBusMessage reply =
        keyring.call(u"UnlockWithMasterPassword"_s, QVariant::fromValue(QDBusObjectPath(loginCollection)),
                     QVariant::fromValue(password));
    if (reply.type() != QDBusMessage::ReplyMessage)
        qWarning() << "unlock failed:" << reply.errorMessage();
    return reply.type() == QDBusMessage::ReplyMessage;
}

} // namespace

class TestKeychainFailures : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    void missingSecretIsAskedForAtConnect();
    void cancelledPromptSaysWhy();
    void lockedKeychainPromptsOnce();
    void refusedWriteShowsBannerAndRetry();
    void noSecretService();
    void proxyAsksForItsSecretsAtConnect();

private:
    Profile addProfile(const QString &name, const ComponentAccount &account);
    void startWindow();
    ProfileSession *session(const QString &name) const;
    SecretPrompt *waitForPrompt();
    QString reasonText(const QString &name) const;

    bool m_expectKeychain = true;
    std::unique_ptr<ProsodyServer> m_server;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<QProcess> m_monitor; // counts the keychain's unlock prompts
};

void TestKeychainFailures::initTestCase()
{
    m_expectKeychain = qEnvironmentVariable("XCM_EXPECT_KEYCHAIN", u"1"_s) != u"0";
    XCM_REQUIRE_PREREQUISITE(!m_expectKeychain || !qEnvironmentVariableIsEmpty("XCM_TEST_KEYRING_PASSWORD"),
                             u"no throwaway keychain: run this test through tests/run-with-keychain"_s);
    QString why;
    XCM_REQUIRE_PREREQUISITE(ProsodyServer::available(&why), why);
    qDBusRegisterMetaType<ServiceSecret>();
    QStandardPaths::setTestModeEnabled(true);
    QApplication::setQuitOnLastWindowClosed(false);
    QApplication::setOrganizationName(u"xcm"_s);
    QApplication::setApplicationName(u"xcm-keychainfailures"_s);
    m_server =
        std::make_unique<ProsodyServer>(QList<ComponentAccount>{alphaAccount, betaAccount, gammaAccount});
    QVERIFY2(m_server->start(&why), qPrintable(why));
}

void TestKeychainFailures::init()
{
    QSettings().clear();
    QDir(ComposeHistory::directory()).removeRecursively();
}

void TestKeychainFailures::cleanup()
{
    m_window.reset();
    if (m_expectKeychain)
        unlockKeychain();
}

void TestKeychainFailures::cleanupTestCase()
{
    m_window.reset();
    if (m_server)
        m_server->stop();
}

Profile TestKeychainFailures::addProfile(const QString &name, const ComponentAccount &account)
{
    Profile profile = Profile::create(name);
    profile.settings.host = u"127.0.0.1"_s;
    profile.settings.port = m_server->componentPort();
    profile.settings.domain = account.domain;
    ProfileStore().add(profile);
    return profile;
}

void TestKeychainFailures::startWindow()
{
    m_window = std::make_unique<MainWindow>();
    m_window->resize(1100, 700);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

ProfileSession *TestKeychainFailures::session(const QString &name) const
{
    return m_window->sessions()->session(m_window->profileStore()->findByName(name).id);
}

SecretPrompt *TestKeychainFailures::waitForPrompt()
{
    SecretPrompt *prompt = nullptr;
    (void)QTest::qWaitFor(
        [&] {
            prompt = m_window->secretPrompt();
            return prompt && prompt->isVisible();
        },
        15000);
    return prompt;
}

QString TestKeychainFailures::reasonText(const QString &name) const
{
    return m_window->pageFor(session(name))->findChild<QLabel *>(u"reasonLabel"_s)->text();
}

void TestKeychainFailures::missingSecretIsAskedForAtConnect()
{
    if (!m_expectKeychain)
        QSKIP("needs a keychain");
    const Profile profile = addProfile(u"Alpha"_s, alphaAccount); // no secret anywhere
    startWindow();
    session(u"Alpha"_s)->connectToServer();
    SecretPrompt *prompt = waitForPrompt();
    QVERIFY(prompt);
    QVERIFY2(prompt->message().contains(u"has no secret for “Alpha”"_s), qPrintable(prompt->message()));
    auto *secret = prompt->findChild<QLineEdit *>(u"secret"_s);
    QCOMPARE(secret->echoMode(), QLineEdit::Password);
    prompt->findChild<QAction *>(u"showSecret"_s)->toggle();
    QCOMPARE(secret->echoMode(), QLineEdit::Normal);
    QVERIFY(prompt->findChild<QCheckBox *>(u"saveInKeychain"_s)->isChecked());
    QTest::keyClicks(secret, alphaAccount.secret);
    QTest::keyClick(secret, Qt::Key_Return);

    QTRY_COMPARE_WITH_TIMEOUT(session(u"Alpha"_s)->state(), ConnectionState::Connected, 15000);
    QTRY_COMPARE_WITH_TIMEOUT(secretToolLookup(profile.secretKey()), alphaAccount.secret, 10000);
    QVERIFY(!m_window->keychainBanner()->isVisible());
    session(u"Alpha"_s)->disconnectFromServer();
    QTRY_COMPARE(session(u"Alpha"_s)->state(), ConnectionState::Disconnected);
}

void TestKeychainFailures::cancelledPromptSaysWhy()
{
    if (!m_expectKeychain)
        QSKIP("needs a keychain");
    addProfile(u"Beta"_s, betaAccount);
    startWindow();
    session(u"Beta"_s)->connectToServer();
    SecretPrompt *prompt = waitForPrompt();
    QVERIFY(prompt);
    QTest::keyClick(prompt, Qt::Key_Escape);
    QTRY_VERIFY(!m_window->secretPrompt());
    QVERIFY(!session(u"Beta"_s)->isActive());
    QTRY_VERIFY2(reasonText(u"Beta"_s).contains(u"no secret was entered"_s),
                 qPrintable(reasonText(u"Beta"_s)));
    // No attempt was made: the connection has no configuration failure to report.
    QVERIFY(session(u"Beta"_s)->connection()->lastReason().isNull());
}

void TestKeychainFailures::lockedKeychainPromptsOnce()
{
    if (!m_expectKeychain)
        QSKIP("needs a keychain");
    const QList<std::pair<QString, ComponentAccount>> profiles = {
        {u"Alpha"_s, alphaAccount}, {u"Beta"_s, betaAccount}, {u"Gamma"_s, gammaAccount}};
    for (const auto &[name, account] : profiles) {
        const Profile profile = addProfile(name, account);
        SecretStore store;
        bool written = false;
        store.write(profile.secretKey(), account.secret, &store, [&](const SecretStore::Result &r) {
            written = r.location == SecretStore::Location::Keychain;
        });
        QTRY_VERIFY_WITH_TIMEOUT(written, 10000);
    }
    startWindow();
    QTRY_COMPARE(m_window->secretStore()->status(), SecretStore::Status::Available);

    // Every call for an unlock prompt, as the keychain's clients make it.
    m_monitor = std::make_unique<QProcess>();
    m_monitor->start(
        u"dbus-monitor"_s,
        {u"--session"_s, u"type='method_call',interface='org.freedesktop.Secret.Prompt',member='Prompt'"_s});
    QVERIFY(m_monitor->waitForStarted());
    QTest::qWait(300); // until it listens
    QVERIFY(lockKeychain());

    // Connect All: three reads at once; the first meets the locked collection and its prompt, which
    // fails here as if cancelled (no prompter can open a window); the other two share that answer.
    QAction *connectAll = m_window->findChild<QAction *>(u"connectAllAction"_s);
    QVERIFY(connectAll);
    connectAll->trigger();
    SecretPrompt *prompt = waitForPrompt();
    QVERIFY(prompt);
    QVERIFY2(prompt->message().contains(u"could not give the secret"_s), qPrintable(prompt->message()));
    QTest::qWait(500);
    const QByteArray monitored = m_monitor->readAllStandardOutput();
    m_monitor->kill();
    m_monitor->waitForFinished();
    QCOMPARE(monitored.count("member=Prompt"), 1);

    // The banner names all three, with Retry.
    KeychainBanner *banner = m_window->keychainBanner();
    QTRY_VERIFY(banner->isVisible());
    for (const auto &[name, account] : profiles)
        QVERIFY2(banner->text().contains(name), qPrintable(banner->text()));
    QVERIFY2(banner->text().contains(u"could not be read from the keychain"_s), qPrintable(banner->text()));
    QVERIFY(banner->retryButton()->isVisible());

    // Each profile asks in turn; cancelling each leaves it disconnected, saying why.
    for (int i = 0; i < profiles.size(); ++i) {
        prompt = waitForPrompt();
        QVERIFY2(prompt, qPrintable(QString::number(i)));
        QTest::keyClick(prompt, Qt::Key_Escape);
        QTRY_VERIFY(!m_window->secretPrompt() || m_window->secretPrompt() != prompt);
    }
    for (const auto &[name, account] : profiles) {
        QVERIFY(!session(name)->isActive());
        QTRY_VERIFY2(reasonText(name).contains(u"Unlock the keychain and Retry"_s),
                     qPrintable(reasonText(name)));
    }

    // Unlocked, Retry reads them all again and the banner goes; connecting needs no prompt now.
    QVERIFY(unlockKeychain());
    QTest::mouseClick(banner->retryButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!banner->isVisible(), 10000);
    session(u"Gamma"_s)->connectToServer();
    QTRY_COMPARE_WITH_TIMEOUT(session(u"Gamma"_s)->state(), ConnectionState::Connected, 15000);
    QVERIFY(!m_window->secretPrompt());
    session(u"Gamma"_s)->disconnectFromServer();
    QTRY_COMPARE(session(u"Gamma"_s)->state(), ConnectionState::Disconnected);
}

void TestKeychainFailures::refusedWriteShowsBannerAndRetry()
{
    if (!m_expectKeychain)
        QSKIP("needs a keychain");
    const Profile profile = addProfile(u"Demo"_s, alphaAccount);
    startWindow();
    QTRY_COMPARE(m_window->secretStore()->status(), SecretStore::Status::Available);
    QVERIFY(lockKeychain());

    // The secret typed at connect cannot be saved: it connects anyway, and the window says so.
    session(u"Demo"_s)->connectToServer();
    SecretPrompt *prompt = waitForPrompt();
    QVERIFY(prompt);
    QTest::keyClicks(prompt->findChild<QLineEdit *>(u"secret"_s), alphaAccount.secret);
    QTest::keyClick(prompt->findChild<QLineEdit *>(u"secret"_s), Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(session(u"Demo"_s)->state(), ConnectionState::Connected, 15000);
    KeychainBanner *banner = m_window->keychainBanner();
    QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), 10000);
    QTRY_VERIFY2(
        banner->text().contains(u"The secret of “Demo” is only in memory: at the next start xcm will "
                                "ask for it."_s),
        qPrintable(banner->text()));
    QVERIFY(banner->retryButton()->isVisible());
    QCOMPARE(secretToolLookup(profile.secretKey()), QString());

    // Retry while still locked: still refused, still said.
    QTest::mouseClick(banner->retryButton(), Qt::LeftButton);
    QTest::qWait(1000);
    QVERIFY(banner->isVisible());
    QVERIFY(banner->text().contains(u"only in memory"_s));

    // Unlocked, Retry stores it and the banner goes.
    QVERIFY(unlockKeychain());
    QTest::mouseClick(banner->retryButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!banner->isVisible(), 10000);
    QCOMPARE(secretToolLookup(profile.secretKey()), alphaAccount.secret);
    session(u"Demo"_s)->disconnectFromServer();
    QTRY_COMPARE(session(u"Demo"_s)->state(), ConnectionState::Disconnected);
}

void TestKeychainFailures::noSecretService()
{
    if (m_expectKeychain)
        QSKIP("a keychain is available in this run (set XCM_EXPECT_KEYCHAIN=0 without a session bus)");
    addProfile(u"Alpha"_s, alphaAccount);
    startWindow();
    KeychainBanner *banner = m_window->keychainBanner();
    QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), 20000);
    QVERIFY(banner->text().contains(u"No keychain is available"_s));
    QVERIFY(banner->text().contains(u"enter them again next time"_s));
    QVERIFY(banner->retryButton()->isVisible());

    // Connecting asks for the secret, saying why the keychain could not give it.
    session(u"Alpha"_s)->connectToServer();
    SecretPrompt *prompt = waitForPrompt();
    QVERIFY(prompt);
    QVERIFY2(prompt->message().contains(u"could not give the secret"_s), qPrintable(prompt->message()));
    QTest::keyClicks(prompt->findChild<QLineEdit *>(u"secret"_s), alphaAccount.secret);
    QTest::keyClick(prompt->findChild<QLineEdit *>(u"secret"_s), Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(session(u"Alpha"_s)->state(), ConnectionState::Connected, 15000);
    // Saved in memory only: the banner says what that means for the next start.
    QTRY_VERIFY2(
        banner->text().contains(u"The secret of “Alpha” is only in memory: at the next start xcm will "
                                "ask for it."_s),
        qPrintable(banner->text()));

    // Retry asks again; with still no Secret Service the banner stays, with its reason.
    QTest::mouseClick(banner->retryButton(), Qt::LeftButton);
    QTest::qWait(1000);
    QVERIFY(banner->isVisible());
    QVERIFY(banner->text().contains(u"only in memory"_s));
    session(u"Alpha"_s)->disconnectFromServer();
    QTRY_COMPARE(session(u"Alpha"_s)->state(), ConnectionState::Disconnected);
}

void TestKeychainFailures::proxyAsksForItsSecretsAtConnect()
{
    if (!m_expectKeychain)
        QSKIP("needs a keychain");
    // A proxy profile whose component has a secret of its own, neither stored: connecting asks for the
    // server's, then for the component's, keeps both and listens. (It said "no secret is stored — edit
    // the profile" and did nothing, even where the keychain had failed.)
    Profile profile = addProfile(u"Relay"_s, gammaAccount);
    profile.mode = Profile::Mode::Proxy;
    QTcpServer probe; // a free port for the proxy to listen on
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    profile.listenPort = probe.serverPort();
    probe.close();
    profile.separateComponentSecret = true;
    ProfileStore().update(profile);
    startWindow();
    session(u"Relay"_s)->connectToServer();
    QPointer<SecretPrompt> first = waitForPrompt();
    QVERIFY(first);
    QVERIFY2(first->message().contains(u"has no secret for “Relay”"_s), qPrintable(first->message()));
    QTest::keyClicks(first->findChild<QLineEdit *>(u"secret"_s), gammaAccount.secret);
    QTest::keyClick(first->findChild<QLineEdit *>(u"secret"_s), Qt::Key_Return);
    QTRY_VERIFY(!first);
    SecretPrompt *second = waitForPrompt();
    QVERIFY(second);
    QVERIFY2(second->message().contains(u"no secret for the component behind “Relay”"_s),
             qPrintable(second->message()));
    // Its button says what it does ("… to start the proxy"), not Connect.
    QCOMPARE(second->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->text(),
             u"&Start Proxy"_s);
    const QString componentSecret = u"component-Secret-84"_s;
    QTest::keyClicks(second->findChild<QLineEdit *>(u"secret"_s), componentSecret);
    QTest::keyClick(second->findChild<QLineEdit *>(u"secret"_s), Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(session(u"Relay"_s)->proxy()->isListening(), 10000);
    QCOMPARE(session(u"Relay"_s)->proxy()->listeningPort(), profile.listenPort);
    QTRY_COMPARE_WITH_TIMEOUT(secretToolLookup(profile.secretKey()), gammaAccount.secret, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(secretToolLookup(profile.componentSecretKey()), componentSecret, 10000);
    session(u"Relay"_s)->disconnectFromServer();
    QTRY_VERIFY(!session(u"Relay"_s)->proxy()->isListening());
}

QTEST_MAIN(TestKeychainFailures)
#include "tst_keychainfailures.moc"
