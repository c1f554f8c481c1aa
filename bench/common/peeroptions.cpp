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
    const QCommandLineOption host(u"host"_s, u"Server address."_s, u"host"_s, u"127.0.0.1"_s);
    const QCommandLineOption port(u"port"_s, u"Component port."_s, u"port"_s);
    const QCommandLineOption domain(u"domain"_s, u"The component's domain."_s, u"domain"_s);
    // A file, not an argument: a secret in argv is visible to every user through ps.
    const QCommandLineOption secretFile(u"secret-file"_s, u"File holding the shared secret."_s, u"file"_s);
    parser.addOptions({host, port, domain, secretFile});
    parser.process(app);

    PeerOptions options;
    options.host = parser.value(host);
    bool ok = false;
    const uint portNumber = parser.value(port).toUInt(&ok);
    if (!ok || portNumber == 0 || portNumber > 65535)
        usageError(u"--port must be a port number"_s);
    options.port = quint16(portNumber);
    options.domain = parser.value(domain);
    if (options.domain.isEmpty())
        usageError(u"--domain is required"_s);
    QFile file(parser.value(secretFile));
    if (!file.open(QIODevice::ReadOnly))
        usageError(u"cannot read the secret file: "_s + file.errorString());
    // A trailing newline is the editor's, not the secret's (every contender strips it the same way).
    options.secret = QString::fromUtf8(file.readAll()).trimmed();
    if (options.secret.isEmpty())
        usageError(u"the secret file is empty"_s);
    return options;
}

} // namespace xcm::bench
