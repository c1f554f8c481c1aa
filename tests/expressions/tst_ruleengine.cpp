// SPDX-License-Identifier: GPL-3.0-or-later
// The rule engine: which rule answers, delays, validation of the reply, loop guards and the rate limit.
#include "ruleengine.h"
#include "stanzas.h"

#include <QSignalSpy>
#include <QTest>

using namespace xcm;
using namespace Qt::StringLiterals;

namespace {

const QString domain = u"comp.example"_s;
const QString echoReply =
    u"<message from='{to}' to='{from}' type='chat'><body>pong {body}</body></message>"_s;

Stanza chat(const QString &body, const QString &from = u"alice@example.org/phone"_s,
            const QString &to = u"bot@comp.example"_s, const QString &id = u"m1"_s)
{
    return receivedStanza(u"<message from='%1' to='%2' type='chat' id='%3'><body>%4</body></message>"_s.arg(
        from, to, id, body));
}

QList<XmlElement> replies(const QSignalSpy &spy)
{
    QList<XmlElement> parsed;
    for (const QList<QVariant> &arguments : spy)
        parsed << XmlElement::parse(arguments.at(0).toByteArray());
    return parsed;
}

struct Fixture
{
    explicit Fixture(const QList<Rule> &rules)
        : replySpy(&engine, &RuleEngine::replyReady)
        , failedSpy(&engine, &RuleEngine::ruleFailed)
        , pausedSpy(&engine, &RuleEngine::rulePaused)
    {
        engine.setComponentDomain(domain);
        QString error;
        if (!engine.setRules(rules, &error))
            qFatal("rules refused: %s", qPrintable(error));
    }
    RuleEngine engine;
    QSignalSpy replySpy;
    QSignalSpy failedSpy;
    QSignalSpy pausedSpy;
};

} // namespace

class TestRuleEngine : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void echoRuleAnswers();
    void firstMatchingRuleAnswers_data();
    void firstMatchingRuleAnswers();
    void iqResultKeepsTheRequestId();
    void delayHoldsTheReply();
    void cancelPendingDropsHeldReplies();
    void invalidReplyIsNotSent_data();
    void invalidReplyIsNotSent();
    void neverAnswersARulesReply();
    void rateLimitPausesTheRule();
    void badRulesChangeNothing();
    void catastrophicRegexBecomesTheLastError();
};

void TestRuleEngine::echoRuleAnswers()
{
    Fixture f({Rule(u"echo"_s, u"kind == message and body contains 'ping'"_s, echoReply)});
    QVERIFY(f.engine.handleReceived(chat(u"ping &amp; more"_s)));
    QVERIFY(!f.engine.handleReceived(chat(u"hello"_s))); // no match
    QCOMPARE(f.replySpy.size(), 1);
    QCOMPARE(f.replySpy.at(0).at(1).toString(), u"echo"_s);
    const XmlElement reply = replies(f.replySpy).first();
    QCOMPARE(reply.attribute(u"from"), u"bot@comp.example"_s);
    QCOMPARE(reply.attribute(u"to"), u"alice@example.org/phone"_s);
    QCOMPARE(reply.firstChild(u"body").text(), u"pong ping & more"_s);
    // A reply without an id gets one, so that it is recognised should it come back.
    QVERIFY(reply.attribute(u"id").startsWith(RuleEngine::replyIdPrefix));
    QCOMPARE(f.engine.rules().at(0).hits(), 1u);
    QVERIFY(f.engine.rules().at(0).lastError().isEmpty());
}

void TestRuleEngine::firstMatchingRuleAnswers_data()
{
    QTest::addColumn<bool>("firstEnabled");
    QTest::addColumn<QString>("body");
    QTest::addColumn<QString>("expectedRule");
    QTest::newRow("both match: the first") << true << u"ping"_s << u"first"_s;
    QTest::newRow("first disabled") << false << u"ping"_s << u"second"_s;
    QTest::newRow("only the second matches") << true << u"pong"_s << u"second"_s;
}

void TestRuleEngine::firstMatchingRuleAnswers()
{
    QFETCH(bool, firstEnabled);
    QFETCH(QString, body);
    QFETCH(QString, expectedRule);
    Fixture f({Rule(u"first"_s, u"body == ping"_s, echoReply, 0, firstEnabled),
               Rule(u"second"_s, u"kind == message"_s, echoReply)});
    f.engine.handleReceived(chat(body));
    QCOMPARE(f.replySpy.size(), 1);
    QCOMPARE(f.replySpy.at(0).at(1).toString(), expectedRule);
}

