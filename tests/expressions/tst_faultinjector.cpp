// SPDX-License-Identifier: GPL-3.0-or-later
// Fault rules in proxy mode: which rule acts on which leg, holding and its bound, the rate limit, and
// the rules file's fault form.
#include "faultinjector.h"
#include "ruleengine.h"
#include "rulesfile.h"
#include "stanzas.h"

#include <QSignalSpy>
#include <QTest>

using namespace xcm;
using namespace Qt::StringLiterals;

namespace {

// A stanza on a leg: in = server → component (Received), out = component → server (Sent).
Stanza onLeg(const QString &leg, const QString &xml)
{
    const Stanza received = receivedStanza(xml);
    return leg == u"in" ? received : received.passedOn(Direction::Sent, received.timestampMs());
}

Rule faultRule(const QString &name, const QString &match, Rule::Action action, int delayMs = 0)
{
    Rule rule(name, match, {}, delayMs);
    rule.setAction(action);
    return rule;
}

const QString chatXml =
    u"<message from='alice@example.org/phone' to='bot@comp.example' type='chat' id='m1'><body>%1</body></message>"_s;

} // namespace

class TestFaultInjector : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void verdict_data();
    void verdict();
    void replyRulesNeverAct();
    void holdKeepsRawBytesUntilReleased();
    void holdIsBounded();
    void aRateLimitPauseOutlastsARelease();
    void rateLimitPauses();
    void rulesFileReadsFaultRules_data();
    void rulesFileReadsFaultRules();
    void rulesFileRoundTrip();
    void ruleEngineIgnoresFaultRules();
};

void TestFaultInjector::verdict_data()
{
    QTest::addColumn<QString>("match");
    QTest::addColumn<int>("action");
    QTest::addColumn<int>("delayMs");
    QTest::addColumn<QString>("leg");
    QTest::addColumn<QString>("body");
    QTest::addColumn<bool>("faulted");

    const int drop = int(Rule::Action::Drop), delay = int(Rule::Action::Delay),
              duplicate = int(Rule::Action::Duplicate);
    QTest::newRow("drop on in") << u"dir == in and body contains 'drop me'"_s << drop << 0 << u"in"_s
                                << u"please drop me"_s << true;
    QTest::newRow("drop: other body relayed")
        << u"dir == in and body contains 'drop me'"_s << drop << 0 << u"in"_s << u"keep me"_s << false;
    QTest::newRow("drop: other leg relayed")
        << u"dir == in and body contains 'drop me'"_s << drop << 0 << u"out"_s << u"drop me"_s << false;
    QTest::newRow("delay on out") << u"dir == out and kind == message"_s << delay << 500 << u"out"_s << u"x"_s
                                  << true;
    QTest::newRow("duplicate any") << u"kind == message"_s << duplicate << 0 << u"in"_s << u"x"_s << true;
    QTest::newRow("iq only: message relayed") << u"kind == iq"_s << drop << 0 << u"in"_s << u"x"_s << false;
}

void TestFaultInjector::verdict()
{
    QFETCH(QString, match);
    QFETCH(int, action);
    QFETCH(int, delayMs);
    QFETCH(QString, leg);
    QFETCH(QString, body);
    QFETCH(bool, faulted);

    FaultInjector injector;
    QString error;
    QVERIFY2(injector.setRules({faultRule(u"f"_s, match, Rule::Action(action), delayMs)}, &error),
             qPrintable(error));
    const FaultInjector::Verdict verdict = injector.inspect(onLeg(leg, chatXml.arg(body)));
    QCOMPARE(verdict.faulted, faulted);
    if (faulted) {
        QCOMPARE(int(verdict.action), action);
        QCOMPARE(verdict.ruleName, u"f"_s);
        QCOMPARE(verdict.delayMs, delayMs);
        QCOMPARE(injector.rules().at(0).hits(), quint64(1));
    }
}

void TestFaultInjector::replyRulesNeverAct()
{
    FaultInjector injector;
    QString error;
    // A profile's one list holds both kinds; in a proxy the reply rules sit still.
    QVERIFY(injector.setRules({Rule(u"echo"_s, u"kind == message"_s, u"<message to='{from}'/>"_s)}, &error));
    QVERIFY(!injector.isActive());
    QVERIFY(
        !injector.inspect(receivedStanza(u"<message from='a@example.org' to='bot.example.org'/>"_s)).faulted);
    QCOMPARE(injector.rules().at(0).hits(), quint64(0));
    QVERIFY(injector.setRules({Rule(u"echo"_s, u"kind == message"_s, u"<message to='{from}'/>"_s),
                               faultRule(u"drop"_s, u"kind == message"_s, Rule::Action::Drop, 0)}));
    QVERIFY(injector.isActive());
    const FaultInjector::Verdict verdict =
        injector.inspect(receivedStanza(u"<message from='a@example.org' to='bot.example.org'/>"_s));
    QVERIFY(verdict.faulted);
    QCOMPARE(verdict.ruleName, u"drop"_s);
    QVERIFY(!injector.setRules({faultRule(u"d"_s, u"kind == message"_s, Rule::Action::Delay, 0)}, &error));
    QVERIFY2(error.contains(u"above 0"), qPrintable(error));
}

