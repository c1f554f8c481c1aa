// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLoggingCategory>

// The desktop app's categories, beside the core's in lib/logging.h (the log view's: ui/log/logviewlogging.h).
Q_DECLARE_LOGGING_CATEGORY(lcUi)       // xcm.ui: the main window, sessions, compose
Q_DECLARE_LOGGING_CATEGORY(lcKeychain) // xcm.ui.keychain: secret store jobs and their outcomes
