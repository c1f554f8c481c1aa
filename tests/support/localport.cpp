// SPDX-License-Identifier: GPL-3.0-or-later
#include "localport.h"

#include <QTcpServer>

namespace xcm::test {

quint16 closedLocalPort()
{
    QTcpServer reserve;
    if (!reserve.listen(QHostAddress::LocalHost))
        return 0;
    return reserve.serverPort(); // closed as `reserve` goes
}

} // namespace xcm::test
