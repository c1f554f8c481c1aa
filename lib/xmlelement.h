// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QSharedDataPointer>
#include <QString>
#include <QXmlStreamAttributes>

namespace xcm {

namespace ns {
inline constexpr auto component = u"jabber:component:accept";
inline constexpr auto stream = u"http://etherx.jabber.org/streams";
inline constexpr auto streamErrors = u"urn:ietf:params:xml:ns:xmpp-streams";
inline constexpr auto stanzaErrors = u"urn:ietf:params:xml:ns:xmpp-stanzas";
} // namespace ns

class XmlElementData;

// The value of an unprefixed or qualified attribute, without the QString that
// QXmlStreamAttributes::value() wants; null when absent.
QStringView attributeValue(const QXmlStreamAttributes &attributes, QStringView qualifiedName);

// An immutable-ish XML element tree (shared, cheap to copy) for stanzas that have to be looked into.
// Parsing enforces the restricted XML of RFC 6120 §11, like the stream itself.
class XmlElement
{
public:
    struct Node; // an element or a run of text, in document order

    XmlElement();
    XmlElement(const QString &name, const QString &namespaceUri);
    XmlElement(const XmlElement &);
    XmlElement(XmlElement &&) noexcept;
    XmlElement &operator=(const XmlElement &);
    XmlElement &operator=(XmlElement &&) noexcept;
    ~XmlElement();

    // Parses one element. `contextNamespace` is the default namespace it inherits (as a stanza inherits
    // the stream's). On failure returns a null element and a reason with line and column.
    static XmlElement parse(QByteArrayView xml, QString *error = nullptr,
                            QStringView contextNamespace = ns::component);
    // Why parsing failed, and where when the error has one place: `line` and `column` in `xml` (from 1;
    // the column in UTF-16 units, as QXmlStreamReader counts), 0 otherwise.
    struct ParseError
    {
        QString reason;
        qint64 line = 0;
        qint64 column = 0;
        QString text() const; // the reason, then the place: what parse() gives as `error`
    };
    // The same, with the place apart, for a caller who shows it its own way (the rule editor's "1:31: …").
    static XmlElement parseLocated(QByteArrayView xml, ParseError *error,
                                   QStringView contextNamespace = ns::component);

    bool isNull() const;
    QString name() const;
    QString namespaceUri() const;
    QString prefix() const; // as written on the wire, e.g. "stream" for stream:error
    QString attribute(QStringView name) const;
    bool hasAttribute(QStringView name) const;
    const QXmlStreamAttributes &attributes() const;

    QList<XmlElement> children() const;
    XmlElement firstChild(QStringView name = {}, QStringView namespaceUri = {}) const;
    int childCount() const;
    QString text() const; // the element's own text, children's text excluded
    const QList<Node> &nodes() const;

    void setAttribute(const QString &name, const QString &value);
    void appendChild(const XmlElement &child);
    void appendText(const QString &text);

    // Serialises the element. Pretty output indents children; text-only elements stay on one line.
    QString toXml(bool pretty = false, int indent = 2) const;

private:
    QSharedDataPointer<XmlElementData> d;
};

struct XmlElement::Node
{
    XmlElement element; // null for text nodes
    QString text;
    bool isText() const { return element.isNull(); }
};

} // namespace xcm
