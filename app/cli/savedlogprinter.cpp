// SPDX-License-Identifier: GPL-3.0-or-later
#include "savedlogprinter.h"

#include "capturereader.h"
#include "clifilter.h"
#include "countof.h"
#include "originnote.h"
#include "requesttracker.h"
#include "stanza.h"
#include "trafficprinter.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <csignal>

using namespace Qt::StringLiterals;

namespace xcm::cli {

int printSavedLog(const CliOptions &options)
{
    // A reader gone (`xcm-cli --read FILE | head`) ends the printing, not the process.
    std::signal(SIGPIPE, SIG_IGN);
    TrafficPrinter printer({options.pretty, options.quiet, true, true});
    printer.setOutputClosedAction(u"stopped reading %1"_s.arg(options.readPath));
    CliFilter filter(options.filter, printer);
    // Answers paired with their requests as when the traffic was live ("auto, result in 0.21 ms"), by
    // the times recorded.
    RequestTracker tracker;
    tracker.setRecordedTimes(true);
    quint64 sequence = 0;
    // A folder is what --record DIR wrote: its capture files, oldest first (their names sort by time).
    QStringList paths{options.readPath};
    if (const QFileInfo given(options.readPath); given.isDir()) {
        const QDir folder(options.readPath);
        paths.clear();
        for (const QString &name : folder.entryList({u"*.jsonl"_s}, QDir::Files, QDir::Name))
            paths.append(folder.filePath(name));
        if (paths.isEmpty()) {
            printer.error(u"%1 holds no capture files (*.jsonl)"_s.arg(options.readPath));
            return UsageError;
        }
    }
    quint64 read = 0;
    quint64 shown = 0;
    bool anyProblem = false;
    const auto escaped = [](const QString &text) {
        return QString::fromUtf8(TrafficPrinter::withControlsEscaped(text.toUtf8()));
    };
    for (const QString &path : std::as_const(paths)) {
        QFile file;
        const bool standardInput = path == u"-"; // `zcat capture.jsonl.gz | xcm-cli --read -`
        const QString name = standardInput ? u"standard input"_s : path;
        if (standardInput)
            file.open(stdin, QIODevice::ReadOnly);
        else
            file.setFileName(path);
        if (!file.isOpen() && !file.open(QIODevice::ReadOnly)) {
            printer.error(u"cannot read %1: %2"_s.arg(name, file.errorString()));
            return UsageError;
        }
        CaptureReader reader(&file);
        quint64 readHere = 0;
        while (!printer.isOutputClosed()) {
            const std::optional<CaptureRecord> record = reader.next();
            if (!record)
                break;
            ++read;
            ++readHere;
            // As the window reads it back: a stream item (header, handshake, close) is of kind stream.
            const Stanza stanza =
                Stanza::fromLoggedWire(record->direction, record->timestampMs, record->wire);
            QString exchange;
            if (stanza.kind() == StanzaKind::Stream && stanza.wire().contains("<stream:stream"))
                tracker.connectionEnded(); // another connection: its requests get no answer from this one
            if (stanza.kind() != StanzaKind::Stream && record->occurrence == StanzaOccurrence::First &&
                tracker.observe(stanza, ++sequence) == RequestTracker::Observation::Answer) {
                const IqExchange *answered = tracker.exchangeFor(sequence);
                exchange = tracker.describe(*answered, answered->requestSequence);
            }
            if (!filter.shows(stanza, record->origin == StanzaOrigin::Automatic))
                continue;
            ++shown;
            printer.printStanza(stanza, record->direction == Direction::Received ? "IN " : "OUT",
                                originNote(record->origin, record->note, exchange));
        }
        printer.flush();
        if (printer.isOutputClosed())
            return Success; // as the live modes end when their reader goes
        anyProblem = anyProblem || !reader.problems().isEmpty();
        if (readHere == 0 && !reader.problems().isEmpty()) {
            // Not a damaged log but some other file: one line says so, not one a line of it.
            printer.error(escaped(u"%1 is not a saved log (JSON Lines or the XML log format): %2"_s.arg(
                name, reader.problems().constFirst())));
            continue;
        }
        for (const QString &problem : reader.problems())
            printer.warning(escaped(u"%1: %2"_s.arg(name, problem)));
    }
    if (read == 0 && anyProblem)
        return UsageError; // said why above
    filter.reportAtEnd();
    QString summary = options.filter.isEmpty()
                          ? countOf(read, u"stanza", u"stanzas")
                          : u"%1 of %2 match"_s.arg(shown).arg(countOf(read, u"stanza", u"stanzas"));
    if (paths.size() > 1)
        summary += u" in %1 files"_s.arg(paths.size());
    printer.status(summary);
    printer.flush();
    return Success;
}

} // namespace xcm::cli
