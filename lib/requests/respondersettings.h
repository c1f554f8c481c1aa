// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <chrono>

namespace xcm {

// What xcm answers by itself while it is the component, per profile. All built-in answers are on by
// default: RFC 6120 §8.2.3 wants every get/set answered, and a silent component makes clients and
// servers wait for their own timeouts.
struct ResponderSettings
{
    // XEP-0030 identity; an empty name means the profile's name.
    struct Identity
    {
        QString category = QStringLiteral("component");
        QString type = QStringLiteral("generic");
        QString name;
        friend bool operator==(const Identity &, const Identity &) = default;
    };
    // XEP-0030 item listed by disco#items.
    struct DiscoItem
    {
        QString jid;
        QString node;
        QString name;
        friend bool operator==(const DiscoItem &, const DiscoItem &) = default;
    };

    bool enabled = true; // off: xcm answers nothing by itself (xcm-cli --no-answer)
    bool ping = true;    // XEP-0199
    bool disco = true;   // XEP-0030 disco#info and disco#items
    bool version = true; // XEP-0092
    bool time = true;    // XEP-0202
    Identity identity;
    QStringList extraFeatures; // more namespaces for disco#info, e.g. what the real component will offer
    QList<DiscoItem> items;
    bool revealOs = false; // XEP-0092's <os/> tells anyone who asks what this machine runs: opt in
    // Other get/set requests: held for the user to answer from the compose form, instead of
    // service-unavailable at once. After handAnswerLimit (0 = never) they get service-unavailable anyway.
    bool answerByHand = false;
    std::chrono::milliseconds handAnswerLimit{30'000};
    int maxHeld = 100; // requests held at once; more are answered resource-constraint at once

    friend bool operator==(const ResponderSettings &, const ResponderSettings &) = default;
};

} // namespace xcm
