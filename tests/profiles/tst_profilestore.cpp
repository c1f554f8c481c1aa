// SPDX-License-Identifier: GPL-3.0-or-later
// ProfileStore keeps every setting a profile has, across a reload, and reads files without the newer keys
// as the defaults.
#include "filterlibrary.h"
#include "profilestore.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace xcm;

class TestProfileStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void everySettingSurvivesAReload();
    void anOlderFileReadsAsTheDefaults();
    void rulesSurviveAReloadAndAnUpdate();
    void rulesGoWithTheirProfile();
    void savedFiltersAndHistory();
    void clashesOnTheSameServerUnderAnotherName_data();
    void clashesOnTheSameServerUnderAnotherName();
};

void TestProfileStore::clashesOnTheSameServerUnderAnotherName_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("otherHost");
    QTest::addColumn<bool>("clash");
    QTest::newRow("same name") << u"xmpp.example.org"_s << u"XMPP.example.org"_s << true;
    // One server on this machine answers on every loopback name; the hint missed these.
    QTest::newRow("localhost and 127.0.0.1") << u"localhost"_s << u"127.0.0.1"_s << true;
    QTest::newRow("127.0.0.1 and ::1") << u"127.0.0.1"_s << u"::1"_s << true;
    QTest::newRow("another server") << u"xmpp.example.org"_s << u"127.0.0.1"_s << false;
    QTest::newRow("another loopback address") << u"127.0.0.2"_s << u"127.0.0.1"_s << false;
    QTest::newRow("two servers") << u"a.example.org"_s << u"b.example.org"_s << false;
}

void TestProfileStore::clashesOnTheSameServerUnderAnotherName()
{
    QFETCH(QString, host);
    QFETCH(QString, otherHost);
    QFETCH(bool, clash);
    QTemporaryDir dir;
    ProfileStore store(dir.filePath(u"xcm.conf"_s));
    Profile other = Profile::create(u"Live"_s);
    other.settings.domain = u"gw.example.org"_s;
    other.settings.host = otherHost;
    store.add(other);
    Profile profile = Profile::create(u"Test"_s);
    profile.settings.domain = u"gw.example.org"_s;
    profile.settings.host = host;
    const std::optional<ProfileStore::Clash> found = store.clashWith(profile);
    QCOMPARE(found.has_value(), clash);
    if (clash) {
        QCOMPARE(found->other.name, u"Live"_s);
        QVERIFY(found->kind == ProfileStore::Clash::Kind::SameComponent);
    }
    profile.settings.domain = u"other.example.org"_s; // another component on the same server: fine
    QVERIFY(!store.clashWith(profile));
}

void TestProfileStore::everySettingSurvivesAReload()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(u"xcm.conf"_s);
    Profile profile = Profile::create(u"Gateway"_s);
    profile.settings.domain = u"gw.example.org"_s;
    profile.settings.port = 5348;
    profile.settings.reconnect.maxAttempts = 7;
    profile.settings.reconnect.stableAfter = 45s;
    profile.responder.enabled = true;
    profile.responder.ping = false;
    profile.responder.version = false;
    profile.responder.identity = {u"gateway"_s, u"irc"_s, u"IRC"_s};
    profile.responder.extraFeatures = {u"urn:example:a"_s, u"urn:example:b"_s};
    profile.responder.items = {{u"rooms.gw.example.org"_s, u"n"_s, u"Rooms"_s},
                               {u"gw.example.org"_s, {}, {}}};
    profile.responder.revealOs = true;
    profile.responder.answerByHand = true;
    profile.responder.handAnswerLimit = 0ms;
    profile.responder.maxHeld = 12;
    profile.requestTimeout = 5s;
    profile.mode = Profile::Mode::Proxy;
    profile.listenAddress = u"127.0.0.2"_s;
    profile.listenPort = 5399;
    profile.separateComponentSecret = true;
    {
        ProfileStore store(file);
        store.add(profile);
    }
    ProfileStore reloaded(file);
    QCOMPARE(reloaded.count(), 1);
    QCOMPARE(reloaded.profiles().first(), profile);
}

