// SPDX-License-Identifier: GPL-3.0-or-later
#include "stanzascanner.h"

#include "bytescan.h"

#include <QVarLengthArray>

#include <array>
#include <cstring>
#include <string_view>

namespace xcm {

namespace {

enum ByteClass : quint8
{
    NameStart = 1,
    NameChar = 2,
    Space = 4,
    TextStop = 8,  // a byte in character data that needs a look
    ValueStop = 16 // the same in an attribute value
};

constexpr std::array<quint8, 256> makeByteClasses()
{
    std::array<quint8, 256> classes{};
    for (int byte = 0; byte < 256; ++byte) {
        quint8 flags = 0;
        if ((byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z') || byte == '_')
            flags |= NameStart | NameChar;
        if ((byte >= '0' && byte <= '9') || byte == '-' || byte == '.')
            flags |= NameChar;
        const bool space = byte == ' ' || byte == '\t' || byte == '\n' || byte == '\r';
        if (space)
            flags |= Space;
        // Control characters XML forbids, markup, entities, and 0xEF (U+FFFE and U+FFFF start with it).
        if ((byte < 0x20 && !space) || byte == '<' || byte == '&' || byte == 0xEF)
            flags |= TextStop | ValueStop;
        if (byte == ']') // "]]>" may not appear in text
            flags |= TextStop;
        if (byte == '\'' || byte == '"')
            flags |= ValueStop;
        classes[size_t(byte)] = flags;
    }
    return classes;
}

constexpr std::array<quint8, 256> byteClasses = makeByteClasses();

constexpr QByteArrayView xmlNamespace = "http://www.w3.org/XML/1998/namespace";
constexpr QByteArrayView xmlnsNamespace = "http://www.w3.org/2000/xmlns/";

// Past bytes that certainly need no look in text or an attribute value: all but `a`…`d`, control
// characters (tab, line feed and carriage return included: the caller looks again) and 0xEF. Sixteen
// at a time where SSE2 is there (text and values are most of a stanza's bytes); the caller's byte loop
// finishes the last few.
const uchar *skipPlain(const uchar *p, const uchar *end, char a, char b, char c, char d)
{
    return bytescan::skipWhileNone<bytescan::Controls>(p, end, a, b, c, d, char(0xEF));
}

enum class Step : quint8
{
    Ok,
    More, // the bytes ended first
    Unsure
};

struct Entity
{
    std::string_view name; // after the '&'
    char character;
};

constexpr Entity predefinedEntities[] = {
    {"lt;", '<'}, {"gt;", '>'}, {"amp;", '&'}, {"quot;", '"'}, {"apos;", '\''},
};

class Cursor
{
public:
    Cursor(const uchar *begin, const uchar *end)
        : p(begin)
        , end(end)
    {}

    const uchar *p;
    const uchar *const end;

    void skipSpace()
    {
        while (p != end && (byteClasses[*p] & Space))
            ++p;
    }

    // An ASCII name; a colon after it is the caller's business.
    Step name(QByteArrayView *name)
    {
        const uchar *const from = p;
        if (p == end)
            return Step::More;
        if (!(byteClasses[*p] & NameStart))
            return Step::Unsure;
        ++p;
        while (p != end && (byteClasses[*p] & NameChar))
            ++p;
        if (p == end)
            return Step::More;
        *name = QByteArrayView(from, p - from);
        return Step::Ok;
    }

    // After '&': one of the five predefined entities (a character reference is left to the reader).
    Step entity(char *character)
    {
        const auto left = size_t(end - p);
        for (const Entity &entity : predefinedEntities) {
            const size_t compared = std::min(left, entity.name.size());
            if (std::memcmp(p, entity.name.data(), compared) != 0)
                continue;
            if (compared < entity.name.size())
                return Step::More;
            p += compared;
            *character = entity.character;
            return Step::Ok;
        }
        return Step::Unsure;
    }

    // At 0xEF: U+FFFE and U+FFFF (EF BF BE, EF BF BF) are not XML characters. The bytes are valid
    // UTF-8 (checked before), so a three-byte character starts here.
    Step character()
    {
        if (end - p < 3)
            return Step::More;
        if (p[1] == 0xBF && (p[2] == 0xBE || p[2] == 0xBF))
            return Step::Unsure;
        p += 3;
        return Step::Ok;
    }

    // The next byte of `stop` class from p on, or end.
    void skipTo(ByteClass stop, char a, char b, char c, char d)
    {
        for (;;) {
            p = skipPlain(p, end, a, b, c, d);
            if (end - p < 16) {
                while (p != end && !(byteClasses[*p] & stop))
                    ++p;
                return;
            }
            if (byteClasses[*p] & stop)
                return;
            ++p; // a tab, line feed or carriage return: plain after all
        }
    }

    // Character data up to the next '<'.
    Step text()
    {
        for (;;) {
            skipTo(TextStop, '<', '&', ']', ']');
            if (p == end)
                return Step::More;
            Step step = Step::Ok;
            char ignored = 0;
            switch (*p) {
            case '<':
                return Step::Ok;
            case '&':
                ++p;
                step = entity(&ignored);
                break;
            case ']':
                if (end - p < 3)
                    return Step::More;
                if (p[1] == ']' && p[2] == '>')
                    return Step::Unsure;
                ++p;
                break;
            case 0xEF:
                step = character();
                break;
            default: // a control character
                return Step::Unsure;
            }
            if (step != Step::Ok)
                return step;
        }
    }

    // After the opening quote: the value up to the closing one, which is passed.
    Step value(uchar quote, QByteArrayView *raw)
    {
        const uchar *const from = p;
        for (;;) {
            skipTo(ValueStop, '<', '&', '\'', '"');
            if (p == end)
                return Step::More;
            Step step = Step::Ok;
            char ignored = 0;
            if (*p == quote) {
                *raw = QByteArrayView(from, p - from);
                ++p;
                return Step::Ok;
            }
            switch (*p) {
            case '\'':
            case '"':
                ++p;
                break;
            case '&':
                ++p;
                step = entity(&ignored);
                break;
            case 0xEF:
                step = character();
                break;
            default: // '<' or a control character
                return Step::Unsure;
            }
            if (step != Step::Ok)
                return step;
        }
    }
};

} // namespace

QString StanzaScanner::decodedValue(QByteArrayView raw)
{
    const auto special = [](char c) { return c == '&' || c == '\t' || c == '\n'; };
    if (std::none_of(raw.begin(), raw.end(), special))
        return QString::fromUtf8(raw);
    QByteArray decoded;
    decoded.reserve(raw.size());
    Cursor cursor(reinterpret_cast<const uchar *>(raw.data()), reinterpret_cast<const uchar *>(raw.end()));
    while (cursor.p != cursor.end) {
        const char c = char(*cursor.p++);
        if (c == '&') {
            char character = 0;
            cursor.entity(&character); // checked while scanning
            decoded += character;
        } else {
            decoded += c == '\t' || c == '\n' ? ' ' : c;
        }
    }
    return QString::fromUtf8(decoded);
}

StanzaScanner::Result StanzaScanner::scan(QByteArrayView bytes, const Limits &limits)
{
    const auto *const begin = reinterpret_cast<const uchar *>(bytes.data());
    Cursor cursor(begin, begin + bytes.size());
    Result result;
    cursor.skipSpace();
    result.start = cursor.p - begin;
    if (cursor.p == cursor.end) {
        result.outcome = Outcome::Incomplete;
        result.end = result.start;
        return result;
    }
    if (*cursor.p != '<')
        return result; // text between stanzas: the reader words that error
    const char *const start = reinterpret_cast<const char *>(cursor.p);
    const auto stop = [&result](Step step) -> Result {
        result.outcome = step == Step::More ? Outcome::Incomplete : Outcome::Unsure;
        return std::move(result);
    };
    const auto complete = [&]() -> Result {
        result.end = cursor.p - begin;
        result.outcome = result.end - result.start > limits.maxBytes ? Outcome::Unsure : Outcome::Complete;
        return std::move(result);
    };
    QVarLengthArray<QByteArrayView, 16> open;      // the elements entered and not yet left
    QVarLengthArray<QByteArrayView, 8> attributes; // of the tag being read, to refuse a repeated one
    for (;;) {
        ++cursor.p; // past '<'
        if (cursor.p == cursor.end)
            return stop(Step::More);
        QByteArrayView name;
        if (*cursor.p == '/') {
            ++cursor.p;
            if (const Step step = cursor.name(&name); step != Step::Ok)
                return stop(step);
            if (open.isEmpty() || name != open.back()) // the stream's close comes here too
                return stop(Step::Unsure);
            cursor.skipSpace();
            if (cursor.p == cursor.end)
                return stop(Step::More);
            if (*cursor.p != '>')
                return stop(Step::Unsure);
            ++cursor.p;
            open.pop_back();
            if (open.isEmpty())
                return complete();
        } else {
            if (const Step step = cursor.name(&name); step != Step::Ok)
                return stop(step);
            const bool top = open.isEmpty();
            if (top)
                result.name = name;
            // The reader counts an empty element's depth too.
            if (open.size() + 1 > limits.maxDepth)
                return stop(Step::Unsure);
            attributes.clear();
            bool empty = false;
            for (;;) {
                const uchar *const beforeSpace = cursor.p;
                cursor.skipSpace();
                if (cursor.p == cursor.end)
                    return stop(Step::More);
                if (*cursor.p == '>') {
                    ++cursor.p;
                    break;
                }
                if (*cursor.p == '/') {
                    if (++cursor.p == cursor.end)
                        return stop(Step::More);
                    if (*cursor.p != '>')
                        return stop(Step::Unsure);
                    ++cursor.p;
                    empty = true;
                    break;
                }
                // Attributes are apart from the name and from each other (and a prefixed element name
                // ends up here too).
                if (cursor.p == beforeSpace)
                    return stop(Step::Unsure);
                QByteArrayView attribute;
                if (const Step step = cursor.name(&attribute); step != Step::Ok)
                    return stop(step);
                if (*cursor.p == ':') {
                    if (attribute != "xml") // any other prefix needs the reader's namespace scopes
                        return stop(Step::Unsure);
                    ++cursor.p;
                    QByteArrayView local;
                    if (const Step step = cursor.name(&local); step != Step::Ok)
                        return stop(step);
                    attribute = QByteArrayView(attribute.data(), local.end() - attribute.data());
                }
                if (attributes.size() >= limits.maxAttributes ||
                    std::find(attributes.cbegin(), attributes.cend(), attribute) != attributes.cend())
                    return stop(Step::Unsure);
                attributes.append(attribute);
                cursor.skipSpace();
                if (cursor.p == cursor.end)
                    return stop(Step::More);
                if (*cursor.p != '=')
                    return stop(Step::Unsure);
                ++cursor.p;
                cursor.skipSpace();
                if (cursor.p == cursor.end)
                    return stop(Step::More);
                if (*cursor.p != '\'' && *cursor.p != '"')
                    return stop(Step::Unsure);
                const uchar quote = *cursor.p++;
                QByteArrayView raw;
                if (const Step step = cursor.value(quote, &raw); step != Step::Ok)
                    return stop(step);
                if (attribute == "xmlns") {
                    // Kept as written: one the reader would decode or normalise is left to it.
                    const bool verbatim = std::none_of(raw.begin(), raw.end(), [](char c) {
                        return c == '&' || c == '\t' || c == '\n' || c == '\r';
                    });
                    if (raw.isEmpty() || !verbatim || raw == xmlNamespace || raw == xmlnsNamespace)
                        return stop(Step::Unsure);
                    if (top)
                        result.namespaceUri = QString::fromUtf8(raw);
                } else if (top) {
                    if (raw.contains('\r')) // CR LF makes one space: the reader's business
                        return stop(Step::Unsure);
                    const auto offset = [&](QByteArrayView part) { return quint32(part.data() - start); };
                    result.attributes.append(
                        {offset(attribute), quint32(attribute.size()), offset(raw), quint32(raw.size())});
                }
            }
            if (empty) {
                if (top)
                    return complete();
            } else {
                open.append(name);
            }
        }
        if (const Step step = cursor.text(); step != Step::Ok)
            return stop(step);
    }
}

} // namespace xcm
