// SPDX-License-Identifier: GPL-3.0-or-later
#include "xmlhighlighter.h"

#include "logcolors.h"

#include <QGuiApplication>

namespace xcm {

namespace {

bool isNameChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'-' || c == u'_' || c == u'.' || c == u':';
}

} // namespace

XmlHighlighter::XmlHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document)
{
    setColors(LogColors::forPalette(QGuiApplication::palette()));
}

XmlHighlighter::~XmlHighlighter() = default;

void XmlHighlighter::setColors(const LogColors &colors)
{
    m_punctuation.setForeground(colors.xmlPunctuation);
    m_tag.setForeground(colors.xmlTag);
    m_attribute.setForeground(colors.xmlAttribute);
    m_value.setForeground(colors.xmlValue);
    m_entity.setForeground(colors.xmlEntity);
    m_text.setForeground(colors.xmlText);
    rehighlight();
}

QTextCharFormat XmlHighlighter::tokenFormat(Token token) const
{
    switch (token) {
    case Token::Punctuation:
        return m_punctuation;
    case Token::Tag:
        return m_tag;
    case Token::Attribute:
        return m_attribute;
    case Token::Value:
        return m_value;
    case Token::Entity:
        return m_entity;
    case Token::Text:
        break;
    }
    return m_text;
}

void XmlHighlighter::formatWithEntities(const QString &text, int start, int end,
                                        const QTextCharFormat &format)
{
    setFormat(start, end - start, format);
    // Searches stay within [start, end): a search to the end of a long line for every value and text
    // made a 500 KB line of small elements quadratic (seconds).
    const QStringView range = QStringView(text).sliced(start, end - start);
    for (qsizetype amp = range.indexOf(u'&'); amp >= 0; amp = range.indexOf(u'&', amp + 1)) {
        const qsizetype semicolon = range.sliced(amp, qMin<qsizetype>(11, range.size() - amp)).indexOf(u';');
        if (semicolon < 0)
            continue;
        setFormat(start + int(amp), int(semicolon) + 1, m_entity);
    }
}

void XmlHighlighter::highlightBlock(const QString &text)
{
    int state = previousBlockState() < 0 ? InText : previousBlockState();
    // Thousands of format ranges on one line cost Qt's layout more than the colours are worth (a pasted
    // 500 KB stanza of small elements took seconds): such a line stays plain.
    if (text.size() > maxHighlightedLineLength) {
        setCurrentBlockState(state);
        return;
    }
    const int n = int(text.size());
    int i = 0;
    while (i < n) {
        switch (state) {
        case InText: {
            const int open = int(text.indexOf(u'<', i));
            const int end = open < 0 ? n : open;
            formatWithEntities(text, i, end, m_text);
            if (open < 0) {
                i = n;
                break;
            }
            if (QStringView(text).sliced(open).startsWith(u"<![CDATA[")) {
                setFormat(open, 9, m_punctuation);
                i = open + 9;
                state = InCData;
                break;
            }
            int name = open + 1;
            if (name < n && (text.at(name) == u'/' || text.at(name) == u'?'))
                ++name;
            setFormat(open, name - open, m_punctuation);
            int nameEnd = name;
            while (nameEnd < n && isNameChar(text.at(nameEnd)))
                ++nameEnd;
            setFormat(name, nameEnd - name, m_tag);
            i = nameEnd;
            state = InTag;
            break;
        }
        case InTag: {
            const QChar c = text.at(i);
            if (c == u'>') {
                setFormat(i, 1, m_punctuation);
                ++i;
                state = InText;
            } else if ((c == u'/' || c == u'?') && i + 1 < n && text.at(i + 1) == u'>') {
                setFormat(i, 2, m_punctuation);
                i += 2;
                state = InText;
            } else if (c == u'\'' || c == u'"') {
                setFormat(i, 1, m_value);
                ++i;
                state = c == u'\'' ? InSingleQuoted : InDoubleQuoted;
            } else if (c == u'=') {
                setFormat(i, 1, m_punctuation);
                ++i;
            } else if (isNameChar(c)) {
                int end = i;
                while (end < n && isNameChar(text.at(end)))
                    ++end;
                setFormat(i, end - i, m_attribute);
                i = end;
            } else {
                ++i;
            }
            break;
        }
        case InSingleQuoted:
        case InDoubleQuoted: {
            const int close = int(text.indexOf(state == InSingleQuoted ? u'\'' : u'"', i));
            const int end = close < 0 ? n : close + 1;
            formatWithEntities(text, i, end, m_value);
            i = end;
            if (close >= 0)
                state = InTag;
            break;
        }
        case InCData: {
            const int close = int(text.indexOf(u"]]>", i));
            setFormat(i, (close < 0 ? n : close) - i, m_text);
            if (close < 0) {
                i = n;
            } else {
                setFormat(close, 3, m_punctuation);
                i = close + 3;
                state = InText;
            }
            break;
        }
        }
    }
    setCurrentBlockState(state);
}

} // namespace xcm
