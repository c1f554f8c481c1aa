// SPDX-License-Identifier: GPL-3.0-or-later
// The desktop app's proxy (ThreadedProxy: a ComponentProxy on a relay thread, read through mirrors)
// against the real parts: Prosody upstream, slixmpp's echo component connecting through it, a slixmpp
// client messaging the component. The point of the thread: the relay goes on while the thread that owns
// the proxy (the window's) is busy, and the mirrors then report everything, in order.
#include "connectiontimeline.h"
#include "echocomponentprocess.h"
#include "prosodyserver.h"
#include "threadedproxy.h"
#include "xmppclientprocess.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>
#include <QThread>
#include <QTimer>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace xcm;
using xcm::test::ComponentAccount;
using xcm::test::EchoComponentProcess;
using xcm::test::ProsodyServer;
using xcm::test::XmppClientProcess;

namespace {

const ComponentAccount echo{u"echo.localhost"_s, u"echo-secret-9"_s};
const QString userPassword = u"dora-password"_s;

QString echoMessage(const QString &id, const QString &body)
{
    return u"<message type='chat' id='%1' to='%2'><body>%3</body></message>"_s.arg(id, echo.domain, body);
}

// Indexes of the stanzas in `spy` whose wire holds `text`.
QList<int> rowsHolding(const QSignalSpy &spy, const QByteArray &text)
{
    QList<int> rows;
    for (int i = 0; i < spy.size(); ++i) {
        if (spy.at(i).at(0).value<Stanza>().wire().contains(text))
            rows << i;
    }
    return rows;
}

} // namespace

class TestThreadedProxy : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void cleanup();
    void mirrorsTheComponentAndTheServerLeg();
    void relaysWhileItsOwnersThreadIsBusy();
    void eventsKeepTheTimeTheyHappened();
    void injectsOnBothLegs();
    void faultRulesCountOnTheRelayThreadAndShowInTheMirror();
    void whatRulesHeldBackIsDiscardedAloudWhenTheComponentLeaves();
    void aWindowFarBehindPausesTheRelayAndLosesNothing_data();
    void aWindowFarBehindPausesTheRelayAndLosesNothing();

private:
    void startProxy(ThreadedProxy &proxy);
    std::unique_ptr<ProsodyServer> m_server;
    QString m_user;
};

void TestThreadedProxy::initTestCase()
{
    QString why;
    if (!ProsodyServer::available(&why))
        QFAIL(qPrintable(u"Prosody is required for the integration tests: "_s + why));
    if (!XmppClientProcess::available(&why))
        QFAIL(qPrintable(u"The slixmpp test client is required: "_s + why));
    m_server = std::make_unique<ProsodyServer>(QList<ComponentAccount>{echo});
    QString error;
    QVERIFY2(m_server->start(&error), qPrintable(error));
    QVERIFY2(m_server->addUser(u"dora"_s, userPassword, &error), qPrintable(error));
    m_user = u"dora@"_s + m_server->serverDomain();
}

void TestThreadedProxy::cleanupTestCase()
{
    if (m_server)
        m_server->stop();
}

void TestThreadedProxy::cleanup()
{
    // Let Prosody notice the last component left before the next one logs in (else: conflict).
    QTest::qWait(300);
}

void TestThreadedProxy::startProxy(ThreadedProxy &proxy)
{
    ProxySettings settings;
    settings.upstream.host = u"127.0.0.1"_s;
    settings.upstream.port = m_server->componentPort();
    settings.upstream.domain = echo.domain;
    settings.upstream.connectTimeout = 5s;
    proxy.setSettings(settings);
    proxy.setUpstreamSecret(echo.secret);
    QString error;
    QVERIFY2(proxy.listen(&error), qPrintable(error));
    QVERIFY(proxy.isListening());
    QVERIFY(proxy.listeningPort() > 0);
}

