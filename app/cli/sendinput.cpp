// SPDX-License-Identifier: GPL-3.0-or-later
#include "sendinput.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace xcm::cli {

namespace {

// The parser sees the user's input inside this header, on the lines after it: its own line numbers,
// less one, are the user's, and its columns need no correction.
constexpr char inputHeader[] = "<stream:stream xmlns='jabber:component:accept' "
                               "xmlns:stream='http://etherx.jabber.org/streams' id='input'>\n";
constexpr char byteOrderMark[] = "\xEF\xBB\xBF";
constexpr qsizetype maxPiBytes = 1024;

bool isXmlWhitespace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

bool isNameByte(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
           c == '-' || c == '_' || c == ':' || c == '#' || uchar(c) >= 0x80;
}

} // namespace

void SendInput::Position::advance(char byte)
{
    const bool continuesLineEnd = byte == '\n' && afterCarriageReturn;
    afterCarriageReturn = byte == '\r';
    if (continuesLineEnd)
        return;
    if (byte == '\n' || byte == '\r') {
        ++line;
        column = 0;
    } else if ((uchar(byte) & 0xC0) != 0x80) {
        column += uchar(byte) >= 0xF0 ? 2 : 1; // a four-byte character is two UTF-16 units
    }
}

SendInput::SendInput(QString name, qint64 maxStanzaBytes, QObject *parent)
    : QObject(parent)
    , m_name(std::move(name))
{
    m_utf8.setXmlCharactersOnly(true); // a control character is refused at its place in the file
    m_parser.setLimits({maxStanzaBytes, 100});
    connect(&m_parser, &StreamParser::stanzaReceived, this, &SendInput::onStanza);
    connect(&m_parser, &StreamParser::failed, this, &SendInput::onParserFailed);
    m_parser.feed(inputHeader);
}

SendInput::~SendInput() = default;

void SendInput::feed(QByteArrayView bytes)
{
    if (m_failed || bytes.isEmpty())
        return;
    qsizetype good = bytes.size();
    const bool validUtf8 = m_utf8.feed(bytes);
    // A bad character that began in an earlier chunk: its first bytes were lexed already.
    const bool badCharacterLexed = !validUtf8 && m_utf8.errorOffset() < m_bytesSeen;
    if (!validUtf8)
        good = qsizetype(std::max<qint64>(0, m_utf8.errorOffset() - m_bytesSeen));
    m_bytesSeen += bytes.size();
    lex(bytes.first(good));
    if (m_failed)
        return;
    if (!validUtf8) {
        // Where the user's file has it, not where the parser's stream would.
        const Position at = badCharacterLexed ? m_characterStart : m_original;
        if (const qint32 character = m_utf8.forbiddenCharacter(); character >= 0)
            fail(at, u"the character U+%1 is not allowed in XML"_s.arg(
                         QString::number(character, 16).toUpper().rightJustified(4, u'0')));
        else
            fail(at, u"invalid UTF-8 (XMPP is UTF-8 only)"_s);
        return;
    }
    flushToParser();
}

void SendInput::finish()
{
    if (m_failed)
        return;
    switch (m_state) {
    case Lex::Comment:
        return fail(m_markupStart, u"a comment that never ends ('-->' is missing)"_s);
    case Lex::Pi:
        endPi(); // reports it, as unfinished
        return;
    case Lex::Stray:
    case Lex::Dtd:
        return refuseSample();
    case Lex::Open:
    case Lex::Bang:
    case Lex::BangDash:
    case Lex::CdataOpen:
        emitHeld();
        break;
    default:
        break;
    }
    flushToParser();
    if (m_failed)
        return;
    if (m_depth > 0 || m_state != Lex::Text || m_parser.pendingBytes() > 0) {
        const Position start = m_stanzas.isEmpty() ? m_markupStart : m_stanzas.constFirst().start;
        m_failed = true;
        Q_EMIT failed(location(start) +
                      u": the input ends in the middle of the stanza that starts here; it was not sent"_s);
        return;
    }
    if (m_stanzaCount == 0) {
        m_failed = true;
        Q_EMIT failed(m_name + u": no stanza to send"_s);
    }
}

