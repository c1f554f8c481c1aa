// SPDX-License-Identifier: GPL-3.0-or-later
#include "expressionslogging.h"

Q_LOGGING_CATEGORY(lcExpressions, "xcm.expressions", QtInfoMsg)
Q_LOGGING_CATEGORY(lcRules, "xcm.rules", QtInfoMsg)
