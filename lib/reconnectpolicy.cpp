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
                                                double randomUnit,
                                                std::optional<std::chrono::milliseconds> upFor) const
{
    Decision decision;
    decision.history = upFor && isStable(*upFor) ? History{} : history;
    if (upFor && !isStable(*upFor))
        ++decision.history.shortDrops;
    // Only xcm's own refusals of what the server sent: the server will send the same on every
    // reconnect. The detail (what was refused, with its size or position) tells two refusals apart.
    const QString refusal = reason.kind == DisconnectReason::Kind::ProtocolViolation
                                ? reason.condition + u'\n' + reason.detail
                                : QString();
    const bool sameRefusalTwice = !refusal.isEmpty() && refusal == decision.history.lastRefusal;
    decision.history.lastRefusal = refusal;
    if (!enabled) {
        decision.why = "reconnecting is off"_L1;
        return decision;
    }
    if (!retries(reason)) {
        decision.authenticationRefused = reason.isAuthenticationFailure();
        decision.why = decision.authenticationRefused ? "the server refused the secret or the name"_L1
                                                      : "this reason is not retried"_L1;
        return decision;
    }
    if (sameRefusalTwice) {
        decision.why = "xcm refused the same data from the server twice in a row"_L1;
        decision.sameRefusalTwice = true;
        return decision;
    }
    if (maxAttempts > 0 && decision.history.attempts >= maxAttempts) {
        decision.why = "the attempts are used up"_L1;
        decision.attemptsUsedUp = true;
        return decision;
    }
    decision.retry = true;
    decision.attempt = decision.history.attempts + 1;
    decision.delay = delayBefore(decision.attempt, randomUnit);
    decision.history.attempts = decision.attempt;
    decision.why = "backoff"_L1;
    return decision;
}

QString ReconnectPolicy::notice(const Decision &decision, const DisconnectReason &reason) const
{
    if (decision.sameRefusalTwice)
        return tr("stopped reconnecting: the server sent the same refused data twice in a row (%1) and "
                  "would send it again on every reconnect")
            .arg(reason.detail);
    if (decision.attemptsUsedUp)
        return tr("stopped reconnecting: %1 attempts in a row failed, as many as the profile allows")
            .arg(maxAttempts);
    if (decision.authenticationRefused)
        return tr("not reconnecting: the server refused the secret or the component's name, and would refuse "
                  "them again on every attempt");
    if (isFlapping(decision.history))
        // No %n plural: xcm-cli has no catalogue to resolve it, and the count is never below 2.
        return tr("flapping: the connection dropped %1 times in a row within %2 s of connecting")
            .arg(decision.history.shortDrops)
            .arg(stableAfter.count() / 1000.0, 0, 'g', 6);
    return {};
}

} // namespace xcm
