// SPDX-License-Identifier: GPL-3.0-or-later
// xcm-cli with real peers on a real Prosody: a slixmpp client asking xcm-cli (the component) things, and
// slixmpp's ComponentXMPP echo bot connecting through `xcm-cli --proxy`.
#include "capturerecord.h"
#include "echocomponentprocess.h"
#include "processsignal.h"
#include "prosodyserver.h"
#include "xmppclientprocess.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <csignal>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using xcm::CaptureRecord;
using xcm::XmlElement;
using xcm::test::ComponentAccount;
using xcm::test::EchoComponentProcess;
using xcm::test::ProsodyServer;
using xcm::test::XmppClientProcess;

namespace {

const ComponentAccount comp{u"comp.localhost"_s, u"comp-secret-11"_s};
const ComponentAccount echo{u"echo.localhost"_s, u"echo-secret-12"_s};
const QString userPassword = u"carol-password"_s;

QString cliPath()
{
    return qEnvironmentVariable("XCM_CLI");
}

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

// xcm-cli running until the test ends it with SIGTERM (as Ctrl+C would).
struct CliProcess
{
    ~CliProcess()
    {
        if (process.state() == QProcess::NotRunning)
            return;
        process.terminate();
        if (!process.waitForFinished(5000))
            process.kill();
    }
    void start(const QStringList &arguments, const QString &secret)
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"XCM_SECRET"_s, secret);
        process.setProcessEnvironment(environment);
        process.start(cliPath(), arguments);
    }
    bool waitForError(const QString &text, int timeoutMs = 15000)
    {
        return QTest::qWaitFor(
            [&] {
                errors += process.readAllStandardError();
                return errors.contains(text.toUtf8());
            },
            timeoutMs);
    }
    QString output()
    {
        out += process.readAllStandardOutput();
        errors += process.readAllStandardError();
        return QString::fromUtf8(out + "\n--- stderr:\n" + errors);
    }
    QProcess process;
    QByteArray out;
    QByteArray errors;
};

} // namespace

class TestCliPeers : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void answersWhatARealClientAsks();
    void answerChoosesTheBuiltInAnswers();
    void noAnswerLeavesTheAskerWaiting();
    void rulesAnswerARealClient();
    void ruleActingInALoopPauses();
    void filterPrintsOnlyWhatMatches();
    void proxyRelaysARealComponent();
    void proxyRefusesAWrongComponentSecret();
    void proxyInjectsFaults();
    void proxyRefusesBadArguments_data();
    void proxyRefusesBadArguments();

private:
    std::unique_ptr<ProsodyServer> m_server;
    QString m_user;
};

void TestCliPeers::initTestCase()
{
    QVERIFY2(QFile::exists(cliPath()), "XCM_CLI must name the xcm-cli binary");
    QString why;
    if (!ProsodyServer::available(&why))
        QFAIL(qPrintable(u"Prosody is required for the integration tests: "_s + why));
    if (!XmppClientProcess::available(&why))
        QFAIL(qPrintable(u"The slixmpp test client is required: "_s + why));
    m_server = std::make_unique<ProsodyServer>(QList<ComponentAccount>{comp, echo});
    QString error;
    QVERIFY2(m_server->start(&error), qPrintable(error));
    QVERIFY2(m_server->addUser(u"carol"_s, userPassword, &error), qPrintable(error));
    m_user = u"carol@"_s + m_server->serverDomain();
}

void TestCliPeers::cleanupTestCase()
{
    if (m_server)
        m_server->stop();
}

