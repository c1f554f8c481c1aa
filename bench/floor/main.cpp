// SPDX-License-Identifier: GPL-3.0-or-later
// xcm-bench-floor: QTcpSocket + QXmlStreamReader that only tokenises and counts — the ceiling of a
// component built on Qt's XML reader, which xcm is measured against.

#include "floorpeer.h"

#include <QCoreApplication>

#include <cstdio>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"xcm-bench-floor"_s);
    const auto options = xcm::bench::PeerOptions::parse(
        app, u"The floor of the component benchmark: tokenise and count, nothing else."_s);
    xcm::bench::FloorPeer peer(options);
    QObject::connect(&peer, &xcm::bench::FloorPeer::finished, &app,
                     [&peer](bool answered, const QString &reason) {
                         std::fprintf(stderr, "xcm-bench-floor: %llu messages, %s (%s)\n",
                                      static_cast<unsigned long long>(peer.messagesReceived()),
                                      answered ? "answered" : "not answered", qPrintable(reason));
                         QCoreApplication::exit(answered ? 0 : 1);
                     });
    peer.start();
    return app.exec();
}
