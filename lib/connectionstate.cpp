// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectionstate.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace xcm {

QString displayName(ConnectionState state)
{
    switch (state) {
    case ConnectionState::Disconnected:
        return QCoreApplication::translate("xcm::ConnectionState", "Disconnected");
    case ConnectionState::Connecting:
        return QCoreApplication::translate("xcm::ConnectionState", "Connecting");
    case ConnectionState::OpeningStream:
        return QCoreApplication::translate("xcm::ConnectionState", "Opening stream");
    case ConnectionState::Authenticating:
        return QCoreApplication::translate("xcm::ConnectionState", "Authenticating");
    case ConnectionState::Connected:
        return QCoreApplication::translate("xcm::ConnectionState", "Connected");
    case ConnectionState::Disconnecting:
        return QCoreApplication::translate("xcm::ConnectionState", "Disconnecting");
    }
    return {};
}

QString identifier(ConnectionState state)
{
    switch (state) {
    case ConnectionState::Disconnected:
        return u"disconnected"_s;
    case ConnectionState::Connecting:
        return u"connecting"_s;
    case ConnectionState::OpeningStream:
        return u"opening-stream"_s;
    case ConnectionState::Authenticating:
        return u"authenticating"_s;
    case ConnectionState::Connected:
        return u"connected"_s;
    case ConnectionState::Disconnecting:
        return u"disconnecting"_s;
    }
    return {};
}

} // namespace xcm