namespace {

QString condition(const XmlElement &answer)
{
    for (const XmlElement &child : answer.firstChild(u"error").children()) {
        if (child.namespaceUri() == xcm::ns::stanzaErrors)
            return child.name();
    }
    return {};
}

QString request(const QString &id, const QString &type, const QString &payload)
{
    return u"<iq type='%1' id='%2' to='%3'>%4</iq>"_s.arg(type, id, comp.domain, payload);
}

const QByteArray echoRule =
    "  <rule name='echo' match=\"kind == message and body contains 'ping'\">\n"
    "    <message from='{to}' to='{from}' type='chat'><body>pong {body}</body></message>\n"
    "  </rule>\n";

// A rules file in `dir` holding `rules` (<rule/> elements); its name, or empty when it cannot be written.
QString writeRules(const QTemporaryDir &dir, const QByteArray &rules)
{
    QFile file(dir.filePath(u"rules.xml"_s));
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write("<rules xmlns='urn:xcm:rules:1'>\n" + rules + "</rules>\n");
    return file.fileName();
}

} // namespace

void TestCliPeers::answersWhatARealClientAsks()
{
    CliProcess cli;
    cli.start({u"--port"_s, QString::number(m_server->componentPort()), u"--domain"_s, comp.domain,
               u"--identity"_s, u"gateway/irc/IRC bridge"_s},
              comp.secret);
    QVERIFY2(cli.waitForError(u"connected as comp.localhost"_s), qPrintable(cli.output()));
    XmppClientProcess client(m_user, userPassword, m_server->clientPort());
    QVERIFY2(
        client.run({request(u"info"_s, u"get"_s, u"<query xmlns='http://jabber.org/protocol/disco#info'/>"_s),
                    request(u"ping"_s, u"get"_s, u"<ping xmlns='urn:xmpp:ping'/>"_s),
                    request(u"version"_s, u"get"_s, u"<query xmlns='jabber:iq:version'/>"_s),
                    request(u"time"_s, u"get"_s, u"<time xmlns='urn:xmpp:time'/>"_s),
                    request(u"unknown"_s, u"get"_s, u"<query xmlns='urn:example:nothing'/>"_s)},
                   10s),
        qPrintable(client.failure() + cli.output()));
    const XmlElement identity = client.answer(u"info"_s).firstChild(u"query").firstChild(u"identity");
    QCOMPARE(identity.attribute(u"category"), u"gateway"_s);
    QCOMPARE(identity.attribute(u"type"), u"irc"_s);
    QCOMPARE(identity.attribute(u"name"), u"IRC bridge"_s);
    QCOMPARE(client.answer(u"ping"_s).attribute(u"type"), u"result"_s);
    QCOMPARE(client.answer(u"version"_s).firstChild(u"query").firstChild(u"name").text(), u"xcm"_s);
    QCOMPARE(client.answer(u"time"_s).attribute(u"type"), u"result"_s);
    QCOMPARE(condition(client.answer(u"unknown"_s)), u"service-unavailable"_s);
    // The tail shows each automatic answer with its request's round trip.
    QTRY_VERIFY2(QRegularExpression(u"OUT <iq [^\n]*id=.ping.[^\n]*\\[auto, result in \\d+\\.\\d+ ms\\]"_s)
                     .match(cli.output())
                     .hasMatch(),
                 qPrintable(cli.output()));
    QTRY_VERIFY2(cli.output().contains(u"[auto, error service-unavailable in "_s), qPrintable(cli.output()));
}

void TestCliPeers::answerChoosesTheBuiltInAnswers()
{
    CliProcess cli;
    cli.start({u"--port"_s, QString::number(m_server->componentPort()), u"--domain"_s, comp.domain,
               u"--answer"_s, u"ping"_s},
              comp.secret);
    QVERIFY2(cli.waitForError(u"connected as comp.localhost"_s), qPrintable(cli.output()));
    XmppClientProcess client(m_user, userPassword, m_server->clientPort());
    QVERIFY2(
        client.run({request(u"info"_s, u"get"_s, u"<query xmlns='http://jabber.org/protocol/disco#info'/>"_s),
                    request(u"ping"_s, u"get"_s, u"<ping xmlns='urn:xmpp:ping'/>"_s)},
                   10s),
        qPrintable(client.failure() + cli.output()));
    QCOMPARE(client.answer(u"ping"_s).attribute(u"type"), u"result"_s);
    QCOMPARE(condition(client.answer(u"info"_s)), u"service-unavailable"_s);
}

