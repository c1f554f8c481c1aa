// SPDX-License-Identifier: GPL-3.0-or-later
// The reconnect countdown's words (stateLook) and when they change (msUntilCountdownChanges): the views
// that show the countdown refresh at that moment, so the two must agree to the millisecond.
#include "disconnectreason.h"
#include "statelook.h"

#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace xcm;

namespace {

int secondsShown(qint64 reconnectAtMs, qint64 nowMs)
{
    const StateLook look = stateLook(ConnectionState::Disconnected, {}, reconnectAtMs, nowMs);
    static const QRegularExpression countdown(u"^Reconnecting in (\\d+) s$"_s);
    const QRegularExpressionMatch match = countdown.match(look.text);
    return match.hasMatch() ? match.captured(1).toInt() : -1;
}

} // namespace

class TestStateLook : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void countdownRoundsUp();
    void countdownChangesWhenItsNumberDoes();
};

void TestStateLook::countdownRoundsUp()
{
    const qint64 at = 1'000'000;
    QCOMPARE(secondsShown(at, at - 4300), 5);
    QCOMPARE(secondsShown(at, at - 4000), 4);
    QCOMPARE(secondsShown(at, at - 1), 1);
    QCOMPARE(secondsShown(at, at), 0);
    QCOMPARE(secondsShown(at, at + 500), 0); // late: the attempt is due
}

void TestStateLook::countdownChangesWhenItsNumberDoes()
{
    // From every point of a few seconds' countdown: the number holds until the moment given, and
    // changes then.
    const qint64 at = 1'000'000;
    for (qint64 left = 1; left <= 3500; ++left) {
        const qint64 now = at - left;
        const qint64 wait = msUntilCountdownChanges(at, now);
        QVERIFY2(wait >= 1 && wait <= 1000, qPrintable(u"%1 ms left: wait %2"_s.arg(left).arg(wait)));
        const int shown = secondsShown(at, now);
        QCOMPARE(secondsShown(at, now + wait - 1), shown);
        QCOMPARE(secondsShown(at, now + wait), shown - 1);
    }
    // Due or past: nothing to count, a second's wait until the state moves on.
    QCOMPARE(msUntilCountdownChanges(at, at), 1000);
    QCOMPARE(msUntilCountdownChanges(at, at + 200), 1000);
}

QTEST_MAIN(TestStateLook)
#include "tst_statelook.moc"
