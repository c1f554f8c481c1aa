// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLoggingCategory>

// xcm.cli: the terminal session's decisions (exit codes, input flow); the core's are in lib/logging.h.
Q_DECLARE_LOGGING_CATEGORY(lcCli)