void TestCliPeers::noAnswerLeavesTheAskerWaiting()
{
    CliProcess cli;
    cli.start({u"--port"_s, QString::number(m_server->componentPort()), u"--domain"_s, comp.domain,
               u"--no-answer"_s},
              comp.secret);
    QVERIFY2(cli.waitForError(u"connected as comp.localhost"_s), qPrintable(cli.output()));
    XmppClientProcess client(m_user, userPassword, m_server->clientPort());
    QVERIFY2(client.run({request(u"ping"_s, u"get"_s, u"<ping xmlns='urn:xmpp:ping'/>"_s)}, 2s),
             qPrintable(client.failure() + cli.output()));
    QCOMPARE(client.timedOut(), QStringList{u"ping"_s});
    QVERIFY(!cli.output().contains(u"OUT <iq"_s));
}

void TestCliPeers::rulesAnswerARealClient()
{
    QTemporaryDir dir;
    const QString rules = writeRules(
        dir, echoRule +
                 "  <rule name='roster' match=\"kind == iq and has(query@xmlns == 'jabber:iq:roster')\">\n"
                 "    <iq type='result' from='{to}' to='{from}' id='{id}'><query xmlns='jabber:iq:roster'>"
                 "<item jid='carol@example.org'/></query></iq>\n"
                 "  </rule>\n");
    QVERIFY(!rules.isEmpty());
    CliProcess cli;
    cli.start({u"--port"_s, QString::number(m_server->componentPort()), u"--domain"_s, comp.domain,
               u"--rules"_s, rules, u"--record"_s, dir.filePath(u"capture"_s)},
              comp.secret);
    QVERIFY2(cli.waitForError(u"connected as comp.localhost"_s), qPrintable(cli.output()));
    XmppClientProcess client(m_user, userPassword, m_server->clientPort());
    QVERIFY2(client.run({u"<message type='chat' id='m1' to='%1'><body>ping &amp; more</body></message>"_s.arg(
                             comp.domain),
                         request(u"roster"_s, u"get"_s, u"<query xmlns='jabber:iq:roster'/>"_s),
                         request(u"ping"_s, u"get"_s, u"<ping xmlns='urn:xmpp:ping'/>"_s)},
                        10s),
             qPrintable(client.failure() + cli.output()));
    // The placeholders took the asker's values, XML-escaped on the way in.
    QCOMPARE(client.messageBody(u"m1"_s), u"pong ping & more"_s);
    const XmlElement roster = client.answer(u"roster"_s);
    QCOMPARE(roster.attribute(u"type"), u"result"_s);
    QCOMPARE(roster.firstChild(u"query").firstChild(u"item").attribute(u"jid"), u"carol@example.org"_s);
    // What no rule answers still gets the built-in answer.
    QCOMPARE(client.answer(u"ping"_s).attribute(u"type"), u"result"_s);
    // A rule's answer is the only answer: no service-unavailable after it.
    QTRY_VERIFY2(cli.output().contains(u"[rule roster, result in "_s), qPrintable(cli.output()));
    QVERIFY2(cli.output().contains(u"[rule echo]"_s), qPrintable(cli.output()));
    QVERIFY2(!cli.output().contains(u"service-unavailable"_s), qPrintable(cli.output()));

    // The capture knows which answers xcm made, and by which rule: --read says so as the live run did.
    cli.process.terminate();
    QVERIFY(cli.process.waitForFinished(10000));
    const QFileInfoList files =
        QDir(dir.filePath(u"capture"_s)).entryInfoList({u"capture-*.jsonl"_s}, QDir::Files);
    QCOMPARE(files.size(), 1);
    QProcess read;
    read.start(cliPath(), {u"--read"_s, files.first().filePath()});
    QVERIFY(read.waitForFinished(15000));
    QCOMPARE(read.exitCode(), 0);
    const QStringList lines = QString::fromUtf8(read.readAllStandardOutput()).split(u'\n');
    const auto linesWith = [&lines](const QString &text) { return lines.filter(text); };
    QCOMPARE(linesWith(u"OUT <iq"_s).filter(u"jabber:iq:roster"_s).size(), 1);
    // With the round trip, as live (by the recorded times, to the millisecond).
    QVERIFY2(
        linesWith(u"OUT <iq"_s).filter(u"jabber:iq:roster"_s).first().contains(u"[rule roster, result in "_s),
        qPrintable(lines.join(u'\n')));
    QCOMPARE(linesWith(u"[rule echo]"_s).size(), 1);
    QVERIFY(linesWith(u"[rule echo]"_s).first().contains(u"OUT <message"_s));
    QCOMPARE(linesWith(u"[auto, result in "_s).size(), 1);      // the built-in answer to the ping
    QCOMPARE(linesWith(u"IN  <iq"_s).filter(u"["_s).size(), 0); // what the client sent is plain
}

