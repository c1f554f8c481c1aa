// SPDX-License-Identifier: GPL-3.0-or-later
#include "clioptions.h"

#include "rulesfile.h"

#include "hostname.h"
#include "jid.h"
#include "terminalechoguard.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QTextStream>

#include <algorithm>
#include <cstdio>
#include <optional>
#include <unistd.h>
#include <variant>

using namespace Qt::StringLiterals;

namespace xcm::cli {

namespace {

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

int usageError(const QString &message)
{
    err() << "xcm-cli: " << message << "\nTry 'xcm-cli --help'.\n";
    err().flush();
    return UsageError;
}

QString trimmedSecret(QByteArray bytes)
{
    while (bytes.endsWith('\n') || bytes.endsWith('\r'))
        bytes.chop(1);
    return QString::fromUtf8(bytes);
}

const char *helpEpilogue =
    "\nThe shared secret never goes on the command line, where other users can read it (/proc/*/cmdline):\n"
    "give it with --secret-file (chmod 600), --secret-stdin (asked for without echo on a terminal) or\n"
    "the XCM_SECRET environment variable.\n"
    "\nModes:\n"
    "  (default)       print every stanza both ways, one line each: time, IN/OUT, the XML\n"
    "  --send FILE|-   send the stanzas in FILE (or from standard input as each one completes), then\n"
    "                  close; the traffic is printed, as the record of what was sent\n"
    "  --ping JID      send a XEP-0199 ping to JID and print one line, \"pong from JID in 0.42 ms\", then\n"
    "                  close; the traffic only with --verbose or --tail. No answer within --ping-timeout\n"
    "                  (default 10 s) is a failure\n"
    "  --tail          with --send or --ping: keep printing traffic afterwards until Ctrl+C\n"
    "  --proxy         stand in a running component's path: the component connects to --listen, xcm-cli\n"
    "                  connects on to --host/--port as it, and prints both legs (C->S, S->C) byte for byte\n"
    "\nAs the component, xcm-cli answers requests addressed to it (RFC 6120: every get/set gets an answer):\n"
    "XEP-0199 ping, XEP-0030 disco#info/#items, XEP-0092 version, XEP-0202 time, and service-unavailable to\n"
    "anything else. --answer chooses which built-in answers are on, --no-answer turns all of them off. An\n"
    "answer line ends with the round trip of its request: [result in 1.23 ms]. In proxy mode the component\n"
    "answers; xcm-cli answers nothing.\n"
    "\n--filter EXPR prints only the stanzas that match, e.g. \"kind == iq and type == error\" or\n"
    "\"from.domain == example.org and body contains 'order'\". --rules FILE answers as a scripted "
    "component:\n"
    "  <rules xmlns='urn:xcm:rules:1'>\n"
    "    <rule name='echo' match=\"kind == message and body contains 'ping'\">\n"
    "      <message from='{to}' to='{from}' type='chat'><body>pong {body}</body></message>\n"
    "    </rule>\n"
    "  </rules>\n"
    "With --proxy, --rules FILE injects faults on either leg instead (dir == in: server -> component,\n"
    "dir == out: component -> server); the raw bytes are relayed, later stanzas overtake a delayed one,\n"
    "and each faulted stanza is printed with its mark ([dropped by rule X], [delayed 500 ms by rule X]):\n"
    "    <rule name='slow-acks' match=\"dir == in and kind == iq\" action='delay' delay-ms='500'/>\n"
    "  action='drop', 'duplicate', or 'hold' (kept until SIGUSR1, at most 100; then the rule pauses).\n"
    "\n--record DIR writes every stanza to capture files in DIR; --read FILE prints one (or an export) "
    "later, --read DIR all of them.\n"
    "\n--send input: one or more <message/>, <presence/> or <iq/> stanzas, whitespace between them. An XML\n"
    "declaration, a byte order mark and comments are allowed and not sent; DTDs, entities other than\n"
    "&lt; &gt; &amp; &quot; &apos;, and text between stanzas are refused. Each stanza needs a 'to', and a\n"
    "'from' on --domain (any local part). A file is checked in full before connecting; errors say\n"
    "FILE:LINE:COLUMN.\n"
    "\nWith --reconnect, each retry waits twice as long as the one before (from --reconnect-delay up to\n"
    "--reconnect-max-delay, +/- 20 %). A connection that drops within --stable-after seconds of its\n"
    "handshake counts as a failed attempt, and from the third in a row xcm-cli warns that it is flapping.\n"
    "When xcm-cli refuses the same data from the server twice in a row (a stanza over the size limit,\n"
    "restricted XML, invalid UTF-8), it stops reconnecting and exits with code 4.\n"
    "\nExit codes:\n"
    "  0 success   1 usage or refused stanza   2 network   3 authentication (not-authorized,\n"
    "  host-unknown)   4 protocol (other stream errors, bad data from the server)   5 TLS   6 ping failed\n"
    "Ctrl+C, SIGTERM or SIGHUP (unless ignored, as under nohup) closes the stream politely and exits 0,\n"
    "or with the code of the failure that left it disconnected (waiting to reconnect).\n"
    "A closed standard output (xcm-cli | head) ends it the same way.\n"
    "\nExamples (the secret stays out of the shell history and the process list):\n"
    "  xcm-cli --domain bot.example.org --secret-file ~/.config/bot.secret\n"
    "  read -rs XCM_SECRET && export XCM_SECRET   # bash: type it once, not echoed\n"
    "  xcm-cli --host 127.0.0.1 --port 5347 --domain bot.example.org --ping example.org\n"
    "  echo \"<message from='bot.example.org' to='me@example.org'><body>hi</body></message>\" |\n"
    "      xcm-cli --domain bot.example.org --secret-file bot.secret --send -\n";

// QCommandLineParser takes the next argument as an option's value even when it is another option:
// `--port --domain x` sets the port to "--domain". Returns the first option left without its value.
QString optionMissingItsValue(const QCommandLineParser &parser, const QList<QCommandLineOption> &options)
{
    const auto isOptionName = [&](const QString &word) {
        if (word.startsWith(u"--"))
            return true;
        return word.size() == 2 && word.startsWith(u'-') &&
               std::any_of(options.cbegin(), options.cend(),
                           [&](const QCommandLineOption &o) { return o.names().contains(word.mid(1)); });
    };
    for (const QCommandLineOption &option : options) {
        if (option.valueName().isEmpty() || !parser.isSet(option))
            continue;
        const QStringList values = parser.values(option);
        if (std::any_of(values.cbegin(), values.cend(), isOptionName))
            return option.names().constLast();
    }
    return {};
}

// The first line of a secret file, with a warning when others can read it; an error text on failure.
std::variant<QString, QString> readSecretFile(const QString &path, const QString &what)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return std::variant<QString, QString>(std::in_place_index<1>,
                                              u"cannot read %1 %2: %3"_s.arg(what, path, file.errorString()));
    if (file.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther)) {
        err() << "xcm-cli: warning: " << path << " is readable by other users; chmod 600 it\n";
        err().flush();
    }
    return std::variant<QString, QString>(std::in_place_index<0>, trimmedSecret(file.readLine()));
}

