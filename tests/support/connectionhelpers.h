// SPDX-License-Identifier: GPL-3.0-or-later
// Setting up and waiting on a ComponentConnection in a test (needs xcm_core: library xcm_test_protocol).
#pragma once

#include "componentconnection.h"

#include <functional>
#include <memory>

namespace xcm::test {

struct ComponentAccount;
class ProsodyServer;

// Changes a test makes to the settings before they are applied.
using SettingsAdjustment = std::function<void(ConnectionSettings &)>;

// A connection for `account` on `server`'s component port: the library's defaults but for what `adjust`
// changes. Not connected yet.
std::unique_ptr<ComponentConnection> makeConnection(const ProsodyServer &server,
                                                    const ComponentAccount &account,
                                                    const SettingsAdjustment &adjust = {});

// Runs the event loop until `connection` is in `state`; false after `timeoutMs`.
bool waitForState(ComponentConnection &connection, ConnectionState state, int timeoutMs = 10000);

} // namespace xcm::test
