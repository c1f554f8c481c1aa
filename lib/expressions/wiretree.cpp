// SPDX-License-Identifier: GPL-3.0-or-later
#include "wiretree.h"

#include "xmlelement.h"

#include <cstring>

using namespace Qt::StringLiterals;

namespace xcm {

namespace {

constexpr bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

const QString componentNamespace = QString::fromUtf16(ns::component);
const QString streamNamespace = QString::fromUtf16(ns::stream);
const QString xmlNamespace = u"http://www.w3.org/XML/1998/namespace"_s;

// Appends the character an entity or character reference at raw[i] ('&') stands for, as UTF-8, and
// returns the index after it; unknown ones are copied as written.
qsizetype appendEntity(QByteArrayView raw, qsizetype i, QByteArray &out)
{
    const qsizetype semicolon = raw.indexOf(';', i);
    if (semicolon < 0) {
        out += '&';
        return i + 1;
    }
    const QByteArrayView entity = raw.sliced(i + 1, semicolon - i - 1);
    if (entity == "lt")
        out += '<';
    else if (entity == "gt")
        out += '>';
    else if (entity == "amp")
        out += '&';
    else if (entity == "apos")
        out += '\'';
    else if (entity == "quot")
        out += '"';
    else if (entity.startsWith('#')) {
        bool ok = false;
        const char32_t code =
            entity.startsWith("#x") ? entity.sliced(2).toUInt(&ok, 16) : entity.sliced(1).toUInt(&ok, 10);
        if (!ok) {
            out += '&';
            return i + 1;
        }
        out += QString::fromUcs4(&code, 1).toUtf8();
    } else {
        out += '&';
        return i + 1;
    }
    return semicolon + 1;
}

} // namespace

QString WireTree::decodeAttribute(QByteArrayView raw)
{
    const bool plain = std::none_of(raw.begin(), raw.end(),
                                    [](char c) { return c == '&' || c == '\t' || c == '\r' || c == '\n'; });
    if (plain)
        return QString::fromUtf8(raw);
    // XML 1.0 §2.11 and §3.3.3: \r\n is one line end, and every literal white space character becomes a
    // space; references are replaced afterwards (so &#10; stays a line feed).
    QByteArray out;
    out.reserve(raw.size());
    for (qsizetype i = 0; i < raw.size();) {
        const char c = raw.at(i);
        if (c == '&') {
            i = appendEntity(raw, i, out);
            continue;
        }
        if (c == '\r' && i + 1 < raw.size() && raw.at(i + 1) == '\n')
            ++i;
        out += isSpace(c) ? ' ' : c;
        ++i;
    }
    return QString::fromUtf8(out);
}

bool WireTree::fail()
{
    m_elements.clear();
    m_runs.clear();
    return false;
}

bool WireTree::parse(QByteArrayView wire)
{
    m_wire = wire;
    m_elements.clear();
    m_runs.clear();
    m_namespaces.clear();
    m_namespaces.append({{}, componentNamespace, true});
    m_namespaces.append({{}, streamNamespace, true});
    m_namespaces.append({{}, xmlNamespace, true});

    struct Declaration
    {
        QByteArrayView prefix;
        int namespaceIndex;
    };
    QVarLengthArray<Declaration, 16> scope{{QByteArrayView(""), 0}, {"stream", 1}, {"xml", 2}};
    struct Open
    {
        int element;
        qsizetype scopeSize; // declarations to drop when it closes
    };
    QVarLengthArray<Open, 16> open;
    const char *const data = wire.data();
    const qsizetype size = wire.size();
    // The same declaration written twice shares an entry; spelt differently (an entity) it gets two
    // with the same decoded URI, which is all that is ever compared.
    const auto namespaceFor = [this](QByteArrayView raw) {
        for (qsizetype k = 3; k < m_namespaces.size(); ++k) {
            if (m_namespaces[k].raw == raw)
                return int(k);
        }
        m_namespaces.append({raw, {}, false});
        return int(m_namespaces.size() - 1);
    };
    int openRun = -1; // the run text is being added to, until the next tag
    const auto addText = [&](qsizetype start, qsizetype end, bool cdata) {
        if (openRun >= 0) {
            m_runs[openRun].end = end;
            m_runs[openRun].cdata = m_runs[openRun].cdata || cdata;
            return;
        }
        Element &owner = m_elements[open.last().element];
        m_runs.append(Run{start, end, -1, cdata});
        openRun = int(m_runs.size() - 1);
        if (owner.lastRun >= 0)
            m_runs[owner.lastRun].next = openRun;
        else
            owner.firstRun = openRun;
        owner.lastRun = openRun;
    };

    qsizetype i = 0;
    bool closed = false;
    while (i < size && !closed) {
        if (data[i] != '<') {
            const void *next = std::memchr(data + i, '<', size_t(size - i));
            const qsizetype end = next ? static_cast<const char *>(next) - data : size;
            if (open.isEmpty()) {
                // White space may surround the stanza; nothing else may.
                if (!std::all_of(data + i, data + end, isSpace))
                    return fail();
            } else {
                if (!next)
                    return fail();
                addText(i, end, false);
            }
            i = end;
            continue;
        }
        if (i + 1 >= size)
            return fail();
        const char next = data[i + 1];
        if (next == '/') {
            if (open.isEmpty())
                return fail();
            qsizetype j = i + 2;
            while (j < size && !isSpace(data[j]) && data[j] != '>')
                ++j;
            const Element &element = m_elements[open.last().element];
            if (QByteArrayView(data + i + 2, j - i - 2) !=
                QByteArrayView(data + element.nameStart, element.nameLength))
                return fail();
            while (j < size && isSpace(data[j]))
                ++j;
            if (j >= size || data[j] != '>')
                return fail();
            scope.resize(open.last().scopeSize);
            open.removeLast();
            openRun = -1;
            closed = open.isEmpty();
            i = j + 1;
            continue;
        }
        if (next == '!') {
            if (open.isEmpty() || !QByteArrayView(data + i, size - i).startsWith("<![CDATA["))
                return fail(); // a comment or a DTD
            const qsizetype end = QByteArrayView(data, size).indexOf("]]>", i + 9);
            if (end < 0)
                return fail();
            addText(i, end + 3, true);
            i = end + 3;
            continue;
        }
        if (next == '?')
            return fail(); // a processing instruction

        // A start tag.
        Element element;
        qsizetype j = i + 1;
        while (j < size && !isSpace(data[j]) && data[j] != '>' && data[j] != '/')
            ++j;
        element.nameStart = i + 1;
        element.nameLength = j - i - 1;
        if (element.nameLength == 0)
            return fail();
        const QByteArrayView name(data + element.nameStart, element.nameLength);
        const qsizetype colon = name.indexOf(':');
        element.localOffset = colon + 1;
        const QByteArrayView prefix = colon < 0 ? QByteArrayView("") : name.first(colon);
        element.attributesStart = j;
        const qsizetype scopeSize = scope.size();
        bool empty = false;
        for (;;) {
            while (j < size && isSpace(data[j]))
                ++j;
            if (j >= size)
                return fail();
            if (data[j] == '>') {
                element.attributesEnd = j++;
                break;
            }
            if (data[j] == '/') {
                if (j + 1 >= size || data[j + 1] != '>')
                    return fail();
                element.attributesEnd = j;
                j += 2;
                empty = true;
                break;
            }
            const qsizetype attributeStart = j;
            while (j < size && data[j] != '=' && !isSpace(data[j]) && data[j] != '>' && data[j] != '/')
                ++j;
            const QByteArrayView attribute(data + attributeStart, j - attributeStart);
            while (j < size && isSpace(data[j]))
                ++j;
            if (attribute.isEmpty() || j >= size || data[j] != '=')
                return fail();
            ++j;
            while (j < size && isSpace(data[j]))
                ++j;
            if (j >= size || (data[j] != '\'' && data[j] != '"'))
                return fail();
            const void *quote = std::memchr(data + j + 1, data[j], size_t(size - j - 1));
            if (!quote)
                return fail();
            const qsizetype valueEnd = static_cast<const char *>(quote) - data;
            const QByteArrayView value(data + j + 1, valueEnd - j - 1);
            j = valueEnd + 1;
            if (attribute == "xmlns")
                scope.append({QByteArrayView(""), namespaceFor(value)});
            else if (attribute.startsWith("xmlns:"))
                scope.append({attribute.sliced(6), namespaceFor(value)});
        }
        element.namespaceIndex = -1;
        for (qsizetype k = scope.size() - 1; k >= 0; --k) {
            if (scope[k].prefix == prefix) {
                element.namespaceIndex = scope[k].namespaceIndex;
                break;
            }
        }
        if (element.namespaceIndex < 0)
            return fail(); // an undeclared prefix
        const int index = int(m_elements.size());
        if (!open.isEmpty()) {
            element.parent = open.last().element;
            Element &parent = m_elements[element.parent];
            if (parent.lastChild >= 0)
                m_elements[parent.lastChild].nextSibling = index;
            else
                parent.firstChild = index;
            parent.lastChild = index;
        }
        m_elements.append(element);
        openRun = -1;
        if (empty) {
            scope.resize(scopeSize);
            closed = open.isEmpty();
        } else {
            open.append({index, scopeSize});
        }
        i = j;
    }
    if (!closed)
        return fail();
    while (i < size && isSpace(data[i]))
        ++i;
    return i == size || fail();
}

QByteArrayView WireTree::localName(int element) const
{
    const Element &e = m_elements[element];
    return QByteArrayView(m_wire.data() + e.nameStart + e.localOffset, e.nameLength - e.localOffset);
}

const QString &WireTree::namespaceUri(int element) const
{
    const Namespace &entry = m_namespaces[m_elements[element].namespaceIndex];
    if (!entry.decoded) {
        entry.uri = decodeAttribute(entry.raw);
        entry.decoded = true;
    }
    return entry.uri;
}

int WireTree::child(int element, QByteArrayView localName, const QString &namespaceUri) const
{
    for (int c = firstChild(element); c >= 0; c = nextSibling(c)) {
        if (this->localName(c) == localName && this->namespaceUri(c) == namespaceUri)
            return c;
    }
    return -1;
}

QByteArrayView WireTree::rawAttribute(int element, QByteArrayView qualifiedName, bool *found) const
{
    *found = false;
    const Element &e = m_elements[element];
    const char *const data = m_wire.data();
    qsizetype j = e.attributesStart;
    const qsizetype end = e.attributesEnd;
    for (;;) {
        while (j < end && isSpace(data[j]))
            ++j;
        if (j >= end)
            return {};
        const qsizetype nameStart = j;
        while (j < end && data[j] != '=' && !isSpace(data[j]))
            ++j;
        const QByteArrayView name(data + nameStart, j - nameStart);
        while (j < end && data[j] != '\'' && data[j] != '"')
            ++j;
        if (j >= end)
            return {};
        const char quote = data[j];
        const qsizetype valueStart = j + 1;
        const void *close = std::memchr(data + valueStart, quote, size_t(end - valueStart));
        if (!close)
            return {};
        j = static_cast<const char *>(close) - data + 1;
        if (name == qualifiedName && name != "xmlns" && !name.startsWith("xmlns:")) {
            *found = true;
            return QByteArrayView(data + valueStart, j - 1 - valueStart);
        }
    }
}

QString WireTree::attribute(int element, QByteArrayView qualifiedName) const
{
    bool found = false;
    const QByteArrayView raw = rawAttribute(element, qualifiedName, &found);
    return found ? decodeAttribute(raw) : QString();
}

bool WireTree::hasAttribute(int element, QByteArrayView qualifiedName) const
{
    bool found = false;
    rawAttribute(element, qualifiedName, &found);
    return found;
}

QString WireTree::textRun(int run) const
{
    const Run &r = m_runs[run];
    const QByteArrayView raw(m_wire.data() + r.start, r.end - r.start);
    // Looked at here rather than while parsing: most runs are never decoded.
    if (!r.cdata && !raw.contains('&') && !raw.contains('\r'))
        return QString::fromUtf8(raw);
    // Line ends become \n (XML 1.0 §2.11), references are replaced, CDATA is taken as it is.
    QByteArray out;
    out.reserve(raw.size());
    for (qsizetype i = 0; i < raw.size();) {
        const char c = raw.at(i);
        if (c == '&') {
            i = appendEntity(raw, i, out);
        } else if (c == '<' && raw.sliced(i).startsWith("<![CDATA[")) {
            const qsizetype end = raw.indexOf("]]>", i + 9);
            for (qsizetype k = i + 9; k < end; ++k) {
                if (raw.at(k) == '\r') {
                    if (k + 1 >= end || raw.at(k + 1) != '\n')
                        out += '\n';
                } else {
                    out += raw.at(k);
                }
            }
            i = end + 3;
        } else if (c == '\r') {
            if (i + 1 >= raw.size() || raw.at(i + 1) != '\n')
                out += '\n';
            ++i;
        } else {
            out += c;
            ++i;
        }
    }
    return QString::fromUtf8(out);
}

QString WireTree::text(int element) const
{
    QString result;
    for (int run = firstTextRun(element); run >= 0; run = nextTextRun(run))
        result += textRun(run);
    return result;
}

} // namespace xcm
