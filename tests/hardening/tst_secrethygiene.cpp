// SPDX-License-Identifier: GPL-3.0-or-later
// Secret hygiene across a whole session: the component's secret and the handshake digest must appear
// nowhere the app writes or shows, in any form we can think of.
//
// 1. The real `xcm` binary: a profile is created with --import-profile (its secret goes to the keychain),
//    then `xcm --profile Alpha --connect --screenshots …` connects, takes traffic, and quits on its own.
//    Its command line and environment are read from /proc while it runs; its stdout and stderr are kept,
//    with every xcm logging category at debug level.
// 2. The real main window in this process, on the same settings and keychain: connect, send a stanza
//    through the compose form (history), export the log (XML and JSON Lines), close the window. Every Qt
//    message is kept.
// 3. Everything is searched: every file under HOME and the XDG dirs (settings, history, caches, keyring
//    files), the exports, both processes' output and messages, /proc/PID/cmdline and environ.
// The digests searched for are the real ones: a proxy between the app and Prosody records each stream id
// and each digest that went over the wire. Positive controls show each place searched held what it
// should (the token, the profile), so an empty search means something.
//
// Runs only inside tests/run-with-keychain: it writes settings and keychain entries to HOME.
#include "composewidget.h"
#include "connectionhelpers.h"
#include "handshake.h"
#include "mainwindow.h"
#include "prerequisite.h"
#include "profilesession.h"
#include "profilestore.h"
#include "prosodyserver.h"
#include "sessionlistmodel.h"
#include "sessionpage.h"
#include "stanzalogview.h"

#include <QApplication>
#include <QComboBox>
#include <QDirIterator>
#include <QLineEdit>
#include <QLoggingCategory>
#include <QProcess>
#include <QPushButton>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace xcm;
using xcm::test::ComponentAccount;
using xcm::test::makeConnection;
using xcm::test::ProsodyServer;
using xcm::test::waitForState;

namespace {

QString randomSecret()
{
    static const char alphabet[] = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    QString secret = u"hyg-"_s;
    for (int i = 0; i < 28; ++i)
        secret += QLatin1Char(alphabet[QRandomGenerator::global()->bounded(int(sizeof alphabet) - 1)]);
    return secret;
}

// Forwards the app's connections to Prosody and notes every stream id the server gives and every
// digest the app sends.
class RecordingProxy : public QObject
{
public:
    explicit RecordingProxy(quint16 target)
        : m_target(target)
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *app = m_server.nextPendingConnection()) {
                auto *server = new QTcpSocket(app);
                auto *fromServer = new QByteArray;
                auto *fromApp = new QByteArray;
                connect(app, &QObject::destroyed, [fromServer, fromApp] {
                    delete fromServer;
                    delete fromApp;
                });
                connect(server, &QTcpSocket::readyRead, app, [this, app, server, fromServer] {
                    const QByteArray bytes = server->readAll();
                    *fromServer += bytes;
                    toApp += bytes;
                    app->write(bytes);
                    static const QRegularExpression id(uR"(<stream:stream[^>]*\sid=['"]([^'"]+)['"])"_s);
                    const auto match = id.match(QString::fromUtf8(*fromServer));
                    if (match.hasMatch() && !streamIds.contains(match.captured(1)))
                        streamIds.append(match.captured(1));
                });
                connect(app, &QTcpSocket::readyRead, server, [this, app, server, fromApp] {
                    const QByteArray bytes = app->readAll();
                    *fromApp += bytes;
                    wire += bytes;
                    server->write(bytes);
                    static const QRegularExpression handshake(
                        uR"(<handshake>([0-9a-fA-F]{40})</handshake>)"_s);
                    const auto match = handshake.match(QString::fromUtf8(*fromApp));
                    if (match.hasMatch() && !digests.contains(match.captured(1).toUtf8()))
                        digests.append(match.captured(1).toUtf8());
                });
                connect(server, &QTcpSocket::disconnected, app, &QTcpSocket::disconnectFromHost);
                connect(app, &QTcpSocket::disconnected, server, &QTcpSocket::disconnectFromHost);
                connect(app, &QTcpSocket::disconnected, app, &QObject::deleteLater);
                server->connectToHost(QHostAddress::LocalHost, m_target);
            }
        });
    }
    bool listen() { return m_server.listen(QHostAddress::LocalHost); }
    quint16 port() const { return m_server.serverPort(); }

    QStringList streamIds;
    QList<QByteArray> digests;
    QByteArray wire;  // everything the app sent
    QByteArray toApp; // everything the server sent the app

private:
    QTcpServer m_server;
    quint16 m_target;
};

