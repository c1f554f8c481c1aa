// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "markupguard.h"
#include "stanza.h"
#include "stanzascanner.h"
#include "streamerror.h"
#include "streamposition.h"
#include "utf8validator.h"

#include <QObject>
#include <QXmlStreamReader>

namespace xcm {

// The attributes of the peer's <stream:stream> header.
struct StreamHeader
{
    QString id;
    QString from;
    QString to;
    QString version;
    QByteArray wire;
};

// Incremental parser for one inbound XMPP stream. Feed it bytes as they arrive; it reports the header,
// every top-level element with its exact bytes, the close, or the first violation as the stream error
// to send. After a violation or the close it ignores further input.
class StreamParser : public QObject
{
    Q_OBJECT
public:
    struct Limits
    {
        qint64 maxStanzaBytes = 512 * 1024; // Prosody's component limit
        int maxDepth = 100;                 // element nesting inside a stanza
        // Per element, namespace declarations included: QXmlStreamReader checks for duplicates in
        // quadratic time (50,000 attributes in one 490 KB stanza took 28 s).
        int maxAttributes = 100;
    };

    explicit StreamParser(QObject *parent = nullptr);
    ~StreamParser() override;

    void setLimits(const Limits &limits) { m_limits = limits; }
    const Limits &limits() const { return m_limits; }
    // Plain stanzas skip QXmlStreamReader (StanzaScanner) unless this is off: for checks that compare
    // the two ways. On by default.
    void setScannerEnabled(bool enabled) { m_scannerEnabled = enabled; }
    // Start over for a new stream (a reconnect).
    void reset();
    void feed(QByteArrayView bytes);

    bool headerReceived() const { return m_headerReceived; }
    bool isClosed() const { return m_closed; }
    bool hasFailed() const { return !m_error.isNull(); }
    const StreamError &error() const { return m_error; }
    // Bytes of an element still being received (0 between stanzas): tells "dropped mid-stanza".
    qint64 pendingBytes() const;
    // Stanzas delivered since the parser was made (over every reset): tells a caller whether a feed()
    // finished one, without a receiver of its own on every stanza.
    quint64 stanzasDelivered() const { return m_stanzasDelivered; }

Q_SIGNALS:
    void streamOpened(const xcm::StreamHeader &header);
    void stanzaReceived(const xcm::Stanza &stanza);
    void streamClosed();
    void failed(const xcm::StreamError &error);

private:
    // `bytes` are valid UTF-8, and checked by m_markup unless the scanner reads them.
    void parse(QByteArrayView bytes);
    void feedReader(QByteArrayView bytes);
    // Between stanzas, the scanner's way: plain stanzas are delivered until one needs the reader.
    void scanStanzas();
    // A fresh reader that knows the header's namespaces reads on from the end of the last stanza.
    void resumeWithReader();
    // Where the reader is, as line and column of the whole stream (it may have started mid-stream).
    std::pair<qint64, qint64> readerPosition() const;
    void processTokens();
    void handleStartElement();
    void handleEndElement();
    // An error of the parser's own: `source` is a QT_TR_NOOP literal (see StreamError::make).
    template<typename... Arguments>
    static StreamError violation(const char *condition, const char *source, const Arguments &...arguments)
    {
        return StreamError::make(QString::fromLatin1(condition), staticMetaObject.className(), source,
                                 arguments...);
    }
    void fail(StreamError error);
    qint64 byteOffsetAt(qint64 characterOffset);
    void discardConsumedBytes();

    Limits m_limits;
    enum class Mode : quint8
    {
        Reader,
        Scanner
    };
    Mode m_mode = Mode::Reader;
    bool m_scannerEnabled = true;
    int m_incompleteScans = 0; // times the same unfinished stanza was scanned from its start
    QByteArray m_headerWire;
    QXmlStreamReader m_reader;
    StreamPosition m_position; // the stream's line and column at m_bufferStart, and the reader's start
    Utf8Validator m_utf8;
    // Bytes not yet handed out as stanzas; m_bufferStart is the stream offset of m_buffer[0].
    QByteArray m_buffer;
    qint64 m_bufferStart = 0;
    qint64 m_bytesFed = 0;
    quint64 m_stanzasDelivered = 0;
    // Walking cursor that maps the reader's character offsets (UTF-16 units) to stream bytes.
    qint64 m_cursorChars = 0;
    qint64 m_cursorBytes = 0;
    qint64 m_chunkTimestampMs = 0; // when the bytes being parsed were fed
    qint64 m_topLevelEnd = 0;      // stream byte offset just past the last complete top-level token
    qint64 m_stanzaStart = -1;
    int m_depth = 0;
    QString m_stanzaName;
    QString m_stanzaNamespace;
    QXmlStreamAttributes m_stanzaAttributes;
    MarkupGuard m_markup;
    StreamError m_deferredMarkupError; // what m_markup refused when the scanner handed over
    StreamError m_error;
    bool m_headerReceived = false;
    bool m_closed = false;
};

} // namespace xcm

Q_DECLARE_METATYPE(xcm::StreamHeader)
Q_DECLARE_METATYPE(xcm::StreamError)
