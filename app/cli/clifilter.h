// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "expression.h"

namespace xcm {
class Stanza;
}

namespace xcm::cli {

class TrafficPrinter;

// --filter as xcm-cli's modes apply it. A regular expression in it that gives up on a stanza (too
// much backtracking) counts as not matching, so that stanza would vanish from the output unexplained:
// the printer warns at the first one, and once more at the end if more followed, with the count.
class CliFilter
{
public:
    CliFilter(const Expression &expression, TrafficPrinter &printer);

    bool isEmpty() const { return m_expression.isEmpty(); }
    bool shows(const Stanza &stanza, bool automatic = false);
    // The end of the run: the count of stanzas given up on since the first warning, if it grew.
    void reportAtEnd();

private:
    void warnIfGaveUp();

    Expression m_expression;
    TrafficPrinter &m_printer;
    quint64 m_reportedGaveUp = 0;
};

} // namespace xcm::cli
