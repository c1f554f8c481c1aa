// SPDX-License-Identifier: GPL-3.0-or-later
#include "latencysummary.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace xcm::bench {

namespace {

double nearestRank(const std::vector<double> &sorted, double fraction)
{
    // The epsilon keeps 0.99 * 10000 (9900.000000000002 in binary) at rank 9900.
    const auto rank = qsizetype(std::ceil(fraction * double(sorted.size()) - 1e-9));
    return sorted[size_t(std::clamp<qsizetype>(rank, 1, qsizetype(sorted.size())) - 1)];
}

} // namespace

LatencySummary LatencySummary::of(std::vector<double> samples)
{
    LatencySummary summary;
    if (samples.empty())
        return summary;
    std::sort(samples.begin(), samples.end());
    summary.count = qsizetype(samples.size());
    summary.p50 = nearestRank(samples, 0.50);
    summary.p90 = nearestRank(samples, 0.90);
    summary.p99 = nearestRank(samples, 0.99);
    summary.p999 = nearestRank(samples, 0.999);
    summary.max = samples.back();
    summary.mean = std::accumulate(samples.begin(), samples.end(), 0.0) / double(samples.size());
    return summary;
}

} // namespace xcm::bench
