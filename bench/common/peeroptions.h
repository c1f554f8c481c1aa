// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class QCommandLineParser;
class QCoreApplication;

namespace xcm::bench {

// The command line every Qt contender shares, so that any load source can drive any of them:
//   --host 127.0.0.1 --port P --domain D --secret-file F
struct PeerOptions
{
    QString host;
    quint16 port = 0;
    QString domain;
    QString secret;

    // Parses the application's arguments; prints the problem and exits with status 2 when they are
    // unusable.
    static PeerOptions parse(const QCoreApplication &app, const QString &description);

    // The same in two steps, for a program with options of its own next to these: add them to its
    // parser, process() it, then read them (exits with status 2 as above).
    static void addOptions(QCommandLineParser *parser);
    static PeerOptions read(const QCommandLineParser &parser);
};

} // namespace xcm::bench
