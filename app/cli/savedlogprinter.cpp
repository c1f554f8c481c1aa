// SPDX-License-Identifier: GPL-3.0-or-later
#include "savedlogprinter.h"

#include "capturereader.h"
#include "countof.h"
#include "originnote.h"
#include "stanza.h"
#include "trafficprinter.h"

#include <QFile>

#include <csignal>

using namespace Qt::StringLiterals;

namespace xcm::cli {

int printSavedLog(const CliOptions &options)
{
    // A reader gone (`xcm-cli --read FILE | head`) ends the printing, not the process.
    std::signal(SIGPIPE, SIG_IGN);
    TrafficPrinter printer({options.pretty, options.quiet, true, true});
    printer.setOutputClosedAction(u"stopped reading %1"_s.arg(options.readPath));
    QFile file(options.readPath);
    if (!file.open(QIODevice::ReadOnly)) {
        printer.error(u"cannot read %1: %2"_s.arg(options.readPath, file.errorString()));
        return UsageError;
    }
    CaptureReader reader(&file);
    quint64 read = 0;
    quint64 shown = 0;
    while (!printer.isOutputClosed()) {
        const std::optional<CaptureRecord> record = reader.next();
        if (!record)
            break;
        ++read;
        // As the window reads it back: a stream item (header, handshake, close) is of kind stream.
        const Stanza stanza = Stanza::fromLoggedWire(record->direction, record->timestampMs, record->wire);
        if (!options.filter.isEmpty() &&
            !options.filter.matches(stanza, record->origin == StanzaOrigin::Automatic))
            continue;
        ++shown;
        printer.printStanza(stanza, record->direction == Direction::Received ? "IN " : "OUT",
                            originNote(record->origin, record->note));
    }
    printer.flush();
    if (printer.isOutputClosed())
        return Success; // as the live modes end when their reader goes
    for (const QString &problem : reader.problems())
        printer.warning(QString::fromUtf8(
            TrafficPrinter::withControlsEscaped(u"%1: %2"_s.arg(options.readPath, problem).toUtf8())));
    printer.status(options.filter.isEmpty()
                       ? countOf(read, u"stanza", u"stanzas")
                       : u"%1 of %2 match"_s.arg(shown).arg(countOf(read, u"stanza", u"stanzas")));
    printer.flush();
    if (read == 0 && !reader.problems().isEmpty())
        return UsageError;
    return Success;
}

} // namespace xcm::cli
