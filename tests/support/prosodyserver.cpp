// SPDX-License-Identifier: GPL-3.0-or-later
#include "prosodyserver.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>

#include <array>
#include <csignal>

using namespace Qt::Literals::StringLiterals;

// What Prosody 0.12.3 (Debian 12) does, learned while writing this:
// - `prosody` has no --version: any unknown argument prints usage, but `prosody --version` *starts the
//   server* with /etc/prosody's config. Never run it bare to probe; use available() below.
// - As root it refuses to run unless `run_as_root = true`, and that refusal is buggy: the shutdown fails
//   ("attempt to index a nil value (field 'main_thread')") and the process keeps listening on 5222.
// - `daemonize` in the config is deprecated (warns); -F on the command line keeps it in the foreground,
//   which QProcess needs. --config wins over $PROSODY_CONFIG.
// - A port that cannot be bound is only logged ("Failed to open server port …"); Prosody keeps running,
//   so a TCP probe alone could succeed against whoever holds the port. We wait for its own
//   "Activated service 'component' on [127.0.0.1]:N" line as well.
// - Without a certs dir next to the config it logs an *error* ("Error indexing certificate directory");
//   an empty certs dir keeps the log clean. No certificates are needed: mod_tls is not loaded, so c2s
//   offers no STARTTLS at all, and c2s_require_encryption = false lets clients log in in the clear.
// - Launch to listening takes ~0.1 s. SIGTERM to exit takes a few ms when busy but up to ~1.7 s when
//   idle: the signal is only acted on at the next event-loop tick. A SIGTERM before the loop's first
//   tick is fatal at once (no handler yet): see componentPortAnswers().
// - Its file log is written through more than one Lua file handle across startup, so lines can appear
//   out of order; don't assert on ordering in log().
// - After SIGKILL the ports rebind at once on restart (luasocket sets SO_REUSEADDR).

namespace xcm::test {

namespace {

constexpr int StartTimeoutMs = 15000;
constexpr int StopTimeoutMs = 5000;
constexpr int PortAttempts = 3; // a picked port can be taken before Prosody binds it

QString luaString(const QString &s)
{
    QString out = u"\""_s;
    for (const QChar c : s) {
        switch (c.unicode()) {
        case '\\':
            out += u"\\\\"_s;
            break;
        case '"':
            out += u"\\\""_s;
            break;
        case '\n':
            out += u"\\n"_s;
            break;
        case '\r':
            out += u"\\r"_s;
            break;
        case 0:
            out += u"\\0"_s;
            break;
        default:
            out += c;
        }
    }
    return out + u'"';
}

// All sockets stay open until every port is picked so the ports differ from one another.
bool pickFreePorts(std::array<quint16, 2> &ports, QString *error)
{
    std::array<QTcpServer, 2> servers;
    for (std::size_t i = 0; i < servers.size(); ++i) {
        if (!servers[i].listen(QHostAddress::LocalHost, 0)) {
            if (error)
                *error = u"cannot bind a free port on 127.0.0.1: "_s + servers[i].errorString();
            return false;
        }
        ports[i] = servers[i].serverPort();
    }
    return true;
}

// Prosody binds its ports while loading modules, but installs its SIGTERM handler only on the first
// turn of its event loop (mod_posix: add_timer(0, ...)); a SIGTERM before that kills it on the spot,
// without a clean shutdown. Its loop runs due timers before each poll, so once it has answered a
// stream header the handler is in place: "ready" means the port answers, not merely accepts.
bool componentPortAnswers(quint16 port)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(200))
        return false;
    socket.write("<stream:stream xmlns='jabber:component:accept' "
                 "xmlns:stream='http://etherx.jabber.org/streams' to='readiness-probe.invalid'>");
    const QDeadlineTimer deadline(2000);
    while (socket.bytesAvailable() == 0 && !deadline.hasExpired() &&
           socket.state() == QAbstractSocket::ConnectedState)
        socket.waitForReadyRead(int(deadline.remainingTime()));
    const bool answered = socket.bytesAvailable() > 0;
    socket.abort();
    return answered;
}

QString readFile(const QString &path, qint64 from = 0)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    file.seek(from);
    return QString::fromUtf8(file.readAll());
}

} // namespace

struct ProsodyServer::Private
{
    QList<ComponentAccount> components;
    QString serverDomain;
    std::unique_ptr<QTemporaryDir> dir;
    std::unique_ptr<QProcess> process;
    quint16 componentPort = 0;
    quint16 clientPort = 0;

    QString path(QStringView name) const { return dir->filePath(name.toString()); }
    QString configPath() const { return path(u"prosody.cfg.lua"); }
    QString logPath() const { return path(u"prosody.log"); }
    QString consolePath() const { return path(u"console.log"); }

    QString config() const;
    bool prepare(QString *error);
    enum class Launch
    {
        Ok,
        PortTaken,
        Failed
    };
    Launch launch(QString *error);
    void terminate(bool graceful);
};

