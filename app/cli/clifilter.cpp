// SPDX-License-Identifier: GPL-3.0-or-later
#include "clifilter.h"

#include "stanza.h"
#include "trafficprinter.h"

using namespace Qt::StringLiterals;

namespace xcm::cli {

CliFilter::CliFilter(const Expression &expression, TrafficPrinter &printer)
    : m_expression(expression)
    , m_printer(printer)
{}

bool CliFilter::shows(const Stanza &stanza, bool automatic)
{
    if (m_expression.matches(stanza, automatic))
        return true;
    if (m_reportedGaveUp == 0) // afterwards the count waits for the end
        warnIfGaveUp();
    return false;
}

void CliFilter::reportAtEnd()
{
    warnIfGaveUp();
}

void CliFilter::warnIfGaveUp()
{
    const quint64 gaveUp = m_expression.gaveUpCount();
    if (gaveUp <= m_reportedGaveUp)
        return;
    m_reportedGaveUp = gaveUp;
    m_printer.warning(u"--filter: %1"_s.arg(m_expression.evaluationError().toString()));
}

} // namespace xcm::cli
