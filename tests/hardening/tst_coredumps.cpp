// SPDX-License-Identifier: GPL-3.0-or-later
// The shared secret stays in memory while a profile is connected: neither xcm nor xcm-cli may leave it
// in a core file. Each binary runs with an unlimited core size in a directory of its own, is killed with
// SIGQUIT (whose default action is a core dump), and must leave no core behind. The control run, with
// XCM_ALLOW_CORE_DUMPS=1, must leave one: otherwise this machine writes no core files the test can see,
// and the test says so instead of passing.
// The property behind it, PR_SET_DUMPABLE 0, is checked directly too, on any kernel and core_pattern: a
// process of the same (non-root) user may not read a running binary's /proc/PID/environ, while it may read
// that of the control run. Root may read anything, so under root both sides run as `nobody`.
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <fcntl.h>
#include <grp.h>
#include <optional>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

struct Run
{
    bool crashed = false;
    QStringList cores;
};

// Starts `program`, waits until `ready` says it is up (or two seconds without one: the window is open
// by then), kills it with SIGQUIT and lists the cores it left.
Run killWithSigquit(const QString &program, const QStringList &arguments, bool allowCoreDumps,
                    const std::function<bool()> &ready)
{
    QTemporaryDir dir;
    QProcess process;
    process.setProgram(program);
    process.setArguments(arguments);
    process.setWorkingDirectory(dir.path());
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"XDG_CONFIG_HOME"_s, dir.filePath(u"config"_s));
    environment.insert(u"XDG_DATA_HOME"_s, dir.filePath(u"data"_s));
    environment.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    environment.remove(u"XCM_ALLOW_CORE_DUMPS"_s);
    if (allowCoreDumps)
        environment.insert(u"XCM_ALLOW_CORE_DUMPS"_s, u"1"_s);
    process.setProcessEnvironment(environment);
    process.setChildProcessModifier([] {
        const rlimit unlimited{RLIM_INFINITY, RLIM_INFINITY};
        setrlimit(RLIMIT_CORE, &unlimited);
        std::signal(SIGQUIT, SIG_DFL); // a shell's background job inherits it ignored
    });
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process.start();
    Run run;
    QElapsedTimer started;
    started.start();
    const auto up = ready ? ready : [&started] { return started.elapsed() > 2000; };
    if (!process.waitForStarted(10000) || !QTest::qWaitFor(up, 15000)) {
        process.kill();
        process.waitForFinished();
        return run;
    }
    ::kill(pid_t(process.processId()), SIGQUIT);
    process.waitForFinished(30000);
    run.crashed = process.exitStatus() == QProcess::CrashExit;
    run.cores = QDir(dir.path()).entryList({u"core*"_s}, QDir::Files);
    return run;
}

// Under root, a probe of root's processes proves nothing: target and probe both become `nobody`.
constexpr uid_t NobodyId = 65534;

void becomeNobodyIfRoot()
{
    if (geteuid() != 0)
        return;
    if (setgroups(0, nullptr) != 0 || setgid(NobodyId) != 0 || setuid(NobodyId) != 0)
        _exit(125);
}

// Whether another process of the same, non-root user can open /proc/PID/environ (ptrace's read mode,
// which Yama leaves alone): the kernel refuses it for a process that is not dumpable.
bool sameUserCanReadProc(qint64 pid)
{
    const QByteArray path = "/proc/" + QByteArray::number(pid) + "/environ";
    const pid_t child = fork();
    if (child == 0) {
        becomeNobodyIfRoot();
        const int fd = ::open(path.constData(), O_RDONLY);
        char byte;
        _exit(fd >= 0 && ::read(fd, &byte, 1) >= 0 ? 0 : 1);
    }
    int status = 0;
    waitpid(child, &status, 0);
    return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

// Starts `program` (as `nobody` under root), waits until `ready` says it is up and probes it: nullopt when
// it did not come up.
std::optional<bool> procOpenToSameUser(const QString &program, const QStringList &arguments,
                                       bool allowCoreDumps, const std::function<bool()> &ready)
{
    QTemporaryDir dir;
    QFile::setPermissions(dir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                          QFileDevice::ExeOwner | QFileDevice::ReadOther |
                                          QFileDevice::WriteOther | QFileDevice::ExeOther);
    // Under root the binary may sit where `nobody` cannot reach it (a clone under /root): run a copy.
    QString runnable = program;
    if (geteuid() == 0) {
        runnable = dir.filePath(QFileInfo(program).fileName());
        if (!QFile::copy(program, runnable))
            return std::nullopt;
        QFile::setPermissions(runnable, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                            QFileDevice::ExeOwner | QFileDevice::ReadOther |
                                            QFileDevice::ExeOther);
    }
    QProcess process;
    process.setProgram(runnable);
    process.setArguments(arguments);
    process.setWorkingDirectory(dir.path());
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"HOME"_s, dir.path());
    environment.insert(u"XDG_CONFIG_HOME"_s, dir.filePath(u"config"_s));
    environment.insert(u"XDG_DATA_HOME"_s, dir.filePath(u"data"_s));
    environment.insert(u"XDG_CACHE_HOME"_s, dir.filePath(u"cache"_s));
    environment.insert(u"XDG_RUNTIME_DIR"_s, dir.path());
    environment.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    environment.remove(u"XCM_ALLOW_CORE_DUMPS"_s);
    if (allowCoreDumps)
        environment.insert(u"XCM_ALLOW_CORE_DUMPS"_s, u"1"_s);
    process.setProcessEnvironment(environment);
    process.setChildProcessModifier([] { becomeNobodyIfRoot(); });
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process.start();
    QElapsedTimer started;
    started.start();
    const auto up = ready ? ready : [&started] { return started.elapsed() > 2000; };
    std::optional<bool> open;
    if (process.waitForStarted(10000) && QTest::qWaitFor(up, 15000) && process.state() == QProcess::Running)
        open = sameUserCanReadProc(process.processId());
    process.kill();
    process.waitForFinished();
    return open;
}

} // namespace

