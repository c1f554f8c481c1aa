// SPDX-License-Identifier: GPL-3.0-or-later
// The pairing rules of RequestTracker: which answer belongs to which request (RFC 6120 §8.2.3).
#include "requesttracker.h"

#include <QSignalSpy>
#include <QTest>
#include <QTimer>

using namespace xcm;
using namespace Qt::StringLiterals;
using Observation = RequestTracker::Observation;
using Outcome = IqExchange::Outcome;

namespace {

Stanza iq(Direction direction, const QString &type, const QString &id, const QString &from, const QString &to,
          const QString &payload = {})
{
    QString xml = u"<iq type='%1'"_s.arg(type);
    if (!id.isNull())
        xml += u" id='%1'"_s.arg(id);
    if (!from.isEmpty())
        xml += u" from='%1'"_s.arg(from);
    if (!to.isEmpty())
        xml += u" to='%1'"_s.arg(to);
    xml += payload.isEmpty() ? u"/>"_s : u">"_s + payload + u"</iq>"_s;
    const QByteArray wire = xml.toUtf8();
    QString error;
    const XmlElement element = XmlElement::parse(wire, &error);
    if (element.isNull())
        qFatal("bad test stanza: %s", qPrintable(error));
    return Stanza(direction, 0, wire, element);
}

Stanza sent(const QString &type, const QString &id, const QString &from, const QString &to,
            const QString &payload = {})
{
    return iq(Direction::Sent, type, id, from, to, payload);
}

Stanza received(const QString &type, const QString &id, const QString &from, const QString &to,
                const QString &payload = {})
{
    return iq(Direction::Received, type, id, from, to, payload);
}

const QString errorPayload =
    u"<error type='cancel'><item-not-found xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error>"_s;

} // namespace

class TestRequestTracker : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void pairsAnAnswerWithItsRequest_data();
    void pairsAnAnswerWithItsRequest();
    void idsReusedByDifferentPeersPairApart();
    void idsReusedByDifferentSendersOnOurDomainPairApart();
    void requestToTheServerPairsWithAnswerWithoutFrom();
    void errorAnswerCarriesItsCondition();
    void errorsAndResultsAreNeverRequests();
    void anAnswerPairsOnceOnly();
    void requestWithoutIdIsNotTracked();
    void duplicateRequestsPairInOrder();
    void notIqAndInvalidType();
    void timeoutThenLateAnswer();
    void zeroTimeoutNeverExpires();
    void connectionEndAbandonsWaitingRequests();
    void capDropsOldestAndKeepsCountsRight();
    void anAnswerDueWithTheTimeoutIsNotLate();
    void clearForgetsEverything();
    void recordedRoundTripsAreWholeMilliseconds();
};

