// SPDX-License-Identifier: GPL-3.0-or-later
// The log's memory budget: at most 1.2 times the wire bytes per stanza (issue 15), measured as the
// growth of the resident set while a million-row log fills (Linux only).

#include "prerequisite.h"
#include "stanzalogmodel.h"
#include "stanzasamples.h"

#include <QFile>
#include <QTest>

#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace xcm;

namespace {

qint64 residentBytes()
{
    QFile statm(u"/proc/self/statm"_s);
    if (!statm.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> fields = statm.readAll().split(' ');
    return fields.size() > 1 ? fields.at(1).toLongLong() * sysconf(_SC_PAGESIZE) : -1;
}

} // namespace

class TestStanzaLogMemory : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void staysWithinBudget();
};

void TestStanzaLogMemory::staysWithinBudget()
{
#if defined(__SANITIZE_ADDRESS__)
    QSKIP("AddressSanitizer's redzones and quarantine inflate every allocation: the memory budget is "
          "checked in the plain build");
#endif
    XCM_REQUIRE_PREREQUISITE(residentBytes() >= 0, QStringLiteral("needs /proc/self/statm"));
    const int count = qEnvironmentVariableIntValue("XCM_LOG_MEMORY_STANZAS") > 0
                          ? qEnvironmentVariableIntValue("XCM_LOG_MEMORY_STANZAS")
                          : 1'000'000; // the README's figure
    QList<QByteArray> patterns;
    for (int i = 0; i < 100; ++i)
        patterns.append(samples::loadMessage(i, 250));
    QXmlStreamAttributes attributes;
    attributes.append(u"from"_s, u"load@example.org/r"_s);
    attributes.append(u"to"_s, u"echo@bot.example.org"_s);
    attributes.append(u"type"_s, u"chat"_s);

    StanzaLogModel model;
    const qint64 before = residentBytes();
    qint64 wireBytes = 0;
    for (int i = 0; i < count; ++i) {
        const QByteArray &pattern = patterns.at(i % patterns.size());
        // A fresh allocation per stanza, with the parsed parts beside it, as the parser hands them over.
        model.append(Stanza(Direction::Received, 1'700'000'000'000 + i,
                            QByteArray(pattern.constData(), pattern.size()), u"message"_s,
                            u"jabber:component:accept"_s, attributes));
        wireBytes += pattern.size();
        if (model.pendingCount() >= 10'000)
            model.flush(); // as the event loop would
    }
    model.flush();
    const qint64 growth = residentBytes() - before;
    QCOMPARE(model.rowCount(), count);

    const double perStanza = double(growth) / count;
    const double wirePerStanza = double(wireBytes) / count;
    const double budget = 1.2 * wirePerStanza;
    qInfo(
        "%d stanzas of %.0f bytes: %.1f MB resident growth, %.0f bytes per stanza (budget %.0f, %.2fx wire)",
        count, wirePerStanza, growth / 1e6, perStanza, budget, perStanza / wirePerStanza);
    QVERIFY2(perStanza <= budget, qPrintable(u"%1 bytes per stanza"_s.arg(perStanza)));
}

QTEST_GUILESS_MAIN(TestStanzaLogMemory)
#include "tst_stanzalogmemory.moc"
