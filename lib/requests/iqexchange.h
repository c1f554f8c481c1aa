// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "stanza.h"

#include <QString>

namespace xcm {

// One iq request and what became of it (RFC 6120 §8.2.3: every get/set gets exactly one result or
// error). Times are on the tracker's monotonic clock, in nanoseconds.
struct IqExchange
{
    enum class Outcome : quint8
    {
        Open,      // no answer yet, within the timeout
        Result,    // answered with type='result'
        Error,     // answered with type='error'
        TimedOut,  // no answer within the timeout (an answer may still come: it is then late)
        Abandoned, // the connection ended before an answer
    };

    quint64 requestSequence = 0;
    quint64 answerSequence = 0;                   // 0 while unanswered
    Direction requestDirection = Direction::Sent; // Sent: we asked; Received: we were asked
    QString id;
    QString requester; // the request's 'from'
    QString responder; // the request's 'to'
    qint64 requestedAtNs = 0;
    qint64 answeredAtNs = 0;
    qint64 deadlineNs = 0;  // 0: no timeout
    QString errorCondition; // the defined condition of an error answer
    Outcome outcome = Outcome::Open;
    bool late = false; // answered after the timeout had passed

    bool isAnswered() const { return outcome == Outcome::Result || outcome == Outcome::Error; }
    // Still waiting: open, or timed out but pairable with a late answer.
    bool isAwaitingAnswer() const { return outcome == Outcome::Open || outcome == Outcome::TimedOut; }
    double roundTripMs() const { return isAnswered() ? double(answeredAtNs - requestedAtNs) / 1e6 : -1.0; }
};

} // namespace xcm