void TestRuleEngine::iqResultKeepsTheRequestId()
{
    Fixture f({Rule(u"pong"_s, u"kind == iq and type == get and has(ping@xmlns == 'urn:xmpp:ping')"_s,
                    u"<iq type='result' id='{id}' from='{to}' to='{from}'/>"_s)});
    f.engine.handleReceived(receivedStanza(
        u"<iq type='get' id='p-7' from='u@example.org/r' to='comp.example'><ping xmlns='urn:xmpp:ping'/></iq>"_s));
    QCOMPARE(f.replySpy.size(), 1);
    QCOMPARE(f.replySpy.at(0).at(0).toByteArray(),
             QByteArray("<iq type='result' id='p-7' from='comp.example' to='u@example.org/r'/>"));
}

void TestRuleEngine::delayHoldsTheReply()
{
    Fixture f({Rule(u"slow"_s, u"body"_s, echoReply, 150)});
    QElapsedTimer timer;
    timer.start();
    QVERIFY(f.engine.handleReceived(chat(u"x"_s))); // answered, later
    QCOMPARE(f.replySpy.size(), 0);
    QCOMPARE(f.engine.pendingCount(), 1);
    QVERIFY(f.replySpy.wait(5000));
    QVERIFY(timer.elapsed() >= 140);
    QCOMPARE(f.engine.pendingCount(), 0);
}

void TestRuleEngine::cancelPendingDropsHeldReplies()
{
    Fixture f({Rule(u"slow"_s, u"body"_s, echoReply, 50)});
    f.engine.handleReceived(chat(u"x"_s));
    f.engine.cancelPending();
    QCOMPARE(f.engine.pendingCount(), 0);
    QTest::qWait(200);
    QCOMPARE(f.replySpy.size(), 0);
}

void TestRuleEngine::invalidReplyIsNotSent_data()
{
    QTest::addColumn<QString>("reply");
    QTest::addColumn<QString>("error");
    QTest::newRow("from not on the domain")
        << u"<message from='{from}' to='{to}'/>"_s
        << u"reply not sent: 'from' must be on the component's domain comp.example, not example.org (servers "
           "close the stream with invalid-from)"_s;
    QTest::newRow("to empty") << u"<message from='{to}' to='{to.resource}'/>"_s
                              << u"reply not sent: 'to' is not a valid address: the address is empty"_s;
    QTest::newRow("iq without id") << u"<iq type='result' from='{to}' to='{from}'/>"_s
                                   << u"reply not sent: an <iq/> needs an id"_s;
}

void TestRuleEngine::invalidReplyIsNotSent()
{
    QFETCH(QString, reply);
    QFETCH(QString, error);
    Fixture f({Rule(u"bad"_s, u"body"_s, reply)});
    QSignalSpy changed(&f.engine, &RuleEngine::ruleChanged);
    QVERIFY(!f.engine.handleReceived(chat(u"x"_s)));
    QCOMPARE(f.replySpy.size(), 0);
    QCOMPARE(f.failedSpy.size(), 1);
    QCOMPARE(f.failedSpy.at(0).at(1).toString(), error);
    QCOMPARE(f.engine.rules().at(0).lastError(), error);
    QCOMPARE(f.engine.rules().at(0).hits(), 1u);
    QVERIFY(!changed.isEmpty());
}

void TestRuleEngine::neverAnswersARulesReply()
{
    // A rule that writes to the component itself: its reply is routed back to it.
    Fixture f({Rule(u"self"_s, u"kind == message"_s,
                    u"<message from='{to}' to='other@comp.example'><body>{body}</body></message>"_s)});
    f.engine.handleReceived(chat(u"x"_s));
    QCOMPARE(f.replySpy.size(), 1);
    const Stanza echoed = receivedStanza(QString::fromUtf8(f.replySpy.at(0).at(0).toByteArray()));
    QVERIFY(!f.engine.handleReceived(echoed));
    QCOMPARE(f.replySpy.size(), 1);
    // Nor what another xcm's rules sent.
    f.engine.handleReceived(chat(u"y"_s, u"peer@example.org"_s, u"bot@comp.example"_s, u"xcm-rule-1a2b-3"_s));
    QCOMPARE(f.replySpy.size(), 1);
    // Anyone else still gets an answer.
    f.engine.handleReceived(chat(u"z"_s, u"peer@example.org"_s));
    QCOMPARE(f.replySpy.size(), 2);
}