void SendInput::lex(QByteArrayView bytes)
{
    for (qsizetype i = 0; i < bytes.size() && !m_failed; ++i) {
        const char byte = bytes[i];
        if (m_atStart) {
            // A byte order mark is no character of the document: it takes no column, and is not sent.
            if (byte == byteOrderMark[m_bomMatched]) {
                m_atStart = ++m_bomMatched < 3;
                continue;
            }
            m_atStart = false;
            if (m_bomMatched > 0)
                return fail(m_original, u"text outside any stanza (a broken byte order mark)"_s);
        }
        const Position at = m_original;
        if ((uchar(byte) & 0xC0) != 0x80)
            m_characterStart = at;
        m_original.advance(byte);
        lexByte(byte, at);
    }
}

void SendInput::lexByte(char byte, const Position &at)
{
    switch (m_state) {
    case Lex::Text:
        if (byte == '<') {
            m_markupStart = at;
            m_held = "<";
            m_state = Lex::Open;
            return;
        }
        if (m_depth == 0) {
            if (!isXmlWhitespace(byte)) {
                m_sampleStart = at;
                m_sample = QByteArray(1, byte);
                m_state = Lex::Stray;
                return;
            }
        } else if (byte == '&') {
            m_markupStart = at;
            m_entity.clear();
            m_entityReturn = Lex::Text;
            m_state = Lex::Entity;
        }
        emitByte(byte);
        return;
    case Lex::Open:
        if (byte == '!') {
            m_held += byte;
            m_state = Lex::Bang;
            return;
        }
        if (byte == '?') {
            m_held.clear();
            m_pi = "<?";
            m_state = Lex::Pi;
            return;
        }
        if (byte == '/') {
            if (m_depth == 0)
                return fail(m_markupStart, u"an end tag, but no stanza is open"_s);
            emitHeld();
            emitByte(byte);
            m_state = Lex::EndTag;
            return;
        }
        if (m_depth == 0)
            m_stanzas.append({m_markupStart, {}});
        emitHeld();
        m_slashBeforeEnd = false;
        m_state = Lex::StartTag;
        return lexByte(byte, at);
    case Lex::Bang:
        if (byte == '-') {
            m_held += byte;
            m_state = Lex::BangDash;
            return;
        }
        if (byte == '[') {
            if (m_depth == 0)
                return fail(m_markupStart, u"text outside any stanza (a CDATA section)"_s);
            m_held += byte;
            m_state = Lex::CdataOpen;
            return;
        }
        m_sampleStart = m_markupStart;
        m_sample = QByteArray(1, byte);
        m_state = Lex::Dtd;
        return;
    case Lex::BangDash:
        if (byte != '-')
            return fail(m_markupStart, u"'<!-' must begin a comment: '<!--'"_s);
        m_held.clear();
        m_run = 0;
        m_state = Lex::Comment;
        return;
    case Lex::CdataOpen: {
        static constexpr char cdata[] = "<![CDATA[";
        if (byte != cdata[m_held.size()])
            return fail(m_markupStart, u"'<![' must begin a CDATA section: '<![CDATA['"_s);
        m_held += byte;
        if (m_held.size() == qsizetype(sizeof cdata - 1)) {
            emitHeld();
            m_run = 0;
            m_state = Lex::Cdata;
        }
        return;
    }
    case Lex::Cdata:
        emitByte(byte);
        if (byte == '>' && m_run >= 2) {
            m_state = Lex::Text;
            return;
        }
        m_run = byte == ']' ? m_run + 1 : 0;
        return;
    case Lex::Comment:
        if (byte == '>' && m_run >= 2) {
            m_state = Lex::Text;
            m_removals.append({m_filtered, m_original});
            return;
        }
        m_run = byte == '-' ? m_run + 1 : 0;
        return;
    case Lex::Pi:
        m_pi += byte;
        if ((byte == '>' && m_pi.size() >= 4 && m_pi.endsWith("?>")) || m_pi.size() > maxPiBytes)
            endPi();
        return;
    case Lex::StartTag:
        emitByte(byte);
        if (byte == '\'' || byte == '"') {
            m_quote = byte;
            m_slashBeforeEnd = false;
            m_state = Lex::Quoted;
        } else if (byte == '>') {
            m_state = Lex::Text;
            if (!m_slashBeforeEnd)
                ++m_depth;
            else if (m_depth == 0)
                endStanza();
        } else if (!isXmlWhitespace(byte)) {
            m_slashBeforeEnd = byte == '/';
        }
        return;
    case Lex::EndTag:
        emitByte(byte);
        if (byte == '>') {
            m_state = Lex::Text;
            if (--m_depth == 0)
                endStanza();
        }
        return;
    case Lex::Quoted:
        emitByte(byte);
        if (byte == m_quote) {
            m_state = Lex::StartTag;
        } else if (byte == '&') {
            m_markupStart = at;
            m_entity.clear();
            m_entityReturn = Lex::Quoted;
            m_state = Lex::Entity;
        }
        return;
    case Lex::Stray:
        if (byte == '<' || byte == '\n' || byte == '\r' || m_sample.size() >= 40)
            return refuseSample();
        m_sample += byte;
        return;
    case Lex::Dtd:
        if (!isNameByte(byte) || m_sample.size() >= 16)
            return refuseSample();
        m_sample += byte;
        return;
    case Lex::Entity:
        if (byte == ';') {
            emitByte(byte);
            m_state = m_entityReturn;
            checkEntity();
            return;
        }
        if (isNameByte(byte) && m_entity.size() < 64) {
            m_entity += byte;
            emitByte(byte);
            return;
        }
        // Not a reference after all (a bare '&'): the parser tells what is wrong with it.
        m_state = m_entityReturn;
        return lexByte(byte, at);
    }
}