class TestCoreDumps : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void noCoreFile_data();
    void noCoreFile();
    void notDumpable_data() { noCoreFile_data(); }
    void notDumpable();
};

void TestCoreDumps::noCoreFile_data()
{
    QTest::addColumn<QString>("program");
    QTest::newRow("xcm-cli") << qEnvironmentVariable("XCM_CLI");
    if (qEnvironmentVariableIsSet("XCM_GUI"))
        QTest::newRow("xcm") << qEnvironmentVariable("XCM_GUI");
}

void TestCoreDumps::noCoreFile()
{
    QFETCH(QString, program);
    QFile pattern(u"/proc/sys/kernel/core_pattern"_s);
    if (!pattern.open(QIODevice::ReadOnly) || pattern.readAll().startsWith('|'))
        QSKIP("cores go to a handler (core_pattern starts with '|'), not to a file this test can look for");

    // xcm-cli waits on a server that accepts and says nothing; xcm waits with its window open.
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost));
    QStringList arguments;
    std::function<bool()> ready; // xcm: the fixed wait of killWithSigquit()
    if (program.endsWith(u"xcm-cli")) {
        arguments = {u"--port"_s,    QString::number(silent.serverPort()),
                     u"--domain"_s,  u"bot.localhost"_s,
                     u"--timeout"_s, u"60"_s};
        // Up once it has connected, long after main() began. The connection stays open (owned by
        // `silent`): closed, xcm-cli would exit on its own before the signal came (it once did).
        ready = [&silent] { return silent.nextPendingConnection() != nullptr; };
    }
    qputenv("XCM_SECRET", "core-dump-test-secret");

    const Run control = killWithSigquit(program, arguments, true, ready);
    QVERIFY(control.crashed);
    if (control.cores.isEmpty())
        QSKIP("even a dumpable process leaves no core file here (a sanitizer build disables them, or "
              "the kernel writes them elsewhere): nothing to compare with");

    const Run protectedRun = killWithSigquit(program, arguments, false, ready);
    QVERIFY(protectedRun.crashed);
    QVERIFY2(protectedRun.cores.isEmpty(), qPrintable(protectedRun.cores.join(u", "_s)));
}

void TestCoreDumps::notDumpable()
{
    QFETCH(QString, program);
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost));
    QStringList arguments;
    std::function<bool()> ready;
    if (program.endsWith(u"xcm-cli")) {
        arguments = {u"--port"_s,    QString::number(silent.serverPort()),
                     u"--domain"_s,  u"bot.localhost"_s,
                     u"--timeout"_s, u"60"_s};
        // Up once it has connected; the connection stays open (owned by `silent`), so it keeps waiting.
        ready = [&silent] { return silent.nextPendingConnection() != nullptr; };
    }
    qputenv("XCM_SECRET", "core-dump-test-secret");

    // The control: with the hardening off, the probe can read the process, so its refusal below means
    // something.
    const std::optional<bool> control = procOpenToSameUser(program, arguments, true, ready);
    QVERIFY2(control.has_value(), "the control run did not come up");
    QVERIFY2(*control, "the probe cannot read even a dumpable process of its own user");

    const std::optional<bool> hardened = procOpenToSameUser(program, arguments, false, ready);
    QVERIFY2(hardened.has_value(), "the hardened run did not come up");
    QVERIFY2(!*hardened, "another process of the same user can read the running binary's /proc entries");
}

QTEST_GUILESS_MAIN(TestCoreDumps)
#include "tst_coredumps.moc"
