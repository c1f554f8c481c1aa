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
std::array<bool, fatalSignals.size()> handled{}; // not those the program was started ignoring

// TCSADRAIN, not TCSAFLUSH, on the way back: what was typed after the secret (stanzas for --send -)
// is the user's input and stays.
void restoreTerminal()
{
    ::tcsetattr(guardedFd, TCSADRAIN, &savedTerminal);
}

void restoreSignals()
{
    for (std::size_t i = 0; i < fatalSignals.size(); ++i) {
        if (handled[i])
            ::sigaction(fatalSignals[i], &savedActions[i], nullptr);
        handled[i] = false;
    }
}

void restoreAndDie(int signal)
{
    // tcsetattr, write, sigaction and raise are async-signal-safe.
    restoreTerminal();
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
    for (std::size_t i = 0; i < fatalSignals.size(); ++i) {
        // A signal ignored from the start (SIGHUP under nohup, SIGINT in a background job) stays
        // ignored: the guard must not make it fatal.
        ::sigaction(fatalSignals[i], nullptr, &savedActions[i]);
        handled[i] = savedActions[i].sa_handler != SIG_IGN;
        if (handled[i])
            ::sigaction(fatalSignals[i], &action, nullptr);
    }
    termios silent = savedTerminal;
    silent.c_lflag &= ~tcflag_t(ECHO);
    silent.c_lflag |= ECHONL; // the Return key still moves to a new line
    if (::tcsetattr(fd, TCSAFLUSH, &silent) != 0) {
        restoreSignals();
        guardedFd = -1;
        return;
    }
    m_active = true;
}

TerminalEchoGuard::~TerminalEchoGuard()
{
    if (!m_active)
        return;
    restoreTerminal();
    restoreSignals();
    guardedFd = -1;
}

} // namespace xcm::cli
