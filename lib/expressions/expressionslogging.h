// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLoggingCategory>

// The expression language and the reply rules trace their decisions here
// (QT_LOGGING_RULES="xcm.rules.debug=true").
Q_DECLARE_LOGGING_CATEGORY(lcExpressions) // xcm.expressions: regular expressions that gave up
Q_DECLARE_LOGGING_CATEGORY(lcRules)       // xcm.rules: rules loaded, matched, failed, paused
