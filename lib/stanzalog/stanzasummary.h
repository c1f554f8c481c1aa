// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "stanza.h"

#include <QCoreApplication>
#include <QString>

namespace xcm {

// The one line the log shows for a stanza: what a developer scans for in a stream of traffic.
//   message   the body's first line, else the subject, else the first child ("composing (chatstates)")
//   iq        type and payload namespace ("get disco#info")
//   presence  type or show, and status ("away — In a meeting")
//   stream    "stream header id=…", "handshake", "stream error: not-authorized — text", "stream closed"
//   errors    the condition ("item-not-found (cancel) — text")
class StanzaSummary
{
    Q_DECLARE_TR_FUNCTIONS(xcm::StanzaSummary)
public:
    static constexpr int maxLength = 200; // characters, before the ellipsis

    static QString of(const Stanza &stanza);

    // "http://jabber.org/protocol/disco#info" → "disco#info", "urn:xmpp:mam:2" → "mam:2",
    // "jabber:iq:roster" → "roster".
    static QString shortNamespace(QStringView namespaceUri);

    // The first line of `text`, control characters flattened, cut at maxLength with an ellipsis.
    static QString firstLine(QStringView text);
};

} // namespace xcm
