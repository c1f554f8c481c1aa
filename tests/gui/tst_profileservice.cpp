// SPDX-License-Identifier: GPL-3.0-or-later
// ProfileService: profiles created, saved, removed and imported together with their secrets, and what
// the user is told. Against a real Secret Service (run inside tests/run-with-keychain), and without one
// (XCM_EXPECT_KEYCHAIN=0, no session bus), where the secrets stay in memory and the messages say so.
// No widget is involved: the test links xcm_session only.
#include "prerequisite.h"
#include "profileservice.h"
#include "profilesession.h"
#include "profilestore.h"
#include "sessionlistmodel.h"

#include <QFile>
#include <QHostAddress>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace Qt::StringLiterals;
using namespace xcm;

namespace {

// Each run its own keychain service, so nothing a run leaves behind is read by the next.
QString testService()
{
    static const QString service = u"xcm-test-"_s + QUuid::createUuid().toString(QUuid::Id128).left(8);
    return service;
}

std::optional<SecretStore::Result> readSecret(SecretStore *store, const QString &key)
{
    std::optional<SecretStore::Result> result;
    QObject context;
    store->read(key, &context, [&result](const SecretStore::Result &r) { result = r; });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 20000))
        return std::nullopt;
    return result;
}

// The label a keyring manager shows for `key`'s entry, as secret-tool (libsecret-tools) lists it.
QString keychainLabel(const QString &key)
{
    QProcess tool;
    tool.setProcessChannelMode(QProcess::MergedChannels);
    tool.start(u"secret-tool"_s, {u"search"_s, u"--all"_s, u"user"_s, key, u"server"_s, testService()});
    if (!tool.waitForFinished(10000))
        return u"<secret-tool did not finish>"_s;
    const QStringList lines = QString::fromUtf8(tool.readAllStandardOutput()).split(u'\n');
    for (const QString &line : lines)
        if (line.startsWith(u"label = "))
            return line.sliced(8);
    return {};
}

bool waitForSecretJobs(const ProfileService &service)
{
    return QTest::qWaitFor([&] { return service.pendingSecretJobs() == 0; }, 20000);
}

} // namespace

class TestProfileService : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void createStoresProfileAndSecret();
    void emptySecretRemovesTheStoredOne();
    void saveRenamesAndReplacesOnlyAChangedSecret();
    void keychainEntriesNameTheirProfile();
    void savingAConnectedProfileSaysWhenChangesApply();
    void removeTakesTheSecretWithIt();
    void importProfile_data();
    void importProfile();
    void importProxyProfileKeepsBothSecrets();

private:
    Profile createWithSecret(const QString &name, const QString &secret);
    QString writeFile(const QString &name, const QString &text, QFile::Permissions permissions);

    bool m_expectKeychain = true;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ProfileService> m_service;
};

void TestProfileService::initTestCase()
{
    m_expectKeychain = qEnvironmentVariable("XCM_EXPECT_KEYCHAIN", u"1"_s) != u"0";
    XCM_REQUIRE_PREREQUISITE(!m_expectKeychain || !qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
                             u"no session bus: run this test through tests/run-with-keychain"_s);
}

void TestProfileService::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_service =
        std::make_unique<ProfileService>(std::make_unique<ProfileStore>(m_dir->filePath(u"xcm.conf"_s)),
                                         std::make_unique<SecretStore>(testService()));
}

void TestProfileService::cleanup()
{
    if (m_service)
        QVERIFY(waitForSecretJobs(*m_service)); // no job may outlive its store
    m_service.reset();
    m_dir.reset();
}

Profile TestProfileService::createWithSecret(const QString &name, const QString &secret)
{
    Profile profile = Profile::create(name);
    profile.settings.domain = u"bot.localhost"_s;
    m_service->createProfile(profile, secret);
    if (!waitForSecretJobs(*m_service))
        qWarning("the secret of %s was not stored in time", qPrintable(name));
    return profile;
}

QString TestProfileService::writeFile(const QString &name, const QString &text,
                                      QFile::Permissions permissions)
{
    QFile file(m_dir->filePath(name));
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(text.toUtf8());
    file.close();
    file.setPermissions(permissions);
    return file.fileName();
}

