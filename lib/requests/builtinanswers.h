// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "respondersettings.h"
#include "stanza.h"
#include "stanzaerror.h"

namespace xcm {

// Namespaces of the requests xcm can answer by itself.
namespace ns {
inline constexpr auto ping = u"urn:xmpp:ping";
inline constexpr auto discoInfo = u"http://jabber.org/protocol/disco#info";
inline constexpr auto discoItems = u"http://jabber.org/protocol/disco#items";
inline constexpr auto version = u"jabber:iq:version";
inline constexpr auto time = u"urn:xmpp:time";
} // namespace ns

// The answers to XEP-0199 ping, XEP-0030 disco#info/#items, XEP-0092 version and XEP-0202 time, built
// from a request and the profile's settings. Pure functions: the Responder decides when to use them.
class BuiltinAnswers
{
public:
    struct Software
    {
        QString name = QStringLiteral("xcm");
        QString version;
        QString os; // sent only when the settings opt in
    };

    BuiltinAnswers(ResponderSettings settings, QString defaultIdentityName, Software software);

    // The answer to `request` (a get addressed to the component), or a null element when no built-in
    // that is switched on handles it.
    XmlElement answer(const Stanza &request) const;
    // What disco#info lists: disco#info itself, the namespaces of the answers that are on, the extras.
    QStringList features() const;

    // An error reply with the type RFC 6120 recommends for `condition`: to/from swapped, same id.
    static XmlElement errorReply(const Stanza &request, StanzaError::Condition condition);
    // An empty result: to/from swapped, same id.
    static XmlElement resultReply(const Stanza &request);

private:
    XmlElement discoInfo(const Stanza &request, const XmlElement &query) const;
    XmlElement discoItems(const Stanza &request, const XmlElement &query) const;
    XmlElement version(const Stanza &request) const;
    static XmlElement time(const Stanza &request);

    ResponderSettings m_settings;
    QString m_identityName;
    Software m_software;
};

} // namespace xcm
