// SPDX-License-Identifier: GPL-3.0-or-later
#include "jidelider.h"

#include <QTest>

using namespace Qt::StringLiterals;
using xcm::JidElider;

class TestJidElider : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void elide_data();
    void elide();
    void measuredInPixels();
    void domainKept();
};

void TestJidElider::elide_data()
{
    QTest::addColumn<QString>("jid");
    QTest::addColumn<int>("characters");
    QTest::addColumn<QString>("expected");

    const QString full = u"alice@echo.localhost/desk"_s; // 25 characters
    QTest::newRow("fits") << full << 25 << full;
    QTest::newRow("wider than needed") << full << 80 << full;
    QTest::newRow("local part in its middle") << full << 24 << u"al…e@echo.localhost/desk"_s;
    QTest::newRow("local part to its first letter") << full << 22 << u"a…@echo.localhost/desk"_s;
    QTest::newRow("then the resource at its end") << full << 21 << u"a…@echo.localhost/de…"_s;
    QTest::newRow("resource to its slash") << full << 19 << u"a…@echo.localhost/…"_s;
    QTest::newRow("resource gone, domain whole") << full << 18 << u"a…@echo.localhost…"_s;
    QTest::newRow("the first letter stays: the middle") << full << 17 << u"alice@ec…ost/desk"_s;
    QTest::newRow("domain too long: the middle") << full << 16 << u"alice@ec…st/desk"_s;
    QTest::newRow("bare") << u"bot@demo.localhost"_s << 17 << u"b…@demo.localhost"_s;
    QTest::newRow("bare, local in its middle") << u"robot@demo.localhost"_s << 19 << u"ro…t@demo.localhost"_s;
    QTest::newRow("bare, the first letter stays") << u"bot@demo.localhost"_s << 16 << u"bot@demo…calhost"_s;
    QTest::newRow("bare, domain too long") << u"bot@demo.localhost"_s << 15 << u"bot@dem…calhost"_s;
    QTest::newRow("one-letter local part") << u"a@demo.localhost/phone"_s << 19 << u"a@demo.localhost/p…"_s;
    QTest::newRow("no local part: the middle") << u"demo.localhost/resource"_s << 15 << u"demo.lo…esource"_s;
    QTest::newRow("id: the middle") << u"xcm-1a2b3c4d5e6f"_s << 9 << u"xcm-…5e6f"_s;
    QTest::newRow("@ in the resource") << u"bot@demo.localhost/a@b"_s << 21 << u"b…@demo.localhost/a@b"_s;
    QTest::newRow("nothing fits") << full << 0 << u"…"_s;
    QTest::newRow("empty") << QString() << 0 << QString();
}

void TestJidElider::elide()
{
    QFETCH(QString, jid);
    QFETCH(int, characters);
    QFETCH(QString, expected);
    const QString elided = JidElider::elide(jid, characters);
    QCOMPARE(elided, expected);
    QVERIFY(elided.size() <= qMax(characters, 1));
}

void TestJidElider::measuredInPixels()
{
    // A proportional font: wide letters cost more, and the domain still stays whole.
    const auto measure = [](QStringView text) {
        int width = 0;
        for (QChar c : text)
            width += c == u'm' || c == u'w' ? 12 : 6;
        return width;
    };
    const QString jid = u"mmmmmm@echo.localhost/desk"_s;
    const int domainAndResource = measure(u"@echo.localhost/desk");
    const QString elided = JidElider::elide(jid, domainAndResource + measure(u"mm…m"), measure);
    QCOMPARE(elided, u"mm…m@echo.localhost/desk"_s);
}

void TestJidElider::domainKept()
{
    QCOMPARE(JidElider::domainKept(u"alice@echo.localhost/desk"_s), u"a…@echo.localhost…"_s);
    QCOMPARE(JidElider::domainKept(u"bot@demo.localhost"_s), u"b…@demo.localhost"_s);
    QCOMPARE(JidElider::domainKept(u"b@demo.localhost/r"_s), u"b@demo.localhost…"_s);
    QCOMPARE(JidElider::domainKept(u"demo.localhost"_s), u"demo.localhost"_s);
    // What domainKept() gives is what elide() comes down to before it cuts the domain.
    const QString jid = u"alice@echo.localhost/desk"_s;
    QCOMPARE(JidElider::elide(jid, int(JidElider::domainKept(jid).size())), JidElider::domainKept(jid));
}

QTEST_GUILESS_MAIN(TestJidElider)
#include "tst_jidelider.moc"