void TestThreadedProxy::mirrorsTheComponentAndTheServerLeg()
{
    ThreadedProxy proxy;
    startProxy(proxy);
    QSignalSpy states(&proxy.upstream(), &ComponentConnection::stateChanged);
    QSignalSpy components(&proxy, &ThreadedProxy::componentChanged);
    QSignalSpy events(&proxy, &ThreadedProxy::componentEvent);
    {
        EchoComponentProcess component(echo.domain, echo.secret, proxy.listeningPort());
        component.start();
        QVERIFY2(component.waitForEvent(u"online"_s), qPrintable(component.output()));
        QTRY_COMPARE(proxy.upstream().state(), ConnectionState::Connected);
        QVERIFY(proxy.hasComponent());
        QVERIFY(proxy.componentAddress().startsWith(u"127.0.0.1:"_s));
        QVERIFY(!proxy.upstream().streamId().isEmpty());
        QVERIFY(proxy.upstream().counters().stanzasIn > 0); // the server's header and <handshake/>
        QCOMPARE(components.size(), 1);
        QCOMPARE(components.first().at(0).toBool(), true);
        // The states came in their order, each once.
        QList<ConnectionState> seen;
        for (const QList<QVariant> &arguments : states)
            seen << arguments.at(0).value<ConnectionState>();
        QCOMPARE(seen, QList<ConnectionState>({ConnectionState::Connecting, ConnectionState::OpeningStream,
                                               ConnectionState::Authenticating, ConnectionState::Connected}));
        // The mirror has the leg's settings: a proxy queues nothing for a server leg that is not up.
        QCOMPARE(proxy.upstream().settings().maxPendingStanzas, 0);
        QVERIFY(!proxy.upstream().canQueue());
    }
    // The component went away with its process.
    QTRY_COMPARE(proxy.upstream().state(), ConnectionState::Disconnected);
    QTRY_VERIFY(!proxy.hasComponent());
    QCOMPARE(components.last().at(0).toBool(), false);
    QVERIFY(events.last().at(0).toString().contains(u"left"_s));
    QVERIFY(proxy.isListening()); // for the component's next connection
    proxy.stop();
    QVERIFY(!proxy.isListening());
}

void TestThreadedProxy::relaysWhileItsOwnersThreadIsBusy()
{
    ThreadedProxy proxy;
    startProxy(proxy);
    QSignalSpy fromServer(&proxy.upstream(), &ComponentConnection::stanzaReceived);
    QSignalSpy toServer(&proxy.upstream(), &ComponentConnection::stanzaSent);
    QStringList order; // both legs as the window hears of them
    const auto note = [&order](const Stanza &stanza) {
        if (stanza.wire().contains("while busy"))
            order << (stanza.direction() == Direction::Received ? u"in"_s : u"out"_s);
    };
    connect(&proxy.upstream(), &ComponentConnection::stanzaReceived, this, note);
    connect(&proxy.upstream(), &ComponentConnection::stanzaSent, this, note);
    EchoComponentProcess component(echo.domain, echo.secret, proxy.listeningPort());
    component.start();
    QVERIFY2(component.waitForEvent(u"online"_s), qPrintable(component.output()));
    QTRY_COMPARE(proxy.upstream().state(), ConnectionState::Connected);
    const ComponentConnection::Counters before = proxy.upstream().counters();
    fromServer.clear();
    toServer.clear();

    // This thread, the window's in the app, is busy 250 ms at a time with a 1 ms break between: a relay
    // that needed it would hold each leg of an echo for about 125 ms; without it, an echo takes a few.
    QTimer busy;
    busy.setInterval(1);
    connect(&busy, &QTimer::timeout, this, [] { QThread::msleep(250); });
    busy.start();
    XmppClientProcess client(m_user, userPassword, m_server->clientPort());
    const bool ran = client.run({echoMessage(u"b1"_s, u"while busy"_s)}, 10s);
    busy.stop();
    QVERIFY2(ran, qPrintable(client.failure() + component.output()));
    QCOMPARE(client.messageBody(u"b1"_s), u"while busy"_s);
    QVERIFY2(client.answerDelayMs(u"b1"_s) < 100,
             qPrintable(u"the echo took %1 ms"_s.arg(client.answerDelayMs(u"b1"_s))));

    // Afterwards the mirror reports both legs, the message before its echo.
    QTRY_COMPARE(order, QStringList({u"in"_s, u"out"_s}));
    QCOMPARE(rowsHolding(fromServer, "while busy").size(), 1);
    QCOMPARE(rowsHolding(toServer, "while busy").size(), 1);
    QVERIFY(!component.failureCondition().size());
    // The counters came with the stanzas.
    const ComponentConnection::Counters after = proxy.upstream().counters();
    QCOMPARE(after.stanzasOut - before.stanzasOut, quint64(toServer.size()));
    QCOMPARE(after.stanzasIn - before.stanzasIn, quint64(fromServer.size()));
}