QStringList qtMessages;

void keepMessage(QtMsgType, const QMessageLogContext &context, const QString &message)
{
    qtMessages.append(QString::fromLatin1(context.category ? context.category : "default") + u": "_s +
                      message);
}

QByteArray readAllFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// /proc/PID/cmdline and environ: arguments and variables separated by NULs.
QByteArray processIdentity(qint64 pid)
{
    const QString base = u"/proc/%1/"_s.arg(pid);
    return readAllFile(base + u"cmdline"_s) + '\n' + readAllFile(base + u"environ"_s);
}

} // namespace

class TestSecretHygiene : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void wholeSessionLeavesNoSecret();

private:
    void runBinaryPart();
    void runWindowPart();

    std::unique_ptr<ProsodyServer> m_server;
    std::unique_ptr<RecordingProxy> m_proxy;
    ComponentAccount m_alpha;
    ComponentAccount m_beta;
    QTemporaryDir m_work; // exports, screenshots, captured output: searched, not inside HOME
    QString m_token;
    // Where to look, by name (file path or "stdout of …").
    QList<std::pair<QString, QByteArray>> m_places;
};

void TestSecretHygiene::initTestCase()
{
    XCM_REQUIRE_PREREQUISITE(
        !qEnvironmentVariableIsEmpty("XCM_TEST_KEYRING_PASSWORD"),
        u"run through tests/run-with-keychain: this test writes settings and keychain entries to HOME"_s);
    QVERIFY2(QFile::exists(qEnvironmentVariable("XCM_GUI")), "XCM_GUI must name the xcm binary");
    QString why;
    if (!ProsodyServer::available(&why))
        QFAIL(qPrintable(u"Prosody is required: "_s + why));
    m_alpha = {u"alpha.localhost"_s, randomSecret()};
    m_beta = {u"beta.localhost"_s, randomSecret()};
    m_server = std::make_unique<ProsodyServer>(QList<ComponentAccount>{m_alpha, m_beta});
    QVERIFY2(m_server->start(&why), qPrintable(why));
    m_proxy = std::make_unique<RecordingProxy>(m_server->componentPort());
    QVERIFY(m_proxy->listen());
    m_token = u"token-"_s + randomSecret().mid(4, 12);
    // The same settings and data locations as the binary.
    QApplication::setOrganizationName(u"xcm"_s);
    QApplication::setApplicationName(u"xcm"_s);
}

void TestSecretHygiene::cleanupTestCase()
{
    if (m_server)
        m_server->stop();
}

