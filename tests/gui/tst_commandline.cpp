// SPDX-License-Identifier: GPL-3.0-or-later
// The real xcm binary's command line (run inside tests/run-with-keychain, so the secrets imported here
// go to a throwaway keychain). Profiles point at a listening socket in this process: a connection
// attempt by the app shows up there.
#include "manpage.h"
#include "prerequisite.h"

#include <QFile>
#include <QHostAddress>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestCommandLine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void knownProfileConnects();
    void unknownProfileRefusesWithTheNames_data();
    void unknownProfileRefusesWithTheNames();
    void paletteAndLanguage_data();
    void paletteAndLanguage();
    void opensSavedLogsGivenAsArguments();
    void manPageNamesEveryOptionOfHelp();

private:
    QString writeProfile(const QString &name, const QString &domain);

    QString m_xcm;
    QProcessEnvironment m_environment;
    QTemporaryDir m_inputs;
    QTcpServer m_listener;
};

void TestCommandLine::initTestCase()
{
    XCM_REQUIRE_PREREQUISITE(
        !qEnvironmentVariableIsEmpty("XCM_TEST_KEYRING_PASSWORD"),
        u"run through tests/run-with-keychain: this test writes settings and keychain entries to HOME"_s);
    m_xcm = qEnvironmentVariable("XCM_GUI");
    QVERIFY2(QFile::exists(m_xcm), "XCM_GUI must name the xcm binary");
    QVERIFY(m_inputs.isValid());
    QVERIFY(m_listener.listen(QHostAddress::LocalHost));
    m_environment = QProcessEnvironment::systemEnvironment();
    m_environment.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);

    QProcess import;
    import.setProcessEnvironment(m_environment);
    import.start(m_xcm,
                 {u"--import-profile"_s, writeProfile(u"Alpha"_s, u"alpha.localhost"_s),
                  u"--import-profile"_s, writeProfile(u"Beta"_s, u"beta.localhost"_s), u"--import-only"_s});
    QVERIFY(import.waitForFinished(30000));
    QVERIFY2(import.exitCode() == 0, import.readAllStandardError().constData());
}

QString TestCommandLine::writeProfile(const QString &name, const QString &domain)
{
    QFile secret(m_inputs.filePath(name + u".secret"_s));
    if (!secret.open(QIODevice::WriteOnly))
        return {};
    secret.write("not-checked-here\n");
    secret.close();
    secret.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    QFile profile(m_inputs.filePath(name + u".profile"_s));
    if (!profile.open(QIODevice::WriteOnly))
        return {};
    profile.write(u"name=%1\nhost=127.0.0.1\nport=%2\ndomain=%3\nsecret-file=%4\n"_s.arg(name)
                      .arg(m_listener.serverPort())
                      .arg(domain, secret.fileName())
                      .toUtf8());
    return profile.fileName();
}

// The positive control for the test below: a profile that exists is opened and connected (and stays
// the selected one for the next start).
void TestCommandLine::knownProfileConnects()
{
    QProcess app;
    app.setProcessEnvironment(m_environment);
    app.start(m_xcm, {u"--profile"_s, u"beta"_s, u"--connect"_s});
    QVERIFY(app.waitForStarted(10000));
    const bool connected = m_listener.waitForNewConnection(30000);
    if (QTcpSocket *socket = m_listener.nextPendingConnection()) {
        const QByteArray header = socket->waitForReadyRead(10000) ? socket->readAll() : QByteArray();
        QVERIFY2(header.contains("to='beta.localhost'"), header.constData());
        delete socket;
    }
    app.terminate();
    QVERIFY(app.waitForFinished(10000));
    QVERIFY2(connected, app.readAllStandardError().constData());
}

void TestCommandLine::unknownProfileRefusesWithTheNames_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("only a typo") << QStringList{u"--profile"_s, u"Btea"_s, u"--connect"_s};
    QTest::newRow("a typo beside a profile")
        << QStringList{u"--profile"_s, u"Alpha"_s, u"--profile"_s, u"Btea"_s, u"--connect"_s};
}

void TestCommandLine::unknownProfileRefusesWithTheNames()
{
    QFETCH(QStringList, arguments);
    QProcess app;
    app.setProcessEnvironment(m_environment);
    app.start(m_xcm, arguments);
    // Before the fix this opened the window and connected the selected profile (Beta) instead.
    QVERIFY2(app.waitForFinished(30000), "xcm kept running after an unknown --profile");
    const QByteArray errors = app.readAllStandardError();
    QCOMPARE(app.exitStatus(), QProcess::NormalExit);
    QVERIFY2(app.exitCode() == 1, errors.constData()); // the README: "exits with status 1"
    QVERIFY2(errors.contains("no profile called “Btea”"), errors.constData());
    QVERIFY2(errors.contains("the profiles are: “Alpha”, “Beta”"), errors.constData());
    QVERIFY(!m_listener.waitForNewConnection(500)); // nothing else was connected either
}

