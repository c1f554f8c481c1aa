// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "streamparser.h"
#include "utf8validator.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>

#include <tuple>

namespace xcm::cli {

// The --send input: a file or standard input holding stanzas, split by the same parser as the server's
// stream. On top of what a stream may carry it takes what people write into a file: a byte order mark,
// XML declarations (at the start, or of each file in a `cat a.xml b.xml`) and comments, none of which is
// sent. It refuses DTDs, entities, processing instructions and text between stanzas, and every error
// names the line and column in the user's own input ("stanzas.xml:3:7: …").
class SendInput : public QObject
{
    Q_OBJECT
public:
    // `name` is how errors refer to the input: the file name, or "standard input".
    SendInput(QString name, qint64 maxStanzaBytes, QObject *parent = nullptr);
    ~SendInput() override;

    void feed(QByteArrayView bytes);
    // The input has ended: a stanza left open, or an input without any stanza, is an error.
    void finish();

    const QString &name() const { return m_name; }
    bool hasFailed() const { return m_failed; }
    int stanzaCount() const { return m_stanzaCount; }

Q_SIGNALS:
    // One complete stanza without its comments, and where it starts ("stanzas.xml:3:1").
    void stanzaReady(const QByteArray &wire, const QString &location);
    // The first problem, as one line that begins with its location; no stanza follows it.
    void failed(const QString &message);

private:
    // Line from 1, column from 0 in UTF-16 units: QXmlStreamReader's own counting, in which "\r\n" and
    // a lone '\r' end a line too.
    struct Position
    {
        qint64 line = 1;
        qint64 column = 0;
        bool afterCarriageReturn = false;
        auto operator<=>(const Position &other) const
        {
            return std::tie(line, column) <=> std::tie(other.line, other.column);
        }
        bool operator==(const Position &other) const { return line == other.line && column == other.column; }
        void advance(char byte);
    };
    // Where removed bytes (a comment, a declaration) ended: the next byte sent to the parser is at
    // `filtered` there and at `original` in the user's input.
    struct Removal
    {
        Position filtered;
        Position original;
    };
    struct StanzaBounds
    {
        Position start;       // of its '<', in the user's input
        Position filteredEnd; // just past its last '>', in what the parser saw
    };
    enum class Lex : quint8
    {
        Text,
        Open,      // after '<'
        Bang,      // after "<!"
        BangDash,  // after "<!-"
        CdataOpen, // after "<![", matching "CDATA["
        Cdata,     // in a CDATA section
        Comment,   // in a comment, until "-->"
        Pi,        // in a processing instruction or XML declaration, until "?>"
        StartTag,  // in a start tag
        EndTag,    // in an end tag
        Quoted,    // in an attribute value
        Entity,    // after '&', until ';'
        Stray,     // text between stanzas, read on a little for the error message
        Dtd,       // after "<!" and a letter, read on to the keyword for the error message
    };

    void lex(QByteArrayView bytes);
    void lexByte(char byte, const Position &at);
    void emitByte(char byte);
    void emitHeld();
    void endStanza();
    void endPi();
    void checkEntity();
    void refuseSample();
    void fail(const Position &at, const QString &problem);
    void onStanza(const Stanza &stanza);
    void onParserFailed(const StreamError &error);
    Position originalOf(const Position &filtered) const;
    QString location(const Position &at) const;
    void flushToParser();

    QString m_name;
    StreamParser m_parser;
    Utf8Validator m_utf8;
    QByteArray m_out;            // lexed bytes on their way to the parser
    qsizetype m_outComplete = 0; // how much of m_out ends with a complete stanza
    qint64 m_bytesSeen = 0;
    QByteArray m_held; // "<", "<!", "<!-", "<![CD…": not yet known to be sent or dropped
    QByteArray m_pi;   // the processing instruction being read
    QByteArray m_entity;
    QByteArray m_sample; // of what is refused, for the message: the same however the input is cut
    Position m_sampleStart;
    Lex m_state = Lex::Text;
    Lex m_entityReturn = Lex::Text;
    char m_quote = 0;
    bool m_slashBeforeEnd = false; // the tag so far ends in '/': "<presence/>" opens nothing
    int m_run = 0;                 // '-' ending a comment so far, or ']' ending a CDATA section
    int m_depth = 0;
    bool m_atStart = true; // nothing but a byte order mark read yet
    int m_bomMatched = 0;
    Position m_original;       // of the next input byte
    Position m_characterStart; // of the last character begun (its first byte)
    Position m_filtered;       // of the next byte the parser gets, counted from its line 2
    Position m_markupStart;    // of the '<' or '&' being read
    QList<Removal> m_removals;
    QList<StanzaBounds> m_stanzas; // lexed but not yet completed by the parser
    int m_stanzaCount = 0;
    bool m_failed = false;
};

} // namespace xcm::cli