void TestRequestTracker::pairsAnAnswerWithItsRequest_data()
{
    QTest::addColumn<Stanza>("request");
    QTest::addColumn<Stanza>("answer");
    QTest::addColumn<bool>("pairs");

    const auto me = u"demo.localhost"_s;
    QTest::newRow("outgoing, answer from the full JID asked")
        << sent(u"get"_s, u"a1"_s, me, u"user@localhost/phone"_s)
        << received(u"result"_s, u"a1"_s, u"user@localhost/phone"_s, me) << true;
    QTest::newRow("outgoing to full, answer from bare (the server for the account)")
        << sent(u"get"_s, u"a1"_s, me, u"user@localhost/phone"_s)
        << received(u"error"_s, u"a1"_s, u"user@localhost"_s, me, errorPayload) << true;
    QTest::newRow("outgoing to bare, answer from a full JID")
        << sent(u"get"_s, u"a1"_s, me, u"user@localhost"_s)
        << received(u"result"_s, u"a1"_s, u"user@localhost/laptop"_s, me) << true;
    QTest::newRow("JIDs compared without case")
        << sent(u"get"_s, u"a1"_s, u"Bot@Demo.Localhost"_s, u"USER@localhost"_s)
        << received(u"result"_s, u"a1"_s, u"user@LOCALHOST/x"_s, u"bot@demo.localhost"_s) << true;
    QTest::newRow("incoming, our answer to the asker's full JID")
        << received(u"get"_s, u"q7"_s, u"user@localhost/phone"_s, me)
        << sent(u"result"_s, u"q7"_s, me, u"user@localhost/phone"_s) << true;
    QTest::newRow("incoming, our answer from another local part does not answer it")
        << received(u"get"_s, u"q7"_s, u"user@localhost/phone"_s, me)
        << sent(u"result"_s, u"q7"_s, u"other@demo.localhost"_s, u"user@localhost/phone"_s) << false;
    QTest::newRow("other id") << sent(u"get"_s, u"a1"_s, me, u"user@localhost"_s)
                              << received(u"result"_s, u"a2"_s, u"user@localhost"_s, me) << false;
    QTest::newRow("id is case-sensitive")
        << sent(u"get"_s, u"abc"_s, me, u"user@localhost"_s)
        << received(u"result"_s, u"ABC"_s, u"user@localhost"_s, me) << false;
    QTest::newRow("answer from someone else")
        << sent(u"get"_s, u"a1"_s, me, u"user@localhost"_s)
        << received(u"result"_s, u"a1"_s, u"eve@localhost"_s, me) << false;
    QTest::newRow("answer addressed to someone else")
        << sent(u"get"_s, u"a1"_s, me, u"user@localhost"_s)
        << received(u"result"_s, u"a1"_s, u"user@localhost"_s, u"other.localhost"_s) << false;
    QTest::newRow("same direction is no answer")
        << sent(u"get"_s, u"a1"_s, me, u"user@localhost"_s)
        << sent(u"result"_s, u"a1"_s, u"user@localhost"_s, me) << false;
}

void TestRequestTracker::pairsAnAnswerWithItsRequest()
{
    QFETCH(Stanza, request);
    QFETCH(Stanza, answer);
    QFETCH(bool, pairs);

    RequestTracker tracker;
    QSignalSpy changed(&tracker, &RequestTracker::exchangeChanged);
    QCOMPARE(tracker.observe(request, 10), Observation::Request);
    QCOMPARE(tracker.awaitingCount(request.direction()), 1);
    QCOMPARE(tracker.observe(answer, 11), pairs ? Observation::Answer : Observation::UnsolicitedAnswer);
    QCOMPARE(tracker.partnerOf(10), pairs ? 11u : 0u);
    QCOMPARE(tracker.partnerOf(11), pairs ? 10u : 0u);
    QCOMPARE(tracker.awaitingCount(request.direction()), pairs ? 0 : 1);
    QCOMPARE(changed.size(), pairs ? 1 : 0);
    const IqExchange *exchange = tracker.exchangeFor(10);
    QVERIFY(exchange);
    QCOMPARE(exchange->isAnswered(), pairs);
    if (pairs) {
        QCOMPARE(tracker.exchangeFor(11), exchange);
        QVERIFY(exchange->roundTripMs() >= 0);
        QCOMPARE(changed.first().at(0).toULongLong(), 10u);
        QCOMPARE(changed.first().at(1).toULongLong(), 11u);
    } else {
        QCOMPARE(tracker.exchangeFor(11), nullptr);
    }
}

