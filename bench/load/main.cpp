// SPDX-License-Identifier: GPL-3.0-or-later
// xcm-bench-load: plays the server side of XEP-0114 and measures how fast one component takes N chat
// messages off its socket. Prints a human summary on stderr and one machine-readable RESULT line on
// stdout for bench/run.

#include "loadsource.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>

#include <cstdio>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"xcm-bench-load"_s);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Serves N chat messages to one XEP-0114 component and times its answer to the last one.\n"
        "Arguments after -- start the contender; {port} in them becomes the listening port."_s);
    parser.addHelpOption();
    const QCommandLineOption messages(u"messages"_s, u"Messages to send (default 200000)."_s, u"n"_s,
                                      u"200000"_s);
    const QCommandLineOption domain(u"domain"_s, u"The component's domain."_s, u"domain"_s,
                                    u"bench.localhost"_s);
    const QCommandLineOption secretFile(u"secret-file"_s, u"File holding the shared secret."_s, u"file"_s);
    const QCommandLineOption port(u"port"_s, u"Port to listen on (default: any free one)."_s, u"port"_s,
                                  u"0"_s);
    const QCommandLineOption timeout(u"timeout"_s, u"Seconds before the run fails (default 120)."_s, u"s"_s,
                                     u"120"_s);
    const QCommandLineOption label(u"label"_s, u"Name of the contender in the RESULT line."_s, u"name"_s,
                                   u"peer"_s);
    const QCommandLineOption childLog(u"child-log"_s, u"Where the contender's output goes."_s, u"file"_s);
    parser.addOptions({messages, domain, secretFile, port, timeout, label, childLog});
    parser.addPositionalArgument(u"command"_s, u"The contender and its arguments."_s, u"[-- command...]"_s);
    parser.process(app);

    xcm::bench::LoadOptions options;
    options.messages = parser.value(messages).toLongLong();
    options.domain = parser.value(domain);
    options.port = quint16(parser.value(port).toUInt());
    options.timeout = std::chrono::seconds(parser.value(timeout).toInt());
    options.command = parser.positionalArguments();
    options.childLog = parser.value(childLog);
    QFile file(parser.value(secretFile));
    if (options.messages < 1 || options.timeout.count() < 1 || !file.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "xcm-bench-load: need --messages >= 1, --timeout >= 1 and a readable "
                             "--secret-file\n");
        return 2;
    }
    options.secret = QString::fromUtf8(file.readAll()).trimmed();

    xcm::bench::LoadSource source(options);
    const xcm::bench::LoadResult result = source.run();
    const QString name = parser.value(label);
    const double rate = result.seconds > 0 ? double(result.stanzas) / result.seconds : 0;
    const double megabytes = result.seconds > 0 ? double(result.bytes) / 1e6 / result.seconds : 0;
    if (result.ok) {
        std::fprintf(stderr,
                     "%s: %lld stanzas (%.1f MB) in %.3f s: %.0f stanzas/s, %.1f MB/s, peak RSS %.1f MB\n",
                     qPrintable(name), result.stanzas, double(result.bytes) / 1e6, result.seconds, rate,
                     megabytes, double(result.peerMaxRssKb) / 1024.0);
    } else {
        std::fprintf(stderr, "%s: FAILED: %s\n", qPrintable(name), qPrintable(result.failure));
    }
    // One line, key=value, the failure text last since it may contain spaces.
    std::printf("RESULT label=%s ok=%d stanzas=%lld bytes=%lld seconds=%.6f write_seconds=%.6f rate=%.1f "
                "mbps=%.3f rss_kb=%ld cpu_seconds=%.3f machine_cpu_seconds=%.2f machine_steal_seconds=%.2f "
                "cores=%d exit=%d failure=%s\n",
                qPrintable(name), result.ok ? 1 : 0, result.stanzas, result.bytes, result.seconds,
                result.writeSeconds, rate, megabytes, long(result.peerMaxRssKb), result.peerCpuSeconds,
                result.machineCpuSeconds, result.machineStealSeconds, xcm::bench::MachineCpu::cores(),
                result.peerExitCode, qPrintable(result.failure));
    return result.ok ? 0 : 1;
}
