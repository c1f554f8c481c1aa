// SPDX-License-Identifier: GPL-3.0-or-later
#include "componentconnection.h"
#include "connectionhelpers.h"
#include "localport.h"
#include "manpage.h"
#include "processsignal.h"
#include "prosodyserver.h"
#include "scriptedserver.h"
#include "xmlelement.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QProcess>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <termios.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace xcm;
using xcm::test::ComponentAccount;
using xcm::test::makeConnection;
using xcm::test::ProsodyServer;
using xcm::test::ScriptedServer;
using xcm::test::waitForState;

namespace {

const ComponentAccount cliAccount{u"cli.localhost"_s, u"cli-secret-7f3a"_s};
const ComponentAccount peerAccount{u"peer.localhost"_s, u"peer-secret-91b2"_s};

QString cliPath()
{
    return qEnvironmentVariable("XCM_CLI");
}

// Waits with the event loop running, so that in-process servers and peers keep answering meanwhile.
bool finishes(QProcess &process, int timeoutMs = 15000)
{
    return QTest::qWaitFor([&] { return process.state() == QProcess::NotRunning; }, timeoutMs);
}

QList<QByteArray> nonEmptyLines(const QByteArray &text)
{
    QList<QByteArray> lines = text.split('\n');
    lines.removeAll(QByteArray());
    return lines;
}

} // namespace

// xcm-cli run as a user runs it: a real process against a real Prosody.
class TestCli : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void helpDocumentsModesAndExitCodes();
    void secretIsNeverAnArgument();
    void tailPrintsTrafficAndStopsOnSigint_data();
    void tailPrintsTrafficAndStopsOnSigint();
    void secretFileReadableByOthersIsWarnedAbout();
    void pingPrintsRoundTrip_data();
    void pingPrintsRoundTrip();
    void sendFromFileReachesThePeer();
    void sendFromStandardInput();
    void recordsAndReadsBack();
    void readShowsWhatATerminalWouldActOnAsReferences();
    void readEndsQuietlyWhenItsReaderGoes();
    void badStanzaFileFailsBeforeConnecting();
    void wrongSecretExitsWithAuthenticationCode();
    void refusedPortExitsWithNetworkCode();
    void helpNamesTheCommandNotItsPath();
    void manPageNamesEveryOptionOfHelp();
    void unexpectedArgumentIsNotEchoed();
    void optionWithoutItsValue_data();
    void optionWithoutItsValue();
    void emptySecretSaysWhereItLooked();
    void tlsServerNameOption_data();
    void tlsServerNameOption();
    void tlsServerNameReachesTheCertificateCheck();
    void insecureAcceptsASelfSignedCertificate();
    void timeoutEndsAConnectThatStalls();
    void keepaliveSendsWhitespaceAtTheInterval();
    void maxStanzaBytesIsTheLimit();
    void pingOwnDomain_data();
    void pingOwnDomain();
    void pingPrintsOnlyItsResult();
    void verbosePingShowsTrafficAndLog();
    void pingErrorShowsConditionAndText();
    void pingWithoutAnswerFails();
    void answersPingsAddressedToIt();
    void errorIsPrintedOnce();
    void hostUnknownExitsWithAuthenticationCode();
    void streamErrorExitsWithProtocolCode();
    void badServerDataExitsWithProtocolCode();
    void prettyIndentsStanzas();
    void secretFromStandardInputPipe();
    void secretPromptOnTerminalHidesTyping();
    void secretPromptRestoresEchoOnSigint();
    void secretPromptLeavesIgnoredSignalsIgnored();
    void closedStandardOutputEndsTheProgram_data();
    void closedStandardOutputEndsTheProgram();
    void failedWriteToStandardOutputEndsTheProgram();
    void sendFileWithDeclarationAndComments();
    void sendInputErrorsPointIntoTheInput_data();
    void sendInputErrorsPointIntoTheInput();
    void emptyStandardInputIsAnError();
    void strayTextOnStandardInputAfterAStanza();
    void sigintWhileWaitingToReconnectKeepsTheFailureCode();
    void standardInputIsNotReadWhileTheServerIsDown();
    void flappingConnectionBacksOffAndIsCalledSo();
    void sameRefusedDataTwiceEndsTheRun();
    void filterAndRulesAreCheckedBeforeConnecting_data();
    void filterAndRulesAreCheckedBeforeConnecting();
    void reconnectOptionsNeedReconnect_data();
    void reconnectOptionsNeedReconnect();
    void optionsThatDoNotApplyAreRefused_data();
    void optionsThatDoNotApplyAreRefused();
    void proxyListensOnAnIpv6AddressInBrackets();
    void anEmptyRulesFileIsWarnedAbout();
    void aRecordFolderThatCannotBeMadeIsAUsageError_data();
    void aRecordFolderThatCannotBeMadeIsAUsageError();
    void readingAFileThatIsNoLogSaysSoOnce();
    void aFilterThatGivesUpSaysSo();
    void readingALogPairsAnswersWithTheirRequests();

private:
    bool makeSelfSignedCertificate();
    bool listenWithSelfSignedCertificate(ScriptedServer &server);
    QStringList baseArguments(const ComponentAccount &account) const;
    QString writeFile(const QString &name, const QByteArray &content);
    QProcessEnvironment environmentWithSecret(const QString &secret) const;
    std::unique_ptr<ComponentConnection> connectPeer(QList<Stanza> *messages);

    std::unique_ptr<ProsodyServer> m_server;
    QTemporaryDir m_dir;
};

void TestCli::initTestCase()
{
    QVERIFY2(QFile::exists(cliPath()), "XCM_CLI must name the xcm-cli binary");
    QString why;
    if (!ProsodyServer::available(&why))
        QFAIL(qPrintable(u"Prosody is required: "_s + why));
    m_server = std::make_unique<ProsodyServer>(QList<ComponentAccount>{cliAccount, peerAccount});
    QString error;
    QVERIFY2(m_server->start(&error), qPrintable(error));
}

void TestCli::cleanupTestCase()
{
    if (m_server)
        m_server->stop();
}

QStringList TestCli::baseArguments(const ComponentAccount &account) const
{
    return {u"--host"_s,   u"127.0.0.1"_s, u"--port"_s, QString::number(m_server->componentPort()),
            u"--domain"_s, account.domain};
}

QProcessEnvironment TestCli::environmentWithSecret(const QString &secret) const
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"XCM_SECRET"_s, secret);
    return environment;
}

std::unique_ptr<ComponentConnection> TestCli::connectPeer(QList<Stanza> *messages)
{
    auto peer = makeConnection(*m_server, peerAccount,
                               [](ConnectionSettings &settings) { settings.reconnect.enabled = false; });
    connect(peer.get(), &ComponentConnection::stanzaReceived, this, [messages](const Stanza &stanza) {
        if (stanza.kind() == StanzaKind::Message)
            messages->append(stanza);
    });
    peer->connectToServer();
    if (!waitForState(*peer, ConnectionState::Connected))
        return nullptr;
    return peer;
}

void TestCli::helpDocumentsModesAndExitCodes()
{
    QProcess cli;
    cli.start(cliPath(), {u"--help"_s});
    QVERIFY(cli.waitForFinished(10000));
    QCOMPARE(cli.exitCode(), 0);
    const QString help = QString::fromUtf8(cli.readAllStandardOutput());
    for (const auto &needle :
         {u"--secret-file"_s, u"--secret-stdin"_s, u"XCM_SECRET"_s, u"--send"_s, u"--ping"_s, u"--pretty"_s,
          u"--tls"_s, u"Exit codes"_s, u"3 authentication"_s, u"--verbose"_s, u"--ping-timeout"_s,
          u"--tls-server-name"_s, u"XML\ndeclaration"_s, u"comments"_s, u"'from' on --domain"_s,
          u"read -rs XCM_SECRET"_s, u"closed standard output"_s})
        QVERIFY2(help.contains(needle), qPrintable(needle));
    // No example puts the secret on a command line, where the shell history keeps it.
    QVERIFY2(!help.contains(u"XCM_SECRET="_s), qPrintable(help));
}

void TestCli::secretIsNeverAnArgument()
{
    QProcess cli;
    cli.start(cliPath(), baseArguments(cliAccount) << u"--secret"_s << cliAccount.secret);
    QVERIFY(cli.waitForFinished(10000));
    QCOMPARE(cli.exitCode(), 1);
    QVERIFY(cli.readAllStandardError().contains("Unknown option 'secret'"));
}

void TestCli::tailPrintsTrafficAndStopsOnSigint_data()
{
    // The README: Ctrl+C, SIGTERM or SIGHUP closes the stream cleanly and exits 0 (a hangup killed it,
    // the stream left unclosed).
    QTest::addColumn<int>("signal");
    QTest::newRow("SIGINT") << SIGINT;
    QTest::newRow("SIGTERM") << SIGTERM;
    QTest::newRow("SIGHUP") << SIGHUP;
}

void TestCli::tailPrintsTrafficAndStopsOnSigint()
{
    QFETCH(int, signal);
    QProcess cli;
    cli.setProcessEnvironment(environmentWithSecret(cliAccount.secret));
    cli.start(cliPath(), baseArguments(cliAccount));
    QVERIFY(cli.waitForStarted());
    QByteArray errors;
    QVERIFY(QTest::qWaitFor(
        [&] {
            errors += cli.readAllStandardError();
            return errors.contains("connected as cli.localhost");
        },
        10000));
    // The secret is nowhere on the process's command line.
    QFile cmdline(u"/proc/%1/cmdline"_s.arg(cli.processId()));
    QVERIFY(cmdline.open(QIODevice::ReadOnly));
    QVERIFY(!cmdline.readAll().contains(cliAccount.secret.toUtf8()));

    QList<Stanza> unused;
    auto peer = connectPeer(&unused);
    QVERIFY(peer);
    QCOMPARE(peer->send("<message from='p@peer.localhost' to='x@cli.localhost' id='t1'><body>line one\nline "
                        "two</body></message>"),
             QString());
    QByteArray output;
    QVERIFY(QTest::qWaitFor(
        [&] {
            output += cli.readAllStandardOutput();
            return output.contains("id='t1'");
        },
        10000));
    const QList<QByteArray> lines = output.split('\n');
    const auto line =
        std::find_if(lines.cbegin(), lines.cend(), [](const QByteArray &l) { return l.contains("id='t1'"); });
    QVERIFY(QRegularExpression(u"^\\d\\d:\\d\\d:\\d\\d\\.\\d{3} IN  <message "_s)
                .match(QString::fromUtf8(*line))
                .hasMatch());
    QVERIFY2(line->contains("line one&#10;line two"), line->constData()); // one line per stanza
    QVERIFY(output.contains("OUT <handshake>[redacted]</handshake>"));

    // SIGUSR1 releases held stanzas in proxy mode; here it must not end the process (its default).
    if (signal == SIGINT) {
        QVERIFY(XcmTest::signalRunning(cli, SIGUSR1));
        QVERIFY(!cli.waitForFinished(300));
    }
    QVERIFY(XcmTest::signalRunning(cli, signal));
    QVERIFY(cli.waitForFinished(10000));
    QCOMPARE(cli.exitStatus(), QProcess::NormalExit);
    QCOMPARE(cli.exitCode(), 0);
    QVERIFY(cli.readAllStandardOutput().contains("OUT </stream:stream>"));
}

void TestCli::secretFileReadableByOthersIsWarnedAbout()
{
    QFile secretFile(m_dir.filePath(u"secret-0644"_s));
    QVERIFY(secretFile.open(QIODevice::WriteOnly));
    secretFile.write(cliAccount.secret.toUtf8() + '\n');
    secretFile.close();
    QVERIFY(secretFile.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                      QFileDevice::ReadGroup | QFileDevice::ReadOther));
    QProcess cli;
    cli.start(cliPath(), baseArguments(cliAccount)
                             << u"--secret-file"_s << secretFile.fileName() << u"--ping"_s
                             << m_server->serverDomain() << u"--quiet"_s);
    QVERIFY(cli.waitForFinished(15000));
    const QByteArray errors = cli.readAllStandardError();
    QVERIFY2(cli.exitCode() == 0, errors.constData()); // a warning, not a refusal
    const QByteArray warning =
        "xcm-cli: warning: " + secretFile.fileName().toUtf8() + " is readable by other users; chmod 600 it";
    QVERIFY2(errors.contains(warning), errors.constData());
}