void TestRequestTracker::idsReusedByDifferentPeersPairApart()
{
    RequestTracker tracker;
    const auto me = u"demo.localhost"_s;
    QCOMPARE(tracker.observe(sent(u"get"_s, u"1"_s, me, u"alice@localhost"_s), 1), Observation::Request);
    QCOMPARE(tracker.observe(sent(u"get"_s, u"1"_s, me, u"bob@localhost"_s), 2), Observation::Request);
    // Incoming requests from the same two peers, reusing the same id, are yet other exchanges.
    QCOMPARE(tracker.observe(received(u"get"_s, u"1"_s, u"bob@localhost/x"_s, me), 3), Observation::Request);
    QCOMPARE(tracker.observe(received(u"result"_s, u"1"_s, u"bob@localhost/x"_s, me), 4),
             Observation::Answer);
    QCOMPARE(tracker.partnerOf(2), 4u);
    QCOMPARE(tracker.partnerOf(1), 0u);
    QCOMPARE(tracker.partnerOf(3), 0u);
    QCOMPARE(tracker.observe(sent(u"result"_s, u"1"_s, me, u"bob@localhost/x"_s), 5), Observation::Answer);
    QCOMPARE(tracker.partnerOf(3), 5u);
    QCOMPARE(tracker.observe(received(u"result"_s, u"1"_s, u"alice@localhost"_s, me), 6),
             Observation::Answer);
    QCOMPARE(tracker.partnerOf(1), 6u);
    QCOMPARE(tracker.awaitingCount(Direction::Sent), 0);
    QCOMPARE(tracker.awaitingCount(Direction::Received), 0);
}

void TestRequestTracker::idsReusedByDifferentSendersOnOurDomainPairApart()
{
    RequestTracker tracker;
    tracker.observe(sent(u"get"_s, u"p"_s, u"a@demo.localhost"_s, u"localhost"_s), 1);
    tracker.observe(sent(u"get"_s, u"p"_s, u"b@demo.localhost"_s, u"localhost"_s), 2);
    QCOMPARE(tracker.observe(received(u"result"_s, u"p"_s, u"localhost"_s, u"b@demo.localhost"_s), 3),
             Observation::Answer);
    QCOMPARE(tracker.partnerOf(2), 3u);
    QCOMPARE(tracker.partnerOf(1), 0u);
}

void TestRequestTracker::requestToTheServerPairsWithAnswerWithoutFrom()
{
    RequestTracker tracker;
    tracker.setServerDomain(u"LocalHost"_s);
    const auto me = u"demo.localhost"_s;
    tracker.observe(sent(u"get"_s, u"s1"_s, me, u"localhost"_s), 1);
    QCOMPARE(tracker.observe(received(u"result"_s, u"s1"_s, {}, me), 2), Observation::Answer);
    tracker.observe(sent(u"get"_s, u"s2"_s, me, {}), 3);
    QCOMPARE(tracker.observe(received(u"result"_s, u"s2"_s, u"localhost"_s, me), 4), Observation::Answer);
    // Without the server's domain known, no guess is made.
    RequestTracker unaware;
    unaware.observe(sent(u"get"_s, u"s1"_s, me, u"localhost"_s), 1);
    QCOMPARE(unaware.observe(received(u"result"_s, u"s1"_s, {}, me), 2), Observation::UnsolicitedAnswer);
}

void TestRequestTracker::errorAnswerCarriesItsCondition()
{
    RequestTracker tracker;
    const auto me = u"demo.localhost"_s;
    tracker.observe(sent(u"get"_s, u"e"_s, me, u"user@localhost"_s), 1);
    tracker.observe(
        received(u"error"_s, u"e"_s, u"user@localhost"_s, me,
                 u"<error type='cancel'><text xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'>no"
                 "</text><item-not-found xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error>"_s),
        2);
    const IqExchange *exchange = tracker.exchangeFor(1);
    QCOMPARE(exchange->outcome, Outcome::Error);
    QCOMPARE(exchange->errorCondition, u"item-not-found"_s);
    QVERIFY2(tracker.describe(*exchange, 1).startsWith(u"error item-not-found in "_s),
             qPrintable(tracker.describe(*exchange, 1)));
    QVERIFY(tracker.describe(*exchange, 2).startsWith(u"answer, "_s));
}

