// SPDX-License-Identifier: GPL-3.0-or-later
#include "trafficprinter.h"

#include "bidicontrols.h"
#include "bytescan.h"
#include "clilogging.h"

#include <cerrno>
#include <cstring>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace xcm::cli {

namespace {

// A burst larger than this is written at once rather than at the end of the event-loop turn.
constexpr qsizetype maxPendingBytes = 64 * 1024;
// Capacity kept for the next burst; a buffer grown past it by a huge stanza is given back.
constexpr qsizetype keptCapacity = 256 * 1024;

// Whether `xml` holds a byte printStanza() must look at: a line break, or a non-ASCII byte (whose
// UTF-8 is then checked). Most stanzas hold neither; one pass, 16 bytes at a time where SSE2 is there,
// replaces a UTF-8 check and two memchr() calls (5 % of xcm-cli --proxy's time under a flood).
bool needsCare(QByteArrayView xml)
{
    const auto *const begin = reinterpret_cast<const uchar *>(xml.data());
    const auto *const end = begin + xml.size();
    for (const uchar *p = bytescan::skipWhileNone<bytescan::NonAscii>(begin, end, '\n', '\r'); p != end;
         ++p) {
        if (*p >= 0x80 || *p == '\n' || *p == '\r')
            return true;
    }
    return false;
}

// The bidirectional control (BidiControls::isBidiControl()) starting at `at` in UTF-8: the code point, or
// 0. A terminal that honours one shows the text after it reversed, so a line can read as something it does
// not say ("Trojan Source"). All of them are three bytes long, starting with 0xE2.
uint bidiControlAt(QByteArrayView text, qsizetype at)
{
    if (text[at] != '\xE2' || at + 2 >= text.size())
        return 0;
    const auto second = uchar(text[at + 1]);
    const auto third = uchar(text[at + 2]);
    if ((second & 0xC0) != 0x80 || (third & 0xC0) != 0x80)
        return 0;
    const auto codePoint = char16_t(0x2000 | ((second & 0x3F) << 6) | (third & 0x3F));
    return BidiControls::isBidiControl(codePoint) ? codePoint : 0;
}

// Whether line breaks are kept (a --pretty stanza's own lines) or become references (one line a stanza).
enum class LineBreaks : bool
{
    Escaped,
    Kept
};

// One line per stanza: line breaks inside become character references, which mean the same. So do C1
// controls (U+0080–U+009F, "\xC2\x80"–"\xC2\x9F" in UTF-8): XML allows them, and some terminals act on
// them (U+009B starts an escape sequence) — a peer's stanza must not drive the terminal; and so do the
// bidirectional controls (bidiControlAt()).
void appendEscaped(QByteArray &out, QByteArrayView xml, LineBreaks lineBreaks = LineBreaks::Escaped)
{
    // Most stanzas hold none of these: memchr() finds that out faster than a loop over the bytes.
    if (xml.isEmpty())
        return;
    const bool escapeBreaks = lineBreaks == LineBreaks::Escaped;
    const auto holds = [xml](char c) { return std::memchr(xml.data(), c, size_t(xml.size())) != nullptr; };
    if (!(escapeBreaks && (holds('\n') || holds('\r'))) && !holds('\xC2') && !holds('\xE2')) {
        out.append(xml);
        return;
    }
    qsizetype from = 0;
    const auto replace = [&](qsizetype at, qsizetype length, uint code) {
        out.append(xml.sliced(from, at - from));
        out.append("&#" + QByteArray::number(code) + ';');
        from = at + length;
    };
    for (qsizetype i = 0; i < xml.size(); ++i) {
        const char c = xml[i];
        if ((c == '\n' || c == '\r') && escapeBreaks) {
            replace(i, 1, uchar(c));
        } else if (c == '\xC2' && i + 1 < xml.size() && uchar(xml[i + 1]) >= 0x80 &&
                   uchar(xml[i + 1]) <= 0x9F) {
            replace(i, 2, uchar(xml[i + 1]));
            ++i;
        } else if (const uint bidi = bidiControlAt(xml, i)) {
            replace(i, 3, bidi);
            i += 2;
        }
    }
    out.append(xml.sliced(from));
}

} // namespace

TrafficPrinter::TrafficPrinter(Style style, QObject *parent)
    : QObject(parent)
    , m_style(style)
    , m_err(stderr)
{
    // A zero timer fires once the events already waiting have been handled: one write per burst.
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(0);
    connect(&m_flushTimer, &QTimer::timeout, this, &TrafficPrinter::flush);
}

TrafficPrinter::~TrafficPrinter()
{
    flush();
}

