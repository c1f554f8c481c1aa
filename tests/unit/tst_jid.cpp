// SPDX-License-Identifier: GPL-3.0-or-later
#include "jid.h"

#include <QTest>

using namespace Qt::StringLiterals;
using xcm::Jid;

class TestJid : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parse_data();
    void parse();
    void invalid_data();
    void invalid();
    void domainValidation();
};

void TestJid::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("local");
    QTest::addColumn<QString>("domain");
    QTest::addColumn<QString>("resource");
    QTest::newRow("domain") << u"comp.example"_s << QString() << u"comp.example"_s << QString();
    QTest::newRow("bare") << u"bot@comp.example"_s << u"bot"_s << u"comp.example"_s << QString();
    QTest::newRow("full") << u"bot@comp.example/res"_s << u"bot"_s << u"comp.example"_s << u"res"_s;
    QTest::newRow("resource with @ and /") << u"a@b/c@d/e"_s << u"a"_s << u"b"_s << u"c@d/e"_s;
    QTest::newRow("domain lowercased") << u"Bot@Comp.Example"_s << u"Bot"_s << u"comp.example"_s << QString();
    QTest::newRow("unicode") << u"jürgen@exämple.de"_s << u"jürgen"_s << u"exämple.de"_s << QString();
    QTest::newRow("ipv6 literal") << u"[::1]"_s << QString() << u"[::1]"_s << QString();
}

void TestJid::parse()
{
    QFETCH(QString, text);
    QFETCH(QString, local);
    QFETCH(QString, domain);
    QFETCH(QString, resource);
    QString error;
    const Jid jid = Jid::parse(text, &error);
    QVERIFY2(jid.isValid(), qPrintable(error));
    QCOMPARE(jid.local(), local);
    QCOMPARE(jid.domain(), domain);
    QCOMPARE(jid.resource(), resource);
    QCOMPARE(Jid::parse(jid.full()), jid);
}

void TestJid::invalid_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("reason");
    QTest::newRow("empty") << QString() << u"empty"_s;
    QTest::newRow("empty local") << u"@comp.example"_s << u"before '@'"_s;
    QTest::newRow("empty domain") << u"bot@"_s << u"domain is empty"_s;
    QTest::newRow("empty resource") << u"bot@comp.example/"_s << u"after '/'"_s;
    QTest::newRow("space in domain") << u"bot@comp example"_s << u"space"_s;
    QTest::newRow("quote in local") << u"b'ot@comp.example"_s << u"'''"_s;
    QTest::newRow("two @") << u"a@b@c"_s << u"'@'"_s;
    QTest::newRow("empty label") << u"bot@comp..example"_s << u"empty label"_s;
    QTest::newRow("long local") << QString(1024, u'a') + u"@x"_s << u"1023"_s;
}

void TestJid::invalid()
{
    QFETCH(QString, text);
    QFETCH(QString, reason);
    QString error;
    QVERIFY(!Jid::parse(text, &error).isValid());
    QVERIFY2(error.contains(reason), qPrintable(error));
}

void TestJid::domainValidation()
{
    QVERIFY(Jid::isValidDomain(u"comp.localhost"));
    QString error;
    QVERIFY(!Jid::isValidDomain(u"bot@comp", &error));
    QVERIFY(error.contains(u"'@'"));
    QVERIFY(!Jid::isValidDomain(u"", &error));
}

QTEST_GUILESS_MAIN(TestJid)
#include "tst_jid.moc"
