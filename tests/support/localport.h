// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

namespace xcm::test {

// A port on 127.0.0.1 that nothing listens on as this returns (picked by the kernel, then released), so
// that a connection to it is refused. 0 if no port could be picked.
quint16 closedLocalPort();

} // namespace xcm::test
