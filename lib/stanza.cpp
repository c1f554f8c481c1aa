// SPDX-License-Identifier: GPL-3.0-or-later
#include "stanza.h"

#include "xmlelement.h"

#include <QXmlStreamReader>

#include <atomic>
#include <optional>

using namespace Qt::StringLiterals;

namespace xcm {

// The element tree, parsed at the first element() on whichever thread asks: copies of a stanza are read
// on several threads at once (the desktop proxy's relay and its window), so the tree is published once,
// whole, and a thread that finds it being parsed parses a copy of its own rather than wait.
struct LazyElement
{
    enum State : quint8
    {
        NotParsed,
        Parsing,
        Parsed
    };

    LazyElement() = default;
    // A detach may copy while another thread parses into `other`: only a whole tree is copied.
    LazyElement(const LazyElement &other)
    {
        if (other.state.load(std::memory_order_acquire) == Parsed) {
            element = other.element;
            state.store(Parsed, std::memory_order_relaxed);
        }
    }
    LazyElement &operator=(const LazyElement &) = delete;

    std::atomic<State> state{NotParsed};
    XmlElement element; // written once, before state becomes Parsed
};

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
    mutable LazyElement tree;
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

Stanza Stanza::fromLoggedWire(Direction direction, qint64 timestampMs, const QByteArray &wire)
{
    // The stream header and close are not complete elements: their name and attributes come from the tag.
    const auto namespaceFor = [](QStringView prefix, const QXmlStreamAttributes &attributes) {
        const QString declaration = prefix.isEmpty() ? u"xmlns"_s : u"xmlns:"_s + prefix;
        const QStringView declared = attributeValue(attributes, declaration);
        if (!declared.isNull())
            return declared.toString();
        return QString::fromUtf16(prefix == u"stream" ? ns::stream : ns::component);
    };
    if (wire.startsWith("</")) {
        const qsizetype end = wire.indexOf('>');
        const QString qualified = QString::fromUtf8(wire.mid(2, end < 0 ? -1 : end - 2)).trimmed();
        const qsizetype colon = qualified.indexOf(u':');
        return Stanza(direction, timestampMs, wire, qualified.sliced(colon + 1),
                      namespaceFor(colon < 0 ? QStringView() : QStringView(qualified).first(colon), {}),
                      QXmlStreamAttributes());
    }
    // A plain stanza (nearly all): the scanner reads its start tag in a fraction of the reader's time,
    // which a filter over a million rows feels.
    constexpr int generous = 1 << 20; // the wire passed the limits when it arrived
    if (const StanzaScanner::Result scanned = StanzaScanner::scan(wire, {wire.size(), generous, generous});
        scanned.outcome == StanzaScanner::Outcome::Complete && scanned.start == 0) {
        return Stanza::fromScan(direction, timestampMs, wire, QString::fromLatin1(scanned.name),
                                scanned.namespaceUri.isNull() ? QString::fromUtf16(ns::component)
                                                              : scanned.namespaceUri,
                                scanned.attributes);
    }
    QXmlStreamReader reader(wire);
    reader.setNamespaceProcessing(false); // the header declares prefixes the closing tag would need
    while (!reader.atEnd()) {
        if (reader.readNext() != QXmlStreamReader::StartElement)
            continue;
        QXmlStreamAttributes attributes;
        for (const QXmlStreamAttribute &attribute : reader.attributes()) {
            if (!attribute.qualifiedName().startsWith(u"xmlns"))
                attributes.append(attribute);
        }
        return Stanza(direction, timestampMs, wire, reader.name().toString(),
                      namespaceFor(reader.prefix(), reader.attributes()), attributes);
    }
    return Stanza(direction, timestampMs, wire, QString(), QString(), QXmlStreamAttributes());
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
    d->tree.element = element;
    d->tree.state.store(LazyElement::Parsed, std::memory_order_relaxed);
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
    LazyElement &tree = d->tree;
    if (tree.state.load(std::memory_order_acquire) == LazyElement::Parsed)
        return tree.element;
    const auto parse = [this] {
        // Stream-level items (our own header) are not complete elements: they stay without a tree.
        return XmlElement::parse(
            d->wire, nullptr, d->namespaceUri == ns::stream ? ns::component : QStringView(d->namespaceUri));
    };
    LazyElement::State expected = LazyElement::NotParsed;
    if (!tree.state.compare_exchange_strong(expected, LazyElement::Parsing, std::memory_order_acquire))
        return expected == LazyElement::Parsed ? tree.element : parse(); // another thread is at it
    tree.element = parse();
    tree.state.store(LazyElement::Parsed, std::memory_order_release);
    return tree.element;
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
