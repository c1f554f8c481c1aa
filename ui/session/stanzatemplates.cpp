// SPDX-License-Identifier: GPL-3.0-or-later
#include "stanzatemplates.h"

#include "stanza.h"
#include "xmlelement.h"

#include <QCoreApplication>
#include <QRandomGenerator>

using namespace Qt::StringLiterals;

namespace xcm {

namespace {

// `value` as an attribute value in `quote`s ('\'' or '"'), escaped.
QString quoted(const QString &value, QChar quote = u'\'')
{
    QString escaped = value;
    escaped.replace(u'&', "&amp;"_L1).replace(u'<', "&lt;"_L1);
    escaped.replace(quote, quote == u'"' ? "&quot;"_L1 : "&apos;"_L1);
    return quote + escaped + quote;
}

QString addresses(const QString &from, const QString &to)
{
    return " from="_L1 + quoted(from) + " to="_L1 + quoted(to);
}

QString iq(const QString &from, const QString &to, const QString &id, const QString &payload)
{
    return "<iq type='get' id="_L1 + quoted(id) + addresses(from, to) + ">\n  "_L1 + payload + "\n</iq>"_L1;
}

bool isNameChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_' || c == u'-' || c == u'.' || c == u':';
}

} // namespace

QList<StanzaTemplate> allStanzaTemplates()
{
    QList<StanzaTemplate> all;
    for (int i = 0; i <= int(StanzaTemplate::Raw); ++i)
        all.append(StanzaTemplate(i));
    return all;
}

QString templateName(StanzaTemplate kind)
{
    // The context is spelled out: lupdate would file a plain tr() in a free function under "xcm".
    switch (kind) {
    case StanzaTemplate::MessageChat:
        return QCoreApplication::translate("xcm::StanzaTemplate", "Message · chat");
    case StanzaTemplate::MessageNormal:
        return QCoreApplication::translate("xcm::StanzaTemplate", "Message · normal");
    case StanzaTemplate::MessageHeadline:
        return QCoreApplication::translate("xcm::StanzaTemplate", "Message · headline");
    case StanzaTemplate::PresenceAvailable:
        return QCoreApplication::translate("xcm::StanzaTemplate", "Presence · available");
    case StanzaTemplate::PresenceUnavailable:
        return QCoreApplication::translate("xcm::StanzaTemplate", "Presence · unavailable");
    case StanzaTemplate::PresenceSubscribe:
        return QCoreApplication::translate("xcm::StanzaTemplate", "Presence · subscribe");
    case StanzaTemplate::PresenceProbe:
        return QCoreApplication::translate("xcm::StanzaTemplate", "Presence · probe");
    case StanzaTemplate::IqDiscoInfo:
        return QCoreApplication::translate("xcm::StanzaTemplate", "IQ get · disco#info");
    case StanzaTemplate::IqDiscoItems:
        return QCoreApplication::translate("xcm::StanzaTemplate", "IQ get · disco#items");
    case StanzaTemplate::IqPing:
        return QCoreApplication::translate("xcm::StanzaTemplate", "IQ get · ping");
    case StanzaTemplate::IqVersion:
        return QCoreApplication::translate("xcm::StanzaTemplate", "IQ get · version");
    case StanzaTemplate::IqTime:
        return QCoreApplication::translate("xcm::StanzaTemplate", "IQ get · time");
    case StanzaTemplate::Raw:
        return QCoreApplication::translate("xcm::StanzaTemplate", "Raw XML");
    }
    return {};
}

QString templateIdentifier(StanzaTemplate kind)
{
    static const char *const ids[] = {"message-chat",
                                      "message-normal",
                                      "message-headline",
                                      "presence-available",
                                      "presence-unavailable",
                                      "presence-subscribe",
                                      "presence-probe",
                                      "iq-disco-info",
                                      "iq-disco-items",
                                      "iq-ping",
                                      "iq-version",
                                      "iq-time",
                                      "raw"};
    return QString::fromLatin1(ids[int(kind)]);
}

StanzaTemplate templateFromIdentifier(QStringView identifier, StanzaTemplate fallback)
{
    for (const StanzaTemplate kind : allStanzaTemplates()) {
        if (templateIdentifier(kind) == identifier)
            return kind;
    }
    return fallback;
}

bool templateNeedsId(StanzaTemplate kind)
{
    return kind >= StanzaTemplate::IqDiscoInfo && kind <= StanzaTemplate::IqTime;
}