void TestProfileService::createStoresProfileAndSecret()
{
    QSignalSpy messages(m_service.get(), &ProfileService::statusMessage);
    QSignalSpy finished(m_service.get(), &ProfileService::secretJobsFinished);
    Profile profile = Profile::create(u"Alpha"_s);
    m_service->createProfile(profile, u"s3cret"_s);

    // The profile at once, the secret on its way.
    QCOMPARE(m_service->store()->profile(profile.id).name, u"Alpha"_s);
    QCOMPARE(m_service->pendingSecretJobs(), 1);
    QVERIFY(finished.wait(20000));
    QCOMPARE(m_service->pendingSecretJobs(), 0);

    QCOMPARE(messages.size(), 1);
    const QString text = messages.at(0).at(0).toString();
    const int timeoutMs = messages.at(0).at(1).toInt();
    const auto stored = readSecret(m_service->secrets(), profile.secretKey());
    QVERIFY(stored && stored->ok);
    QCOMPARE(stored->secret, u"s3cret"_s);
    if (m_expectKeychain) {
        QCOMPARE(text, u"The secret of “Alpha” is stored in the keychain."_s);
        QCOMPARE(timeoutMs, 5000);
        QCOMPARE(stored->location, SecretStore::Location::Keychain);
        // In the keychain itself: another store (a restarted app) finds it.
        SecretStore restarted(testService());
        QCOMPARE(readSecret(&restarted, profile.secretKey())->secret, u"s3cret"_s);
    } else {
        QCOMPARE(text, u"No keychain: the secret of “Alpha” is kept in memory until xcm quits."_s);
        QCOMPARE(timeoutMs, 8000);
        QCOMPARE(stored->location, SecretStore::Location::Memory);
    }
}

void TestProfileService::emptySecretRemovesTheStoredOne()
{
    // A secret already under the new profile's key (left behind by an earlier run) does not come back
    // to life for a profile created without one.
    const Profile profile = Profile::create(u"Alpha"_s);
    bool written = false;
    m_service->secrets()->write(profile.secretKey(), u"left behind"_s, this,
                                [&written](const SecretStore::Result &) { written = true; });
    QTRY_VERIFY_WITH_TIMEOUT(written, 20000);
    QCOMPARE(readSecret(m_service->secrets(), profile.secretKey())->secret, u"left behind"_s);

    QSignalSpy messages(m_service.get(), &ProfileService::statusMessage);
    m_service->createProfile(profile, QString());
    QVERIFY(waitForSecretJobs(*m_service));
    QVERIFY(messages.isEmpty()); // nothing stored, nothing to say
    const auto stored = readSecret(m_service->secrets(), profile.secretKey());
    QVERIFY(stored && !stored->ok);
}

void TestProfileService::saveRenamesAndReplacesOnlyAChangedSecret()
{
    Profile profile = createWithSecret(u"Alpha"_s, u"first"_s);
    QSignalSpy messages(m_service.get(), &ProfileService::statusMessage);

    // A rename: same id, so the secret stays where it is; the secret field was not touched.
    profile.name = u"Alpha (staging)"_s;
    m_service->saveProfile(profile, u"typed but not changed"_s, false);
    QCOMPARE(m_service->pendingSecretJobs(), 0);
    QCOMPARE(m_service->store()->profile(profile.id).name, u"Alpha (staging)"_s);
    QCOMPARE(m_service->store()->count(), 1);
    QCOMPARE(readSecret(m_service->secrets(), profile.secretKey())->secret, u"first"_s);
    QVERIFY(messages.isEmpty()); // not connected: nothing to apply later

    m_service->saveProfile(profile, u"second"_s, true);
    QVERIFY(waitForSecretJobs(*m_service));
    QCOMPARE(readSecret(m_service->secrets(), profile.secretKey())->secret, u"second"_s);
    QCOMPARE(messages.size(), 1);
    QVERIFY2(messages.at(0).at(0).toString().contains(u"“Alpha (staging)”"_s),
             qPrintable(messages.at(0).at(0).toString()));

    // Emptied in the editor: gone from the keychain.
    m_service->saveProfile(profile, QString(), true);
    QVERIFY(waitForSecretJobs(*m_service));
    const auto stored = readSecret(m_service->secrets(), profile.secretKey());
    QVERIFY(stored && !stored->ok);
}

