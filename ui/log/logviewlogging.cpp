// SPDX-License-Identifier: GPL-3.0-or-later
#include "logviewlogging.h"

Q_LOGGING_CATEGORY(lcUiLog, "xcm.ui.log", QtInfoMsg)
