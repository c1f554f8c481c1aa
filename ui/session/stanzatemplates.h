// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

namespace xcm {

class XmlElement;

// The starting points the compose form offers. Raw keeps whatever is in the editor.
enum class StanzaTemplate
{
    MessageChat,
    MessageNormal,
    MessageHeadline,
    PresenceAvailable,
    PresenceUnavailable,
    PresenceSubscribe,
    PresenceProbe,
    IqDiscoInfo,
    IqDiscoItems,
    IqPing,
    IqVersion,
    IqTime,
    Raw,
};

QList<StanzaTemplate> allStanzaTemplates();
// "Message · chat", as the template menu shows it.
QString templateName(StanzaTemplate kind);
// A stable identifier ("message-chat") for settings and tests.
QString templateIdentifier(StanzaTemplate kind);
StanzaTemplate templateFromIdentifier(QStringView identifier,
                                      StanzaTemplate fallback = StanzaTemplate::MessageChat);

// The template's XML with the given addresses and id (empty addresses become empty attributes, which
// validation then points out). Raw returns an empty string: it means "keep the editor's text".
QString templateXml(StanzaTemplate kind, const QString &from, const QString &to, const QString &id);
bool templateNeedsId(StanzaTemplate kind);
// The template `stanza` is an instance of — same element, type and, for an iq, payload namespace —
// whatever its addresses, id and content; Raw when none.
StanzaTemplate templateMatching(const XmlElement &stanza);

// A short random stanza id ("xcm-3f9a1c20").
QString newStanzaId();
// `xml` with a new id when it is a request (an iq get or set), whose id must not go out twice on a
// stream (RFC 6120 §8.2.3); unchanged otherwise. Only the start tag is read (a stanza may be 500 KB).
QString withFreshRequestId(const QString &xml);

// Sets (or adds) one attribute of the outermost element in `xml`, editing the text in place so the
// rest of the user's formatting survives. Returns `xml` unchanged when no start tag is found.
QString setRootAttribute(const QString &xml, QStringView name, const QString &value);

} // namespace xcm
