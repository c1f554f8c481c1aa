// SPDX-License-Identifier: GPL-3.0-or-later
// Copies of one stanza read on two threads at once, as the desktop proxy's relay thread and its window do:
// the tree parsed at the first element() comes out whole on both, whichever thread parses it, and a copy
// detached meanwhile (passedOn) has the tree or parses its own.
#include "stanza.h"
#include "streamparser.h"

#include <QTest>

#include <atomic>
#include <barrier>
#include <thread>

using namespace Qt::StringLiterals;
using namespace xcm;

class TestStanza : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void copiesAreReadOnTwoThreadsAtOnce();
};

namespace {

// Stanzas as the connection delivers them: from the scanner, no tree parsed yet.
QList<Stanza> scannedMessages(int count)
{
    StreamParser parser;
    QList<Stanza> stanzas;
    QObject::connect(&parser, &StreamParser::stanzaReceived,
                     [&stanzas](const Stanza &stanza) { stanzas.append(stanza); });
    parser.feed("<stream:stream xmlns:stream='http://etherx.jabber.org/streams' "
                "xmlns='jabber:component:accept' from='comp.example' id='s1'>");
    for (int n = 0; n < count; ++n) {
        parser.feed(u"<message from='a@example.org' to='bot@comp.example' id='m%1'><body>text %1</body>"
                    "<x xmlns='urn:example'><y>%1</y></x></message>"_s.arg(n)
                        .toUtf8());
    }
    return stanzas;
}

bool isWhole(const XmlElement &element, int n)
{
    return element.name() == u"message" && element.firstChild(u"body").text() == u"text %1"_s.arg(n) &&
           element.firstChild(u"x", u"urn:example").firstChild(u"y").text() == QString::number(n);
}

} // namespace

void TestStanza::copiesAreReadOnTwoThreadsAtOnce()
{
    constexpr int count = 3000;
    const QList<Stanza> stanzas = scannedMessages(count);
    QCOMPARE(stanzas.size(), count);
    std::atomic<int> broken = 0;
    // Both threads start on each stanza together, each from a copy of its own.
    std::barrier lineUp(2);
    const auto read = [&](bool detachToo) {
        for (int n = 0; n < count; ++n) {
            const Stanza copy = stanzas.at(n);
            lineUp.arrive_and_wait();
            if (!isWhole(copy.element(), n))
                ++broken;
            if (detachToo && !isWhole(copy.passedOn(Direction::Sent, 1).element(), n))
                ++broken;
        }
    };
    std::jthread relay(read, true);
    read(false);
    relay.join();
    QCOMPARE(broken.load(), 0);
    for (int n = 0; n < count; ++n)
        QVERIFY(isWhole(stanzas.at(n).element(), n)); // and the trees kept are whole
}

QTEST_GUILESS_MAIN(TestStanza)
#include "tst_stanza.moc"
