// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace xcm::test {

// The long options a program's --help lists ("  -v, --version   …", "  --filter <expr>  …").
QStringList optionsInHelp(const QString &help);

// Those of `options` that the man page `name` (packaging/man/<name>.1, roff) never mentions, or, when the
// page cannot be read, a line saying so.
QStringList optionsMissingFromManPage(const QStringList &options, const QString &name);

} // namespace xcm::test
