// SPDX-License-Identifier: GPL-3.0-or-later
#include "handshake.h"

#include <QCryptographicHash>

namespace xcm {

QByteArray handshakeDigest(const QString &streamId, const QString &secret)
{
    return QCryptographicHash::hash((streamId + secret).toUtf8(), QCryptographicHash::Sha1).toHex();
}

} // namespace xcm
