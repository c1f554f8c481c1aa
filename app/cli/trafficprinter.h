// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "stanza.h"

#include <QObject>
#include <QSocketNotifier>
#include <QTextStream>

#include <memory>

namespace xcm::cli {

// What xcm-cli prints: one line per stanza on standard output (time, a direction label, the XML),
// status and error lines on standard error. Notices when standard output's reader went away
// (`xcm-cli | head`) so that the session can close politely instead of dying of SIGPIPE.
class TrafficPrinter : public QObject
{
    Q_OBJECT
public:
    struct Style
    {
        bool pretty = false;     // indent stanzas instead of one line each
        bool quiet = false;      // no status lines
        bool showTraffic = true; // print stanzas at all
    };

    explicit TrafficPrinter(Style style, QObject *parent = nullptr);
    ~TrafficPrinter() override;

    // `label`: "IN ", "OUT", "C→S" …; `suffix` follows the XML after two spaces ("[result in 1.2 ms]").
    void printStanza(const Stanza &stanza, QStringView label, const QString &suffix = {});
    void printLine(const QString &line);
    void status(const QString &line);
    // Something going wrong that has not ended the run (yet): shown even with --quiet.
    void warning(const QString &line);
    void error(const QString &line);
    // Starts watching standard output when it is a pipe.
    void watchStandardOutput();
    bool isOutputClosed() const { return m_outputClosed; }

Q_SIGNALS:
    void outputClosed();

private:
    void onOutputClosed();

    Style m_style;
    QTextStream m_out;
    QTextStream m_err;
    std::unique_ptr<QSocketNotifier> m_stdoutWatch;
    bool m_outputClosed = false;
};

} // namespace xcm::cli