// The secret from standard input; on a terminal asked for on stderr, without echo.
QString readSecretFromStandardInput(const QString &domain)
{
    std::optional<TerminalEchoGuard> noEcho;
    if (::isatty(STDIN_FILENO)) {
        noEcho.emplace(STDIN_FILENO); // before the prompt: nothing typed after it may show
        err() << "Shared secret for " << domain << ": ";
        err().flush();
    }
    QFile input;
    if (!input.open(stdin, QIODevice::ReadOnly))
        return {};
    return trimmedSecret(input.readLine());
}

} // namespace

std::variant<CliOptions, int> parseCommandLine(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Connects an XMPP external component (XEP-0114) to a server and shows or drives its traffic."_s);
    const QCommandLineOption help({u"h"_s, u"help"_s}, u"Show this help."_s);
    const QCommandLineOption version({u"v"_s, u"version"_s}, u"Show the version."_s);
    const QCommandLineOption host(u"host"_s, u"Server host (default 127.0.0.1)."_s, u"host"_s,
                                  u"127.0.0.1"_s);
    const QCommandLineOption port(u"port"_s, u"Component port (default 5347)."_s, u"port"_s, u"5347"_s);
    const QCommandLineOption domain(u"domain"_s, u"The component's domain, as configured on the server."_s,
                                    u"domain"_s);
    const QCommandLineOption tls(u"tls"_s, u"Use direct TLS (ejabberd 'tls: true', Openfire port 5276)."_s);
    const QCommandLineOption tlsServerName(
        u"tls-server-name"_s,
        u"With --tls: the name the server's certificate must carry (default: the host). For a server "
        "reached by address whose certificate names its XMPP domain."_s,
        u"name"_s);
    const QCommandLineOption insecure(u"insecure"_s,
                                      u"With --tls: accept an invalid or self-signed certificate."_s);
    const QCommandLineOption secretFile(u"secret-file"_s,
                                        u"Read the shared secret from this file (first line)."_s, u"file"_s);
    const QCommandLineOption secretStdin(
        u"secret-stdin"_s,
        u"Read the shared secret from the first line of standard input (on a terminal: asked for, "
        "not echoed)."_s);
    const QCommandLineOption pretty(u"pretty"_s, u"Indent each stanza instead of printing it on one line."_s);
    const QCommandLineOption quiet(
        {u"q"_s, u"quiet"_s},
        u"Print only the traffic (the stream's items too) and errors, no status lines."_s);
    const QCommandLineOption verbose(u"verbose"_s,
                                     u"Also print the connection library's log, and a --ping's traffic."_s);
    const QCommandLineOption send(
        u"send"_s, u"Send the stanzas in this file ('-': standard input), then close."_s, u"file"_s);
    const QCommandLineOption ping(u"ping"_s, u"Ping this address (XEP-0199) and print the round-trip time."_s,
                                  u"jid"_s);
    const QCommandLineOption pingTimeout(
        u"ping-timeout"_s, u"Seconds to wait for the ping's answer (default 10)."_s, u"seconds"_s, u"10"_s);
    const QCommandLineOption tail(u"tail"_s,
                                  u"With --send or --ping: keep printing traffic until interrupted."_s);
    const QCommandLineOption reconnect(u"reconnect"_s,
                                       u"Reconnect with backoff when the connection drops."_s);
    const QCommandLineOption reconnectDelay(
        u"reconnect-delay"_s, u"With --reconnect: seconds before the first retry (default 1)."_s,
        u"seconds"_s, u"1"_s);
    const QCommandLineOption reconnectMaxDelay(
        u"reconnect-max-delay"_s,
        u"With --reconnect: the longest wait between retries, which double up to it (default 60)."_s,
        u"seconds"_s, u"60"_s);
    const QCommandLineOption stableAfter(
        u"stable-after"_s,
        u"With --reconnect: seconds a connection must stay up before the delay goes back to the first "
        "(default 30); a shorter one counts as a failed attempt."_s,
        u"seconds"_s, u"30"_s);
    const QCommandLineOption timeout(u"timeout"_s, u"Seconds to connect and authenticate (default 15)."_s,
                                     u"seconds"_s, u"15"_s);
    const QCommandLineOption keepalive(u"keepalive"_s,
                                       u"Seconds between whitespace keepalives, 0 for none (default 60)."_s,
                                       u"seconds"_s, u"60"_s);
    const QCommandLineOption maxStanza(u"max-stanza-bytes"_s,
                                       u"Largest stanza accepted either way (default 524288)."_s, u"bytes"_s,
                                       u"524288"_s);
    const QCommandLineOption noAnswer(u"no-answer"_s, u"Answer no request automatically."_s);
    const QCommandLineOption answer(
        u"answer"_s,
        u"The requests answered automatically, comma-separated from ping, disco, version, time (default: "
        "all); other get/set requests get service-unavailable."_s,
        u"list"_s);
    const QCommandLineOption identity(u"identity"_s,
                                      u"The disco#info identity, category/type/name (default "
                                      "component/generic/xcm-cli)."_s,
                                      u"identity"_s);
    const QCommandLineOption filter(
        u"filter"_s,
        u"Print only the stanzas that match this expression, e.g. \"kind == iq and type == error\" "
        "(the language: xcm's lib/expressions/README.md)."_s,
        u"expression"_s);
    const QCommandLineOption rules(u"rules"_s,
                                   u"Reply rules to run as the component: when a stanza matches a rule, "
                                   "send its reply (an XML file in urn:xcm:rules:1). With --proxy: fault "
                                   "rules that drop, delay, duplicate or hold stanzas."_s,
                                   u"file"_s);
    const QCommandLineOption proxy(u"proxy"_s,
                                   u"Proxy mode: let the component connect to --listen and relay it to "
                                   "--host/--port, printing both legs."_s);
    const QCommandLineOption listen(u"listen"_s,
                                    u"With --proxy: [address:]port the component connects to (default "
                                    "127.0.0.1 and a free port)."_s,
                                    u"address:port"_s);
    const QCommandLineOption componentSecretFile(
        u"component-secret-file"_s,
        u"With --proxy: the secret the component presents to xcm-cli (default: the server's)."_s, u"file"_s);
    const QCommandLineOption record(u"record"_s,
                                    u"Also record every stanza both ways to this folder, as JSON Lines "
                                    "(files of 100 MB, the newest 10 kept; created 0700)."_s,
                                    u"folder"_s);
    const QCommandLineOption read(u"read"_s,
                                  u"Print a saved log instead of connecting: a capture, or an export in "
                                  "JSON Lines or the XML log format ('-': standard input); a --record "
                                  "folder's capture files in order (with --filter: only what matches)."_s,
                                  u"file"_s);
    const QList<QCommandLineOption> all{help,        version,     host,           port,
                                        domain,      tls,         tlsServerName,  insecure,
                                        secretFile,  secretStdin, pretty,         quiet,
                                        verbose,     send,        ping,           pingTimeout,
                                        tail,        reconnect,   reconnectDelay, reconnectMaxDelay,
                                        stableAfter, timeout,     keepalive,      maxStanza,
                                        noAnswer,    answer,      identity,       filter,
                                        rules,       proxy,       listen,         componentSecretFile,
                                        record,      read};
    parser.addOptions(all);
    if (!parser.parse(arguments))
        return usageError(parser.errorText());
    if (parser.isSet(help)) {
        // helpText() names the binary by the path it was started with; the command is xcm-cli.
        QString text = parser.helpText();
        const qsizetype usageEnd = text.indexOf(u" [options]");
        if (text.startsWith(u"Usage: ") && usageEnd > 0)
            text.replace(7, usageEnd - 7, u"xcm-cli"_s);
        QTextStream out(stdout);
        out << text << helpEpilogue;
        return Success;
    }
    if (parser.isSet(version)) {
        QTextStream(stdout) << "xcm-cli " << QCoreApplication::applicationVersion() << '\n';
        return Success;
    }
    if (const QString option = optionMissingItsValue(parser, all); !option.isEmpty())
        return usageError(u"--%1 needs a value"_s.arg(option));
    // An option that means nothing here is refused, not ignored: whoever passed it expects it to act.
    for (const QCommandLineOption &option : all) {
        if (const qsizetype count = parser.values(option).size(); count > 1)
            return usageError(
                u"--%1 is given %2 times: give it once"_s.arg(option.names().constLast()).arg(count));
    }
    const auto firstSetOf = [&parser](std::initializer_list<QCommandLineOption> options) {
        for (const QCommandLineOption &option : options) {
            if (parser.isSet(option))
                return option.names().constLast();
        }
        return QString();
    };
    // Not echoed: a secret typed here by mistake would end up in logs and scrollback.
    if (const qsizetype extra = parser.positionalArguments().size(); extra > 0)
        return usageError(u"%1 unexpected argument%2 (not shown, in case it is the secret: the secret goes "
                          "in --secret-file, --secret-stdin or XCM_SECRET)"_s.arg(extra)
                              .arg(extra == 1 ? QString() : u"s"_s));

    CliOptions options;
    options.pretty = parser.isSet(pretty);
    options.quiet = parser.isSet(quiet);
    if (parser.isSet(filter)) {
        ExpressionError problem;
        options.filter = Expression::compile(parser.value(filter), &problem);
        if (!options.filter.isValid())
            return usageError(u"--filter: %1"_s.arg(problem.toString()));
    }
    if (parser.isSet(read)) {
        // A saved log: nothing to connect to, no secret to ask for.
        const QString connecting = firstSetOf({domain,
                                               host,
                                               port,
                                               tls,
                                               tlsServerName,
                                               insecure,
                                               secretFile,
                                               secretStdin,
                                               verbose,
                                               send,
                                               ping,
                                               pingTimeout,
                                               tail,
                                               reconnect,
                                               reconnectDelay,
                                               reconnectMaxDelay,
                                               stableAfter,
                                               timeout,
                                               keepalive,
                                               maxStanza,
                                               noAnswer,
                                               answer,
                                               identity,
                                               rules,
                                               proxy,
                                               listen,
                                               componentSecretFile,
                                               record});
        if (!connecting.isEmpty())
            return usageError(u"--read prints a saved log: --%1 does not apply"_s.arg(connecting));
        options.readPath = parser.value(read);
        return options;
    }
    options.recordDirectory = parser.value(record);

    ConnectionSettings &settings = options.settings;
    settings.host = parser.value(host).trimmed();
    if (settings.host.isEmpty())
        return usageError(u"--host is empty: give the server's name or address (default 127.0.0.1)"_s);
    if (QString why; !HostName::isValid(settings.host, &why))
        return usageError(u"--host %1: %2"_s.arg(settings.host, why));
    bool ok = false;
    const uint portNumber = parser.value(port).toUInt(&ok);
    if (!ok || portNumber == 0 || portNumber > 65535)
        return usageError(u"--port needs a number from 1 to 65535"_s);
    settings.port = quint16(portNumber);
    if (!parser.isSet(domain))
        return usageError(u"--domain is required: the component's name as the server knows it"_s);
    // As the profile editor keeps it: servers take the name in lowercase, and compare a stanza's 'from' with
    // that.
    settings.domain = parser.value(domain).toLower();
    QString problem;
    if (!Jid::isValidDomain(settings.domain, &problem))
        return usageError(u"--domain: %1"_s.arg(problem));
    settings.directTls = parser.isSet(tls);
    if (parser.isSet(insecure) && !settings.directTls)
        return usageError(u"--insecure only applies with --tls"_s);
    settings.acceptInvalidCertificates = parser.isSet(insecure);
    if (parser.isSet(tlsServerName)) {
        if (!settings.directTls)
            return usageError(u"--tls-server-name only applies with --tls"_s);
        settings.tlsServerName = parser.value(tlsServerName).toLower();
        if (!Jid::isValidDomain(settings.tlsServerName, &problem))
            return usageError(u"--tls-server-name: %1"_s.arg(problem));
    }
    settings.reconnect.enabled = parser.isSet(reconnect);
    const auto seconds = [&](const QCommandLineOption &option,
                             double minimum) -> std::optional<std::chrono::milliseconds> {
        bool valid = false;
        const double value = parser.value(option).toDouble(&valid);
        if (!valid || value < minimum || value > 1e6)
            return std::nullopt;
        return std::chrono::milliseconds(qint64(value * 1000));
    };
    const auto connectTimeout = seconds(timeout, 0.1);
    if (!connectTimeout)
        return usageError(u"--timeout needs a number of seconds of at least 0.1"_s);
    settings.connectTimeout = *connectTimeout;
    const auto pingWait = seconds(pingTimeout, 0.1);
    if (!pingWait)
        return usageError(u"--ping-timeout needs a number of seconds of at least 0.1"_s);
    options.pingTimeout = *pingWait;
    const auto keepaliveInterval = seconds(keepalive, 0);
    if (!keepaliveInterval)
        return usageError(u"--keepalive needs a number of seconds (0 turns it off)"_s);
    settings.keepaliveInterval = *keepaliveInterval;
    if (!parser.isSet(reconnect) &&
        (parser.isSet(reconnectDelay) || parser.isSet(reconnectMaxDelay) || parser.isSet(stableAfter)))
        return usageError(
            u"--reconnect-delay, --reconnect-max-delay and --stable-after only apply with --reconnect"_s);
    const auto firstDelay = seconds(reconnectDelay, 0.01);
    if (!firstDelay)
        return usageError(u"--reconnect-delay needs a number of seconds of at least 0.01"_s);
    settings.reconnect.initialDelay = *firstDelay;
    auto longestDelay = seconds(reconnectMaxDelay, 0.01);
    if (longestDelay && !parser.isSet(reconnectMaxDelay))
        longestDelay = std::max(*longestDelay, *firstDelay); // a long first delay raises the default cap
    if (!longestDelay || *longestDelay < *firstDelay)
        return usageError(u"--reconnect-max-delay needs a number of seconds, at least --reconnect-delay"_s);
    settings.reconnect.maxDelay = *longestDelay;
    const auto stable = seconds(stableAfter, 0);
    if (!stable)
        return usageError(u"--stable-after needs a number of seconds (0: any handshake ends the backoff)"_s);
    settings.reconnect.stableAfter = *stable;
    settings.maxStanzaBytes = parser.value(maxStanza).toLongLong(&ok);
    if (!ok || settings.maxStanzaBytes < 256)
        return usageError(u"--max-stanza-bytes needs a number of at least 256"_s);

    options.verbose = parser.isSet(verbose);
    options.sendPath = parser.value(send);
    if (parser.isSet(send) && options.sendPath.isEmpty())
        return usageError(u"--send needs a file ('-': standard input)"_s);
    options.pingTarget = parser.value(ping);
    if (parser.isSet(ping) && options.pingTarget.isEmpty())
        return usageError(u"--ping needs an address to ping"_s);
    if (!options.pingTarget.isEmpty() && !Jid::parse(options.pingTarget, &problem).isValid())
        return usageError(u"--ping: %1"_s.arg(problem));
    if (parser.isSet(pingTimeout) && !parser.isSet(ping))
        return usageError(u"--ping-timeout only applies with --ping"_s);
    options.tail = parser.isSet(tail) || (options.sendPath.isEmpty() && options.pingTarget.isEmpty());
    // A bare ping prints its result as ping(8) does; what was sent is always on record.
    options.showTraffic = options.tail || options.verbose || !options.sendPath.isEmpty();

    if (parser.isSet(noAnswer) && (parser.isSet(answer) || parser.isSet(identity)))
        return usageError(
            u"--no-answer turns automatic answers off: it cannot go with --answer or --identity"_s);
    options.responder.enabled = !parser.isSet(noAnswer);
    options.responder.identity.name = u"xcm-cli"_s;
    if (parser.isSet(answer)) {
        ResponderSettings &r = options.responder;
        r.ping = r.disco = r.version = r.time = false;
        const QStringList names = parser.value(answer).split(u',');
        for (const QString &name : names) {
            if (name.trimmed().isEmpty())
                return usageError(
                    u"--answer needs a list such as ping,disco,version,time (none: --no-answer)"_s);
            const QString trimmed = name.trimmed().toLower();
            if (trimmed == u"ping")
                r.ping = true;
            else if (trimmed == u"disco")
                r.disco = true;
            else if (trimmed == u"version")
                r.version = true;
            else if (trimmed == u"time")
                r.time = true;
            else
                return usageError(u"--answer: '%1' is none of ping, disco, version, time"_s.arg(trimmed));
        }
    }
    if (parser.isSet(identity)) {
        const QStringList parts = parser.value(identity).split(u'/');
        if (parts.size() < 2 || parts.size() > 3 || parts[0].trimmed().isEmpty() ||
            parts[1].trimmed().isEmpty())
            return usageError(
                u"--identity needs category/type or category/type/name, e.g. gateway/irc/IRC"_s);
        options.responder.identity = {parts[0].trimmed(), parts[1].trimmed(), parts.value(2).trimmed()};
    }

    if (parser.isSet(rules)) {
        // Read and compiled in full before connecting: a rule that cannot work never half-runs.
        const RulesFile::Result read = RulesFile::readFile(parser.value(rules));
        if (!read.ok())
            return usageError(u"--rules: %1"_s.arg(read.error));
        options.rules = read.rules;
        options.rulesPath = parser.value(rules);
        if (options.rules.isEmpty()) {
            err() << "xcm-cli: warning: " << options.rulesPath << " holds no rules\n";
            err().flush();
        }
    }

    options.proxy = parser.isSet(proxy);
    // Reply rules answer as the component (direct mode); fault rules act on a proxy's relay.
    for (const Rule &rule : std::as_const(options.rules)) {
        if (options.proxy && !rule.isFault())
            return usageError(
                u"--rules: %1: rule '%2' is a reply rule: in proxy mode the component answers, "
                "not xcm-cli; a rule here drops, delays, duplicates or holds (action='…')"_s.arg(
                    options.rulesPath, rule.name()));
        if (!options.proxy && rule.isFault())
            return usageError(u"--rules: %1: rule '%2' is a %3 rule: fault rules act only with --proxy"_s.arg(
                options.rulesPath, rule.name(), Rule::actionName(rule.action())));
        // Known now, not at the first match: every reply would be refused.
        if (const QString from = rule.replyTemplate().fixedFrom();
            !options.proxy && !from.isEmpty() &&
            Jid::parse(from).domain().compare(settings.domain, Qt::CaseInsensitive) != 0)
            return usageError(
                u"--rules: %1: rule '%2' answers from %3, not from an address on %4: the server "
                "refuses what a component sends from another domain"_s.arg(options.rulesPath, rule.name(),
                                                                           from, settings.domain));
        // As the window's rule dialog checks a reply: one that no match could send (no 'from', say) was
        // found only at the first match, and then every time.
        if (!options.proxy && !rule.isFault())
            if (const QString problem =
                    rule.replyTemplate().sampleProblem(settings.domain, settings.maxStanzaBytes);
                !problem.isEmpty())
                return usageError(
                    u"--rules: %1: rule '%2': its reply, filled from a sample message: %3"_s.arg(
                        options.rulesPath, rule.name(), problem));
    }
    if (!options.proxy && (parser.isSet(listen) || parser.isSet(componentSecretFile)))
        return usageError(u"--listen and --component-secret-file only apply with --proxy"_s);
    if (options.proxy) {
        if (!options.sendPath.isEmpty() || !options.pingTarget.isEmpty())
            return usageError(
                u"--proxy relays the component's own traffic: it cannot go with --send or --ping"_s);
        if (parser.isSet(reconnect))
            return usageError(
                u"--proxy: reconnecting is the component's business, not the proxy's (no --reconnect)"_s);
        if (const QString answering = firstSetOf({noAnswer, answer, identity}); !answering.isEmpty())
            return usageError(
                u"--proxy: the component answers its own requests, not xcm-cli: --%1 does not apply"_s.arg(
                    answering));
        if (parser.isSet(keepalive))
            return usageError(u"--proxy relays the component's own keepalive: --keepalive does not apply"_s);
        if (parser.isSet(tail))
            return usageError(u"--proxy prints both legs as they pass: --tail does not apply"_s);
        if (parser.isSet(listen)) {
            const QString value = parser.value(listen);
            const qsizetype colon = value.lastIndexOf(u':');
            if (colon > 0)
                options.listenAddress = value.first(colon);
            // An IPv6 address in brackets, as "listening on" prints it: [::1]:5348.
            if (options.listenAddress.size() > 2 && options.listenAddress.startsWith(u'[') &&
                options.listenAddress.endsWith(u']'))
                options.listenAddress = options.listenAddress.sliced(1, options.listenAddress.size() - 2);
            const uint listenPort = value.sliced(colon + 1).toUInt(&ok);
            if (!ok || listenPort > 65535 || QHostAddress(options.listenAddress).isNull())
                return usageError(
                    u"--listen needs [address:]port with an IP address, e.g. 127.0.0.1:5348 or [::1]:5348"_s);
            options.listenPort = quint16(listenPort);
        }
        options.responder.enabled = false; // the component behind the proxy answers its own requests
        options.tail = true;
        options.showTraffic = true;
        if (parser.isSet(componentSecretFile)) {
            const auto read =
                readSecretFile(parser.value(componentSecretFile), u"the component secret file"_s);
            if (read.index() == 1)
                return usageError(std::get<1>(read));
            options.componentSecret = std::get<0>(read);
            if (options.componentSecret.isEmpty())
                return usageError(
                    u"the component secret file %1 is empty"_s.arg(parser.value(componentSecretFile)));
        }
    }

    // The secret: a file, standard input or the environment, never an argument.
    const int sources = int(parser.isSet(secretFile)) + int(parser.isSet(secretStdin)) +
                        int(qEnvironmentVariableIsSet("XCM_SECRET"));
    if (sources > 1 && !(sources == 2 && qEnvironmentVariableIsSet("XCM_SECRET")))
        return usageError(u"give the secret one way only: --secret-file or --secret-stdin"_s);
    if (parser.isSet(secretFile)) {
        const auto read = readSecretFile(parser.value(secretFile), u"the secret file"_s);
        if (read.index() == 1)
            return usageError(std::get<1>(read));
        options.secret = std::get<0>(read);
    } else if (parser.isSet(secretStdin)) {
        if (options.sendPath == u"-")
            return usageError(u"--secret-stdin and --send - cannot both read standard input"_s);
        options.secret = readSecretFromStandardInput(settings.domain);
    } else {
        options.secret = qEnvironmentVariable("XCM_SECRET");
    }
    if (options.secret.isEmpty() && parser.isSet(secretFile))
        return usageError(u"the first line of the secret file %1 is empty"_s.arg(parser.value(secretFile)));
    if (options.secret.isEmpty() && parser.isSet(secretStdin))
        return usageError(u"--secret-stdin read no secret from standard input"_s);
    if (options.secret.isEmpty())
        return usageError(
            u"no shared secret: use --secret-file, --secret-stdin or the XCM_SECRET variable"_s);
    // Every byte counts in the handshake: a stray space from an editor would be a wrong secret.
    if (options.secret.front().isSpace() || options.secret.back().isSpace()) {
        err() << "xcm-cli: warning: the shared secret starts or ends with whitespace; it is used as is\n";
        err().flush();
    }
    return options;
}

} // namespace xcm::cli
