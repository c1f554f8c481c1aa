// SPDX-License-Identifier: GPL-3.0-or-later
// What a profile, a profile file or xcm-cli --host accepts as the server to connect to.
#include "hostname.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace xcm;

class TestHostName : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void valid_data();
    void valid();
    void invalid_data();
    void invalid();
};

void TestHostName::valid_data()
{
    QTest::addColumn<QString>("host");
    QTest::newRow("name") << u"localhost"_s;
    QTest::newRow("dotted") << u"xmpp.example.org"_s;
    QTest::newRow("fully qualified") << u"xmpp.example.org."_s;
    QTest::newRow("digits and dashes") << u"node-01.eu-west.example"_s;
    QTest::newRow("underscore") << u"_xmpp-component.example.org"_s;
    QTest::newRow("ipv4") << u"127.0.0.1"_s;
    QTest::newRow("ipv6") << u"::1"_s;
    QTest::newRow("internationalised") << u"bücher.example"_s;
}

void TestHostName::valid()
{
    QFETCH(QString, host);
    QString error;
    QVERIFY2(HostName::isValid(host, &error), qPrintable(error));
}

void TestHostName::invalid_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("reason");
    QTest::newRow("empty") << QString() << u"empty"_s;
    QTest::newRow("space") << u"bad host"_s << u"space"_s;
    QTest::newRow("punctuation") << u"bad!"_s << u"“!” is not allowed"_s;
    QTest::newRow("an address with its port")
        << u"example.org:5347"_s << u"“:5347” looks like a port: give it on its own"_s;
    QTest::newRow("two colons") << u"a:b:c"_s << u"“:” is not allowed"_s;
    QTest::newRow("a URL") << u"xmpp://example.org"_s << u"is not allowed"_s;
    QTest::newRow("two dots") << u"example..org"_s << u"empty label"_s;
    QTest::newRow("leading dot") << u".example.org"_s << u"empty label"_s;
    QTest::newRow("dash at an end") << u"-example.org"_s << u"starts or ends with “-”"_s;
    QTest::newRow("long label") << QString(64, u'a') + u".org"_s << u"longer than 63"_s;
    QTest::newRow("long name") << QString(QString(60, u'a') + u'.').repeated(5) + u"org"_s
                               << u"longer than 253"_s;
}

void TestHostName::invalid()
{
    QFETCH(QString, host);
    QFETCH(QString, reason);
    QString error;
    QVERIFY(!HostName::isValid(host, &error));
    QVERIFY2(error.contains(reason), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestHostName)
#include "tst_hostname.moc"
