// SPDX-License-Identifier: GPL-3.0-or-later
// Soak: 200 connect / traffic / disconnect cycles against a real Prosody, each with 200 stanzas of about
// 250 bytes each way, every 20th ended by killing the server (the connection reconnects by its policy):
// every other time while stanzas are still flowing, so that some are in flight when it dies. Memory is
// measured after every cycle that ends with a plain disconnect; the medians of the 20 cycles after a warm-up
// and of the last 20 are compared, bounded per stanza and per cycle: nothing a stanza or a connection
// brings may stay behind (medians, because single measures move by tens of KiB with what happens to be
// allocated at that moment); open files must not grow either. The measure is the heap in use
// (glibc's mallinfo2: far steadier than the resident set, which moves with the allocator's arenas), or
// under AddressSanitizer the bytes its allocator holds live.
#include "componentconnection.h"
#include "connectionhelpers.h"
#include "prosodyserver.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTest>

#include <algorithm>
#include <malloc.h>
#include <vector>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace xcm;
using xcm::test::ComponentAccount;
using xcm::test::makeConnection;
using xcm::test::ProsodyServer;
using xcm::test::waitForState;

#if defined(__SANITIZE_ADDRESS__)
#define XCM_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define XCM_ASAN 1
#endif
#endif
#ifdef XCM_ASAN
// From <sanitizer/allocator_interface.h>, which clang ships and GCC does not (its libasan has it).
extern "C" size_t __sanitizer_get_current_allocated_bytes();
#endif

namespace {

const ComponentAccount alpha{u"alpha.localhost"_s, u"alpha-soak-secret"_s};
const ComponentAccount beta{u"beta.localhost"_s, u"beta-soak-secret"_s};
// 42,000 stanzas in all: about 17 s here, 25 s in the ASan build (Prosody sets the pace).
constexpr int cycles = 200;
constexpr int warmUp = 20; // Qt's caches and the allocator's arenas have settled by then
constexpr int killEvery = 20;
constexpr int stanzasPerCycle = 200; // each way
// What may remain after the warm-up, per stanza and per cycle. A kept stanza costs its ~250 wire bytes
// and more: one in twenty kept would be 12 bytes a stanza or more. A leaked socket or parser per
// connection is kilobytes a cycle.
constexpr double maxBytesPerStanza = 6;
constexpr double maxBytesPerCycle = 2048;

// The memory that would grow with a leak: the heap in use (ASan's or glibc's).
qint64 memoryBytes()
{
#ifdef XCM_ASAN
    return qint64(__sanitizer_get_current_allocated_bytes());
#else
    const struct mallinfo2 heap = mallinfo2();
    return qint64(heap.uordblks + heap.hblkhd); // in use: from the arenas and mapped for large blocks
#endif
}

#ifdef XCM_ASAN
constexpr auto memoryMeasure = "ASan's live heap";
#else
constexpr auto memoryMeasure = "heap in use";
#endif

qsizetype openFiles()
{
    return QDir(u"/proc/self/fd"_s).entryList(QDir::Files | QDir::System | QDir::NoDotAndDotDot).size();
}

// A chat message of about 250 bytes with a running id.
QByteArray chat(const QByteArray &from, const QByteArray &to, int number)
{
    const QByteArray id = QByteArray::number(number);
    QByteArray stanza =
        "<message from='" + from + "' to='" + to + "' id='s" + id + "' type='chat'><body>" + id + ' ';
    const QByteArray end = "</body></message>";
    stanza += QByteArray(qMax(0, 250 - int(stanza.size() + end.size())), 'x') + end;
    return stanza;
}

// The library's defaults but for a quicker reconnect after each kill.
void reconnectQuickly(ConnectionSettings &settings)
{
    settings.reconnect.initialDelay = 100ms;
    settings.reconnect.maxDelay = 300ms;
}

constexpr int stateTimeoutMs = 15000;

} // namespace

class TestSoak : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void cyclesKeepMemoryFlat();
};