void TestCli::pingPrintsRoundTrip_data()
{
    QTest::addColumn<QString>("domain");
    QTest::newRow("as configured") << cliAccount.domain;
    // Prosody takes the component's name in lowercase and closed the stream (invalid-from) over a ping
    // from "CLI.localhost".
    QTest::newRow("in capitals") << cliAccount.domain.toUpper();
}

void TestCli::pingPrintsRoundTrip()
{
    QFETCH(QString, domain);
    QProcess cli;
    cli.setProcessEnvironment(environmentWithSecret(cliAccount.secret));
    cli.start(cliPath(), QStringList{u"--host"_s, u"127.0.0.1"_s, u"--port"_s,
                                     QString::number(m_server->componentPort()), u"--domain"_s, domain}
                             << u"--ping"_s << m_server->serverDomain() << u"--quiet"_s);
    QVERIFY(cli.waitForFinished(15000));
    const QString output = QString::fromUtf8(cli.readAllStandardOutput());
    QVERIFY2(cli.exitCode() == 0, cli.readAllStandardError().constData());
    QVERIFY2(QRegularExpression(u"pong from %1 in \\d+\\.\\d\\d ms"_s.arg(m_server->serverDomain()))
                 .match(output)
                 .hasMatch(),
             qPrintable(output));
}

