// SPDX-License-Identifier: GPL-3.0-or-later
// The desktop app as a component, end to end: a real slixmpp client logged in on a real Prosody asks the
// component that the real main window has connected (secret in a real keychain). An automatic answer
// shows in the log marked automatic; with "answer by hand" on, a request waits and the connection bar
// counts it, Reply… (Ctrl+R) on its row fills the compose form, Send answers it, the client receives that
// answer and no automatic error follows at the limit; a request nobody answers gets service-unavailable
// at the limit.
#include "capturereader.h"
#include "composewidget.h"
#include "connectionbar.h"
#include "mainwindow.h"
#include "profileservice.h"
#include "profilesession.h"
#include "profilestore.h"
#include "prosodyserver.h"
#include "responder.h"
#include "savedlogwindow.h"
#include "sessionlistmodel.h"
#include "sessionpage.h"
#include "stanzalogfiltermodel.h"
#include "stanzalogmodel.h"
#include "stanzalogview.h"
#include "windowdriver.h"
#include "windowwithserver.h"
#include "xmppclientprocess.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace xcm;
using xcm::test::ComponentAccount;
using xcm::test::ProsodyServer;
using xcm::test::XmppClientProcess;

namespace {

const ComponentAccount component{u"window.localhost"_s, u"window-secret-3"_s};
const QString userPassword = u"bob-password"_s;
constexpr auto handLimit = 4s;

QString request(const QString &id, const QString &type, const QString &payload)
{
    return u"<iq type='%1' id='%2' to='%3'>%4</iq>"_s.arg(type, id, component.domain, payload);
}

} // namespace

class TestWindowAsComponent : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void answersByItselfAndByHand();
    void recordsTrafficToDisk();

private:
    // The log row (in the view) of the stanza with this id and direction; -1 if none.
    int rowOf(const QString &id, Direction direction) const;
    void replyByHand();

    xcm::test::WindowWithServer m_env;
    ProsodyServer *m_server = nullptr;
    MainWindow *m_window = nullptr;
    // What the user saw and did while the client waited.
    QString m_heldText;
    QString m_replyXml;
    bool m_replied = false;
};

void TestWindowAsComponent::initTestCase()
{
    QString why;
    QVERIFY2(m_env.start(component, u"bob"_s, userPassword, u"tst_windowascomponent"_s, &why),
             qPrintable(why));
    m_server = m_env.server.get();
    m_window = m_env.window.get();
}

void TestWindowAsComponent::cleanupTestCase()
{
    m_env.stop();
}

int TestWindowAsComponent::rowOf(const QString &id, Direction direction) const
{
    const StanzaLogView *view = m_window->currentPage()->logView();
    const StanzaLogFilterModel *shown = view->filterModel();
    for (int row = 0; row < shown->rowCount(); ++row) {
        const Stanza stanza = view->model()->stanzaAt(shown->mapToSource(shown->index(row, 0)).row());
        if (stanza.id() == id && stanza.direction() == direction)
            return row;
    }
    return -1;
}

void TestWindowAsComponent::replyByHand()
{
    // As a user would: the bar says a request waits, they select it, press Ctrl+R and Send.
    m_heldText = m_window->findChild<QLabel *>(u"heldLabel"_s)->text();
    m_window->currentSession()->log()->flush();
    const int row = rowOf(u"mine"_s, Direction::Received);
    if (row < 0)
        return;
    QTableView *table = m_window->currentPage()->logView()->tableView();
    table->setFocus();
    table->setCurrentIndex(table->model()->index(row, 0));
    QTest::keyClick(m_window, Qt::Key_R, Qt::ControlModifier);
    ComposeWidget *compose = m_window->currentPage()->compose();
    m_replyXml = compose->findChild<QPlainTextEdit *>(u"xmlEditor"_s)->toPlainText();
    auto *send = compose->findChild<QPushButton *>(u"sendButton"_s);
    if (!send->isEnabled())
        return;
    QTest::mouseClick(send, Qt::LeftButton);
    m_replied = true;
}

