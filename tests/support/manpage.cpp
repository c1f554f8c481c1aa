// SPDX-License-Identifier: GPL-3.0-or-later
#include "manpage.h"

#include <QFile>
#include <QRegularExpression>

namespace xcm::test {

QStringList optionsInHelp(const QString &help)
{
    static const QRegularExpression optionLine(QStringLiteral(R"(^\s+(?:-\w, )?(--[a-z][a-z0-9-]*))"),
                                               QRegularExpression::MultilineOption);
    QStringList options;
    for (auto match = optionLine.globalMatch(help); match.hasNext();)
        options << match.next().captured(1);
    options.removeDuplicates();
    return options;
}

QStringList optionsMissingFromManPage(const QStringList &options, const QString &name)
{
    QFile page(QStringLiteral(XCM_MAN_DIR "/%1.1").arg(name));
    if (!page.open(QIODevice::ReadOnly))
        return {QStringLiteral("cannot read %1: %2").arg(page.fileName(), page.errorString())};
    const QString roff = QString::fromUtf8(page.readAll());
    QStringList missing;
    for (const QString &option : options) {
        // roff writes a hyphen as \-.
        QString escaped = option;
        escaped.replace(QLatin1Char('-'), QStringLiteral("\\-"));
        if (!roff.contains(escaped))
            missing << option;
    }
    return missing;
}

} // namespace xcm::test
