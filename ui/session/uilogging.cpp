// SPDX-License-Identifier: GPL-3.0-or-later
#include "uilogging.h"

Q_LOGGING_CATEGORY(lcUi, "xcm.ui", QtInfoMsg)
Q_LOGGING_CATEGORY(lcKeychain, "xcm.ui.keychain", QtInfoMsg)