void TestRequestTracker::errorsAndResultsAreNeverRequests()
{
    // An error answering an error (or a result) is not a request: nothing waits for an answer to it.
    RequestTracker tracker;
    const auto me = u"demo.localhost"_s;
    QCOMPARE(tracker.observe(received(u"error"_s, u"x"_s, u"user@localhost"_s, me, errorPayload), 1),
             Observation::UnsolicitedAnswer);
    QCOMPARE(tracker.observe(sent(u"error"_s, u"x"_s, me, u"user@localhost"_s, errorPayload), 2),
             Observation::UnsolicitedAnswer);
    QCOMPARE(tracker.observe(received(u"result"_s, u"y"_s, u"user@localhost"_s, me), 3),
             Observation::UnsolicitedAnswer);
    QCOMPARE(tracker.awaitingCount(Direction::Received), 0);
    QCOMPARE(tracker.awaitingCount(Direction::Sent), 0);
    QCOMPARE(tracker.exchangeFor(1), nullptr);
}

void TestRequestTracker::anAnswerPairsOnceOnly()
{
    RequestTracker tracker;
    const auto me = u"demo.localhost"_s;
    tracker.observe(received(u"set"_s, u"once"_s, u"user@localhost/r"_s, me), 1);
    QCOMPARE(tracker.observe(sent(u"result"_s, u"once"_s, me, u"user@localhost/r"_s), 2),
             Observation::Answer);
    QCOMPARE(tracker.observe(sent(u"result"_s, u"once"_s, me, u"user@localhost/r"_s), 3),
             Observation::UnsolicitedAnswer);
    QCOMPARE(tracker.partnerOf(1), 2u);
}

void TestRequestTracker::requestWithoutIdIsNotTracked()
{
    RequestTracker tracker;
    const auto me = u"demo.localhost"_s;
    QCOMPARE(tracker.observe(received(u"get"_s, {}, u"user@localhost"_s, me), 1),
             Observation::RequestWithoutId);
    QCOMPARE(tracker.observe(received(u"get"_s, u""_s, u"user@localhost"_s, me), 2),
             Observation::RequestWithoutId);
    QCOMPARE(tracker.awaitingCount(Direction::Received), 0);
    QCOMPARE(tracker.observe(sent(u"result"_s, u""_s, me, u"user@localhost"_s), 3),
             Observation::UnsolicitedAnswer);
}

void TestRequestTracker::duplicateRequestsPairInOrder()
{
    RequestTracker tracker;
    const auto me = u"demo.localhost"_s;
    QCOMPARE(tracker.observe(received(u"get"_s, u"d"_s, u"user@localhost/r"_s, me), 1), Observation::Request);
    QCOMPARE(tracker.observe(received(u"get"_s, u"d"_s, u"user@localhost/r"_s, me), 2),
             Observation::DuplicateRequest);
    QCOMPARE(tracker.awaitingCount(Direction::Received), 2);
    QCOMPARE(tracker.observe(sent(u"result"_s, u"d"_s, me, u"user@localhost/r"_s), 3), Observation::Answer);
    QCOMPARE(tracker.partnerOf(1), 3u);
    QCOMPARE(tracker.observe(sent(u"error"_s, u"d"_s, me, u"user@localhost/r"_s, errorPayload), 4),
             Observation::Answer);
    QCOMPARE(tracker.partnerOf(2), 4u);
    QCOMPARE(tracker.awaitingCount(Direction::Received), 0);
}

void TestRequestTracker::notIqAndInvalidType()
{
    RequestTracker tracker;
    const QByteArray wire = "<message from='a@b' to='c@d' id='1'><body>x</body></message>";
    QCOMPARE(tracker.observe(Stanza(Direction::Received, 0, wire, XmlElement::parse(wire)), 1),
             Observation::NotIq);
    QCOMPARE(tracker.observe(received(u"query"_s, u"1"_s, u"a@b"_s, u"c.d"_s), 2), Observation::InvalidType);
    QCOMPARE(tracker.exchangeFor(1), nullptr);
}

