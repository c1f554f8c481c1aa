// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace xcm {

struct LogColors;

// Colours XML in a QTextDocument: punctuation, tag names, attribute names, values, entity references
// and text. A tag or value may span lines (raw stanzas can contain line breaks anywhere).
class XmlHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT
public:
    explicit XmlHighlighter(QTextDocument *document);
    ~XmlHighlighter() override;

    // Re-colours the document: call when the palette changes.
    void setColors(const LogColors &colors);

    enum class Token
    {
        Punctuation,
        Tag,
        Attribute,
        Value,
        Entity,
        Text
    };
    QTextCharFormat tokenFormat(Token token) const;

    // Longer lines are left plain (the stanza log's detail pane breaks its lines well below this).
    static constexpr int maxHighlightedLineLength = 20'000;

protected:
    void highlightBlock(const QString &text) override;

private:
    enum State
    {
        InText,
        InTag,
        InSingleQuoted,
        InDoubleQuoted,
        InCData
    };

    void formatWithEntities(const QString &text, int start, int end, const QTextCharFormat &format);

    QTextCharFormat m_punctuation;
    QTextCharFormat m_tag;
    QTextCharFormat m_attribute;
    QTextCharFormat m_value;
    QTextCharFormat m_entity;
    QTextCharFormat m_text;
};

} // namespace xcm
