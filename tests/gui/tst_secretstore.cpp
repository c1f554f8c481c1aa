// SPDX-License-Identifier: GPL-3.0-or-later
// SecretStore against a real Secret Service (run inside tests/run-with-keychain), and without one
// (XCM_EXPECT_KEYCHAIN=0, no session bus): secrets then stay in memory and the reason is reported.
#include "prerequisite.h"
#include "secretstore.h"
#include "secrettool.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QUuid>

#include <optional>

using namespace Qt::StringLiterals;
using namespace xcm;
using xcm::test::secretToolLookup;

namespace {

// Runs one operation and waits for its callback.
template<typename Start> std::optional<SecretStore::Result> wait(Start start)
{
    std::optional<SecretStore::Result> result;
    QObject context;
    start(&context, [&result](const SecretStore::Result &r) { result = r; });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 20000))
        return std::nullopt;
    return result;
}

std::optional<SecretStore::Result> read(SecretStore &store, const QString &key)
{
    return wait([&](QObject *context, SecretStore::Callback done) { store.read(key, context, done); });
}

std::optional<SecretStore::Result> write(SecretStore &store, const QString &key, const QString &secret)
{
    return wait(
        [&](QObject *context, SecretStore::Callback done) { store.write(key, secret, context, done); });
}

std::optional<SecretStore::Result> remove(SecretStore &store, const QString &key)
{
    return wait([&](QObject *context, SecretStore::Callback done) { store.remove(key, context, done); });
}

} // namespace

class TestSecretStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void keychainRoundTrip();
    void callbackSkippedWhenContextIsGone();
    void noKeychainKeepsSecretsInMemory();
    void probeTellsBeforeAnySecret();
    void readRightAfterWriteGetsTheNewSecret();
    void newSecretReplacesTheCopyOfAStalledKeychain();

private:
    bool m_expectKeychain = true;
};

void TestSecretStore::initTestCase()
{
    m_expectKeychain = qEnvironmentVariable("XCM_EXPECT_KEYCHAIN", u"1"_s) != u"0";
    XCM_REQUIRE_PREREQUISITE(!m_expectKeychain || !qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
                             u"no session bus: run this test through tests/run-with-keychain"_s);
}

void TestSecretStore::keychainRoundTrip()
{
    if (!m_expectKeychain)
        QSKIP("no keychain in this run");
    const QString key = QUuid::createUuid().toString(QUuid::WithoutBraces);
    SecretStore store;
    QSignalSpy status(&store, &SecretStore::statusChanged);

    // Nothing saved yet is not an error.
    auto result = read(store, key);
    QVERIFY(result);
    QVERIFY(!result->ok);
    QVERIFY2(result->error.isEmpty(), qPrintable(result->error));
    QCOMPARE(store.status(), SecretStore::Status::Available);

    result = write(store, key, u"alpha"_s);
    QVERIFY(result);
    QVERIFY2(result->ok && result->location == SecretStore::Location::Keychain, qPrintable(result->error));
    QCOMPARE(secretToolLookup(key), u"alpha"_s);

    // A second store (a restarted app) reads it back from the keychain itself.
    SecretStore restarted;
    result = read(restarted, key);
    QVERIFY(result);
    QVERIFY(result->ok);
    QCOMPARE(result->secret, u"alpha"_s);
    QCOMPARE(result->location, SecretStore::Location::Keychain);

    // Replaced on edit.
    result = write(store, key, u"beta ünïcode"_s);
    QVERIFY(result && result->ok);
    result = read(restarted, key);
    QVERIFY(result && result->ok);
    QCOMPARE(result->secret, u"beta ünïcode"_s);

    // Deleted with the profile; deleting what is not there is fine too.
    result = remove(store, key);
    QVERIFY(result && result->ok);
    result = read(restarted, key);
    QVERIFY(result && !result->ok && result->error.isEmpty());
    QCOMPARE(secretToolLookup(key), QString());
    result = remove(store, key);
    QVERIFY(result && result->ok);
    QVERIFY(!store.isUnavailable());
    QCOMPARE(status.size(), 1); // Unknown → Available, once
}

void TestSecretStore::callbackSkippedWhenContextIsGone()
{
    SecretStore store;
    bool called = false;
    {
        QObject context;
        store.read(QUuid::createUuid().toString(), &context,
                   [&called](const SecretStore::Result &) { called = true; });
    }
    // Let the job finish: the callback must not run for a destroyed context.
    bool other = false;
    QObject context;
    store.read(QUuid::createUuid().toString(), &context,
               [&other](const SecretStore::Result &) { other = true; });
    QTRY_VERIFY_WITH_TIMEOUT(other, 20000);
    QVERIFY(!called);
}

