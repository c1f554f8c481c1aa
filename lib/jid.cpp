// SPDX-License-Identifier: GPL-3.0-or-later
#include "jid.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace xcm {

namespace {

// The reasons end up in the window (profile editor, compose form), so they are translated.
QString tr(const char *text)
{
    return QCoreApplication::translate("xcm::Jid", text);
}

constexpr qsizetype maxPartBytes = 1023; // RFC 7622 §3: each part at most 1023 octets

bool setError(QString *error, const QString &reason)
{
    if (error)
        *error = reason;
    return false;
}

bool hasControlOrSpace(QStringView text)
{
    return std::any_of(text.begin(), text.end(),
                       [](QChar c) { return c.isSpace() || c.category() == QChar::Other_Control; });
}

} // namespace

bool Jid::isValidDomain(QStringView domain, QString *error)
{
    if (domain.isEmpty())
        return setError(error, tr("the domain is empty"));
    if (domain.toUtf8().size() > maxPartBytes)
        return setError(error, tr("the domain is longer than 1023 bytes"));
    if (hasControlOrSpace(domain))
        return setError(error, tr("the domain contains a space or control character"));
    for (const QChar c : domain) {
        if (u"@/\"&'<>:\\"_s.contains(c) && !(c == u':' && domain.startsWith(u'[')))
            return setError(error, tr("the domain contains '%1'").arg(c));
    }
    if (domain.startsWith(u'.') || domain.endsWith(u'.') || domain.contains(u".."))
        return setError(error, tr("the domain has an empty label"));
    return true;
}

Jid Jid::parse(QStringView text, QString *error)
{
    const auto fail = [error](const QString &reason) {
        if (error)
            *error = reason;
        return Jid();
    };
    if (text.isEmpty())
        return fail(tr("the address is empty"));
    // The resource is everything after the first '/', and may itself contain '@' and '/'.
    const qsizetype slash = text.indexOf(u'/');
    const QStringView bareText = slash < 0 ? text : text.first(slash);
    const qsizetype at = bareText.indexOf(u'@');
    Jid jid;
    if (at >= 0) {
        const QStringView local = bareText.first(at);
        if (local.isEmpty())
            return fail(tr("the part before '@' is empty"));
        if (local.toUtf8().size() > maxPartBytes)
            return fail(tr("the local part is longer than 1023 bytes"));
        if (hasControlOrSpace(local))
            return fail(tr("the local part contains a space or control character"));
        for (const QChar c : local) {
            if (u"\"&'/:<>@"_s.contains(c))
                return fail(tr("the local part contains '%1', which is not allowed there").arg(c));
        }
        jid.m_local = local.toString();
    }
    const QStringView domain = bareText.sliced(at + 1);
    QString domainError;
    if (!isValidDomain(domain, &domainError))
        return fail(domainError);
    jid.m_domain = domain.toString().toLower();
    if (slash >= 0) {
        const QStringView resource = text.sliced(slash + 1);
        if (resource.isEmpty())
            return fail(tr("the part after '/' is empty"));
        if (resource.toUtf8().size() > maxPartBytes)
            return fail(tr("the resource is longer than 1023 bytes"));
        if (std::any_of(resource.begin(), resource.end(),
                        [](QChar c) { return c.category() == QChar::Other_Control; }))
            return fail(tr("the resource contains a control character"));
        jid.m_resource = resource.toString();
    }
    return jid;
}

QString Jid::bare() const
{
    return m_local.isEmpty() ? m_domain : m_local + u'@' + m_domain;
}

QString Jid::full() const
{
    return m_resource.isEmpty() ? bare() : bare() + u'/' + m_resource;
}

Jid Jid::withResource(const QString &resource) const
{
    Jid copy = *this;
    copy.m_resource = resource;
    return copy;
}

} // namespace xcm