void TestThreadedProxy::eventsKeepTheTimeTheyHappened()
{
    ThreadedProxy proxy;
    startProxy(proxy);
    ConnectionTimeline timeline; // as a session's: the mirror's states, and the component's events
    timeline.follow(&proxy.upstream());
    connect(&proxy, &ThreadedProxy::componentEvent, &timeline,
            [&timeline](const QString &text, bool problem, qint64 atMs) {
                timeline.recordNote(text, problem, atMs);
            });
    EchoComponentProcess component(echo.domain, echo.secret, proxy.listeningPort());
    component.start();
    // The relay connects the component while this thread (the window's) hears of nothing, and a while
    // after: the component is online only once the server accepted the upstream leg.
    QVERIFY2(component.waitForEventBlocking(u"online"_s), qPrintable(component.output()));
    const qint64 onlineByMs = QDateTime::currentMSecsSinceEpoch();
    QThread::msleep(300);
    QTRY_COMPARE(proxy.upstream().state(), ConnectionState::Connected);
    QVERIFY(proxy.upstream().stateChangedAtMs() > 0);
    QVERIFY2(
        proxy.upstream().stateChangedAtMs() <= onlineByMs,
        qPrintable(
            u"connected at %1, online by %2"_s.arg(proxy.upstream().stateChangedAtMs()).arg(onlineByMs)));
    // The timeline has each step at its time, not at the time the window heard of it.
    QStringList seen;
    for (int row = 0; row < timeline.rowCount(); ++row) {
        const ConnectionTimeline::Event &event = timeline.event(row);
        seen << ConnectionTimeline::eventName(event.kind);
        QVERIFY2(event.atMs > 0 && event.atMs <= onlineByMs,
                 qPrintable(u"%1 \"%2\" at %3, online by %4"_s
                                .arg(ConnectionTimeline::eventName(event.kind), event.detail)
                                .arg(event.atMs)
                                .arg(onlineByMs)));
    }
    QVERIFY2(seen.contains(ConnectionTimeline::eventName(ConnectionTimeline::EventKind::Note)),
             qPrintable(seen.join(u", ")));
    QVERIFY2(seen.contains(ConnectionTimeline::eventName(ConnectionTimeline::EventKind::Connected)),
             qPrintable(seen.join(u", ")));
}

