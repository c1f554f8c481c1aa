// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectionhelpers.h"

#include "prosodyserver.h"

#include <QTest>

namespace xcm::test {

std::unique_ptr<ComponentConnection>
makeConnection(const ProsodyServer &server, const ComponentAccount &account, const SettingsAdjustment &adjust)
{
    auto connection = std::make_unique<ComponentConnection>();
    ConnectionSettings settings;
    settings.port = server.componentPort();
    settings.domain = account.domain;
    if (adjust)
        adjust(settings);
    connection->setSettings(settings);
    connection->setSecret(account.secret);
    return connection;
}

bool waitForState(ComponentConnection &connection, ConnectionState state, int timeoutMs)
{
    return QTest::qWaitFor([&] { return connection.state() == state; }, timeoutMs);
}

} // namespace xcm::test
