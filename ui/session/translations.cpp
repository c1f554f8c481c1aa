// SPDX-License-Identifier: GPL-3.0-or-later
#include "translations.h"

#include "uilogging.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

#include <memory>

using namespace Qt::StringLiterals;

namespace xcm {

QStringList availableLanguages(const QString &directory)
{
    QStringList languages{u"en"_s};
    const QStringList files = QDir(directory).entryList({u"xcm_*.qm"_s}, QDir::Files, QDir::Name);
    for (const QString &file : files)
        languages.append(file.sliced(4, file.size() - 7)); // xcm_de.qm → de
    return languages;
}

QString installTranslations(QCoreApplication &app, const QString &language, const QString &directory)
{
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    if (!language.isEmpty())
        QLocale::setDefault(locale);
    // English is the source language: an English preference ahead of German must win, which
    // QTranslator::load() alone would not know (there is no xcm_en.qm to find).
    for (const QString &uiLanguage : locale.uiLanguages()) {
        if (uiLanguage == u"C" || QLocale(uiLanguage).language() == QLocale::English)
            return {};
        auto xcm = std::make_unique<QTranslator>(&app);
        if (!xcm->load(QLocale(uiLanguage), u"xcm"_s, u"_"_s, directory))
            continue;
        const QString loaded = xcm->language();
        QCoreApplication::installTranslator(xcm.release());
        // Qt's own catalogue (qtbase_*.qm from qt6-translations-l10n, a dependency of the package) for
        // QDialogButtonBox, QMessageBox, file dialogs, …; without it those stay English amid German.
        const QString qtDirectory = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
        auto qt = std::make_unique<QTranslator>(&app);
        if (qt->load(QLocale(loaded), u"qtbase"_s, u"_"_s, qtDirectory))
            QCoreApplication::installTranslator(qt.release());
        else
            qCWarning(lcUi) << "Qt's own translation for" << loaded << "is missing from" << qtDirectory
                            << "(install qt6-translations-l10n): Qt's buttons and dialogs stay English";
        return loaded;
    }
    return {};
}

} // namespace xcm
