// SPDX-License-Identifier: GPL-3.0-or-later
#include "reconnectpolicy.h"

#include "disconnectreason.h"

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace xcm {

bool ReconnectPolicy::retries(const DisconnectReason &reason) const
{
    if (!enabled || !reason.isError() || reason.kind == DisconnectReason::Kind::Configuration)
        return false;
    return !reason.isAuthenticationFailure() || retryAfterAuthenticationFailure;
}

std::chrono::milliseconds ReconnectPolicy::delayBefore(int attempt, double randomUnit) const
{
    const double cap = double(maxDelay.count());
    const double base = std::min(cap, double(initialDelay.count()) * std::pow(multiplier, attempt - 1));
    const double spread = jitter * (2.0 * randomUnit - 1.0);
    return std::chrono::milliseconds(qint64(std::clamp(base * (1.0 + spread), 0.0, cap)));
}

ReconnectPolicy::Decision ReconnectPolicy::next(const History &history, const DisconnectReason &reason,
                                                double randomUnit) const
{
    Decision decision;
    decision.history = history;
    if (!enabled) {
        decision.why = "reconnecting is off"_L1;
        return decision;
    }
    if (!retries(reason)) {
        decision.why = reason.isAuthenticationFailure() ? "the server refused the secret or the name"_L1
                                                        : "this reason is not retried"_L1;
        return decision;
    }
    if (maxAttempts > 0 && history.attempts >= maxAttempts) {
        decision.why = "the attempts are used up"_L1;
        return decision;
    }
    decision.retry = true;
    decision.attempt = history.attempts + 1;
    decision.delay = delayBefore(decision.attempt, randomUnit);
    decision.history.attempts = decision.attempt;
    decision.why = "backoff"_L1;
    return decision;
}

} // namespace xcm
