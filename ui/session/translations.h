// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class QCoreApplication;

namespace xcm {

// Installs xcm's translation (embedded by translations/CMakeLists.txt under :/i18n) and Qt's own for
// the standard buttons and dialogs. `language` is a code such as "de" or "de_AT"; empty means the
// system's UI languages (LANGUAGE, LC_ALL, LC_MESSAGES, LANG) in order of preference. When xcm has no
// translation for the language nothing is installed, so the UI stays in one language (English) rather
// than mixing English with translated Qt buttons. Returns the language installed ("de"), or an empty
// string for English. With an explicit `language` the default QLocale follows it too, so that numbers
// and dates match the words. `directory` holds xcm_<language>.qm (tests load them from the build tree).
QString installTranslations(QCoreApplication &app, const QString &language = {},
                            const QString &directory = QStringLiteral(":/i18n"));

// The languages xcm has a translation for, English included ("en", "de").
QStringList availableLanguages(const QString &directory = QStringLiteral(":/i18n"));

} // namespace xcm
