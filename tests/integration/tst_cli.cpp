// SPDX-License-Identifier: GPL-3.0-or-later
#include "componentconnection.h"
#include "prosodyserver.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace xcm;
using xcm::test::ComponentAccount;
using xcm::test::ProsodyServer;

namespace {

const ComponentAccount cliAccount{u"cli.localhost"_s, u"cli-secret-7f3a"_s};
const ComponentAccount peerAccount{u"peer.localhost"_s, u"peer-secret-91b2"_s};

QString cliPath()
{
    return qEnvironmentVariable("XCM_CLI");
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
    void tailPrintsTrafficAndStopsOnSigint();
    void pingPrintsRoundTrip();
    void sendFromFileReachesThePeer();
    void sendFromStandardInput();
    void badStanzaFileFailsBeforeConnecting();
    void wrongSecretExitsWithAuthenticationCode();
    void refusedPortExitsWithNetworkCode();

private:
    QStringList baseArguments(const ComponentAccount &account) const;
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
    auto peer = std::make_unique<ComponentConnection>();
    ConnectionSettings settings;
    settings.port = m_server->componentPort();
    settings.domain = peerAccount.domain;
    settings.reconnect.enabled = false;
    peer->setSettings(settings);
    peer->setSecret(peerAccount.secret);
    connect(peer.get(), &ComponentConnection::stanzaReceived, this, [messages](const Stanza &stanza) {
        if (stanza.kind() == StanzaKind::Message)
            messages->append(stanza);
    });
    peer->connectToServer();
    if (!QTest::qWaitFor([&] { return peer->state() == ConnectionState::Connected; }, 10000))
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
          u"--tls"_s, u"Exit codes"_s, u"3 authentication"_s})
        QVERIFY2(help.contains(needle), qPrintable(needle));
}

void TestCli::secretIsNeverAnArgument()
{
    QProcess cli;
    cli.start(cliPath(), baseArguments(cliAccount) << u"--secret"_s << cliAccount.secret);
    QVERIFY(cli.waitForFinished(10000));
    QCOMPARE(cli.exitCode(), 1);
    QVERIFY(cli.readAllStandardError().contains("Unknown option 'secret'"));
}

void TestCli::tailPrintsTrafficAndStopsOnSigint()
{
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

    ::kill(pid_t(cli.processId()), SIGINT);
    QVERIFY(cli.waitForFinished(10000));
    QCOMPARE(cli.exitStatus(), QProcess::NormalExit);
    QCOMPARE(cli.exitCode(), 0);
    QVERIFY(cli.readAllStandardOutput().contains("OUT </stream:stream>"));
}

void TestCli::pingPrintsRoundTrip()
{
    QProcess cli;
    cli.setProcessEnvironment(environmentWithSecret(cliAccount.secret));
    cli.start(cliPath(), baseArguments(cliAccount)
                             << u"--ping"_s << m_server->serverDomain() << u"--quiet"_s);
    QVERIFY(cli.waitForFinished(15000));
    const QString output = QString::fromUtf8(cli.readAllStandardOutput());
    QCOMPARE(cli.exitCode(), 0);
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
}

void TestCli::refusedPortExitsWithNetworkCode()
{
    QTcpServer reserve;
    QVERIFY(reserve.listen(QHostAddress::LocalHost));
    const quint16 port = reserve.serverPort();
    reserve.close();
    QProcess cli;
    cli.setProcessEnvironment(environmentWithSecret(u"x"_s));
    cli.start(cliPath(), {u"--port"_s, QString::number(port), u"--domain"_s, u"cli.localhost"_s});
    QVERIFY(cli.waitForFinished(15000));
    QCOMPARE(cli.exitCode(), 2);
    QVERIFY(cli.readAllStandardError().contains("connection-refused"));
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
