// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMessageBox>

namespace xcm {

// A message box that shows its texts as typed. QMessageBox guesses rich text (Qt::AutoText), so a
// profile named "<b>Prod</b>" read as bold and a file error quoting markup could load images; and its
// setTextFormat() leaves the informative text to the guess (Qt 6.4).
class PlainTextMessageBox : public QMessageBox
{
    Q_OBJECT
public:
    PlainTextMessageBox(Icon icon, const QString &title, const QString &text, StandardButtons buttons,
                        QWidget *parent);

    // Hides QMessageBox's, which leaves the text to the guess.
    void setInformativeText(const QString &text);
};

} // namespace xcm