QString templateXml(StanzaTemplate kind, const QString &from, const QString &to, const QString &id)
{
    const QString idAttribute = id.isEmpty() ? QString() : " id="_L1 + quoted(id);
    switch (kind) {
    case StanzaTemplate::MessageChat:
        return "<message type='chat'"_L1 + idAttribute + addresses(from, to) +
               ">\n  <body>Hello from xcm</body>\n</message>"_L1;
    case StanzaTemplate::MessageNormal:
        return "<message type='normal'"_L1 + idAttribute + addresses(from, to) +
               ">\n  <subject>Test</subject>\n  <body>Hello from xcm</body>\n</message>"_L1;
    case StanzaTemplate::MessageHeadline:
        return "<message type='headline'"_L1 + idAttribute + addresses(from, to) +
               ">\n  <subject>Announcement</subject>\n  <body>Something happened</body>\n</message>"_L1;
    case StanzaTemplate::PresenceAvailable:
        return "<presence"_L1 + addresses(from, to) + ">\n  <status>Available</status>\n</presence>"_L1;
    case StanzaTemplate::PresenceUnavailable:
        return "<presence type='unavailable'"_L1 + addresses(from, to) + "/>"_L1;
    case StanzaTemplate::PresenceSubscribe:
        return "<presence type='subscribe'"_L1 + addresses(from, to) + "/>"_L1;
    case StanzaTemplate::PresenceProbe:
        return "<presence type='probe'"_L1 + addresses(from, to) + "/>"_L1;
    case StanzaTemplate::IqDiscoInfo:
        return iq(from, to, id, "<query xmlns='http://jabber.org/protocol/disco#info'/>"_L1);
    case StanzaTemplate::IqDiscoItems:
        return iq(from, to, id, "<query xmlns='http://jabber.org/protocol/disco#items'/>"_L1);
    case StanzaTemplate::IqPing:
        return iq(from, to, id, "<ping xmlns='urn:xmpp:ping'/>"_L1);
    case StanzaTemplate::IqVersion:
        return iq(from, to, id, "<query xmlns='jabber:iq:version'/>"_L1);
    case StanzaTemplate::IqTime:
        return iq(from, to, id, "<time xmlns='urn:xmpp:time'/>"_L1);
    case StanzaTemplate::Raw:
        return {};
    }
    return {};
}

StanzaTemplate templateMatching(const XmlElement &stanza)
{
    // What tells the templates apart, read from their own XML: one place says what a template is.
    struct Signature
    {
        QString name;
        QString type;
        QString payload;
        bool operator==(const Signature &) const = default;
    };
    const auto signatureOf = [](const XmlElement &element) {
        const XmlElement payload = element.name() == u"iq" ? element.firstChild() : XmlElement();
        return Signature{element.name(), element.attribute(u"type"),
                         payload.isNull() ? QString() : payload.namespaceUri()};
    };
    static const QList<std::pair<Signature, StanzaTemplate>> templates = [&signatureOf] {
        QList<std::pair<Signature, StanzaTemplate>> all;
        for (const StanzaTemplate kind : allStanzaTemplates()) {
            if (kind != StanzaTemplate::Raw)
                all.append(
                    {signatureOf(XmlElement::parse(templateXml(kind, {}, {}, u"id"_s).toUtf8())), kind});
        }
        return all;
    }();
    if (stanza.isNull())
        return StanzaTemplate::Raw;
    const Signature wanted = signatureOf(stanza);
    for (const auto &[signature, kind] : templates) {
        if (signature == wanted)
            return kind;
    }
    return StanzaTemplate::Raw;
}

QString newStanzaId()
{
    return "xcm-"_L1 + QString::number(QRandomGenerator::global()->generate(), 16).rightJustified(8, u'0');
}

QString withFreshRequestId(const QString &xml)
{
    const Stanza stanza = Stanza::fromLoggedWire(Direction::Sent, 0, xml.trimmed().toUtf8());
    const QString type = stanza.type();
    const bool request = stanza.kind() == StanzaKind::Iq && (type == u"get" || type == u"set");
    return request ? setRootAttribute(xml, u"id", newStanzaId()) : xml;
}

QString setRootAttribute(const QString &xml, QStringView name, const QString &value)
{
    // Find the first start tag (skipping whitespace), then walk its attributes honouring quotes.
    qsizetype i = 0;
    while (i < xml.size() && xml.at(i).isSpace())
        ++i;
    if (i >= xml.size() || xml.at(i) != u'<' || i + 1 >= xml.size() || !isNameChar(xml.at(i + 1)))
        return xml;
    ++i;
    while (i < xml.size() && isNameChar(xml.at(i)))
        ++i;
    const qsizetype afterName = i;
    while (i < xml.size()) {
        while (i < xml.size() && xml.at(i).isSpace())
            ++i;
        if (i >= xml.size())
            return xml;
        if (xml.at(i) == u'>' || xml.at(i) == u'/')
            break;
        const qsizetype nameStart = i;
        while (i < xml.size() && isNameChar(xml.at(i)))
            ++i;
        const QStringView attributeName = QStringView(xml).sliced(nameStart, i - nameStart);
        if (attributeName.isEmpty())
            return xml; // not something we understand: leave it alone
        while (i < xml.size() && xml.at(i).isSpace())
            ++i;
        if (i >= xml.size() || xml.at(i) != u'=')
            return xml;
        ++i;
        while (i < xml.size() && xml.at(i).isSpace())
            ++i;
        if (i >= xml.size() || (xml.at(i) != u'\'' && xml.at(i) != u'"'))
            return xml;
        const QChar quote = xml.at(i);
        const qsizetype valueStart = i;
        const qsizetype valueEnd = xml.indexOf(quote, i + 1);
        if (valueEnd < 0)
            return xml;
        i = valueEnd + 1;
        if (attributeName == name) {
            // In the quotes the user chose; their text stays as typed where the value is the same.
            const QString replacement = quoted(value, quote);
            if (QStringView(xml).sliced(valueStart, valueEnd + 1 - valueStart) == replacement)
                return xml;
            QString result = xml;
            result.replace(valueStart, valueEnd + 1 - valueStart, replacement);
            return result;
        }
    }
    if (i >= xml.size())
        return xml;
    QString result = xml;
    result.insert(afterName, u' ' + name.toString() + u'=' + quoted(value));
    return result;
}

} // namespace xcm
