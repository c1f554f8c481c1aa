// SPDX-License-Identifier: GPL-3.0-or-later
// DisplayText::breakLongLines: bounded lines for display and nothing lost, also when the text is broken
// in chunks.
#include "displaytext.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace xcm;

class TestDisplayText : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void breaksLongLines_data();
    void breaksLongLines();
    void chunksKeepLinesBounded();
    void neverSplitsASurrogatePair();
};

namespace {

qsizetype longestLine(const QString &text)
{
    qsizetype longest = 0;
    for (const QStringView line : QStringView(text).split(u'\n'))
        longest = qMax(longest, line.size());
    return longest;
}

} // namespace

void TestDisplayText::breaksLongLines_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("maxLength");
    QTest::addColumn<QString>("expected"); // empty: only the invariants are checked

    QTest::newRow("short") << u"<a>\n  <b/>\n</a>"_s << 80 << u"<a>\n  <b/>\n</a>"_s;
    QTest::newRow("exactly the limit") << u"abcdefghij"_s << 10 << u"abcdefghij"_s;
    QTest::newRow("token") << u"abcdefghijklmnopqrstuvwxy"_s << 10 << u"abcdefghij\nklmnopqrst\nuvwxy"_s;
    QTest::newRow("after a space") << u"lorem ipsum dolor sit"_s << 10 << u"lorem \nipsum \ndolor sit"_s;
    // A space early on the line would make a very short one: the token is cut at the limit instead.
    QTest::newRow("space too early") << u"a bcdefghijklmnop"_s << 10 << u"a bcdefghi\njklmnop"_s;
    QTest::newRow("newlines reset") << u"abcdefgh\nabcdefghijkl"_s << 10 << u"abcdefgh\nabcdefghij\nkl"_s;
    QTest::newRow("base64") << QString(100'000, u'Q') << 400 << QString();
    QString words;
    for (int i = 0; i < 20'000; ++i)
        words += u"word%1 "_s.arg(i);
    QTest::newRow("words") << words << 400 << QString();
}

void TestDisplayText::breaksLongLines()
{
    QFETCH(QString, text);
    QFETCH(int, maxLength);
    QFETCH(QString, expected);
    const QString shown = DisplayText::breakLongLines(text, maxLength);
    if (!expected.isEmpty())
        QCOMPARE(shown, expected);
    QVERIFY2(longestLine(shown) <= maxLength, qPrintable(QString::number(longestLine(shown))));
    // Only line breaks were added.
    QString back = shown;
    QCOMPARE(back.remove(u'\n').size(), QString(text).remove(u'\n').size());
    QCOMPARE(back, QString(text).remove(u'\n'));
}

void TestDisplayText::chunksKeepLinesBounded()
{
    QString text;
    for (int i = 0; i < 3000; ++i)
        text += (i % 7 == 0 ? u"\n"_s : u""_s) + u"tok%1%2"_s.arg(i).arg(i % 3 ? u" "_s : u""_s);
    text += QString(5000, u'Q'); // a token across several chunks
    qsizetype column = 0;
    QString chunked;
    for (qsizetype at = 0; at < text.size(); at += 777) {
        chunked += DisplayText::breakLongLines(
            QStringView(text).sliced(at, qMin<qsizetype>(777, text.size() - at)), 50, &column);
    }
    QVERIFY2(longestLine(chunked) <= 50, qPrintable(QString::number(longestLine(chunked))));
    QCOMPARE(column, chunked.size() - chunked.lastIndexOf(u'\n') - 1); // the last line's length
    QCOMPARE(chunked.remove(u'\n'), text.remove(u'\n'));
}

void TestDisplayText::neverSplitsASurrogatePair()
{
    const QString clef = u"\U0001D11E"_s;            // two UTF-16 units
    QString text = u"abcdefghi"_s + clef + u"xyz"_s; // the pair straddles the limit of 10
    const QString shown = DisplayText::breakLongLines(text, 10);
    QVERIFY(!shown.contains(u"\xD834\n"_s));
    QVERIFY(shown.contains(clef));
}

QTEST_MAIN(TestDisplayText)
#include "tst_displaytext.moc"
