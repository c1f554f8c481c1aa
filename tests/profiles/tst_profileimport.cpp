// SPDX-License-Identifier: GPL-3.0-or-later
// ProfileImport's proxy fields: mode, listen address and port, the component's own secret.
#include "profileimport.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace xcm;
using namespace Qt::StringLiterals;

class TestProfileImport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void proxyFields_data();
    void proxyFields();
};

void TestProfileImport::proxyFields_data()
{
    QTest::addColumn<QString>("extra");
    QTest::addColumn<QString>("error"); // a part of it; empty: read fine
    QTest::addColumn<bool>("proxy");
    QTest::addColumn<QString>("listenAddress");
    QTest::addColumn<int>("listenPort");
    QTest::addColumn<QString>("componentSecret");

    QTest::newRow("component by default")
        << QString() << QString() << false << u"127.0.0.1"_s << 0 << QString();
    QTest::newRow("proxy with address and port") << u"mode=proxy\nlisten=127.0.0.2:5348\n"_s << QString()
                                                 << true << u"127.0.0.2"_s << 5348 << QString();
    QTest::newRow("proxy with port only")
        << u"mode=proxy\nlisten=5349\n"_s << QString() << true << u"127.0.0.1"_s << 5349 << QString();
    QTest::newRow("component secret")
        << u"mode=proxy\ncomponent-secret=own\n"_s << QString() << true << u"127.0.0.1"_s << 0 << u"own"_s;
    QTest::newRow("component secret file") << u"mode=proxy\ncomponent-secret-file=component.secret\n"_s
                                           << QString() << true << u"127.0.0.1"_s << 0 << u"from-file"_s;
    QTest::newRow("bad mode") << u"mode=relay\n"_s << u"mode is component or proxy"_s << false << QString()
                              << 0 << QString();
    QTest::newRow("bad listen") << u"mode=proxy\nlisten=host:x\n"_s << u"listen is [address:]port"_s << false
                                << QString() << 0 << QString();
    QTest::newRow("listen without proxy")
        << u"listen=5348\n"_s << u"belong to mode=proxy"_s << false << QString() << 0 << QString();
}

void TestProfileImport::proxyFields()
{
    QFETCH(QString, extra);
    QFETCH(QString, error);
    QFETCH(bool, proxy);
    QFETCH(QString, listenAddress);
    QFETCH(int, listenPort);
    QFETCH(QString, componentSecret);

    QTemporaryDir dir;
    QFile secretFile(dir.filePath(u"component.secret"_s));
    QVERIFY(secretFile.open(QIODevice::WriteOnly));
    secretFile.write("from-file\n");
    secretFile.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    secretFile.close();
    QFile profile(dir.filePath(u"demo.profile"_s));
    QVERIFY(profile.open(QIODevice::WriteOnly));
    profile.write((u"name=Demo proxy\ndomain=echo.localhost\nport=5347\nsecret=s\n"_s + extra).toUtf8());
    profile.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    profile.close();

    const ProfileImport::Result result = ProfileImport::readFile(profile.fileName());
    if (!error.isEmpty()) {
        QVERIFY2(result.error.contains(error), qPrintable(result.error));
        return;
    }
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.profile.isProxy(), proxy);
    QCOMPARE(result.profile.listenAddress, listenAddress);
    QCOMPARE(int(result.profile.listenPort), listenPort);
    QCOMPARE(result.componentSecret, componentSecret);
    QCOMPARE(result.profile.separateComponentSecret, !componentSecret.isEmpty());
    QCOMPARE(result.secret, u"s"_s);
    QVERIFY(result.warnings.isEmpty());
}

QTEST_GUILESS_MAIN(TestProfileImport)
#include "tst_profileimport.moc"
