// SPDX-License-Identifier: GPL-3.0-or-later
// xcm-bench-peer: the xcm core contender. Connects with xcm::ComponentConnection, counts message
// stanzas, answers the one with id='last' with the count and exits 0.

#include "benchpeer.h"
#include "componentconnection.h"
#include "peeroptions.h"

#include <QCoreApplication>

#include <cstdio>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"xcm-bench-peer"_s);
    const auto options =
        xcm::bench::PeerOptions::parse(app, u"The xcm core contender of the component benchmark."_s);

    xcm::ComponentConnection connection;
    xcm::ConnectionSettings settings;
    settings.host = options.host;
    settings.port = options.port;
    settings.domain = options.domain;
    settings.reconnect.enabled = false; // one run, one connection: a retry would hide a failure
    connection.setSettings(settings);
    connection.setSecret(options.secret);

    xcm::bench::BenchPeer peer(&connection, options);
    QObject::connect(&peer, &xcm::bench::BenchPeer::finished, &app,
                     [&peer](bool answered, const QString &reason) {
                         std::fprintf(stderr, "xcm-bench-peer: %llu messages, %s (%s)\n",
                                      static_cast<unsigned long long>(peer.messagesReceived()),
                                      answered ? "answered" : "not answered", qPrintable(reason));
                         QCoreApplication::exit(answered ? 0 : 1);
                     });
    connection.connectToServer();
    if (connection.state() == xcm::ConnectionState::Disconnected) {
        // Refused before any event loop ran (a bad setting): exit() would be lost before exec().
        std::fprintf(stderr, "xcm-bench-peer: %s\n", qPrintable(connection.lastReason().toString()));
        return 1;
    }
    return app.exec();
}
