// SPDX-License-Identifier: GPL-3.0-or-later
#include "clilogging.h"

Q_LOGGING_CATEGORY(lcCli, "xcm.cli", QtInfoMsg)
