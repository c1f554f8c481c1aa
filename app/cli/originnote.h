// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "stanza.h"

#include <QString>

namespace xcm::cli {

// What xcm-cli prints in brackets after a stanza (untranslated, as all its text): who made it — "auto",
// "rule echo", "injected" — or what a fault rule did (the `note` of a relayed one), then the answer's
// round trip when there is one ("auto, result in 1.20 ms").
inline QString originNote(StanzaOrigin origin, const QString &note, const QString &exchange = {})
{
    QString text;
    switch (origin) {
    case StanzaOrigin::Automatic:
        text = note.isEmpty() ? QStringLiteral("auto") : QStringLiteral("rule ") + note;
        break;
    case StanzaOrigin::Injected:
        text = note.isEmpty() ? QStringLiteral("injected") : QStringLiteral("injected, ") + note;
        break;
    case StanzaOrigin::Wire:
        text = note;
        break;
    }
    if (exchange.isEmpty())
        return text;
    return text.isEmpty() ? exchange : text + QStringLiteral(", ") + exchange;
}

} // namespace xcm::cli
