// SPDX-License-Identifier: GPL-3.0-or-later
// Profiles, compose history, profile import and stanza templates: the app's non-widget logic.
#include "componentconnection.h"
#include "composehistory.h"
#include "profileimport.h"
#include "profilestore.h"
#include "stanzapolicy.h"
#include "stanzatemplates.h"
#include "xmlelement.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace xcm;

class TestProfiles : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void storeRoundTrip();
    void storeOrderUpdateRemove();
    void storeUniqueNames();
    void historyPersistsNewestFirst();
    void historyMovesRepeatsUpAndCaps();
    void historySummary_data();
    void historySummary();
    void historyCapsBytes();
    void historyTooltipIsBounded();
    void historyIsPrivateAndMovedOnce();
    void importFile();
    void importFileErrors_data();
    void importFileErrors();
    void templatesAreValidStanzas_data();
    void templatesAreValidStanzas();
    void templateMatchingKnowsWhatIsNoTemplate();
    void setRootAttribute_data();
    void setRootAttribute();

private:
    QTemporaryDir m_dir;
};

void TestProfiles::storeRoundTrip()
{
    const QString ini = m_dir.filePath(u"roundtrip.ini"_s);
    Profile profile = Profile::create(u"Weather bot"_s);
    ConnectionSettings &s = profile.settings;
    s.host = u"xmpp.example.org"_s;
    s.port = 5275;
    s.domain = u"weather.example.org"_s;
    s.directTls = true;
    s.acceptInvalidCertificates = true;
    s.tlsServerName = u"example.org"_s;
    s.keepaliveInterval = std::chrono::seconds(90);
    s.maxStanzaBytes = 64 * 1024;
    s.reconnect.enabled = false;
    s.reconnect.initialDelay = std::chrono::seconds(3);
    s.reconnect.maxDelay = std::chrono::seconds(120);
    s.reconnect.maxAttempts = 7;
    s.reconnect.retryAfterAuthenticationFailure = true;
    {
        ProfileStore store(ini);
        QSignalSpy added(&store, &ProfileStore::profileAdded);
        store.add(profile);
        QCOMPARE(added.size(), 1);
    }
    ProfileStore reloaded(ini);
    QCOMPARE(reloaded.count(), 1);
    QCOMPARE(reloaded.profiles().first(), profile);

    // Nothing secret-looking is written: the settings file has no secret key at all.
    QFile file(ini);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(!file.readAll().toLower().contains("secret="));
}

void TestProfiles::storeOrderUpdateRemove()
{
    const QString ini = m_dir.filePath(u"order.ini"_s);
    ProfileStore store(ini);
    const Profile a = Profile::create(u"A"_s);
    const Profile b = Profile::create(u"B"_s);
    const Profile c = Profile::create(u"C"_s);
    store.add(b);
    store.add(a);
    store.add(c);
    Profile renamed = a;
    renamed.name = u"A2"_s;
    QSignalSpy updated(&store, &ProfileStore::profileUpdated);
    QVERIFY(store.update(renamed));
    QCOMPARE(updated.size(), 1);
    QSignalSpy removed(&store, &ProfileStore::profileRemoved);
    QVERIFY(store.remove(c.id));
    QCOMPARE(removed.size(), 1);
    QVERIFY(!store.remove(c.id));

    ProfileStore reloaded(ini);
    QCOMPARE(reloaded.count(), 2);
    QCOMPARE(reloaded.profiles().at(0).name, u"B"_s); // the user's order, not alphabetical
    QCOMPARE(reloaded.profiles().at(1).name, u"A2"_s);
    QCOMPARE(reloaded.profile(a.id).name, u"A2"_s);
    QVERIFY(reloaded.profile(c.id).isNull());
}

void TestProfiles::storeUniqueNames()
{
    ProfileStore store(m_dir.filePath(u"names.ini"_s));
    QCOMPARE(store.uniqueName(u"Demo"_s), u"Demo"_s);
    store.add(Profile::create(u"Demo"_s));
    QCOMPARE(store.findByName(u"demo"_s).name, u"Demo"_s);
    QCOMPARE(store.uniqueName(u"Demo"_s), u"Demo 2"_s);
    store.add(Profile::create(u"Demo 2"_s));
    QCOMPARE(store.uniqueName(u"Demo"_s), u"Demo 3"_s);
}

