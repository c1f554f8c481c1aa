// SPDX-License-Identifier: GPL-3.0-or-later
// A proxy profile in the real main window, driven with QTest (offscreen), with a real Secret Service
// keychain (run inside tests/run-with-keychain), a real Prosody upstream, slixmpp's echo component
// connecting through the proxy and a slixmpp client messaging it. The slots run in order and build on
// each other: the profile is created in the editor, listens, relays, injects, and refuses a component
// with the wrong secret, next to a normal profile connected at the same time.
#include "composehistory.h"
#include "composewidget.h"
#include "connectionbar.h"
#include "echocomponentprocess.h"
#include "mainwindow.h"
#include "prerequisite.h"
#include "profileeditor.h"
#include "profilesession.h"
#include "profilestore.h"
#include "prosodyserver.h"
#include "ruledialog.h"
#include "ruleengine.h"
#include "rulelistmodel.h"
#include "rulespanel.h"
#include "secrettool.h"
#include "sessionlistmodel.h"
#include "sessionpage.h"
#include "stanzalogmodel.h"
#include "threadedproxy.h"
#include "windowdriver.h"
#include "xmppclientprocess.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QThread>
#include <QTimer>
#include <QToolButton>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace xcm;
using xcm::test::ComponentAccount;
using xcm::test::EchoComponentProcess;
using xcm::test::ProsodyServer;
using xcm::test::secretToolLookup;
using xcm::test::XmppClientProcess;

namespace {

const ComponentAccount echo{u"echo.localhost"_s, u"echo-Secret-81"_s};
const ComponentAccount plain{u"plain.localhost"_s, u"plain-Secret-82"_s};
const QString componentSecret = u"the-component-side-83"_s;
const QString userPassword = u"carol-password"_s;
const QString proxyName = u"Echo (proxy)"_s;
const QString plainName = u"Plain"_s;

void typeInto(QWidget *edit, const QString &text)
{
    edit->setFocus();
    QTest::keyClick(edit, Qt::Key_A, Qt::ControlModifier);
    if (text.isEmpty())
        QTest::keyClick(edit, Qt::Key_Delete);
    QTest::keyClicks(edit, text);
}

// The row of the log holding `text` in this direction, or -1.
int logRow(const ProfileSession *session, Direction direction, const QString &text)
{
    const StanzaLogModel *log = session->log();
    for (int row = 0; row < log->rowCount(); ++row) {
        if (log->directionAt(row) == direction && log->wireAt(row).contains(text.toUtf8()))
            return row;
    }
    return -1;
}

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

class TestProxyWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void createsProxyProfileThroughEditor();
    void listensAndRelaysTheEcho();
    void injectsOnBothLegs();
    void faultRulesActOnTheLegs();
    void wrongComponentSecretIsRefused();
    void disconnectStopsListening();

private:
    bool activate() { return xcm::test::activateWindow(m_window.get()); }
    ProfileEditor *openEditor(const QKeySequence &shortcut)
    {
        return xcm::test::openEditor(m_window.get(), shortcut);
    }
    ProfileEditor *findEditor() const { return xcm::test::visibleEditor(m_window.get()); }
    ProfileSession *session(const QString &name) const
    {
        return xcm::test::sessionNamed(m_window.get(), name);
    }
    SessionPage *page(const QString &name) const { return xcm::test::pageNamed(m_window.get(), name); }
    QString barState(const QString &name) const;
    QString barReason(const QString &name) const;

    std::unique_ptr<ProsodyServer> m_server;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<EchoComponentProcess> m_component;
    QString m_user;
    quint16 m_listenPort = 0;
};