void TestRequestTracker::timeoutThenLateAnswer()
{
    RequestTracker tracker;
    tracker.setTimeout(std::chrono::milliseconds(50));
    QSignalSpy changed(&tracker, &RequestTracker::exchangeChanged);
    const auto me = u"demo.localhost"_s;
    tracker.observe(sent(u"get"_s, u"slow"_s, me, u"user@localhost"_s), 1);
    tracker.observe(sent(u"get"_s, u"fast"_s, me, u"user@localhost"_s), 2);
    tracker.observe(received(u"result"_s, u"fast"_s, u"user@localhost"_s, me), 3);
    QCOMPARE(tracker.exchangeFor(1)->outcome, Outcome::Open);
    QVERIFY(tracker.describe(*tracker.exchangeFor(1), 1).startsWith(u"awaiting an answer"_s));
    QTRY_COMPARE(tracker.exchangeFor(1)->outcome, Outcome::TimedOut);
    QCOMPARE(tracker.describe(*tracker.exchangeFor(1), 1), u"no answer after 50.0 ms"_s);
    QCOMPARE(tracker.exchangeFor(2)->outcome, Outcome::Result); // answered in time: untouched
    QCOMPARE(changed.size(), 2);
    QCOMPARE(tracker.awaitingCount(Direction::Sent), 1); // still pairable
    QCOMPARE(tracker.observe(received(u"result"_s, u"slow"_s, u"user@localhost"_s, me), 4),
             Observation::Answer);
    const IqExchange *exchange = tracker.exchangeFor(1);
    QCOMPARE(exchange->outcome, Outcome::Result);
    QVERIFY(exchange->late);
    QVERIFY(exchange->roundTripMs() >= 50);
    QVERIFY(tracker.describe(*exchange, 1).startsWith(u"late result in "_s));
    QVERIFY(tracker.describe(*exchange, 4).startsWith(u"late answer, "_s));
    QVERIFY(!tracker.exchangeFor(2)->late);
}

void TestRequestTracker::zeroTimeoutNeverExpires()
{
    RequestTracker tracker;
    tracker.setTimeout(std::chrono::milliseconds(0));
    tracker.observe(sent(u"get"_s, u"forever"_s, u"demo.localhost"_s, u"user@localhost"_s), 1);
    QTest::qWait(30);
    QCOMPARE(tracker.exchangeFor(1)->outcome, Outcome::Open);
}

void TestRequestTracker::connectionEndAbandonsWaitingRequests()
{
    RequestTracker tracker;
    const auto me = u"demo.localhost"_s;
    tracker.observe(sent(u"get"_s, u"1"_s, me, u"user@localhost"_s), 1);
    tracker.observe(received(u"get"_s, u"2"_s, u"user@localhost"_s, me), 2);
    tracker.observe(received(u"get"_s, u"3"_s, u"user@localhost"_s, me), 3);
    tracker.observe(sent(u"result"_s, u"3"_s, me, u"user@localhost"_s), 4);
    QSignalSpy changed(&tracker, &RequestTracker::exchangeChanged);
    tracker.connectionEnded();
    QCOMPARE(changed.size(), 2);
    QCOMPARE(tracker.exchangeFor(1)->outcome, Outcome::Abandoned);
    QCOMPARE(tracker.exchangeFor(2)->outcome, Outcome::Abandoned);
    QCOMPARE(tracker.exchangeFor(3)->outcome, Outcome::Result);
    QCOMPARE(tracker.describe(*tracker.exchangeFor(1), 1), u"no answer: the connection closed"_s);
    QCOMPARE(tracker.awaitingCount(Direction::Sent), 0);
    QCOMPARE(tracker.awaitingCount(Direction::Received), 0);
    QCOMPARE(tracker.observe(received(u"result"_s, u"1"_s, u"user@localhost"_s, me), 5),
             Observation::UnsolicitedAnswer);
}