void TestWindowAsComponent::answersByItselfAndByHand()
{
    const Profile profile = m_env.addComponentProfile(u"Window"_s, [](Profile &profile) {
        profile.responder.answerByHand = true;
        profile.responder.handAnswerLimit = handLimit;
    });
    QVERIFY(m_window->selectProfileByName(u"Window"_s));
    ProfileSession *session = m_window->currentSession();
    session->connectToServer();
    QTRY_COMPARE_WITH_TIMEOUT(session->state(), ConnectionState::Connected, 15000);

    bool handled = false;
    connect(session->responder(), &Responder::heldCountChanged, this, [&] {
        if (!handled && session->responder()->heldCount() == 2) {
            handled = true;
            QMetaObject::invokeMethod(this, &TestWindowAsComponent::replyByHand, Qt::QueuedConnection);
        }
    });

    XmppClientProcess client(m_env.user, userPassword, m_server->clientPort());
    QVERIFY2(
        client.run({request(u"info"_s, u"get"_s, u"<query xmlns='http://jabber.org/protocol/disco#info'/>"_s),
                    request(u"mine"_s, u"set"_s, u"<command xmlns='urn:example:unknown'/>"_s),
                    request(u"forgotten"_s, u"get"_s, u"<query xmlns='urn:example:unknown'/>"_s)},
                   20s),
        qPrintable(client.failure()));

    // The automatic answer reached the client, and the log shows it as automatic.
    QCOMPARE(client.answer(u"info"_s).attribute(u"type"), u"result"_s);
    session->log()->flush();
    const int infoAnswer = rowOf(u"info"_s, Direction::Sent);
    QVERIFY(infoAnswer >= 0);
    const QAbstractItemModel *shown = m_window->currentPage()->logView()->filterModel();
    QCOMPARE(shown->index(infoAnswer, 0).data(StanzaLogModel::OriginRole).toInt(),
             int(StanzaLogModel::Origin::Automatic));

    // The user's answer, prepared by Reply… and sent from the compose form.
    QCOMPARE(m_heldText, u"2 awaiting your answer"_s);
    QVERIFY2(m_replyXml.contains(u"type=\"result\""_s) && m_replyXml.contains(u"id=\"mine\""_s),
             qPrintable(m_replyXml));
    QVERIFY(m_replied);
    QCOMPARE(client.answer(u"mine"_s).attribute(u"type"), u"result"_s);
    QVERIFY2(client.answerDelayMs(u"mine"_s) < 3000,
             qPrintable(QString::number(client.answerDelayMs(u"mine"_s))));
    // Left alone, the other one got the error at the limit.
    const XmlElement forgotten = client.answer(u"forgotten"_s);
    QCOMPARE(forgotten.attribute(u"type"), u"error"_s);
    QVERIFY(!forgotten.firstChild(u"error").firstChild(u"service-unavailable").isNull());
    QVERIFY(client.answerDelayMs(u"forgotten"_s) >= 3500);

    // Past the limit no automatic error followed the answer given by hand.
    QTest::qWait(500);
    session->log()->flush();
    int answersToMine = 0;
    for (int row = 0; row < session->log()->rowCount(); ++row) {
        const Stanza stanza = session->log()->stanzaAt(row);
        answersToMine += stanza.id() == u"mine" && stanza.direction() == Direction::Sent ? 1 : 0;
    }
    QCOMPARE(answersToMine, 1);
    QTRY_COMPARE(m_window->findChild<QLabel *>(u"heldLabel"_s)->isVisible(), false);
    session->disconnectFromServer();
}

