// SPDX-License-Identifier: GPL-3.0-or-later
#include "peeroptions.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>

#include <cstdio>
#include <cstdlib>

using namespace Qt::StringLiterals;

namespace xcm::bench {

namespace {

[[noreturn]] void usageError(const QString &message)
{
    std::fprintf(stderr, "%s: %s\n", qPrintable(QCoreApplication::applicationName()), qPrintable(message));
    std::exit(2);
}

} // namespace

PeerOptions PeerOptions::parse(const QCoreApplication &app, const QString &description)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(description);
    parser.addHelpOption();
    addOptions(&parser);
    parser.process(app);
    return read(parser);
}

void PeerOptions::addOptions(QCommandLineParser *parser)
{
    parser->addOption({u"host"_s, u"Server address."_s, u"host"_s, u"127.0.0.1"_s});
    parser->addOption({u"port"_s, u"Component port."_s, u"port"_s});
    parser->addOption({u"domain"_s, u"The component's domain."_s, u"domain"_s});
    // A file, not an argument: a secret in argv is visible to every user through ps.
    parser->addOption({u"secret-file"_s, u"File holding the shared secret."_s, u"file"_s});
}

PeerOptions PeerOptions::read(const QCommandLineParser &parser)
{
    PeerOptions options;
    options.host = parser.value(u"host"_s);
    bool ok = false;
    const uint portNumber = parser.value(u"port"_s).toUInt(&ok);
    if (!ok || portNumber == 0 || portNumber > 65535)
        usageError(u"--port must be a port number"_s);
    options.port = quint16(portNumber);
    options.domain = parser.value(u"domain"_s);
    if (options.domain.isEmpty())
        usageError(u"--domain is required"_s);
    QFile file(parser.value(u"secret-file"_s));
    if (!file.open(QIODevice::ReadOnly))
        usageError(u"cannot read the secret file: "_s + file.errorString());
    // A trailing newline is the editor's, not the secret's (every contender strips it the same way).
    options.secret = QString::fromUtf8(file.readAll()).trimmed();
    if (options.secret.isEmpty())
        usageError(u"the secret file is empty"_s);
    return options;
}

} // namespace xcm::bench
