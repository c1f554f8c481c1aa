// SPDX-License-Identifier: GPL-3.0-or-later
#include "stanzapolicy.h"

#include "connectionsettings.h"
#include "jid.h"
#include "xmlelement.h"

namespace xcm {

StanzaPolicy StanzaPolicy::forSettings(const ConnectionSettings &settings, Toward toward)
{
    return {settings.domain, settings.maxStanzaBytes, toward};
}

QString StanzaPolicy::check(QByteArrayView xml, XmlElement *parsed, XmlElement *wellFormed) const
{
    const QByteArrayView trimmed = xml.trimmed();
    if (trimmed.isEmpty())
        return tr("nothing to send");
    if (maxBytes > 0 && trimmed.size() > maxBytes)
        return tr("the stanza is %1 bytes, over the %2-byte limit").arg(trimmed.size()).arg(maxBytes);
    QString error;
    // The text as given, blank lines around it included: the lines an error names are the user's.
    const XmlElement element = XmlElement::parse(xml, &error);
    if (element.isNull())
        return tr("not well-formed XML: %1").arg(error);
    if (wellFormed)
        *wellFormed = element;
    if (element.namespaceUri() != ns::component)
        return tr("a stanza must be in the stream's namespace jabber:component:accept, not '%1'")
            .arg(element.namespaceUri());
    const QString name = element.name();
    if (name != u"message" && name != u"presence" && name != u"iq")
        return tr("only <message/>, <presence/> and <iq/> can be sent, not <%1/>").arg(name);
    if (const QString problem = checkAddresses(element); !problem.isEmpty())
        return problem;
    if (name == u"iq") {
        const QString type = element.attribute(u"type");
        if (type != u"get" && type != u"set" && type != u"result" && type != u"error")
            return tr("an <iq/> needs type get, set, result or error");
        if (element.attribute(u"id").isEmpty())
            return tr("an <iq/> needs an id");
    }
    if (parsed)
        *parsed = element;
    return {};
}

namespace {

// The domain of an address as written, case kept: "Bot@COMP.example/x" gives "COMP.example".
QStringView writtenDomain(QStringView jid)
{
    if (const qsizetype slash = jid.indexOf(u'/'); slash >= 0)
        jid = jid.first(slash);
    if (const qsizetype at = jid.indexOf(u'@'); at >= 0)
        jid = jid.sliced(at + 1);
    return jid;
}

} // namespace

QString StanzaPolicy::checkAddresses(const XmlElement &element) const
{
    QString jidError;
    if (toward == Toward::Component) {
        const Jid to = Jid::parse(element.attribute(u"to"), &jidError);
        if (!element.hasAttribute(u"to") || !to.isValid())
            return tr("'to' must be the component's address (%1 or an address on it)").arg(domain);
        if (to.domain() != domain.toLower())
            return tr("'to' must be on the component's domain %1, not %2: the server delivers nothing "
                      "else to it")
                .arg(domain, to.domain());
        // The server always says who sent a stanza.
        if (!element.hasAttribute(u"from"))
            return tr("the stanza has no 'from' address: say who it comes from, as the server would");
        if (!Jid::parse(element.attribute(u"from"), &jidError).isValid())
            return tr("'from' is not a valid address: %1").arg(jidError);
        return {};
    }
    if (!element.hasAttribute(u"to"))
        return tr("the stanza has no 'to' address (servers close the stream with improper-addressing)");
    if (!Jid::parse(element.attribute(u"to"), &jidError).isValid())
        return tr("'to' is not a valid address: %1").arg(jidError);
    if (!element.hasAttribute(u"from"))
        return tr("the stanza has no 'from' address: a component must say which of its addresses sends it");
    const Jid from = Jid::parse(element.attribute(u"from"), &jidError);
    if (!from.isValid())
        return tr("'from' is not a valid address: %1").arg(jidError);
    if (from.domain() != domain.toLower())
        return tr("'from' must be on the component's domain %1, not %2 (servers close the stream with "
                  "invalid-from)")
            .arg(domain, from.domain());
    // Domains are case-insensitive (RFC 7622), but Prosody compares 'from' with the component's name
    // letter for letter, and closes the stream with invalid-from over "ECHO.localhost".
    const QString fromText = element.attribute(u"from"); // alive while `written` looks into it
    if (const QStringView written = writtenDomain(fromText); exactDomainCase && written != from.domain())
        return tr("'from' must spell the component's domain in lowercase, %1, not %2 (Prosody closes the "
                  "stream with invalid-from)")
            .arg(from.domain(), written);
    return {};
}

} // namespace xcm
