// SPDX-License-Identifier: GPL-3.0-or-later
#include "secrettool.h"

#include <QProcess>

using namespace Qt::StringLiterals;

namespace xcm::test {

QString secretToolLookup(const QString &key)
{
    QProcess tool;
    tool.start(u"secret-tool"_s, {u"lookup"_s, u"user"_s, key, u"server"_s, u"xcm"_s});
    if (!tool.waitForFinished(10000))
        return u"<secret-tool did not finish>"_s;
    return QString::fromUtf8(tool.readAllStandardOutput()).trimmed();
}

} // namespace xcm::test
