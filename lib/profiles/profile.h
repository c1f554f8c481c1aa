// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connectionsettings.h"
#include "respondersettings.h"

#include <QMetaType>
#include <QString>
#include <QUuid>

namespace xcm {

// A named component connection the user keeps: everything but the secret, which lives in the OS
// keychain under `secretKey()`. The id is stable across renames, so it keys the secret and the history.
struct Profile
{
    // A component profile connects as the component; a proxy profile stands in a running component's
    // path: the component connects to listenAddress:listenPort and xcm connects on to `settings`.
    enum class Mode : quint8
    {
        Component,
        Proxy,
    };

    QUuid id;
    QString name;
    ConnectionSettings settings;
    ResponderSettings responder;                      // what xcm answers by itself (component mode)
    std::chrono::milliseconds requestTimeout{30'000}; // an iq without an answer by then is flagged
    Mode mode = Mode::Component;
    QString listenAddress = QStringLiteral("127.0.0.1"); // proxy mode
    quint16 listenPort = 0;                              // proxy mode; 0 until chosen
    // Proxy mode: the component presents its own secret to xcm (in the keychain under
    // componentSecretKey()) instead of the server's.
    bool separateComponentSecret = false;

    bool isNull() const { return id.isNull(); }
    // The keychain key and file-name stem: the id without braces.
    QString secretKey() const { return id.toString(QUuid::WithoutBraces); }
    QString componentSecretKey() const { return secretKey() + QStringLiteral("/component"); }
    bool isProxy() const { return mode == Mode::Proxy; }
    // A new profile with a fresh id and the defaults a local development server needs.
    static Profile create(const QString &name = {});

    friend bool operator==(const Profile &, const Profile &) = default;
};

} // namespace xcm

Q_DECLARE_METATYPE(xcm::Profile)