void TestProfiles::historyPersistsNewestFirst()
{
    const QString file = m_dir.filePath(u"history/one.json"_s);
    {
        ComposeHistory history(file);
        history.add("<message from='a@c.example' to='b@example.org'><body>1</body></message>", 1000);
        history.add("  <presence from='a@c.example' to='b@example.org'/>\n", 2000);
        QVERIFY2(history.errorString().isEmpty(), qPrintable(history.errorString()));
    }
    ComposeHistory reloaded(file);
    QCOMPARE(reloaded.rowCount(), 2);
    QCOMPARE(reloaded.entry(0).xml, "<presence from='a@c.example' to='b@example.org'/>"_ba); // trimmed
    QCOMPARE(reloaded.entry(0).sentAtMs, 2000);
    QCOMPARE(reloaded.entry(1).sentAtMs, 1000);
    QCOMPARE(reloaded.data(reloaded.index(0), ComposeHistory::XmlRole).toByteArray(), reloaded.entry(0).xml);

    reloaded.discard();
    QVERIFY(!QFile::exists(file));
}

void TestProfiles::historyMovesRepeatsUpAndCaps()
{
    ComposeHistory history(m_dir.filePath(u"history/cap.json"_s));
    history.setCapacity(3);
    for (int i = 0; i < 5; ++i)
        history.add("<message to='x@y' from='a@c'><body>" + QByteArray::number(i) + "</body></message>", i);
    QCOMPARE(history.rowCount(), 3);
    QVERIFY(history.entry(0).xml.contains(">4<"));
    QVERIFY(history.entry(2).xml.contains(">2<"));

    // Sending an entry again moves it to the top instead of adding a copy.
    const QByteArray again = history.entry(2).xml;
    history.add(again, 99);
    QCOMPARE(history.rowCount(), 3);
    QCOMPARE(history.entry(0).xml, again);
    QCOMPARE(history.entry(0).sentAtMs, 99);

    ComposeHistory reloaded(history.fileName());
    QCOMPARE(reloaded.entries(), history.entries());
}

