// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace xcm::cli {

// "1 stanza", "3 stanzas": for xcm-cli's status lines, which are English only (not translated).
inline QString countOf(qint64 count, QStringView one, QStringView many)
{
    return QString::number(count) + u' ' + (count == 1 ? one : many);
}

} // namespace xcm::cli
