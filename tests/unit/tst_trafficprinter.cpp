// SPDX-License-Identifier: GPL-3.0-or-later
#include "trafficprinter.h"

#include <QTemporaryFile>
#include <QTest>

#include <cstdio>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace xcm;
using namespace xcm::cli;

namespace {

// What TrafficPrinter writes to standard output while `print` runs, read back from a file put there.
QByteArray printedBy(const std::function<void(TrafficPrinter &)> &print, TrafficPrinter::Style style = {})
{
    QTemporaryFile file;
    if (!file.open())
        return {};
    std::fflush(stdout);
    const int savedOutput = ::dup(STDOUT_FILENO);
    ::dup2(file.handle(), STDOUT_FILENO);
    {
        TrafficPrinter printer(style);
        print(printer);
    } // writes what waits
    ::dup2(savedOutput, STDOUT_FILENO);
    ::close(savedOutput);
    file.seek(0);
    return file.readAll();
}

} // namespace

// xcm-cli prints one line per stanza: line breaks inside become character references wherever they
// are (the fast check looks 16 bytes at a time, then at the tail byte by byte), so do C1 controls, and
// bytes that are not UTF-8 are shown as U+FFFD, as QString shows them.
class TestTrafficPrinter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void printsEachStanzaOnOneLine_data()
    {
        QTest::addColumn<QByteArray>("wire");
        QTest::addColumn<QByteArray>("printed");
        QTest::newRow("plain") << "<message to='a@b'><body>nothing to change here</body></message>"_ba
                               << "<message to='a@b'><body>nothing to change here</body></message>"_ba;
        QTest::newRow("line feed in the first 16 bytes") << "<a>one\ntwo and more text after it</a>"_ba
                                                         << "<a>one&#10;two and more text after it</a>"_ba;
        QTest::newRow("carriage return in the tail") << "<a>0123456789abcd\rx</a>"_ba
                                                     << "<a>0123456789abcd&#13;x</a>"_ba;
        QTest::newRow("line feed in a short stanza") << "<a>x\ny</a>"_ba
                                                     << "<a>x&#10;y</a>"_ba;
        QTest::newRow("non-ASCII with a line break") << "<a>Grüße aus Köln\n und mehr</a>"_ba
                                                     << "<a>Grüße aus Köln&#10; und mehr</a>"_ba;
        QTest::newRow("non-ASCII only in the tail") << "<a>0123456789abcdef ü</a>"_ba
                                                    << "<a>0123456789abcdef ü</a>"_ba;
        QTest::newRow("not UTF-8") << "<a>\xff</a>"_ba
                                   << "<a>\xef\xbf\xbd</a>"_ba;
        // XML allows C1 controls, and some terminals act on them: U+009B starts an escape sequence.
        QTest::newRow("C1 control") << "<a>\xc2\x9b"
                                       "2J and \xc2\x85 but \xc2\xa0 is a space</a>"_ba
                                    << "<a>&#155;2J and &#133; but \xc2\xa0 is a space</a>"_ba;
        // A right-to-left override shows the rest of the line reversed: "txt.exe" reads as "exe.txt".
        QTest::newRow("bidirectional controls")
            << "<a>file\xe2\x80\xaetxt.exe and \xe2\x81\xa6isolated\xe2\x81\xa9, \xe2\x80\xa6 stays</a>"_ba
            << "<a>file&#8238;txt.exe and &#8294;isolated&#8297;, \xe2\x80\xa6 stays</a>"_ba;
    }

    void printsEachStanzaOnOneLine()
    {
        QFETCH(QByteArray, wire);
        QFETCH(QByteArray, printed);
        const QByteArray output = printedBy([&](TrafficPrinter &printer) {
            printer.printStanza(Stanza(Direction::Sent, 0, wire, XmlElement()), "OUT");
        });
        QCOMPARE(output.count('\n'), 1);
        QVERIFY2(output.endsWith(QByteArray(" OUT " + printed + '\n')), output.constData());
    }

    void prettyEscapesWhatDrivesTheTerminalToo()
    {
        // --pretty printed the indented XML as it was: a right-to-left override reached the terminal.
        TrafficPrinter::Style pretty;
        pretty.pretty = true;
        const QByteArray output = printedBy(
            [](TrafficPrinter &printer) {
                printer.printStanza(Stanza::fromLoggedWire(Direction::Received, 0,
                                                           "<message><body>file\xe2\x80\xaetxt.exe \xc2\x9b"
                                                           "2J"
                                                           "</body></message>"_ba),
                                    "IN ");
            },
            pretty);
        QVERIFY2(output.contains("file&#8238;txt.exe &#155;2J"), output.constData());
        QVERIFY2(output.count('\n') > 2, output.constData()); // its own lines kept
    }

    void prettyLinesEndWithoutSpaces()
    {
        // The time and the direction on a line of their own, the indented stanza below: no padding
        // left at a line's end (it was "12:00:00.000 IN  " then the stanza), no blank line between.
        TrafficPrinter::Style pretty;
        pretty.pretty = true;
        const QByteArray output = printedBy(
            [](TrafficPrinter &printer) {
                printer.printStanza(
                    Stanza::fromLoggedWire(Direction::Received, 0, "<message><body>hi</body></message>"_ba),
                    "IN ");
                printer.printStanza(Stanza::fromLoggedWire(Direction::Sent, 0, "<presence/>"_ba), "OUT");
            },
            pretty);
        const QList<QByteArray> lines = output.split('\n');
        QCOMPARE(lines.size(), 7); // two headers, three lines of message, one of presence, and the end
        QVERIFY2(lines.constFirst().endsWith(" IN"), output.constData());
        for (const QByteArray &line : lines.first(lines.size() - 1)) {
            QVERIFY2(!line.isEmpty() && !line.endsWith(' '), output.constData());
        }
    }
};

QTEST_GUILESS_MAIN(TestTrafficPrinter)
#include "tst_trafficprinter.moc"
