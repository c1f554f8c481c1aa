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

} // namespace

StanzaView::StanzaView(const Stanza &stanza, bool automatic)
    : m_stanza(&stanza)
    , m_wire(stanza.wire())
    , m_direction(stanza.direction())
    , m_kind(stanza.kind())
    , m_automatic(automatic)
{}

StanzaView::StanzaView(Direction direction, StanzaKind kind, QByteArrayView wire, bool automatic)
    : m_wire(wire)
    , m_direction(direction)
    , m_kind(kind)
    , m_automatic(automatic)
{}

const QString &StanzaView::attribute(Attribute which)
{
    const quint8 bit = quint8(1u << which);
    if (m_known & bit)
        return m_attributes[which];
    m_known |= bit;
    if (m_stanza) {
        static constexpr QStringView names[AttributeCount] = {u"type", u"from", u"to", u"id"};
        m_attributes[which] = m_stanza->attribute(names[which]);
    } else {
        if (!m_scanned)
            scanStartTag();
        if (!m_rawAttributes[which].isNull())
            m_attributes[which] = WireTree::decodeAttribute(m_rawAttributes[which]);
    }
    return m_attributes[which];
}

void StanzaView::scanStartTag()
{
    m_scanned = true;
    const char *p = m_wire.data();
    const char *const end = p + m_wire.size();
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
        if (which >= 0 && m_rawAttributes[size_t(which)].isNull())
            m_rawAttributes[size_t(which)] = value.isNull() ? QByteArrayView("") : value;
    }
}

bool StanzaView::isError()
{
    if (m_stanza)
        return m_stanza->isError();
    if (m_kind != StanzaKind::Stream)
        return type() == u"error";
    // The only stream-level element called error is the stream error (stream:error or a renamed prefix).
    const QByteArrayView wire = m_wire;
    if (!wire.startsWith('<'))
        return false;
    qsizetype nameEnd = 1;
    while (nameEnd < wire.size() && !isXmlSpace(wire.at(nameEnd)) && wire.at(nameEnd) != '>' &&
           wire.at(nameEnd) != '/')
        ++nameEnd;
    const QByteArrayView name = wire.sliced(1, nameEnd - 1);
    return name == "error" || name.endsWith(":error");
}

const WireTree &StanzaView::tree()
{
    if (!m_treeParsed) {
        m_treeParsed = true;
        m_tree.parse(m_wire);
    }
    return m_tree;
}

int StanzaView::body()
{
    const WireTree &stanza = tree();
    return stanza.isValid() ? stanza.child(0, "body", stanza.namespaceUri(0)) : -1;
}

QString StanzaView::errorCondition()
{
    if (!isError())
        return {};
    const WireTree &stanza = tree();
    if (!stanza.isValid())
        return {};
    const bool streamError = m_kind == StanzaKind::Stream;
    const int error = streamError ? 0 : stanza.child(0, "error", stanza.namespaceUri(0));
    if (error < 0)
        return {};
    const QStringView conditions = streamError ? ns::streamErrors : ns::stanzaErrors;
    for (int child = stanza.firstChild(error); child >= 0; child = stanza.nextSibling(child)) {
        if (stanza.namespaceUri(child) == conditions && stanza.localName(child) != "text")
            return QString::fromUtf8(stanza.localName(child));
    }
    return {};
}

bool StanzaView::wireContains(const QByteArrayMatcher &needle) const
{
    return needle.indexIn(m_wire) >= 0;
}

bool StanzaView::wireHasEncodedText()
{
    if (m_encodedText >= 0)
        return m_encodedText == 1;
    // memchr for the rare bytes beats a substring search: a stanza has a few '&' and '<' at most.
    const char *const data = m_wire.data();
    const char *const end = data + m_wire.size();
    m_encodedText = 0;
    for (const char *p = data; (p = static_cast<const char *>(std::memchr(p, '&', size_t(end - p)))); ++p) {
        if (p + 1 < end && p[1] == '#') {
            m_encodedText = 1;
            return true;
        }
    }
    for (const char *p = data; (p = static_cast<const char *>(std::memchr(p, '<', size_t(end - p)))); ++p) {
        if (QByteArrayView(p, end - p).startsWith("<![CDATA[")) {
            m_encodedText = 1;
            return true;
        }
    }
    return false;
}

} // namespace xcm
