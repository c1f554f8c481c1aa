// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayView>
#include <QString>
#include <QVarLengthArray>

namespace xcm {

// The stream parser's fast path: vouches for one top-level element of the plain kind nearly all
// traffic is (ASCII names, no namespace prefixes but xml:, the five predefined entities, default
// namespace declarations) without QXmlStreamReader, which costs about two thirds of a proxy's CPU.
// It accepts only what the reader accepts too; anything else, including anything wrong, it leaves to
// the reader ("Unsure"), which then finds and words the error as always. fuzz_streamparser checks
// that both ways deliver the same stanzas and refuse the same streams.
class StanzaScanner
{
public:
    struct Limits
    {
        qint64 maxBytes = 0;
        int maxDepth = 0;
        int maxAttributes = 0;
    };

    // Where one attribute of the top element is in its bytes, offsets from the element's '<': its
    // qualified name and its value as written (between the quotes, entities not yet replaced). A
    // stanza keeps these instead of decoded strings: most relayed stanzas never have an attribute read.
    struct AttributeSpan
    {
        quint32 nameAt = 0;
        quint32 nameSize = 0;
        quint32 valueAt = 0;
        quint32 valueSize = 0;
    };
    using AttributeSpans = QVarLengthArray<AttributeSpan, 6>;

    enum class Outcome : quint8
    {
        Complete,   // one whole, well-formed element: [start, end)
        Incomplete, // well-formed so far, the bytes end before it does (or before any element begins)
        Unsure,     // not something the scanner vouches for: the reader must look
    };

    struct Result
    {
        Outcome outcome = Outcome::Unsure;
        qsizetype start = 0; // the element's '<', after any whitespace
        qsizetype end = 0;   // just past its last '>'
        QByteArrayView name;
        // The element's own xmlns='…', or null: then it is in the stream's default namespace.
        QString namespaceUri;
        AttributeSpans attributes; // the top element's, but namespace declarations
    };

    // `bytes` start at the top level of the stream: optional whitespace, then an element.
    static Result scan(QByteArrayView bytes, const Limits &limits);
    // A value scan() vouched for, as QXmlStreamReader reports it: entities replaced, each tab and line
    // feed one space (scan() leaves a carriage return to the reader).
    static QString decodedValue(QByteArrayView raw);
};

} // namespace xcm
