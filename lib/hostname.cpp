// SPDX-License-Identifier: GPL-3.0-or-later
#include "hostname.h"

#include <QHostAddress>
#include <QStringList>
#include <QUrl>

#include <algorithm>

namespace xcm {

namespace {

bool fail(QString *error, const QString &reason)
{
    if (error)
        *error = reason;
    return false;
}

bool isLabelCharacter(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') || c == u'-' ||
           c == u'_';
}

} // namespace

bool HostName::isValid(const QString &host, QString *error)
{
    if (host.isEmpty())
        return fail(error, tr("the host name is empty"));
    if (!QHostAddress(host).isNull())
        return true;
    // "example.org:5347": the port goes in a field, option or key of its own.
    if (const qsizetype colon = host.indexOf(u':'); colon > 0 && host.count(u':') == 1) {
        bool number = false;
        host.sliced(colon + 1).toUShort(&number);
        if (number)
            return fail(error, tr("“%1” looks like a port: give it on its own").arg(host.sliced(colon)));
    }
    for (const QChar c : host) {
        if (c.isSpace() || c.category() == QChar::Other_Control)
            return fail(error, tr("a host name cannot contain a space or control character"));
    }
    // A trailing dot names the root: "example.org." is fully qualified.
    const QString name = host.endsWith(u'.') ? host.chopped(1) : host;
    // An internationalised name is checked in the ASCII form it is looked up by.
    const bool international =
        std::any_of(name.cbegin(), name.cend(), [](QChar c) { return c.unicode() > 0x7f; });
    const QString ascii = international ? QString::fromLatin1(QUrl::toAce(name)) : name;
    if (ascii.isEmpty())
        return fail(error, tr("“%1” is not a valid host name").arg(host));
    if (ascii.size() > 253)
        return fail(error, tr("the host name is longer than 253 characters"));
    for (const QString &label : ascii.split(u'.')) {
        if (label.isEmpty())
            return fail(error, tr("the host name has an empty label (two dots, or a dot at the start)"));
        if (label.size() > 63)
            return fail(error, tr("a part of the host name is longer than 63 characters"));
        for (const QChar c : label) {
            if (!isLabelCharacter(c))
                return fail(error, tr("“%1” is not allowed in a host name").arg(c));
        }
        if (label.startsWith(u'-') || label.endsWith(u'-'))
            return fail(error, tr("a part of the host name starts or ends with “-”"));
    }
    return true;
}

} // namespace xcm