void TestProfiles::historySummary_data()
{
    QTest::addColumn<QByteArray>("xml");
    QTest::addColumn<QString>("summary");
    QTest::newRow("chat")
        << "<message type='chat' from='a@c' to='bob@example.org'><body>Hello there</body></message>"_ba
        << u"message chat “Hello there” → bob@example.org"_s;
    QTest::newRow("ping")
        << "<iq type='get' id='1' from='c' to='example.org'><ping xmlns='urn:xmpp:ping'/></iq>"_ba
        << u"iq get ping → example.org"_s;
    QTest::newRow("disco")
        << "<iq type='get' id='1' from='c' to='s'><query xmlns='http://jabber.org/protocol/disco#info'/></iq>"_ba
        << u"iq get disco#info → s"_s;
    QTest::newRow("presence") << "<presence type='probe' from='c' to='u@s'/>"_ba << u"presence probe → u@s"_s;
    // Only a direct child is the body, wherever it comes.
    QTest::newRow("body after others")
        << "<message to='u@s'><x xmlns='urn:x'><body>inner</body></x><data xmlns='urn:xmpp:bob'>"_ba +
               QByteArray(100'000, 'A') + "</data><body>outer</body></message>"_ba
        << u"message “outer” → u@s"_s;
    QTest::newRow("no body") << "<message to='u@s'><x xmlns='urn:x'><body>inner</body></x></message>"_ba
                             << u"message → u@s"_s;
    QTest::newRow("not XML") << "hello"_ba << u"raw XML (5 bytes)"_s;
}

void TestProfiles::historySummary()
{
    QFETCH(QByteArray, xml);
    QFETCH(QString, summary);
    QCOMPARE(ComposeHistory::summary(xml), summary);
}

void TestProfiles::historyCapsBytes()
{
    ComposeHistory history(m_dir.filePath(u"history/bytes.json"_s));
    const auto large = [](int i) -> QByteArray {
        return "<message to='x@y' id='" + QByteArray::number(i) + "'><body>" +
               QByteArray(3 * 1024 * 1024, 'z') + "</body></message>";
    };
    for (int i = 0; i < 4; ++i)
        history.add(large(i), i);
    // 8 MiB holds two of them; the newest stay.
    QCOMPARE(history.rowCount(), 2);
    QVERIFY(history.entry(0).xml.contains("id='3'"));
    QVERIFY(history.entry(1).xml.contains("id='2'"));
    // One larger than the whole allowance is still kept, alone.
    history.add("<message to='x@y'><body>" + QByteArray(9 * 1024 * 1024, 'y') + "</body></message>", 9);
    QCOMPARE(history.rowCount(), 1);
    // The next one pushes it out: together they are over the allowance.
    history.add("<presence to='x@y'/>", 10);
    QCOMPARE(history.rowCount(), 1);
    QCOMPARE(history.entry(0).xml, "<presence to='x@y'/>"_ba);
}

void TestProfiles::historyTooltipIsBounded()
{
    ComposeHistory history;
    history.add("<message to='x@y'><body>" + QByteArray(500'000, 'Q') + "</body></message>", 1);
    const QString tooltip = history.data(history.index(0), Qt::ToolTipRole).toString();
    QVERIFY2(tooltip.size() < 3000, qPrintable(QString::number(tooltip.size())));
    QVERIFY(tooltip.contains(u"<message to='x@y'><body>QQQ"_s));
    QVERIFY(tooltip.endsWith(u'…'));
    history.add("<presence to='x@y'/>", 2);
    QVERIFY(history.data(history.index(0), Qt::ToolTipRole).toString().endsWith(u"<presence to='x@y'/>"_s));
}

void TestProfiles::historyIsPrivateAndMovedOnce()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"xcm"_s);
    QCoreApplication::setApplicationName(u"xcm"_s);
    const QString directory = ComposeHistory::directory();
    QVERIFY2(directory.endsWith(u"/xcm/history"_s) && !directory.contains(u"xcm/xcm"_s),
             qPrintable(directory));
    QDir(directory).removeRecursively();

    // A history where xcm kept it before: world-readable, under xcm/xcm.
    const QString oldDirectory =
        QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/history"_s;
    QVERIFY(QDir().mkpath(oldDirectory));
    const QString oldFile = oldDirectory + u"/key-1.json"_s;
    {
        ComposeHistory old(oldFile);
        old.add("<presence to='old@example.org'/>", 5);
    }
    QVERIFY(QFile::setPermissions(oldFile, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                               QFileDevice::ReadGroup | QFileDevice::ReadOther));

    ComposeHistory moved(ComposeHistory::defaultFileName(u"key-1"_s));
    QCOMPARE(moved.rowCount(), 1);
    QCOMPARE(moved.entry(0).xml, "<presence to='old@example.org'/>"_ba);
    QVERIFY(!QFile::exists(oldFile));
    const auto privateFile = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
    const auto privateDirectory = privateFile | QFileDevice::ExeOwner;
    const auto mask = ~(QFileDevice::ReadUser | QFileDevice::WriteUser | QFileDevice::ExeUser);
    QCOMPARE(QFileInfo(moved.fileName()).permissions() & mask, privateFile);
    QCOMPARE(QFileInfo(directory).permissions() & mask, privateDirectory);

    // A new history is private from the start.
    ComposeHistory fresh(ComposeHistory::defaultFileName(u"key-2"_s));
    fresh.add("<presence to='new@example.org'/>", 6);
    QCOMPARE(QFileInfo(fresh.fileName()).permissions() & mask, privateFile);
    QDir(directory).removeRecursively();
    QDir(oldDirectory).removeRecursively();
}

void TestProfiles::importFile()
{
    const QString secretFile = m_dir.filePath(u"demo.secret"_s);
    QFile secret(secretFile);
    QVERIFY(secret.open(QIODevice::WriteOnly));
    secret.write("s3cret-value\nsecond line ignored\n");
    secret.close();
    secret.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);

    const QString profileFile = m_dir.filePath(u"demo.profile"_s);
    QFile description(profileFile);
    QVERIFY(description.open(QIODevice::WriteOnly));
    description.write("# a comment\nname=Demo\nhost=127.0.0.1\nport=15347\ndomain=Demo.Localhost\n"
                      "secret-file=demo.secret\nkeepaliveSeconds=30\nreconnect=no\n");
    description.close();

    const ProfileImport::Result result = ProfileImport::readFile(profileFile);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QVERIFY(!result.profile.isNull());
    QCOMPARE(result.profile.name, u"Demo"_s);
    QCOMPARE(result.profile.settings.host, u"127.0.0.1"_s);
    QCOMPARE(result.profile.settings.port, 15347);
    QCOMPARE(result.profile.settings.domain, u"demo.localhost"_s);
    QCOMPARE(result.profile.settings.keepaliveInterval, std::chrono::seconds(30));
    QCOMPARE(result.profile.settings.reconnect.enabled, false);
    QCOMPARE(result.secret, u"s3cret-value"_s); // relative to the description, first line only
    QVERIFY(result.warnings.isEmpty());

    secret.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadOther);
    QCOMPARE(ProfileImport::readFile(profileFile).warnings.size(), 1);
}

