// SPDX-License-Identifier: GPL-3.0-or-later
// The connection bar says when the connection flaps and why retrying stopped, in the library's words,
// against tests/support's scripted server, and drops a stale disconnect reason once a real Prosody
// takes the component again.
#include "connectionbar.h"
#include "elidedlabel.h"
#include "profilesession.h"
#include "prosodyserver.h"
#include "scriptedserver.h"
#include "trafficcounter.h"
#include "trafficgraph.h"

#include <QLabel>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace xcm;
using xcm::test::ComponentAccount;
using xcm::test::ProsodyServer;
using xcm::test::ScriptedServer;

namespace {

const QString secret = u"s3cret-for-tests"_s;
const QByteArray kickedOut = "<stream:error><internal-server-error "
                             "xmlns='urn:ietf:params:xml:ns:xmpp-streams'/></stream:error></stream:stream>";

} // namespace

class TestConnectionBar : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void saysFlappingUntilTheConnectionIsStable();
    void saysWhyRetryingStopped();
    void serverTextIsShownAsText();
    void reconnectReplacesTheLastDisconnect();
    void narrowBarKeepsTheDomain();
    void graphSpansTheHistoryThereIs();

private:
    std::unique_ptr<ProfileSession> makeSession(quint16 port, std::chrono::milliseconds stableAfter,
                                                const QString &domain = u"comp.example"_s);
    QTemporaryDir m_dir;
};

void TestConnectionBar::graphSpansTheHistoryThereIs()
{
    // Issue 13: eight seconds of traffic were a four-pixel sliver at the edge of five empty minutes.
    ComponentConnection connection; // a mirror, told its counts as the desktop proxy's would be
    TrafficCounter counter(300);
    counter.follow(&connection);
    TrafficGraph graph(&counter);
    graph.resize(150, 30);
    const auto tick = [&counter, &connection](int seconds) {
        for (int i = 0; i < seconds; ++i) {
            ComponentConnection::Status status = connection.status();
            ++status.counters.stanzasIn;
            connection.mirrorState(status);
            counter.tick();
        }
    };
    // Pixel columns with a received-bar above the middle line (the background shows elsewhere; bars'
    // edges are antialiased, so anything but the background counts).
    const auto columnsWithBars = [&graph] {
        const QImage image = graph.grab().toImage();
        const QRgb background = graph.palette().color(QPalette::Base).rgb();
        int columns = 0;
        for (int x = 4; x < image.width() - 4; ++x)
            columns += image.pixel(x, 6) != background ? 1 : 0; // above the peak label
        return columns;
    };
    tick(8);
    // Eight of sixty seconds in about 140 pixels: 18 (it was eight of 300: 3).
    QVERIFY2(columnsWithBars() >= 15, qPrintable(QString::number(columnsWithBars())));
    QCOMPARE(graph.shownSeconds(), 60);
    QVERIFY2(graph.toolTip().startsWith(u"Stanzas per second over the last 1 min\nNow: in 1/s"_s),
             qPrintable(graph.toolTip())); // not "1 minute(s)"
    tick(53);
    QCOMPARE(graph.shownSeconds(), 120);
    QVERIFY2(graph.toolTip().startsWith(u"Stanzas per second over the last 2 min\n"_s),
             qPrintable(graph.toolTip()));
    tick(400);
    QCOMPARE(graph.shownSeconds(), 300);
    QVERIFY2(columnsWithBars() >= 140, qPrintable(QString::number(columnsWithBars())));
}

void TestConnectionBar::narrowBarKeepsTheDomain()
{
    // Issue 13: in a 1024 px window the bar showed "demo.localh": the server's address gives way, then
    // the traffic graph narrows, and the component's domain stays whole.
    auto session = makeSession(5347, 30s, u"demo.localhost"_s);
    ConnectionBar bar(session.get());
    bar.resize(700, bar.sizeHint().height()); // about a 1024 px window's once the counters count
    bar.show();
    QVERIFY(QTest::qWaitForWindowExposed(&bar));
    auto *target = bar.findChild<ElidedLabel *>(u"targetLabel"_s);
    QVERIFY(target);
    QCOMPARE(target->text(), u"demo.localhost on 127.0.0.1:5347"_s);
    QTRY_VERIFY2(target->shownText().startsWith(u"demo.localhost"_s), qPrintable(target->shownText()));
    QVERIFY2(target->shownText() != target->text(), "700 px is narrow enough to shorten it");
    bar.resize(1100, bar.height());
    QTRY_COMPARE(target->shownText(), target->text());
}

std::unique_ptr<ProfileSession>
TestConnectionBar::makeSession(quint16 port, std::chrono::milliseconds stableAfter, const QString &domain)
{
    Profile profile = Profile::create(u"Flapper"_s);
    ConnectionSettings &s = profile.settings;
    s.port = port;
    s.domain = domain;
    s.connectTimeout = 2s;
    s.maxStanzaBytes = 1024;
    s.reconnect.initialDelay = 50ms;
    s.reconnect.maxDelay = 200ms;
    s.reconnect.jitter = 0.0;
    s.reconnect.stableAfter = stableAfter;
    auto session = std::make_unique<ProfileSession>(profile, nullptr, m_dir.filePath(u"history.json"_s));
    session->connection()->setSecret(secret);
    return session;
}

