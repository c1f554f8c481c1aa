// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMetaType>
#include <QString>

namespace xcm {

// An XMPP address (RFC 7622): [localpart@]domainpart[/resourcepart]. Validation covers what a
// component author gets wrong in practice (empty parts, forbidden characters, lengths); full PRECIS
// profiles are the server's job.
class Jid
{
public:
    Jid() = default;
    // Returns an invalid Jid and a reason when `text` is not an address.
    static Jid parse(QStringView text, QString *error = nullptr);
    // Validates a domain on its own (a component's name).
    static bool isValidDomain(QStringView domain, QString *error = nullptr);

    bool isValid() const { return !m_domain.isEmpty(); }
    const QString &local() const { return m_local; }
    const QString &domain() const { return m_domain; }
    const QString &resource() const { return m_resource; }
    QString bare() const;
    QString full() const;
    Jid withResource(const QString &resource) const;
    friend bool operator==(const Jid &, const Jid &) = default;

private:
    QString m_local;
    QString m_domain;
    QString m_resource;
};

} // namespace xcm

Q_DECLARE_METATYPE(xcm::Jid)