void TestThreadedProxy::injectsOnBothLegs()
{
    ThreadedProxy proxy;
    startProxy(proxy);
    QString error;
    QVERIFY(!proxy.injectToComponent("<message to='x@echo.localhost'/>", &error));
    QVERIFY(error.contains(u"no component"_s));

    EchoComponentProcess component(echo.domain, echo.secret, proxy.listeningPort());
    component.start();
    QVERIFY2(component.waitForEvent(u"online"_s), qPrintable(component.output()));
    QTRY_COMPARE(proxy.upstream().state(), ConnectionState::Connected);

    // To the component, as if from the server.
    QSignalSpy injected(&proxy, &ThreadedProxy::injectedToComponent);
    const QByteArray toComponent = "<message from='someone@localhost' to='bot@echo.localhost' id='i1'>"
                                   "<body>from the proxy</body></message>";
    QVERIFY2(proxy.injectToComponent(toComponent, &error), qPrintable(error));
    QTRY_COMPARE(injected.size(), 1);
    QCOMPARE(injected.first().at(0).value<Stanza>().wire(), toComponent);
    QTRY_VERIFY(component.receivedBytes().contains(toComponent));

    // To the server: the mirror reports it sent while saying it is an injection, and only then.
    QList<bool> injectedWhenSent;
    connect(&proxy.upstream(), &ComponentConnection::stanzaSent, this, [&](const Stanza &stanza) {
        if (stanza.id() == u"s1"_s)
            injectedWhenSent << proxy.isReportingInjected();
    });
    QCOMPARE(
        proxy.injectToServer("<presence from='bot@echo.localhost' to='" + m_user.toUtf8() + "' id='s1'/>"),
        QString());
    QTRY_COMPARE(injectedWhenSent.size(), 1);
    QVERIFY(injectedWhenSent.first());
    QVERIFY(!proxy.isReportingInjected());
    // Anything else sent to the server is not reported as injected.
    bool otherInjected = false;
    bool echoReported = false;
    connect(&proxy.upstream(), &ComponentConnection::stanzaSent, this, [&](const Stanza &stanza) {
        if (stanza.id() != u"s1"_s && proxy.isReportingInjected())
            otherInjected = true;
        echoReported = echoReported || stanza.wire().contains("<body>echoed</body>"); // slixmpp's own id
    });
    XmppClientProcess client(m_user, userPassword, m_server->clientPort());
    QVERIFY2(client.run({echoMessage(u"e1"_s, u"echoed"_s)}, 10s), qPrintable(client.failure()));
    QTRY_VERIFY(echoReported); // the mirror hears of it after the client may have it
    QVERIFY(!otherInjected);
    // A stanza the server would be sent from outside the domain is refused before it goes.
    QVERIFY(!proxy.injectToServer("<message from='bot@elsewhere' to='x@localhost'/>").isEmpty());
}

void TestThreadedProxy::faultRulesCountOnTheRelayThreadAndShowInTheMirror()
{
    ThreadedProxy proxy;
    startProxy(proxy);
    Rule hold(u"keep"_s, u"dir == in and body contains 'keep me'"_s, {});
    hold.setAction(Rule::Action::Hold);
    QString error;
    QVERIFY2(proxy.setRules({hold}, &error), qPrintable(error));
    QCOMPARE(proxy.faults().rules().size(), 1);

    EchoComponentProcess component(echo.domain, echo.secret, proxy.listeningPort());
    component.start();
    QVERIFY2(component.waitForEvent(u"online"_s), qPrintable(component.output()));
    QTRY_COMPARE(proxy.upstream().state(), ConnectionState::Connected);

    QSignalSpy faulted(&proxy, &ThreadedProxy::stanzaFaulted);
    QSignalSpy released(&proxy, &ThreadedProxy::releasedToComponent);
    QSignalSpy held(&proxy, &ThreadedProxy::heldCountChanged);
    QSignalSpy ruleChanges(&proxy.faults(), &RuleRunner::ruleChanged);
    // The client gives up waiting for the echo of a held message; it is held on the way in.
    XmppClientProcess client(m_user, userPassword, m_server->clientPort());
    client.run({echoMessage(u"h1"_s, u"keep me"_s)}, 2s);
    QCOMPARE(client.timedOut(), QStringList({u"h1"_s})); // no echo: the message is held
    QVERIFY(client.messageBody(u"h1"_s).isEmpty());
    QTRY_COMPARE(proxy.heldCount(), 1);
    QCOMPARE(held.last().at(0).toInt(), 1);
    QCOMPARE(faulted.size(), 1);
    QVERIFY(faulted.first().at(2).toString().contains(u"held by rule keep"_s));
    QVERIFY(!ruleChanges.isEmpty());
    QCOMPARE(proxy.faults().rules().first().hits(), quint64(1));
    QVERIFY(!component.receivedBytes().contains("keep me"));

    QCOMPARE(proxy.releaseHeld(), 1);
    QTRY_COMPARE(proxy.heldCount(), 0);
    QCOMPARE(held.last().at(0).toInt(), 0);
    QTRY_VERIFY(component.receivedBytes().contains("keep me"));
    // The log hears when it went on, and after how long.
    QTRY_COMPARE(released.size(), 1);
    const auto releasedStanza = released.first().at(0).value<Stanza>();
    QCOMPARE(releasedStanza.direction(), Direction::Received);
    QVERIFY(releasedStanza.wire().contains("keep me"));
    const QString mark = released.first().at(1).toString();
    QVERIFY2(mark.startsWith(u"released: held "_s) && mark.endsWith(u" by rule keep"_s), qPrintable(mark));

    // Switched off here, it stops acting there.
    proxy.setRuleEnabled(0, false);
    QVERIFY(!proxy.faults().rules().first().isEnabled());
    XmppClientProcess again(m_user, userPassword, m_server->clientPort());
    QVERIFY2(again.run({echoMessage(u"h2"_s, u"keep me too"_s)}, 10s), qPrintable(again.failure()));
    QCOMPARE(again.messageBody(u"h2"_s), u"keep me too"_s);
    QCOMPARE(proxy.heldCount(), 0);
}

