// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target for xcm::StreamParser: the input is the whole inbound stream, header included.
// Invariants checked beyond "no crash, hang, leak or UB":
// - nothing is emitted after the close or the failure, and the failure is reported once;
// - the header comes once, first, and is the exact prefix of the stream;
// - every stanza's wire is the input's own bytes, in order, starting '<' and ending '>', and parses;
// - the outcome does not depend on how the bytes were chunked (one feed, derived chunks, byte by byte):
//   the same stanzas, the same close or refusal;
// - nor on whether plain stanzas took the scanner's way or every byte went through QXmlStreamReader:
//   the same stanzas with the same name, namespace and attributes.
#include "fuzzsupport.h"
#include "streamparser.h"

#include <QSet>

using namespace xcm;
using xcm::fuzz::fail;

namespace {

struct Outcome
{
    QList<QByteArray> wires;
    QList<QString> tops; // each stanza's name, namespace and attributes as the parser reported them
    bool opened = false;
    bool closed = false;
    QString condition;
};

const QSet<QString> &knownConditions()
{
    static const QSet<QString> conditions = {
        QStringLiteral("bad-format"),      QStringLiteral("invalid-namespace"),
        QStringLiteral("not-well-formed"), QStringLiteral("policy-violation"),
        QStringLiteral("restricted-xml"),  QStringLiteral("unsupported-encoding"),
    };
    return conditions;
}

Outcome parse(QByteArrayView input, const QList<qsizetype> &chunks, const StreamParser::Limits &limits,
              bool scanner = true)
{
    StreamParser parser;
    parser.setLimits(limits);
    parser.setScannerEnabled(scanner);
    Outcome outcome;
    bool ended = false;
    qsizetype searchFrom = 0;
    QObject::connect(&parser, &StreamParser::streamOpened, [&](const StreamHeader &header) {
        XCM_FUZZ_CHECK(!ended && !outcome.opened, header.wire);
        XCM_FUZZ_CHECK(input.startsWith(header.wire), header.wire);
        outcome.opened = true;
        searchFrom = header.wire.size();
    });
    QObject::connect(&parser, &StreamParser::stanzaReceived, [&](const Stanza &stanza) {
        const QByteArray &wire = stanza.wire();
        XCM_FUZZ_CHECK(!ended && outcome.opened, wire);
        XCM_FUZZ_CHECK(wire.startsWith('<') && wire.endsWith('>'), wire);
        const qsizetype at = QByteArrayView(input).indexOf(wire, searchFrom);
        XCM_FUZZ_CHECK(at >= 0, wire);
        // Only keepalive whitespace may lie between one stanza and the next.
        XCM_FUZZ_CHECK(input.sliced(searchFrom, at - searchFrom).trimmed().isEmpty(), wire);
        searchFrom = at + wire.size();
        XCM_FUZZ_CHECK(!stanza.name().isEmpty(), wire);
        // What we deliver is well-formed: its tree parses (unless it uses a prefix declared on the
        // stream header, which a stanza parsed on its own cannot know).
        const XmlElement element = stanza.element();
        XCM_FUZZ_CHECK(!element.isNull() || wire.contains(':'), wire);
        XCM_FUZZ_CHECK(element.isNull() || element.name() == stanza.name(), wire);
        outcome.wires.append(wire);
        QString top = stanza.name() + u'|' + stanza.namespaceUri();
        for (const QXmlStreamAttribute &attribute :
             element.isNull() ? QXmlStreamAttributes() : element.attributes())
            top += u'|' + attribute.qualifiedName().toString() + u'=' +
                   stanza.attribute(attribute.qualifiedName());
        outcome.tops.append(top);
    });
    QObject::connect(&parser, &StreamParser::streamClosed, [&] {
        XCM_FUZZ_CHECK(!ended && outcome.opened, {});
        ended = outcome.closed = true;
    });
    QObject::connect(&parser, &StreamParser::failed, [&](const StreamError &error) {
        XCM_FUZZ_CHECK(!ended, error.text.toUtf8());
        XCM_FUZZ_CHECK(knownConditions().contains(error.condition), error.condition.toUtf8());
        XCM_FUZZ_CHECK(!error.text.isEmpty(), error.condition.toUtf8());
        // What we would send back must itself be well-formed for the peer.
        XCM_FUZZ_CHECK(!XmlElement::parse(error.toXml()).isNull(), error.toXml());
        ended = true;
        outcome.condition = error.condition;
    });
    qsizetype offset = 0;
    for (const qsizetype length : chunks) {
        parser.feed(input.sliced(offset, length));
        offset += length;
        XCM_FUZZ_CHECK(parser.pendingBytes() >= 0 && parser.pendingBytes() <= offset, {});
        XCM_FUZZ_CHECK(parser.hasFailed() == !outcome.condition.isEmpty(), {});
        XCM_FUZZ_CHECK(parser.isClosed() == outcome.closed, {});
    }
    return outcome;
}

void checkSame(const Outcome &a, const Outcome &b, const char *what)
{
    // When a stream breaks more than one rule, which one QXmlStreamReader notices first can depend on
    // the chunking (it checks some things only once a token is complete); any of them is a right
    // answer. Whether the stream is refused, closed or carries on, and what it delivered, may not.
    const bool bothRefused = !a.condition.isEmpty() && !b.condition.isEmpty();
    if (a.wires != b.wires || a.tops != b.tops || a.opened != b.opened || a.closed != b.closed ||
        (a.condition != b.condition && !bothRefused)) {
        const QByteArray detail = QByteArray(what) + ": " + QByteArray::number(a.wires.size()) + " vs " +
                                  QByteArray::number(b.wires.size()) + " stanzas, closed " +
                                  QByteArray::number(a.closed) + " vs " + QByteArray::number(b.closed) +
                                  ", condition '" + a.condition.toUtf8() + "' vs '" + b.condition.toUtf8() +
                                  "'";
        fail("the outcome depends on the chunking", detail);
    }
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    xcm::fuzz::initialise(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArrayView input(data, qsizetype(size));
    const StreamParser::Limits defaults;
    const QList<qsizetype> whole = size ? QList<qsizetype>{qsizetype(size)} : QList<qsizetype>{};
    const Outcome reference = parse(input, whole, defaults);
    checkSame(reference, parse(input, xcm::fuzz::chunkLengths(input, 256), defaults), "derived chunks");
    if (size <= 64)
        checkSame(reference, parse(input, QList<qsizetype>(qsizetype(size), 1), defaults), "byte by byte");
    checkSame(reference, parse(input, whole, defaults, false), "the reader alone");
    checkSame(reference, parse(input, xcm::fuzz::chunkLengths(input, 64), defaults, false),
              "the reader alone, derived chunks");
    // Tight limits reach the size and depth checks with small inputs.
    const Outcome limited = parse(input, xcm::fuzz::chunkLengths(input, 64), {64, 3, 3});
    if (!reference.condition.isEmpty() && limited.condition.isEmpty())
        fail("a stream refused under the default limits passed under tighter ones");
    XCM_FUZZ_CHECK(limited.wires.size() <= reference.wires.size(), {});
    XCM_FUZZ_CHECK(std::equal(limited.wires.cbegin(), limited.wires.cend(), reference.wires.cbegin()), {});
    return 0;
}