void TrafficPrinter::printStanza(const Stanza &stanza, QByteArrayView label, const QString &note)
{
    if (!m_style.showTraffic || m_outputClosed)
        return;
    // Built as UTF-8 bytes, straight from the wire bytes: the same text as through QString, without
    // two conversions of every stanza.
    const qsizetype lineStart = m_pending.size();
    m_timeOfDay.appendTo(m_pending, stanza.timestampMs());
    m_pending += ' ';
    m_pending.append(label); // UTF-8 already: no conversion for every stanza
    m_pending += ' ';
    if (m_style.pretty && stanza.kind() != StanzaKind::Stream && !stanza.element().isNull()) {
        while (m_pending.endsWith(' ')) // the label's padding aligns only what follows on its line
            m_pending.chop(1);
        m_pending += '\n';
        appendEscaped(m_pending, stanza.element().toXml(true).toUtf8(), LineBreaks::Kept);
    } else if (const QByteArray &wire = stanza.wire(); !needsCare(wire)) {
        m_pending.append(wire);
    } else if (wire.isValidUtf8()) {
        appendEscaped(m_pending, wire);
    } else {
        // What the parser never lets through, but a sent stanza might carry: shown as QString shows it.
        appendEscaped(m_pending, QString::fromUtf8(wire).toUtf8());
    }
    if (!note.isEmpty()) {
        m_pending += "  [";
        m_pending += note.toUtf8();
        m_pending += ']';
    }
    if (m_style.escapeControls) {
        const QByteArray line = withControlsEscaped(QByteArrayView(m_pending).sliced(lineStart));
        m_pending.truncate(lineStart);
        m_pending += line;
    }
    m_pending += '\n';
    lineAdded();
}

QByteArray TrafficPrinter::withControlsEscaped(QByteArrayView text)
{
    QByteArray escaped;
    escaped.reserve(text.size());
    // Decimal, as the line breaks' "&#10;" on the same line.
    const auto reference = [&escaped](uint code) { escaped += "&#" + QByteArray::number(code) + ';'; };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const auto byte = uchar(text[i]);
        if ((byte < 0x20 && byte != '\t' && byte != '\n') || byte == 0x7F) {
            reference(byte);
        } else if (byte == 0xC2 && i + 1 < text.size() && uchar(text[i + 1]) >= 0x80 &&
                   uchar(text[i + 1]) <= 0x9F) {
            reference(uchar(text[++i])); // U+0080–U+009F in UTF-8
        } else if (const uint bidi = bidiControlAt(text, i)) {
            reference(bidi);
            i += 2;
        } else {
            escaped += char(byte);
        }
    }
    return escaped;
}

void TrafficPrinter::printLine(const QString &line)
{
    if (m_outputClosed)
        return;
    m_pending += line.toUtf8();
    m_pending += '\n';
    lineAdded();
}

void TrafficPrinter::lineAdded()
{
    if (m_pending.size() >= maxPendingBytes)
        flush();
    else if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void TrafficPrinter::flush()
{
    m_flushTimer.stop();
    if (m_pending.isEmpty())
        return;
    const char *data = m_pending.constData();
    qsizetype left = m_pending.size();
    bool failed = false;
    while (left > 0 && !failed) {
        const ssize_t written = ::write(STDOUT_FILENO, data, size_t(left));
        if (written >= 0) {
            data += written;
            left -= written;
        } else if (errno == EAGAIN || errno == EWOULDBLOCK) {
            // Standard output was handed to us non-blocking: wait as a blocking one would.
            pollfd output{STDOUT_FILENO, POLLOUT, 0};
            ::poll(&output, 1, -1);
        } else if (errno != EINTR) {
            qCDebug(lcCli) << "writing standard output failed:" << qt_error_string(errno);
            failed = true;
        }
    }
    if (m_pending.capacity() > keptCapacity)
        m_pending.clear();
    else
        m_pending.resize(0);
    if (failed)
        onOutputClosed();
}

void TrafficPrinter::status(const QString &line)
{
    if (m_style.quiet)
        return;
    flush(); // the stanzas before it come first on a terminal that shows both
    m_err << "xcm-cli: " << line << '\n';
    m_err.flush();
}

void TrafficPrinter::warning(const QString &line)
{
    m_err << "xcm-cli: warning: " << line << '\n';
    m_err.flush();
}

void TrafficPrinter::error(const QString &line)
{
    flush();
    m_err << "xcm-cli: error: " << line << '\n';
    m_err.flush();
}

void TrafficPrinter::watchStandardOutput()
{
    // A pipe whose reader is gone (`xcm-cli | head`) reports an error to poll(), even while nothing is
    // written: xcm-cli need not wait for the next stanza to notice. Other outputs do not close.
    struct stat info
    {};
    if (::fstat(STDOUT_FILENO, &info) != 0 || !S_ISFIFO(info.st_mode))
        return;
    m_stdoutWatch = std::make_unique<QSocketNotifier>(STDOUT_FILENO, QSocketNotifier::Read);
    connect(m_stdoutWatch.get(), &QSocketNotifier::activated, this, [this] {
        pollfd output{STDOUT_FILENO, 0, 0};
        if (::poll(&output, 1, 0) == 1 && (output.revents & (POLLERR | POLLHUP)))
            onOutputClosed();
        else
            m_stdoutWatch->setEnabled(false); // readable, so not our pipe's write end: do not spin
    });
}

void TrafficPrinter::onOutputClosed()
{
    if (m_outputClosed)
        return;
    m_outputClosed = true;
    m_pending.clear(); // nobody reads them
    m_flushTimer.stop();
    if (m_stdoutWatch)
        m_stdoutWatch->setEnabled(false);
    status(u"standard output is closed: "_s + m_outputClosedAction);
    Q_EMIT outputClosed();
}

} // namespace xcm::cli