void TestThreadedProxy::whatRulesHeldBackIsDiscardedAloudWhenTheComponentLeaves()
{
    ThreadedProxy proxy;
    startProxy(proxy);
    Rule hold(u"keep"_s, u"dir == in and body contains 'keep me'"_s, {});
    hold.setAction(Rule::Action::Hold);
    Rule delay(u"slow"_s, u"dir == in and body contains 'later'"_s, {});
    delay.setAction(Rule::Action::Delay);
    constexpr int delayMs = 4000; // past the first component's leaving, within the next one's time
    delay.setDelayMs(delayMs);
    QString error;
    QVERIFY2(proxy.setRules({hold, delay}, &error), qPrintable(error));
    QSignalSpy events(&proxy, &ThreadedProxy::componentEvent);
    QSignalSpy faulted(&proxy, &ThreadedProxy::stanzaFaulted);
    QSignalSpy released(&proxy, &ThreadedProxy::releasedToComponent);
    {
        EchoComponentProcess component(echo.domain, echo.secret, proxy.listeningPort());
        component.start();
        QVERIFY2(component.waitForEvent(u"online"_s), qPrintable(component.output()));
        QTRY_COMPARE(proxy.upstream().state(), ConnectionState::Connected);
        XmppClientProcess client(m_user, userPassword, m_server->clientPort());
        client.run({echoMessage(u"d1"_s, u"keep me"_s), echoMessage(u"d2"_s, u"later"_s)}, 1s);
        QTRY_COMPARE(faulted.size(), 2);
        QCOMPARE(proxy.heldCount(), 1);
    } // the component goes away with its process
    QElapsedTimer sinceFaulted;
    sinceFaulted.start();
    QTRY_VERIFY(!proxy.hasComponent());
    QTRY_COMPARE(proxy.heldCount(), 0);
    // Said with the component's leaving, as a problem: the two never reached it. (The server leg's
    // state change, posted first, already says none are held.)
    QTRY_VERIFY(!events.isEmpty() && events.last().at(0).toString().contains(u" left: "_s));
    const QList<QVariant> left = events.last();
    const QString text = left.at(0).toString();
    QVERIFY2(text.contains(u" left: "_s) && text.endsWith(u"; discarded 2 stanzas fault rules held back"_s),
             qPrintable(text));
    QVERIFY(left.at(1).toBool());

    // What was discarded stays so: the delayed one never reaches the next component.
    EchoComponentProcess next(echo.domain, echo.secret, proxy.listeningPort());
    next.start();
    QVERIFY2(next.waitForEvent(u"online"_s), qPrintable(next.output()));
    QTRY_COMPARE(proxy.upstream().state(), ConnectionState::Connected);
    QVERIFY2(sinceFaulted.elapsed() < delayMs, "the next component came too late to tell");
    QTest::qWait(int(delayMs - sinceFaulted.elapsed()) + 500);
    QVERIFY(released.isEmpty());
    QVERIFY(!next.receivedBytes().contains("later"));

    // The proxy stopping says the same, once the component's leg has closed.
    XmppClientProcess client(m_user, userPassword, m_server->clientPort());
    client.run({echoMessage(u"d3"_s, u"keep me"_s)}, 1s);
    QTRY_COMPARE(proxy.heldCount(), 1);
    events.clear();
    proxy.stop();
    QTRY_VERIFY(!proxy.hasComponent());
    QTRY_COMPARE(proxy.heldCount(), 0);
    const QString stopped = events.last().at(0).toString();
    QVERIFY2(
        stopped.endsWith(u" left: the proxy closed the stream; discarded a stanza a fault rule held back"_s),
        qPrintable(stopped));
    QVERIFY(events.last().at(1).toBool());
}

