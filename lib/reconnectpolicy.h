// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QLatin1StringView>
#include <QString>

#include <chrono>
#include <optional>

namespace xcm {

using namespace std::chrono_literals;

struct DisconnectReason;

// When and how often to reconnect after an unexpected disconnect: the user's settings, and the rules
// that apply them. The rules are pure (the caller keeps the history, supplies the randomness and runs
// the timer), so that each one can be tested with plain numbers.
struct ReconnectPolicy
{
    bool enabled = true;
    std::chrono::milliseconds initialDelay = 1s;
    std::chrono::milliseconds maxDelay = 60s;
    double multiplier = 2.0;
    double jitter = 0.2; // ± this fraction of each delay, so that many components do not retry in step
    int maxAttempts = 0; // 0: keep trying
    bool retryAfterAuthenticationFailure = false; // not-authorized / host-unknown are usually permanent
    // A handshake alone does not end a series of attempts: a server in a restart loop, or one that
    // kicks the component right away, accepts it every time. Only a connection that stayed up this
    // long starts the next series afresh; one that drops sooner counts as a failed attempt.
    std::chrono::milliseconds stableAfter = 30s;
    // This many such short-lived connections in a row (2 or more): the connection is flapping, and is
    // said to be.
    int flappingDrops = 3;

    // What the rules know of the attempts so far. The connection keeps it, replaces it with each
    // Decision's, and starts it afresh when the user connects or disconnects (and, for the display,
    // once a connection has been up for stableAfter, as next() would).
    struct History
    {
        int attempts = 0;   // retries scheduled since the last fresh start
        int shortDrops = 0; // connections in a row that dropped within stableAfter of their handshake
        // The condition and detail of the last disconnect when it was xcm refusing the server's data:
        // what a reconnect may well receive again.
        QString lastRefusal;
        friend bool operator==(const History &, const History &) = default;
    };

    // The step after a disconnect: a retry (which attempt, after what delay) or the end.
    struct Decision
    {
        bool retry = false;
        int attempt = 0; // the retry's number, 1 for the first
        std::chrono::milliseconds delay{0};
        History history;       // what to keep for the next decision
        QLatin1StringView why; // for the log: why it stops, or "backoff"
        // It stops because xcm refused the same data from the server twice in a row: reconnecting
        // would only receive it again.
        bool sameRefusalTwice = false;
        // It stops because maxAttempts retries in a row failed.
        bool attemptsUsedUp = false;
        // Reconnecting is on, but the server refused the secret or the name, which a retry would not change.
        bool authenticationRefused = false;
    };

    // Whether a disconnect for `reason` is worth another attempt at all, the count aside: not when
    // reconnecting is off, the user asked for it, the settings cannot work, or the server refused the
    // secret or the name (unless retryAfterAuthenticationFailure).
    bool retries(const DisconnectReason &reason) const;
    // The delay before retry `attempt` (1 for the first): initialDelay × multiplier^(attempt − 1), at most
    // maxDelay, spread by ± jitter. `randomUnit`, in [0, 1), picks the point in that spread (0.5: the
    // middle, no spread). The cap holds after the spread too: at the cap the jitter can only shorten.
    std::chrono::milliseconds delayBefore(int attempt, double randomUnit) const;
    // After a disconnect for `reason`, with `history` of the attempts so far: retry or stop. `upFor`:
    // how long the connection that ended had been up after its handshake; none if it never got that far.
    Decision next(const History &history, const DisconnectReason &reason, double randomUnit,
                  std::optional<std::chrono::milliseconds> upFor = std::nullopt) const;
    // Whether a connection that has been up for `upFor` ends the series of attempts behind it.
    bool isStable(std::chrono::milliseconds upFor) const { return upFor >= stableAfter; }
    // Whether `history` shows a flapping connection: flappingDrops short-lived connections in a row.
    bool isFlapping(const History &history) const
    {
        return flappingDrops > 0 && history.shortDrops >= flappingDrops;
    }
    // What the user should know after `decision` for `reason`: that retrying stopped because the same
    // refused data came twice, that the connection is flapping, or nothing (empty).
    QString notice(const Decision &decision, const DisconnectReason &reason) const;

    // Only the settings: History and Decision are not part of what the user configured.
    friend bool operator==(const ReconnectPolicy &, const ReconnectPolicy &) = default;

    // Last: the macro ends in "private:".
    Q_DECLARE_TR_FUNCTIONS(xcm::ReconnectPolicy)
};

} // namespace xcm
