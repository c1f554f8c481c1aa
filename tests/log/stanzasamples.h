// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Realistic stanzas for the log tests and the log demo, built the way the connection reports them.

#include "handshake.h"
#include "stanza.h"
#include "xmlelement.h"

#include <QByteArray>
#include <QList>

namespace xcm::samples {

// A complete element as it would arrive (or leave): parsed once to get the name and attributes.
inline Stanza stanza(Direction direction, const QByteArray &wire, qint64 timestampMs = 1'700'000'000'123)
{
    const XmlElement element = XmlElement::parse(wire);
    Q_ASSERT_X(!element.isNull(), "samples::stanza", wire.constData());
    return Stanza(direction, timestampMs, wire, element.name(), element.namespaceUri(), element.attributes());
}

inline Stanza received(const QByteArray &wire, qint64 timestampMs = 1'700'000'000'123)
{
    return stanza(Direction::Received, wire, timestampMs);
}

inline Stanza sent(const QByteArray &wire, qint64 timestampMs = 1'700'000'000'123)
{
    return stanza(Direction::Sent, wire, timestampMs);
}

// The server's stream header, as ComponentConnection logs it.
inline Stanza serverHeader(qint64 timestampMs = 1'700'000'000'000)
{
    QXmlStreamAttributes attributes;
    attributes.append(QStringLiteral("id"), QStringLiteral("c2s-4f1a9b"));
    attributes.append(QStringLiteral("from"), QStringLiteral("bot.example.org"));
    return Stanza(Direction::Received, timestampMs,
                  "<?xml version='1.0'?><stream:stream xmlns:stream='http://etherx.jabber.org/streams' "
                  "xmlns='jabber:component:accept' id='c2s-4f1a9b' from='bot.example.org'>",
                  QStringLiteral("stream"), QString::fromUtf16(ns::stream), attributes);
}

inline Stanza ourHeader(qint64 timestampMs = 1'700'000'000'000)
{
    QXmlStreamAttributes attributes;
    attributes.append(QStringLiteral("to"), QStringLiteral("bot.example.org"));
    return Stanza(Direction::Sent, timestampMs,
                  "<?xml version='1.0'?><stream:stream xmlns='jabber:component:accept' "
                  "xmlns:stream='http://etherx.jabber.org/streams' to='bot.example.org'>",
                  QStringLiteral("stream"), QString::fromUtf16(ns::stream), attributes);
}

inline Stanza handshake(const QByteArray &wire = redactedHandshake, qint64 timestampMs = 1'700'000'000'010)
{
    return Stanza(Direction::Sent, timestampMs, wire, QStringLiteral("handshake"),
                  QString::fromUtf16(ns::component), {});
}

inline Stanza streamClose(Direction direction = Direction::Sent, qint64 timestampMs = 1'700'000'100'000)
{
    return Stanza(direction, timestampMs, "</stream:stream>", QStringLiteral("stream"),
                  QString::fromUtf16(ns::stream), {});
}

inline const QByteArray chatMessage =
    "<message from='juliet@capulet.lit/balcony' to='echo@bot.example.org' type='chat' id='m-1'>"
    "<body>Hello, J\xc3\xbcrgen \xf0\x9f\x91\x8b &amp; all\nsecond line</body>"
    "<active xmlns='http://jabber.org/protocol/chatstates'/></message>";
inline const QByteArray composing =
    "<message from='juliet@capulet.lit/balcony' to='echo@bot.example.org' type='chat' id='cs-2'>"
    "<composing xmlns='http://jabber.org/protocol/chatstates'/></message>";
inline const QByteArray discoGet =
    "<iq type='get' from='romeo@montague.lit/orchard' to='bot.example.org' id='disco-7'>"
    "<query xmlns='http://jabber.org/protocol/disco#info'/></iq>";
inline const QByteArray iqResult =
    "<iq type='result' from='bot.example.org' to='romeo@montague.lit/orchard' id='disco-7'/>";
inline const QByteArray iqError =
    "<iq type='error' from='pubsub.example.org' to='bot.example.org' id='ps-3'>"
    "<error type='cancel'><item-not-found xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/>"
    "<text xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'>No such node</text></error></iq>";
inline const QByteArray presenceAway =
    "<presence from='nurse@capulet.lit/phone' to='echo@bot.example.org'><show>away</show>"
    "<status>In a meeting</status></presence>";
inline const QByteArray presenceGone =
    "<presence from='nurse@capulet.lit/phone' to='echo@bot.example.org' type='unavailable'/>";
inline const QByteArray streamError =
    "<stream:error><not-authorized xmlns='urn:ietf:params:xml:ns:xmpp-streams'/>"
    "<text xmlns='urn:ietf:params:xml:ns:xmpp-streams'>Invalid handshake</text></stream:error>";

// About `size` bytes of chat message with a counter in it, like a load test sends.
inline QByteArray loadMessage(int n, int size = 250)
{
    QByteArray wire = "<message from='load" + QByteArray::number(n % 97) +
                      "@example.org/r' to='echo@bot.example.org' "
                      "type='chat' id='load-" +
                      QByteArray::number(n) + "'><body>";
    const QByteArray tail = "</body></message>";
    const QByteArray text = "message " + QByteArray::number(n) + ": lorem ipsum dolor sit amet, consectetur ";
    const qsizetype room = qMax<qsizetype>(1, size - wire.size() - tail.size());
    return wire + text.repeated(int(room / text.size()) + 1).left(room) + tail;
}

} // namespace xcm::samples