void TestCli::sendFromFileReachesThePeer()
{
    QList<Stanza> messages;
    auto peer = connectPeer(&messages);
    QVERIFY(peer);
    const QString path = m_dir.filePath(u"stanzas.xml"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(
        "<message from='bot@cli.localhost' to='p@peer.localhost' id='f1'><body>first</body></message>\n\n"
        "<message from='bot@cli.localhost' to='p@peer.localhost' id='f2'><body>second</body></message>\n");
    file.close();
    QProcess cli;
    QFile secretFile(m_dir.filePath(u"secret"_s));
    QVERIFY(secretFile.open(QIODevice::WriteOnly));
    secretFile.write(cliAccount.secret.toUtf8() + '\n');
    secretFile.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    secretFile.close();
    cli.start(cliPath(), baseArguments(cliAccount)
                             << u"--secret-file"_s << secretFile.fileName() << u"--send"_s << path);
    QVERIFY(cli.waitForFinished(15000));
    QCOMPARE(cli.exitCode(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(messages.size(), 2, 10000);
    QCOMPARE(messages.at(0).id(), u"f1"_s);
    QCOMPARE(messages.at(1).id(), u"f2"_s);
    QVERIFY(!cli.readAllStandardError().contains("warning")); // 0600: no permission warning
}

void TestCli::recordsAndReadsBack()
{
    QList<Stanza> messages;
    auto peer = connectPeer(&messages);
    QVERIFY(peer);
    const QString stanzas = writeFile(
        u"record.xml"_s,
        "<message from='bot@cli.localhost' to='p@peer.localhost' id='r1'><body>keep this</body></message>\n"
        "<iq from='bot@cli.localhost' to='peer.localhost' id='r2' type='get'>"
        "<ping xmlns='urn:xmpp:ping'/></iq>\n");
    const QString folder = m_dir.filePath(u"records/cli"_s);
    QProcess cli;
    cli.setProcessEnvironment(environmentWithSecret(cliAccount.secret));
    cli.start(cliPath(), baseArguments(cliAccount) << u"--send"_s << stanzas << u"--record"_s << folder);
    QVERIFY(cli.waitForFinished(15000));
    const QByteArray errors = cli.readAllStandardError();
    QVERIFY2(cli.exitStatus() == QProcess::NormalExit && cli.exitCode() == 0, errors.constData());
    QVERIFY(errors.contains(QByteArray("recording to " + folder.toUtf8())));
    const QFileInfoList files = QDir(folder).entryInfoList({u"capture-*.jsonl"_s}, QDir::Files);
    QCOMPARE(files.size(), 1);
    QCOMPARE(QFileInfo(folder).permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther), 0);
    QFile capture(files.first().filePath());
    QVERIFY(capture.open(QIODevice::ReadOnly));
    const QByteArray recorded = capture.readAll();
    QVERIFY(recorded.contains("keep this"));
    QVERIFY(recorded.contains("<handshake>[redacted]</handshake>")); // never the digest

    // Read back, filtered: only the message, as it was printed live.
    QProcess read;
    read.start(cliPath(), {u"--read"_s, files.first().filePath(), u"--filter"_s, u"kind == message"_s});
    QVERIFY(read.waitForFinished(15000));
    QCOMPARE(read.exitCode(), 0);
    const QByteArray out = read.readAllStandardOutput();
    QCOMPARE(out.count('\n'), 1);
    QVERIFY2(out.contains("OUT <message from='bot@cli.localhost' to='p@peer.localhost' id='r1'>"),
             out.constData());
    QVERIFY(read.readAllStandardError().contains("1 of "));
    // The folder --record wrote reads as a whole, its files oldest first.
    QVERIFY(QFile::copy(files.first().filePath(), folder + u"/capture-99999999.jsonl"_s));
    QProcess whole;
    whole.start(cliPath(), {u"--read"_s, folder, u"--filter"_s, u"kind == message"_s});
    QVERIFY(whole.waitForFinished(15000));
    QCOMPARE(whole.exitCode(), 0);
    QCOMPARE(whole.readAllStandardOutput().count("keep this"), 2);
    QVERIFY(whole.readAllStandardError().contains("in 2 files"));
    QVERIFY(QFile::remove(folder + u"/capture-99999999.jsonl"_s));
    // From standard input ('-'), as out of zcat.
    QProcess piped;
    piped.start(cliPath(), {u"--read"_s, u"-"_s, u"--filter"_s, u"kind == message"_s});
    QVERIFY(piped.waitForStarted());
    piped.write(recorded);
    piped.closeWriteChannel();
    QVERIFY(piped.waitForFinished(15000));
    QCOMPARE(piped.exitCode(), 0);
    QCOMPARE(piped.readAllStandardOutput(), out);
    // The stream's own items are of kind stream, as when they were printed live (they read as "other").
    QProcess streamItems;
    streamItems.start(cliPath(), {u"--read"_s, files.first().filePath(), u"--filter"_s, u"kind == stream"_s});
    QVERIFY(streamItems.waitForFinished(15000));
    const QByteArray items = streamItems.readAllStandardOutput();
    QVERIFY2(items.contains("<handshake>[redacted]</handshake>") && items.contains("<stream:stream") &&
                 !items.contains("keep this"),
             items.constData());

    // A torn last line (a capture killed mid-write) is skipped and named; the rest still prints.
    const QString torn = writeFile(u"torn.jsonl"_s, recorded + "{\"seq\": 99, \"xml\": \"<mess");
    QProcess tornRead;
    tornRead.start(cliPath(), {u"--read"_s, torn});
    QVERIFY(tornRead.waitForFinished(15000));
    QCOMPARE(tornRead.exitCode(), 0);
    QVERIFY(tornRead.readAllStandardOutput().contains("keep this"));
    QVERIFY(tornRead.readAllStandardError().contains("the last line is incomplete"));

    // --read with connection options is a usage error; so is a file that is not there.
    QProcess wrong;
    wrong.start(cliPath(), {u"--read"_s, torn, u"--domain"_s, u"cli.localhost"_s});
    QVERIFY(wrong.waitForFinished(15000));
    QCOMPARE(wrong.exitCode(), 1);
    QVERIFY(wrong.readAllStandardError().contains("--domain does not apply"));
    wrong.start(cliPath(), {u"--read"_s, m_dir.filePath(u"missing.jsonl"_s)});
    QVERIFY(wrong.waitForFinished(15000));
    QCOMPARE(wrong.exitCode(), 1);
    QVERIFY(wrong.readAllStandardError().contains("cannot read"));
}

void TestCli::readShowsWhatATerminalWouldActOnAsReferences()
{
    // A crafted file: an escape sequence and a carriage return in a stanza and in a note, a C1 control,
    // a right-to-left override.
    const QString path =
        writeFile(u"crafted.jsonl"_s,
                  "{\"seq\":1,\"time\":\"2026-12-04T14:05:01.123Z\",\"direction\":\"received\","
                  "\"xml\":\"<message><body>\\u001b[2Jgone\\rover\\u009b</body></message>\","
                  "\"note\":\"a\\u001b]0;title\\u0007b\"}\n"
                  "{\"seq\":2,\"time\":\"2026-12-04T14:05:02.000Z\",\"direction\":\"sent\","
                  "\"xml\":\"<message/>\",\"origin\":\"injected\",\"note\":\"by hand \\u202emirrored\"}\n");
    QProcess read;
    read.start(cliPath(), {u"--read"_s, path});
    QVERIFY(read.waitForFinished(15000));
    QCOMPARE(read.exitCode(), 0);
    const QByteArray out = read.readAllStandardOutput();
    QCOMPARE(out.count('\n'), 2); // one line a stanza, whatever it holds
    for (const char control : {'\x1b', '\r', '\x07'})
        QVERIFY2(!out.contains(control), out.toPercentEncoding(" <>/=[]'").constData());
    QVERIFY2(out.contains("<body>&#27;[2Jgone&#13;over&#155;</body></message>  [a&#27;]0;title&#7;b]\n"),
             out.constData());
    QVERIFY2(out.contains("OUT <message/>  [injected, by hand &#8238;mirrored]\n"), out.constData());
}

void TestCli::readEndsQuietlyWhenItsReaderGoes()
{
    QByteArray lines;
    for (int i = 1; i <= 20000; ++i)
        lines += "{\"seq\":" + QByteArray::number(i) +
                 ",\"time\":\"2026-12-04T14:05:01.123Z\",\"direction\":\"received\",\"xml\":\"<message "
                 "id='m" +
                 QByteArray::number(i) +
                 "'><body>a line long enough to fill a pipe soon</body></message>\"}\n";
    const QString path = writeFile(u"long.jsonl"_s, lines);
    QProcess shell;
    shell.start(u"bash"_s,
                {u"-c"_s, u"set -o pipefail; \"$0\" --read \"$1\" | head -n 3"_s, cliPath(), path});
    QVERIFY(shell.waitForFinished(15000));
    const QByteArray errors = shell.readAllStandardError();
    QVERIFY2(shell.exitCode() == 0, errors.constData()); // not 141: no death by SIGPIPE
    QCOMPARE(nonEmptyLines(shell.readAllStandardOutput()).size(), 3);
    QVERIFY2(errors.contains(QByteArray("standard output is closed: stopped reading " + path.toUtf8())),
             errors.constData());
    QVERIFY2(!errors.contains("20000 stanzas"), errors.constData()); // it stopped, not read to the end
}

void TestCli::sendFromStandardInput()
{
    QList<Stanza> messages;
    auto peer = connectPeer(&messages);
    QVERIFY(peer);
    QProcess cli;
    cli.setProcessEnvironment(environmentWithSecret(cliAccount.secret));
    cli.start(cliPath(), baseArguments(cliAccount) << u"--send"_s << u"-"_s);
    QVERIFY(cli.waitForStarted());
    cli.write("<message from='cli.localhost' to='p@peer.localhost' id='s1'><body>streamed</body>");
    QTest::qWait(200);
    cli.write("</message>");
    QTRY_COMPARE_WITH_TIMEOUT(messages.size(), 1, 10000); // sent while standard input is still open
    cli.write("<message from='cli.localhost' to='p@peer.localhost' id='s2'/>");
    cli.closeWriteChannel();
    QVERIFY(cli.waitForFinished(15000));
    QCOMPARE(cli.exitCode(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(messages.size(), 2, 10000);
    QCOMPARE(messages.at(1).id(), u"s2"_s);
}

void TestCli::badStanzaFileFailsBeforeConnecting()
{
    const QString path = m_dir.filePath(u"bad.xml"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("<message from='bot@elsewhere' to='p@peer.localhost'/>");
    file.close();
    QProcess cli;
    cli.setProcessEnvironment(environmentWithSecret(cliAccount.secret));
    cli.start(cliPath(), baseArguments(cliAccount) << u"--send"_s << path);
    QVERIFY(cli.waitForFinished(10000));
    QCOMPARE(cli.exitCode(), 1);
    const QByteArray errors = cli.readAllStandardError();
    QVERIFY2(errors.contains("invalid-from"), errors.constData());
    QVERIFY(!errors.contains("connecting to"));
}

void TestCli::wrongSecretExitsWithAuthenticationCode()
{
    QProcess cli;
    cli.setProcessEnvironment(environmentWithSecret(u"wrong"_s));
    cli.start(cliPath(), baseArguments(cliAccount));
    QVERIFY(cli.waitForFinished(15000));
    QCOMPARE(cli.exitCode(), 3);
    const QByteArray errors = cli.readAllStandardError();
    QVERIFY2(errors.contains("error: not-authorized: the server rejected the shared secret — check "
                             "component_secret for cli.localhost"),
             errors.constData());
    QVERIFY(!errors.contains("reconnect"));

    // With --reconnect it still ends, and says why it does not retry.
    QProcess reconnecting;
    reconnecting.setProcessEnvironment(environmentWithSecret(u"wrong"_s));
    reconnecting.start(cliPath(), baseArguments(cliAccount) << u"--reconnect"_s);
    QVERIFY(reconnecting.waitForFinished(15000));
    QCOMPARE(reconnecting.exitCode(), 3);
    const QByteArray reconnectErrors = reconnecting.readAllStandardError();
    QVERIFY2(reconnectErrors.contains("error: not reconnecting: the server refused the secret or the "
                                      "component's name, and would refuse them again on every attempt"),
             reconnectErrors.constData());
}

void TestCli::refusedPortExitsWithNetworkCode()
{
    const quint16 port = xcm::test::closedLocalPort();
    QVERIFY(port != 0);
    QProcess cli;
    cli.setProcessEnvironment(environmentWithSecret(u"x"_s));
    cli.start(cliPath(), {u"--port"_s, QString::number(port), u"--domain"_s, u"cli.localhost"_s});
    QVERIFY(cli.waitForFinished(15000));
    QCOMPARE(cli.exitCode(), 2);
    QVERIFY(cli.readAllStandardError().contains("connection-refused"));
}

QString TestCli::writeFile(const QString &name, const QByteArray &content)
{
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
        return {};
    return path;
}

void TestCli::manPageNamesEveryOptionOfHelp()
{
    QProcess cli;
    cli.start(cliPath(), {u"--help"_s});
    QVERIFY(cli.waitForFinished(10000));
    const QStringList options = xcm::test::optionsInHelp(QString::fromUtf8(cli.readAllStandardOutput()));
    // The modes of the later issues, by name: a help that lost them must not pass as complete.
    for (const auto &mode : {u"--filter"_s, u"--rules"_s, u"--proxy"_s, u"--listen"_s,
                             u"--component-secret-file"_s, u"--record"_s, u"--read"_s})
        QVERIFY2(options.contains(mode), qPrintable(mode + u" is not in --help"_s));
    const QStringList missing = xcm::test::optionsMissingFromManPage(options, u"xcm-cli"_s);
    QVERIFY2(missing.isEmpty(), qPrintable(u"xcm-cli(1) lacks "_s + missing.join(u", "_s)));
}

void TestCli::helpNamesTheCommandNotItsPath()
{
    QProcess cli;
    cli.start(cliPath(), {u"--help"_s});
    QVERIFY(cli.waitForFinished(10000));
    const QByteArray help = cli.readAllStandardOutput();
    QVERIFY2(help.startsWith("Usage: xcm-cli [options]\n"), help.left(200).constData());
}

void TestCli::unexpectedArgumentIsNotEchoed()
{
    QProcess cli;
    cli.setProcessEnvironment(environmentWithSecret(cliAccount.secret));
    cli.start(cliPath(), baseArguments(cliAccount) << u"s3cretvalue"_s << u"other"_s);
    QVERIFY(cli.waitForFinished(10000));
    QCOMPARE(cli.exitCode(), 1);
    const QByteArray errors = cli.readAllStandardError();
    QVERIFY2(!errors.contains("s3cretvalue") && !errors.contains("other"), errors.constData());
    QVERIFY2(errors.contains("2 unexpected arguments") && errors.contains("--secret-file"),
             errors.constData());
}

void TestCli::optionWithoutItsValue_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("--port before --domain")
        << QStringList{u"--port"_s, u"--domain"_s, u"cli.localhost"_s} << u"--port needs a value"_s;
    QTest::newRow("--domain before a short option")
        << QStringList{u"--domain"_s, u"-q"_s} << u"--domain needs a value"_s;
    QTest::newRow("--send before --tail")
        << QStringList{u"--domain"_s, u"cli.localhost"_s, u"--send"_s, u"--tail"_s}
        << u"--send needs a value"_s;
    QTest::newRow("last option") << QStringList{u"--domain"_s, u"cli.localhost"_s, u"--ping"_s}
                                 << u"Missing value after '--ping'"_s;
    // An empty value is none either. An empty --host left the process waiting for ever, deaf to SIGINT.
    QTest::newRow("empty --host") << QStringList{u"--host"_s, QString(), u"--domain"_s, u"cli.localhost"_s}
                                  << u"--host is empty"_s;
    QTest::newRow("--host with a port")
        << QStringList{u"--host"_s, u"127.0.0.1:5347"_s, u"--domain"_s, u"cli.localhost"_s}
        << u"--host 127.0.0.1:5347: “:5347” looks like a port: give it on its own"_s;
    QTest::newRow("empty --ping") << QStringList{u"--domain"_s, u"cli.localhost"_s, u"--ping"_s, QString()}
                                  << u"--ping needs an address"_s;
    QTest::newRow("empty --send") << QStringList{u"--domain"_s, u"cli.localhost"_s, u"--send"_s, QString()}
                                  << u"--send needs a file"_s;
    // An empty answer list is no list (it was taken for --no-answer).
    QTest::newRow("empty --answer") << QStringList{u"--domain"_s, u"cli.localhost"_s, u"--answer"_s,
                                                   QString()}
                                    << u"--answer needs a list"_s;
    QTest::newRow("--answer with a hole")
        << QStringList{u"--domain"_s, u"cli.localhost"_s, u"--answer"_s, u"ping,,disco"_s}
        << u"--answer needs a list"_s;
}

void TestCli::optionWithoutItsValue()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    QProcess cli;
    cli.setProcessEnvironment(environmentWithSecret(cliAccount.secret));
    cli.start(cliPath(), arguments);
    QVERIFY(cli.waitForFinished(10000));
    QCOMPARE(cli.exitCode(), 1);
    const QString errors = QString::fromUtf8(cli.readAllStandardError());
    QVERIFY2(errors.contains(message), qPrintable(errors));
    QVERIFY2(!errors.contains(u"unexpected argument"_s), qPrintable(errors));
}

void TestCli::emptySecretSaysWhereItLooked()
{
    // It said "no shared secret: use --secret-file, …" to a user who had used it.
    const QString empty = writeFile(u"empty.secret"_s, "\n");
    QProcess file;
    file.start(cliPath(), {u"--domain"_s, u"cli.localhost"_s, u"--secret-file"_s, empty});
    QVERIFY(file.waitForFinished(10000));
    QCOMPARE(file.exitCode(), 1);
    QVERIFY2(file.readAllStandardError().contains(
                 QByteArray("the first line of the secret file " + empty.toUtf8() + " is empty")),
             "no word of the empty file");
    QProcess input;
    input.setStandardInputFile(QProcess::nullDevice());
    input.start(cliPath(), {u"--domain"_s, u"cli.localhost"_s, u"--secret-stdin"_s});
    QVERIFY(input.waitForFinished(10000));
    QCOMPARE(input.exitCode(), 1);
    QVERIFY(input.readAllStandardError().contains("--secret-stdin read no secret from standard input"));
    // Whitespace at either end is used (the server compares every byte), with a word about it.
    const QString spaced = writeFile(u"spaced.secret"_s, "s3cret \n");
    QProcess space;
    space.start(cliPath(),
                {u"--domain"_s, u"cli.localhost"_s, u"--secret-file"_s, spaced, u"--port"_s,
                 QString::number(m_server->componentPort()), u"--ping"_s, m_server->serverDomain()});
    QVERIFY(space.waitForFinished(15000));
    QVERIFY(space.readAllStandardError().contains("starts or ends with whitespace; it is used as is"));
}

void TestCli::tlsServerNameOption_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("without --tls") << QStringList{u"--tls-server-name"_s, u"xmpp.example"_s}
                                   << u"--tls-server-name only applies with --tls"_s;
    QTest::newRow("not a name") << QStringList{u"--tls"_s, u"--tls-server-name"_s, u"xmpp example"_s}
                                << u"--tls-server-name: "_s;
    QTest::newRow("no value") << QStringList{u"--tls"_s, u"--tls-server-name"_s, u"--reconnect"_s}
                              << u"--tls-server-name needs a value"_s;
    // Nor does --insecure apply without --tls (it was accepted and did nothing).
    QTest::newRow("--insecure without --tls")
        << QStringList{u"--insecure"_s} << u"--insecure only applies with --tls"_s;
}

void TestCli::tlsServerNameOption()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    QProcess cli;
    cli.setProcessEnvironment(environmentWithSecret(cliAccount.secret));
    cli.start(cliPath(), baseArguments(cliAccount) + arguments);
    QVERIFY(cli.waitForFinished(10000));
    QCOMPARE(cli.exitCode(), 1);
    const QString errors = QString::fromUtf8(cli.readAllStandardError());
    QVERIFY2(errors.contains(message), qPrintable(errors));
    QVERIFY(!errors.contains(u"connecting to"_s));
}

void TestCli::tlsServerNameReachesTheCertificateCheck()
{
    // A self-signed certificate for xmpp.example, reached by address: untrusted either way, but the name
    // only mismatches without --tls-server-name.
    ScriptedServer server;
    QVERIFY(listenWithSelfSignedCertificate(server));
    const QStringList tlsArguments{
        u"--port"_s, QString::number(server.port()), u"--domain"_s, cliAccount.domain, u"--tls"_s, u"-q"_s};

    QProcess byAddress;
    byAddress.setProcessEnvironment(environmentWithSecret(cliAccount.secret));
    byAddress.start(cliPath(), tlsArguments);
    QVERIFY(finishes(byAddress));
    QCOMPARE(byAddress.exitCode(), 5);
    const QByteArray addressErrors = byAddress.readAllStandardError();
    QVERIFY2(addressErrors.contains("host name did not match"), addressErrors.constData());

    QProcess byName;
    byName.setProcessEnvironment(environmentWithSecret(cliAccount.secret));
    byName.start(cliPath(), tlsArguments + QStringList{u"--tls-server-name"_s, u"XMPP.example"_s});
    QVERIFY(finishes(byName));
    QCOMPARE(byName.exitCode(), 5);
    const QByteArray nameErrors = byName.readAllStandardError();
    QVERIFY2(nameErrors.contains("self-signed") && !nameErrors.contains("host name did not match"),
             nameErrors.constData());
}

bool TestCli::listenWithSelfSignedCertificate(ScriptedServer &server)
{
    // For xmpp.example, made once per run.
    QFile certificate(m_dir.filePath(u"tls-cert.pem"_s));
    QFile key(m_dir.filePath(u"tls-key.pem"_s));
    if (!certificate.exists() && !makeSelfSignedCertificate())
        return false;
    return certificate.open(QIODevice::ReadOnly) && key.open(QIODevice::ReadOnly) &&
           server.listen(certificate.readAll(), key.readAll());
}

bool TestCli::makeSelfSignedCertificate()
{
    QProcess openssl;
    openssl.start(u"openssl"_s,
                  {u"req"_s, u"-x509"_s, u"-newkey"_s, u"rsa:2048"_s, u"-nodes"_s, u"-days"_s, u"2"_s,
                   u"-subj"_s, u"/CN=xmpp.example"_s, u"-addext"_s, u"subjectAltName=DNS:xmpp.example"_s,
                   u"-keyout"_s, m_dir.filePath(u"tls-key.pem"_s), u"-out"_s,
                   m_dir.filePath(u"tls-cert.pem"_s)});
    if (openssl.waitForFinished(30000) && openssl.exitCode() == 0)
        return true;
    qWarning("openssl: %s", openssl.readAllStandardError().constData());
    return false;
}

void TestCli::insecureAcceptsASelfSignedCertificate()
{
    // A self-signed certificate: refused without --insecure, accepted with it.
    ScriptedServer server;
    QVERIFY(listenWithSelfSignedCertificate(server));
    const QStringList arguments{
        u"--port"_s, QString::number(server.port()), u"--domain"_s,     cliAccount.domain,
        u"--tls"_s,  u"--tls-server-name"_s,         u"xmpp.example"_s, u"-q"_s};
    QProcess refused;
    refused.setProcessEnvironment(environmentWithSecret(cliAccount.secret));
    refused.start(cliPath(), arguments);
    QVERIFY(finishes(refused));
    QCOMPARE(refused.exitCode(), 5);
    QVERIFY(!server.received().contains("<handshake>"));

    QProcess accepted;
    accepted.setProcessEnvironment(environmentWithSecret(cliAccount.secret));
    accepted.start(cliPath(), arguments + QStringList{u"--insecure"_s});
    QVERIFY2(server.acceptHandshake(cliAccount.secret), accepted.readAllStandardError().constData());
    QTest::qWait(300);
    QCOMPARE(accepted.state(), QProcess::Running); // connected over TLS, tailing
    QVERIFY(XcmTest::signalRunning(accepted, SIGINT));
    QVERIFY(finishes(accepted));
    QCOMPARE(accepted.exitCode(), 0);
}

void TestCli::timeoutEndsAConnectThatStalls()
{
    // A server that accepts the connection and never answers the stream header.
    ScriptedServer server;
    QVERIFY(server.listen());
    QProcess cli;
    cli.setProcessEnvironment(environmentWithSecret(cliAccount.secret));
    QElapsedTimer clock;
    clock.start();
    cli.start(cliPath(), {u"--port"_s, QString::number(server.port()), u"--domain"_s, cliAccount.domain,
                          u"-q"_s, u"--timeout"_s, u"0.8"_s});
    QVERIFY(server.waitForClient());
    QVERIFY(finishes(cli));
    const qint64 elapsed = clock.elapsed();
    QCOMPARE(cli.exitCode(), 2);
    const QByteArray errors = cli.readAllStandardError();
    QVERIFY2(errors.contains("timed out") || errors.contains("timeout"), errors.constData());
    // Its question ends the sentence; it read "… direct TLS?; exiting (--reconnect would retry)".
    QVERIFY2(errors.contains("direct TLS? Exiting (--reconnect would retry).\n"), errors.constData());
    QVERIFY2(elapsed >= 700 && elapsed < 5000,
             QByteArray::number(elapsed).constData()); // not the 15 s default
}

void TestCli::keepaliveSendsWhitespaceAtTheInterval()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    QProcess cli;
    cli.setProcessEnvironment(environmentWithSecret(cliAccount.secret));
    cli.start(cliPath(), {u"--port"_s, QString::number(server.port()), u"--domain"_s, cliAccount.domain,
                          u"-q"_s, u"--keepalive"_s, u"0.3"_s});
    QVERIFY(server.acceptHandshake(cliAccount.secret));
    const qsizetype before = server.received().size();
    QTest::qWait(1500);
    // Whitespace only, about one every 0.3 s: neither none nor far too many.
    const QByteArray after = server.received().mid(before);
    QVERIFY2(!after.trimmed().size(), after.constData());
    QVERIFY2(after.size() >= 3 && after.size() <= 7, QByteArray::number(after.size()).constData());
    QVERIFY(XcmTest::signalRunning(cli, SIGINT));
    QVERIFY(finishes(cli));

    // 0 turns it off.
    ScriptedServer quiet;
    QVERIFY(quiet.listen());
    QProcess off;
    off.setProcessEnvironment(environmentWithSecret(cliAccount.secret));
    off.start(cliPath(), {u"--port"_s, QString::number(quiet.port()), u"--domain"_s, cliAccount.domain,
                          u"-q"_s, u"--keepalive"_s, u"0"_s});
    QVERIFY(quiet.acceptHandshake(cliAccount.secret));
    const qsizetype quietBefore = quiet.received().size();
    QTest::qWait(1000);
    QCOMPARE(quiet.received().size(), quietBefore);
    QVERIFY(XcmTest::signalRunning(off, SIGINT));
    QVERIFY(finishes(off));
}