void TestRequestTracker::capDropsOldestAndKeepsCountsRight()
{
    RequestTracker tracker;
    tracker.setMaxExchanges(3);
    const auto me = u"demo.localhost"_s;
    for (quint64 i = 1; i <= 5; ++i)
        tracker.observe(sent(u"get"_s, QString::number(i), me, u"user@localhost"_s), i);
    QCOMPARE(tracker.awaitingCount(Direction::Sent), 3);
    QCOMPARE(tracker.exchangeFor(1), nullptr);
    QCOMPARE(tracker.exchangeFor(2), nullptr);
    QVERIFY(tracker.exchangeFor(3));
    // The answer to a forgotten request is unsolicited as far as the tracker knows.
    QCOMPARE(tracker.observe(received(u"result"_s, u"1"_s, u"user@localhost"_s, me), 6),
             Observation::UnsolicitedAnswer);
    QCOMPARE(tracker.observe(received(u"result"_s, u"4"_s, u"user@localhost"_s, me), 7), Observation::Answer);
    QCOMPARE(tracker.partnerOf(7), 4u);
    tracker.setMaxExchanges(1);
    QCOMPARE(tracker.awaitingCount(Direction::Sent), 1);
    QVERIFY(tracker.exchangeFor(5));
    QCOMPARE(tracker.exchangeFor(7), nullptr);
}

void TestRequestTracker::anAnswerDueWithTheTimeoutIsNotLate()
{
    // As xcm's own service-unavailable when the limit to answer by hand equals the timeout: the answer's
    // timer and the timeout's are due at once, and which fires first must not decide "late".
    RequestTracker tracker;
    tracker.setTimeout(std::chrono::milliseconds(50));
    const auto me = u"demo.localhost"_s;
    tracker.observe(received(u"get"_s, u"held"_s, u"user@localhost"_s, me), 1);
    QTimer::singleShot(50, &tracker, [&] {
        tracker.observe(sent(u"error"_s, u"held"_s, me, u"user@localhost"_s, errorPayload), 2);
    });
    QTRY_VERIFY(tracker.exchangeFor(1)->outcome != Outcome::Open);
    QCOMPARE(tracker.exchangeFor(1)->outcome, Outcome::Error);
    QVERIFY(!tracker.exchangeFor(1)->late);
}

void TestRequestTracker::clearForgetsEverything()
{
    RequestTracker tracker;
    tracker.setTimeout(std::chrono::milliseconds(20));
    tracker.observe(sent(u"get"_s, u"1"_s, u"demo.localhost"_s, u"user@localhost"_s), 1);
    tracker.clear();
    QCOMPARE(tracker.exchangeFor(1), nullptr);
    QCOMPARE(tracker.awaitingCount(Direction::Sent), 0);
    tracker.observe(sent(u"get"_s, u"2"_s, u"demo.localhost"_s, u"user@localhost"_s), 2);
    QTRY_COMPARE(tracker.exchangeFor(2)->outcome, Outcome::TimedOut);
}

void TestRequestTracker::recordedRoundTripsAreWholeMilliseconds()
{
    // A saved log's times are whole milliseconds: "0.00 ms" claimed a precision the file does not have.
    RequestTracker tracker;
    tracker.setRecordedTimes(true);
    const auto me = u"demo.localhost"_s;
    const auto at = [](const Stanza &stanza, qint64 ms) {
        return Stanza(stanza.direction(), ms, stanza.wire(), stanza.element());
    };
    tracker.observe(at(received(u"get"_s, u"a"_s, u"user@localhost"_s, me), 1'000), 1);
    tracker.observe(at(sent(u"result"_s, u"a"_s, me, u"user@localhost"_s), 1'000), 2); // the same ms
    tracker.observe(at(received(u"get"_s, u"b"_s, u"user@localhost"_s, me), 2'000), 3);
    tracker.observe(at(sent(u"result"_s, u"b"_s, me, u"user@localhost"_s), 2'003), 4);
    QCOMPARE(tracker.describe(*tracker.exchangeFor(1), 1), u"result in < 1 ms"_s);
    QCOMPARE(tracker.describe(*tracker.exchangeFor(3), 3), u"result in 3 ms"_s);
    QCOMPARE(tracker.describe(*tracker.exchangeFor(3), 4), u"answer, 3 ms"_s);
}

QTEST_GUILESS_MAIN(TestRequestTracker)
#include "tst_requesttracker.moc"