void TestSecretHygiene::runBinaryPart()
{
    const QString xcm = qEnvironmentVariable("XCM_GUI");
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    environment.insert(u"QT_LOGGING_RULES"_s, u"xcm.*.debug=true"_s);

    // The profile, with its secret in a file only the owner can read; the file goes once imported.
    {
        QTemporaryDir inputs;
        QFile secretFile(inputs.filePath(u"secret"_s));
        QVERIFY(secretFile.open(QIODevice::WriteOnly));
        secretFile.write(m_alpha.secret.toUtf8() + '\n');
        secretFile.close();
        secretFile.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
        QFile profile(inputs.filePath(u"alpha.profile"_s));
        QVERIFY(profile.open(QIODevice::WriteOnly));
        profile.write(
            u"name=Alpha\nhost=127.0.0.1\nport=%1\ndomain=%2\nsecret-file=%3\n"_s.arg(m_proxy->port())
                .arg(m_alpha.domain, secretFile.fileName())
                .toUtf8());
        profile.close();
        QProcess import;
        import.setProcessEnvironment(environment);
        import.start(xcm, {u"--import-profile"_s, profile.fileName(), u"--import-only"_s});
        QVERIFY(import.waitForFinished(30000));
        const QByteArray out = import.readAllStandardOutput();
        const QByteArray err = import.readAllStandardError();
        QVERIFY2(import.exitCode() == 0, err.constData()); // 3: no keychain
        QVERIFY2(err.contains("secret stored in the keychain"), err.constData());
        m_places.append({u"stdout of xcm --import-profile"_s, out});
        m_places.append({u"stderr of xcm --import-profile"_s, err});
    }

    // Beta, connected directly, sends alpha traffic once alpha is in.
    const auto beta = makeConnection(*m_server, m_beta);
    beta->connectToServer();
    QVERIFY(waitForState(*beta, ConnectionState::Connected));

    QProcess app;
    app.setProcessEnvironment(environment);
    app.start(xcm,
              {u"--profile"_s, u"Alpha"_s, u"--connect"_s, u"--screenshots"_s, m_work.filePath(u"shot"_s)});
    QVERIFY(app.waitForStarted(10000));
    QVERIFY2(QTest::qWaitFor([&] { return !m_proxy->digests.isEmpty(); }, 30000),
             app.readAllStandardError().constData());
    m_places.append({u"/proc/PID/cmdline and environ of xcm --connect"_s, processIdentity(app.processId())});
    // The server's answer to the handshake: messages sent before it would bounce, not reach the app.
    QTRY_VERIFY_WITH_TIMEOUT(m_proxy->toApp.contains("<handshake/>"), 10000);
    for (int i = 0; i < 10; ++i) {
        QCOMPARE(beta->send(u"<message from='b@beta.localhost' to='bot@alpha.localhost' id='t%1'><body>%2 %1"
                            "</body></message>"_s.arg(i)
                                .arg(m_token)
                                .toUtf8()),
                 QString());
    }
    // Not app.waitForFinished(): it would block this event loop, and with it the recording proxy that
    // carries the messages to the app.
    QVERIFY2(QTest::qWaitFor([&] { return app.state() == QProcess::NotRunning; }, 60000),
             "xcm --screenshots did not quit by itself");
    QCOMPARE(app.exitStatus(), QProcess::NormalExit);
    const QByteArray out = app.readAllStandardOutput();
    const QByteArray err = app.readAllStandardError();
    QVERIFY2(app.exitCode() == 0, err.constData());
    // Positive controls: the 10 token messages reached the app, which connected through the proxy and
    // logged it.
    for (int i = 0; i < 10; ++i)
        QVERIFY2(m_proxy->toApp.contains((m_token + u' ' + QString::number(i) + u"</body>"_s).toUtf8()),
                 qPrintable(u"token message %1 never reached the app"_s.arg(i)));
    QVERIFY2(err.contains("xcm.connection"), err.constData());
    QVERIFY2(out.contains("shot-main.png"), out.constData());
    // It connected twice: the screenshots reconnect before the connection timeline's.
    QCOMPARE(m_proxy->digests.size(), 2);
    m_places.append({u"stdout of xcm --connect"_s, out});
    m_places.append({u"stderr of xcm --connect"_s, err});
    beta->disconnectFromServer();
}

