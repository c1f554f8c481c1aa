// SPDX-License-Identifier: GPL-3.0-or-later
#include "streamparser.h"

#include <QDateTime>

#include <cstring>

using namespace Qt::StringLiterals;

namespace xcm {

namespace {

bool isXmlWhitespace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// Names every stanza shares, so that the hot path does not allocate a QString for each of them.
QString sharedName(QStringView name)
{
    static const QString message = u"message"_s;
    static const QString presence = u"presence"_s;
    static const QString iq = u"iq"_s;
    if (name == message)
        return message;
    if (name == presence)
        return presence;
    if (name == iq)
        return iq;
    return name.toString();
}

// The reader's messages quote the offending input, which may hold characters XML forbids (a NUL, a
// control character): replaced, so that the stream error we send back is itself well-formed.
QString xmlSafe(const QString &text)
{
    QString safe;
    safe.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text.at(i).unicode();
        if (QChar::isHighSurrogate(c) && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            safe += text.at(i);
            safe += text.at(++i);
        } else if (c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xFFFD && !QChar::isSurrogate(c))) {
            safe += QChar(c);
        } else {
            safe += QChar(QChar::ReplacementCharacter);
        }
    }
    return safe;
}

// Where text holds "]]>" (the offset of its '>'), or -1; `brackets` ']' ended the text before it. A
// '>' in text is nearly always written &gt;, so memchr for a literal one rules most text out at once.
qsizetype findCdataEnd(QByteArrayView text, int brackets)
{
    const char *const begin = text.data();
    const char *const end = begin + text.size();
    for (const char *p = begin; p != end; ++p) {
        p = static_cast<const char *>(std::memchr(p, '>', size_t(end - p)));
        if (!p)
            return -1;
        const qsizetype at = p - begin;
        int before = 0;
        for (qsizetype k = at - 1; k >= 0 && before < 2 && begin[k] == ']'; --k)
            ++before;
        if (before == at) // all of the text before it: the ones from the previous read count too
            before = std::min(2, before + brackets);
        if (before >= 2)
            return at;
    }
    return -1;
}

// How many ']' (up to 2) end the text, counting `brackets` from before it if it is all ']'.
int trailingBrackets(QByteArrayView text, int brackets)
{
    int n = 0;
    for (qsizetype i = text.size() - 1; i >= 0 && n < 2 && text[i] == ']'; --i)
        ++n;
    return n == text.size() ? std::min(2, n + brackets) : n;
}

QString sharedNamespace(QStringView namespaceUri)
{
    static const QString component = QString::fromUtf16(ns::component);
    return namespaceUri == component ? component : namespaceUri.toString();
}

} // namespace

StreamParser::StreamParser(QObject *parent)
    : QObject(parent)
{
    reset();
}

StreamParser::~StreamParser() = default;

void StreamParser::reset()
{
    m_reader.clear();
    m_reader.setNamespaceProcessing(true);
    m_utf8.reset();
    m_buffer.clear();
    m_bufferStart = m_bytesFed = m_cursorChars = m_cursorBytes = m_topLevelEnd = 0;
    m_stanzaStart = -1;
    m_depth = 0;
    m_error = {};
    m_headerReceived = m_closed = false;
    m_markup = Markup::Text;
    m_attributes = m_skipMatched = m_brackets = 0;
}

void StreamParser::feed(QByteArrayView bytes)
{
    if (m_closed || hasFailed() || bytes.isEmpty())
        return;
    if (m_bytesFed == 0 && bytes.front() == '\x16') {
        fail("unsupported-encoding", u"the server answered with a TLS handshake, not XML: "
                                     "this port expects direct TLS"_s);
        return;
    }
    // The bytes before a bad one are still stream: a violation or the close among them comes first, so
    // that the outcome does not depend on where the network happened to cut the chunks.
    qsizetype good = bytes.size();
    StreamError early;
    if (!m_utf8.feed(bytes)) {
        good = qsizetype(std::max<qint64>(0, m_utf8.errorOffset() - m_bytesFed));
        early = {u"unsupported-encoding"_s,
                 u"invalid UTF-8 at byte %1 of the stream"_s.arg(m_utf8.errorOffset())};
    }
    if (const qsizetype bad = scanMarkup(bytes.first(good), &early); bad >= 0)
        good = bad;
    if (good > 0)
        parse(bytes.first(good));
    if (early.isNull() || m_closed || hasFailed())
        return;
    if (m_depth == 1 && early.condition == u"not-well-formed") // "]]>", and between stanzas
        early = {u"bad-format"_s, u"text outside any stanza: \"]]>\""_s};
    fail(early.condition.toLatin1().constData(), early.text);
}