void TestCommandLine::paletteAndLanguage_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<bool>("dark");
    QTest::addColumn<QString>("menus");
    QTest::addColumn<QString>("qtCancel");
    QTest::newRow("defaults") << QStringList{u"--palette"_s, u"light"_s} << false
                              << u"Profile, Compose, Log, Help"_s << u"Cancel"_s;
    QTest::newRow("dark, German") << QStringList{u"--palette"_s, u"dark"_s, u"--lang"_s, u"de"_s} << true
                                  << u"Profil, Verfassen, Protokoll, Hilfe"_s << u"Abbrechen"_s;
}

void TestCommandLine::paletteAndLanguage()
{
    // The README's --palette dark and --lang de on the installed binary: the window's colour, xcm's own
    // menus and Qt's own buttons (qtbase_de.qm) as the smoke test reports them.
    QFETCH(QStringList, arguments);
    QFETCH(bool, dark);
    QFETCH(QString, menus);
    QFETCH(QString, qtCancel);
    QProcess app;
    app.setProcessEnvironment(m_environment);
    app.start(m_xcm, arguments << u"--smoke-test"_s);
    QVERIFY(app.waitForFinished(30000));
    const QString output = QString::fromUtf8(app.readAllStandardOutput());
    QVERIFY2(app.exitCode() == 0, qPrintable(output + QString::fromUtf8(app.readAllStandardError())));
    const QRegularExpressionMatch report =
        QRegularExpression(u"window colour (#[0-9a-f]{6}), menus (.*), Qt's Cancel: (.*)\\n"_s).match(output);
    QVERIFY2(report.hasMatch(), qPrintable(output));
    const uint rgb = report.captured(1).mid(1).toUInt(nullptr, 16);
    const uint brightest = std::max({rgb >> 16, (rgb >> 8) & 0xff, rgb & 0xff});
    QCOMPARE(brightest < 0x80, dark); // HSV value: a dark window has no bright channel
    QCOMPARE(report.captured(2), menus);
    QCOMPARE(report.captured(3), qtCancel);
}

void TestCommandLine::opensSavedLogsGivenAsArguments()
{
    // The README's `xcm FILE…`: each file opens read-only (the smoke test reports what each window read).
    QFile saved(m_inputs.filePath(u"capture-test.jsonl"_s));
    QVERIFY(saved.open(QIODevice::WriteOnly));
    saved.write(
        "{\"seq\":1,\"time\":\"2026-12-04T21:14:03.000Z\",\"direction\":\"received\",\"kind\":\"message\","
        "\"error\":false,\"bytes\":45,\"xml\":\"<message id='a' "
        "to='bot.localhost'><body>hi</body></message>\"}\n"
        "not JSON\n"
        "{\"seq\":2,\"time\":\"2026-12-04T21:14:03.100Z\",\"direction\":\"sent\",\"kind\":\"message\","
        "\"error\":false,\"bytes\":30,\"xml\":\"<message id='b' to='a@localhost'/>\"}\n");
    saved.close();
    QProcess app;
    app.setProcessEnvironment(m_environment);
    app.start(m_xcm, {saved.fileName(), u"--smoke-test"_s});
    QVERIFY(app.waitForFinished(30000));
    const QString output = QString::fromUtf8(app.readAllStandardOutput());
    QVERIFY2(app.exitCode() == 0, qPrintable(output + QString::fromUtf8(app.readAllStandardError())));
    QVERIFY2(output.contains(u"saved log capture-test.jsonl: 2 stanzas read · 1 line could not be read"_s),
             qPrintable(output));
}

void TestCommandLine::manPageNamesEveryOptionOfHelp()
{
    QProcess app;
    app.setProcessEnvironment(m_environment);
    app.start(m_xcm, {u"--help"_s});
    QVERIFY(app.waitForFinished(30000));
    const QString help = QString::fromUtf8(app.readAllStandardOutput());
    const QStringList options = xcm::test::optionsInHelp(help);
    QVERIFY2(options.contains(u"--smoke-test"_s), qPrintable(help));
    const QStringList missing = xcm::test::optionsMissingFromManPage(options, u"xcm"_s);
    QVERIFY2(missing.isEmpty(), qPrintable(u"xcm(1) lacks "_s + missing.join(u", "_s)));
}

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_commandline.moc"
