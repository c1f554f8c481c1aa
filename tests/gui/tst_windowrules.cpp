// SPDX-License-Identifier: GPL-3.0-or-later
// Reply rules in the desktop app, end to end: a real slixmpp client on a real Prosody talks to the
// component the real main window connected. The profile's echo rule answers 'ping 1' with 'pong ping 1'
// (hits 1, the log row automatic and named after the rule); an iq a rule answers gets no automatic
// error besides; the rules are kept with the profile (a new ProfileStore reads them). The Rules panel,
// driven with keys and clicks, makes such a rule (refusing a wrong expression on the way), shows its
// hits, and turns it off.
#include "composewidget.h"
#include "filterlibrary.h"
#include "logfilterbar.h"
#include "mainwindow.h"
#include "profileservice.h"
#include "profilesession.h"
#include "profilestore.h"
#include "prosodyserver.h"
#include "ruledialog.h"
#include "ruleengine.h"
#include "rulelistmodel.h"
#include "rulesfile.h"
#include "rulespanel.h"
#include "savedfiltersbutton.h"
#include "sessionpage.h"
#include "stanzalogmodel.h"
#include "stanzalogview.h"
#include "userfiledialogs.h"
#include "windowdriver.h"
#include "windowwithserver.h"
#include "xmppclientprocess.h"

#include <QAction>
#include <QApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScopeGuard>
#include <QSettings>
#include <QStandardPaths>
#include <QStyle>
#include <QTableView>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <algorithm>

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
    void panelMakesARuleThatAnswers();
    void savedFiltersComeBack();
    void panelOrdersExportsAndImports();
    void rateLimitPausesARuleAndResumeRestartsIt();

private:
    xcm::test::WindowWithServer m_env;
    ProsodyServer *m_server = nullptr;
    MainWindow *m_window = nullptr;
};

void TestWindowRules::initTestCase()
{
    QString why;
    QVERIFY2(m_env.start(component, u"carol"_s, userPassword, u"tst_windowrules"_s, &why), qPrintable(why));
    m_server = m_env.server.get();
    m_window = m_env.window.get();
}

void TestWindowRules::cleanupTestCase()
{
    m_env.stop();
}