void TestFaultInjector::holdKeepsRawBytesUntilReleased()
{
    FaultInjector injector;
    QVERIFY(injector.setRules({faultRule(u"h"_s, u"kind == message"_s, Rule::Action::Hold)}));
    // Odd spacing and quoting: what is released is the bytes as received.
    const QString odd = u"<message  to=\"bot@comp.example\" id='m2' ><body>a  &amp; b</body></message>"_s;
    const Stanza in = onLeg(u"in"_s, odd);
    const Stanza out = onLeg(u"out"_s, chatXml.arg(u"x"_s));
    QCOMPARE(injector.inspect(in).action, Rule::Action::Hold);
    QCOMPARE(injector.inspect(out).action, Rule::Action::Hold);
    QCOMPARE(injector.heldCount(), 2);
    const QList<FaultInjector::HeldStanza> released = injector.releaseAll();
    QCOMPARE(released.size(), 2);
    QVERIFY(released.at(0).stanza.wire() == in.wire());
    QCOMPARE(released.at(0).stanza.direction(), Direction::Received);
    QCOMPARE(released.at(1).stanza.direction(), Direction::Sent);
    QCOMPARE(released.at(1).ruleName, u"h"_s);
    QCOMPARE(injector.heldCount(), 0);
}

void TestFaultInjector::holdIsBounded()
{
    FaultInjector injector;
    injector.setMaxHeld(2);
    QVERIFY(injector.setRules({faultRule(u"h"_s, u"kind == message"_s, Rule::Action::Hold)}));
    QSignalSpy paused(&injector, &FaultInjector::rulePaused);
    QVERIFY(injector.inspect(onLeg(u"in"_s, chatXml.arg(1))).faulted);
    QVERIFY(injector.inspect(onLeg(u"in"_s, chatXml.arg(2))).faulted);
    QVERIFY(!injector.inspect(onLeg(u"in"_s, chatXml.arg(3))).faulted); // relayed, the rule pauses
    QCOMPARE(paused.size(), 1);
    QVERIFY(injector.rules().at(0).isPaused());
    QVERIFY(injector.rules().at(0).lastError().contains(u"held"));
    QCOMPARE(injector.heldCount(), 2);
    // Once what was held is released (or forgotten), there is room again: the rule goes on by itself.
    QSignalSpy changed(&injector, &RuleRunner::ruleChanged);
    injector.releaseAll();
    QVERIFY(!injector.rules().at(0).isPaused());
    QVERIFY(injector.rules().at(0).lastError().isEmpty());
    QVERIFY(!changed.isEmpty()); // the Rules tab hears of it
    QVERIFY(injector.inspect(onLeg(u"in"_s, chatXml.arg(4))).faulted);
    QVERIFY(injector.inspect(onLeg(u"in"_s, chatXml.arg(5))).faulted);
    QVERIFY(!injector.inspect(onLeg(u"in"_s, chatXml.arg(6))).faulted);
    QVERIFY(injector.rules().at(0).isPaused());
    injector.clearHeld();
    QVERIFY(!injector.rules().at(0).isPaused());
}

void TestFaultInjector::aRateLimitPauseOutlastsARelease()
{
    FaultInjector injector;
    injector.setMaxActionsPerSecond(2);
    QVERIFY(injector.setRules({faultRule(u"h"_s, u"kind == message"_s, Rule::Action::Hold)}));
    QVERIFY(injector.inspect(onLeg(u"in"_s, chatXml.arg(1))).faulted);
    QVERIFY(injector.inspect(onLeg(u"in"_s, chatXml.arg(2))).faulted);
    QVERIFY(!injector.inspect(onLeg(u"in"_s, chatXml.arg(3))).faulted);
    QVERIFY(injector.rules().at(0).isPaused());
    injector.releaseAll();
    QVERIFY(injector.rules().at(0).isPaused()); // a loop is not over because the held went on
}