void TestProfileService::keychainEntriesNameTheirProfile()
{
    if (!m_expectKeychain)
        QSKIP("needs a keychain");
    // A keyring manager lists the entries by label: each names its profile and domain, not just "xcm".
    Profile profile = createWithSecret(u"Alpha"_s, u"first"_s);
    QTRY_COMPARE_WITH_TIMEOUT(keychainLabel(profile.secretKey()), u"xcm: Alpha (bot.localhost)"_s, 10000);

    // A rename relabels the entry; its key (the profile's id) and secret stay.
    profile.name = u"Alpha (staging)"_s;
    m_service->saveProfile(profile, {}, false);
    QTRY_COMPARE_WITH_TIMEOUT(keychainLabel(profile.secretKey()), u"xcm: Alpha (staging) (bot.localhost)"_s,
                              10000);
    QCOMPARE(readSecret(m_service->secrets(), profile.secretKey())->secret, u"first"_s);
}

void TestProfileService::savingAConnectedProfileSaysWhenChangesApply()
{
    QTcpServer server; // accepts and never answers: the session stays connecting
    QVERIFY(server.listen(QHostAddress::LocalHost));
    SessionListModel sessions(m_service->store(), m_service->secrets(), m_dir->path());
    m_service->setSessions(&sessions);
    Profile profile = Profile::create(u"Alpha"_s);
    profile.settings.host = u"127.0.0.1"_s;
    profile.settings.port = server.serverPort();
    profile.settings.domain = u"alpha.localhost"_s;
    m_service->createProfile(profile, u"s3cret"_s);
    QVERIFY(waitForSecretJobs(*m_service));
    ProfileSession *session = sessions.session(profile.id);
    QVERIFY(session);
    session->connectToServer();
    QTRY_VERIFY(session->state() != ConnectionState::Disconnected);

    QSignalSpy messages(m_service.get(), &ProfileService::statusMessage);
    m_service->saveProfile(profile, {}, false); // nothing changed: nothing to say
    QVERIFY(messages.isEmpty());
    profile.settings.keepaliveInterval = std::chrono::seconds(17);
    m_service->saveProfile(profile, {}, false);
    QCOMPARE(messages.size(), 1);
    QCOMPARE(messages.at(0).at(0).toString(), u"The changes to “Alpha” apply at its next connect."_s);
    QCOMPARE(messages.at(0).at(1).toInt(), 8000);
    QCOMPARE(session->profile().settings.keepaliveInterval, std::chrono::seconds(17));

    session->disconnectFromServer();
    QTRY_COMPARE(session->state(), ConnectionState::Disconnected);
    m_service->setSessions(nullptr);
}

void TestProfileService::removeTakesTheSecretWithIt()
{
    const Profile profile = createWithSecret(u"Alpha"_s, u"s3cret"_s);
    QVERIFY(m_service->removeProfile(profile.id));
    QVERIFY(m_service->store()->profile(profile.id).isNull());
    QVERIFY(waitForSecretJobs(*m_service));
    const auto stored = readSecret(m_service->secrets(), profile.secretKey());
    QVERIFY(stored && !stored->ok);
    if (m_expectKeychain) {
        SecretStore restarted(testService());
        QVERIFY(!readSecret(&restarted, profile.secretKey())->ok);
    }
    QVERIFY(!m_service->removeProfile(profile.id)); // gone already
    QVERIFY(!m_service->removeProfile(QUuid::createUuid()));
}

