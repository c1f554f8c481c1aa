// SPDX-License-Identifier: GPL-3.0-or-later
#include "sendinput.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace xcm::cli;

namespace {

// What a SendInput reported for one input, cut into pieces at the given offsets.
struct Outcome
{
    QList<QByteArray> stanzas;
    QStringList locations;
    QString error;
    int errors = 0;

    bool operator==(const Outcome &) const = default;
};

Outcome run(const QByteArray &input, QList<qsizetype> cuts, qint64 maxStanzaBytes = 512 * 1024)
{
    SendInput sendInput(u"in.xml"_s, maxStanzaBytes);
    Outcome outcome;
    QObject::connect(&sendInput, &SendInput::stanzaReady,
                     [&](const QByteArray &wire, const QString &location) {
                         outcome.stanzas.append(wire);
                         outcome.locations.append(location);
                     });
    QObject::connect(&sendInput, &SendInput::failed, [&](const QString &message) {
        outcome.error = message;
        ++outcome.errors;
    });
    qsizetype from = 0;
    cuts.append(input.size());
    for (const qsizetype cut : std::as_const(cuts)) {
        sendInput.feed(QByteArrayView(input).sliced(from, cut - from));
        from = cut;
    }
    sendInput.finish();
    return outcome;
}

QString describe(const Outcome &outcome)
{
    return u"stanzas %1 at %2, error \"%3\""_s.arg(QString::fromUtf8(outcome.stanzas.join(" | ")),
                                                   outcome.locations.join(u", "_s), outcome.error);
}

const QByteArray ok = "<message from='bot.example' to='a@example.org'/>";

} // namespace

// The --send input splitter, fed whole, byte by byte and cut in two at every offset: the outcome must
// not depend on how standard input happened to deliver the bytes.
class TestSendInput : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void outcome_data();
    void outcome();
    void stanzaSizeLimitNamesTheStanza();
};

