// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

#include <vector>

namespace xcm::bench {

// Round trips boiled down to what the report prints. Percentiles are nearest-rank: the smallest sample
// with at least that fraction of all samples at or below it, so p99 of 10,000 is the 9,900th fastest.
struct LatencySummary
{
    qsizetype count = 0;
    double p50 = 0;
    double p90 = 0;
    double p99 = 0;
    double p999 = 0;
    double max = 0;
    double mean = 0;

    static LatencySummary of(std::vector<double> samples);
};

} // namespace xcm::bench