void TestCli::maxStanzaBytesIsTheLimit()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    QProcess cli;
    cli.setProcessEnvironment(environmentWithSecret(cliAccount.secret));
    cli.start(cliPath(), {u"--port"_s, QString::number(server.port()), u"--domain"_s, cliAccount.domain,
                          u"--max-stanza-bytes"_s, u"1024"_s});
    QVERIFY(server.acceptHandshake(cliAccount.secret));
    const auto message = [](int bytes) -> QByteArray {
        const QByteArray head =
            "<message from='a@example.org' to='x@" + cliAccount.domain.toUtf8() + "'><body>";
        const QByteArray tail = "</body></message>";
        return head + QByteArray(bytes - head.size() - tail.size(), 'x') + tail;
    };
    server.send(message(1000)); // under the limit: printed
    QByteArray output;
    QVERIFY(QTest::qWaitFor(
        [&] {
            output += cli.readAllStandardOutput();
            return output.contains("</message>");
        },
        5000));
    server.send(message(1100)); // over it: refused with the limit named, and the stream closed
    QVERIFY(finishes(cli));
    QCOMPARE(cli.exitCode(), 4);
    const QByteArray errors = cli.readAllStandardError();
    QVERIFY2(errors.contains("1024"), errors.constData());
    QVERIFY(server.received().contains("<stream:error><policy-violation"));
}

void TestCli::pingOwnDomain_data()
{
    QTest::addColumn<QString>("target");
    QTest::newRow("the component's domain") << cliAccount.domain;
    QTest::newRow("an address on it") << u"someone@"_s + cliAccount.domain;
}

void TestCli::pingOwnDomain()
{
    // Prosody routes a ping to our own domain back to us: xcm-cli answers it, and its answer is the pong.
    QFETCH(QString, target);
    QProcess cli;
    cli.setProcessEnvironment(environmentWithSecret(cliAccount.secret));
    cli.start(cliPath(), baseArguments(cliAccount) << u"--ping"_s << target << u"-q"_s);
    QVERIFY(cli.waitForFinished(15000));
    const QByteArray errors = cli.readAllStandardError();
    QCOMPARE(cli.exitCode(), 0);
    QVERIFY2(errors.isEmpty(), errors.constData());
    const QString output = QString::fromUtf8(cli.readAllStandardOutput());
    QVERIFY2(
        QRegularExpression(u"^pong from %1 in \\d+\\.\\d\\d ms\n$"_s.arg(QRegularExpression::escape(target)))
            .match(output)
            .hasMatch(),
        qPrintable(output));
}

void TestCli::pingPrintsOnlyItsResult()
{
    // Like ping(8): one result line on stdout, no stream traffic; status lines stay on stderr.
    QProcess cli;
    cli.setProcessEnvironment(environmentWithSecret(cliAccount.secret));
    cli.start(cliPath(), baseArguments(cliAccount) << u"--ping"_s << m_server->serverDomain());
    QVERIFY(cli.waitForFinished(15000));
    QCOMPARE(cli.exitCode(), 0);
    const QList<QByteArray> lines = nonEmptyLines(cli.readAllStandardOutput());
    QCOMPARE(lines.size(), 1);
    QVERIFY2(lines.constFirst().startsWith("pong from localhost in "), lines.constFirst().constData());
    const QByteArray errors = cli.readAllStandardError();
    QVERIFY2(errors.contains("xcm-cli: connected as cli.localhost"), errors.constData());
    QVERIFY2(!errors.contains("xcm.connection"), errors.constData());
}

void TestCli::verbosePingShowsTrafficAndLog()
{
    QProcess cli;
    cli.setProcessEnvironment(environmentWithSecret(cliAccount.secret));
    cli.start(cliPath(), baseArguments(cliAccount)
                             << u"--ping"_s << m_server->serverDomain() << u"--verbose"_s);
    QVERIFY(cli.waitForFinished(15000));
    QCOMPARE(cli.exitCode(), 0);
    const QByteArray output = cli.readAllStandardOutput();
    QVERIFY2(output.contains("OUT <iq ") && output.contains("pong from localhost"), output.constData());
    QVERIFY(cli.readAllStandardError().contains("xcm.connection: "));
}

void TestCli::pingErrorShowsConditionAndText()
{
    // This Prosody has s2s off: a ping to another domain is answered with an error that has a text.
    QProcess cli;
    cli.setProcessEnvironment(environmentWithSecret(cliAccount.secret));
    cli.start(cliPath(), baseArguments(cliAccount) << u"--ping"_s << u"elsewhere.example"_s << u"-q"_s);
    QVERIFY(cli.waitForFinished(15000));
    QCOMPARE(cli.exitCode(), 6);
    const QList<QByteArray> errors = nonEmptyLines(cli.readAllStandardError());
    QCOMPARE(errors.size(), 1);
    QVERIFY2(QRegularExpression(u"^xcm-cli: error: ping answered with an error from elsewhere.example: "
                                "[a-z-]+ \\(.+\\)$"_s)
                 .match(QString::fromUtf8(errors.constFirst()))
                 .hasMatch(),
             errors.constFirst().constData());
    QVERIFY(cli.readAllStandardOutput().isEmpty());
}

void TestCli::pingWithoutAnswerFails()
{
    // The peer component is connected but does not answer pings.
    QList<Stanza> unused;
    auto peer = connectPeer(&unused);
    QVERIFY(peer);
    QProcess cli;
    cli.setProcessEnvironment(environmentWithSecret(cliAccount.secret));
    cli.start(cliPath(), baseArguments(cliAccount) << u"--ping"_s << peerAccount.domain << u"--ping-timeout"_s
                                                   << u"0.5"_s << u"-q"_s);
    QVERIFY(finishes(cli));
    QCOMPARE(cli.exitCode(), 6);
    const QByteArray errors = cli.readAllStandardError();
    QVERIFY2(errors.contains("no answer to the ping from peer.localhost within 0.5 s"), errors.constData());
}