void TestWindowRules::ruleAnswersTheClient()
{
    const Profile profile = m_env.addComponentProfile(u"Rules"_s);
    QVERIFY(m_window->profileService()->store()->setRules(profile.id, echoRules()));
    QVERIFY(m_window->selectProfileByName(u"Rules"_s));
    ProfileSession *session = m_window->currentSession();
    QVERIFY(session->setRules(echoRules()));
    session->connectToServer();
    QTRY_COMPARE_WITH_TIMEOUT(session->state(), ConnectionState::Connected, 15000);

    XmppClientProcess client(m_env.user, userPassword, m_server->clientPort());
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

void TestWindowRules::panelMakesARuleThatAnswers()
{
    const Profile profile = m_env.addComponentProfile(u"Panel"_s);
    QVERIFY(m_window->selectProfileByName(u"Panel"_s));
    SessionPage *page = xcm::test::pageNamed(m_window, u"Panel"_s);
    ProfileSession *session = page->session();
    RulesPanel *panel = page->rules();
    QCOMPARE(page->tabs()->currentWidget(), page->compose());
    QVERIFY(xcm::test::activateWindow(m_window));
    QTest::keySequence(m_window, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    QCOMPARE(page->tabs()->currentWidget(), panel);
    QTRY_VERIFY(panel->view()->hasFocus());

    // Insert opens the dialog (modal): it is driven from the event loop it runs.
    QString wrongStatus;
    bool okWhileWrong = true;
    bool drove = false;
    QTimer::singleShot(0, this, [&] {
        auto *dialog = qobject_cast<RuleDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        // A failed check returns early: the dialog must not stay open, or the test waits for it forever.
        const auto closeIfFailed = qScopeGuard([&] {
            if (!drove)
                dialog->reject();
        });
        auto *name = dialog->findChild<QLineEdit *>(u"ruleName"_s);
        auto *match = dialog->findChild<QLineEdit *>(u"ruleMatch"_s);
        auto *reply = dialog->findChild<QPlainTextEdit *>(u"ruleReply"_s);
        QPushButton *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        QVERIFY(name && match && reply && ok);
        name->selectAll();
        QTest::keyClicks(name, u"echo"_s);
        QTest::keyClicks(match, u"kind == "_s);
        wrongStatus = dialog->findChild<QLabel *>(u"ruleStatus"_s)->text();
        okWhileWrong = ok->isEnabled();
        QTest::keyClicks(match, u"message and body contains 'ping'"_s);
        reply->setFocus();
        QTest::keySequence(reply, QKeySequence::SelectAll);
        QTest::keyClicks(reply, u"<message from='{to}' to='{from}' type='chat'><body>pong "_s);
        // {body} from the Insert Placeholder menu, at the cursor; the menu's arrow beside the button's text.
        auto *insert = dialog->findChild<QPushButton *>(u"insertPlaceholder"_s);
        QVERIFY(insert && insert->menu());
        QVERIFY(insert->width() >=
                insert->fontMetrics().horizontalAdvance(insert->text()) +
                    insert->style()->pixelMetric(QStyle::PM_MenuButtonIndicator, nullptr, insert));
        const QList<QAction *> placeholders = insert->menu()->actions();
        const auto body = std::find_if(placeholders.cbegin(), placeholders.cend(),
                                       [](const QAction *action) { return action->text() == u"{body}"; });
        QVERIFY(body != placeholders.cend());
        (*body)->trigger();
        QCOMPARE(dialog->focusWidget(), reply);
        QTest::keyClicks(reply, u"</body></message>"_s);
        QCOMPARE(reply->toPlainText(),
                 u"<message from='{to}' to='{from}' type='chat'><body>pong {body}</body></message>"_s);
        QVERIFY2(ok->isEnabled(), qPrintable(dialog->problem()));
        QTest::mouseClick(ok, Qt::LeftButton);
        drove = true;
    });
    QTest::keyClick(panel->view(), Qt::Key_Insert);
    QVERIFY(drove);
    QCOMPARE(wrongStatus, u"✗ match: 1:8: expected a value after '=='"_s);
    QVERIFY(!okWhileWrong);
    QCOMPARE(panel->model()->rowCount(), 1);
    QCOMPARE(session->rules()->rules().at(0).name(), u"echo"_s);
    QCOMPARE(page->tabs()->tabText(page->tabs()->indexOf(panel)), u"Rules (1 on)"_s);

    session->connectToServer();
    QTRY_COMPARE_WITH_TIMEOUT(session->state(), ConnectionState::Connected, 15000);
    {
        XmppClientProcess client(m_env.user, userPassword, m_server->clientPort());
        QVERIFY2(client.run({u"<message id='p1' to='%1' type='chat'><body>ping 1</body></message>"_s.arg(
                                component.domain)},
                            20s),
                 qPrintable(client.failure()));
        QCOMPARE(client.messageBody(u"p1"_s), u"pong ping 1"_s);
    }
    const QModelIndex hits = panel->model()->index(0, RuleListModel::HitsColumn);
    QTRY_COMPARE(hits.data().toString(), u"1"_s);
    // The reply's row in the log names the rule.
    StanzaLogModel *log = session->log();
    log->flush();
    bool named = false;
    for (int row = 0; row < log->rowCount(); ++row) {
        if (log->originAt(row) == StanzaLogModel::Origin::Automatic)
            named = log->index(row, StanzaLogModel::AnswerColumn).data().toString() == u"rule echo"_s;
    }
    QVERIFY(named);

    // Space on the selected rule turns it off: a ping goes unanswered, and the profile keeps it off.
    panel->view()->setFocus();
    panel->view()->setCurrentIndex(panel->model()->index(0, RuleListModel::NameColumn));
    QTest::keyClick(panel->view(), Qt::Key_Space);
    QVERIFY(!session->rules()->rules().at(0).isEnabled());
    QCOMPARE(page->tabs()->tabText(page->tabs()->indexOf(panel)), u"Rules"_s);
    {
        XmppClientProcess client(m_env.user, userPassword, m_server->clientPort());
        QVERIFY2(client.run({u"<message id='p2' to='%1' type='chat'><body>ping 2</body></message>"_s.arg(
                                component.domain)},
                            3s),
                 qPrintable(client.failure()));
        QCOMPARE(client.messageBody(u"p2"_s), QString());
    }
    session->disconnectFromServer();
    QTRY_COMPARE(session->state(), ConnectionState::Disconnected);
    ProfileStore reread;
    const QList<Rule> kept = reread.rules(profile.id);
    QCOMPARE(kept.size(), 1);
    QCOMPARE(kept.at(0).match(), u"kind == message and body contains 'ping'"_s);
    QVERIFY(!kept.at(0).isEnabled());
}

namespace {

// Opens the "Saved" menu with a click and runs `inMenu` while it is shown (the menu runs its own loop).
bool withSavedMenu(SavedFiltersButton *button, const std::function<void(QMenu *)> &inMenu)
{
    bool ran = false;
    QTimer::singleShot(0, button, [&] {
        QMenu *menu = button->menu();
        if (QTest::qWaitFor([menu] { return menu->isVisible(); }, 3000)) {
            inMenu(menu);
            ran = true;
        }
        menu->close();
    });
    QTest::mouseClick(button, Qt::LeftButton);
    return ran;
}

} // namespace

void TestWindowRules::savedFiltersComeBack()
{
    const Profile profile = Profile::create(u"Filters"_s);
    m_window->profileService()->createProfile(profile, {});
    QVERIFY(m_window->selectProfileByName(u"Filters"_s));
    LogFilterBar *bar = xcm::test::pageNamed(m_window, u"Filters"_s)->logView()->filterBar();
    auto *search = bar->findChild<QLineEdit *>(u"searchEdit"_s);
    SavedFiltersButton *button = bar->savedFiltersButton();
    QVERIFY(xcm::test::activateWindow(m_window));
    QTest::keySequence(m_window, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    QVERIFY(bar->isExpressionMode());
    QTRY_VERIFY(search->hasFocus());
    QTest::keyClicks(search, u"type == error"_s);
    QTest::keyClick(search, Qt::Key_Return);
    FilterLibrary library(m_window->profileStore(), profile.id);
    QCOMPARE(library.history(), QStringList{u"type == error"_s});

    // Saved under a name from the menu…
    QVERIFY(withSavedMenu(button, [](QMenu *menu) {
        QAction *save = menu->findChild<QAction *>(u"saveFilterAction"_s);
        QVERIFY(save && save->isEnabled());
        QTimer::singleShot(0, [] {
            auto *input = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
            QVERIFY(input);
            input->setTextValue(u"errors"_s);
            input->accept();
        });
        save->trigger();
    }));
    QCOMPARE(library.saved(), (QList<FilterLibrary::SavedFilter>{{u"errors"_s, u"type == error"_s}}));

    // … and applied from it again after another expression.
    search->selectAll();
    QTest::keyClicks(search, u"kind == iq"_s);
    QTest::keyClick(search, Qt::Key_Return);
    QCOMPARE(library.history(), (QStringList{u"kind == iq"_s, u"type == error"_s}));
    QVERIFY(withSavedMenu(button, [](QMenu *menu) {
        QAction *saved = nullptr;
        for (QAction *action : menu->actions()) {
            if (action->text().startsWith(u"errors"_s))
                saved = action;
        }
        QVERIFY(saved);
        saved->trigger();
    }));
    QCOMPARE(search->text(), u"type == error"_s);
    QCOMPARE(bar->expressionProblem(), QString());
    QCOMPARE(library.history().first(), u"type == error"_s);
    // A restart reads them back.
    ProfileStore reread;
    QCOMPARE(reread.savedFilters(profile.id).size(), 1);
    QCOMPARE(reread.filterHistory(profile.id).size(), 2);
}

void TestWindowRules::panelOrdersExportsAndImports()
{
    const Profile profile = Profile::create(u"Order"_s);
    m_window->profileService()->createProfile(profile, {});
    QVERIFY(m_window->selectProfileByName(u"Order"_s));
    SessionPage *page = xcm::test::pageNamed(m_window, u"Order"_s);
    RulesPanel *panel = page->rules();
    Rule lose(u"lose"_s, u"dir == out"_s, {});
    lose.setAction(Rule::Action::Drop);
    QVERIFY(page->session()->setRules({echoRules().at(0), echoRules().at(1), lose}));
    QVERIFY(xcm::test::activateWindow(m_window));
    QTest::keySequence(m_window, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    QTRY_VERIFY(panel->view()->hasFocus());
    // A fault rule in a direct profile says it waits for a proxy.
    QCOMPARE(panel->model()->index(2, RuleListModel::StatusColumn).data().toString(),
             u"acts in proxy profiles only"_s);

    // Alt+Down moves the selected rule later: the first match wins, so order matters. It is kept.
    panel->view()->setCurrentIndex(panel->model()->index(0, RuleListModel::NameColumn));
    QTest::keyClick(panel->view(), Qt::Key_Down, Qt::AltModifier);
    QCOMPARE(page->session()->rules()->rules().at(1).name(), u"echo"_s);
    QCOMPARE(panel->view()->currentIndex().row(), 1);
    QCOMPARE(ProfileStore().rules(profile.id).at(1).name(), u"echo"_s);
    QTest::keyClick(panel->view(), Qt::Key_Up, Qt::AltModifier);
    QCOMPARE(page->session()->rules()->rules().at(0).name(), u"echo"_s);

    // Export, then import the file again (added after: the names in use get a number).
    QTemporaryDir dir;
    const QString file = dir.filePath(u"rules.xml"_s);
    // The file dialogs open where the user's last file went (the home folder at first), not in the
    // process's working directory.
    const auto inFileDialog = [&file](const QString &opensIn) {
        QTimer::singleShot(0, [&file, opensIn] {
            auto *dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            const QString folder = dialog->directory().absolutePath();
            dialog->selectFile(file);
            QMetaObject::invokeMethod(dialog, "accept"); // first: a failure must not leave it open
            QCOMPARE(folder, QDir(opensIn).absolutePath());
        });
    };
    QSettings().remove(u"dialogs/lastFolder"_s); // a fresh user
    inFileDialog(QDir::homePath());
    panel->exportRules();
    QCOMPARE(UserFileDialogs::folder(), dir.path()); // in the settings: the next run opens there too
    const RulesFile::Result exported = RulesFile::readFile(file);
    QVERIFY2(exported.ok(), qPrintable(exported.error));
    QCOMPARE(exported.rules.size(), 3);
    QVERIFY(exported.rules.at(2).isFault());
    inFileDialog(dir.path());
    QTimer::singleShot(0, [] {
        // Replace or add: add.
        auto *ask = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!ask) { // the file dialog's timer ran first; the question comes next
            QTimer::singleShot(50, [] {
                auto *next = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
                QVERIFY(next);
                next->defaultButton()->click();
            });
            return;
        }
        ask->defaultButton()->click();
    });
    panel->importRules();
    QCOMPARE(panel->model()->rowCount(), 6);
    QCOMPARE(page->session()->rules()->rules().at(3).name(), u"echo (2)"_s);
    QVERIFY2(panel->message().startsWith(u"Imported 3 rules from "_s), qPrintable(panel->message()));
    QCOMPARE(ProfileStore().rules(profile.id).size(), 6);
    // A file that does not read changes nothing and says where.
    QFile broken(file);
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write("<rules xmlns='urn:xcm:rules:1'>\n  <rule name='x' match='kind =='/>\n</rules>\n");
    broken.close();
    inFileDialog(dir.path());
    panel->importRules();
    QCOMPARE(panel->model()->rowCount(), 6);
    QVERIFY2(panel->message().startsWith(u"Not imported: "_s) && panel->message().contains(u":2:"_s),
             qPrintable(panel->message()));
    // It quotes the file, which may hold markup: shown as text.
    QCOMPARE(panel->findChild<QLabel *>(u"rulesMessage"_s)->textFormat(), Qt::PlainText);
}

void TestWindowRules::rateLimitPausesARuleAndResumeRestartsIt()
{
    // 60 pings at once: the echo rule answers 50 within the second, then pauses (a loop between two
    // programs looks like this) and says so in the panel, until Resume.
    m_env.addComponentProfile(u"Limited"_s);
    QVERIFY(m_window->selectProfileByName(u"Limited"_s));
    SessionPage *page = xcm::test::pageNamed(m_window, u"Limited"_s);
    ProfileSession *session = page->session();
    QVERIFY(session->setRules({echoRules().first()}));
    session->connectToServer();
    QTRY_COMPARE_WITH_TIMEOUT(session->state(), ConnectionState::Connected, 15000);
    const auto pings = [](const QString &prefix, int count) {
        QStringList messages;
        for (int i = 1; i <= count; ++i)
            messages << u"<message id='%1%2' to='%3' type='chat'><body>ping %2</body></message>"_s.arg(
                prefix, QString::number(i), component.domain);
        return messages;
    };
    XmppClientProcess flood(m_env.user, userPassword, m_server->clientPort());
    flood.run(pings(u"f"_s, 60), 3s); // the client waits for one echo a JID: it sees the first only
    QTRY_VERIFY(session->rules()->rules().at(0).isPaused());
    QCOMPARE(session->rules()->rules().at(0).hits(), quint64(RuleRunner::defaultMaxActionsPerSecond));
    StanzaLogModel *log = session->log();
    QTest::qWait(300);
    log->flush();
    int replies = 0;
    for (int row = 0; row < log->rowCount(); ++row)
        replies += log->originAt(row) == StanzaLogModel::Origin::Automatic ? 1 : 0;
    QCOMPARE(replies, RuleRunner::defaultMaxActionsPerSecond);

    page->tabs()->setCurrentWidget(page->rules());
    RulesPanel *panel = page->rules();
    const QModelIndex status = panel->model()->index(0, RuleListModel::StatusColumn);
    QVERIFY2(status.data().toString().startsWith(u"paused: more than 50 replies within a second"_s),
             qPrintable(status.data().toString()));
    auto *resume = panel->findChild<QAction *>(u"resumeRuleAction"_s);
    QVERIFY(resume);
    panel->view()->setCurrentIndex(panel->model()->index(0, RuleListModel::NameColumn));
    QVERIFY(resume->isEnabled());
    resume->trigger();
    QVERIFY(!session->rules()->rules().at(0).isPaused());
    QCOMPARE(status.data().toString(), u"on"_s);
    QVERIFY(!resume->isEnabled());

    XmppClientProcess after(m_env.user, userPassword, m_server->clientPort());
    QVERIFY2(after.run(pings(u"a"_s, 1), 10s), qPrintable(after.failure()));
    QCOMPARE(after.messageBody(u"a1"_s), u"pong ping 1"_s);
    session->disconnectFromServer();
    QTRY_COMPARE(session->state(), ConnectionState::Disconnected);
}

QTEST_MAIN(TestWindowRules)
#include "tst_windowrules.moc"