void SendInput::emitByte(char byte)
{
    m_out.append(byte);
    m_filtered.advance(byte);
}

void SendInput::emitHeld()
{
    for (const char byte : std::as_const(m_held))
        emitByte(byte);
    m_held.clear();
}

void SendInput::endStanza()
{
    if (!m_stanzas.isEmpty())
        m_stanzas.last().filteredEnd = m_filtered;
    m_outComplete = m_out.size();
}

void SendInput::endPi()
{
    const bool complete = m_pi.endsWith("?>") && m_pi.size() >= 4;
    qsizetype end = 2;
    while (end < m_pi.size() && !isXmlWhitespace(m_pi[end]) && m_pi[end] != '?')
        ++end;
    const QString target = QString::fromUtf8(m_pi.sliced(2, end - 2));
    if (target != u"xml")
        return fail(m_markupStart, u"a processing instruction (<?%1 …?>): XMPP allows none"_s.arg(target));
    if (!complete)
        return fail(m_markupStart, u"an XML declaration that does not end ('?>' is missing)"_s);
    if (m_depth > 0)
        return fail(m_markupStart, u"an XML declaration inside a stanza"_s);
    static const QRegularExpression encodingPattern(u"\\sencoding\\s*=\\s*(['\"])([^'\"]*)\\1"_s);
    const QRegularExpressionMatch encoding = encodingPattern.match(QString::fromUtf8(m_pi));
    if (encoding.hasMatch() && encoding.captured(2).compare(u"UTF-8", Qt::CaseInsensitive) != 0)
        return fail(m_markupStart, u"the XML declaration says encoding '%1': XMPP is UTF-8 only"_s.arg(
                                       encoding.captured(2)));
    m_pi.clear();
    m_state = Lex::Text;
    m_removals.append({m_filtered, m_original});
}

