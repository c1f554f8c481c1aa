// SPDX-License-Identifier: GPL-3.0-or-later
#include "userfiledialogs.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QSettings>

using namespace Qt::StringLiterals;

namespace xcm::UserFileDialogs {

namespace {

const QString folderKey = u"dialogs/lastFolder"_s;

QString remembered(const QString &path)
{
    if (!path.isEmpty())
        QSettings().setValue(folderKey, QFileInfo(path).absolutePath());
    return path;
}

} // namespace

QString folder()
{
    const QString last = QSettings().value(folderKey).toString();
    return !last.isEmpty() && QFileInfo(last).isDir() ? last : QDir::homePath();
}

QString saveFileName(QWidget *parent, const QString &caption, const QString &fileName, const QString &filters,
                     QString *selectedFilter)
{
    return remembered(QFileDialog::getSaveFileName(parent, caption, QDir(folder()).filePath(fileName),
                                                   filters, selectedFilter));
}

QString openFileName(QWidget *parent, const QString &caption, const QString &filters)
{
    return remembered(QFileDialog::getOpenFileName(parent, caption, folder(), filters));
}

} // namespace xcm::UserFileDialogs
