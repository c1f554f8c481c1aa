// SPDX-License-Identifier: GPL-3.0-or-later
#include "stanzasummary.h"

#include "bidicontrols.h"
#include "stanzaerror.h"
#include "streamerror.h"
#include "xmlelement.h"

using namespace Qt::StringLiterals;

namespace xcm {

namespace {

constexpr QStringView separator = u" — ";

QString withText(const QString &head, const QString &text)
{
    const QString line = StanzaSummary::firstLine(text);
    return line.isEmpty() ? head : head + separator + line;
}

// "item-not-found (cancel) — No such node"; a stanza of type 'error' without <error/> is just "error".
QString stanzaErrorSummary(const Stanza &stanza)
{
    const StanzaError error = StanzaError::fromStanza(stanza);
    if (error.isNull())
        return u"error"_s;
    QString head = StanzaError::conditionName(error.condition());
    if (const auto type = error.type())
        head += u" ("_s + StanzaError::typeName(*type) + u')';
    return withText(head, error.text());
}

QString childSummary(const XmlElement &child)
{
    const QString shortNs = StanzaSummary::shortNamespace(child.namespaceUri());
    if (shortNs.isEmpty() || child.namespaceUri() == ns::component)
        return child.name();
    return child.name() + u" ("_s + shortNs + u')';
}

QString messageSummary(const XmlElement &message)
{
    const XmlElement body = message.firstChild(u"body", ns::component);
    if (!body.isNull() && !body.text().trimmed().isEmpty())
        return StanzaSummary::firstLine(body.text());
    const XmlElement subject = message.firstChild(u"subject", ns::component);
    if (!subject.isNull() && !subject.text().trimmed().isEmpty())
        return StanzaSummary::tr("subject: %1").arg(StanzaSummary::firstLine(subject.text()));
    const XmlElement first = message.firstChild();
    return first.isNull() ? QString() : childSummary(first);
}

QString iqSummary(const XmlElement &iq)
{
    QString type = iq.attribute(u"type");
    const XmlElement payload = iq.firstChild();
    if (payload.isNull())
        return type;
    QString what = StanzaSummary::shortNamespace(payload.namespaceUri());
    if (what.isEmpty())
        what = payload.name();
    const QString node = payload.attribute(u"node");
    if (!node.isEmpty())
        what += u" node="_s + node;
    return type.isEmpty() ? what : type + u' ' + what;
}

QString presenceSummary(const XmlElement &presence)
{
    QString state = presence.attribute(u"type");
    if (state.isEmpty()) {
        state = presence.firstChild(u"show", ns::component).text().trimmed();
        if (state.isEmpty())
            state = StanzaSummary::tr("available");
    }
    return withText(state, presence.firstChild(u"status", ns::component).text());
}

QString streamSummary(const Stanza &stanza)
{
    const QByteArray &wire = stanza.wire();
    if (wire.startsWith("</"))
        return StanzaSummary::tr("stream closed");
    const QString name = stanza.name();
    if (name == u"stream") {
        QString summary = StanzaSummary::tr("stream header");
        for (const auto attribute : {u"id", u"from", u"to"}) {
            const QString value = stanza.attribute(attribute);
            if (!value.isEmpty())
                summary += u' ' + QStringView(attribute) + u'=' + value;
        }
        return summary;
    }
    if (name == u"handshake") {
        if (stanza.direction() == Direction::Received)
            return StanzaSummary::tr("handshake accepted");
        return StanzaSummary::tr("handshake");
    }
    if (stanza.isStreamError()) {
        const StreamError error = StreamError::fromElement(stanza.element());
        return withText(StanzaSummary::tr("stream error: %1").arg(error.condition), error.text);
    }
    return u"stream:"_s + name;
}

} // namespace

QString StanzaSummary::of(const Stanza &stanza)
{
    if (stanza.isNull())
        return {};
    if (stanza.kind() == StanzaKind::Stream)
        return streamSummary(stanza);
    const XmlElement element = stanza.element();
    if (element.isNull())
        return tr("(not a complete element)");
    if (stanza.isError())
        return stanzaErrorSummary(stanza);
    switch (stanza.kind()) {
    case StanzaKind::Message:
        return messageSummary(element);
    case StanzaKind::Iq:
        return iqSummary(element);
    case StanzaKind::Presence:
        return presenceSummary(element);
    case StanzaKind::Stream:
    case StanzaKind::Other:
        break;
    }
    const XmlElement first = element.firstChild();
    return first.isNull() ? childSummary(element) : childSummary(element) + u": "_s + childSummary(first);
}

QString StanzaSummary::shortNamespace(QStringView namespaceUri)
{
    if (namespaceUri.startsWith(u"http://") || namespaceUri.startsWith(u"https://")) {
        QStringView rest = namespaceUri;
        while (rest.endsWith(u'/'))
            rest.chop(1);
        return rest.sliced(rest.lastIndexOf(u'/') + 1).toString();
    }
    for (const auto prefix : {u"urn:xmpp:", u"jabber:iq:", u"urn:ietf:params:xml:ns:"}) {
        if (namespaceUri.startsWith(prefix) && namespaceUri.size() > QStringView(prefix).size())
            return namespaceUri.sliced(QStringView(prefix).size()).toString();
    }
    if (namespaceUri.startsWith(u"jabber:"))
        return namespaceUri.sliced(7).toString(); // jabber:x:data → x:data
    return namespaceUri.toString();
}

QString StanzaSummary::firstLine(QStringView text)
{
    qsizetype begin = 0;
    while (begin < text.size() && text.at(begin).isSpace())
        ++begin;
    qsizetype end = begin;
    while (end < text.size() && text.at(end) != u'\n' && text.at(end) != u'\r')
        ++end;
    QStringView line = text.sliced(begin, end - begin).trimmed();
    bool cut = false;
    for (qsizetype rest = end; rest < text.size(); ++rest) {
        if (!text.at(rest).isSpace()) {
            cut = true; // more lines follow
            break;
        }
    }
    if (line.size() > maxLength) {
        qsizetype length = maxLength;
        if (line.at(length - 1).isHighSurrogate())
            --length;
        line = line.first(length);
        cut = true;
    }
    QString result = line.toString();
    for (QChar &c : result) {
        if (c.category() == QChar::Other_Control)
            c = u' ';
    }
    result = BidiControls::shown(result);
    if (cut)
        result += u'…';
    return result;
}

} // namespace xcm
