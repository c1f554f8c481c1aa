// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLoggingCategory>

// One dotted category per subsystem, so `QT_LOGGING_RULES="xcm.*.debug=true"` (or just
// "xcm.connection.debug=true") explains what one part does. The UI's categories are in ui/uilogging.h,
// the CLI's in app/cli/clilogging.h.
Q_DECLARE_LOGGING_CATEGORY(lcConnection) // xcm.connection: states, reconnects, socket events
Q_DECLARE_LOGGING_CATEGORY(lcParser)     // xcm.parser: server input refused, and why
Q_DECLARE_LOGGING_CATEGORY(lcStanzaLog)  // xcm.stanzalog: the log model's caps, exports
Q_DECLARE_LOGGING_CATEGORY(lcProfiles)   // xcm.profiles: profile storage, import, history
Q_DECLARE_LOGGING_CATEGORY(lcCapture)    // xcm.capture: recording to disk, rotation, reading saved logs