void TestSoak::cyclesKeepMemoryFlat()
{
    QString why;
    if (!ProsodyServer::available(&why))
        QFAIL(qPrintable(u"Prosody is required: "_s + why));
    ProsodyServer server({alpha, beta});
    QVERIFY2(server.start(&why), qPrintable(why));
    auto a = makeConnection(server, alpha, reconnectQuickly);
    auto b = makeConnection(server, beta, reconnectQuickly);
    int atA = 0, atB = 0;
    connect(a.get(), &ComponentConnection::stanzaReceived, this, [&atA](const Stanza &stanza) {
        if (stanza.kind() == StanzaKind::Message)
            ++atA;
    });
    connect(b.get(), &ComponentConnection::stanzaReceived, this, [&atB](const Stanza &stanza) {
        if (stanza.kind() == StanzaKind::Message)
            ++atB;
    });
    int reconnects = 0;
    connect(a.get(), &ComponentConnection::reconnectScheduled, this, [&reconnects] { ++reconnects; });
    b->connectToServer();
    QVERIFY(waitForState(*b, ConnectionState::Connected, stateTimeoutMs));

    struct Sample
    {
        int cycle = 0;
        qint64 bytes = 0;
        int stanzas = 0;
    };
    std::vector<Sample> samples; // after each cycle ended by a plain disconnect
    qsizetype warmFiles = 0;
    int sentByA = 0, sentByB = 0;
    qint64 wireBytes = 0;
    QString refusal;
    // Both ways at once, then wait until every stanza has arrived.
    const auto traffic = [&] {
        for (int i = 0; i < stanzasPerCycle; ++i) {
            const QByteArray toB = chat("a@alpha.localhost", "b@beta.localhost", sentByA);
            const QByteArray toA = chat("b@beta.localhost", "a@alpha.localhost", sentByB);
            refusal = a->send(toB);
            if (refusal.isEmpty())
                refusal = b->send(toA);
            if (!refusal.isEmpty())
                return false;
            ++sentByA;
            ++sentByB;
            wireBytes += toB.size() + toA.size();
        }
        return QTest::qWaitFor([&] { return atB == sentByA && atA == sentByB; }, 20000);
    };
    QElapsedTimer elapsed;
    elapsed.start();
    for (int cycle = 1; cycle <= cycles; ++cycle) {
        if (a->state() == ConnectionState::Disconnected)
            a->connectToServer();
        QVERIFY2(waitForState(*a, ConnectionState::Connected, stateTimeoutMs),
                 qPrintable(a->lastReason().toString()));
        const auto arrived = [&] {
            return u"cycle %1: %2 of %3 stanzas arrived at beta, %4 of %5 at alpha%6"_s.arg(cycle)
                .arg(atB)
                .arg(sentByA)
                .arg(atA)
                .arg(sentByB)
                .arg(refusal.isEmpty() ? QString() : u"; refused: "_s + refusal);
        };
        QVERIFY2(traffic(), qPrintable(arrived()));
        if (cycle % killEvery == 0) {
            if (cycle % (2 * killEvery) == 0) {
                // Killed while stanzas flow: what is in flight is lost with the server, and the counts
                // start again after the reconnect.
                for (int i = 0; i < stanzasPerCycle && refusal.isEmpty(); ++i) {
                    refusal = a->send(chat("a@alpha.localhost", "b@beta.localhost", sentByA++));
                    if (refusal.isEmpty())
                        refusal = b->send(chat("b@beta.localhost", "a@alpha.localhost", sentByB++));
                    if (i == stanzasPerCycle / 2)
                        QTest::qWait(5); // some on their way through Prosody
                }
                QVERIFY2(refusal.isEmpty(), qPrintable(refusal));
                QVERIFY2(atB < sentByA || atA < sentByB,
                         "all arrived before the kill: nothing was in flight");
            }
            server.kill();
            // Both must have seen the kill: one that has not yet would pass below for connected to the
            // new server, and what alpha then sent it would bounce (seen under load: 200 error bounces
            // counted at alpha, 200 messages missing at beta).
            QVERIFY(waitForState(*a, ConnectionState::Disconnected, stateTimeoutMs));
            QVERIFY(waitForState(*b, ConnectionState::Disconnected, stateTimeoutMs));
            QVERIFY2(server.restart(&why), qPrintable(why));
            // Reconnected by the policy, not by us.
            QVERIFY2(waitForState(*b, ConnectionState::Connected, stateTimeoutMs),
                     qPrintable(b->lastReason().toString()));
            QVERIFY2(waitForState(*a, ConnectionState::Connected, stateTimeoutMs),
                     qPrintable(a->lastReason().toString()));
            // Both are on new streams: nothing more comes from the dead server, what is missing is lost.
            atA = sentByB;
            atB = sentByA;
            QVERIFY2(traffic(), qPrintable(arrived()));
        } else {
            a->disconnectFromServer();
            QVERIFY(waitForState(*a, ConnectionState::Disconnected, stateTimeoutMs));
            QCOMPARE(a->lastReason().kind, DisconnectReason::Kind::UserRequest);
        }
        if (cycle == warmUp)
            warmFiles = openFiles();
        if (cycle > warmUp && cycle % killEvery != 0)
            samples.push_back({cycle, memoryBytes(), sentByA + sentByB});
    }
    const qsizetype endFiles = openFiles();
    // The median sample of a window of cycles.
    const auto median = [&samples](int firstCycle, int lastCycle) {
        std::vector<Sample> window;
        std::copy_if(samples.begin(), samples.end(), std::back_inserter(window), [&](const Sample &sample) {
            return sample.cycle >= firstCycle && sample.cycle <= lastCycle;
        });
        std::nth_element(window.begin(), window.begin() + window.size() / 2, window.end(),
                         [](const Sample &a, const Sample &b) { return a.bytes < b.bytes; });
        return window[window.size() / 2];
    };
    const Sample warm = median(warmUp + 1, warmUp + 20);
    const Sample end = median(cycles - 19, cycles);
    const qint64 warmBytes = warm.bytes;
    const qint64 endBytes = end.bytes;
    const int warmStanzas = warm.stanzas;
    QVERIFY(reconnects >= cycles / killEvery); // at least one retry after each kill
    const int measuredStanzas = std::max(1, end.stanzas - warmStanzas);
    const double bytesPerStanza = double(endBytes - warmBytes) / measuredStanzas;
    const double bytesPerCycle = double(endBytes - warmBytes) / std::max(1, end.cycle - warm.cycle);
    qInfo("%d cycles in %.1f s, %d stanzas (%lld wire bytes), %d reconnects by policy; %s (medians) %lld "
          "KiB after cycle %d, %lld KiB after cycle %d: %+.2f bytes per stanza, %+.0f per cycle; open files "
          "%lld, then %lld",
          cycles, elapsed.elapsed() / 1000.0, sentByA + sentByB, wireBytes, reconnects, memoryMeasure,
          warmBytes / 1024, warm.cycle, endBytes / 1024, end.cycle, bytesPerStanza, bytesPerCycle,
          qint64(warmFiles), qint64(endFiles));
    QVERIFY(warmBytes > 0 && endBytes > 0);
    QVERIFY2(endFiles <= warmFiles, "a connection left a file descriptor behind");
    QVERIFY2(
        bytesPerCycle <= maxBytesPerCycle,
        qPrintable(u"%1 grew by %2 bytes a cycle, at most %3 allowed"_s.arg(QLatin1StringView(memoryMeasure))
                       .arg(bytesPerCycle, 0, 'f', 0)
                       .arg(maxBytesPerCycle)));
    // Nothing is meant to accumulate, per stanza or per cycle (a leaked socket or parser per cycle,
    // 16 KiB and more, would be 39 bytes per stanza here).
    QVERIFY2(
        bytesPerStanza <= maxBytesPerStanza,
        qPrintable(u"%1 grew by %2 KiB over %3 stanzas after the warm-up: %4 bytes per stanza, at most %5 "
                   "allowed"_s.arg(QLatin1StringView(memoryMeasure))
                       .arg((endBytes - warmBytes) / 1024)
                       .arg(measuredStanzas)
                       .arg(bytesPerStanza, 0, 'f', 1)
                       .arg(maxBytesPerStanza)));
}

QTEST_GUILESS_MAIN(TestSoak)
#include "tst_soak.moc"