void TestCli::answersPingsAddressedToIt()
{
    QProcess cli;
    cli.setProcessEnvironment(environmentWithSecret(cliAccount.secret));
    cli.start(cliPath(), baseArguments(cliAccount) << u"-q"_s);
    QVERIFY(cli.waitForStarted());
    QByteArray output;
    QVERIFY(QTest::qWaitFor(
        [&] {
            output += cli.readAllStandardOutput();
            return output.contains("IN  <handshake/>");
        },
        10000));
    auto peer = makeConnection(*m_server, peerAccount,
                               [](ConnectionSettings &settings) { settings.reconnect.enabled = false; });
    QList<Stanza> replies;
    connect(peer.get(), &ComponentConnection::stanzaReceived, this, [&replies](const Stanza &stanza) {
        if (stanza.kind() == StanzaKind::Iq)
            replies.append(stanza);
    });
    peer->connectToServer();
    QTRY_COMPARE_WITH_TIMEOUT(peer->state(), ConnectionState::Connected, 10000);
    QCOMPARE(peer->send("<iq type='get' id='p1' from='tester@peer.localhost' to='bot@cli.localhost'>"
                        "<ping xmlns='urn:xmpp:ping'/></iq>"),
             QString());
    QTRY_COMPARE_WITH_TIMEOUT(replies.size(), 1, 10000);
    QCOMPARE(replies.constFirst().type(), u"result"_s);
    QCOMPARE(replies.constFirst().id(), u"p1"_s);
    QCOMPARE(replies.constFirst().from(), u"bot@cli.localhost"_s);
    QCOMPARE(replies.constFirst().element().childCount(), 0);
    QVERIFY(XcmTest::signalRunning(cli, SIGINT));
    QVERIFY(finishes(cli));
    QCOMPARE(cli.exitCode(), 0);
    output += cli.readAllStandardOutput();
    QVERIFY2(output.contains("OUT <iq type=\"result\" id=\"p1\""), output.constData());
}

void TestCli::errorIsPrintedOnce()
{
    QProcess cli;
    cli.setProcessEnvironment(environmentWithSecret(u"wrong"_s));
    cli.start(cliPath(), baseArguments(cliAccount));
    QVERIFY(cli.waitForFinished(15000));
    QCOMPARE(cli.exitCode(), 3);
    const QByteArray errors = cli.readAllStandardError();
    QCOMPARE(errors.count("not-authorized"), 1);
    QVERIFY2(!errors.contains("xcm.connection"), errors.constData());
}

void TestCli::hostUnknownExitsWithAuthenticationCode()
{
    QProcess cli;
    cli.setProcessEnvironment(environmentWithSecret(cliAccount.secret));
    cli.start(cliPath(), {u"--port"_s, QString::number(m_server->componentPort()), u"--domain"_s,
                          u"unconfigured.localhost"_s, u"-q"_s});
    QVERIFY(cli.waitForFinished(15000));
    QCOMPARE(cli.exitCode(), 3);
    const QByteArray errors = cli.readAllStandardError();
    QVERIFY2(errors.contains("error: host-unknown: "), errors.constData());
}

void TestCli::streamErrorExitsWithProtocolCode()
{
    // Prosody refuses a second connection for a component name already connected: conflict.
    QList<Stanza> unused;
    auto peer = connectPeer(&unused);
    QVERIFY(peer);
    QProcess cli;
    cli.setProcessEnvironment(environmentWithSecret(peerAccount.secret));
    cli.start(cliPath(), baseArguments(peerAccount) << u"-q"_s);
    QVERIFY(finishes(cli));
    QCOMPARE(cli.exitCode(), 4);
    const QByteArray errors = cli.readAllStandardError();
    QVERIFY2(errors.contains("error: conflict: "), errors.constData());
    // Without --reconnect this run ends here: the message must not promise a retry.
    QVERIFY2(!errors.contains("retries with backoff"), errors.constData());
    QVERIFY2(errors.contains("exiting (--reconnect would retry)"), errors.constData());
}

void TestCli::badServerDataExitsWithProtocolCode()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    QProcess cli;
    cli.setProcessEnvironment(environmentWithSecret(cliAccount.secret));
    cli.start(cliPath(),
              {u"--port"_s, QString::number(server.port()), u"--domain"_s, u"comp.example"_s, u"-q"_s});
    QVERIFY(server.acceptHandshake(cliAccount.secret));
    server.send("<!-- a comment on the stream -->");
    QVERIFY(finishes(cli));
    QCOMPARE(cli.exitCode(), 4);
    const QByteArray errors = cli.readAllStandardError();
    QVERIFY2(errors.contains("restricted-xml"), errors.constData());
    QVERIFY(server.received().contains("<stream:error><restricted-xml"));
    // The server would send the same again: no hint that --reconnect would help.
    QVERIFY2(!errors.contains("--reconnect"), errors.constData());
}

void TestCli::prettyIndentsStanzas()
{
    QProcess cli;
    cli.setProcessEnvironment(environmentWithSecret(cliAccount.secret));
    cli.start(cliPath(), baseArguments(cliAccount) << u"--pretty"_s << u"-q"_s);
    QByteArray output;
    QVERIFY(QTest::qWaitFor(
        [&] {
            output += cli.readAllStandardOutput();
            return output.contains("IN  <handshake/>");
        },
        10000));
    QList<Stanza> unused;
    auto peer = connectPeer(&unused);
    QVERIFY(peer);
    QCOMPARE(
        peer->send("<message from='p@peer.localhost' to='x@cli.localhost' id='pretty1'><body>indented</body>"
                   "</message>"),
        QString());
    QVERIFY(QTest::qWaitFor(
        [&] {
            output += cli.readAllStandardOutput();
            return output.contains("</message>");
        },
        10000));
    QVERIFY(XcmTest::signalRunning(cli, SIGINT));
    QVERIFY(finishes(cli));
    QVERIFY2(QRegularExpression(
                 u"\\d\\d\\.\\d{3} IN\n<message [^\n]*id=\"pretty1\"[^\n]*>\n  <body>indented</body>\n"
                 "</message>\n"_s)
                 .match(QString::fromUtf8(output))
                 .hasMatch(),
             output.constData());
}

void TestCli::secretFromStandardInputPipe()
{
    QProcess cli;
    cli.start(cliPath(), baseArguments(cliAccount)
                             << u"--secret-stdin"_s << u"--ping"_s << m_server->serverDomain() << u"-q"_s);
    QVERIFY(cli.waitForStarted());
    cli.write(cliAccount.secret.toUtf8() + "\n");
    cli.closeWriteChannel();
    QVERIFY(cli.waitForFinished(15000));
    QCOMPARE(cli.exitCode(), 0);
    QVERIFY(cli.readAllStandardOutput().startsWith("pong from localhost"));
    const QByteArray errors = cli.readAllStandardError();
    QVERIFY2(errors.isEmpty(), errors.constData()); // no prompt when standard input is no terminal
}

namespace {

// A pseudo-terminal for the CLI's standard input; the test types into the master side.
struct Terminal
{
    int master = -1;
    int observer = -1; // the CLI's side, opened here too, to read its mode
    QString path;

    bool open()
    {
        master = ::posix_openpt(O_RDWR | O_NOCTTY);
        if (master < 0 || ::grantpt(master) != 0 || ::unlockpt(master) != 0)
            return false;
        path = QString::fromLocal8Bit(::ptsname(master));
        observer = ::open(::ptsname(master), O_RDWR | O_NOCTTY);
        return observer >= 0;
    }
    bool echoes() const
    {
        termios mode{};
        return ::tcgetattr(observer, &mode) == 0 && (mode.c_lflag & ECHO);
    }
    QByteArray echoed() const
    {
        QByteArray seen;
        char buffer[256];
        ::fcntl(master, F_SETFL, ::fcntl(master, F_GETFL) | O_NONBLOCK);
        for (ssize_t n; (n = ::read(master, buffer, sizeof buffer)) > 0;)
            seen.append(buffer, n);
        return seen;
    }
    ~Terminal()
    {
        if (observer >= 0)
            ::close(observer);
        if (master >= 0)
            ::close(master);
    }
};

// Waits until the CLI asks for the secret on its standard error.
bool waitForSecretPrompt(QProcess &cli)
{
    QByteArray errors;
    return QTest::qWaitFor(
        [&] {
            errors += cli.readAllStandardError();
            return errors.contains("Shared secret for cli.localhost: ");
        },
        10000);
}

} // namespace

void TestCli::secretPromptOnTerminalHidesTyping()
{
    Terminal terminal;
    QVERIFY(terminal.open());
    QVERIFY(terminal.echoes());
    QProcess cli;
    cli.setStandardInputFile(terminal.path);
    cli.start(cliPath(), baseArguments(cliAccount)
                             << u"--secret-stdin"_s << u"--ping"_s << m_server->serverDomain() << u"-q"_s);
    QVERIFY(waitForSecretPrompt(cli));
    QVERIFY(!terminal.echoes());
    const QByteArray typed = cliAccount.secret.toUtf8() + "\n";
    QCOMPARE(::write(terminal.master, typed.constData(), size_t(typed.size())), ssize_t(typed.size()));
    QVERIFY(cli.waitForFinished(15000));
    QCOMPARE(cli.exitCode(), 0);
    QVERIFY(cli.readAllStandardOutput().startsWith("pong from localhost"));
    QVERIFY(terminal.echoes());
    const QByteArray seen = terminal.echoed();
    QVERIFY2(!seen.contains(cliAccount.secret.toUtf8()), seen.constData());
}

void TestCli::secretPromptRestoresEchoOnSigint()
{
    Terminal terminal;
    QVERIFY(terminal.open());
    QProcess cli;
    cli.setStandardInputFile(terminal.path);
    cli.start(cliPath(), baseArguments(cliAccount) << u"--secret-stdin"_s);
    QVERIFY(waitForSecretPrompt(cli));
    QVERIFY(!terminal.echoes());
    QVERIFY(XcmTest::signalRunning(cli, SIGINT));
    QVERIFY(cli.waitForFinished(10000));
    QCOMPARE(cli.exitStatus(), QProcess::CrashExit); // ended by the signal, as Ctrl+C should
    QVERIFY(terminal.echoes());
}

void TestCli::secretPromptLeavesIgnoredSignalsIgnored()
{
    // Started under nohup, the CLI ignores SIGHUP; guarding the prompt must not make a hang-up fatal.
    Terminal terminal;
    QVERIFY(terminal.open());
    QProcess cli;
    cli.setStandardInputFile(terminal.path);
    QStringList arguments{u"-c"_s, u"trap '' HUP; exec \"$0\" \"$@\""_s, cliPath()};
    arguments << baseArguments(cliAccount) << u"--secret-stdin"_s << u"--ping"_s << m_server->serverDomain()
              << u"-q"_s;
    cli.start(u"/bin/sh"_s, arguments);
    QVERIFY(waitForSecretPrompt(cli));
    QVERIFY(XcmTest::signalRunning(cli, SIGHUP));
    QVERIFY(!cli.waitForFinished(500));
    const QByteArray typed = cliAccount.secret.toUtf8() + "\n";
    QCOMPARE(::write(terminal.master, typed.constData(), size_t(typed.size())), ssize_t(typed.size()));
    QVERIFY(cli.waitForFinished(15000));
    QCOMPARE(cli.exitStatus(), QProcess::NormalExit);
    QCOMPARE(cli.exitCode(), 0);
    QVERIFY(terminal.echoes());
}

void TestCli::closedStandardOutputEndsTheProgram_data()
{
    QTest::addColumn<int>("lines");
    // One line: head leaves while the stream is still opening. Four: stream headers and handshake both
    // ways, then nothing more is written, so only the closed pipe itself can tell.
    QTest::newRow("reader left while opening") << 1;
    QTest::newRow("reader left while idle") << 4;
}

void TestCli::closedStandardOutputEndsTheProgram()
{
    QFETCH(int, lines);
    QProcess shell;
    shell.setProcessEnvironment(environmentWithSecret(cliAccount.secret));
    // Its own process group, so that a hung xcm-cli does not outlive a failed test.
    shell.setChildProcessModifier([] { ::setpgid(0, 0); });
    const auto cleanup = qScopeGuard([&] {
        if (shell.processId() > 0)
            ::kill(-pid_t(shell.processId()), SIGKILL);
    });
    shell.start(u"bash"_s,
                QStringList{u"-c"_s, u"set -o pipefail; \"$0\" \"$@\" | head -n %1"_s.arg(lines), cliPath()} +
                    baseArguments(cliAccount));
    QVERIFY(shell.waitForFinished(15000));
    QCOMPARE(shell.exitStatus(), QProcess::NormalExit);
    const QByteArray errors = shell.readAllStandardError();
    QVERIFY2(shell.exitCode() == 0, errors.constData()); // xcm-cli's own code: nothing had failed
    QCOMPARE(nonEmptyLines(shell.readAllStandardOutput()).size(), lines);
    QVERIFY2(errors.contains("standard output is closed: closing the stream"), errors.constData());
}

