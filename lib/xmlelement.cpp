// SPDX-License-Identifier: GPL-3.0-or-later
#include "xmlelement.h"

#include <QCoreApplication>
#include <QXmlStreamReader>
#include <QXmlStreamWriter>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace xcm {

class XmlElementData : public QSharedData
{
public:
    QString name;
    QString namespaceUri;
    QString prefix;
    QXmlStreamAttributes attributes;
    QList<XmlElement::Node> nodes;
};

QStringView attributeValue(const QXmlStreamAttributes &attributes, QStringView qualifiedName)
{
    for (const QXmlStreamAttribute &attribute : attributes) {
        if (attribute.qualifiedName() == qualifiedName)
            return attribute.value();
    }
    return {};
}

XmlElement::XmlElement() = default;
XmlElement::XmlElement(const QString &name, const QString &namespaceUri)
    : d(new XmlElementData)
{
    d->name = name;
    d->namespaceUri = namespaceUri;
}
XmlElement::XmlElement(const XmlElement &) = default;
XmlElement::XmlElement(XmlElement &&) noexcept = default;
XmlElement &XmlElement::operator=(const XmlElement &) = default;
XmlElement &XmlElement::operator=(XmlElement &&) noexcept = default;
XmlElement::~XmlElement() = default;

bool XmlElement::isNull() const
{
    return !d;
}
QString XmlElement::name() const
{
    return d ? d->name : QString();
}
QString XmlElement::namespaceUri() const
{
    return d ? d->namespaceUri : QString();
}
QString XmlElement::prefix() const
{
    return d ? d->prefix : QString();
}

QString XmlElement::attribute(QStringView name) const
{
    return d ? attributeValue(d->attributes, name).toString() : QString();
}

bool XmlElement::hasAttribute(QStringView name) const
{
    return d && !attributeValue(d->attributes, name).isNull();
}

const QXmlStreamAttributes &XmlElement::attributes() const
{
    static const QXmlStreamAttributes empty;
    return d ? d->attributes : empty;
}

QList<XmlElement> XmlElement::children() const
{
    QList<XmlElement> result;
    if (!d)
        return result;
    for (const Node &node : d->nodes) {
        if (!node.isText())
            result.append(node.element);
    }
    return result;
}

XmlElement XmlElement::firstChild(QStringView name, QStringView namespaceUri) const
{
    if (!d)
        return {};
    for (const Node &node : d->nodes) {
        if (node.isText())
            continue;
        if ((name.isEmpty() || node.element.d->name == name) &&
            (namespaceUri.isEmpty() || node.element.d->namespaceUri == namespaceUri))
            return node.element;
    }
    return {};
}

int XmlElement::childCount() const
{
    if (!d)
        return 0;
    return int(std::count_if(d->nodes.cbegin(), d->nodes.cend(), [](const Node &n) { return !n.isText(); }));
}

QString XmlElement::text() const
{
    QString result;
    if (!d)
        return result;
    for (const Node &node : d->nodes) {
        if (node.isText())
            result += node.text;
    }
    return result;
}

const QList<XmlElement::Node> &XmlElement::nodes() const
{
    static const QList<Node> empty;
    return d ? d->nodes : empty;
}

void XmlElement::setAttribute(const QString &name, const QString &value)
{
    if (!d)
        d = new XmlElementData;
    auto &attributes = d->attributes;
    for (qsizetype i = 0; i < attributes.size(); ++i) {
        if (attributes.at(i).qualifiedName() == name) {
            attributes.replace(i, QXmlStreamAttribute(name, value));
            return;
        }
    }
    attributes.append(name, value);
}

void XmlElement::appendChild(const XmlElement &child)
{
    if (!d)
        d = new XmlElementData;
    d->nodes.append(Node{child, {}});
}

void XmlElement::appendText(const QString &text)
{
    if (!d)
        d = new XmlElementData;
    if (!d->nodes.isEmpty() && d->nodes.last().isText())
        d->nodes.last().text += text;
    else
        d->nodes.append(Node{{}, text});
}

namespace {

// Parse errors are shown under the compose form, so they are translated.
QString tr(const char *text)
{
    return QCoreApplication::translate("xcm::XmlElement", text);
}

constexpr auto wrapperPrefix = "<xcm-context xmlns:stream='http://etherx.jabber.org/streams' xmlns='";

bool isWhitespace(QStringView text)
{
    return std::all_of(text.begin(), text.end(),
                       [](QChar c) { return c == u' ' || c == u'\t' || c == u'\n' || c == u'\r'; });
}

void writeElement(QXmlStreamWriter &writer, const XmlElement &element, const QString &parentNamespace)
{
    const QString prefix = element.prefix();
    if (!prefix.isEmpty()) {
        writer.writeStartElement(prefix + u':' + element.name());
    } else {
        writer.writeStartElement(element.name());
        if (element.namespaceUri() != parentNamespace)
            writer.writeDefaultNamespace(element.namespaceUri());
    }
    for (const QXmlStreamAttribute &attribute : element.attributes())
        writer.writeAttribute(attribute.qualifiedName().toString(), attribute.value().toString());
    const QString inherited = prefix.isEmpty() ? element.namespaceUri() : parentNamespace;
    for (const XmlElement::Node &node : element.nodes()) {
        if (node.isText())
            writer.writeCharacters(node.text);
        else
            writeElement(writer, node.element, inherited);
    }
    writer.writeEndElement();
}

} // namespace

