// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <QVarLengthArray>

namespace xcm {

// A stanza's element tree read straight from its wire bytes, for the expression evaluator: element
// names, namespaces and where attributes and text sit, decoded only when asked. An order of magnitude
// cheaper than XmlElement::parse (no QXmlStreamReader, no strings for what nobody looks at), which is
// what lets a filter that looks inside stanzas run over a million-row log.
//
// It reads what the stream parser has let through (RFC 6120's restricted XML: elements, attributes,
// text, CDATA, the five predefined entities and character references) and gives the same names,
// namespaces, attribute values and text as XmlElement::parse. Anything else (comments, a DTD, a tag
// that does not close, an undeclared prefix, text outside the element) makes parse() return false:
// the bytes are not one complete stanza (the stream header row of a log, for one).
class WireTree
{
public:
    // Parses `wire` (which must outlive the tree). Elements without a namespace declaration inherit
    // jabber:component:accept, as stanzas on a component stream do; the "stream" prefix is bound.
    bool parse(QByteArrayView wire);
    bool isValid() const { return !m_elements.isEmpty(); }

    // Elements are numbered in document order; the stanza itself is 0. -1 means none.
    int elementCount() const { return int(m_elements.size()); }
    int firstChild(int element) const { return m_elements[element].firstChild; }
    int nextSibling(int element) const { return m_elements[element].nextSibling; }
    QByteArrayView localName(int element) const;
    // Decoded on first use: most stanzas are filtered without anyone asking.
    const QString &namespaceUri(int element) const;
    // The first child called `localName` in `namespaceUri`, or -1.
    int child(int element, QByteArrayView localName, const QString &namespaceUri) const;

    // An attribute by its name as written ("type", "xml:lang"), decoded; null when absent. Namespace
    // declarations are not attributes.
    QString attribute(int element, QByteArrayView qualifiedName) const;
    bool hasAttribute(int element, QByteArrayView qualifiedName) const;

    // The runs of text directly inside `element`, in order; child elements split them (CDATA does not).
    int firstTextRun(int element) const { return m_elements[element].firstRun; }
    int nextTextRun(int run) const { return m_runs[run].next; }
    QString textRun(int run) const;
    // All of them joined, as XmlElement::text().
    QString text(int element) const;

    // What XML makes of an attribute value (line ends and white space to spaces, entities replaced).
    static QString decodeAttribute(QByteArrayView raw);

private:
    struct Element
    {
        int parent = -1;
        int firstChild = -1;
        int lastChild = -1;
        int nextSibling = -1;
        int namespaceIndex = 0;
        int firstRun = -1;
        int lastRun = -1;
        qsizetype nameStart = 0; // qualified name as written
        qsizetype nameLength = 0;
        qsizetype localOffset = 0; // of the local name within it
        qsizetype attributesStart = 0;
        qsizetype attributesEnd = 0;
    };
    struct Run
    {
        qsizetype start = 0;
        qsizetype end = 0;
        int next = -1;
        bool cdata = false; // holds a CDATA section
    };

    // The raw value of attribute `qualifiedName` (namespace declarations skipped); `found` says whether
    // it is there at all.
    QByteArrayView rawAttribute(int element, QByteArrayView qualifiedName, bool *found) const;
    bool fail();

    QByteArrayView m_wire;
    QVarLengthArray<Element, 16> m_elements;
    QVarLengthArray<Run, 16> m_runs;
    struct Namespace
    {
        QByteArrayView raw; // the declaration's value as written
        mutable QString uri;
        mutable bool decoded = false;
    };
    QVarLengthArray<Namespace, 8> m_namespaces;
};

} // namespace xcm
