// SPDX-License-Identifier: GPL-3.0-or-later
#include "terminalechoguard.h"

#include <array>
#include <csignal>
#include <unistd.h>

namespace xcm::cli {

namespace {

constexpr std::array fatalSignals{SIGINT, SIGTERM, SIGHUP, SIGQUIT};

// For the signal handler, which may only touch what was set up before it can run.
int guardedFd = -1;
termios savedTerminal{};
std::array<struct sigaction, fatalSignals.size()> savedActions{};

void restoreAndDie(int signal)
{
    // tcsetattr, write, sigaction and raise are async-signal-safe.
    ::tcsetattr(guardedFd, TCSAFLUSH, &savedTerminal);
    [[maybe_unused]] const auto written = ::write(STDERR_FILENO, "\n", 1);
    struct sigaction defaultAction
    {};
    defaultAction.sa_handler = SIG_DFL;
    ::sigaction(signal, &defaultAction, nullptr);
    ::raise(signal); // delivered when the handler returns: the exit status still says which signal
}

} // namespace

TerminalEchoGuard::TerminalEchoGuard(int fd)
{
    if (guardedFd != -1 || !::isatty(fd) || ::tcgetattr(fd, &savedTerminal) != 0)
        return;
    guardedFd = fd;
    struct sigaction action
    {};
    action.sa_handler = restoreAndDie;
    ::sigemptyset(&action.sa_mask);
    for (std::size_t i = 0; i < fatalSignals.size(); ++i)
        ::sigaction(fatalSignals[i], &action, &savedActions[i]);
    termios silent = savedTerminal;
    silent.c_lflag &= ~tcflag_t(ECHO);
    silent.c_lflag |= ECHONL; // the Return key still moves to a new line
    if (::tcsetattr(fd, TCSAFLUSH, &silent) != 0) {
        for (std::size_t i = 0; i < fatalSignals.size(); ++i)
            ::sigaction(fatalSignals[i], &savedActions[i], nullptr);
        guardedFd = -1;
        return;
    }
    m_active = true;
}

TerminalEchoGuard::~TerminalEchoGuard()
{
    if (!m_active)
        return;
    ::tcsetattr(guardedFd, TCSAFLUSH, &savedTerminal);
    for (std::size_t i = 0; i < fatalSignals.size(); ++i)
        ::sigaction(fatalSignals[i], &savedActions[i], nullptr);
    guardedFd = -1;
}

} // namespace xcm::cli