void TestProfiles::importFileErrors_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QString>("fileName");
    QTest::newRow("no name") << "domain=a.example\n"_ba << u"no name"_s << QString();
    QTest::newRow("bad port") << "name=x\ndomain=a.example\nport=70000\n"_ba << u"port"_s << QString();
    QTest::newRow("bad domain") << "name=x\ndomain=a b\n"_ba << u"domain"_s << QString();
    QTest::newRow("bad host") << "name=x\ndomain=a.example\nhost=xmpp.example.org:5347\n"_ba
                              << u"host: “:5347” looks like a port"_s << QString();
    QTest::newRow("no equals") << "name=x\nnonsense\n"_ba << u"key=value"_s << QString();
    QTest::newRow("missing secret file")
        << "name=x\ndomain=a.example\nsecret-file=/nonexistent/x\n"_ba << u"secret file"_s << QString();
    // A file name is the user's text: a %1 in it must not take the line number's place.
    QTest::newRow("percent in the file name")
        << "name=x\nnonsense\n"_ba << u"50%1 off.profile:2: expected"_s << u"50%1 off.profile"_s;
}

void TestProfiles::importFileErrors()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, expected);
    QFETCH(QString, fileName);
    fileName = m_dir.filePath(fileName.isEmpty() ? u"bad.profile"_s : fileName);
    QFile file(fileName);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(content);
    file.close();
    const ProfileImport::Result result = ProfileImport::readFile(fileName);
    QVERIFY(!result.ok());
    QVERIFY2(result.error.contains(expected), qPrintable(result.error));
}

void TestProfiles::templatesAreValidStanzas_data()
{
    QTest::addColumn<int>("kind");
    for (const StanzaTemplate kind : allStanzaTemplates()) {
        if (kind != StanzaTemplate::Raw)
            QTest::newRow(qPrintable(templateIdentifier(kind))) << int(kind);
    }
}

void TestProfiles::templatesAreValidStanzas()
{
    QFETCH(int, kind);
    const auto stanzaTemplate = StanzaTemplate(kind);
    QCOMPARE(templateFromIdentifier(templateIdentifier(stanzaTemplate)), stanzaTemplate);
    QVERIFY(!templateName(stanzaTemplate).isEmpty());
    const QString xml =
        templateXml(stanzaTemplate, u"bot@comp.example"_s, u"bob@example.org/O'Brien & co"_s, newStanzaId());
    const StanzaPolicy policy{u"comp.example"_s, 512 * 1024};
    const QString problem = policy.check(xml.toUtf8());
    QVERIFY2(problem.isEmpty(), qPrintable(problem + u"\n"_s + xml));
    // A resource with a quote and an ampersand survives the quoting.
    QCOMPARE(XmlElement::parse(xml.toUtf8()).attribute(u"to"), u"bob@example.org/O'Brien & co"_s);
    // Without a recipient the check says so.
    const QString noTo = templateXml(stanzaTemplate, u"bot@comp.example"_s, {}, u"x"_s);
    QVERIFY(!policy.check(noTo.toUtf8()).isEmpty());
    // The compose form's selector follows the editor: a template's stanza is recognised as such.
    QCOMPARE(templateMatching(XmlElement::parse(xml.toUtf8())), stanzaTemplate);
}