void TestFaultInjector::rateLimitPauses()
{
    FaultInjector injector;
    injector.setMaxActionsPerSecond(3);
    QVERIFY(injector.setRules({faultRule(u"dup"_s, u"kind == message"_s, Rule::Action::Duplicate)}));
    QSignalSpy paused(&injector, &FaultInjector::rulePaused);
    for (int i = 0; i < 3; ++i)
        QVERIFY(injector.inspect(onLeg(u"in"_s, chatXml.arg(i))).faulted);
    QVERIFY(!injector.inspect(onLeg(u"in"_s, chatXml.arg(9))).faulted);
    QCOMPARE(paused.size(), 1);
    injector.setRuleEnabled(0, true);
    QVERIFY(injector.inspect(onLeg(u"in"_s, chatXml.arg(10))).faulted);
}

void TestFaultInjector::rulesFileReadsFaultRules_data()
{
    QTest::addColumn<QString>("xml");
    QTest::addColumn<QString>("error"); // empty: read fine
    QTest::addColumn<int>("action");

    const QString head = u"<rules xmlns='urn:xcm:rules:1'>"_s;
    QTest::newRow("delay") << head + u"<rule name='slow' match='dir == in and kind == iq' action='delay' "
                                     u"delay-ms='500'/></rules>"_s
                           << QString() << int(Rule::Action::Delay);
    QTest::newRow("drop") << head + u"<rule name='d' match='kind == message' action='drop'/></rules>"_s
                          << QString() << int(Rule::Action::Drop);
    QTest::newRow("duplicate") << head +
                                      u"<rule name='d' match='kind == message' action='duplicate'/></rules>"_s
                               << QString() << int(Rule::Action::Duplicate);
    QTest::newRow("hold") << head + u"<rule name='d' match='kind == message' action='hold'/></rules>"_s
                          << QString() << int(Rule::Action::Hold);
    QTest::newRow("unknown action")
        << head + u"<rule name='d' match='kind == message' action='mangle'/></rules>"_s
        << u"1:79: rule 'd': action is reply, drop, delay, duplicate or hold, not 'mangle'"_s << 0;
    QTest::newRow("delay without delay-ms")
        << head + u"<rule name='d' match='kind == message' action='delay'/></rules>"_s
        << u"1:32: rule 'd': a delay rule needs delay-ms above 0"_s << 0;
    QTest::newRow("fault rule with a stanza")
        << head + u"<rule name='d' match='kind == message' action='drop'><message/></rule></rules>"_s
        << u"1:85: rule 'd' is a drop rule: it holds no stanza"_s << 0;
}

void TestFaultInjector::rulesFileReadsFaultRules()
{
    QFETCH(QString, xml);
    QFETCH(QString, error);
    QFETCH(int, action);
    const RulesFile::Result result = RulesFile::read(xml.toUtf8());
    QCOMPARE(result.error, error);
    if (error.isEmpty()) {
        QCOMPARE(result.rules.size(), 1);
        QCOMPARE(int(result.rules.at(0).action()), action);
        QVERIFY(result.rules.at(0).isCompiled());
    }
}

void TestFaultInjector::rulesFileRoundTrip()
{
    Rule reply(u"echo"_s, u"kind == message"_s,
               u"<message from='{to}' to='{from}'><body>{body}</body></message>"_s);
    QVERIFY(reply.compile());
    Rule slow = faultRule(u"slow"_s, u"dir == in and kind == iq"_s, Rule::Action::Delay, 500);
    Rule hold = faultRule(u"hold"_s, u"kind == presence"_s, Rule::Action::Hold);
    hold.setEnabled(false);
    const QList<Rule> rules{reply, slow, hold};
    QString error;
    const QByteArray data = RulesFile::write(rules, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY2(data.contains("action=\"delay\" delay-ms=\"500\""), data.constData());
    const RulesFile::Result back = RulesFile::read(data);
    QVERIFY2(back.ok(), qPrintable(back.error));
    QCOMPARE(back.rules.size(), 3);
    // The reply rule's template comes back in the stream's namespace; its action stays reply.
    QCOMPARE(back.rules.at(0).action(), Rule::Action::Reply);
    for (int i = 1; i < 3; ++i)
        QVERIFY2(back.rules.at(i).sameDefinition(rules.at(i)), qPrintable(rules.at(i).name()));
}

void TestFaultInjector::ruleEngineIgnoresFaultRules()
{
    RuleEngine engine;
    QVERIFY(engine.setRules({faultRule(u"d"_s, u"kind == message"_s, Rule::Action::Drop)}));
    QSignalSpy replies(&engine, &RuleEngine::replyReady);
    QVERIFY(!engine.handleReceived(receivedStanza(chatXml.arg(u"x"_s))));
    QCOMPARE(replies.size(), 0);
}

QTEST_GUILESS_MAIN(TestFaultInjector)
#include "tst_faultinjector.moc"
