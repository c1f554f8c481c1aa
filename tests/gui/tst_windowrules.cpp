// SPDX-License-Identifier: GPL-3.0-or-later
// Reply rules in the desktop app, end to end: a real slixmpp client on a real Prosody talks to the
// component the real main window connected. The profile's echo rule answers 'ping 1' with 'pong ping 1'
// (hits 1, the log row automatic and named after the rule); an iq a rule answers gets no automatic
// error besides; the rules are kept with the profile (a new ProfileStore reads them).
#include "mainwindow.h"
#include "profileservice.h"
#include "profilesession.h"
#include "profilestore.h"
#include "prosodyserver.h"
#include "ruleengine.h"
#include "stanzalogmodel.h"
#include "xmppclientprocess.h"

#include <QApplication>
#include <QDir>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace xcm;
using xcm::test::ComponentAccount;
using xcm::test::ProsodyServer;
using xcm::test::XmppClientProcess;

namespace {

const ComponentAccount component{u"rules.localhost"_s, u"rules-secret-5"_s};
const QString userPassword = u"carol-password"_s;

QList<Rule> echoRules()
{
    return {
        Rule(u"echo"_s, u"kind == message and body contains 'ping'"_s,
             u"<message from=\"{to}\" to=\"{from}\" type=\"chat\"><body>pong {body}</body></message>"_s),
        Rule(u"answer"_s, u"kind == iq and type == get"_s,
             u"<iq type=\"result\" id=\"{id}\" from=\"{to}\" to=\"{from}\"/>"_s),
    };
}

} // namespace

class TestWindowRules : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void ruleAnswersTheClient();

private:
    std::unique_ptr<ProsodyServer> m_server;
    std::unique_ptr<MainWindow> m_window;
    QString m_user;
};

void TestWindowRules::initTestCase()
{
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
        QFAIL("no session bus: run this test through tests/run-with-keychain");
    QString why;
    if (!ProsodyServer::available(&why))
        QFAIL(qPrintable(u"Prosody is required: "_s + why));
    if (!XmppClientProcess::available(&why))
        QFAIL(qPrintable(u"The slixmpp test client is required: "_s + why));

    QStandardPaths::setTestModeEnabled(true);
    QApplication::setOrganizationName(u"xcm"_s);
    QApplication::setApplicationName(u"tst_windowrules"_s);
    QSettings().clear();
    QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).removeRecursively();

    m_server = std::make_unique<ProsodyServer>(QList<ComponentAccount>{component});
    QVERIFY2(m_server->start(&why), qPrintable(why));
    QVERIFY2(m_server->addUser(u"carol"_s, userPassword, &why), qPrintable(why));
    m_user = u"carol@"_s + m_server->serverDomain();

    m_window = std::make_unique<MainWindow>();
    m_window->resize(1200, 800);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestWindowRules::cleanupTestCase()
{
    m_window.reset();
    if (m_server)
        m_server->stop();
}

void TestWindowRules::ruleAnswersTheClient()
{
    Profile profile = Profile::create(u"Rules"_s);
    profile.settings.host = u"127.0.0.1"_s;
    profile.settings.port = m_server->componentPort();
    profile.settings.domain = component.domain;
    profile.settings.reconnect.enabled = false;
    m_window->profileService()->createProfile(profile, component.secret);
    QVERIFY(m_window->profileService()->store()->setRules(profile.id, echoRules()));
    QVERIFY(m_window->selectProfileByName(u"Rules"_s));
    ProfileSession *session = m_window->currentSession();
    QVERIFY(session->setRules(echoRules()));
    session->connectToServer();
    QTRY_COMPARE_WITH_TIMEOUT(session->state(), ConnectionState::Connected, 15000);

    XmppClientProcess client(m_user, userPassword, m_server->clientPort());
    QVERIFY2(client.run({u"<message id='p1' to='%1' type='chat'><body>ping 1</body></message>"_s.arg(
                             component.domain),
                         u"<iq type='get' id='q1' to='%1'><query xmlns='urn:example:unknown'/></iq>"_s.arg(
                             component.domain)},
                        20s),
             qPrintable(client.failure()));
    QCOMPARE(client.messageBody(u"p1"_s), u"pong ping 1"_s);
    QCOMPARE(client.answer(u"q1"_s).attribute(u"type"), u"result"_s);
    QCOMPARE(session->rules()->rules().at(0).hits(), quint64(1));
    QCOMPARE(session->rules()->rules().at(1).hits(), quint64(1));

    // The replies are logged as automatic, each named after its rule; the iq got only the rule's answer.
    QTest::qWait(300);
    StanzaLogModel *log = session->log();
    log->flush();
    int pongs = 0;
    int answersToQ1 = 0;
    for (int row = 0; row < log->rowCount(); ++row) {
        const Stanza stanza = log->stanzaAt(row);
        if (stanza.direction() != Direction::Sent)
            continue;
        if (stanza.kind() == StanzaKind::Message) {
            ++pongs;
            QCOMPARE(log->originAt(row), StanzaLogModel::Origin::Automatic);
            QCOMPARE(session->ruleNameFor(log->sequenceAt(row)), u"echo"_s);
        }
        if (stanza.id() == u"q1") {
            ++answersToQ1;
            QCOMPARE(session->ruleNameFor(log->sequenceAt(row)), u"answer"_s);
        }
    }
    QCOMPARE(pongs, 1);
    QCOMPARE(answersToQ1, 1);

    session->disconnectFromServer();
    QTRY_COMPARE(session->state(), ConnectionState::Disconnected);
    // Kept with the profile: what a restart reads.
    ProfileStore reread;
    QCOMPARE(reread.rules(profile.id).size(), 2);
    QVERIFY(reread.rules(profile.id).at(0).sameDefinition(echoRules().at(0)));
}

QTEST_MAIN(TestWindowRules)
#include "tst_windowrules.moc"