void TestCliPeers::ruleActingInALoopPauses()
{
    // 60 pings at once: the echo rule answers 50 within the second, then pauses for the run and says so.
    QTemporaryDir dir;
    const QString rules = writeRules(dir, echoRule);
    QVERIFY(!rules.isEmpty());
    CliProcess cli;
    cli.start({u"--port"_s, QString::number(m_server->componentPort()), u"--domain"_s, comp.domain,
               u"--rules"_s, rules},
              comp.secret);
    QVERIFY2(cli.waitForError(u"connected as comp.localhost"_s), qPrintable(cli.output()));
    QStringList pings;
    for (int i = 1; i <= 60; ++i)
        pings << u"<message type='chat' id='p%1' to='%2'><body>ping %1</body></message>"_s.arg(
            QString::number(i), comp.domain);
    XmppClientProcess client(m_user, userPassword, m_server->clientPort());
    client.run(pings, 3s); // it waits for one echo a JID: the rest time out
    QVERIFY2(cli.waitForError(u"rule 'echo' paused: more than 50 replies within a second (a loop?); it stays "
                              "paused for the rest of this run"_s),
             qPrintable(cli.output()));
    QTRY_COMPARE(cli.output().count(u"[rule echo]"_s), 50); // the default limit
    QTest::qWait(300);
    QCOMPARE(cli.output().count(u"[rule echo]"_s), 50);
}

void TestCliPeers::filterPrintsOnlyWhatMatches()
{
    CliProcess cli;
    cli.start({u"--port"_s, QString::number(m_server->componentPort()), u"--domain"_s, comp.domain,
               u"--filter"_s, u"kind == iq and type == result"_s},
              comp.secret);
    QVERIFY2(cli.waitForError(u"connected as comp.localhost"_s), qPrintable(cli.output()));
    XmppClientProcess client(m_user, userPassword, m_server->clientPort());
    QVERIFY2(client.run({request(u"ping"_s, u"get"_s, u"<ping xmlns='urn:xmpp:ping'/>"_s),
                         request(u"unknown"_s, u"get"_s, u"<query xmlns='urn:example:nothing'/>"_s)},
                        10s),
             qPrintable(client.failure() + cli.output()));
    QCOMPARE(client.answer(u"ping"_s).attribute(u"type"), u"result"_s); // answered, filtered or not
    // Only the automatic result is printed, with its round trip; not the requests, not the error.
    QTRY_VERIFY2(cli.output().contains(u"[auto, result in "_s), qPrintable(cli.output()));
    QVERIFY2(!cli.output().contains(u"IN  <iq"_s), qPrintable(cli.output()));
    QVERIFY2(!cli.output().contains(u"service-unavailable"_s), qPrintable(cli.output()));
    QVERIFY2(!cli.output().contains(u"<stream:stream"_s), qPrintable(cli.output()));
}

