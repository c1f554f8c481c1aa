// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLoggingCategory>

// xcm.ui.log: the stanza log view (its own library sits below ui/, so it cannot use ui/uilogging.h).
Q_DECLARE_LOGGING_CATEGORY(lcUiLog)
