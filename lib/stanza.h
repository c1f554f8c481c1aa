// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "stanzascanner.h"
#include "xmlelement.h"

#include <QByteArray>
#include <QMetaType>
#include <QSharedDataPointer>

namespace xcm {

enum class Direction : quint8
{
    Received,
    Sent
};

// What a top-level element on the stream is, for filtering and colouring.
enum class StanzaKind : quint8
{
    Message,
    Presence,
    Iq,
    Stream,
    Other
};

// Who put a stanza on the wire: the peer or the user (Wire), xcm by itself (an automatic answer or a
// rule's), or the user into a proxied stream (Injected). Nothing xcm sends is hidden: it is only marked.
enum class StanzaOrigin : quint8
{
    Wire,
    Automatic,
    Injected,
};

// A stanza's first row in a log, or a later one for the same stanza: a held or delayed one logged again
// as a proxy's fault rule let it go on. Request pairing counts a stanza once.
enum class StanzaOccurrence : quint8
{
    First,
    Repeat,
};

class StanzaData;

// One top-level element as it crossed the wire: the exact bytes (for the log), the top-level name and
// attributes (cheap, captured while parsing) and the full element tree, parsed lazily on first use.
// Stream-level traffic (our header, the handshake, stream errors, the close) is a Stanza of kind Stream.
// Copies share their data, and may be read on several threads at once, the lazy tree included.
class Stanza
{
public:
    Stanza();
    // `attributes` are the top element's; `wire` its exact bytes. Kind is derived from name/namespace.
    Stanza(Direction direction, qint64 timestampMs, QByteArray wire, QString name, QString namespaceUri,
           QXmlStreamAttributes attributes);
    // For a stanza whose tree is already known (one we send).
    Stanza(Direction direction, qint64 timestampMs, QByteArray wire, const XmlElement &element);
    Stanza(const Stanza &);
    Stanza(Stanza &&) noexcept;
    Stanza &operator=(const Stanza &);
    Stanza &operator=(Stanza &&) noexcept;
    ~Stanza();

    // A stanza StanzaScanner read: its top element's attributes stay in `wire` until one is asked for.
    static Stanza fromScan(Direction direction, qint64 timestampMs, QByteArray wire, QString name,
                           QString namespaceUri, const StanzaScanner::AttributeSpans &attributes);
    // A stanza from bytes a log kept (a row, a saved log's line), stream items included: the start tag
    // read now, the element on demand.
    static Stanza fromLoggedWire(Direction direction, qint64 timestampMs, const QByteArray &wire);

    bool isNull() const;
    // The same stanza going the other way at `timestampMs` (a proxy passing it on); shares the bytes.
    Stanza passedOn(Direction direction, qint64 timestampMs) const;
    Direction direction() const;
    qint64 timestampMs() const;
    StanzaKind kind() const;
    const QByteArray &wire() const;
    QString name() const;
    QString namespaceUri() const;
    QString attribute(QStringView name) const;
    QString from() const { return attribute(u"from"); }
    QString to() const { return attribute(u"to"); }
    QString id() const { return attribute(u"id"); }
    QString type() const { return attribute(u"type"); }
    // Whether the top element's attribute `name` is exactly `value` (both ASCII), read in place: no
    // string is made unless the value holds an entity.
    bool attributeIs(QLatin1StringView name, QLatin1StringView value) const;
    bool isStreamError() const;
    bool isError() const; // a stream error or a stanza of type='error'
    XmlElement element() const;

    static StanzaKind kindFor(QStringView name, QStringView namespaceUri);

private:
    QSharedDataPointer<StanzaData> d;
};

} // namespace xcm

Q_DECLARE_METATYPE(xcm::Stanza)