void TestConnectionBar::saysFlappingUntilTheConnectionIsStable()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    auto session = makeSession(server.port(), 1s);
    ConnectionBar bar(session.get());
    auto *reason = bar.findChild<QLabel *>(u"reasonLabel"_s);
    ComponentConnection *connection = session->connection();
    connection->connectToServer();
    for (int i = 1; i <= 3; ++i) {
        QTRY_COMPARE_WITH_TIMEOUT(server.connectionCount(), i, 5000);
        QVERIFY(server.acceptHandshake(secret));
        QTRY_COMPARE(connection->state(), ConnectionState::Connected);
        server.send(kickedOut);
        QTRY_VERIFY(connection->nextReconnectAtMs() > 0);
    }
    QVERIFY2(reason->text().startsWith(u"Last disconnect: internal-server-error: "_s),
             qPrintable(reason->text()));
    QVERIFY2(reason->text().endsWith(
                 u"\nFlapping: the connection dropped 3 times in a row within 1 s of connecting"_s),
             qPrintable(reason->text()));

    // Up for stableAfter: the line goes.
    QTRY_COMPARE_WITH_TIMEOUT(server.connectionCount(), 4, 5000);
    QVERIFY(server.acceptHandshake(secret));
    QTRY_COMPARE(connection->state(), ConnectionState::Connected);
    QVERIFY(reason->text().contains(u"Flapping: "_s));
    QTRY_VERIFY_WITH_TIMEOUT(!reason->text().contains(u"Flapping: "_s), 3000);
    connection->disconnectFromServer();
}

void TestConnectionBar::saysWhyRetryingStopped()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    auto session = makeSession(server.port(), 30s);
    ConnectionBar bar(session.get());
    auto *reason = bar.findChild<QLabel *>(u"reasonLabel"_s);
    ComponentConnection *connection = session->connection();
    connection->connectToServer();
    const QByteArray oversize = "<message from='u@example.org' to='bot@comp.example'><body>" +
                                QByteArray(2000, 'A') + "</body></message>";
    for (int i = 1; i <= 2; ++i) {
        QTRY_COMPARE_WITH_TIMEOUT(server.connectionCount(), i, 5000);
        QVERIFY(server.acceptHandshake(secret));
        QTRY_COMPARE(connection->state(), ConnectionState::Connected);
        server.send(oversize);
    }
    QTRY_VERIFY(connection->state() == ConnectionState::Disconnected && connection->nextReconnectAtMs() == 0);
    QVERIFY2(
        reason->text().contains(u"\nStopped reconnecting: the server sent the same refused data twice in a "
                                "row (a stanza "_s),
        qPrintable(reason->text()));
    QVERIFY(!session->isActive());
}

void TestConnectionBar::serverTextIsShownAsText()
{
    // A stream error's text is the server's to write: markup in it is shown, never rendered (the
    // label is plain text; its tooltip, which Qt reads as rich text when it looks like it, too).
    ScriptedServer server;
    QVERIFY(server.listen());
    auto session = makeSession(server.port(), 30s);
    ConnectionBar bar(session.get());
    auto *reason = bar.findChild<QLabel *>(u"reasonLabel"_s);
    session->connection()->connectToServer();
    QTRY_COMPARE_WITH_TIMEOUT(server.connectionCount(), 1, 5000);
    QVERIFY(server.acceptHandshake(secret));
    QTRY_COMPARE(session->connection()->state(), ConnectionState::Connected);
    server.send("<stream:error><policy-violation xmlns='urn:ietf:params:xml:ns:xmpp-streams'/><text "
                "xmlns='urn:ietf:params:xml:ns:xmpp-streams'>&lt;b&gt;go&lt;/b&gt; &lt;img src='x.png'&gt;"
                "</text></stream:error>");
    QTRY_VERIFY2(reason->text().contains(u"<b>go</b> <img src='x.png'>"_s), qPrintable(reason->text()));
    QTextDocument tip;
    tip.setHtml(reason->toolTip()); // as QToolTip reads it: rich, or else it would not look so
    QVERIFY2(!Qt::mightBeRichText(reason->toolTip()) || tip.toPlainText() == reason->text(),
             qPrintable(reason->toolTip()));
    QCOMPARE(reason->textFormat(), Qt::PlainText);
}

void TestConnectionBar::reconnectReplacesTheLastDisconnect()
{
    QString why;
    if (!ProsodyServer::available(&why))
        QFAIL(qPrintable(u"Prosody is required: "_s + why));
    const ComponentAccount account{u"bar.localhost"_s, u"bar-Secret-81"_s};
    ProsodyServer prosody({account});
    QVERIFY2(prosody.start(&why), qPrintable(why));
    auto session = makeSession(prosody.componentPort(), 30s, account.domain);
    ComponentConnection *connection = session->connection();
    connection->setSecret(account.secret);
    ConnectionBar bar(session.get());
    auto *reason = bar.findChild<QLabel *>(u"reasonLabel"_s);

    connection->connectToServer();
    QTRY_COMPARE_WITH_TIMEOUT(connection->state(), ConnectionState::Connected, 10000);
    const QString firstStream = connection->streamId();
    connection->disconnectFromServer();
    QTRY_COMPARE_WITH_TIMEOUT(connection->state(), ConnectionState::Disconnected, 10000);
    QTRY_VERIFY2(reason->text().startsWith(u"Last disconnect: "_s), qPrintable(reason->text()));

    connection->connectToServer();
    QTRY_COMPARE_WITH_TIMEOUT(connection->state(), ConnectionState::Connected, 10000);
    QVERIFY(connection->streamId() != firstStream);
    QTRY_VERIFY2(reason->text().contains(connection->streamId()), qPrintable(reason->text()));
    QVERIFY2(!reason->text().contains(u"Last disconnect"_s), qPrintable(reason->text()));
    connection->disconnectFromServer();
    QTRY_COMPARE_WITH_TIMEOUT(connection->state(), ConnectionState::Disconnected, 10000);
}

QTEST_MAIN(TestConnectionBar)
#include "tst_connectionbar.moc"