void TestCliPeers::proxyRelaysARealComponent()
{
    const quint16 listenPort = freePort();
    CliProcess cli;
    cli.start({u"--proxy"_s, u"--listen"_s, u"127.0.0.1:%1"_s.arg(listenPort), u"--host"_s, u"127.0.0.1"_s,
               u"--port"_s, QString::number(m_server->componentPort()), u"--domain"_s, echo.domain},
              echo.secret);
    QVERIFY2(cli.waitForError(u"listening on 127.0.0.1:%1"_s.arg(listenPort)), qPrintable(cli.output()));

    EchoComponentProcess component(echo.domain, echo.secret, listenPort);
    component.start();
    QVERIFY2(component.waitForEvent(u"online"_s), qPrintable(component.output() + cli.output()));
    XmppClientProcess client(m_user, userPassword, m_server->clientPort());
    QVERIFY2(client.run({u"<message type='chat' id='m1' to='%1'><body>via xcm-cli</body></message>"_s.arg(
                            echo.domain)},
                        10s),
             qPrintable(client.failure() + cli.output()));
    QCOMPARE(client.messageBody(u"m1"_s), u"via xcm-cli"_s);
    QTRY_VERIFY2(cli.output().contains(u"S→C <message"_s) && cli.output().contains(u"C→S <message"_s),
                 qPrintable(cli.output()));
    QVERIFY(cli.output().contains(u"relaying: component 127.0.0.1:"_s));
    // Both ends with their ports (the server's was left out).
    QVERIFY2(cli.output().contains(u"⇄ server 127.0.0.1:%1\n"_s.arg(m_server->componentPort())),
             qPrintable(cli.output()));

    cli.process.terminate(); // Ctrl+C: both legs close, exit 0
    QVERIFY(cli.process.waitForFinished(10000));
    QCOMPARE(cli.process.exitCode(), 0);
    QVERIFY2(component.waitForEvent(u"disconnected"_s, 5000), qPrintable(component.output()));
    QVERIFY(!cli.output().contains(u"secret"_s) || !cli.output().contains(echo.secret));
}

void TestCliPeers::proxyRefusesAWrongComponentSecret()
{
    const quint16 listenPort = freePort();
    QTemporaryDir dir;
    QFile secretFile(dir.filePath(u"component.secret"_s));
    QVERIFY(secretFile.open(QIODevice::WriteOnly));
    secretFile.write("only-for-the-proxy\n");
    secretFile.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    secretFile.close();
    CliProcess cli;
    cli.start({u"--proxy"_s, u"--listen"_s, QString::number(listenPort), u"--port"_s,
               QString::number(m_server->componentPort()), u"--domain"_s, echo.domain,
               u"--component-secret-file"_s, secretFile.fileName()},
              echo.secret);
    QVERIFY2(cli.waitForError(u"listening on"_s), qPrintable(cli.output()));
    EchoComponentProcess component(echo.domain, echo.secret, listenPort); // the server's, not the proxy's
    component.start();
    QVERIFY2(component.waitForEvent(u"failed"_s), qPrintable(component.output()));
    QCOMPARE(component.failureCondition(), u"not-authorized"_s);
    QVERIFY2(cli.waitForError(u"handshake does not match"_s), qPrintable(cli.output()));
    QVERIFY(!cli.output().contains(u"OUT <handshake"_s)); // the server never heard of it
}

