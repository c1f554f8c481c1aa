// SPDX-License-Identifier: GPL-3.0-or-later
#include "logging.h"

Q_LOGGING_CATEGORY(lcConnection, "xcm.connection", QtInfoMsg)
Q_LOGGING_CATEGORY(lcParser, "xcm.parser", QtInfoMsg)
Q_LOGGING_CATEGORY(lcStanzaLog, "xcm.stanzalog", QtInfoMsg)
Q_LOGGING_CATEGORY(lcProfiles, "xcm.profiles", QtInfoMsg)
Q_LOGGING_CATEGORY(lcCapture, "xcm.capture", QtInfoMsg)