void TestRuleEngine::rateLimitPausesTheRule()
{
    Fixture f({Rule(u"echo"_s, u"kind == message"_s, echoReply)});
    QCOMPARE(f.engine.maxActionsPerSecond(), RuleEngine::defaultMaxActionsPerSecond);
    for (int i = 0; i < 60; ++i)
        f.engine.handleReceived(chat(QString::number(i)));
    QCOMPARE(f.replySpy.size(), 50);
    QCOMPARE(f.pausedSpy.size(), 1);
    QCOMPARE(f.pausedSpy.at(0).at(0).toInt(), 0);
    QVERIFY(f.pausedSpy.at(0).at(1).toString().contains(u"more than 50 replies within a second"));
    QVERIFY(f.engine.rules().at(0).isPaused());
    QCOMPARE(f.engine.rules().at(0).hits(), 50u);
    QVERIFY(f.engine.rules().at(0).lastError().startsWith(u"paused:"_s));
    // Turned on again, it answers again, and no longer says it is paused.
    f.engine.setRuleEnabled(0, true);
    QVERIFY(!f.engine.rules().at(0).isPaused());
    QCOMPARE(f.engine.rules().at(0).lastError(), QString());
    f.engine.handleReceived(chat(u"again"_s));
    QCOMPARE(f.replySpy.size(), 51);

    Fixture slow({Rule(u"echo"_s, u"kind == message"_s, echoReply)});
    slow.engine.setMaxActionsPerSecond(3);
    for (int i = 0; i < 4; ++i)
        slow.engine.handleReceived(chat(QString::number(i)));
    QCOMPARE(slow.replySpy.size(), 3);
    QCOMPARE(slow.pausedSpy.size(), 1);
}

void TestRuleEngine::badRulesChangeNothing()
{
    Fixture f({Rule(u"echo"_s, u"body"_s, echoReply)});
    QSignalSpy replaced(&f.engine, &RuleEngine::rulesReplaced);
    QString error;
    QVERIFY(!f.engine.setRules(
        {Rule(u"fine"_s, u"body"_s, echoReply), Rule(u"broken"_s, u"body =="_s, echoReply)}, &error));
    QCOMPARE(error, u"rule 'broken': match: 1:8: expected a value after '=='"_s);
    QCOMPARE(f.engine.rules().size(), 1);
    QCOMPARE(f.engine.rules().at(0).name(), u"echo"_s);
    QVERIFY(!f.engine.setRules({Rule(u"x"_s, u"body"_s, u"<message to='{frm}'/>"_s)}, &error));
    QCOMPARE(error, u"rule 'x': reply: 1:14: unknown placeholder {frm} (did you mean {from}?)"_s);
    QVERIFY(!f.engine.setRules({Rule(u" "_s, u"body"_s, echoReply)}, &error));
    QCOMPARE(error, u"rule ' ': name: a rule needs a name"_s);
    QVERIFY(!f.engine.setRules({Rule(u"d"_s, u"body"_s, echoReply, -1)}, &error));
    QCOMPARE(error, u"rule 'd': delay: -1 ms is not between 0 and 3600000 ms"_s);
    QVERIFY(!f.engine.setRules({Rule(u"m"_s, u" "_s, echoReply)}, &error));
    QCOMPARE(error,
             u"rule 'm': match: a rule needs an expression (to answer everything, write: kind != stream)"_s);
    QCOMPARE(replaced.size(), 0);
    QVERIFY(f.engine.setRules({Rule(u"fine"_s, u"body"_s, echoReply)}));
    QCOMPARE(replaced.size(), 1);
}

void TestRuleEngine::catastrophicRegexBecomesTheLastError()
{
    Fixture f({Rule(u"evil"_s, u"body ~ '(a+)+$'"_s, echoReply)});
    f.engine.handleReceived(chat(QString(40, u'a') + u'!'));
    QCOMPARE(f.replySpy.size(), 0);
    QCOMPARE(f.failedSpy.size(), 1);
    QCOMPARE(f.engine.rules().at(0).lastError(), u"match: 1:9: the regular expression gave up (too much "
                                                 u"backtracking) on stanzas that count as not matching: "
                                                 "1 so far"_s);
}

QTEST_GUILESS_MAIN(TestRuleEngine)
#include "tst_ruleengine.moc"
