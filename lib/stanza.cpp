// SPDX-License-Identifier: GPL-3.0-or-later
#include "stanza.h"

#include <optional>

using namespace Qt::StringLiterals;

namespace xcm {

class StanzaData : public QSharedData
{
public:
    QByteArray wire;
    QString name;
    QString namespaceUri;
    QXmlStreamAttributes attributes;
    StanzaScanner::AttributeSpans attributesInWire; // instead of `attributes` when attributesAreInWire
    bool attributesAreInWire = false;
    qint64 timestampMs = 0;
    Direction direction = Direction::Received;
    StanzaKind kind = StanzaKind::Other;
    mutable bool elementParsed = false;
    mutable XmlElement element;
};

namespace {

// The value of the top element's attribute `name` as it is in the wire (entities not replaced), when
// StanzaScanner found the attributes there.
template<typename Name> std::optional<QByteArrayView> rawAttribute(const StanzaData &data, Name name)
{
    const char *const tag = data.wire.constData();
    for (const StanzaScanner::AttributeSpan &span : data.attributesInWire) {
        if (name == QLatin1StringView(tag + span.nameAt, span.nameSize))
            return QByteArrayView(tag + span.valueAt, span.valueSize);
    }
    return std::nullopt;
}

} // namespace

Stanza::Stanza() = default;

Stanza::Stanza(Direction direction, qint64 timestampMs, QByteArray wire, QString name, QString namespaceUri,
               QXmlStreamAttributes attributes)
    : d(new StanzaData)
{
    d->direction = direction;
    d->timestampMs = timestampMs;
    d->wire = std::move(wire);
    d->kind = kindFor(name, namespaceUri);
    d->name = std::move(name);
    d->namespaceUri = std::move(namespaceUri);
    d->attributes = std::move(attributes);
}

Stanza Stanza::fromScan(Direction direction, qint64 timestampMs, QByteArray wire, QString name,
                        QString namespaceUri, const StanzaScanner::AttributeSpans &attributes)
{
    Stanza stanza(direction, timestampMs, std::move(wire), std::move(name), std::move(namespaceUri), {});
    stanza.d->attributesInWire = attributes;
    stanza.d->attributesAreInWire = true;
    return stanza;
}

Stanza::Stanza(Direction direction, qint64 timestampMs, QByteArray wire, const XmlElement &element)
    : Stanza(direction, timestampMs, std::move(wire), element.name(), element.namespaceUri(),
             element.attributes())
{
    d->element = element;
    d->elementParsed = true;
}

Stanza::Stanza(const Stanza &) = default;
Stanza::Stanza(Stanza &&) noexcept = default;
Stanza &Stanza::operator=(const Stanza &) = default;
Stanza &Stanza::operator=(Stanza &&) noexcept = default;
Stanza::~Stanza() = default;

bool Stanza::isNull() const
{
    return !d;
}

Stanza Stanza::passedOn(Direction direction, qint64 timestampMs) const
{
    Stanza copy = *this;
    if (copy.d) {
        copy.d->direction = direction; // detaches: the original keeps its own
        copy.d->timestampMs = timestampMs;
    }
    return copy;
}
Stanza Stanza::unshared() const
{
    Stanza copy = *this;
    if (copy.d)
        copy.d.detach(); // the bytes stay shared: QByteArray's count is atomic and they never change
    return copy;
}

Direction Stanza::direction() const
{
    return d ? d->direction : Direction::Received;
}
qint64 Stanza::timestampMs() const
{
    return d ? d->timestampMs : 0;
}
StanzaKind Stanza::kind() const
{
    return d ? d->kind : StanzaKind::Other;
}

const QByteArray &Stanza::wire() const
{
    static const QByteArray empty;
    return d ? d->wire : empty;
}

QString Stanza::name() const
{
    return d ? d->name : QString();
}
QString Stanza::namespaceUri() const
{
    return d ? d->namespaceUri : QString();
}

QString Stanza::attribute(QStringView name) const
{
    if (!d)
        return {};
    if (!d->attributesAreInWire)
        return attributeValue(d->attributes, name).toString();
    const std::optional<QByteArrayView> raw = rawAttribute(*d, name);
    return raw ? StanzaScanner::decodedValue(*raw) : QString();
}

bool Stanza::attributeIs(QLatin1StringView name, QLatin1StringView value) const
{
    if (!d)
        return false;
    if (!d->attributesAreInWire)
        return attributeValue(d->attributes, QString(name)) == value; // not scanned: rare, off the hot path
    const std::optional<QByteArrayView> raw = rawAttribute(*d, name);
    if (!raw)
        return false;
    return raw->contains('&') ? StanzaScanner::decodedValue(*raw) == value : *raw == QByteArrayView(value);
}

bool Stanza::isStreamError() const
{
    return d && d->name == u"error" && d->namespaceUri == ns::stream;
}

bool Stanza::isError() const
{
    return isStreamError() || (d && d->kind != StanzaKind::Stream && attributeIs("type"_L1, "error"_L1));
}

XmlElement Stanza::element() const
{
    if (!d)
        return {};
    if (!d->elementParsed) {
        // Stream-level items (our own header) are not complete elements: they stay without a tree.
        d->element = XmlElement::parse(
            d->wire, nullptr, d->namespaceUri == ns::stream ? ns::component : QStringView(d->namespaceUri));
        d->elementParsed = true;
    }
    return d->element;
}

StanzaKind Stanza::kindFor(QStringView name, QStringView namespaceUri)
{
    if (namespaceUri == ns::stream)
        return StanzaKind::Stream;
    if (namespaceUri != ns::component)
        return StanzaKind::Other;
    if (name == u"message")
        return StanzaKind::Message;
    if (name == u"presence")
        return StanzaKind::Presence;
    if (name == u"iq")
        return StanzaKind::Iq;
    if (name == u"handshake")
        return StanzaKind::Stream;
    return StanzaKind::Other;
}

} // namespace xcm