void SendInput::checkEntity()
{
    static const QList<QByteArray> predefined{"lt", "gt", "amp", "quot", "apos"};
    if (m_entity.startsWith('#') || predefined.contains(m_entity))
        return;
    fail(m_markupStart,
         u"the entity &%1; is not defined: XMPP allows no DTDs, so only &lt; &gt; &amp; "
         "&quot; &apos; and character references such as &#160; exist"_s.arg(QString::fromUtf8(m_entity)));
}

void SendInput::refuseSample()
{
    // Whole characters only: a sample cut short may end inside one.
    qsizetype size = m_sample.size();
    qsizetype lead = size - 1;
    while (lead > 0 && (uchar(m_sample[lead]) & 0xC0) == 0x80)
        --lead;
    if (lead >= 0) {
        const uchar first = uchar(m_sample[lead]);
        const qsizetype length = first < 0x80 ? 1 : first < 0xE0 ? 2 : first < 0xF0 ? 3 : 4;
        if (lead + length > size)
            size = lead;
    }
    const QString sample = QString::fromUtf8(m_sample.first(size)).trimmed();
    if (m_state == Lex::Dtd)
        return fail(m_sampleStart, u"a DTD or declaration (<!%1…): XMPP allows no DTDs, and so no entities "
                                   "but &lt; &gt; &amp; &quot; &apos;"_s.arg(sample));
    fail(m_sampleStart, u"text outside any stanza: \"%1\""_s.arg(sample));
}

void SendInput::fail(const Position &at, const QString &problem)
{
    if (m_failed)
        return;
    // The stanzas before the problem are still stanzas: the parser gets them, and a problem it finds
    // among them comes first.
    m_parser.feed(QByteArrayView(m_out).first(m_outComplete));
    m_out.clear();
    m_outComplete = 0;
    if (m_failed)
        return;
    m_failed = true;
    Q_EMIT failed(location(at) + u": "_s + problem);
}

void SendInput::flushToParser()
{
    m_parser.feed(m_out);
    m_out.clear();
    m_outComplete = 0;
}

void SendInput::onStanza(const Stanza &stanza)
{
    const StanzaBounds bounds =
        m_stanzas.isEmpty() ? StanzaBounds{m_original, m_filtered} : m_stanzas.takeFirst();
    // Positions before this stanza's end are never asked for again: one removal before it is enough.
    while (m_removals.size() >= 2 && m_removals.at(1).filtered <= bounds.filteredEnd)
        m_removals.removeFirst();
    ++m_stanzaCount;
    Q_EMIT stanzaReady(stanza.wire(), location(bounds.start));
}

void SendInput::onParserFailed(const StreamError &error)
{
    if (m_failed)
        return;
    m_failed = true;
    // The reader's own position, in the lines after the input header: mapped back to the user's input.
    static const QRegularExpression positionPattern(u"^(.*) \\(line (\\d+), column (\\d+)\\)$"_s,
                                                    QRegularExpression::DotMatchesEverythingOption);
    const QRegularExpressionMatch position = positionPattern.match(error.text);
    if (position.hasMatch()) {
        const Position filtered{position.captured(2).toLongLong() - 1, position.captured(3).toLongLong()};
        Q_EMIT failed(location(originalOf(filtered)) + u": "_s + position.captured(1));
        return;
    }
    // Other findings (size, depth, a second stream header) are about the stanza under way.
    const Position start = m_stanzas.isEmpty() ? m_original : m_stanzas.constFirst().start;
    Q_EMIT failed(location(start) + u": "_s + error.text);
}

SendInput::Position SendInput::originalOf(const Position &filtered) const
{
    for (auto removal = m_removals.crbegin(); removal != m_removals.crend(); ++removal) {
        if (removal->filtered > filtered)
            continue;
        if (removal->filtered.line == filtered.line)
            return {removal->original.line,
                    removal->original.column + filtered.column - removal->filtered.column};
        return {filtered.line + removal->original.line - removal->filtered.line, filtered.column};
    }
    return filtered;
}

QString SendInput::location(const Position &at) const
{
    return u"%1:%2:%3"_s.arg(m_name, QString::number(at.line), QString::number(at.column + 1));
}

} // namespace xcm::cli