qsizetype StreamParser::scanMarkup(QByteArrayView bytes, StreamError *error)
{
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const char c = bytes[i];
        switch (m_markup) {
        case Markup::Text: {
            // Most bytes are text: jump to the next '<'. On the way, "]]>" may not appear in text;
            // QXmlStreamReader misses it when its bytes come in separate reads.
            const auto *next =
                static_cast<const char *>(std::memchr(bytes.data() + i, '<', size_t(bytes.size() - i)));
            const QByteArrayView text = bytes.sliced(i, (next ? next - bytes.data() : bytes.size()) - i);
            if (const qsizetype at = findCdataEnd(text, m_brackets); at >= 0) {
                *error = {u"not-well-formed"_s, u"the sequence ']]>' is not allowed in text"_s};
                return i + at;
            }
            if (!next) {
                m_brackets = trailingBrackets(text, m_brackets);
                return -1;
            }
            m_brackets = 0;
            i = next - bytes.data();
            m_markup = Markup::Open;
            break;
        }
        case Markup::Open:
            if (c == '?') {
                m_markup = Markup::Skip;
                m_skipUntil = "?>";
                m_skipMatched = 0;
            } else if (c == '!') {
                m_markup = Markup::Bang;
            } else {
                m_markup = c == '>' ? Markup::Text : Markup::Tag;
                m_attributes = 0;
            }
            break;
        case Markup::Tag: {
            // Names and spaces need no look: go straight to the next byte that changes something (one
            // tight loop instead of a pass through this switch per byte).
            const char *p = bytes.data() + i;
            const char *const end = bytes.data() + bytes.size();
            while (p != end && *p != '>' && *p != '\'' && *p != '"' && *p != '=')
                ++p;
            if (p == end)
                return -1;
            i = p - bytes.data();
            if (*p == '>') {
                m_markup = Markup::Text;
            } else if (*p == '\'' || *p == '"') {
                m_markup = Markup::Quoted;
                m_quote = *p;
            } else if (++m_attributes > m_limits.maxAttributes) {
                *error = {u"policy-violation"_s,
                          u"an element with more than %1 attributes"_s.arg(m_limits.maxAttributes)};
                return i;
            }
            break;
        }
        case Markup::Quoted: {
            const auto *end =
                static_cast<const char *>(std::memchr(bytes.data() + i, m_quote, size_t(bytes.size() - i)));
            if (!end)
                return -1;
            i = end - bytes.data();
            m_markup = Markup::Tag;
            break;
        }
        case Markup::Bang:
            // "<!-" starts a comment and "<![" a CDATA section; anything else is a DTD or a
            // declaration, refused before the reader parses it (an ATTLIST is quadratic there too).
            if (c != '-' && c != '[') {
                *error = {u"restricted-xml"_s,
                          u"the stream contains a DTD or declaration (<!%1…)"_s.arg(QLatin1Char(c))};
                return i;
            }
            m_markup = Markup::Skip;
            m_skipUntil = c == '-' ? "-->" : "]]>";
            m_skipMatched = 0; // "<!-->" does not end the comment it starts
            break;
        case Markup::Skip:
            if (c == m_skipUntil[m_skipMatched]) {
                if (m_skipUntil[++m_skipMatched] == '\0')
                    m_markup = Markup::Text;
            } else if (c == m_skipUntil[0]) {
                // "--->" and "]]]>" still end it: a run of the doubled first character keeps two matched.
                m_skipMatched = m_skipMatched >= 2 && m_skipUntil[1] == c ? 2 : 1;
            } else {
                m_skipMatched = 0;
            }
            break;
        }
    }
    return -1;
}

void StreamParser::parse(QByteArrayView bytes)
{
    // One clock read per chunk: every stanza completed by these bytes arrived with them, and a read of
    // the clock costs ~30 ns in a VM, as much as a tenth of the parser's own work on a stanza.
    m_chunkTimestampMs = QDateTime::currentMSecsSinceEpoch();
    m_buffer.append(bytes);
    m_bytesFed += bytes.size();
    m_reader.addData(QByteArray::fromRawData(bytes.data(), bytes.size()));
    processTokens();
    if (m_closed || hasFailed())
        return;
    if (m_bytesFed - m_topLevelEnd > m_limits.maxStanzaBytes) {
        fail("policy-violation",
             u"a stanza grew past the %1-byte limit without ending"_s.arg(m_limits.maxStanzaBytes));
        return;
    }
    discardConsumedBytes();
}

qint64 StreamParser::pendingBytes() const
{
    const qsizetype from = m_topLevelEnd - m_bufferStart;
    for (qsizetype i = from; i < m_buffer.size(); ++i) {
        if (!isXmlWhitespace(m_buffer.at(i)))
            return m_bytesFed - (m_bufferStart + i);
    }
    return 0;
}