void TestCli::failedWriteToStandardOutputEndsTheProgram()
{
    // A socket as standard output: no pipe to watch, so the next failed write is what tells.
    int sockets[2];
    QVERIFY(::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sockets) == 0); // only fd 1 in the child
    const auto closeSockets = qScopeGuard([&] {
        for (const int fd : sockets) {
            if (fd >= 0)
                ::close(fd);
        }
    });
    QProcess cli;
    cli.setProcessEnvironment(environmentWithSecret(cliAccount.secret));
    const int childEnd = sockets[1];
    cli.setChildProcessModifier([childEnd] { ::dup2(childEnd, STDOUT_FILENO); });
    cli.start(cliPath(), baseArguments(cliAccount));
    QVERIFY(cli.waitForStarted());
    QByteArray errors;
    QVERIFY(QTest::qWaitFor(
        [&] {
            errors += cli.readAllStandardError();
            return errors.contains("connected as cli.localhost");
        },
        10000));
    ::close(std::exchange(sockets[0], -1)); // the reader leaves
    QList<Stanza> unused;
    auto peer = connectPeer(&unused);
    QVERIFY(peer);
    QCOMPARE(peer->send("<message from='p@peer.localhost' to='x@cli.localhost' id='unread'/>"), QString());
    QVERIFY(finishes(cli, 10000));
    QCOMPARE(cli.exitStatus(), QProcess::NormalExit);
    QCOMPARE(cli.exitCode(), 0);
    errors += cli.readAllStandardError();
    QVERIFY2(errors.contains("standard output is closed: closing the stream"), errors.constData());
}

void TestCli::sendFileWithDeclarationAndComments()
{
    QList<Stanza> messages;
    auto peer = connectPeer(&messages);
    QVERIFY(peer);
    const QString path =
        writeFile(u"declared.xml"_s, "\xEF\xBB\xBF<?xml version='1.0' encoding='UTF-8'?>\n"
                                     "<!-- greetings for the peer -->\n"
                                     "<message from='bot@cli.localhost' to='p@peer.localhost' "
                                     "id='d1'><!-- not sent --><body>one</body></message>\n"
                                     "<!-- between --> <message from='bot@cli.localhost' "
                                     "to='p@peer.localhost' id='d2'><body>two</body></message>\n"
                                     "<!-- at the end -->\n");
    QVERIFY(!path.isEmpty());
    QProcess cli;
    cli.setProcessEnvironment(environmentWithSecret(cliAccount.secret));
    cli.start(cliPath(), baseArguments(cliAccount) << u"--send"_s << path << u"-q"_s);
    QVERIFY(finishes(cli));
    const QByteArray errors = cli.readAllStandardError();
    QCOMPARE(cli.exitCode(), 0);
    QVERIFY2(errors.isEmpty(), errors.constData());
    QTRY_COMPARE_WITH_TIMEOUT(messages.size(), 2, 10000);
    QCOMPARE(messages.at(0).id(), u"d1"_s);
    QCOMPARE(messages.at(1).id(), u"d2"_s);
    QCOMPARE(messages.at(0).element().firstChild(u"body").text(), u"one"_s);
    const QByteArray output = cli.readAllStandardOutput();
    QVERIFY2(!output.contains("<!--") && output.contains("OUT <message "), output.constData());
}

void TestCli::sendInputErrorsPointIntoTheInput_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("message"); // after "FILE:"
    const QByteArray ok = "<message from='cli.localhost' to='p@peer.localhost'/>";
    QTest::newRow("stray text") << QByteArray(ok + "\nhello world\n" + ok)
                                << u"2:1: text outside any stanza: \"hello world\""_s;
    QTest::newRow("text after the last stanza")
        << QByteArray(ok + "\n  bye") << u"2:3: text outside any stanza: \"bye\""_s;
    QTest::newRow("mismatch after a declaration") << QByteArray("<?xml version='1.0' encoding='UTF-8'?>\n" +
                                                                ok + "\n<message><body>x</bdy></message>\n")
                                                  << u"3:23: Opening and ending tag mismatch."_s;
    QTest::newRow("mismatch after comments")
        << QByteArray("<!-- one\ntwo -->" + ok + "<!-- x --> <message><!-- y --><body>x</bdy></message>")
        << u"2:104: Opening and ending tag mismatch."_s;
    QTest::newRow("DTD") << QByteArray("<!DOCTYPE x [<!ENTITY e 'v'>]>\n" + ok)
                         << u"1:1: a DTD or declaration"_s;
    QTest::newRow("entity") << QByteArray(
                                   "<message from='cli.localhost' to='p@peer.localhost'>\n  <body>&nbsp;"
                                   "</body></message>")
                            << u"2:9: the entity &nbsp; is not defined"_s;
    QTest::newRow("processing instruction")
        << QByteArray(ok + "<?php echo 1; ?>") << u"1:54: a processing instruction"_s;
    QTest::newRow("end tag without a stanza")
        << QByteArray(ok + "\n</message>") << u"2:1: an end tag, but no stanza is open"_s;
    QTest::newRow("cut off") << QByteArray(ok + "\n\n<message from='cli.localhost'><body>")
                             << u"3:1: the input ends in the middle of the stanza that starts here"_s;
    QTest::newRow("comment that never ends")
        << QByteArray(ok + "<!-- ") << u"1:54: a comment that never ends"_s;
    QTest::newRow("foreign encoding") << QByteArray("<?xml version='1.0' encoding='ISO-8859-1'?>" + ok)
                                      << u"1:1: the XML declaration says encoding 'ISO-8859-1'"_s;
    QTest::newRow("invalid UTF-8") << QByteArray(
                                          "<message from='cli.localhost' to='p@peer.localhost'>\n<body>\xC3("
                                          "</body></message>")
                                   << u"2:7: invalid UTF-8"_s;
    QTest::newRow("from in capitals")
        << QByteArray(ok + "\n<message from='bot@CLI.localhost' to='p@peer.localhost'/>")
        << u"2:1: refusing this stanza: 'from' must spell the component's domain in lowercase, "
           u"cli.localhost, "
           "not CLI.localhost"_s;
    QTest::newRow("foreign from") << QByteArray(ok +
                                                "\n<message from='bot@elsewhere' to='p@peer.localhost'/>")
                                  << u"2:1: refusing this stanza: 'from' must be on the component's domain"_s;
    QTest::newRow("empty") << QByteArray() << u"no stanza to send"_s;
    QTest::newRow("only comments") << QByteArray("\xEF\xBB\xBF<?xml version='1.0'?>\n<!-- nothing yet -->\n")
                                   << u"no stanza to send"_s;
}

void TestCli::sendInputErrorsPointIntoTheInput()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, message);
    const QString path = writeFile(u"input.xml"_s, content);
    QVERIFY(!path.isEmpty());
    QProcess cli;
    cli.setProcessEnvironment(environmentWithSecret(cliAccount.secret));
    cli.start(cliPath(), baseArguments(cliAccount) << u"--send"_s << path);
    QVERIFY(cli.waitForFinished(10000));
    QCOMPARE(cli.exitCode(), 1);
    const QString errors = QString::fromUtf8(cli.readAllStandardError());
    QVERIFY2(errors.startsWith(u"xcm-cli: error: %1:%2"_s.arg(
                 path, message.startsWith(u"no stanza") ? u" "_s + message : message)),
             qPrintable(errors));
    QCOMPARE(errors.count(u'\n'), 1);
    QVERIFY(!errors.contains(u"connecting to"_s)); // a file is checked in full before connecting
}

void TestCli::emptyStandardInputIsAnError()
{
    QProcess cli;
    cli.setProcessEnvironment(environmentWithSecret(cliAccount.secret));
    cli.start(cliPath(), baseArguments(cliAccount) << u"--send"_s << u"-"_s << u"-q"_s);
    QVERIFY(cli.waitForStarted());
    cli.closeWriteChannel();
    QVERIFY(cli.waitForFinished(15000));
    QCOMPARE(cli.exitCode(), 1);
    const QByteArray errors = cli.readAllStandardError();
    QVERIFY2(errors.contains("xcm-cli: error: standard input: no stanza to send"), errors.constData());
}

void TestCli::strayTextOnStandardInputAfterAStanza()
{
    QList<Stanza> messages;
    auto peer = connectPeer(&messages);
    QVERIFY(peer);
    QProcess cli;
    cli.setProcessEnvironment(environmentWithSecret(cliAccount.secret));
    cli.start(cliPath(), baseArguments(cliAccount) << u"--send"_s << u"-"_s << u"-q"_s);
    QVERIFY(cli.waitForStarted());
    cli.write("<message from='cli.localhost' to='p@peer.localhost' id='before'/>\nhello world\n"
              "<message from='cli.localhost' to='p@peer.localhost' id='after'/>\n");
    cli.closeWriteChannel();
    QVERIFY(finishes(cli));
    QCOMPARE(cli.exitCode(), 1);
    const QByteArray errors = cli.readAllStandardError();
    QVERIFY2(errors.contains("xcm-cli: error: standard input:2:1: text outside any stanza: \"hello world\""),
             errors.constData());
    QTRY_COMPARE_WITH_TIMEOUT(messages.size(), 1, 10000); // what came before the problem was sent
    QCOMPARE(messages.constFirst().id(), u"before"_s);
}

void TestCli::sigintWhileWaitingToReconnectKeepsTheFailureCode()
{
    const quint16 port = xcm::test::closedLocalPort();
    QVERIFY(port != 0);
    // Two stanzas to send that never can: the interrupted run says so, not only why it could not connect.
    const QString stanzas = writeFile(u"unsent.xml"_s, "<message from='cli.localhost' to='a@b'/>\n"
                                                       "<message from='cli.localhost' to='c@d'/>\n");
    QProcess cli;
    cli.setProcessEnvironment(environmentWithSecret(u"x"_s));
    cli.start(cliPath(), {u"--port"_s, QString::number(port), u"--domain"_s, u"cli.localhost"_s,
                          u"--reconnect"_s, u"--send"_s, stanzas});
    QByteArray errors;
    QVERIFY(QTest::qWaitFor(
        [&] {
            errors += cli.readAllStandardError();
            return errors.contains("reconnecting in");
        },
        10000));
    QVERIFY(XcmTest::signalRunning(cli, SIGINT));
    QVERIFY(cli.waitForFinished(10000));
    QCOMPARE(cli.exitStatus(), QProcess::NormalExit);
    QCOMPARE(cli.exitCode(), 2); // connection-refused, not 0
    errors += cli.readAllStandardError();
    QVERIFY2(errors.contains("xcm-cli: error: 2 stanzas not sent"), errors.constData());
}

