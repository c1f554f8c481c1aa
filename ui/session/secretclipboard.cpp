// SPDX-License-Identifier: GPL-3.0-or-later
#include "secretclipboard.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QMimeData>
#include <QPointer>
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
    // Parented to the clipboard, not the dialog: the copy outlives the editor it came from. The
    // clipboard deletes our data when anything else is copied, so the guard tells, and no second copy
    // of the secret waits in this lambda.
    QTimer::singleShot(lifetime, clipboard, [clipboard, guard = QPointer<QMimeData>(data)] {
        if (guard && clipboard->mimeData() == guard)
            clipboard->clear();
    });
}

} // namespace xcm
