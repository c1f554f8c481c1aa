// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QString>

namespace xcm {

// The name of a server to connect to: an IPv4 or IPv6 address, or a DNS name whose labels are letters,
// digits, '-' and '_' (an internationalised name is checked in its ASCII form).
class HostName
{
    Q_DECLARE_TR_FUNCTIONS(xcm::HostName)
public:
    // On failure `error` says what is wrong, in the user's language ("“!” is not allowed in a host
    // name").
    static bool isValid(const QString &host, QString *error = nullptr);
};

} // namespace xcm
