// SPDX-License-Identifier: GPL-3.0-or-later
// xcm-bench-peer: the xcm core contender. Connects with xcm::ComponentConnection, counts message
// stanzas, answers the one with id='last' with the count and exits 0. With --echo it answers every
// message with its echo instead (the latency benchmark's component), and exits 0 after echoing 'last'.

#include "benchpeer.h"
#include "componentconnection.h"
#include "echopeer.h"
#include "peeroptions.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>
#include <memory>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"xcm-bench-peer"_s);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"The xcm core contender of the component benchmark."_s);
    parser.addHelpOption();
    xcm::bench::PeerOptions::addOptions(&parser);
    const QCommandLineOption echo(u"echo"_s, u"Echo every message (from and to swapped, same id)."_s);
    parser.addOption(echo);
    parser.process(app);
    const auto options = xcm::bench::PeerOptions::read(parser);

    xcm::ComponentConnection connection;
    xcm::ConnectionSettings settings;
    settings.host = options.host;
    settings.port = options.port;
    settings.domain = options.domain;
    settings.reconnect.enabled = false; // one run, one connection: a retry would hide a failure
    connection.setSettings(settings);
    connection.setSecret(options.secret);

    // One of the two protocols answers; either ends the program the same way.
    std::unique_ptr<QObject> peer;
    const auto finish = [](const char *what, quint64 count, bool answered, const QString &reason) {
        std::fprintf(stderr, "xcm-bench-peer: %llu messages%s, %s (%s)\n",
                     static_cast<unsigned long long>(count), what, answered ? "answered" : "not answered",
                     qPrintable(reason));
        QCoreApplication::exit(answered ? 0 : 1);
    };
    if (parser.isSet(echo)) {
        auto *echoPeer = new xcm::bench::EchoPeer(&connection);
        peer.reset(echoPeer);
        QObject::connect(echoPeer, &xcm::bench::EchoPeer::finished, &app,
                         [echoPeer, finish](bool echoedLast, const QString &reason) {
                             finish(" echoed", echoPeer->messagesEchoed(), echoedLast, reason);
                         });
    } else {
        auto *benchPeer = new xcm::bench::BenchPeer(&connection, options);
        peer.reset(benchPeer);
        QObject::connect(benchPeer, &xcm::bench::BenchPeer::finished, &app,
                         [benchPeer, finish](bool answered, const QString &reason) {
                             finish("", benchPeer->messagesReceived(), answered, reason);
                         });
    }
    connection.connectToServer();
    if (connection.state() == xcm::ConnectionState::Disconnected) {
        // Refused before any event loop ran (a bad setting): exit() would be lost before exec().
        std::fprintf(stderr, "xcm-bench-peer: %s\n", qPrintable(connection.lastReason().toString()));
        return 1;
    }
    return app.exec();
}
