// SPDX-License-Identifier: GPL-3.0-or-later
#include "screenshotter.h"

#include "composewidget.h"
#include "connectionbar.h"
#include "mainwindow.h"
#include "profileeditor.h"
#include "profilesession.h"
#include "ruledialog.h"
#include "ruleengine.h"
#include "sessionpage.h"
#include "stanzalogmodel.h"
#include "timelinedialog.h"

#include <QApplication>
#include <QLineEdit>
#include <QPixmap>
#include <QTabWidget>
#include <QTextStream>

using namespace Qt::StringLiterals;

namespace xcm {

namespace {
constexpr int pollMs = 250;
constexpr int maxWaitMs = 30000;
constexpr int wantedRows = 8;   // header, handshake, success and a few stanzas
constexpr int graphSeconds = 8; // of traffic after the reconnect, for the graph
} // namespace

Screenshotter::Screenshotter(MainWindow *window, const QString &prefix, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_prefix(prefix)
{
    m_poll.setInterval(pollMs);
    connect(&m_poll, &QTimer::timeout, this, &Screenshotter::poll);
}

void Screenshotter::start()
{
    m_poll.start();
}

void Screenshotter::poll()
{
    m_waitedMs += pollMs;
    ProfileSession *session = m_window->currentSession();
    const bool ready =
        session && session->state() == ConnectionState::Connected && session->log()->rowCount() >= wantedRows;
    if (!ready && m_waitedMs < maxWaitMs)
        return;
    if (!ready)
        QTextStream(stderr) << "xcm: screenshots: no connected profile with traffic after "
                            << maxWaitMs / 1000 << " s; taking them anyway\n";
    m_poll.stop();
    shootMainAndCompose();
}

void Screenshotter::save(QWidget *widget, const QString &name)
{
    const QString fileName = m_prefix + u'-' + name + ".png"_L1;
    if (!widget->grab().save(fileName)) {
        QTextStream(stderr) << "xcm: screenshots: cannot write " << fileName << '\n';
        ++m_failures;
        return;
    }
    QTextStream(stdout) << fileName << '\n';
}

void Screenshotter::shootMainAndCompose()
{
    if (SessionPage *page = m_window->currentPage()) {
        ComposeWidget *compose = page->compose();
        compose->applyTemplate(StanzaTemplate::MessageChat);
        compose->setFromLocalPart(u"bot"_s);
        compose->setTo(u"alice@echo.localhost"_s);
        compose->applyTemplate(StanzaTemplate::MessageChat);
    }
    // Let layouts and the log's batched inserts settle before grabbing.
    QTimer::singleShot(600, this, [this] {
        save(m_window, u"main"_s);
        if (SessionPage *page = m_window->currentPage()) {
            save(page->compose(), u"compose"_s);
            reconnectThenShootConnection(page);
            return;
        }
        shootEditor();
    });
}

void Screenshotter::reconnectThenShootConnection(SessionPage *page)
{
    // A timeline of one attempt says little: the profile disconnects and connects again first, and the
    // traffic graph gets some seconds of the demo's traffic after it.
    ProfileSession *session = page->session();
    auto *reconnected = new QMetaObject::Connection;
    *reconnected = connect(session, &ProfileSession::stateChanged, this, [=, this](ConnectionState state) {
        if (state == ConnectionState::Disconnected) {
            QTimer::singleShot(1500, session, &ProfileSession::connectToServer);
        } else if (state == ConnectionState::Connected) {
            disconnect(*reconnected);
            delete reconnected;
            QTimer::singleShot(graphSeconds * 1000, this, [this, page] { shootConnection(page); });
        }
    });
    session->disconnectFromServer();
}

void Screenshotter::shootConnection(SessionPage *page)
{
    // The connection bar with its traffic graph (and recording on: the screenshots' data folder is a
    // throwaway one), and the connection timeline.
    page->session()->startRecording();
    QCoreApplication::processEvents();
    save(page->connectionBar(), u"connectionbar"_s);
    page->session()->stopRecording();
    page->connectionBar()->showTimeline();
    if (auto *timeline = m_window->findChild<TimelineDialog *>()) {
        save(timeline, u"timeline"_s);
        timeline->close();
    }
    // A large stanza, as a pasted avatar is: held, with its preview and bar.
    const QString base64 = QString::fromLatin1(QByteArray(300'000, '\x5a').toBase64());
    page->compose()->setXml(u"<message from='bot@"_s + page->session()->profile().settings.domain +
                            u"' to='alice@echo.localhost'><data xmlns='urn:xmpp:bob' "
                            u"cid='sha1+8f35fef110ffc5df08d579a50083ff9308fb6242@bob.xmpp.org' "
                            u"type='image/png'>"_s +
                            base64 + u"</data></message>"_s);
    QTimer::singleShot(300, this, [this, page] {
        save(page->compose(), u"compose-large"_s);
        page->compose()->applyTemplate(StanzaTemplate::MessageChat);
        shootRules(page);
    });
}

void Screenshotter::shootRules(SessionPage *page)
{
    // Rules for this run only (the profile keeps none): the demo's traffic gives them hits.
    ProfileSession *session = page->session();
    Rule paused(u"slow-pong"_s, u"kind == message and from.domain == 'nowhere.example'"_s,
                u"<message from='{to}' to='{from}'><body>later</body></message>"_s, 2000, false);
    session->setRules(
        {Rule(u"echo"_s, u"kind == message and body contains 'ping'"_s,
              u"<message from='{to}' to='{from}' type='chat'><body>pong {body}</body></message>"_s),
         Rule(u"ping-answer"_s, u"kind == iq and type == get and ns == 'urn:xmpp:ping'"_s,
              u"<iq type='result' id='{id}' from='{to}' to='{from}'/>"_s),
         paused});
    page->showRules();
    QTimer::singleShot(4500, this, [this, page, session] {
        save(m_window, u"rules"_s);
        auto *dialog = new RuleDialog({u"ping-answer"_s, u"slow-pong"_s}, session->profile().settings,
                                      session->isProxy(), m_window);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->setRule(session->rules()->rules().at(0));
        dialog->show();
        QTimer::singleShot(300, this, [this, page, dialog] {
            save(dialog, u"rule-dialog"_s);
            dialog->close();
            page->showCompose();
            shootEditor();
        });
    });
}

void Screenshotter::shootEditor()
{
    ProfileEditor *editor = m_window->openProfileEditor();
    if (!editor) {
        QApplication::exit(m_failures > 0 ? 1 : 0);
        return;
    }
    // Wait for the secret to come back from the keychain, so the field looks as the user sees it.
    QTimer::singleShot(1200, this, [this, editor] {
        editor->adjustSize();
        save(editor, u"editor"_s);
        // The second page: what xcm answers as the component.
        if (auto *pages = editor->findChild<QTabWidget *>(u"editorPages"_s)) {
            pages->setCurrentIndex(1);
            save(editor, u"editor-component"_s);
        }
        editor->reject();
        QApplication::exit(m_failures > 0 ? 1 : 0);
    });
}

} // namespace xcm