void TestSendInput::outcome_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QList<QByteArray>>("stanzas");
    QTest::addColumn<QStringList>("locations");
    QTest::addColumn<QString>("error");

    QTest::newRow("stanzas and whitespace")
        << QByteArray(ok + "\n\n  " + ok + "\n") << QList<QByteArray>{ok, ok}
        << QStringList{u"in.xml:1:1"_s, u"in.xml:3:3"_s} << QString();
    QTest::newRow("BOM, declaration and comments are not sent")
        << QByteArray(
               "\xEF\xBB\xBF<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<!-- a\nb -->"
               "<message from='bot.example' to='a@example.org'><!-- c --><body>hi</body></message><!---->")
        << QList<QByteArray>{"<message from='bot.example' to='a@example.org'><body>hi</body></message>"}
        << QStringList{u"in.xml:3:6"_s} << QString();
    QTest::newRow("a declaration per concatenated file")
        << QByteArray("<?xml version='1.0'?>" + ok + "\n<?xml version='1.0'?>\n" + ok)
        << QList<QByteArray>{ok, ok} << QStringList{u"in.xml:1:22"_s, u"in.xml:3:1"_s} << QString();
    QTest::newRow("comment markers inside text, attributes and CDATA are kept")
        << QByteArray("<message from='bot.example' to='a@example.org' x='--&gt;'><body>a --> b "
                      "<![CDATA[<!-- not a comment -->]]></body></message>")
        << QList<QByteArray>{"<message from='bot.example' to='a@example.org' x='--&gt;'><body>a --> b "
                             "<![CDATA[<!-- not a comment -->]]></body></message>"}
        << QStringList{u"in.xml:1:1"_s} << QString();
    QTest::newRow("a comment ending in --->") << QByteArray("<!-- x --->" + ok) << QList<QByteArray>{ok}
                                              << QStringList{u"in.xml:1:12"_s} << QString();
    QTest::newRow("predefined and numeric references")
        << QByteArray(
               "<message from='bot.example' to='a@example.org'><body>&lt;&amp;&#169;&#xA9;</body></message>")
        << QList<
               QByteArray>{"<message from='bot.example' to='a@example.org'><body>&lt;&amp;&#169;&#xA9;</body>"
                           "</message>"}
        << QStringList{u"in.xml:1:1"_s} << QString();

    // Errors, each at its place in the input as the user wrote it.
    QTest::newRow("stray text") << QByteArray(ok + "\nhello world\n" + ok) << QList<QByteArray>{ok}
                                << QStringList{u"in.xml:1:1"_s}
                                << u"in.xml:2:1: text outside any stanza: \"hello world\""_s;
    QTest::newRow("stray text with an accent")
        << QByteArray("h\xC3\xA9llo <") << QList<QByteArray>{} << QStringList{}
        << u"in.xml:1:1: text outside any stanza: \"h\u00E9llo\""_s;
    QTest::newRow("long stray text, cut before a character")
        << QByteArray(QByteArray(39, 'a') + "\xC3\xA9 and more") << QList<QByteArray>{} << QStringList{}
        << u"in.xml:1:1: text outside any stanza: \"%1\""_s.arg(QString(39, u'a'));
    QTest::newRow("mismatch on a line with comments")
        << QByteArray("<!--\n-->" + ok + "<!-- x -->\n<!-- y --><message><!-- zz --><b>x</c></message>")
        << QList<QByteArray>{ok} << QStringList{u"in.xml:2:4"_s}
        << u"in.xml:3:39: Opening and ending tag mismatch."_s;
    QTest::newRow("mismatch after a multi-line comment inside the stanza")
        << QByteArray("<message><!--\n\n--><b>x</c></message>") << QList<QByteArray>{} << QStringList{}
        << u"in.xml:3:12: Opening and ending tag mismatch."_s;
    QTest::newRow("CRLF and lone CR line ends, as the reader counts them")
        << QByteArray("<!-- a -->\r\n" + ok + "\r\n\r<!-- b -->\r\n<message>\r<b>x</c></message>\r\n")
        << QList<QByteArray>{ok} << QStringList{u"in.xml:2:1"_s}
        << u"in.xml:6:9: Opening and ending tag mismatch."_s;
    QTest::newRow("stray text after CRLF")
        << QByteArray(ok + "\r\n\r\nhi") << QList<QByteArray>{ok} << QStringList{u"in.xml:1:1"_s}
        << u"in.xml:3:1: text outside any stanza: \"hi\""_s;
    QTest::newRow("a four-byte character counts as two columns, as the reader counts")
        << QByteArray("<message><b>\xF0\x9F\x98\x80</c></message>") << QList<QByteArray>{} << QStringList{}
        << u"in.xml:1:19: Opening and ending tag mismatch."_s;
    QTest::newRow("DTD") << QByteArray("<!DOCTYPE m>") << QList<QByteArray>{} << QStringList{}
                         << u"in.xml:1:1: a DTD or declaration (<!DOCTYPE…): XMPP allows no DTDs, and so no "
                            "entities but &lt; &gt; &amp; &quot; &apos;"_s;
    QTest::newRow("entity in an attribute")
        << QByteArray(ok + "\n<message a='&ent;'/>") << QList<QByteArray>{ok} << QStringList{u"in.xml:1:1"_s}
        << u"in.xml:2:13: the entity &ent; is not defined: XMPP allows no DTDs, so only &lt; &gt; &amp; "
           u"&quot; "
           "&apos; and character references such as &#160; exist"_s;
    QTest::newRow("processing instruction")
        << QByteArray("<message><?target data?></message>") << QList<QByteArray>{} << QStringList{}
        << u"in.xml:1:10: a processing instruction (<?target …?>): XMPP allows none"_s;
    QTest::newRow("declaration inside a stanza")
        << QByteArray("<message><?xml version='1.0'?></message>") << QList<QByteArray>{} << QStringList{}
        << u"in.xml:1:10: an XML declaration inside a stanza"_s;
    QTest::newRow("CDATA between stanzas")
        << QByteArray("<![CDATA[x]]>") << QList<QByteArray>{} << QStringList{}
        << u"in.xml:1:1: text outside any stanza (a CDATA section)"_s;
    QTest::newRow("end tag without a stanza")
        << QByteArray(ok + "</message>" + ok) << QList<QByteArray>{ok} << QStringList{u"in.xml:1:1"_s}
        << u"in.xml:1:49: an end tag, but no stanza is open"_s;
    QTest::newRow("cut off")
        << QByteArray(ok + "\n<message><body>") << QList<QByteArray>{ok} << QStringList{u"in.xml:1:1"_s}
        << u"in.xml:2:1: the input ends in the middle of the stanza that starts here; it was "
           "not sent"_s;
    QTest::newRow("cut off at '<'") << QByteArray(ok + " <") << QList<QByteArray>{ok}
                                    << QStringList{u"in.xml:1:1"_s}
                                    << u"in.xml:1:50: the input ends in the middle of the stanza that starts "
                                       "here; it was not sent"_s;
    QTest::newRow("comment without end")
        << QByteArray(ok + "<!-- x") << QList<QByteArray>{ok} << QStringList{u"in.xml:1:1"_s}
        << u"in.xml:1:49: a comment that never ends ('-->' is missing)"_s;
    QTest::newRow("invalid UTF-8") << QByteArray("<message>\n\xFF</message>") << QList<QByteArray>{}
                                   << QStringList{} << u"in.xml:2:1: invalid UTF-8 (XMPP is UTF-8 only)"_s;
    // At its place in the file: the parser would say "at byte 196 of the stream" of the stream it reads.
    QTest::newRow("control character")
        << QByteArray(ok + "\n<message><body>bad \x01 here</body></message>") << QList<QByteArray>{ok}
        << QStringList{u"in.xml:1:1"_s} << u"in.xml:2:20: the character U+0001 is not allowed in XML"_s;
    QTest::newRow("U+FFFE after an accent")
        << QByteArray("<message><body>caf\xC3\xA9 \xEF\xBF\xBE</body></message>") << QList<QByteArray>{}
        << QStringList{} << u"in.xml:1:21: the character U+FFFE is not allowed in XML"_s;
    QTest::newRow("a character cut short")
        << QByteArray("<message>caf\xC3(</message>") << QList<QByteArray>{} << QStringList{}
        << u"in.xml:1:13: invalid UTF-8 (XMPP is UTF-8 only)"_s;
    QTest::newRow("nothing") << QByteArray() << QList<QByteArray>{} << QStringList{}
                             << u"in.xml: no stanza to send"_s;
    QTest::newRow("only what is not sent")
        << QByteArray("\xEF\xBB\xBF<?xml version='1.0'?>\n<!-- later -->\n") << QList<QByteArray>{}
        << QStringList{} << u"in.xml: no stanza to send"_s;
}