void TestProxyWindow::initTestCase()
{
    XCM_REQUIRE_PREREQUISITE(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
                             u"no session bus: run this test through tests/run-with-keychain"_s);
    QString why;
    XCM_REQUIRE_PREREQUISITE(ProsodyServer::available(&why), why);
    if (!XmppClientProcess::available(&why))
        QFAIL(qPrintable(u"The slixmpp test client is required: "_s + why));

    QStandardPaths::setTestModeEnabled(true);
    QApplication::setQuitOnLastWindowClosed(false);
    QApplication::setOrganizationName(u"xcm"_s);
    QApplication::setApplicationName(u"xcm"_s);
    QSettings().clear();
    QDir(ComposeHistory::directory()).removeRecursively();

    m_server = std::make_unique<ProsodyServer>(QList<ComponentAccount>{echo, plain});
    QVERIFY2(m_server->start(&why), qPrintable(why));
    QVERIFY2(m_server->addUser(u"carol"_s, userPassword, &why), qPrintable(why));
    m_user = u"carol@"_s + m_server->serverDomain();

    m_window = std::make_unique<MainWindow>();
    m_window->resize(1200, 800);
    m_window->show();
    QVERIFY(activate());
    QTRY_COMPARE(m_window->secretStore()->status(), SecretStore::Status::Available);
}

void TestProxyWindow::cleanupTestCase()
{
    m_component.reset();
    m_window.reset();
    if (m_server)
        m_server->stop();
}

QString TestProxyWindow::barState(const QString &name) const
{
    return page(name)->connectionBar()->findChild<QLabel *>(u"stateLabel"_s)->text();
}

QString TestProxyWindow::barReason(const QString &name) const
{
    return page(name)->connectionBar()->findChild<QLabel *>(u"reasonLabel"_s)->text();
}