void TestCli::standardInputIsNotReadWhileTheServerIsDown()
{
    // Its own Prosody: this one is killed and brought back.
    ProsodyServer server({cliAccount});
    QString problem;
    QVERIFY2(server.start(&problem), qPrintable(problem));
    QProcess cli;
    cli.setProcessEnvironment(environmentWithSecret(cliAccount.secret));
    cli.start(cliPath(), {u"--port"_s, QString::number(server.componentPort()), u"--domain"_s,
                          cliAccount.domain, u"--send"_s, u"-"_s, u"--reconnect"_s});
    QByteArray errors;
    const auto waitForStatus = [&](QByteArrayView status) {
        return QTest::qWaitFor(
            [&] {
                errors += cli.readAllStandardError();
                return errors.contains(status);
            },
            20000);
    };
    QVERIFY(waitForStatus("connected as"));
    server.kill();
    QVERIFY(waitForStatus("reconnecting in"));

    // Far more than the bound: headlines to nobody, which Prosody drops without an answer.
    constexpr int stanzas = 6000;
    QByteArray input;
    for (int i = 0; i < stanzas; ++i)
        input += "<message type='headline' from='cli.localhost' to='nobody@localhost' id='b" +
                 QByteArray::number(i) + "'><body>queued while the server is down</body></message>\n";
    cli.write(input);
    // Until xcm-cli stops taking more: then the rest stays with the writer (here QProcess's buffer).
    qint64 unread = -1;
    QElapsedTimer unchanged;
    QVERIFY(QTest::qWaitFor(
        [&] {
            if (cli.bytesToWrite() != unread) {
                unread = cli.bytesToWrite();
                unchanged.restart();
            }
            return unchanged.elapsed() > 1500;
        },
        20000));
    const qint64 taken = input.size() - unread;
    const qint64 stanzaBytes = input.size() / stanzas;
    // The bound, one read of standard input and a pipe buffer (64 KiB), with room to spare.
    const qint64 mostTaken = (1000 + 200) * stanzaBytes + 16 * 1024 + 64 * 1024;
    QVERIFY2(taken <= mostTaken,
             qPrintable(u"%1 bytes taken, at most %2 expected"_s.arg(taken).arg(mostTaken)));
    QVERIFY2(taken >= 900 * stanzaBytes, qPrintable(u"only %1 bytes taken"_s.arg(taken)));

    // Once the server is back, everything goes out, in order, and nothing is lost.
    QVERIFY2(server.restart(&problem), qPrintable(problem));
    QVERIFY(QTest::qWaitFor([&] { return cli.bytesToWrite() == 0; }, 60000));
    cli.closeWriteChannel();
    QByteArray output;
    QVERIFY(QTest::qWaitFor(
        [&] {
            output += cli.readAllStandardOutput();
            return cli.state() == QProcess::NotRunning;
        },
        60000));
    output += cli.readAllStandardOutput();
    errors += cli.readAllStandardError();
    QCOMPARE(cli.exitCode(), 0);
    const QList<QByteArray> lines = output.split('\n');
    int sent = 0;
    for (const QByteArray &line : lines) {
        if (line.contains(" OUT <message ")) {
            QVERIFY2(line.contains(QByteArray("id='b" + QByteArray::number(sent) + "'")), line.constData());
            ++sent;
        }
    }
    QCOMPARE(sent, stanzas);
    QVERIFY2(!errors.contains("not sent"), errors.constData());
}

void TestCli::flappingConnectionBacksOffAndIsCalledSo()
{
    // A server that accepts the handshake and kicks the component out at once, every time.
    ScriptedServer server;
    QVERIFY(server.listen());
    QProcess cli;
    cli.setProcessEnvironment(environmentWithSecret(cliAccount.secret));
    cli.start(cliPath(), {u"--port"_s, QString::number(server.port()), u"--domain"_s, u"comp.example"_s,
                          u"--reconnect"_s, u"--reconnect-delay"_s, u"0.1"_s, u"--reconnect-max-delay"_s,
                          u"0.4"_s, u"--stable-after"_s, u"10"_s});
    const QByteArray kickedOut =
        "<stream:error><internal-server-error "
        "xmlns='urn:ietf:params:xml:ns:xmpp-streams'/></stream:error></stream:stream>";
    QElapsedTimer clock;
    clock.start();
    QList<qint64> connectedAt;
    constexpr int drops = 5;
    for (int i = 1; i <= drops; ++i) {
        QVERIFY2(QTest::qWaitFor([&] { return server.connectionCount() == i; }, 10000),
                 qPrintable(u"connection %1 did not come"_s.arg(i)));
        QVERIFY(server.acceptHandshake(cliAccount.secret));
        connectedAt.append(clock.elapsed());
        server.send(kickedOut);
    }
    QByteArray errors;
    QVERIFY(QTest::qWaitFor(
        [&] {
            errors += cli.readAllStandardError();
            return errors.contains("(attempt 5)");
        },
        10000));
    QVERIFY(XcmTest::signalRunning(cli, SIGINT));
    QVERIFY(finishes(cli));
    errors += cli.readAllStandardError();
    QCOMPARE(cli.exitCode(), 4); // the server's stream error left it disconnected
    // Not "attempt 1" after every handshake: the attempts go on, and the delays double to the cap.
    QCOMPARE(errors.count("(attempt 1)"), 1);
    for (int attempt = 2; attempt <= drops; ++attempt)
        QVERIFY2(errors.contains(QByteArray("(attempt " + QByteArray::number(attempt) + ")")),
                 errors.constData());
    QVERIFY2(!errors.contains("warning: flapping: the connection dropped 2 times"), errors.constData());
    QVERIFY2(
        errors.contains("xcm-cli: warning: flapping: the connection dropped 3 times in a row within 10 s "
                        "of connecting\n"),
        errors.constData());
    QVERIFY2(errors.contains("warning: flapping: the connection dropped 5 times"), errors.constData());
    // On the clock: 0.1 + 0.2 + 0.4 + 0.4 s of delays between the first and the last connection, less
    // the jitter (at most 20 %).
    const qint64 span = connectedAt.last() - connectedAt.first();
    QVERIFY2(span >= 880, qPrintable(u"five connections in %1 ms"_s.arg(span)));
}

void TestCli::sameRefusedDataTwiceEndsTheRun()
{
    // A server that sends the same oversize stanza on every connection.
    ScriptedServer server;
    QVERIFY(server.listen());
    QProcess cli;
    cli.setProcessEnvironment(environmentWithSecret(cliAccount.secret));
    cli.start(cliPath(),
              {u"--port"_s, QString::number(server.port()), u"--domain"_s, u"comp.example"_s,
               u"--max-stanza-bytes"_s, u"1024"_s, u"--reconnect"_s, u"--reconnect-delay"_s, u"0.1"_s});
    const QByteArray oversize = "<message from='u@example.org' to='bot@comp.example'><body>" +
                                QByteArray(2000, 'A') + "</body></message>";
    for (int i = 1; i <= 2; ++i) {
        QVERIFY2(QTest::qWaitFor([&] { return server.connectionCount() == i; }, 10000),
                 qPrintable(u"connection %1 did not come"_s.arg(i)));
        QVERIFY(server.acceptHandshake(cliAccount.secret));
        server.send(oversize);
    }
    QVERIFY(finishes(cli));
    const QByteArray errors = cli.readAllStandardError();
    QCOMPARE(cli.exitCode(), 4);
    QCOMPARE(server.connectionCount(), 2);
    QCOMPARE(errors.count("reconnecting in"), 1);
    QVERIFY2(
        errors.contains("xcm-cli: error: stopped reconnecting: the server sent the same refused data twice "
                        "in a row (a stanza "),
        errors.constData());
    QVERIFY2(errors.endsWith("and would send it again on every reconnect\n"), errors.constData());
}

void TestCli::reconnectOptionsNeedReconnect_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("says");
    QTest::newRow("stable-after alone")
        << QStringList{u"--stable-after"_s, u"5"_s} << QByteArray("only apply with --reconnect");
    QTest::newRow("delay alone") << QStringList{u"--reconnect-delay"_s, u"5"_s}
                                 << QByteArray("only apply with --reconnect");
    QTest::newRow("negative stable-after")
        << QStringList{u"--reconnect"_s, u"--stable-after"_s, u"-1"_s} << QByteArray("--stable-after needs");
    QTest::newRow("cap below the first delay")
        << QStringList{u"--reconnect"_s, u"--reconnect-delay"_s, u"5"_s, u"--reconnect-max-delay"_s, u"2"_s}
        << QByteArray("at least --reconnect-delay");
}

void TestCli::reconnectOptionsNeedReconnect()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, says);
    QProcess cli;
    cli.setProcessEnvironment(environmentWithSecret(u"x"_s));
    cli.start(cliPath(), QStringList{u"--domain"_s, u"comp.example"_s} + arguments);
    QVERIFY(finishes(cli));
    QCOMPARE(cli.exitCode(), 1);
    const QByteArray errors = cli.readAllStandardError();
    QVERIFY2(errors.contains(says), errors.constData());
}

void TestCli::optionsThatDoNotApplyAreRefused_data()
{
    // Each was accepted and did nothing: a script passing one believed it acted.
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("says");
    QTest::newRow("--tail with --read") << QStringList{u"--read"_s, u"x.jsonl"_s, u"--tail"_s}
                                        << QByteArray("--read prints a saved log: --tail does not apply");
    QTest::newRow("--host with --read") << QStringList{u"--read"_s, u"x.jsonl"_s, u"--host"_s, u"h.example"_s}
                                        << QByteArray("--host does not apply");
    QTest::newRow("--answer with --proxy")
        << QStringList{u"--domain"_s, u"comp.example"_s, u"--proxy"_s, u"--answer"_s, u"ping"_s}
        << QByteArray(
               "--proxy: the component answers its own requests, not xcm-cli: --answer does not apply");
    QTest::newRow("--keepalive with --proxy")
        << QStringList{u"--domain"_s, u"comp.example"_s, u"--proxy"_s, u"--keepalive"_s, u"30"_s}
        << QByteArray("--keepalive does not apply");
    QTest::newRow("--tail with --proxy")
        << QStringList{u"--domain"_s, u"comp.example"_s, u"--proxy"_s, u"--tail"_s}
        << QByteArray("--tail does not apply");
    QTest::newRow("--ping-timeout without --ping")
        << QStringList{u"--domain"_s, u"comp.example"_s, u"--ping-timeout"_s, u"3"_s}
        << QByteArray("--ping-timeout only applies with --ping");
    QTest::newRow("an option twice") << QStringList{u"--domain"_s, u"a.example"_s, u"--domain"_s,
                                                    u"b.example"_s}
                                     << QByteArray("--domain is given 2 times: give it once");
}

void TestCli::optionsThatDoNotApplyAreRefused()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, says);
    QProcess cli;
    cli.setProcessEnvironment(environmentWithSecret(u"x"_s));
    cli.start(cliPath(), arguments);
    QVERIFY(finishes(cli));
    const QByteArray errors = cli.readAllStandardError();
    QVERIFY2(errors.contains(says), errors.constData());
    QCOMPARE(cli.exitCode(), 1);
}

void TestCli::proxyListensOnAnIpv6AddressInBrackets()
{
    // "[::1]:5348", as "listening on" prints an IPv6 address, was refused as no IP address.
    QProcess cli;
    cli.setProcessEnvironment(environmentWithSecret(u"x"_s));
    cli.start(cliPath(), {u"--proxy"_s, u"--listen"_s, u"[::1]:0"_s, u"--domain"_s, u"comp.example"_s});
    QByteArray errors;
    const QRegularExpression listening(u"listening on \\[::1\\]:(\\d+),"_s);
    QRegularExpressionMatch match;
    QVERIFY2(QTest::qWaitFor(
                 [&] {
                     errors += cli.readAllStandardError();
                     match = listening.match(QString::fromUtf8(errors));
                     return match.hasMatch() || cli.state() == QProcess::NotRunning;
                 },
                 10000),
             errors.constData());
    QVERIFY2(!errors.contains("--listen needs"), errors.constData());
    if (!match.hasMatch()) {
        // Taken, but this machine has no IPv6 loopback to listen on: the address was still understood.
        QVERIFY2(errors.contains("cannot listen on [::1]:0"), errors.constData());
        QWARN("no IPv6 loopback here: the address was understood, not listened on");
        return;
    }
    QTcpSocket component;
    component.connectToHost(QHostAddress(u"::1"_s), quint16(match.captured(1).toUInt()));
    QVERIFY2(component.waitForConnected(5000), qPrintable(component.errorString()));
    QVERIFY(XcmTest::signalRunning(cli, SIGINT));
    QVERIFY(finishes(cli));
}