void TestSecretStore::noKeychainKeepsSecretsInMemory()
{
    if (m_expectKeychain)
        QSKIP("a keychain is available in this run");
    const QString key = QUuid::createUuid().toString(QUuid::WithoutBraces);
    SecretStore store;
    QSignalSpy status(&store, &SecretStore::statusChanged);
    auto result = write(store, key, u"in-memory"_s);
    QVERIFY(result);
    QVERIFY(result->ok);
    QCOMPARE(result->location, SecretStore::Location::Memory);
    QVERIFY(!result->error.isEmpty());
    QVERIFY(store.isUnavailable());
    QVERIFY(!store.unavailableReason().isEmpty());
    QCOMPARE(status.size(), 1);
    qInfo() << "keychain unavailable:" << store.unavailableReason();

    // Used for the rest of this run…
    result = read(store, key);
    QVERIFY(result && result->ok);
    QCOMPARE(result->secret, u"in-memory"_s);
    QCOMPARE(result->location, SecretStore::Location::Memory);

    // …but gone for the next one, and the reason is given rather than "nothing saved".
    SecretStore restarted;
    result = read(restarted, key);
    QVERIFY(result && !result->ok);
    QVERIFY(!result->error.isEmpty());

    result = remove(store, key);
    QVERIFY(result); // not ok: the keychain could not be asked; the copy in memory is gone all the same
    result = read(store, key);
    QVERIFY(result && !result->ok);
}

void TestSecretStore::probeTellsBeforeAnySecret()
{
    SecretStore store;
    QCOMPARE(store.status(), SecretStore::Status::Unknown);
    QSignalSpy status(&store, &SecretStore::statusChanged);
    store.probe();
    QVERIFY(status.wait(20000));
    if (m_expectKeychain) {
        QCOMPARE(store.status(), SecretStore::Status::Available); // "not found" is the answer of a keychain
    } else {
        QCOMPARE(store.status(), SecretStore::Status::Unavailable);
        QVERIFY(!store.unavailableReason().isEmpty());
    }
}

void TestSecretStore::readRightAfterWriteGetsTheNewSecret()
{
    // As when a profile is created and opened in the editor at once: the read is asked for while the
    // write is still under way, and must see the new secret wherever it went.
    const QString key = QUuid::createUuid().toString(QUuid::WithoutBraces);
    SecretStore store;
    QObject context;
    store.write(key, u"just written"_s, &context);
    const auto result = read(store, key);
    QVERIFY(result);
    QVERIFY2(result->ok, qPrintable(result->error));
    QCOMPARE(result->secret, u"just written"_s);
    QCOMPARE(result->location,
             m_expectKeychain ? SecretStore::Location::Keychain : SecretStore::Location::Memory);
    // Removed wherever it went, keychain or memory.
    const auto removed = remove(store, key);
    QVERIFY(removed);
    if (m_expectKeychain)
        QVERIFY2(removed->ok, qPrintable(removed->error));
    else
        QVERIFY(!removed->error.isEmpty()); // the keychain could not be asked, and the result says why
    const auto gone = read(store, key);
    QVERIFY(gone && !gone->ok);
}

void TestSecretStore::newSecretReplacesTheCopyOfAStalledKeychain()
{
    // The keychain once answered too late, so this run kept the secret in memory; once it answers again,
    // a secret changed in the editor must be what the next connect reads, not that old copy.
    if (!m_expectKeychain)
        QSKIP("needs a keychain that answers late once, then in time");
    const QString key = QUuid::createUuid().toString(QUuid::WithoutBraces);
    SecretStore store;
    store.setTimeout(std::chrono::milliseconds(1));
    auto result = write(store, key, u"old secret"_s);
    QVERIFY(result && result->ok);
    if (result->location == SecretStore::Location::Keychain)
        QSKIP("the keychain answered within 1 ms, so it could not be made to stall");
    QCOMPARE(result->location, SecretStore::Location::Memory);
    QVERIFY(store.isUnavailable());
    QTRY_COMPARE_WITH_TIMEOUT(store.status(), SecretStore::Status::Available, 20000); // the late answer

    store.setTimeout(std::chrono::seconds(20));
    QObject context;
    bool written = false;
    store.write(key, u"new secret"_s, &context, [&](const SecretStore::Result &r) { written = r.ok; });
    result = read(store, key);
    QVERIFY(result && result->ok);
    QCOMPARE(result->secret, u"new secret"_s);
    QTRY_VERIFY_WITH_TIMEOUT(written, 20000);
    result = read(store, key);
    QVERIFY(result && result->ok);
    QCOMPARE(result->secret, u"new secret"_s);
    QCOMPARE(result->location, SecretStore::Location::Keychain);
    QCOMPARE(secretToolLookup(key), u"new secret"_s);
    result = remove(store, key);
    QVERIFY(result && result->ok);
}

QTEST_GUILESS_MAIN(TestSecretStore)
#include "tst_secretstore.moc"
