// SPDX-License-Identifier: GPL-3.0-or-later
// xcm-bench-logmem: what the stanza log costs in memory. Feeds realistic chat messages through
// xcm::StreamParser (as the connection does) into xcm::StanzaLogModel and compares the growth of the
// resident set per stanza with the stanza's size on the wire; then checks that a capped log keeps the
// newest rows and counts the ones it dropped.

#include "benchmessages.h"
#include "processmemory.h"
#include "stanzalogmodel.h"
#include "streamparser.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>
#include <functional>

using namespace Qt::StringLiterals;

namespace {

const QString domain = u"bench.localhost"_s;

// Streams `count` messages through a parser into `sink`, a few hundred at a time, so that the input
// never exists as one big buffer that would blur the measurement.
qint64 feedMessages(qint64 count, const std::function<void(const xcm::Stanza &)> &sink)
{
    xcm::StreamParser parser;
    qint64 wireBytes = 0;
    QObject::connect(&parser, &xcm::StreamParser::stanzaReceived, [&](const xcm::Stanza &stanza) {
        wireBytes += stanza.wire().size();
        sink(stanza);
    });
    parser.feed("<?xml version='1.0'?><stream:stream xmlns:stream='http://etherx.jabber.org/streams' "
                "xmlns='jabber:component:accept' from='bench.localhost' id='logmem'>");
    constexpr qint64 perChunk = 256;
    QByteArray chunk;
    for (qint64 i = 0; i < count; i += perChunk) {
        chunk.clear();
        for (qint64 j = i; j < std::min(count, i + perChunk); ++j)
            chunk += xcm::bench::chatMessage(j, count, domain);
        parser.feed(chunk);
        // Let the model's flush timer run, as the event loop would between socket reads.
        QCoreApplication::processEvents();
    }
    return wireBytes;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"xcm-bench-logmem"_s);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Memory of the stanza log per stanza, against its wire size."_s);
    parser.addHelpOption();
    const QCommandLineOption stanzas(u"stanzas"_s, u"Stanzas into the log (default 1000000)."_s, u"n"_s,
                                     u"1000000"_s);
    const QCommandLineOption cap(u"cap"_s, u"Row cap for the drop check (default 10000)."_s, u"rows"_s,
                                 u"10000"_s);
    parser.addOptions({stanzas, cap});
    parser.process(app);
    const qint64 count = parser.value(stanzas).toLongLong();
    const qsizetype capRows = parser.value(cap).toLongLong();
    if (count < 1 || capRows < 1) {
        std::fprintf(stderr, "xcm-bench-logmem: --stanzas and --cap must be positive\n");
        return 2;
    }

    // Part 1: the default log (cap 1,000,000) takes every stanza.
    auto *model = new xcm::StanzaLogModel;
    feedMessages(64, [model](const xcm::Stanza &s) { model->append(s); }); // first-use allocations
    model->clear();
    QCoreApplication::processEvents();
    const qint64 rssBefore = xcm::bench::currentRssBytes();
    const qint64 wireBytes = feedMessages(count, [model](const xcm::Stanza &s) { model->append(s); });
    model->flush();
    QCoreApplication::processEvents();
    const qint64 rssAfter = xcm::bench::currentRssBytes();
    const qint64 rows = model->rowCount();
    const double wirePerStanza = double(wireBytes) / double(count);
    const double perStanza = double(rssAfter - rssBefore) / double(rows);
    const double budget = 1.5 * wirePerStanza + 64;
    const bool memoryOk = rows == std::min<qint64>(count, model->maxRows()) && perStanza <= budget;
    std::fprintf(stderr,
                 "log memory: %lld rows, wire %.1f B/stanza, RSS growth %.1f MB = %.1f B/stanza "
                 "(budget 1.5 x wire + 64 = %.1f B): %s\n",
                 rows, wirePerStanza, double(rssAfter - rssBefore) / 1e6, perStanza, budget,
                 memoryOk ? "PASS" : "MISS");
    delete model;

    // Part 2: a capped log keeps the newest rows and says how many it dropped.
    const qint64 capStanzas = capRows * 5 / 2;
    xcm::StanzaLogModel capped;
    capped.setMaxRows(capRows);
    quint64 signalled = 0;
    QObject::connect(&capped, &xcm::StanzaLogModel::rowsDropped, [&](quint64 n) { signalled += n; });
    feedMessages(capStanzas, [&capped](const xcm::Stanza &s) { capped.append(s); });
    capped.flush();
    const qint64 kept = capped.rowCount();
    const bool newestKept =
        kept > 0 && capped.wireAt(int(kept - 1)).contains("id='last'") &&
        capped.wireAt(0) == xcm::bench::chatMessage(capStanzas - kept, capStanzas, domain);
    const bool capOk = kept <= capRows && kept > 0 && capped.droppedCount() == quint64(capStanzas - kept) &&
                       signalled == capped.droppedCount() && newestKept;
    std::fprintf(stderr,
                 "log cap: %lld stanzas into a log capped at %lld: %lld rows kept, %llu dropped "
                 "(signalled %llu), newest kept: %s: %s\n",
                 capStanzas, qint64(capRows), kept, static_cast<unsigned long long>(capped.droppedCount()),
                 static_cast<unsigned long long>(signalled), newestKept ? "yes" : "no",
                 capOk ? "PASS" : "FAIL");

    std::printf(
        "LOGMEM stanzas=%lld rows=%lld wire_per_stanza=%.1f rss_growth_bytes=%lld per_stanza=%.1f "
        "budget=%.1f memory_ok=%d cap=%lld cap_stanzas=%lld cap_rows=%lld cap_dropped=%llu cap_ok=%d\n",
        count, rows, wirePerStanza, rssAfter - rssBefore, perStanza, budget, memoryOk ? 1 : 0,
        qint64(capRows), capStanzas, kept, static_cast<unsigned long long>(capped.droppedCount()),
        capOk ? 1 : 0);
    return memoryOk && capOk ? 0 : 1;
}