void TestCli::aRecordFolderThatCannotBeMadeIsAUsageError_data()
{
    QTest::addColumn<QStringList>("mode");
    QTest::newRow("component") << QStringList{u"--port"_s, u"9"_s};
    QTest::newRow("proxy") << QStringList{u"--proxy"_s, u"--listen"_s, u"127.0.0.1:0"_s, u"--port"_s, u"9"_s};
}

void TestCli::aRecordFolderThatCannotBeMadeIsAUsageError()
{
    // The proxy left with 2 (a network error, as for an address it cannot listen on), the component
    // mode with 1, for the same folder.
    QFETCH(QStringList, mode);
    const QString file = writeFile(u"not-a-folder"_s, "x");
    QProcess cli;
    cli.setProcessEnvironment(environmentWithSecret(u"x"_s));
    cli.start(cliPath(),
              QStringList{u"--domain"_s, u"comp.example"_s, u"--record"_s, file + u"/captures"_s} + mode);
    QVERIFY(finishes(cli));
    const QByteArray errors = cli.readAllStandardError();
    QCOMPARE(errors, "xcm-cli: error: --record: cannot create the folder " + file.toUtf8() +
                         "/captures (Not a directory)\n");
    QCOMPARE(cli.exitCode(), 1);
}

void TestCli::anEmptyRulesFileIsWarnedAbout()
{
    // A file that reads but holds no rule (all commented out, say) was taken without a word.
    QTemporaryDir dir;
    const QString path = dir.filePath(u"rules.xml"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("<rules xmlns='urn:xcm:rules:1'>\n  <!-- <rule name='echo' match='kind == message'/> "
               "-->\n</rules>\n");
    file.close();
    QProcess cli;
    cli.setProcessEnvironment(environmentWithSecret(u"x"_s));
    cli.start(cliPath(), {u"--domain"_s, u"comp.example"_s, u"--port"_s, u"9"_s, u"--rules"_s, path});
    QVERIFY(finishes(cli));
    const QByteArray errors = cli.readAllStandardError();
    QVERIFY2(errors.startsWith(QByteArray("xcm-cli: warning: " + path.toUtf8() + " holds no rules\n")),
             errors.constData());
}

void TestCli::readingAFileThatIsNoLogSaysSoOnce()
{
    // --read of some other file printed a warning for each of its lines (up to a hundred), then "0 stanzas".
    QByteArray text;
    for (int line = 1; line <= 30; ++line)
        text += "line " + QByteArray::number(line) + " of some notes\n";
    const QString path = writeFile(u"notes.txt"_s, text);
    QProcess read;
    read.start(cliPath(), {u"--read"_s, path});
    QVERIFY(read.waitForFinished(15000));
    QCOMPARE(read.exitCode(), 1);
    const QByteArray errors = read.readAllStandardError();
    QCOMPARE(errors,
             "xcm-cli: error: " + path.toUtf8() +
                 " is not a saved log (JSON Lines or the XML log format): line 1: neither a JSON object "
                 "nor a line of an XML log\n");
    QVERIFY(read.readAllStandardOutput().isEmpty());
}

void TestCli::readingALogPairsAnswersWithTheirRequests()
{
    // Live, an answer's line says its round trip ("auto, result in 0.21 ms"); read back it said only
    // "auto". The times are the recorded ones.
    const QString path = writeFile(
        u"exchange.jsonl"_s,
        R"({"time": "2026-12-07T10:00:00.000Z", "direction": "received", "xml": "<iq type='get' id='v1' from='u@example.org/x' to='comp.example'><query xmlns='jabber:iq:version'/></iq>"}
{"time": "2026-12-07T10:00:00.003Z", "direction": "sent", "origin": "automatic", "xml": "<iq type='result' id='v1' from='comp.example' to='u@example.org/x'/>"}
{"time": "2026-12-07T10:00:01.000Z", "direction": "sent", "xml": "<iq type='get' id='p1' from='comp.example' to='example.org'><ping xmlns='urn:xmpp:ping'/></iq>"}
{"time": "2026-12-07T10:00:01.012Z", "direction": "received", "xml": "<iq type='error' id='p1' from='example.org' to='comp.example'><error type='cancel'><service-unavailable xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>"}
{"time": "2026-12-07T10:00:02.000Z", "direction": "sent", "xml": "<iq type='get' id='p2' from='comp.example' to='example.org'><ping xmlns='urn:xmpp:ping'/></iq>"}
{"time": "2026-12-07T10:01:00.000Z", "direction": "sent", "xml": "<?xml version='1.0'?><stream:stream xmlns='jabber:component:accept' xmlns:stream='http://etherx.jabber.org/streams' to='comp.example'>"}
{"time": "2026-12-07T10:01:00.100Z", "direction": "sent", "xml": "<iq type='get' id='p2' from='comp.example' to='example.org'><ping xmlns='urn:xmpp:ping'/></iq>"}
{"time": "2026-12-07T10:01:00.105Z", "direction": "received", "xml": "<iq type='result' id='p2' from='example.org' to='comp.example'/>"}
)"_ba);
    QProcess read;
    read.start(cliPath(), {u"--read"_s, path, u"--filter"_s, u"type == result or type == error"_s});
    QVERIFY(read.waitForFinished(15000));
    QCOMPARE(read.exitCode(), 0);
    const QList<QByteArray> lines = read.readAllStandardOutput().trimmed().split('\n');
    QCOMPARE(lines.size(), 3); // filtered out, the requests still paired
    QVERIFY2(lines.at(0).endsWith("[auto, result in 3 ms]"), lines.at(0).constData());
    QVERIFY2(lines.at(1).endsWith("[error service-unavailable in 12 ms]"), lines.at(1).constData());
    // A new stream is a new connection: the id asked again there pairs with its own request, not with
    // the one left unanswered before the reconnect.
    QVERIFY2(lines.at(2).endsWith("[result in 5 ms]"), lines.at(2).constData());
}

void TestCli::aFilterThatGivesUpSaysSo()
{
    // A regular expression that backtracks without end gives up on each stanza, which then counts as
    // not matching: "0 of 300 stanzas match" alone read as if none could.
    QByteArray log;
    for (int i = 0; i < 300; ++i)
        log += R"({"time": "2026-12-07T10:00:00.000Z", "direction": "received", "xml": "<message id='m)" +
               QByteArray::number(i) + "'><body>" + QByteArray(40, 'a') + "!</body></message>\"}\n";
    const QString path = writeFile(u"backtracking.jsonl"_s, log);
    QProcess read;
    read.start(cliPath(), {u"--read"_s, path, u"--filter"_s, u"kind == message and body ~ '(a+)+$'"_s});
    QVERIFY(read.waitForFinished(15000));
    QCOMPARE(read.exitCode(), 0);
    QVERIFY(read.readAllStandardOutput().isEmpty());
    // At the first stanza given up on, and at the end with what it came to: twice, not once a stanza.
    QCOMPARE(read.readAllStandardError(),
             "xcm-cli: warning: --filter: 1:29: the regular expression gave up (too much backtracking) on "
             "stanzas that count as not matching: 1 so far\n"
             "xcm-cli: warning: --filter: 1:29: the regular expression needs too much backtracking: it gave "
             "up on 100 stanzas and is no longer tried (simplify it)\n"
             "xcm-cli: 0 of 300 stanzas match\n");

    // A filter that never gives up says nothing of the kind.
    QProcess plain;
    plain.start(cliPath(), {u"--read"_s, path, u"--filter"_s, u"body ~ 'a!'"_s});
    QVERIFY(plain.waitForFinished(15000));
    QCOMPARE(plain.readAllStandardError(), "xcm-cli: 300 of 300 stanzas match\n");
}

void TestCli::filterAndRulesAreCheckedBeforeConnecting_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("rulesFile"); // written to rules.xml when not empty
    QTest::addColumn<QByteArray>("says");
    QTest::newRow("filter without a value after ==")
        << QStringList{u"--filter"_s, u"kind == iq and type =="_s} << QByteArray()
        << QByteArray("--filter: 1:23: expected a value after '=='");
    QTest::newRow("filter with an unknown field")
        << QStringList{u"--filter"_s, u"frm == a@b"_s} << QByteArray()
        << QByteArray("--filter: 1:1: unknown field 'frm' (did you mean 'from'?)");
    QTest::newRow("rules: a wrong match") << QStringList{u"--rules"_s}
                                          << QByteArray("<rules xmlns='urn:xcm:rules:1'>\n"
                                                        "  <rule name='echo' match='kind =='>\n"
                                                        "    <message to='{from}'><body>x</body></message>\n"
                                                        "  </rule>\n</rules>\n")
                                          << QByteArray("rules.xml:2:");
    QTest::newRow("rules: an unknown placeholder")
        << QStringList{u"--rules"_s}
        << QByteArray("<rules xmlns='urn:xcm:rules:1'><rule name='echo' match='kind == message'>"
                      "<message to='{frm}'><body>x</body></message></rule></rules>")
        << QByteArray("did you mean {from}?");
    QTest::newRow("rules: no such file")
        << QStringList{u"--rules"_s, u"/nonexistent/rules.xml"_s} << QByteArray() << QByteArray("--rules: ");
    QTest::newRow("reply rule in proxy mode")
        << QStringList{u"--proxy"_s, u"--rules"_s}
        << QByteArray("<rules xmlns='urn:xcm:rules:1'><rule name='echo' match='kind == message'>"
                      "<message from='{to}' to='{from}'/></rule></rules>")
        << QByteArray("rules.xml: rule 'echo' is a reply rule: in proxy mode the component answers");
    QTest::newRow("reply from another domain")
        << QStringList{u"--rules"_s}
        << QByteArray("<rules xmlns='urn:xcm:rules:1'><rule name='echo' match='kind == message'>"
                      "<message from='bot@elsewhere.example' to='{from}'/></rule></rules>")
        << QByteArray("rules.xml: rule 'echo' answers from bot@elsewhere.example, not from an address on "
                      "comp.example");
    // Loaded without a word, then "reply not sent" at every match; the window's rule dialog refuses it.
    QTest::newRow("reply without from")
        << QStringList{u"--rules"_s}
        << QByteArray("<rules xmlns='urn:xcm:rules:1'><rule name='e' match='kind == message'>"
                      "<message to='{from}' type='chat'><body>echo</body></message></rule></rules>")
        << QByteArray(
               "rules.xml: rule 'e': its reply, filled from a sample message: the stanza has no 'from' "
               "address");
    QTest::newRow("fault rule without proxy")
        << QStringList{u"--rules"_s}
        << QByteArray("<rules xmlns='urn:xcm:rules:1'><rule name='lose' match='kind == message' "
                      "action='drop'/></rules>")
        << QByteArray("rules.xml: rule 'lose' is a drop rule: fault rules act only with --proxy");
}

void TestCli::filterAndRulesAreCheckedBeforeConnecting()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, rulesFile);
    QFETCH(QByteArray, says);
    QTemporaryDir dir;
    if (!rulesFile.isEmpty()) {
        QFile file(dir.filePath(u"rules.xml"_s));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(rulesFile);
        file.close();
        arguments.insert(arguments.indexOf(u"--rules"_s) + 1, file.fileName());
    }
    QProcess cli;
    cli.setProcessEnvironment(environmentWithSecret(u"x"_s));
    // Port 9 (discard): nothing is listening, so a run that got as far as connecting would say so.
    cli.start(cliPath(), QStringList{u"--domain"_s, u"comp.example"_s, u"--port"_s, u"9"_s} + arguments);
    QVERIFY(finishes(cli));
    QCOMPARE(cli.exitCode(), 1);
    const QByteArray errors = cli.readAllStandardError();
    QVERIFY2(errors.contains(says), errors.constData());
    QVERIFY2(!errors.contains("connect"), errors.constData());
    // Once, as the session says it: not again by the library's log, which is off without --verbose.
    QCOMPARE(errors.count('\n'), 2); // the problem and "Try 'xcm-cli --help'."
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
