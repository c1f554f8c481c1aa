// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "stanza.h"
#include "streamparser.h"

#include <QObject>

// A stanza as the connection delivers it: name and attributes from the stream parser, the tree
// parsed on demand.
inline xcm::Stanza receivedStanza(const QString &xml)
{
    xcm::StreamParser parser;
    xcm::Stanza result;
    QObject::connect(&parser, &xcm::StreamParser::stanzaReceived,
                     [&result](const xcm::Stanza &stanza) { result = stanza; });
    parser.feed(
        "<stream:stream xmlns:stream='http://etherx.jabber.org/streams' xmlns='jabber:component:accept' "
        "from='comp.example' id='s1'>");
    parser.feed(xml.toUtf8());
    if (result.isNull())
        qFatal("bad test stanza: %s", qPrintable(xml));
    return result;
}
