// SPDX-License-Identifier: GPL-3.0-or-later
// xcm-bench-via-proxy: a contender with a proxy in its path, for the proxy benchmark. It takes the
// contenders' command line (--host --port --domain --secret-file: where the load source listens),
// starts the proxy towards it (xcm-cli --proxy; the GUI's once it has a headless proxy mode), and the
// component given after -- against the proxy, with the same command line. The last line on stderr is
//   XCM-BENCH-PROXY proxy=… cpu_seconds=… rss_kb=… exit=…
// with the proxy's CPU time and peak RSS; the exit status is the component's.

#include "peeroptions.h"
#include "proxiedcontender.h"
#include "proxycommand.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"xcm-bench-via-proxy"_s);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Runs a component of the benchmark through a proxy: load source ⇄ proxy ⇄ component.\n"
        "--host/--port/--domain/--secret-file say where the load source listens; the component (after --) "
        "gets the same options with the proxy's port."_s);
    parser.addHelpOption();
    xcm::bench::PeerOptions::addOptions(&parser);
    const QCommandLineOption proxy(u"proxy"_s,
                                   u"The proxy: xcm-cli (default), xcm-gui, or socat (a byte relay)."_s,
                                   u"kind"_s, u"xcm-cli"_s);
    const QCommandLineOption program(u"proxy-program"_s, u"The proxy's executable."_s, u"file"_s);
    const QCommandLineOption trafficLog(
        u"traffic-log"_s, u"Where the proxy prints the traffic (default: nowhere)."_s, u"file"_s);
    const QCommandLineOption listProxies(u"list-proxies"_s,
                                         u"Print the proxies this build can run, and exit."_s);
    parser.addOptions({proxy, program, trafficLog, listProxies});
    parser.addPositionalArgument(u"component"_s, u"The component and its own arguments."_s,
                                 u"-- component..."_s);
    parser.process(app);
    if (parser.isSet(listProxies)) {
        std::printf("%s\n", qPrintable(xcm::bench::ProxyCommand::kinds().join(u' ')));
        return 0;
    }
    const auto options = xcm::bench::PeerOptions::read(parser);
    const QStringList component = parser.positionalArguments();
    if (component.isEmpty() || !parser.isSet(program)) {
        std::fprintf(stderr, "xcm-bench-via-proxy: need --proxy-program and a component after --\n");
        return 2;
    }

    const xcm::bench::ProxyUpstream upstream{options.host, options.port, options.domain,
                                             parser.value(u"secret-file"_s)};
    QString why;
    const auto command =
        xcm::bench::ProxyCommand::of(parser.value(proxy), parser.value(program), upstream, &why);
    if (!command) {
        std::fprintf(stderr, "xcm-bench-via-proxy: %s: %s\n", qPrintable(parser.value(proxy)),
                     qPrintable(why));
        return 2;
    }

    xcm::bench::ProxiedContender contender(*command, component, upstream, parser.value(trafficLog));
    QObject::connect(
        &contender, &xcm::bench::ProxiedContender::finished, &app, [&](int exitCode, const QString &problem) {
            if (!problem.isEmpty())
                std::fprintf(stderr, "xcm-bench-via-proxy: %s\n", qPrintable(problem));
            const auto &stats = contender.proxyStats();
            std::fprintf(stderr, "XCM-BENCH-PROXY proxy=%s cpu_seconds=%.3f rss_kb=%lld exit=%d\n",
                         qPrintable(parser.value(proxy)), stats.cpuSeconds, stats.peakRssKb, stats.exitCode);
            QCoreApplication::exit(exitCode);
        });
    contender.start();
    return app.exec();
}
