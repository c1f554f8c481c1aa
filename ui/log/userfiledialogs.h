// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class QWidget;

namespace xcm::UserFileDialogs {

// File dialogs for the user's own files (exported logs and timelines, rules files): they open in the
// folder the last of them was accepted in, kept across runs, and in the home folder at first — never in
// the process's working directory, which may be anywhere. (Saved logs open where recordings go.)
// Here, below the window's widgets, so that the log view's export shares the folder with the window's.

// QFileDialog::getSaveFileName() suggesting `fileName` in that folder; empty when cancelled.
QString saveFileName(QWidget *parent, const QString &caption, const QString &fileName, const QString &filters,
                     QString *selectedFilter = nullptr);
// QFileDialog::getOpenFileName() in that folder; empty when cancelled.
QString openFileName(QWidget *parent, const QString &caption, const QString &filters);

// The folder a dialog opens in now.
QString folder();

} // namespace xcm::UserFileDialogs
