// SPDX-License-Identifier: GPL-3.0-or-later
#include "utf8validator.h"

#include <QTest>

using xcm::Utf8Validator;

class TestUtf8Validator : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void wholeInput_data();
    void wholeInput();
    void everySplitOfValidText();
    void errorOffsetCountsAcrossChunks();
    void incompleteCharacterIsNotABoundary();
    void xmlCharactersOnly_data();
    void xmlCharactersOnly();
};

void TestUtf8Validator::wholeInput_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("valid");
    QTest::newRow("ascii") << QByteArray("<message>hello</message>") << true;
    QTest::newRow("two-byte") << QByteArray("caf\xc3\xa9") << true;
    QTest::newRow("three-byte") << QByteArray("\xe2\x82\xac") << true;
    QTest::newRow("four-byte emoji") << QByteArray("\xf0\x9f\x98\x80") << true;
    QTest::newRow("long ascii run") << QByteArray(1000, 'a') << true;
    QTest::newRow("lone continuation") << QByteArray("a\x80z") << false;
    QTest::newRow("overlong slash") << QByteArray("\xc0\xaf") << false;
    QTest::newRow("overlong three-byte") << QByteArray("\xe0\x80\xaf") << false;
    QTest::newRow("surrogate") << QByteArray("\xed\xa0\x80") << false;
    QTest::newRow("beyond U+10FFFF") << QByteArray("\xf4\x90\x80\x80") << false;
    QTest::newRow("0xFF") << QByteArray("ab\xff") << false;
    QTest::newRow("latin-1 e-acute") << QByteArray("caf\xe9!") << false;
    QTest::newRow("truncated then ascii") << QByteArray("\xe2\x82z") << false;
    QTest::newRow("bad byte after ascii run") << QByteArray(17, 'a') + "\xfe" << false;
}

void TestUtf8Validator::wholeInput()
{
    QFETCH(QByteArray, bytes);
    QFETCH(bool, valid);
    Utf8Validator validator;
    QCOMPARE(validator.feed(bytes), valid);
}

void TestUtf8Validator::everySplitOfValidText()
{
    const QByteArray text = "a\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80z";
    for (qsizetype split = 0; split <= text.size(); ++split) {
        Utf8Validator validator;
        QVERIFY2(validator.feed(QByteArrayView(text).first(split)), qPrintable(QString::number(split)));
        QVERIFY2(validator.feed(QByteArrayView(text).sliced(split)), qPrintable(QString::number(split)));
        QVERIFY(validator.atCharacterBoundary());
    }
}

void TestUtf8Validator::errorOffsetCountsAcrossChunks()
{
    Utf8Validator validator;
    QVERIFY(validator.feed("0123456789"));
    QVERIFY(validator.feed("\xe2\x82"));
    QVERIFY(!validator.feed("x"));
    QCOMPARE(validator.errorOffset(), 10); // where the broken character began
    QVERIFY(!validator.feed("ok"));        // stays failed
}

void TestUtf8Validator::incompleteCharacterIsNotABoundary()
{
    Utf8Validator validator;
    QVERIFY(validator.feed("\xf0\x9f"));
    QVERIFY(!validator.atCharacterBoundary());
    QVERIFY(validator.feed("\x98\x80"));
    QVERIFY(validator.atCharacterBoundary());
}

QTEST_GUILESS_MAIN(TestUtf8Validator)
void TestUtf8Validator::xmlCharactersOnly_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<qint64>("errorOffset"); // -1: valid
    QTest::addColumn<int>("forbidden");
    QTest::newRow("tab, line feed, carriage return")
        << QByteArray("<a>\t\n\r x</a>") + QByteArray(20, '\n') << qint64(-1) << -1;
    QTest::newRow("NUL in a long run") << QByteArray(19, 'a') + QByteArray(1, '\0') + "bc" << qint64(19) << 0;
    QTest::newRow("U+0001 first") << QByteArray("\x01") << qint64(0) << 1;
    QTest::newRow("U+001F after a line break") << QByteArray("ab\ncdefgh\x1F") << qint64(9) << 0x1F;
    QTest::newRow("DEL is allowed") << QByteArray("a\x7F") + QByteArray(16, 'b') << qint64(-1) << -1;
    QTest::newRow("U+FFFE") << QByteArray("ab\xEF\xBF\xBE") << qint64(2) << 0xFFFE;
    QTest::newRow("U+FFFF") << QByteArray("\xEF\xBF\xBF") << qint64(0) << 0xFFFF;
    QTest::newRow("U+FFFD is allowed") << QByteArray("\xEF\xBF\xBD") << qint64(-1) << -1;
}

// Chunks of every size give the same verdict; without the option the same bytes are valid UTF-8.
void TestUtf8Validator::xmlCharactersOnly()
{
    QFETCH(QByteArray, bytes);
    QFETCH(qint64, errorOffset);
    QFETCH(int, forbidden);
    for (qsizetype size = 1; size <= bytes.size(); ++size) {
        Utf8Validator validator;
        validator.setXmlCharactersOnly(true);
        bool valid = true;
        for (qsizetype from = 0; from < bytes.size() && valid; from += size)
            valid = validator.feed(QByteArrayView(bytes).sliced(from, std::min(size, bytes.size() - from)));
        QCOMPARE(valid, errorOffset < 0);
        QCOMPARE(validator.errorOffset(), errorOffset);
        QCOMPARE(validator.forbiddenCharacter(), forbidden);
    }
    Utf8Validator plain;
    QVERIFY(plain.feed(bytes));
}

#include "tst_utf8validator.moc"
