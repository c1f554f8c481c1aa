#include "streamerror.h"

#include "xmlelement.h"

using namespace Qt::StringLiterals;

namespace xcm {

StreamError StreamError::fromElement(const XmlElement &error)
{
    StreamError result;
    for (const XmlElement &child : error.children()) {
        if (child.namespaceUri() != ns::streamErrors)
            continue; // application-specific conditions carry no meaning for us
        if (child.name() == u"text")
            result.text = child.text();
        else if (result.condition.isEmpty())
            result.condition = child.name();
    }
    if (result.condition.isEmpty())
        result.condition = u"undefined-condition"_s;
    return result;
}

QByteArray StreamError::toXml() const
{
    QByteArray xml = "<stream:error><" + condition.toUtf8() + " xmlns='urn:ietf:params:xml:ns:xmpp-streams'/>";
    if (!text.isEmpty())
        xml += "<text xmlns='urn:ietf:params:xml:ns:xmpp-streams'>" + text.toHtmlEscaped().toUtf8() + "</text>";
    return xml + "</stream:error>";
}

} // namespace xcm