QString ProsodyServer::Private::config() const
{
    const QString logLevel = qEnvironmentVariable("XCM_PROSODY_LOG_LEVEL", u"info"_s);
    QString cfg;
    cfg += u"-- Generated by xcm::test::ProsodyServer\n"_s;
    cfg += u"run_as_root = true\n"_s; // tests run as root in containers; harmless otherwise
    cfg += u"data_path = "_s + luaString(path(u"data")) + u'\n';
    cfg += u"pidfile = "_s + luaString(path(u"prosody.pid")) + u'\n';
    cfg += u"installer_plugin_path = "_s + luaString(path(u"plugins")) + u'\n';
    cfg += u"certificates = "_s + luaString(path(u"certs")) + u'\n';
    // debug logs every stanza; the "Activated service" lines we wait for need at least info.
    cfg += u"log = { { levels = { min = "_s + luaString(logLevel == u"debug"_s ? logLevel : u"info"_s) +
           u" }, to = \"file\", filename = "_s + luaString(logPath()) + u" } }\n"_s;
    cfg += u"interfaces = { \"127.0.0.1\" }\n"_s;
    cfg += u"local_interfaces = { \"127.0.0.1\" }\n"_s;
    cfg += u"c2s_interfaces = { \"127.0.0.1\" }\n"_s;
    cfg += u"c2s_ports = { "_s + QString::number(clientPort) + u" }\n"_s;
    cfg += u"c2s_direct_tls_ports = { }\nlegacy_ssl_ports = { }\n"_s;
    cfg += u"component_interfaces = { \"127.0.0.1\" }\n"_s;
    cfg += u"component_ports = { "_s + QString::number(componentPort) + u" }\n"_s;
    // s2s off (no listener on 5269, no DNS for foreign domains); the empty port list guards against
    // someone enabling it again. http is never loaded: nothing in modules_enabled needs it.
    cfg += u"s2s_interfaces = { \"127.0.0.1\" }\ns2s_ports = { }\n"_s;
    cfg += u"modules_enabled = { \"ping\", \"disco\", \"version\", \"time\", \"saslauth\", \"roster\" }\n"_s;
    cfg += u"modules_disabled = { \"s2s\", \"s2s_auth_certs\", \"offline\" }\n"_s;
    cfg += u"authentication = \"internal_plain\"\nstorage = \"internal\"\n"_s;
    cfg += u"c2s_require_encryption = false\nallow_unencrypted_plain_auth = true\n"_s;
    cfg += u"\nVirtualHost "_s + luaString(serverDomain) + u'\n';
    for (const ComponentAccount &c : components) {
        cfg += u"\nComponent "_s + luaString(c.domain) + u'\n';
        cfg += u"    component_secret = "_s + luaString(c.secret) + u'\n';
    }
    return cfg;
}

bool ProsodyServer::Private::prepare(QString *error)
{
    std::array<quint16, 2> ports{};
    if (!pickFreePorts(ports, error))
        return false;
    componentPort = ports[0];
    clientPort = ports[1];

    QFile file(configPath());
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(config().toUtf8()) < 0) {
        if (error)
            *error = u"cannot write "_s + file.fileName() + u": "_s + file.errorString();
        return false;
    }
    return true;
}

ProsodyServer::Private::Launch ProsodyServer::Private::launch(QString *error)
{
    // The log file is shared by all runs: only what this run appends counts.
    const qint64 logOffset = QFileInfo(logPath()).size();

    process = std::make_unique<QProcess>();
    process->setProgram(QStandardPaths::findExecutable(u"prosody"_s));
    process->setArguments({u"-F"_s, u"--config"_s, configPath()});
    process->setWorkingDirectory(dir->path());
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(u"PROSODY_CONFIG"_s);
    process->setProcessEnvironment(env);
    // Files, not pipes: nobody reads them while a test blocks, and a full pipe would stall Prosody.
    process->setStandardInputFile(QProcess::nullDevice());
    process->setStandardOutputFile(consolePath(), QIODevice::Append);
    process->setStandardErrorFile(consolePath(), QIODevice::Append);
    process->start();
    if (!process->waitForStarted(StartTimeoutMs)) {
        if (error)
            *error = u"cannot launch prosody: "_s + process->errorString();
        process.reset();
        return Launch::Failed;
    }

    const QString componentReady =
        u"Activated service 'component' on [127.0.0.1]:"_s + QString::number(componentPort);
    const QString clientReady = u"Activated service 'c2s' on [127.0.0.1]:"_s + QString::number(clientPort);
    const QDeadlineTimer deadline(StartTimeoutMs);
    while (!deadline.hasExpired()) {
        if (process->state() == QProcess::NotRunning) {
            if (error)
                *error = u"prosody exited during startup with code "_s + QString::number(process->exitCode());
            process.reset();
            return Launch::Failed;
        }
        const QString log = readFile(logPath(), logOffset);
        if (log.contains(u"Failed to open server port"_s)) {
            terminate(false);
            if (error)
                *error = u"prosody could not bind its ports"_s;
            return Launch::PortTaken;
        }
        if (log.contains(componentReady) && log.contains(clientReady) && componentPortAnswers(componentPort))
            return Launch::Ok;
        process->waitForFinished(50); // doubles as a sleep that notices an early exit
    }
    terminate(false);
    if (error)
        *error = u"prosody did not accept connections on port "_s + QString::number(componentPort) +
                 u" within 15 s"_s;
    return Launch::Failed;
}

