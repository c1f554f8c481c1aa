// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "localtimeofday.h"
#include "stanza.h"

#include <QByteArray>
#include <QObject>
#include <QSocketNotifier>
#include <QTextStream>
#include <QTimer>

#include <memory>

namespace xcm::cli {

// What xcm-cli prints: one line per stanza on standard output (time, a direction label, the XML),
// status and error lines on standard error. Notices when standard output's reader went away
// (`xcm-cli | head`) so that the session can close politely instead of dying of SIGPIPE.
// Standard output is written once per event-loop turn, not once per line: a flood of stanzas costs
// one write() for each burst, and a human watching still sees every line at once.
class TrafficPrinter : public QObject
{
    Q_OBJECT
public:
    struct Style
    {
        bool pretty = false;     // indent stanzas instead of one line each
        bool quiet = false;      // no status lines
        bool showTraffic = true; // print stanzas at all
        // The stanzas and notes come from a file, not through the stream's parser: every character a
        // terminal would act on (escape sequences, a carriage return) is shown as a reference. (Live
        // stanzas passed the parser, which lets only C1 controls through; those and the bidirectional
        // controls are always escaped, --pretty or not.)
        bool escapeControls = false;
    };

    explicit TrafficPrinter(Style style, QObject *parent = nullptr);
    ~TrafficPrinter() override; // writes what is still waiting

    // `label`: "IN ", "OUT", "C→S" …; a `note` follows the XML after two spaces, in brackets ("[result
    // in 1.2 ms]").
    void printStanza(const Stanza &stanza, QByteArrayView label, const QString &note = {});
    void printLine(const QString &line);
    void status(const QString &line);
    // Something going wrong that has not ended the run (yet): shown even with --quiet.
    void warning(const QString &line);
    void error(const QString &line);
    // Writes the lines waiting for the end of this event-loop turn now.
    void flush();
    // Starts watching standard output when it is a pipe.
    void watchStandardOutput();
    // What the status line says happens once standard output is closed ("closing the stream").
    void setOutputClosedAction(const QString &action) { m_outputClosedAction = action; }
    bool isOutputClosed() const { return m_outputClosed; }
    // `text` with C0 controls (but tab and line feed), DEL, C1 controls and the bidirectional controls
    // as "&#27;": what a terminal would act on rather than show.
    static QByteArray withControlsEscaped(QByteArrayView text);

Q_SIGNALS:
    void outputClosed();

private:
    void lineAdded();
    void onOutputClosed();

    Style m_style;
    LocalTimeOfDay m_timeOfDay;
    QByteArray m_pending; // standard output's lines not yet written, UTF-8
    QTimer m_flushTimer;
    QTextStream m_err;
    std::unique_ptr<QSocketNotifier> m_stdoutWatch;
    bool m_outputClosed = false;
    QString m_outputClosedAction = QStringLiteral("closing the stream");
};

} // namespace xcm::cli