void StreamParser::processTokens()
{
    while (!m_reader.atEnd()) {
        switch (m_reader.readNext()) {
        case QXmlStreamReader::StartDocument: {
            const QStringView encoding = m_reader.documentEncoding();
            if (!encoding.isEmpty() && encoding.compare(u"UTF-8", Qt::CaseInsensitive) != 0)
                return fail("unsupported-encoding",
                            u"the stream declares encoding '%1'; XMPP is UTF-8 only"_s.arg(encoding));
            break;
        }
        case QXmlStreamReader::StartElement:
            handleStartElement();
            break;
        case QXmlStreamReader::EndElement:
            handleEndElement();
            break;
        case QXmlStreamReader::Characters:
            if (m_depth <= 1 && !m_reader.isWhitespace())
                return fail("bad-format", u"text outside any stanza: \"%1\""_s.arg(m_reader.text().left(40)));
            break;
        case QXmlStreamReader::Comment:
            return fail("restricted-xml", u"the stream contains an XML comment"_s);
        case QXmlStreamReader::ProcessingInstruction:
            return fail("restricted-xml", u"the stream contains a processing instruction <?%1?>"_s.arg(
                                              m_reader.processingInstructionTarget()));
        case QXmlStreamReader::DTD:
            return fail("restricted-xml", u"the stream contains a DTD (<!DOCTYPE>)"_s);
        case QXmlStreamReader::EntityReference:
            return fail("restricted-xml", u"the stream references the entity &%1;"_s.arg(m_reader.name()));
        case QXmlStreamReader::Invalid:
            if (m_reader.error() == QXmlStreamReader::PrematureEndOfDocumentError)
                return; // wait for more bytes
            if (m_depth == 1) {
                // Between stanzas, text is wrong from its first character; fed in small pieces the
                // reader reports that text before it finds what else is wrong further on.
                const QByteArrayView rest = QByteArrayView(m_buffer).sliced(m_topLevelEnd - m_bufferStart);
                const qsizetype text =
                    std::find_if_not(rest.cbegin(), rest.cend(), isXmlWhitespace) - rest.cbegin();
                if (text < rest.size() && rest.at(text) != '<')
                    return fail("bad-format",
                                u"text outside any stanza: \"%1\""_s.arg(QString::fromUtf8(
                                    rest.sliced(text).first(std::min<qsizetype>(rest.size() - text, 40)))));
            }
            if (m_reader.errorString().contains(u"Entity"))
                return fail("restricted-xml", u"%1 (only &lt; &gt; &amp; &quot; &apos; are allowed)"_s.arg(
                                                  m_reader.errorString()));
            return fail("not-well-formed", u"%1 (line %2, column %3)"_s.arg(m_reader.errorString())
                                               .arg(m_reader.lineNumber())
                                               .arg(m_reader.columnNumber()));
        default:
            break;
        }
        if (m_closed || hasFailed())
            return;
    }
}

void StreamParser::handleStartElement()
{
    const QStringView name = m_reader.name();
    const QStringView namespaceUri = m_reader.namespaceUri();
    // A prefix (or the default namespace) declared twice in one tag is not well-formed, but the reader
    // lets it pass, the last one winning: a header could declare jabber:component:accept and then
    // something else.
    const auto declarations = m_reader.namespaceDeclarations();
    for (qsizetype i = 1; i < declarations.size(); ++i) {
        for (qsizetype j = 0; j < i; ++j) {
            if (declarations[i].prefix() == declarations[j].prefix())
                return fail("not-well-formed", u"<%1> declares the namespace prefix '%2' twice"_s.arg(
                                                   m_reader.qualifiedName(), declarations[i].prefix()));
        }
    }
    if (m_depth == 0) {
        if (name != u"stream")
            return fail("bad-format",
                        u"the stream starts with <%1>, not <stream:stream>"_s.arg(m_reader.qualifiedName()));
        if (namespaceUri != ns::stream)
            return fail("invalid-namespace", u"the stream header has namespace '%1'"_s.arg(namespaceUri));
        const auto defaultDeclaration =
            std::find_if(declarations.cbegin(), declarations.cend(),
                         [](const auto &declaration) { return declaration.prefix().isEmpty(); });
        const QStringView defaultNamespace =
            defaultDeclaration == declarations.cend() ? QStringView() : defaultDeclaration->namespaceUri();
        // The most common mistake of all: the port in the profile is the server's client or server port.
        if (defaultNamespace == u"jabber:client" || defaultNamespace == u"jabber:server")
            return fail("invalid-namespace",
                        u"the server opened a %1 stream (%2): this is its %3 port, not the component port "
                        "(Prosody and ejabberd use 5347 by default, Openfire 5275)"_s.arg(
                            defaultNamespace == u"jabber:client" ? u"client"_s : u"server-to-server"_s,
                            defaultNamespace.toString(),
                            defaultNamespace == u"jabber:client" ? u"client (c2s)"_s : u"s2s"_s));
        if (defaultNamespace != ns::component)
            return fail("invalid-namespace",
                        u"the stream's default namespace is '%1', not jabber:component:accept"_s.arg(
                            defaultNamespace));
        const auto attributes = m_reader.attributes();
        StreamHeader header;
        header.id = attributeValue(attributes, u"id").toString();
        header.from = attributeValue(attributes, u"from").toString();
        header.to = attributeValue(attributes, u"to").toString();
        header.version = attributeValue(attributes, u"version").toString();
        m_topLevelEnd = byteOffsetAt(m_reader.characterOffset());
        header.wire = m_buffer.left(m_topLevelEnd - m_bufferStart);
        m_headerReceived = true;
        m_depth = 1;
        Q_EMIT streamOpened(header);
        return;
    }
    if (m_depth == 1) {
        if (name == u"stream" && namespaceUri == ns::stream)
            return fail("bad-format", u"a second stream header arrived inside the open stream"_s);
        m_stanzaStart = m_topLevelEnd;
        m_stanzaName = sharedName(name);
        m_stanzaNamespace = sharedNamespace(namespaceUri);
        m_stanzaAttributes = m_reader.attributes();
    }
    ++m_depth;
    if (m_depth - 1 > m_limits.maxDepth)
        fail("policy-violation", u"elements nested deeper than %1 levels"_s.arg(m_limits.maxDepth));
}

