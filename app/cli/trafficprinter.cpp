// SPDX-License-Identifier: GPL-3.0-or-later
#include "trafficprinter.h"

#include <QDateTime>

#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace xcm::cli {

TrafficPrinter::TrafficPrinter(Style style, QObject *parent)
    : QObject(parent)
    , m_style(style)
    , m_out(stdout)
    , m_err(stderr)
{}

TrafficPrinter::~TrafficPrinter() = default;

void TrafficPrinter::printStanza(const Stanza &stanza, QStringView label, const QString &suffix)
{
    if (!m_style.showTraffic)
        return;
    const QString time = QDateTime::fromMSecsSinceEpoch(stanza.timestampMs()).toString(u"HH:mm:ss.zzz"_s);
    QString xml;
    if (m_style.pretty && stanza.kind() != StanzaKind::Stream && !stanza.element().isNull()) {
        xml = u"\n"_s + stanza.element().toXml(true);
    } else {
        // One line per stanza: line breaks inside become character references, which mean the same.
        xml = QString::fromUtf8(stanza.wire());
        xml.replace(u'\n', u"&#10;"_s).replace(u'\r', u"&#13;"_s);
    }
    printLine(time + u' ' + label + u' ' + xml + (suffix.isEmpty() ? QString() : u"  "_s + suffix));
}

void TrafficPrinter::printLine(const QString &line)
{
    if (m_outputClosed)
        return;
    m_out << line << '\n';
    m_out.flush();
    if (m_out.status() != QTextStream::Ok)
        onOutputClosed();
}

void TrafficPrinter::status(const QString &line)
{
    if (m_style.quiet)
        return;
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
    if (m_stdoutWatch)
        m_stdoutWatch->setEnabled(false);
    status(u"standard output is closed: closing the stream"_s);
    Q_EMIT outputClosed();
}

} // namespace xcm::cli
