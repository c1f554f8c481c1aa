// SPDX-License-Identifier: GPL-3.0-or-later
#include "stanzaview.h"

#include <cstring>

using namespace Qt::StringLiterals;

namespace xcm {

namespace {

constexpr bool isXmlSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

// An attribute value as QXmlStreamReader reports it (XML 1.0 §2.11 and §3.3.3): line ends and literal
// white space become spaces, then the predefined entities and character references are replaced.
// The stream parser has checked the bytes already, so what is not understood is kept as it is.
QString decodeAttributeValue(QByteArrayView raw)
{
    const bool plain = std::none_of(raw.begin(), raw.end(),
                                    [](char c) { return c == '&' || c == '\t' || c == '\r' || c == '\n'; });
    if (plain)
        return QString::fromUtf8(raw);
    QByteArray normalized;
    normalized.reserve(raw.size());
    for (qsizetype i = 0; i < raw.size(); ++i) {
        const char c = raw.at(i);
        if (c == '\r' && i + 1 < raw.size() && raw.at(i + 1) == '\n')
            continue; // \r\n is one line end: its \n becomes the space
        normalized += isXmlSpace(c) ? ' ' : c;
    }
    const QString text = QString::fromUtf8(normalized);
    if (!text.contains(u'&'))
        return text;
    QString decoded;
    decoded.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const qsizetype semicolon = text.at(i) == u'&' ? text.indexOf(u';', i) : -1;
        if (semicolon < 0) {
            decoded += text.at(i);
            continue;
        }
        const QStringView entity = QStringView(text).sliced(i + 1, semicolon - i - 1);
        if (entity == u"lt")
            decoded += u'<';
        else if (entity == u"gt")
            decoded += u'>';
        else if (entity == u"amp")
            decoded += u'&';
        else if (entity == u"apos")
            decoded += u'\'';
        else if (entity == u"quot")
            decoded += u'"';
        else if (entity.startsWith(u'#')) {
            bool ok = false;
            const char32_t code = entity.startsWith(u"#x") ? entity.sliced(2).toUInt(&ok, 16)
                                                           : entity.sliced(1).toUInt(&ok, 10);
            if (!ok) {
                decoded += text.at(i);
                continue;
            }
            decoded += QString::fromUcs4(&code, 1);
        } else {
            decoded += text.at(i);
            continue;
        }
        i = semicolon;
    }
    return decoded;
}

} // namespace

StanzaView::StanzaView(const Stanza &stanza, bool automatic)
    : m_stanza(&stanza)
    , m_wire(&stanza.wire())
    , m_direction(stanza.direction())
    , m_kind(stanza.kind())
    , m_automatic(automatic)
{}

StanzaView::StanzaView(Direction direction, StanzaKind kind, const QByteArray &wire, bool automatic)
    : m_wire(&wire)
    , m_direction(direction)
    , m_kind(kind)
    , m_automatic(automatic)
{}

const QString &StanzaView::attribute(Attribute which)
{
    const quint8 bit = quint8(1u << which);
    if (m_known & bit)
        return m_attributes[which];
    if (m_stanza) {
        static constexpr QStringView names[AttributeCount] = {u"type", u"from", u"to", u"id"};
        m_attributes[which] = m_stanza->attribute(names[which]);
        m_known |= bit;
    } else {
        scanStartTag();
    }
    return m_attributes[which];
}

void StanzaView::scanStartTag()
{
    m_known = (1u << AttributeCount) - 1;
    const char *p = m_wire->constData();
    const char *const end = p + m_wire->size();
    const auto skipSpace = [&] {
        while (p < end && isXmlSpace(*p))
            ++p;
    };
    // The stream header row starts with the XML declaration.
    for (;;) {
        skipSpace();
        if (end - p < 2 || p[0] != '<' || p[1] != '?')
            break;
        const qsizetype close = QByteArrayView(p, end - p).indexOf("?>");
        if (close < 0)
            return;
        p += close + 2;
    }
    if (p >= end || *p != '<' || p + 1 >= end || p[1] == '/' || p[1] == '!')
        return;
    ++p;
    while (p < end && !isXmlSpace(*p) && *p != '>' && *p != '/')
        ++p;
    for (;;) {
        skipSpace();
        if (p >= end || *p == '>' || *p == '/')
            return;
        const char *nameStart = p;
        while (p < end && *p != '=' && !isXmlSpace(*p) && *p != '>' && *p != '/')
            ++p;
        const QByteArrayView name(nameStart, p - nameStart);
        skipSpace();
        if (p >= end || *p != '=')
            return;
        ++p;
        skipSpace();
        if (p >= end || (*p != '\'' && *p != '"'))
            return;
        const char quote = *p++;
        const char *valueEnd = static_cast<const char *>(memchr(p, quote, size_t(end - p)));
        if (!valueEnd)
            return;
        const QByteArrayView value(p, valueEnd - p);
        p = valueEnd + 1;
        int which = -1;
        if (name == "type")
            which = Type;
        else if (name == "from")
            which = From;
        else if (name == "to")
            which = To;
        else if (name == "id")
            which = Id;
        if (which >= 0 && m_attributes[size_t(which)].isNull())
            m_attributes[size_t(which)] = decodeAttributeValue(value);
    }
}

bool StanzaView::isError()
{
    if (m_stanza)
        return m_stanza->isError();
    if (m_kind != StanzaKind::Stream)
        return type() == u"error";
    // The only stream-level element called error is the stream error (stream:error or a renamed prefix).
    const QByteArrayView wire(*m_wire);
    if (!wire.startsWith('<'))
        return false;
    qsizetype nameEnd = 1;
    while (nameEnd < wire.size() && !isXmlSpace(wire.at(nameEnd)) && wire.at(nameEnd) != '>' &&
           wire.at(nameEnd) != '/')
        ++nameEnd;
    const QByteArrayView name = wire.sliced(1, nameEnd - 1);
    return name == "error" || name.endsWith(":error");
}

const XmlElement &StanzaView::element()
{
    if (m_elementParsed)
        return m_element;
    m_elementParsed = true;
    if (m_stanza)
        m_element = m_stanza->element();
    else if (!m_wire->startsWith("<?") && !m_wire->startsWith("</"))
        m_element = XmlElement::parse(*m_wire);
    return m_element;
}

XmlElement StanzaView::body()
{
    const XmlElement &stanza = element();
    return stanza.firstChild(u"body", stanza.namespaceUri());
}

QString StanzaView::errorCondition()
{
    if (!isError())
        return {};
    const XmlElement &stanza = element();
    const bool streamError = m_kind == StanzaKind::Stream;
    const XmlElement error = streamError ? stanza : stanza.firstChild(u"error", stanza.namespaceUri());
    const QStringView conditions = streamError ? ns::streamErrors : ns::stanzaErrors;
    for (const XmlElement &child : error.children()) {
        if (child.namespaceUri() == conditions && child.name() != u"text")
            return child.name();
    }
    return {};
}

bool StanzaView::wireContains(const QByteArrayMatcher &needle) const
{
    return needle.indexIn(*m_wire) >= 0;
}

bool StanzaView::wireHasEncodedText()
{
    if (m_encodedText < 0)
        m_encodedText = (m_wire->contains("&#") || m_wire->contains("<![CDATA[")) ? 1 : 0;
    return m_encodedText == 1;
}

} // namespace xcm
