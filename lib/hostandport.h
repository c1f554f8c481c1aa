// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace xcm {

// "127.0.0.1:5348", "[::1]:5348": an IPv6 address in brackets, so that its port stays apart.
inline QString hostAndPort(const QString &host, quint16 port)
{
    const QString number = QString::number(port);
    if (host.contains(u':'))
        return u'[' + host + u"]:" + number;
    return host + u':' + number;
}

} // namespace xcm
