// SPDX-License-Identifier: GPL-3.0-or-later
#include "clocktext.h"
#include "localtimeofday.h"

#include <QDateTime>
#include <QTest>

#include <ctime>
#include <limits>

using namespace Qt::StringLiterals;
using namespace xcm::cli;

namespace {

qint64 utc(int year, int month, int day, int hour, int minute, int second, int ms)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute, second, ms), Qt::UTC).toMSecsSinceEpoch();
}

void setTimeZone(const QByteArray &zone)
{
    if (zone.isNull())
        qunsetenv("TZ");
    else
        qputenv("TZ", zone);
    ::tzset();
}

} // namespace

// LocalTimeOfDay against what it stands in for, QDateTime's local time, in zones with odd offsets and
// across their transitions: one formatter per row, so that its cached offset must follow the moments.
class TestLocalTimeOfDay : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup() { setTimeZone(m_savedZone); }

    void matchesQDateTime_data()
    {
        QTest::addColumn<QByteArray>("zone");
        QTest::addColumn<QList<qint64>>("moments");

        QTest::newRow("UTC, around the epoch")
            << "UTC"_ba << QList<qint64>{0, 1, 59'999, 60'000, -1, -60'000, -60'001, 86'399'999, 86'400'000};
        QTest::newRow("UTC, a busy minute")
            << "UTC"_ba
            << QList<qint64>{utc(2026, 12, 4, 15, 59, 0, 0),    utc(2026, 12, 4, 15, 59, 0, 7),
                             utc(2026, 12, 4, 15, 59, 31, 250), utc(2026, 12, 4, 15, 59, 59, 999),
                             utc(2026, 12, 4, 16, 0, 0, 0),     utc(2026, 12, 4, 15, 59, 59, 998)};
        QTest::newRow("Berlin, clocks go forward")
            << "Europe/Berlin"_ba
            << QList<qint64>{utc(2026, 3, 29, 0, 59, 59, 999), utc(2026, 3, 29, 1, 0, 0, 0),
                             utc(2026, 3, 29, 1, 0, 0, 1)};
        QTest::newRow("Berlin, clocks go back")
            << "Europe/Berlin"_ba
            << QList<qint64>{utc(2026, 10, 25, 0, 59, 59, 999), utc(2026, 10, 25, 1, 0, 0, 0),
                             utc(2026, 10, 25, 0, 59, 59, 999)};
        QTest::newRow("Kathmandu, +05:45 past midnight")
            << "Asia/Kathmandu"_ba
            << QList<qint64>{utc(2026, 12, 4, 18, 14, 59, 999), utc(2026, 12, 4, 18, 15, 0, 0),
                             utc(2026, 12, 4, 18, 20, 0, 123)};
        QTest::newRow("St. John's, -03:30 before midnight")
            << "America/St_Johns"_ba
            << QList<qint64>{utc(2026, 12, 5, 1, 0, 0, 0), utc(2026, 12, 5, 3, 29, 59, 999),
                             utc(2026, 12, 5, 3, 30, 0, 0)};
        QTest::newRow("Lord Howe, half an hour forward")
            << "Australia/Lord_Howe"_ba
            << QList<qint64>{utc(2026, 10, 3, 15, 29, 59, 999), utc(2026, 10, 3, 15, 30, 0, 0)};
        QTest::newRow("a POSIX rule")
            << "XCM-1:30XDT,M3.5.0/2,M10.5.0/3"_ba
            << QList<qint64>{utc(2026, 3, 29, 0, 29, 59, 999), utc(2026, 3, 29, 0, 30, 0, 0),
                             utc(2026, 10, 25, 0, 29, 59, 999), utc(2026, 10, 25, 0, 30, 0, 0)};
    }

    void matchesQDateTime()
    {
        QFETCH(QByteArray, zone);
        QFETCH(QList<qint64>, moments);
        setTimeZone(zone);
        LocalTimeOfDay timeOfDay;
        for (const qint64 moment : std::as_const(moments)) {
            QByteArray text;
            timeOfDay.appendTo(text, moment);
            const QString expected = QDateTime::fromMSecsSinceEpoch(moment).toString(u"HH:mm:ss.zzz"_s);
            QVERIFY2(text == expected.toLatin1(),
                     qPrintable(u"%1 at %2: %3, QDateTime %4"_s.arg(QString::fromLatin1(zone))
                                    .arg(moment)
                                    .arg(QString::fromLatin1(text), expected)));
        }
    }

    void appends()
    {
        setTimeZone("UTC"_ba);
        LocalTimeOfDay timeOfDay;
        QByteArray line = "before "_ba;
        timeOfDay.appendTo(line, utc(2026, 12, 4, 9, 5, 7, 42));
        QCOMPARE(line, "before 09:05:07.042"_ba);
    }

    // clocktext::putDigits, which the capture lines and the times above are written with.
    void digits()
    {
        const QList<std::pair<qint64, int>> cases{{0, 1},
                                                  {7, 1},
                                                  {7, 2},
                                                  {42, 2},
                                                  {5, 3},
                                                  {10, 1},
                                                  {1010, 2},
                                                  {999, 3},
                                                  {100, 1},
                                                  {2026, 4},
                                                  {12345, 2},
                                                  {1000000, 1},
                                                  {0, 4},
                                                  {99, 4},
                                                  {1234567890123456789, 1},
                                                  {std::numeric_limits<qint64>::max(), 1}};
        for (const auto &[value, width] : cases) {
            char buffer[32];
            const char *const end = xcm::clocktext::putDigits(buffer, value, width);
            const QByteArray expected = QByteArray::number(value).rightJustified(width, '0');
            QVERIFY2(QByteArray(buffer, end - buffer) == expected,
                     qPrintable(u"%1, width %2: %3"_s.arg(value).arg(width).arg(
                         QString::fromLatin1(QByteArray(buffer, end - buffer)))));
        }
    }

private:
    QByteArray m_savedZone = qgetenv("TZ");
};

QTEST_GUILESS_MAIN(TestLocalTimeOfDay)
#include "tst_localtimeofday.moc"
