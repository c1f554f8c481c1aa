// SPDX-License-Identifier: GPL-3.0-or-later
#include "plaintextmessagebox.h"

#include <QLabel>

namespace xcm {

PlainTextMessageBox::PlainTextMessageBox(Icon icon, const QString &title, const QString &text,
                                         StandardButtons buttons, QWidget *parent)
    : QMessageBox(icon, title, text, buttons, parent)
{
    setTextFormat(Qt::PlainText);
}

void PlainTextMessageBox::setInformativeText(const QString &text)
{
    QMessageBox::setInformativeText(text);
    // The label QMessageBox made for it, found by what it shows rather than by a private name.
    for (QLabel *label : findChildren<QLabel *>()) {
        if (label->text() == text)
            label->setTextFormat(Qt::PlainText);
    }
}

} // namespace xcm