void StreamParser::handleEndElement()
{
    --m_depth;
    if (m_depth == 0) {
        m_closed = true;
        Q_EMIT streamClosed();
        return;
    }
    if (m_depth != 1)
        return;
    const qint64 end = byteOffsetAt(m_reader.characterOffset());
    qsizetype start = m_stanzaStart - m_bufferStart;
    while (isXmlWhitespace(m_buffer.at(start)))
        ++start; // keepalive whitespace before the stanza belongs to no stanza
    // parse() checks the limit only for what is still open after a read: a stanza that began and
    // ended within one read is measured here.
    if (const qint64 size = end - m_bufferStart - start; size > m_limits.maxStanzaBytes)
        return fail("policy-violation",
                    u"a stanza of %1 bytes, over the %2-byte limit"_s.arg(size).arg(m_limits.maxStanzaBytes));
    QByteArray wire(m_buffer.constData() + start, end - m_bufferStart - start);
    m_topLevelEnd = end;
    m_stanzaStart = -1;
    Q_EMIT stanzaReceived(Stanza(Direction::Received, m_chunkTimestampMs, std::move(wire),
                                 std::move(m_stanzaName), std::move(m_stanzaNamespace),
                                 std::move(m_stanzaAttributes)));
}

qint64 StreamParser::byteOffsetAt(qint64 characterOffset)
{
    // The reader counts UTF-16 units; the input is valid UTF-8 (checked in feed()), so each lead byte
    // starts one unit, or two for a four-byte sequence.
    const auto *data = reinterpret_cast<const uchar *>(m_buffer.constData());
    const qsizetype size = m_buffer.size();
    qsizetype i = m_cursorBytes - m_bufferStart;
    qint64 chars = m_cursorChars;
    while (chars < characterOffset && i < size) {
        // Most stanzas are ASCII: skip eight one-unit characters at a time while the target is that far.
        if (characterOffset - chars >= 8 && size - i >= 8) {
            quint64 word;
            std::memcpy(&word, data + i, sizeof word);
            if ((word & 0x8080808080808080ULL) == 0) {
                i += 8;
                chars += 8;
                continue;
            }
        }
        const uchar lead = data[i];
        if (lead < 0x80) {
            ++i;
            ++chars;
        } else if (lead < 0xE0) {
            i += 2;
            ++chars;
        } else if (lead < 0xF0) {
            i += 3;
            ++chars;
        } else {
            i += 4;
            chars += 2;
        }
    }
    m_cursorChars = chars;
    m_cursorBytes = m_bufferStart + i;
    return m_cursorBytes;
}

void StreamParser::discardConsumedBytes()
{
    const qint64 consumed = m_topLevelEnd - m_bufferStart;
    if (consumed <= 0)
        return;
    m_buffer.remove(0, consumed);
    m_bufferStart = m_topLevelEnd;
}

void StreamParser::fail(const char *condition, const QString &text)
{
    m_error = {QString::fromLatin1(condition), xmlSafe(text)};
    Q_EMIT failed(m_error);
}

} // namespace xcm