void TestSecretHygiene::runWindowPart()
{
    qtMessages.clear();
    QLoggingCategory::setFilterRules(u"xcm.*.debug=true"_s);
    const QtMessageHandler previous = qInstallMessageHandler(keepMessage);
    {
        MainWindow window;
        window.resize(1200, 800);
        window.show();
        QVERIFY(window.selectProfileByName(u"Alpha"_s)); // made by the binary, read from the settings
        ProfileSession *session = window.currentSession();
        session->connectToServer(); // the secret comes from the keychain
        QVERIFY2(QTest::qWaitFor([&] { return session->state() == ConnectionState::Connected; }, 20000),
                 qPrintable(session->connection()->lastReason().toString()));
        QTRY_COMPARE_WITH_TIMEOUT(m_proxy->digests.size(), 3, 5000);

        // A stanza through the compose form: it also lands in the history.
        ComposeWidget *compose = window.currentPage()->compose();
        compose->applyTemplate(StanzaTemplate::MessageChat);
        compose->setFromLocalPart(u"bot"_s);
        compose->setTo(u"someone@beta.localhost"_s);
        compose->setXml(compose->xml().replace(u"Hello from xcm"_s, m_token));
        QVERIFY2(compose->xml().contains(m_token), qPrintable(compose->xml()));
        QVERIFY2(compose->canSend(), qPrintable(compose->problem()));
        auto *sendButton = compose->findChild<QPushButton *>(u"sendButton"_s);
        QVERIFY(sendButton);
        QTest::mouseClick(sendButton, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(m_proxy->wire.contains(m_token.toUtf8()), 10000);

        StanzaLogView *view = window.currentPage()->logView();
        for (const auto &[name, shownOnly] :
             {std::pair{u"alpha.xmllog"_s, false}, {u"alpha.jsonl"_s, true}}) {
            QSignalSpy exported(view, &StanzaLogView::exportFinished);
            QVERIFY(view->exportTo(m_work.filePath(name), shownOnly));
            QTRY_COMPARE(exported.count(), 1);
            QVERIFY(exported.last().at(0).toBool());
        }
        session->disconnectFromServer();
        QTRY_COMPARE_WITH_TIMEOUT(session->state(), ConnectionState::Disconnected, 5000);
        window.close();
    } // the window and its sessions are gone: settings and history written
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    qInstallMessageHandler(previous);
    QLoggingCategory::setFilterRules({});
    QVERIFY(!qtMessages.isEmpty());
    m_places.append({u"Qt messages of the main window"_s, qtMessages.join(u'\n').toUtf8()});
    m_places.append({u"/proc/self/cmdline and environ (main window)"_s,
                     processIdentity(QCoreApplication::applicationPid())});
}

void TestSecretHygiene::wholeSessionLeavesNoSecret()
{
    runBinaryPart();
    if (QTest::currentTestFailed())
        return;
    runWindowPart();
    if (QTest::currentTestFailed())
        return;

    // What went over the wire is the reference: one digest per connection, each SHA-1(id + secret).
    QCOMPARE(m_proxy->digests.size(), 3);
    for (const QByteArray &digest : std::as_const(m_proxy->digests)) {
        const bool matches =
            std::any_of(m_proxy->streamIds.cbegin(), m_proxy->streamIds.cend(),
                        [&](const QString &id) { return handshakeDigest(id, m_alpha.secret) == digest; });
        QVERIFY2(matches, digest.constData());
    }

    // Every file under HOME and the XDG dirs, and what this test kept apart.
    QStringList roots = {QDir::homePath(), m_work.path()};
    for (const char *variable : {"XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"}) {
        if (!qEnvironmentVariableIsEmpty(variable))
            roots.append(qEnvironmentVariable(variable));
    }
    for (const QString &root : std::as_const(roots)) {
        QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            m_places.append({path, readAllFile(path)});
        }
    }

    // What to look for: the secret as text, hex, base64 (and URL-safe), and each digest in either case.
    const QByteArray secret = m_alpha.secret.toUtf8();
    QList<std::pair<QByteArray, QByteArray>> needles = {
        {"the secret", secret},
        {"the secret in hex", secret.toHex()},
        {"the secret in base64", secret.toBase64(QByteArray::OmitTrailingEquals)},
        {"the secret in base64url",
         secret.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals)},
        {"the secret in UTF-16",
         QByteArray(reinterpret_cast<const char *>(m_alpha.secret.utf16()), m_alpha.secret.size() * 2)},
    };
    for (const QByteArray &digest : std::as_const(m_proxy->digests)) {
        needles.append({"a handshake digest", digest.toLower()});
        needles.append({"a handshake digest (upper case)", digest.toUpper()});
    }

    // Positive controls: the search finds a needle where one is, and each kind of place was reached.
    QVERIFY(m_proxy->wire.contains(m_proxy->digests.first()));
    const auto anyPlace = [this](const QString &nameContains, const QByteArray &content) {
        return std::any_of(m_places.cbegin(), m_places.cend(), [&](const auto &place) {
            return place.first.contains(nameContains) && place.second.contains(content);
        });
    };
    QVERIFY2(anyPlace(u"alpha.xmllog"_s, m_token.toUtf8()), "the XML export has the stanza sent");
    QVERIFY2(anyPlace(u"alpha.xmllog"_s, "<handshake>[redacted]</handshake>"),
             "the export has the handshake");
    QVERIFY2(anyPlace(u"alpha.jsonl"_s, m_token.toUtf8()), "the JSON Lines export has the stanza sent");
    QVERIFY2(anyPlace(QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation),
                      m_alpha.domain.toUtf8()),
             "the settings (with the profile) are among the files searched");
    QVERIFY2(
        anyPlace(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + u"/xcm/history/"_s,
                 m_token.toUtf8()),
        "the compose history (with the token) is among the files searched");
    QVERIFY2(anyPlace(u"stderr of xcm --connect"_s, "xcm.connection"), "the core log was captured");
    QVERIFY2(anyPlace(u"Qt messages"_s, "xcm.connection"), "the core log was captured in process");
    QVERIFY2(anyPlace(u"cmdline and environ of xcm --connect"_s, "--connect"), "the command line was read");

    QStringList leaks;
    for (const auto &[name, content] : std::as_const(m_places)) {
        qInfo("searched %s (%lld bytes)", qPrintable(name), qint64(content.size()));
        for (const auto &[what, needle] : std::as_const(needles)) {
            if (content.contains(needle))
                leaks.append(QString::fromUtf8(what) + u" in "_s + name);
        }
    }
    qInfo("%d places searched for %d forms of the secret and the %d digests", int(m_places.size()),
          int(needles.size()) - 2 * int(m_proxy->digests.size()), int(m_proxy->digests.size()));
    QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(u"\n"_s)));
}

QTEST_MAIN(TestSecretHygiene)
#include "tst_secrethygiene.moc"
