// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <termios.h>

namespace xcm::cli {

// Turns off echo on a terminal while a secret is typed into it, and turns it back on when the guard
// goes, or when Ctrl+C (or SIGTERM, SIGHUP, SIGQUIT) ends the program in the middle: a shell left
// without echo looks broken. Does nothing unless `fd` is a terminal. One at a time.
class TerminalEchoGuard
{
public:
    explicit TerminalEchoGuard(int fd);
    ~TerminalEchoGuard();
    TerminalEchoGuard(const TerminalEchoGuard &) = delete;
    TerminalEchoGuard &operator=(const TerminalEchoGuard &) = delete;

    bool isActive() const { return m_active; }

private:
    bool m_active = false;
};

} // namespace xcm::cli
