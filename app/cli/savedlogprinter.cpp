// SPDX-License-Identifier: GPL-3.0-or-later
#include "savedlogprinter.h"

#include "capturereader.h"
#include "countof.h"
#include "originnote.h"
#include "stanza.h"
#include "trafficprinter.h"
#include "xmlelement.h"

#include <QFile>

using namespace Qt::StringLiterals;

namespace xcm::cli {

int printSavedLog(const CliOptions &options)
{
    TrafficPrinter printer({options.pretty, options.quiet, true});
    QFile file(options.readPath);
    if (!file.open(QIODevice::ReadOnly)) {
        printer.error(u"cannot read %1: %2"_s.arg(options.readPath, file.errorString()));
        return UsageError;
    }
    CaptureReader reader(&file);
    quint64 read = 0;
    quint64 shown = 0;
    while (const std::optional<CaptureRecord> record = reader.next()) {
        ++read;
        const XmlElement element =
            record->kind == StanzaKind::Stream ? XmlElement() : XmlElement::parse(record->wire);
        const Stanza stanza(record->direction, record->timestampMs, record->wire, element);
        if (!options.filter.isEmpty() &&
            !options.filter.matches(stanza, record->origin == StanzaOrigin::Automatic))
            continue;
        ++shown;
        printer.printStanza(stanza, record->direction == Direction::Received ? "IN " : "OUT",
                            originNote(record->origin, record->note));
    }
    for (const QString &problem : reader.problems())
        printer.warning(u"%1: %2"_s.arg(options.readPath, problem));
    printer.status(options.filter.isEmpty()
                       ? countOf(read, u"stanza", u"stanzas")
                       : u"%1 of %2 match"_s.arg(shown).arg(countOf(read, u"stanza", u"stanzas")));
    printer.flush();
    if (read == 0 && !reader.problems().isEmpty())
        return UsageError;
    return Success;
}

} // namespace xcm::cli
