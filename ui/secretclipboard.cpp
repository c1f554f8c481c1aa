// SPDX-License-Identifier: GPL-3.0-or-later
#include "secretclipboard.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QMimeData>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace xcm {

void copySecretToClipboard(const QString &secret, std::chrono::milliseconds lifetime)
{
    auto *data = new QMimeData;
    data->setText(secret);
    data->setData(u"x-kde-passwordManagerHint"_s, "secret");
    QClipboard *clipboard = QGuiApplication::clipboard();
    clipboard->setMimeData(data);
    // Parented to the clipboard, not the dialog: the copy outlives the editor it came from.
    QTimer::singleShot(lifetime, clipboard, [clipboard, secret] {
        const QMimeData *now = clipboard->mimeData();
        if (now && now->hasText() && now->text() == secret)
            clipboard->clear();
    });
}

} // namespace xcm