void ProsodyServer::Private::terminate(bool graceful)
{
    if (!process)
        return;
    if (process->state() != QProcess::NotRunning) {
        ::kill(pid_t(process->processId()), SIGCONT); // a paused server could not shut down
        if (graceful) {
            process->terminate();
            if (!process->waitForFinished(StopTimeoutMs))
                qWarning("prosody ignored SIGTERM for %d ms, killing it", StopTimeoutMs);
        }
        if (process->state() != QProcess::NotRunning) {
            process->kill();
            process->waitForFinished(StopTimeoutMs);
        }
    }
    process.reset();
}

ProsodyServer::ProsodyServer(QList<ComponentAccount> components, QString serverDomain)
    : d(std::make_unique<Private>())
{
    d->components = std::move(components);
    d->serverDomain = std::move(serverDomain);
}

ProsodyServer::~ProsodyServer()
{
    stop();
    if (d->dir && qEnvironmentVariableIsSet("XCM_KEEP_PROSODY_DIR")) {
        d->dir->setAutoRemove(false);
        qInfo("kept prosody dir %s", qPrintable(d->dir->path()));
    }
}

bool ProsodyServer::start(QString *error)
{
    if (isRunning())
        return true;
    if (d->dir)
        return restart(error);
    QString why;
    if (!available(&why)) {
        if (error)
            *error = why;
        return false;
    }
    d->dir = std::make_unique<QTemporaryDir>(QDir::tempPath() + u"/xcm-prosody-XXXXXX"_s);
    if (!d->dir->isValid()) {
        if (error)
            *error = u"cannot create a temp dir: "_s + d->dir->errorString();
        d->dir.reset();
        return false;
    }
    for (const QString &sub : {u"data"_s, u"certs"_s, u"plugins"_s})
        QDir(d->dir->path()).mkdir(sub);
    for (int attempt = 1;; ++attempt) {
        if (!d->prepare(error))
            return false;
        const Private::Launch result = d->launch(error);
        if (result == Private::Launch::Ok)
            return true;
        if (result == Private::Launch::Failed || attempt == PortAttempts) {
            if (error)
                *error += u"\n"_s + log();
            return false;
        }
    }
}

void ProsodyServer::stop()
{
    d->terminate(true);
}

void ProsodyServer::kill()
{
    d->terminate(false);
}

void ProsodyServer::pause()
{
    if (isRunning())
        ::kill(pid_t(d->process->processId()), SIGSTOP);
}

void ProsodyServer::resume()
{
    if (isRunning())
        ::kill(pid_t(d->process->processId()), SIGCONT);
}

bool ProsodyServer::restart(QString *error)
{
    if (!d->dir)
        return start(error);
    stop();
    if (d->launch(error) == Private::Launch::Ok)
        return true;
    if (error)
        *error += u"\n"_s + log();
    return false;
}

bool ProsodyServer::isRunning() const
{
    return d->process && d->process->state() != QProcess::NotRunning;
}

quint16 ProsodyServer::componentPort() const
{
    return d->componentPort;
}

quint16 ProsodyServer::clientPort() const
{
    return d->clientPort;
}

QString ProsodyServer::serverDomain() const
{
    return d->serverDomain;
}

QList<ComponentAccount> ProsodyServer::components() const
{
    return d->components;
}

QString ProsodyServer::directory() const
{
    return d->dir ? d->dir->path() : QString();
}

bool ProsodyServer::addUser(const QString &localpart, const QString &password, QString *error)
{
    if (!d->dir) {
        if (error)
            *error = u"addUser() before start()"_s;
        return false;
    }
    // internal_plain reads the account file on every login, so a running server sees it at once.
    QProcess ctl;
    ctl.setProgram(QStandardPaths::findExecutable(u"prosodyctl"_s));
    ctl.setArguments({u"--config"_s, d->configPath(), u"register"_s, localpart, d->serverDomain, password});
    ctl.setProcessChannelMode(QProcess::MergedChannels);
    ctl.start();
    if (!ctl.waitForFinished(StartTimeoutMs) || ctl.exitStatus() != QProcess::NormalExit ||
        ctl.exitCode() != 0) {
        if (error)
            *error = u"prosodyctl register failed: "_s + ctl.errorString() + u'\n' +
                     QString::fromUtf8(ctl.readAll());
        return false;
    }
    return true;
}

QString ProsodyServer::log() const
{
    if (!d->dir)
        return {};
    const QString console = readFile(d->consolePath()).trimmed();
    const QString log = readFile(d->logPath());
    if (console.isEmpty())
        return log;
    return u"--- prosody console ---\n"_s + console + u"\n--- prosody log ---\n"_s + log;
}

bool ProsodyServer::available(QString *why)
{
    if (QStandardPaths::findExecutable(u"prosody"_s).isEmpty()) {
        if (why)
            *why = u"prosody is not installed (apt-get install prosody lua-unbound)"_s;
        return false;
    }
    return true;
}

} // namespace xcm::test
