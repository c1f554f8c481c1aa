// SPDX-License-Identifier: GPL-3.0-or-later
#include "contenderprocess.h"

#include <QByteArray>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace xcm::bench {

namespace {

double cpuSecondsOf(const rusage &usage)
{
    const auto seconds = [](const timeval &t) { return double(t.tv_sec) + double(t.tv_usec) / 1e6; };
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

} // namespace

ContenderProcess::~ContenderProcess()
{
    if (m_pid > 0 && !m_reaped)
        kill();
}

bool ContenderProcess::start(const QStringList &command, quint16 port, const QString &log, QString *failure)
{
    std::vector<QByteArray> arguments;
    for (const QString &argument : command)
        arguments.push_back(QString(argument).replace(u"{port}"_s, QString::number(port)).toLocal8Bit());
    std::vector<char *> argv;
    for (QByteArray &argument : arguments)
        argv.push_back(argument.data());
    argv.push_back(nullptr);
    const QByteArray logPath = log.toLocal8Bit();

    m_pid = ::fork();
    if (m_pid < 0) {
        *failure = u"fork: "_s + QString::fromLocal8Bit(std::strerror(errno));
        return false;
    }
    if (m_pid == 0) {
        const int devNull = ::open("/dev/null", O_RDONLY);
        ::dup2(devNull, STDIN_FILENO);
        if (!logPath.isEmpty()) {
            const int out = ::open(logPath.constData(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
            if (out >= 0) {
                ::dup2(out, STDOUT_FILENO);
                ::dup2(out, STDERR_FILENO);
            }
        }
        ::execvp(argv[0], argv.data());
        std::fprintf(stderr, "xcm-bench: cannot start %s: %s\n", argv[0], std::strerror(errno));
        ::_exit(127);
    }
    return true;
}

bool ContenderProcess::exited()
{
    if (m_pid <= 0 || m_reaped)
        return m_reaped;
    int status = 0;
    rusage usage{};
    if (::wait4(m_pid, &status, WNOHANG, &usage) != m_pid)
        return false;
    m_reaped = true;
    m_status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    m_cpuSeconds = cpuSecondsOf(usage);
    return true;
}

void ContenderProcess::samplePeakMemory(bool force)
{
    const auto now = std::chrono::steady_clock::now();
    if (m_pid <= 0 || m_reaped || (!force && now - m_lastSample < std::chrono::milliseconds(10)))
        return;
    m_lastSample = now;
    char path[64];
    std::snprintf(path, sizeof path, "/proc/%d/status", int(m_pid));
    std::FILE *status = std::fopen(path, "r");
    if (!status)
        return;
    char line[256];
    while (std::fgets(line, sizeof line, status)) {
        if (std::strncmp(line, "VmHWM:", 6) == 0) {
            m_peakRssKb = std::max<qint64>(m_peakRssKb, std::strtoll(line + 6, nullptr, 10));
            break;
        }
    }
    std::fclose(status);
}

QString ContenderProcess::finish(std::chrono::seconds grace, const std::function<void()> &whileWaiting)
{
    if (m_pid <= 0)
        return {};
    const auto until = std::chrono::steady_clock::now() + grace;
    for (;;) {
        samplePeakMemory(true); // every turn: the last sample before the exit is the one that counts
        if (exited() || std::chrono::steady_clock::now() >= until)
            break;
        whileWaiting();
    }
    if (!m_reaped) {
        kill();
        return u"the contender answered but did not exit within %1 s"_s.arg(grace.count());
    }
    if (m_status != 0)
        return u"the contender answered but exited with status %1"_s.arg(m_status);
    return {};
}

void ContenderProcess::kill()
{
    ::kill(m_pid, SIGKILL);
    rusage usage{};
    int status = 0;
    ::wait4(m_pid, &status, 0, &usage);
    m_reaped = true;
    m_status = -1;
    m_cpuSeconds = cpuSecondsOf(usage);
}

} // namespace xcm::bench