void TestProxyWindow::createsProxyProfileThroughEditor()
{
    // A normal profile first, to run next to the proxy.
    ProfileEditor *editor = openEditor(QKeySequence::New);
    QVERIFY(editor);
    typeInto(editor->findChild<QLineEdit *>(u"name"_s), plainName);
    typeInto(editor->findChild<QLineEdit *>(u"host"_s), u"127.0.0.1"_s);
    typeInto(editor->findChild<QSpinBox *>(u"port"_s), QString::number(m_server->componentPort()));
    typeInto(editor->findChild<QLineEdit *>(u"domain"_s), plain.domain);
    typeInto(editor->findChild<QLineEdit *>(u"secret"_s), plain.secret);
    QVERIFY(!editor->findChild<QLineEdit *>(u"listenAddress"_s)->isVisible()); // component mode
    QTest::keyClick(editor, Qt::Key_Return);
    QTRY_VERIFY(!findEditor());

    editor = openEditor(QKeySequence::New);
    QVERIFY(editor);
    typeInto(editor->findChild<QLineEdit *>(u"name"_s), proxyName);
    QVERIFY(editor->findChild<QRadioButton *>(u"componentMode"_s)->isChecked());
    QTest::mouseClick(editor->findChild<QRadioButton *>(u"proxyMode"_s), Qt::LeftButton);
    QVERIFY(editor->findChild<QRadioButton *>(u"proxyMode"_s)->isChecked());
    auto *listenAddress = editor->findChild<QLineEdit *>(u"listenAddress"_s);
    auto *listenPort = editor->findChild<QSpinBox *>(u"listenPort"_s);
    QVERIFY(listenAddress->isVisible());
    QCOMPARE(listenAddress->text(), u"127.0.0.1"_s);
    // A free port is suggested; the keepalive and reconnect rows give way (the component's business).
    QVERIFY(listenPort->value() > 1024);
    m_listenPort = quint16(listenPort->value());
    QVERIFY(!editor->findChild<QCheckBox *>(u"reconnect"_s)->isVisible());
    typeInto(editor->findChild<QLineEdit *>(u"host"_s), u"127.0.0.1"_s);
    typeInto(editor->findChild<QSpinBox *>(u"port"_s), QString::number(m_server->componentPort()));
    typeInto(editor->findChild<QLineEdit *>(u"domain"_s), echo.domain);
    typeInto(editor->findChild<QLineEdit *>(u"secret"_s), echo.secret);
    auto *separate = editor->findChild<QCheckBox *>(u"separateComponentSecret"_s);
    auto *componentSecretField = editor->findChild<QLineEdit *>(u"componentSecret"_s);
    QVERIFY(separate->isVisible());
    QVERIFY(!componentSecretField->isEnabled());
    QTest::mouseClick(separate, Qt::LeftButton);
    QVERIFY(separate->isChecked());
    QVERIFY(componentSecretField->isEnabled());
    QVERIFY(!editor->problem().isEmpty()); // the component's secret is still missing
    typeInto(componentSecretField, componentSecret);
    QVERIFY2(editor->problem().isEmpty(), qPrintable(editor->problem()));
    QTest::keyClick(editor, Qt::Key_Return);
    QTRY_VERIFY(!findEditor());

    const Profile profile = m_window->profileStore()->findByName(proxyName);
    QVERIFY(profile.isProxy());
    QCOMPARE(profile.listenAddress, u"127.0.0.1"_s);
    QCOMPARE(profile.listenPort, m_listenPort);
    QVERIFY(profile.separateComponentSecret);
    // Both secrets in the keychain, neither on disk.
    QTRY_COMPARE_WITH_TIMEOUT(secretToolLookup(profile.secretKey()), echo.secret, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(secretToolLookup(profile.componentSecretKey()), componentSecret, 10000);
    QVERIFY(!everythingWritten().contains(echo.secret.toUtf8()));
    QVERIFY(!everythingWritten().contains(componentSecret.toUtf8()));

    // The editor shows them again, and the proxy mode with them.
    QVERIFY(m_window->selectProfileByName(proxyName));
    editor = openEditor(QKeySequence(Qt::Key_F2));
    QVERIFY(editor);
    QVERIFY(editor->findChild<QRadioButton *>(u"proxyMode"_s)->isChecked());
    // In proxy mode it fits a 1024×640 screen, with the window frame and a panel to spare.
    QVERIFY2(editor->sizeHint().width() <= 1000 && editor->sizeHint().height() <= 600,
             qPrintable(u"%1×%2"_s.arg(editor->sizeHint().width()).arg(editor->sizeHint().height())));
    QTRY_COMPARE(editor->findChild<QLineEdit *>(u"componentSecret"_s)->text(), componentSecret);
    QCOMPARE(editor->findChild<QSpinBox *>(u"listenPort"_s)->value(), int(m_listenPort));
    QVERIFY(!editor->componentSecretChanged());
    editor->reject();
    QTRY_VERIFY(!findEditor());
}

void TestProxyWindow::listensAndRelaysTheEcho()
{
    // The normal profile connects and stays connected while the proxy runs.
    QVERIFY(m_window->selectProfileByName(plainName));
    QTest::mouseClick(page(plainName)->findChild<QPushButton *>(u"connectButton"_s), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(session(plainName)->state(), ConnectionState::Connected, 15000);

    QVERIFY(m_window->selectProfileByName(proxyName));
    auto *connectButton = page(proxyName)->findChild<QPushButton *>(u"connectButton"_s);
    QCOMPARE(barState(proxyName), u"Not listening"_s);
    QTest::mouseClick(connectButton, Qt::LeftButton);
    const QString listening = u"Listening on 127.0.0.1:%1 — waiting for the component"_s.arg(m_listenPort);
    QTRY_COMPARE_WITH_TIMEOUT(barState(proxyName), listening, 10000);
    QCOMPARE(connectButton->text(), u"&Disconnect"_s);
    const QModelIndex row = m_window->sessions()->indexOf(session(proxyName)->profile().id);
    QCOMPARE(row.data(SessionListModel::StateTextRole).toString(), listening);

    m_component = std::make_unique<EchoComponentProcess>(echo.domain, componentSecret, m_listenPort);
    m_component->start();
    QVERIFY2(m_component->waitForEvent(u"online"_s), qPrintable(m_component->output()));
    // The window hears of the component a moment later: the proxy relays on a thread of its own.
    QTRY_VERIFY(session(proxyName)->proxy()->hasComponent());
    const QString relaying =
        u"Relaying · component %1"_s.arg(session(proxyName)->proxy()->componentAddress());
    QVERIFY(relaying.startsWith(u"Relaying · component 127.0.0.1:"_s));
    QTRY_COMPARE(barState(proxyName), relaying);
    QCOMPARE(row.data(SessionListModel::StateTextRole).toString(), relaying);
    QCOMPARE(row.data(SessionListModel::StateColorRole).value<QColor>(), StateColor::connected);

    XmppClientProcess client(m_user, userPassword, m_server->clientPort());
    QVERIFY2(client.run({u"<message type='chat' id='m1' to='%1'><body>hello through the window</body>"
                         "</message>"_s.arg(echo.domain),
                         u"<iq type='get' id='d1' to='%1'><query "
                         "xmlns='http://jabber.org/protocol/disco#info'/></iq>"_s.arg(echo.domain)},
                        10s),
             qPrintable(client.failure() + m_component->output()));
    QCOMPARE(client.messageBody(u"m1"_s), u"hello through the window"_s);

    // Both legs in the log: server → component received, the echo component → server sent.
    ProfileSession *proxy = session(proxyName);
    int echoed = -1;
    QTRY_VERIFY((echoed = logRow(proxy, Direction::Sent, u"hello through the window"_s)) >= 0);
    const int request = logRow(proxy, Direction::Received, u"hello through the window"_s);
    QVERIFY(request >= 0);
    QVERIFY(echoed > request);
    QCOMPARE(proxy->log()->originAt(echoed), StanzaLogModel::Origin::Wire);
    // The responder stays off: the disco#info request was answered once, by the real component.
    QCOMPARE(client.answer(u"d1"_s).attribute(u"type"), u"result"_s);
    const auto answersToD1 = [proxy] {
        QList<int> rows;
        for (int row = 0; row < proxy->log()->rowCount(); ++row) {
            if (proxy->log()->directionAt(row) == Direction::Sent &&
                (proxy->log()->wireAt(row).contains("id='d1'") ||
                 proxy->log()->wireAt(row).contains("id=\"d1\"")))
                rows.append(row);
        }
        return rows;
    };
    // Its row may come a turn after the client has the answer; counted again below, once d2's answer
    // (later on the same leg) is in.
    QTRY_VERIFY(!answersToD1().isEmpty());
    QCOMPARE(proxy->log()->originAt(answersToD1().constFirst()), StanzaLogModel::Origin::Wire);
    QCOMPARE(session(plainName)->state(), ConnectionState::Connected);

    // A stall in the window does not count in a round trip: the relay thread timed both halves. Here
    // the window stalls a second as soon as it has logged a request, while its answer is on its way.
    bool stalled = false;
    const QMetaObject::Connection stall =
        connect(&proxy->proxy()->upstream(), &ComponentConnection::stanzaReceived, this,
                [&stalled](const Stanza &stanza) {
                    if (!stalled && stanza.id() == u"d2"_s) {
                        stalled = true;
                        QThread::msleep(1000);
                    }
                });
    XmppClientProcess asker(m_user, userPassword, m_server->clientPort());
    QVERIFY2(
        asker.run({u"<iq type='get' id='d2' to='%1'><query xmlns='http://jabber.org/protocol/disco#info'/>"
                   "</iq>"_s.arg(echo.domain)},
                  10s),
        qPrintable(asker.failure()));
    disconnect(stall);
    QVERIFY(stalled);
    // The client may be done before the log has taken in the request: it adds rows once per
    // event-loop turn, and the stall above delayed that turn.
    int asked = -1;
    QTRY_VERIFY((asked = std::max(logRow(proxy, Direction::Received, u"id='d2'"_s),
                                  logRow(proxy, Direction::Received, u"id=\"d2\""_s))) >= 0);
    QTRY_VERIFY(
        proxy->log()->index(asked, StanzaLogModel::AnswerColumn).data().toString().startsWith(u"result"_s));
    const QString roundTrip = proxy->log()->index(asked, StanzaLogModel::AnswerColumn).data().toString();
    static const QRegularExpression inMilliseconds(u"^result in ([0-9.]+) ms$"_s);
    const QRegularExpressionMatch match = inMilliseconds.match(roundTrip);
    QVERIFY2(match.hasMatch() && match.captured(1).toDouble() < 500, qPrintable(roundTrip));
    QCOMPARE(answersToD1().size(), 1);
}

void TestProxyWindow::injectsOnBothLegs()
{
    ProfileSession *proxy = session(proxyName);
    ComposeWidget *compose = page(proxyName)->compose();
    auto *leg = compose->findChild<QComboBox *>(u"injectLeg"_s);
    QVERIFY(leg->isVisible());
    QVERIFY(
        !page(plainName)->compose()->findChild<QComboBox *>(u"injectLeg"_s)->isVisibleTo(page(plainName)));

    // To the component, as the server: a message from the user; the echo bot answers it.
    leg->setCurrentIndex(leg->findData(int(ProfileSession::Leg::ToComponent)));
    auto *editor = compose->findChild<QPlainTextEdit *>(u"xmlEditor"_s);
    const QString toComponent = u"<message type='chat' id='inj1' from='%1/x' to='%2'><body>injected to the "
                                "component</body></message>"_s.arg(m_user, echo.domain);
    editor->setPlainText(toComponent);
    QVERIFY2(compose->canSend(), qPrintable(compose->problem()));
    QVERIFY(compose->send());
    // The log takes rows in once per event-loop turn.
    int injected = -1;
    QTRY_VERIFY((injected = logRow(proxy, Direction::Received, u"injected to the component"_s)) >= 0);
    QCOMPARE(proxy->log()->originAt(injected), StanzaLogModel::Origin::Injected);
    QTRY_VERIFY(m_component->receivedBytes().contains("injected to the component"));
    // The component's echo is relayed to the server as its own.
    QTRY_VERIFY(logRow(proxy, Direction::Sent, u"injected to the component"_s) >= 0);
    QCOMPARE(proxy->log()->originAt(logRow(proxy, Direction::Sent, u"injected to the component"_s)),
             StanzaLogModel::Origin::Wire);

    // To the server, as the component.
    leg->setCurrentIndex(leg->findData(int(ProfileSession::Leg::ToServer)));
    editor->setPlainText(u"<message type='chat' from='%1' to='%2'><body>injected to the server</body>"
                         "</message>"_s.arg(echo.domain, m_user));
    QVERIFY2(compose->canSend(), qPrintable(compose->problem()));
    QVERIFY(compose->send());
    int toServer = -1;
    QTRY_VERIFY((toServer = logRow(proxy, Direction::Sent, u"injected to the server"_s)) >= 0);
    QCOMPARE(proxy->log()->originAt(toServer), StanzaLogModel::Origin::Injected);
    QVERIFY(!m_component->receivedBytes().contains("injected to the server"));

    // Towards the component, a stanza not addressed to it is refused before anything is written.
    leg->setCurrentIndex(leg->findData(int(ProfileSession::Leg::ToComponent)));
    editor->setPlainText(
        u"<message from='%1' to='someone@else.example'><body>x</body></message>"_s.arg(m_user));
    QVERIFY(!compose->canSend());
    QVERIFY2(compose->problem().contains(u"on the component's domain"_s), qPrintable(compose->problem()));
}

void TestProxyWindow::faultRulesActOnTheLegs()
{
    ProfileSession *proxy = session(proxyName);
    RulesPanel *panel = page(proxyName)->rules();
    QVERIFY(activate());
    QTest::keySequence(m_window.get(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    QTRY_VERIFY(panel->view()->hasFocus());
    // A drop rule made in the dialog, as a user would: component → server messages saying "lose me".
    bool drove = false;
    QTimer::singleShot(0, this, [&] {
        auto *dialog = qobject_cast<RuleDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        typeInto(dialog->findChild<QLineEdit *>(u"ruleName"_s), u"lose"_s);
        typeInto(dialog->findChild<QLineEdit *>(u"ruleMatch"_s), u"dir == out and body contains 'lose me'"_s);
        auto *action = dialog->findChild<QComboBox *>(u"ruleAction"_s);
        // A new rule of a proxy profile starts as a fault rule (a reply rule would not act here).
        QCOMPARE(Rule::Action(action->currentData().toInt()), Rule::Action::Drop);
        QVERIFY(!dialog->findChild<QPlainTextEdit *>(u"ruleReply"_s)->isEnabled());
        QPushButton *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        QVERIFY2(ok->isEnabled(), qPrintable(dialog->problem()));
        QTest::mouseClick(ok, Qt::LeftButton);
        drove = true;
    });
    QTest::keyClick(panel->view(), Qt::Key_Insert);
    QVERIFY(drove);
    // And one duplicating server → component messages saying "twice", added beside it.
    QList<Rule> rules = proxy->rules()->rules();
    Rule twice(u"twice"_s, u"dir == in and body contains 'twice'"_s, {});
    twice.setAction(Rule::Action::Duplicate);
    rules.append(twice);
    QVERIFY(proxy->setRules(rules));
    QCOMPARE(panel->model()->index(0, RuleListModel::StatusColumn).data().toString(), u"on"_s);

    XmppClientProcess client(m_user, userPassword, m_server->clientPort());
    QVERIFY2(
        client.run(
            {u"<message type='chat' id='f1' to='%1'><body>lose me</body></message>"_s.arg(echo.domain),
             u"<message type='chat' id='f2' to='%1'><body>say it twice</body></message>"_s.arg(echo.domain)},
            4s),
        qPrintable(client.failure() + m_component->output()));
    // The echo of "lose me" never reached the server; the log keeps it, saying why.
    QCOMPARE(client.messageBody(u"f1"_s), QString());
    QCOMPARE(client.messageBody(u"f2"_s), u"say it twice"_s);
    const StanzaLogModel *log = proxy->log();
    int dropped = -1;
    QTRY_VERIFY((dropped = logRow(proxy, Direction::Sent, u"lose me"_s)) >= 0);
    QCOMPARE(log->index(dropped, StanzaLogModel::AnswerColumn).data().toString(), u"dropped by rule lose"_s);
    // The component got "twice" twice; the server's one row says so.
    QTRY_COMPARE(m_component->receivedBytes().count("say it twice"), 2);
    int duplicated = -1;
    QTRY_VERIFY((duplicated = logRow(proxy, Direction::Received, u"say it twice"_s)) >= 0);
    QCOMPARE(log->index(duplicated, StanzaLogModel::AnswerColumn).data().toString(),
             u"duplicated by rule twice"_s);
    QTRY_COMPARE(panel->model()->index(0, RuleListModel::HitsColumn).data().toString(), u"1"_s);
    QTRY_COMPARE(panel->model()->index(1, RuleListModel::HitsColumn).data().toString(), u"1"_s);

    // A hold rule keeps the echo until Release Held: the client gets it only then.
    Rule wait(u"wait"_s, u"dir == out and body contains 'wait for me'"_s, {});
    wait.setAction(Rule::Action::Hold);
    QVERIFY(proxy->setRules({wait}));
    auto *release = panel->findChild<QToolButton *>(u"releaseHeldAction"_s);
    if (!release) {
        for (QToolButton *tool : panel->findChildren<QToolButton *>()) {
            if (tool->defaultAction() && tool->defaultAction()->objectName() == u"releaseHeldAction"_s)
                release = tool;
        }
    }
    QVERIFY(release && release->isVisible() && !release->isEnabled());
    // Clicked once the echo has been held a second (however long the client takes to log in), while
    // the client still waits for it.
    QString buttonWhileHeld;
    bool clicked = false;
    QElapsedTimer heldFor;
    QTimer clicker;
    clicker.setInterval(20);
    connect(&clicker, &QTimer::timeout, this, [&] {
        if (!release->isEnabled())
            return;
        if (!heldFor.isValid())
            heldFor.start();
        if (heldFor.elapsed() < 1000)
            return;
        clicker.stop();
        buttonWhileHeld = release->text();
        QTest::mouseClick(release, Qt::LeftButton);
        clicked = true;
    });
    clicker.start();
    XmppClientProcess waiting(m_user, userPassword, m_server->clientPort());
    QVERIFY2(waiting.run({u"<message type='chat' id='h1' to='%1'><body>wait for me</body></message>"_s.arg(
                             echo.domain)},
                         15s),
             qPrintable(waiting.failure() + m_component->output()));
    QCOMPARE(waiting.messageBody(u"h1"_s), u"wait for me"_s);
    QVERIFY(clicked); // the client had its echo only after the click
    QCOMPARE(buttonWhileHeld, u"Release 1 Held"_s);
    QTRY_VERIFY(!release->isEnabled());
    QVERIFY(panel->message().startsWith(u"Released 1 held"_s));
    // Two rows: when the rule held it, and when it went on, saying after how long.
    const auto rowsWaiting = [log] {
        QList<int> rows;
        for (int row = 0; row < log->rowCount(); ++row) {
            if (log->directionAt(row) == Direction::Sent && log->wireAt(row).contains("wait for me"))
                rows.append(row);
        }
        return rows;
    };
    QTRY_COMPARE(rowsWaiting().size(), 2); // the client may finish before the log's next turn
    const QList<int> waitRows = rowsWaiting();
    QCOMPARE(log->index(waitRows.first(), StanzaLogModel::AnswerColumn).data().toString(),
             u"held by rule wait"_s);
    const QString released = log->index(waitRows.last(), StanzaLogModel::AnswerColumn).data().toString();
    QVERIFY2(released.startsWith(u"released: held "_s) && released.endsWith(u" by rule wait"_s),
             qPrintable(released));
    QCOMPARE(log->occurrenceAt(waitRows.first()), StanzaOccurrence::First); // pairing counts it once
    QCOMPARE(log->occurrenceAt(waitRows.last()), StanzaOccurrence::Repeat);

    // The server's message delayed on its way in has its second row too; the component's echo
    // duplicated on its way out has two rows, each marked.
    Rule late(u"late"_s, u"dir == in and body contains 'come late'"_s, {});
    late.setAction(Rule::Action::Delay);
    late.setDelayMs(300);
    Rule again(u"again"_s, u"dir == out and body contains 'come late'"_s, {});
    again.setAction(Rule::Action::Duplicate);
    QVERIFY(proxy->setRules({late, again}));
    XmppClientProcess lateClient(m_user, userPassword, m_server->clientPort());
    QVERIFY2(lateClient.run({u"<message type='chat' id='d1' to='%1'><body>come late</body></message>"_s.arg(
                                echo.domain)},
                            10s),
             qPrintable(lateClient.failure() + m_component->output()));
    const auto notesOf = [log](Direction direction) {
        QStringList notes;
        for (int row = 0; row < log->rowCount(); ++row) {
            if (log->directionAt(row) == direction && log->wireAt(row).contains("come late"))
                notes << log->index(row, StanzaLogModel::AnswerColumn).data().toString();
        }
        return notes;
    };
    QTRY_COMPARE(notesOf(Direction::Received), QStringList({u"delayed 300 ms by rule late"_s,
                                                            u"passed on: delayed 300 ms by rule late"_s}));
    QTRY_COMPARE(notesOf(Direction::Sent),
                 QStringList({u"duplicated by rule again"_s, u"duplicated by rule again"_s}));
    QVERIFY(proxy->setRules({}));
}

void TestProxyWindow::wrongComponentSecretIsRefused()
{
    m_component.reset(); // the echo bot leaves; the proxy waits for the next
    const QString listening = u"Listening on 127.0.0.1:%1 — waiting for the component"_s.arg(m_listenPort);
    QTRY_COMPARE_WITH_TIMEOUT(barState(proxyName), listening, 10000);

    EchoComponentProcess wrong(echo.domain, u"not-the-secret"_s, m_listenPort);
    wrong.start();
    QVERIFY2(wrong.waitForEvent(u"failed"_s), qPrintable(wrong.output()));
    QCOMPARE(wrong.failureCondition(), u"not-authorized"_s);
    QTRY_VERIFY2(barReason(proxyName).contains(
                     u"was refused: the handshake does not match the secret the proxy expects from the "
                     "component"_s),
                 qPrintable(barReason(proxyName)));
    QVERIFY2(barReason(proxyName).startsWith(u"Component 127.0.0.1:"_s), qPrintable(barReason(proxyName)));
    QVERIFY(session(proxyName)->componentEventIsProblem());
    QCOMPARE(barState(proxyName), listening); // still there for the next
    QCOMPARE(session(proxyName)->connection()->state(), ConnectionState::Disconnected); // server untouched
}

void TestProxyWindow::disconnectStopsListening()
{
    QTest::mouseClick(page(proxyName)->findChild<QPushButton *>(u"connectButton"_s), Qt::LeftButton);
    QTRY_COMPARE(barState(proxyName), u"Not listening"_s);
    QVERIFY(!session(proxyName)->isActive());
    QVERIFY(!session(proxyName)->proxy()->isListening());
    QCOMPARE(session(plainName)->state(), ConnectionState::Connected);
}

QTEST_MAIN(TestProxyWindow)
#include "tst_proxywindow.moc"