QString XmlElement::ParseError::text() const
{
    if (line <= 0)
        return reason;
    // The context the other parse errors have (a tr() here would file it under ParseError).
    return QCoreApplication::translate("xcm::XmlElement", "%1 (line %2, column %3)")
        .arg(reason)
        .arg(line)
        .arg(column);
}

XmlElement XmlElement::parse(QByteArrayView xml, QString *error, QStringView contextNamespace)
{
    ParseError located;
    XmlElement element = parseLocated(xml, &located, contextNamespace);
    if (error && element.isNull())
        *error = located.text();
    return element;
}

XmlElement XmlElement::parseLocated(QByteArrayView xml, ParseError *error, QStringView contextNamespace)
{
    const auto fail = [error](const QString &reason, qint64 line = 0, qint64 column = 0) {
        if (error)
            *error = {reason, line, column};
        return XmlElement();
    };
    // The wrapper supplies the namespaces a stanza inherits from its stream; it sits on its own line
    // so that line numbers in errors are the caller's.
    // Escaped: a stanza may declare (and so inherit here) a namespace holding '<', '&' or quotes.
    QByteArray document = wrapperPrefix +
                          contextNamespace.toString().toHtmlEscaped().replace(u'\'', u"&apos;"_s).toUtf8() +
                          "'>\n";
    const qsizetype userStart = document.size();
    document += xml;
    document += "\n</xcm-context>";

    QXmlStreamReader reader(document);
    reader.setNamespaceProcessing(true);
    QList<XmlElement> stack;
    XmlElement root;
    // The wrapper's closing line is not the caller's: what the reader finds there (text after the
    // element, the end inside a tag) is placed at the end of the caller's text.
    const qint64 closingLine = 3 + xml.count('\n');
    const auto failHere = [&](const QString &reason) {
        if (reader.lineNumber() >= closingLine) {
            const qsizetype lastLineStart = xml.lastIndexOf('\n') + 1;
            return fail(reason, closingLine - 2, QString::fromUtf8(xml.sliced(lastLineStart)).size() + 1);
        }
        return fail(reason, reader.lineNumber() - 1, reader.columnNumber());
    };
    while (!reader.atEnd()) {
        switch (reader.readNext()) {
        case QXmlStreamReader::StartElement: {
            if (reader.characterOffset() <= userStart)
                break; // the wrapper itself
            if (stack.isEmpty() && !root.isNull())
                return failHere(tr("a second element starts where only one may be given"));
            XmlElement element(reader.name().toString(), reader.namespaceUri().toString());
            element.d->prefix = reader.prefix().toString();
            element.d->attributes = reader.attributes();
            stack.append(element);
            break;
        }
        case QXmlStreamReader::EndElement: {
            if (stack.isEmpty())
                break; // the wrapper's end
            XmlElement done = stack.takeLast();
            if (stack.isEmpty())
                root = done;
            else
                stack.last().appendChild(done);
            break;
        }
        case QXmlStreamReader::Characters:
            if (!stack.isEmpty())
                stack.last().appendText(reader.text().toString());
            else if (!isWhitespace(reader.text()))
                return failHere(tr("text outside the element"));
            break;
        case QXmlStreamReader::Comment:
            return failHere(tr("comments are not allowed in XMPP"));
        case QXmlStreamReader::ProcessingInstruction:
            return failHere(tr("processing instructions are not allowed in XMPP"));
        case QXmlStreamReader::DTD:
            return failHere(tr("DTDs are not allowed in XMPP"));
        case QXmlStreamReader::EntityReference:
            return failHere(tr("entity references other than the predefined five are not allowed"));
        default:
            break;
        }
    }
    if (reader.hasError()) {
        QString message = reader.errorString();
        // Qt's messages are sentences ("Opening and ending tag mismatch."): the position follows in ours.
        if (message.endsWith(u'.'))
            message.chop(1);
        // An error on the wrapper's closing line means the caller's element never ended, or their text
        // ended inside a tag.
        if (reader.error() == QXmlStreamReader::PrematureEndOfDocumentError ||
            (reader.lineNumber() >= closingLine && !stack.isEmpty()))
            return fail(
                tr("the XML is not complete: <%1> is not closed").arg(stack.value(stack.size() - 1).name()));
        if (reader.lineNumber() >= closingLine)
            return failHere(tr("the XML ends inside a tag"));
        return failHere(message);
    }
    if (root.isNull())
        return fail(tr("no XML element given"));
    return root;
}

QString XmlElement::toXml(bool pretty, int indent) const
{
    if (!d)
        return {};
    QString out;
    QXmlStreamWriter writer(&out);
    writer.setAutoFormatting(pretty);
    writer.setAutoFormattingIndent(indent);
    writeElement(writer, *this, QString::fromUtf16(ns::component));
    return out.trimmed();
}

} // namespace xcm