void TestProfileStore::anOlderFileReadsAsTheDefaults()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(u"xcm.conf"_s);
    const QUuid id = QUuid::createUuid();
    {
        QSettings settings(file, QSettings::IniFormat);
        settings.setValue(u"profiles/%1/name"_s.arg(id.toString(QUuid::WithoutBraces)), u"Old"_s);
        settings.setValue(u"profiles/%1/domain"_s.arg(id.toString(QUuid::WithoutBraces)),
                          u"old.example.org"_s);
    }
    ProfileStore store(file);
    QCOMPARE(store.count(), 1);
    const Profile profile = store.profiles().first();
    QCOMPARE(profile.responder, ResponderSettings());
    QCOMPARE(profile.mode, Profile::Mode::Component);
    QCOMPARE(profile.requestTimeout, 30s);
    QCOMPARE(profile.settings.reconnect.stableAfter, 30s);
}

void TestProfileStore::rulesSurviveAReloadAndAnUpdate()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(u"xcm.conf"_s);
    Profile profile = Profile::create(u"Echo"_s);
    const QList<Rule> rules{
        Rule(u"echo"_s, u"kind == message and body contains 'ping'"_s,
             u"<message from=\"{to}\" to=\"{from}\" type=\"chat\"><body>pong {body}</body></message>"_s, 250),
        Rule(u"off"_s, u"kind == presence"_s, u"<presence from=\"{to}\" to=\"{from}\"/>"_s, 0, false),
    };
    {
        ProfileStore store(file);
        store.add(profile);
        QString error;
        QVERIFY2(store.setRules(profile.id, rules, &error), qPrintable(error));
        profile.name = u"Echo 2"_s;
        store.update(profile); // rewriting the profile's settings keeps its rules
    }
    ProfileStore reloaded(file);
    QString error;
    const QList<Rule> read = reloaded.rules(profile.id, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(read.size(), rules.size());
    for (qsizetype i = 0; i < rules.size(); ++i)
        QVERIFY2(read[i].sameDefinition(rules[i]), qPrintable(read[i].name()));
    QVERIFY(read[0].isCompiled());
}

void TestProfileStore::rulesGoWithTheirProfile()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(u"xcm.conf"_s);
    const Profile profile = Profile::create(u"Gone"_s);
    ProfileStore store(file);
    store.add(profile);
    QVERIFY(store.setRules(profile.id, {Rule(u"r"_s, u"kind == iq"_s, u"<iq type='result' id='{id}'/>"_s)}));
    QCOMPARE(store.rules(profile.id).size(), 1);
    QVERIFY(store.remove(profile.id));
    QVERIFY(store.rules(profile.id).isEmpty());
    store.add(profile); // the same id again starts without rules
    QVERIFY(ProfileStore(file).rules(profile.id).isEmpty());
}

void TestProfileStore::savedFiltersAndHistory()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(u"xcm.conf"_s);
    const Profile profile = Profile::create(u"Filters"_s);
    const Profile other = Profile::create(u"Other"_s);
    {
        ProfileStore store(file);
        store.add(profile);
        store.add(other);
        FilterLibrary library(&store, profile.id);
        library.save(u" errors "_s, u"type == error"_s);
        library.save(u"alice"_s, u"from.bare == 'alice@example.org'"_s);
        library.save(u"errors"_s, u"type == error or error"_s); // the same name replaces
        library.save(u""_s, u"kind == iq"_s);                   // no name: nothing saved
        for (int i = 0; i < 25; ++i)
            library.remember(u"size > %1"_s.arg(i));
        library.remember(u"size > 10"_s); // used again: first, once
        FilterLibrary(&store, other.id).remember(u"kind == iq"_s);
    }
    ProfileStore reloaded(file);
    FilterLibrary library(&reloaded, profile.id);
    const QList<FilterLibrary::SavedFilter> saved = library.saved();
    QCOMPARE(saved.size(), 2);
    QCOMPARE(saved.at(0), (FilterLibrary::SavedFilter{u"errors"_s, u"type == error or error"_s}));
    QCOMPARE(saved.at(1).name, u"alice"_s);
    const QStringList history = library.history();
    QCOMPARE(history.size(), FilterLibrary::maxHistory);
    QCOMPARE(history.first(), u"size > 10"_s);
    QCOMPARE(history.at(1), u"size > 24"_s);
    QCOMPARE(history.count(u"size > 10"_s), 1);
    QVERIFY(!history.contains(u"size > 4"_s)); // the oldest went
    QCOMPARE(FilterLibrary(&reloaded, other.id).history(), QStringList{u"kind == iq"_s});
    library.remove(u"errors"_s);
    QCOMPARE(library.saved().size(), 1);
    // They go with their profile.
    QVERIFY(reloaded.remove(profile.id));
    QVERIFY(library.saved().isEmpty());
    QVERIFY(library.history().isEmpty());
}

QTEST_GUILESS_MAIN(TestProfileStore)
#include "tst_profilestore.moc"
