// SPDX-License-Identifier: GPL-3.0-or-later
#include "streamerror.h"

#include "xmlelement.h"

using namespace Qt::StringLiterals;

namespace xcm {

namespace {
// RFC 6120 §4.9.3: a condition outside this list is treated as undefined-condition.
bool isDefinedCondition(QStringView condition)
{
    static const QStringList conditions = {u"bad-format"_s,
                                           u"bad-namespace-prefix"_s,
                                           u"conflict"_s,
                                           u"connection-timeout"_s,
                                           u"host-gone"_s,
                                           u"host-unknown"_s,
                                           u"improper-addressing"_s,
                                           u"internal-server-error"_s,
                                           u"invalid-from"_s,
                                           u"invalid-id"_s,
                                           u"invalid-namespace"_s,
                                           u"invalid-xml"_s,
                                           u"not-authorized"_s,
                                           u"not-well-formed"_s,
                                           u"policy-violation"_s,
                                           u"remote-connection-failed"_s,
                                           u"reset"_s,
                                           u"resource-constraint"_s,
                                           u"restricted-xml"_s,
                                           u"see-other-host"_s,
                                           u"system-shutdown"_s,
                                           u"undefined-condition"_s,
                                           u"unsupported-encoding"_s,
                                           u"unsupported-feature"_s,
                                           u"unsupported-stanza-type"_s,
                                           u"unsupported-version"_s};
    return conditions.contains(condition);
}
} // namespace

StreamError StreamError::fromElement(const XmlElement &error)
{
    StreamError result;
    for (const XmlElement &child : error.children()) {
        if (child.namespaceUri() != ns::streamErrors)
            continue; // application-specific conditions carry no meaning for us
        if (child.name() == u"text")
            result.text = child.text();
        else if (result.condition.isEmpty() && isDefinedCondition(child.name()))
            result.condition = child.name();
    }
    if (result.condition.isEmpty())
        result.condition = u"undefined-condition"_s;
    return result;
}

QByteArray StreamError::toXml() const
{
    QByteArray xml =
        "<stream:error><" + condition.toUtf8() + " xmlns='urn:ietf:params:xml:ns:xmpp-streams'/>";
    if (!text.isEmpty())
        xml +=
            "<text xmlns='urn:ietf:params:xml:ns:xmpp-streams'>" + text.toHtmlEscaped().toUtf8() + "</text>";
    return xml + "</stream:error>";
}

} // namespace xcm