void TestThreadedProxy::aWindowFarBehindPausesTheRelayAndLosesNothing_data()
{
    QTest::addColumn<int>("room");
    QTest::addColumn<int>("batch");
    // The relay waits for the window at every stanza.
    QTest::newRow("room for one event") << 1 << int(ThreadedProxy::eventsPerDelivery);
    // Several full batches wait while the window sleeps, and the one being filled is taken half full.
    QTest::newRow("batches of three") << 10 << 3;
}

void TestThreadedProxy::aWindowFarBehindPausesTheRelayAndLosesNothing()
{
    // Little room: the relay waits for the window, while the window keeps asking it things (each a call
    // the window waits for). Nothing is lost or reordered, nothing hangs, and the proxy can be destroyed
    // while the relay waits.
    QFETCH(int, room);
    QFETCH(int, batch);
    auto proxy = std::make_unique<ThreadedProxy>();
    startProxy(*proxy);
    proxy->setMaxQueuedEvents(size_t(room));
    proxy->setEventsPerDelivery(size_t(batch));
    QStringList order;
    const auto note = [&order](const Stanza &stanza) {
        // The echo has an id of its own: the body names the message.
        static const QRegularExpression flood(u">flood (\\d+)<"_s);
        const QRegularExpressionMatch match = flood.match(QString::fromUtf8(stanza.wire()));
        if (match.hasMatch())
            order << (stanza.direction() == Direction::Received ? u"in w"_s : u"out w"_s) + match.captured(1);
    };
    connect(&proxy->upstream(), &ComponentConnection::stanzaReceived, this, note);
    connect(&proxy->upstream(), &ComponentConnection::stanzaSent, this, note);
    EchoComponentProcess component(echo.domain, echo.secret, proxy->listeningPort());
    component.start();
    QVERIFY2(component.waitForEvent(u"online"_s), qPrintable(component.output()));
    QTRY_COMPARE(proxy->upstream().state(), ConnectionState::Connected);

    QTimer asking;
    asking.setInterval(2);
    int asked = 0;
    connect(&asking, &QTimer::timeout, this, [&] {
        QThread::msleep(20);           // behind: the relay fills its room and waits for this thread
        proxy->setComponentSecret({}); // which waits for the relay: it must get its turn
        ++asked;
    });
    asking.start();
    QStringList messages;
    for (int i = 1; i <= 40; ++i)
        messages << echoMessage(u"w%1"_s.arg(i), u"flood %1"_s.arg(i));
    XmppClientProcess client(m_user, userPassword, m_server->clientPort());
    client.run(messages, 5s); // it waits for one echo a JID: the first
    QTRY_VERIFY2_WITH_TIMEOUT(order.count() == 80, qPrintable(order.join(u", "_s)), 20000);
    asking.stop();
    QVERIFY(asked > 10);
    for (int i = 1; i <= 40; ++i) {
        const qsizetype in = order.indexOf(u"in w%1"_s.arg(i));
        const qsizetype out = order.indexOf(u"out w%1"_s.arg(i));
        QVERIFY2(in >= 0 && out > in, qPrintable(order.join(u", "_s)));
        QVERIFY(i == 1 || in > order.indexOf(u"in w%1"_s.arg(i - 1))); // in the order they came
    }

    // Another flood, and the window gone while the relay waits for it.
    XmppClientProcess second(m_user, userPassword, m_server->clientPort());
    QTimer::singleShot(1500, this, [&] {
        QThread::msleep(100); // the window falls behind: the relay fills its room and waits
        proxy.reset();
    });
    second.run(messages, 3s);
    QTRY_VERIFY(!proxy);
}

QTEST_GUILESS_MAIN(TestThreadedProxy)
#include "tst_threadedproxy.moc"