void TestSendInput::outcome()
{
    QFETCH(QByteArray, input);
    QFETCH(QList<QByteArray>, stanzas);
    QFETCH(QStringList, locations);
    QFETCH(QString, error);
    const Outcome expected{stanzas, locations, error, error.isEmpty() ? 0 : 1};

    const Outcome whole = run(input, {});
    QVERIFY2(whole == expected, qPrintable(describe(whole)));
    QList<qsizetype> everyByte;
    for (qsizetype i = 1; i < input.size(); ++i)
        everyByte.append(i);
    const Outcome byteByByte = run(input, everyByte);
    QVERIFY2(byteByByte == expected, qPrintable(u"byte by byte: "_s + describe(byteByByte)));
    for (qsizetype cut = 1; cut < input.size(); ++cut) {
        const Outcome twoPieces = run(input, {cut});
        QVERIFY2(twoPieces == expected, qPrintable(u"cut at %1: "_s.arg(cut) + describe(twoPieces)));
    }
}

void TestSendInput::stanzaSizeLimitNamesTheStanza()
{
    const QByteArray big =
        "<message from='bot.example' to='a@example.org'><body>" + QByteArray(400, 'x') + "</body></message>";
    const Outcome outcome = run(ok + "\n\n" + big, {}, 256);
    QCOMPARE(outcome.stanzas, QList<QByteArray>{ok});
    QVERIFY2(outcome.error.startsWith(u"in.xml:3:1: a stanza "_s), qPrintable(outcome.error));
}

QTEST_GUILESS_MAIN(TestSendInput)
#include "tst_sendinput.moc"
