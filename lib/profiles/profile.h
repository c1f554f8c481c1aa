// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connectionsettings.h"

#include <QMetaType>
#include <QString>
#include <QUuid>

namespace xcm {

// A named component connection the user keeps: everything but the secret, which lives in the OS
// keychain under `secretKey()`. The id is stable across renames, so it keys the secret and the history.
struct Profile
{
    QUuid id;
    QString name;
    ConnectionSettings settings;

    bool isNull() const { return id.isNull(); }
    // The keychain key and file-name stem: the id without braces.
    QString secretKey() const { return id.toString(QUuid::WithoutBraces); }
    // A new profile with a fresh id and the defaults a local development server needs.
    static Profile create(const QString &name = {});

    friend bool operator==(const Profile &, const Profile &) = default;
};

} // namespace xcm

Q_DECLARE_METATYPE(xcm::Profile)