void TestProfileService::importProfile_data()
{
    QTest::addColumn<QString>("fileText");
    QTest::addColumn<bool>("othersCanRead");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("expectedSecret"); // of the profile called Demo afterwards
    QTest::addColumn<int>("expectedCount");
    QTest::addColumn<QStringList>("expectedMessages"); // what each line starts with
    QTest::addColumn<QString>("expectedError");        // part of it

    // A profile "Demo" with the secret "old" exists before each row.
    // %WHERE% stands for where the secret went, which depends on the keychain.
    const QString where = u"%WHERE%"_s;
    QTest::newRow("a new profile") << u"name=Fresh\nhost=127.0.0.1\ndomain=fresh.localhost\nsecret=new\n"_s
                                   << false << true << u"old"_s << 2
                                   << QStringList{u"profile “Fresh”: "_s + where} << QString();
    QTest::newRow("the same name in other case replaces")
        << u"name=demo\nhost=10.0.0.1\ndomain=demo.localhost\nsecret=new\n"_s << false << true << u"new"_s
        << 1 << QStringList{u"profile “demo”: "_s + where} << QString();
    QTest::newRow("without a secret, the stored one stays")
        << u"name=Demo\ndomain=demo.localhost\n"_s << false << true << u"old"_s << 1 << QStringList()
        << QString();
    QTest::newRow("a secret others can read is stored, with a warning")
        << u"name=Demo\ndomain=demo.localhost\nsecret=new\n"_s << true << true << u"new"_s << 1
        << QStringList{u"warning: "_s, u"profile “Demo”: "_s + where} << QString();
    QTest::newRow("no domain") << u"name=Demo\nhost=10.0.0.1\nsecret=new\n"_s << false << false << u"old"_s
                               << 1 << QStringList() << u": domain: "_s;
    QTest::newRow("not key=value") << u"name=Demo\nthis is not it\n"_s << false << false << u"old"_s << 1
                                   << QStringList() << u"expected key=value"_s;
}

void TestProfileService::importProfile()
{
    QFETCH(QString, fileText);
    QFETCH(bool, othersCanRead);
    QFETCH(bool, ok);
    QFETCH(QString, expectedSecret);
    QFETCH(int, expectedCount);
    QFETCH(QStringList, expectedMessages);
    QFETCH(QString, expectedError);

    const Profile existing = createWithSecret(u"Demo"_s, u"old"_s);
    QFile::Permissions permissions = QFile::ReadOwner | QFile::WriteOwner;
    if (othersCanRead)
        permissions |= QFile::ReadGroup | QFile::ReadOther;
    const QString file = writeFile(u"import.profile"_s, fileText, permissions);

    QSignalSpy messages(m_service.get(), &ProfileService::importMessage);
    QSignalSpy failures(m_service.get(), &ProfileService::importFailed);
    QCOMPARE(m_service->importProfile(file), ok);
    QVERIFY(waitForSecretJobs(*m_service));

    if (ok) {
        QVERIFY(failures.isEmpty());
    } else {
        QCOMPARE(failures.size(), 1);
        QVERIFY2(failures.at(0).at(0).toString().contains(expectedError),
                 qPrintable(failures.at(0).at(0).toString()));
    }
    QCOMPARE(messages.size(), expectedMessages.size());
    const QString where = m_expectKeychain ? u"secret stored in the keychain"_s : u"no keychain ("_s;
    for (qsizetype i = 0; i < expectedMessages.size(); ++i) {
        const QString line = messages.at(i).at(0).toString();
        QString expected = expectedMessages.at(i);
        expected.replace(u"%WHERE%"_s, where);
        QVERIFY2(line.startsWith(expected), qPrintable(line));
    }

    QCOMPARE(m_service->store()->count(), expectedCount);
    const Profile demo = m_service->store()->findByName(u"Demo"_s);
    QCOMPARE(demo.id, existing.id); // a profile imported again keeps its id, so its secret and history
    QCOMPARE(readSecret(m_service->secrets(), demo.secretKey())->secret, expectedSecret);
}

void TestProfileService::importProxyProfileKeepsBothSecrets()
{
    // The demo's proxy profile: the server's secret and the one the component presents to xcm.
    const QString file = writeFile(u"proxy.profile"_s,
                                   u"name=Relay\nmode=proxy\nlisten=127.0.0.1:5399\nhost=127.0.0.1\n"
                                   "domain=relay.localhost\nsecret=upstream-secret\n"
                                   "component-secret=component-secret\n"_s,
                                   QFile::ReadOwner | QFile::WriteOwner);
    QVERIFY(m_service->importProfile(file));
    QVERIFY(waitForSecretJobs(*m_service));
    const Profile relay = m_service->store()->findByName(u"Relay"_s);
    QVERIFY(relay.isProxy());
    QVERIFY(relay.separateComponentSecret);
    QCOMPARE(readSecret(m_service->secrets(), relay.secretKey())->secret, u"upstream-secret"_s);
    QCOMPARE(readSecret(m_service->secrets(), relay.componentSecretKey())->secret, u"component-secret"_s);
}

QTEST_GUILESS_MAIN(TestProfileService)
#include "tst_profileservice.moc"
