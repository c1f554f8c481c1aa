// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QString>

namespace xcm {

// How xcm writes a span of time: one function for each kind of span it shows, each kind in one place
// for the log, the proxy's marks, the timeline and the connection bar. measured() and recorded() write
// a decimal point whatever the language (as xcm-cli and the saved files do); gap() the language's.
class DurationText
{
    Q_DECLARE_TR_FUNCTIONS(xcm::DurationText)
public:
    // Measured on a monotonic clock, to the precision that means something: "0.42 ms", "12.4 ms",
    // "1.25 s", "120 s" (round trips, waits).
    static QString measured(double milliseconds);
    // Between two recorded times, whole milliseconds: no decimals they do not have, and "< 1 ms" for two
    // moments recorded in the same millisecond; from a second on as measured().
    static QString recorded(double milliseconds);
    // A gap between two events on the timeline: "850 ms", "2.5 s", "3 min 12 s"; empty when negative
    // (not known yet).
    static QString gap(qint64 milliseconds);
    // A running total on a clock face, never negative: "3:07", "1:02:03" (how long a connection is up).
    static QString clockFace(qint64 milliseconds);
};

} // namespace xcm