void TestProfiles::templateMatchingKnowsWhatIsNoTemplate()
{
    const auto matching = [](const char *xml) { return templateMatching(XmlElement::parse(xml)); };
    // Other addresses, ids and content are still the template.
    QCOMPARE(matching("<iq type='get' id='a'><ping xmlns='urn:xmpp:ping'/></iq>"), StanzaTemplate::IqPing);
    QCOMPARE(matching("<message type='headline' to='x@y'><body>news</body></message>"),
             StanzaTemplate::MessageHeadline);
    QCOMPARE(matching("<presence/>"), StanzaTemplate::PresenceAvailable);
    // Another type, payload or element is not.
    QCOMPARE(matching("<iq type='result' id='a'><ping xmlns='urn:xmpp:ping'/></iq>"), StanzaTemplate::Raw);
    QCOMPARE(matching("<iq type='get' id='a'><query xmlns='jabber:iq:roster'/></iq>"), StanzaTemplate::Raw);
    QCOMPARE(matching("<message type='error'><body/></message>"), StanzaTemplate::Raw);
    QCOMPARE(matching("<message><body>no type</body></message>"), StanzaTemplate::Raw);
    QCOMPARE(matching("<presence type='subscribed'/>"), StanzaTemplate::Raw);
    QCOMPARE(matching("<handshake/>"), StanzaTemplate::Raw);
    QCOMPARE(templateMatching(XmlElement()), StanzaTemplate::Raw);
}

void TestProfiles::setRootAttribute_data()
{
    QTest::addColumn<QString>("xml");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("expected");
    QTest::newRow("replace single-quoted") << u"<message to='a' from='b'><body/></message>"_s << u"from"_s
                                           << u"c@d"_s << u"<message to='a' from='c@d'><body/></message>"_s;
    // The user's quotes stay (a profile saved must not restyle the XML typed in the compose form).
    QTest::newRow("replace double-quoted") << u"  <iq to=\"a\" type=\"get\">\n</iq>"_s << u"to"_s << u"x"_s
                                           << u"  <iq to=\"x\" type=\"get\">\n</iq>"_s;
    QTest::newRow("double quotes escaped as such")
        << u"<iq to=\"a\"/>"_s << u"to"_s << u"x\"'y"_s << u"<iq to=\"x&quot;'y\"/>"_s;
    QTest::newRow("add") << u"<presence/>"_s << u"to"_s << u"u@s"_s << u"<presence to='u@s'/>"_s;
    QTest::newRow("add before >") << u"<message type='chat'>hi</message>"_s << u"from"_s << u"a"_s
                                  << u"<message from='a' type='chat'>hi</message>"_s;
    QTest::newRow("child untouched") << u"<message><x from='keep'/></message>"_s << u"from"_s << u"a"_s
                                     << u"<message from='a'><x from='keep'/></message>"_s;
    QTest::newRow("escaped") << u"<message to='a'/>"_s << u"to"_s << u"<&'>"_s
                             << u"<message to='&lt;&amp;&apos;>'/>"_s;
    QTest::newRow("not xml") << u"hello"_s << u"to"_s << u"a"_s << u"hello"_s;
    QTest::newRow("unterminated tag") << u"<message to='a"_s << u"from"_s << u"b"_s << u"<message to='a"_s;
}

void TestProfiles::setRootAttribute()
{
    QFETCH(QString, xml);
    QFETCH(QString, name);
    QFETCH(QString, value);
    QFETCH(QString, expected);
    QCOMPARE(xcm::setRootAttribute(xml, name, value), expected);
}

QTEST_GUILESS_MAIN(TestProfiles)
#include "tst_profiles.moc"
