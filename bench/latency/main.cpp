// SPDX-License-Identifier: GPL-3.0-or-later
// xcm-bench-latency: plays the server side of XEP-0114 and sends chat messages at a steady rate to one
// echoing component, timing each message's round trip. Prints a human summary on stderr and one
// machine-readable RESULT line on stdout for bench/run.

#include "latencysummary.h"
#include "pacedechosource.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>

#include <cstdio>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"xcm-bench-latency"_s);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Sends N chat messages at a steady rate to one XEP-0114 component that echoes each (from and to "
        "swapped, same id) and measures every round trip.\n"
        "Arguments after -- start the component; {port} in them becomes the listening port."_s);
    parser.addHelpOption();
    const QCommandLineOption messages(u"messages"_s, u"Messages to send (default 10000)."_s, u"n"_s,
                                      u"10000"_s);
    const QCommandLineOption rate(u"rate"_s, u"Messages per second (default 1000)."_s, u"n"_s, u"1000"_s);
    const QCommandLineOption domain(u"domain"_s, u"The component's domain."_s, u"domain"_s,
                                    u"bench.localhost"_s);
    const QCommandLineOption secretFile(u"secret-file"_s, u"File holding the shared secret."_s, u"file"_s);
    const QCommandLineOption port(u"port"_s, u"Port to listen on (default: any free one)."_s, u"port"_s,
                                  u"0"_s);
    const QCommandLineOption timeout(
        u"timeout"_s, u"Seconds beyond the schedule before the run fails (default 30)."_s, u"s"_s, u"30"_s);
    const QCommandLineOption label(u"label"_s, u"Name of the component in the RESULT line."_s, u"name"_s,
                                   u"peer"_s);
    const QCommandLineOption childLog(u"child-log"_s, u"Where the component's output goes."_s, u"file"_s);
    const QCommandLineOption samples(
        u"samples"_s, u"Also write every round trip (µs, in sending order) here."_s, u"file"_s);
    parser.addOptions({messages, rate, domain, secretFile, port, timeout, label, childLog, samples});
    parser.addPositionalArgument(u"command"_s, u"The component and its arguments."_s, u"[-- command...]"_s);
    parser.process(app);

    xcm::bench::PacedEchoOptions options;
    options.messages = parser.value(messages).toLongLong();
    options.rate = parser.value(rate).toDouble();
    options.domain = parser.value(domain);
    options.port = quint16(parser.value(port).toUInt());
    options.timeout = std::chrono::seconds(parser.value(timeout).toInt());
    options.command = parser.positionalArguments();
    options.childLog = parser.value(childLog);
    QFile file(parser.value(secretFile));
    if (options.messages < 1 || !(options.rate > 0 && options.rate <= 1e6) || options.timeout.count() < 1 ||
        !file.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "xcm-bench-latency: need --messages >= 1, a --rate between 0 and 1000000, "
                             "--timeout >= 1 and a readable --secret-file\n");
        return 2;
    }
    options.secret = QString::fromUtf8(file.readAll()).trimmed();

    xcm::bench::PacedEchoSource source(options);
    const xcm::bench::PacedEchoResult result = source.run();
    const auto summary = xcm::bench::LatencySummary::of(result.roundTripsUs);
    const QString name = parser.value(label);
    if (result.ok) {
        std::fprintf(
            stderr,
            "%s: %lld echoes at %.0f/s, round trip p50 %.0f µs, p90 %.0f µs, p99 %.0f µs, p99.9 %.0f µs, "
            "max %.0f µs; %lld sends over 1 ms late (worst %.0f µs)\n",
            qPrintable(name), result.stanzas, options.rate, summary.p50, summary.p90, summary.p99,
            summary.p999, summary.max, result.lateSends, result.maxSendLatenessUs);
    } else {
        std::fprintf(stderr, "%s: FAILED: %s\n", qPrintable(name), qPrintable(result.failure));
    }
    if (parser.isSet(samples)) {
        QFile out(parser.value(samples));
        if (out.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            for (const double us : result.roundTripsUs)
                out.write(QByteArray::number(us, 'f', 1) + '\n');
        }
    }
    // One line, key=value, the failure text last since it may contain spaces.
    std::printf(
        "RESULT label=%s ok=%d stanzas=%lld bytes=%lld seconds=%.6f rate=%.1f p50_us=%.1f p90_us=%.1f "
        "p99_us=%.1f p999_us=%.1f max_us=%.1f mean_us=%.1f late_sends=%lld max_lateness_us=%.1f "
        "rss_kb=%ld cpu_seconds=%.3f exit=%d failure=%s\n",
        qPrintable(name), result.ok ? 1 : 0, result.stanzas, result.bytes, result.seconds, options.rate,
        summary.p50, summary.p90, summary.p99, summary.p999, summary.max, summary.mean, result.lateSends,
        result.maxSendLatenessUs, long(result.peerMaxRssKb), result.peerCpuSeconds, result.peerExitCode,
        qPrintable(result.failure));
    return result.ok ? 0 : 1;
}
