// SPDX-License-Identifier: GPL-3.0-or-later
#include "streamparser.h"

#include <QDateTime>

using namespace Qt::StringLiterals;

namespace xcm {

namespace {

// Bytes handed to QXmlStreamReader at a time (see parse()).
constexpr qsizetype readerPieceSize = 8 * 1024;

bool isXmlWhitespace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// A stanza of this many bytes still unfinished after a read is left to the reader, which keeps its
// place, rather than scanned from its start again on each read (as is one unfinished after this many).
constexpr qsizetype maxIncompleteScanBytes = 4096;
constexpr int maxIncompleteScans = 8;

// Names every stanza shares, so that the hot path does not allocate a QString for each of them.
template<typename View> QString sharedName(View name)
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

const QString &componentNamespace()
{
    static const QString component = QString::fromUtf16(ns::component);
    return component;
}

QString sharedNamespace(QStringView namespaceUri)
{
    return namespaceUri == componentNamespace() ? componentNamespace() : namespaceUri.toString();
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
    m_mode = Mode::Reader;
    m_incompleteScans = 0;
    m_headerWire.clear();
    m_position = {};
    m_utf8.reset();
    m_utf8.setXmlCharactersOnly(true);
    m_buffer.clear();
    m_bufferStart = m_bytesFed = m_cursorChars = m_cursorBytes = m_topLevelEnd = 0;
    m_stanzaStart = -1;
    m_depth = 0;
    m_error = {};
    m_headerReceived = m_closed = false;
    m_markup.reset();
    m_deferredMarkupError = {};
}

void StreamParser::feed(QByteArrayView bytes)
{
    if (m_closed || hasFailed() || bytes.isEmpty())
        return;
    if (m_bytesFed == 0 && bytes.front() == '\x16') {
        fail(violation(
            "unsupported-encoding",
            QT_TR_NOOP("the server answered with a TLS handshake, not XML: this port expects direct TLS")));
        return;
    }
    // The bytes before a bad one are still stream: a violation or the close among them comes first, so
    // that the outcome does not depend on where the network happened to cut the chunks.
    qsizetype good = bytes.size();
    StreamError early;
    if (!m_utf8.feed(bytes)) {
        good = qsizetype(std::max<qint64>(0, m_utf8.errorOffset() - m_bytesFed));
        early = m_utf8.forbiddenCharacter() >= 0
                    ? violation(
                          "not-well-formed",
                          QT_TR_NOOP("the character U+%1 at byte %2 of the stream is not allowed in XML"),
                          QString::number(m_utf8.forbiddenCharacter(), 16).toUpper().rightJustified(4, u'0'),
                          m_utf8.errorOffset())
                    : violation("unsupported-encoding", QT_TR_NOOP("invalid UTF-8 at byte %1 of the stream"),
                                m_utf8.errorOffset());
    }
    // The scanner refuses (leaves to the reader) all that MarkupGuard looks for: the bytes it reads
    // are checked only if it hands them to the reader (resumeWithReader()).
    if (m_mode == Mode::Reader) {
        if (const qsizetype bad = m_markup.check(bytes.first(good), m_limits.maxAttributes, &early); bad >= 0)
            good = bad;
    }
    if (good > 0)
        parse(bytes.first(good));
    if (!m_deferredMarkupError.isNull()) // found by resumeWithReader(), before any UTF-8 error
        early = std::exchange(m_deferredMarkupError, {});
    if (early.isNull() || m_closed || hasFailed())
        return;
    // The scanner does not keep the depth: an unfinished stanza in its hands is what tells.
    const bool betweenStanzas = m_depth == 1 && (m_mode == Mode::Reader || pendingBytes() == 0);
    if (betweenStanzas && early.text.contains(u"]]>")) // "]]>", and between stanzas
        early = violation("bad-format", QT_TR_NOOP("text outside any stanza: \"%1\""), u"]]>"_s);
    fail(early);
}

void StreamParser::parse(QByteArrayView bytes)
{
    // One clock read per chunk: every stanza completed by these bytes arrived with them, and a read of
    // the clock costs ~30 ns in a VM, as much as a tenth of the parser's own work on a stanza.
    m_chunkTimestampMs = QDateTime::currentMSecsSinceEpoch();
    m_buffer.append(bytes);
    m_bytesFed += bytes.size();
    if (m_mode == Mode::Scanner)
        scanStanzas();
    else
        feedReader(bytes);
    if (m_closed || hasFailed())
        return;
    if (m_bytesFed - m_topLevelEnd > m_limits.maxStanzaBytes) {
        fail(violation("policy-violation", QT_TR_NOOP("a stanza grew past the %1-byte limit without ending"),
                       m_limits.maxStanzaBytes));
        return;
    }
    // Between stanzas with nothing pending, the scanner takes over from the reader.
    if (m_mode == Mode::Reader && m_scannerEnabled && m_headerReceived && m_depth == 1 && m_stanzaStart < 0 &&
        pendingBytes() == 0) {
        m_mode = Mode::Scanner;
        m_reader.clear();
    }
    discardConsumedBytes();
}

void StreamParser::feedReader(QByteArrayView bytes)
{
    // The reader decodes all the bytes it holds into one new QString when it runs out: given a whole
    // 64 KB read, that is a fresh 128 KB allocation, which malloc maps and the kernel zeroes page by
    // page, each time (8 % of the proxy's CPU under a flood). Pieces keep it within reused memory.
    for (qsizetype from = 0; from < bytes.size(); from += readerPieceSize) {
        const QByteArrayView piece = bytes.sliced(from, std::min(readerPieceSize, bytes.size() - from));
        m_reader.addData(QByteArray::fromRawData(piece.data(), piece.size()));
        processTokens();
        if (m_closed || hasFailed() || m_mode != Mode::Reader)
            return;
    }
}

void StreamParser::scanStanzas()
{
    const StanzaScanner::Limits limits{m_limits.maxStanzaBytes, m_limits.maxDepth, m_limits.maxAttributes};
    for (;;) {
        const QByteArrayView rest = QByteArrayView(m_buffer).sliced(m_topLevelEnd - m_bufferStart);
        StanzaScanner::Result scanned = StanzaScanner::scan(rest, limits);
        switch (scanned.outcome) {
        case StanzaScanner::Outcome::Complete: {
            m_incompleteScans = 0;
            QByteArray wire(rest.data() + scanned.start, scanned.end - scanned.start);
            QString name = sharedName(QLatin1StringView(scanned.name.data(), scanned.name.size()));
            // No xmlns of its own: the stream's default, which the header check made jabber:component:accept.
            QString namespaceUri =
                scanned.namespaceUri.isNull() ? componentNamespace() : sharedNamespace(scanned.namespaceUri);
            m_topLevelEnd += scanned.end;
            ++m_stanzasDelivered;
            Q_EMIT stanzaReceived(Stanza::fromScan(Direction::Received, m_chunkTimestampMs, std::move(wire),
                                                   std::move(name), std::move(namespaceUri),
                                                   scanned.attributes));
            if (m_closed || hasFailed() || m_mode != Mode::Scanner)
                return;
            break;
        }
        case StanzaScanner::Outcome::Incomplete:
            if (scanned.start == rest.size())
                return; // only whitespace so far
            if (rest.size() <= maxIncompleteScanBytes && ++m_incompleteScans <= maxIncompleteScans)
                return;
            resumeWithReader();
            return;
        case StanzaScanner::Outcome::Unsure:
            resumeWithReader();
            return;
        }
    }
}

void StreamParser::resumeWithReader()
{
    m_mode = Mode::Reader;
    m_incompleteScans = 0;
    m_reader.clear();
    m_reader.setNamespaceProcessing(true);
    // The header again, and a line break of our own so that the reader's lines can be mapped back.
    m_reader.addData(m_headerWire + '\n');
    while (!m_reader.atEnd() && m_reader.readNext() != QXmlStreamReader::StartElement) {
    }
    Q_ASSERT(m_reader.characterOffset() == QString::fromUtf8(m_headerWire).size());
    m_cursorChars = m_reader.characterOffset() + 1;
    m_cursorBytes = m_topLevelEnd;
    m_position.startReaderAt(QByteArrayView(m_buffer).first(m_topLevelEnd - m_bufferStart),
                             m_headerWire.count('\n') + 2);
    // The scanner's bytes were not checked by MarkupGuard: from this top-level boundary on they are, and
    // the reader gets those before the first refused one (feed() reports it).
    m_markup.reset();
    QByteArrayView rest = QByteArrayView(m_buffer).sliced(m_topLevelEnd - m_bufferStart);
    if (const qsizetype bad = m_markup.check(rest, m_limits.maxAttributes, &m_deferredMarkupError);
        bad >= 0) {
        // As if the bytes had ended there, as they do when feed() finds the refused byte itself.
        m_buffer.truncate(m_topLevelEnd - m_bufferStart + bad);
        m_bytesFed = m_bufferStart + m_buffer.size();
        rest = QByteArrayView(m_buffer).sliced(m_topLevelEnd - m_bufferStart);
    }
    feedReader(rest);
}

std::pair<qint64, qint64> StreamParser::readerPosition() const
{
    return m_position.inStream(m_reader.lineNumber(), m_reader.columnNumber());
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
                return fail(violation("unsupported-encoding",
                                      QT_TR_NOOP("the stream declares encoding '%1'; XMPP is UTF-8 only"),
                                      encoding));
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
                return fail(violation("bad-format", QT_TR_NOOP("text outside any stanza: \"%1\""),
                                      m_reader.text().left(40)));
            break;
        case QXmlStreamReader::Comment:
            return fail(violation("restricted-xml", QT_TR_NOOP("the stream contains an XML comment")));
        case QXmlStreamReader::ProcessingInstruction:
            return fail(violation("restricted-xml",
                                  QT_TR_NOOP("the stream contains a processing instruction <?%1?>"),
                                  m_reader.processingInstructionTarget()));
        case QXmlStreamReader::DTD:
            return fail(violation("restricted-xml", QT_TR_NOOP("the stream contains a DTD (<!DOCTYPE>)")));
        case QXmlStreamReader::EntityReference:
            return fail(violation("restricted-xml", QT_TR_NOOP("the stream references the entity &%1;"),
                                  m_reader.name()));
        case QXmlStreamReader::Invalid: {
            if (m_reader.error() == QXmlStreamReader::PrematureEndOfDocumentError)
                return; // wait for more bytes
            if (m_depth == 1) {
                // Between stanzas, text is wrong from its first character; fed in small pieces the
                // reader reports that text before it finds what else is wrong further on.
                const QByteArrayView rest = QByteArrayView(m_buffer).sliced(m_topLevelEnd - m_bufferStart);
                const qsizetype text =
                    std::find_if_not(rest.cbegin(), rest.cend(), isXmlWhitespace) - rest.cbegin();
                if (text < rest.size() && rest.at(text) != '<')
                    return fail(violation("bad-format", QT_TR_NOOP("text outside any stanza: \"%1\""),
                                          QString::fromUtf8(rest.sliced(text).first(
                                              std::min<qsizetype>(rest.size() - text, 40)))));
            }
            const auto [line, column] = readerPosition();
            StreamError error =
                m_reader.errorString().contains(u"Entity")
                    ? violation("restricted-xml",
                                QT_TR_NOOP(
                                    "%1 (XML streams allow only the entities &lt; &gt; &amp; &quot; &apos;)"),
                                m_reader.errorString())
                    : violation("not-well-formed", QT_TR_NOOP("%1 (line %2, column %3)"),
                                m_reader.errorString(), line, column);
            error.line = line;
            error.column = column;
            return fail(std::move(error));
        }
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
                return fail(violation("not-well-formed",
                                      QT_TR_NOOP("<%1> declares the namespace prefix '%2' twice"),
                                      m_reader.qualifiedName(), declarations[i].prefix()));
        }
    }
    if (m_depth == 0) {
        if (name != u"stream")
            return fail(violation("bad-format",
                                  QT_TR_NOOP("the stream starts with <%1>, not <stream:stream>"),
                                  m_reader.qualifiedName()));
        if (namespaceUri != ns::stream)
            return fail(violation("invalid-namespace", QT_TR_NOOP("the stream header has namespace '%1'"),
                                  namespaceUri));
        const auto defaultDeclaration =
            std::find_if(declarations.cbegin(), declarations.cend(),
                         [](const auto &declaration) { return declaration.prefix().isEmpty(); });
        const QStringView defaultNamespace =
            defaultDeclaration == declarations.cend() ? QStringView() : defaultDeclaration->namespaceUri();
        // The most common mistake of all: the port in the profile is the server's client or server port.
        if (defaultNamespace == u"jabber:client")
            return fail(
                violation("invalid-namespace",
                          QT_TR_NOOP("the server opened a client stream (jabber:client): this is its client "
                                     "(c2s) port, not the component port (Prosody and ejabberd use 5347 by "
                                     "default, Openfire 5275)")));
        if (defaultNamespace == u"jabber:server")
            return fail(violation(
                "invalid-namespace",
                QT_TR_NOOP("the server opened a server-to-server stream (jabber:server): this is its "
                           "s2s port, not the component port (Prosody and ejabberd use 5347 by "
                           "default, Openfire 5275)")));
        if (defaultNamespace != ns::component)
            return fail(
                violation("invalid-namespace",
                          QT_TR_NOOP("the stream's default namespace is '%1', not jabber:component:accept"),
                          defaultNamespace));
        const auto attributes = m_reader.attributes();
        StreamHeader header;
        header.id = attributeValue(attributes, u"id").toString();
        header.from = attributeValue(attributes, u"from").toString();
        header.to = attributeValue(attributes, u"to").toString();
        header.version = attributeValue(attributes, u"version").toString();
        m_topLevelEnd = byteOffsetAt(m_reader.characterOffset());
        header.wire = m_buffer.left(m_topLevelEnd - m_bufferStart);
        m_headerWire = header.wire;
        m_headerReceived = true;
        m_depth = 1;
        Q_EMIT streamOpened(header);
        return;
    }
    if (m_depth == 1) {
        if (name == u"stream" && namespaceUri == ns::stream)
            return fail(
                violation("bad-format", QT_TR_NOOP("a second stream header arrived inside the open stream")));
        m_stanzaStart = m_topLevelEnd;
        m_stanzaName = sharedName(name);
        m_stanzaNamespace = sharedNamespace(namespaceUri);
        m_stanzaAttributes = m_reader.attributes();
    }
    ++m_depth;
    if (m_depth - 1 > m_limits.maxDepth)
        fail(violation("policy-violation", QT_TR_NOOP("elements nested deeper than %1 levels"),
                       m_limits.maxDepth));
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
        return fail(violation("policy-violation", QT_TR_NOOP("a stanza of %1 bytes, over the %2-byte limit"),
                              size, m_limits.maxStanzaBytes));
    QByteArray wire(m_buffer.constData() + start, end - m_bufferStart - start);
    m_topLevelEnd = end;
    m_stanzaStart = -1;
    ++m_stanzasDelivered;
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
    m_position.consume(QByteArrayView(m_buffer).first(consumed));
    m_buffer.remove(0, consumed);
    m_bufferStart = m_topLevelEnd;
}

void StreamParser::fail(StreamError error)
{
    error.text = xmlSafe(error.text);
    error.localizedText = xmlSafe(error.localizedText);
    m_error = std::move(error);
    Q_EMIT failed(m_error);
}

} // namespace xcm