void TestWindowAsComponent::recordsTrafficToDisk()
{
    const Profile profile = m_env.addComponentProfile(u"Recorder"_s);
    QVERIFY(m_window->selectProfileByName(u"Recorder"_s));
    SessionPage *page = m_window->currentPage();
    ProfileSession *session = page->session();
    auto *indicator = page->connectionBar()->findChild<QLabel *>(u"recordingLabel"_s);
    QVERIFY(indicator && !indicator->isVisible());

    // Ctrl+Shift+D: the bar says so and names the file; the profile keeps it on for the next start.
    QVERIFY(xcm::test::activateWindow(m_window));
    QTest::keySequence(m_window, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));
    QVERIFY(session->isRecording());
    QVERIFY(indicator->isVisible());
    QVERIFY2(indicator->text().contains(u"Recording"_s), qPrintable(indicator->text()));
    QTRY_VERIFY(!session->recordingFile().isEmpty()); // named by the writer's thread
    const QString file = session->recordingFile();
    QTRY_VERIFY2(indicator->toolTip().contains(file), qPrintable(indicator->toolTip()));
    QVERIFY2(file.startsWith(session->recordingDirectory()),
             qPrintable(file + u" "_s + session->recordingDirectory()));
    QVERIFY(ProfileStore().isRecording(profile.id));
    {
        // The next start records from the beginning: its sessions are made from the stored profiles.
        SessionListModel restarted(m_window->profileStore(), m_window->secretStore());
        QVERIFY(restarted.session(profile.id)->isRecording());
    }

    session->connectToServer();
    QTRY_COMPARE_WITH_TIMEOUT(session->state(), ConnectionState::Connected, 15000);
    XmppClientProcess client(m_env.user, userPassword, m_server->clientPort());
    QVERIFY2(client.run({u"<iq type='get' id='rec1' to='%1'><ping xmlns='urn:xmpp:ping'/></iq>"_s.arg(
                            component.domain)},
                        20s),
             qPrintable(client.failure()));
    QCOMPARE(client.answer(u"rec1"_s).attribute(u"type"), u"result"_s);

    // Off again: what was recorded is on disk, every line whole: the request and xcm's answer among it.
    QTest::keySequence(m_window, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));
    QVERIFY(!session->isRecording());
    QVERIFY(!indicator->isVisible());
    QVERIFY(!ProfileStore().isRecording(profile.id));
    QFile capture(file);
    QVERIFY(capture.open(QIODevice::ReadOnly));
    QCOMPARE(capture.permissions() & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());
    CaptureReader reader(&capture);
    int received = 0;
    int answered = 0;
    while (const std::optional<CaptureRecord> record = reader.next()) {
        if (!record->wire.contains("rec1"))
            continue;
        ++(record->direction == Direction::Received ? received : answered);
        // Whose the answer was is recorded with it.
        QCOMPARE(record->origin,
                 record->direction == Direction::Sent ? StanzaOrigin::Automatic : StanzaOrigin::Wire);
    }
    QVERIFY2(reader.problems().isEmpty(), qPrintable(reader.problems().join(u'\n')));
    QCOMPARE(received, 1);
    QCOMPARE(answered, 1);
    // Opened again, the log says so as the live one did.
    SavedLogWindow *saved = m_window->openSavedLog(file);
    QVERIFY(saved);
    QTRY_VERIFY(!saved->isLoading());
    const StanzaLogModel *log = saved->log();
    int answerRow = -1;
    for (int row = 0; row < log->rowCount(); ++row) {
        if (log->directionAt(row) == Direction::Sent && log->wireAt(row).contains("rec1"))
            answerRow = row;
    }
    QVERIFY(answerRow >= 0);
    const QString answer = log->index(answerRow, StanzaLogModel::AnswerColumn).data().toString();
    QVERIFY2(answer.startsWith(u"auto answer, "_s), qPrintable(answer)); // "auto answer, < 1 ms"
    saved->close();
    session->disconnectFromServer();
    QTRY_COMPARE(session->state(), ConnectionState::Disconnected);
}

QTEST_MAIN(TestWindowAsComponent)
#include "tst_windowascomponent.moc"