void TestCliPeers::proxyInjectsFaults()
{
    QTemporaryDir dir;
    QFile rules(dir.filePath(u"faults.xml"_s));
    QVERIFY(rules.open(QIODevice::WriteOnly));
    rules.write("<rules xmlns='urn:xcm:rules:1'>\n"
                "  <rule name='lose' match=\"dir == in and body contains 'drop me'\" action='drop'/>\n"
                "  <rule name='slow' match=\"dir == out and body contains 'slow'\" action='delay' "
                "delay-ms='700'/>\n"
                "  <rule name='twice' match=\"dir == in and body contains 'dup me'\" action='duplicate'/>\n"
                "  <rule name='wait' match=\"dir == out and body contains 'hold me'\" action='hold'/>\n"
                "  <rule name='late' match=\"dir == in and body contains 'late one'\" action='delay' "
                "delay-ms='300'/>\n"
                "</rules>\n");
    rules.close();
    const quint16 listenPort = freePort();
    CliProcess cli;
    cli.start({u"--proxy"_s, u"--listen"_s, u"127.0.0.1:%1"_s.arg(listenPort), u"--host"_s, u"127.0.0.1"_s,
               u"--port"_s, QString::number(m_server->componentPort()), u"--domain"_s, echo.domain,
               u"--rules"_s, rules.fileName(), u"--record"_s, dir.filePath(u"capture"_s)},
              echo.secret);
    QVERIFY2(cli.waitForError(u"listening on 127.0.0.1:%1"_s.arg(listenPort)), qPrintable(cli.output()));
    EchoComponentProcess component(echo.domain, echo.secret, listenPort);
    component.start();
    QVERIFY2(component.waitForEvent(u"online"_s), qPrintable(component.output() + cli.output()));

    const auto message = [](const QString &id, const QString &body) {
        return u"<message type='chat' id='%1' to='%2'><body>%3</body></message>"_s.arg(id, echo.domain, body);
    };
    // One message per client: a client waits for one echo per peer at a time.
    const auto send = [&](const QString &id, const QString &body, XmppClientProcess &client) {
        return client.run({message(id, body)}, 3s);
    };
    XmppClientProcess dropped(m_user, userPassword, m_server->clientPort());
    QVERIFY2(send(u"m1"_s, u"please drop me"_s, dropped), qPrintable(dropped.failure() + cli.output()));
    QVERIFY2(dropped.timedOut().contains(u"m1"_s), qPrintable(cli.output()));
    QVERIFY(dropped.messageBody(u"m1"_s).isEmpty());
    XmppClientProcess kept(m_user, userPassword, m_server->clientPort());
    QVERIFY2(send(u"m2"_s, u"keep me"_s, kept), qPrintable(kept.failure() + cli.output()));
    QCOMPARE(kept.messageBody(u"m2"_s), u"keep me"_s);
    XmppClientProcess slow(m_user, userPassword, m_server->clientPort());
    QVERIFY2(send(u"m3"_s, u"slow one"_s, slow), qPrintable(slow.failure() + cli.output()));
    QCOMPARE(slow.messageBody(u"m3"_s), u"slow one"_s);
    QVERIFY2(slow.answerDelayMs(u"m3"_s) >= 700, qPrintable(QString::number(slow.answerDelayMs(u"m3"_s))));
    XmppClientProcess twice(m_user, userPassword, m_server->clientPort());
    QVERIFY2(send(u"m4"_s, u"dup me"_s, twice), qPrintable(twice.failure() + cli.output()));
    QCOMPARE(twice.messageBody(u"m4"_s), u"dup me"_s);
    // The component got "dup me" twice, so it echoed twice.
    const auto echoesOfDup = [&cli] {
        const QStringList lines = cli.output().split(u'\n');
        return std::count_if(lines.begin(), lines.end(), [](const QString &line) {
            return line.contains(u"C→S"_s) && line.contains(u"dup me"_s);
        });
    };
    QTRY_COMPARE(echoesOfDup(), 2);
    const QString output = cli.output();
    QVERIFY2(output.contains(u"[dropped by rule lose]"_s), qPrintable(output));
    // The server's dropped message is one line, marked: not also a plain one, as if passed on.
    const QStringList dropLines = output.split(u'\n').filter(u"please drop me"_s).filter(u"S→C"_s);
    QCOMPARE(dropLines.size(), 1);
    QVERIFY2(dropLines.first().endsWith(u"[dropped by rule lose]"_s), qPrintable(dropLines.first()));
    QVERIFY2(output.contains(u"[delayed 700 ms by rule slow]"_s), qPrintable(output));
    QVERIFY2(output.contains(u"[duplicated by rule twice]"_s), qPrintable(output));
    // A delayed stanza's second line tells when it went on, on either leg.
    const auto linesOf = [&cli](const QString &body, const QString &leg) {
        return cli.output().split(u'\n').filter(body).filter(leg);
    };
    QCOMPARE(linesOf(u"slow one"_s, u"C→S"_s).size(), 2);
    QVERIFY2(linesOf(u"slow one"_s, u"C→S"_s).last().endsWith(u"[passed on: delayed 700 ms by rule slow]"_s),
             qPrintable(output));
    XmppClientProcess late(m_user, userPassword, m_server->clientPort());
    QVERIFY2(send(u"m6"_s, u"late one"_s, late), qPrintable(late.failure() + cli.output()));
    QCOMPARE(late.messageBody(u"m6"_s), u"late one"_s);
    QTRY_COMPARE(linesOf(u"late one"_s, u"S→C"_s).size(), 2); // the client may have it before it prints
    const QStringList lateLines = linesOf(u"late one"_s, u"S→C"_s);
    QVERIFY2(lateLines.first().endsWith(u"[delayed 300 ms by rule late]"_s), qPrintable(lateLines.first()));
    QVERIFY2(lateLines.last().endsWith(u"[passed on: delayed 300 ms by rule late]"_s),
             qPrintable(lateLines.last()));

    // A held echo reaches the client only once SIGUSR1 releases it: sent once the echo has been held
    // a second (however long the client takes to log in), while the client still waits for it.
    bool signalled = false;
    QElapsedTimer heldFor;
    QTimer signaller;
    signaller.setInterval(20);
    QObject::connect(&signaller, &QTimer::timeout, [&] {
        if (!cli.output().contains(u"hold me</body></message>  [held by rule wait]"_s))
            return;
        if (!heldFor.isValid())
            heldFor.start();
        if (heldFor.elapsed() < 1000)
            return;
        signaller.stop();
        signalled = XcmTest::signalRunning(cli.process, SIGUSR1);
    });
    signaller.start();
    XmppClientProcess held(m_user, userPassword, m_server->clientPort());
    QVERIFY2(held.run({message(u"m5"_s, u"hold me"_s)}, 10s), qPrintable(held.failure() + cli.output()));
    QCOMPARE(held.messageBody(u"m5"_s), u"hold me"_s);
    QVERIFY2(signalled, qPrintable(cli.output())); // the client had its echo only after the signal
    static const QRegularExpression releasedLine(
        u"C→S .*hold me.*\\[released: held [0-9.]+ m?s by rule wait\\]$"_s,
        QRegularExpression::MultilineOption);
    QTRY_VERIFY2(cli.output().contains(releasedLine), qPrintable(cli.output()));
    QCOMPARE(cli.process.state(), QProcess::Running); // the signal released, it did not end the run
    QVERIFY2(cli.output().contains(u"xcm-cli: releasing 1 held stanza\n"_s), qPrintable(cli.output()));
    // Again with nothing held: said so (it read "releasing 0 held stanzas").
    QVERIFY(XcmTest::signalRunning(cli.process, SIGUSR1));
    QTRY_VERIFY2(cli.output().contains(u"xcm-cli: no stanza is held: nothing to release\n"_s),
                 qPrintable(cli.output()));
    QVERIFY(!cli.output().contains(u"releasing 0"_s));

    // One more held, never released: stopping says it is lost.
    XmppClientProcess heldAtEnd(m_user, userPassword, m_server->clientPort());
    QVERIFY2(heldAtEnd.run({message(u"m7"_s, u"hold me again"_s)}, 1s),
             qPrintable(heldAtEnd.failure() + cli.output()));
    QTRY_VERIFY2(cli.output().contains(u"hold me again</body></message>  [held by rule wait]"_s),
                 qPrintable(cli.output()));

    // --record kept both legs, whatever a rule did: ended as Ctrl+C ends it, the capture is complete.
    cli.process.terminate();
    QVERIFY(cli.process.waitForFinished(10000));
    QCOMPARE(cli.process.exitCode(), 0);
    static const QRegularExpression leftLine(u"^xcm-cli: warning: component 127.0.0.1:[0-9]+ left: the proxy "
                                             u"closed the stream; discarded a stanza a fault "
                                             "rule held back$"_s,
                                             QRegularExpression::MultilineOption);
    QVERIFY2(cli.output().contains(leftLine), qPrintable(cli.output()));
    const QFileInfoList files =
        QDir(dir.filePath(u"capture"_s)).entryInfoList({u"capture-*.jsonl"_s}, QDir::Files);
    QCOMPARE(files.size(), 1);
    QFile capture(files.first().filePath());
    QVERIFY(capture.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = capture.readAll().split('\n');
    const auto recorded = [&lines](const char *direction, const char *body) {
        const QByteArray key = "\"direction\":\"" + QByteArray(direction) + '"';
        return std::count_if(lines.cbegin(), lines.cend(), [&](const QByteArray &line) {
            return line.contains(key) && line.contains(body);
        });
    };
    QCOMPARE(recorded("received", "please drop me"), 1); // as the server sent it, though never relayed
    QCOMPARE(recorded("received", "keep me"), 1);
    QCOMPARE(recorded("sent", "keep me"), 1); // the component's echo
    QCOMPARE(recorded("sent", "dup me"), 2);  // it got the message twice
    // As printed: a held or delayed stanza twice, each line saying what happened to it.
    QCOMPARE(recorded("sent", "hold me"), 3); // and "hold me again" once, held to the end
    QCOMPARE(recorded("received", "late one"), 2);
    const auto recordedNote = [&lines](const char *body, const QString &note) {
        return std::count_if(lines.cbegin(), lines.cend(), [&](const QByteArray &line) {
            const auto record = CaptureRecord::fromJsonLine(line);
            return record && record->wire.contains(body) && record->note == note;
        });
    };
    QCOMPARE(recordedNote("hold me", u"held by rule wait"_s), 2);
    QCOMPARE(recordedNote("late one", u"delayed 300 ms by rule late"_s), 1);
    QCOMPARE(recordedNote("late one", u"passed on: delayed 300 ms by rule late"_s), 1);
    // The second line of a held or delayed stanza is a repeat: a saved log pairs it once.
    const int repeats = std::count_if(lines.cbegin(), lines.cend(), [](const QByteArray &line) {
        const auto record = CaptureRecord::fromJsonLine(line);
        return record && record->occurrence == xcm::StanzaOccurrence::Repeat;
    });
    QCOMPARE(repeats, 3); // "slow one" and "late one" passed on, "hold me" released
    QCOMPARE(recordedNote("please drop me", u"dropped by rule lose"_s), 1);
}

void TestCliPeers::proxyRefusesBadArguments_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("listen without proxy")
        << QStringList{u"--listen"_s, u"5000"_s} << u"only apply with --proxy"_s;
    QTest::newRow("bad listen") << QStringList{u"--proxy"_s, u"--listen"_s, u"nowhere:x"_s}
                                << u"--listen needs"_s;
    QTest::newRow("proxy and ping") << QStringList{u"--proxy"_s, u"--ping"_s, u"localhost"_s}
                                    << u"cannot go with --send or --ping"_s;
    QTest::newRow("proxy and reconnect")
        << QStringList{u"--proxy"_s, u"--reconnect"_s} << u"no --reconnect"_s;
    QTest::newRow("no-answer and answer")
        << QStringList{u"--no-answer"_s, u"--answer"_s, u"ping"_s} << u"cannot go with --answer"_s;
    QTest::newRow("unknown answer") << QStringList{u"--answer"_s, u"ping,coffee"_s}
                                    << u"'coffee' is none of"_s;
    QTest::newRow("bad identity") << QStringList{u"--identity"_s, u"gateway"_s} << u"--identity needs"_s;
}

void TestCliPeers::proxyRefusesBadArguments()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    QProcess cli;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"XCM_SECRET"_s, u"s"_s);
    cli.setProcessEnvironment(environment);
    cli.start(cliPath(), QStringList{u"--domain"_s, u"x.localhost"_s} + arguments);
    QVERIFY(cli.waitForFinished(10000));
    QCOMPARE(cli.exitCode(), 1);
    const QString errors = QString::fromUtf8(cli.readAllStandardError());
    QVERIFY2(errors.contains(message), qPrintable(errors));
}

QTEST_GUILESS_MAIN(TestCliPeers)
#include "tst_cli_peers.moc"
