// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace xcm::test {

// What another program sees in the Secret Service for one of xcm's keys, asked through secret-tool
// (QtKeychain's libsecret schema: user = key, server = service). Empty when there is no such entry.
QString secretToolLookup(const QString &key);

} // namespace xcm::test
