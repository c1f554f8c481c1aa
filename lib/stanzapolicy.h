// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayView>
#include <QCoreApplication>
#include <QString>

namespace xcm {

class XmlElement;
struct ConnectionSettings;

// What a component may send on its stream: one well-formed <message/>, <presence/> or <iq/> in
// jabber:component:accept, a valid 'to', a 'from' on the component's domain, at most maxBytes once
// trimmed. ComponentConnection::send() applies it before a byte goes out; a form or a file of stanzas
// applies it first to say what is wrong before anything is sent.
//
// Toward the component (a proxy injecting as the server) the roles of the addresses swap: 'to' must be
// on the component's domain, and 'from' any valid address, as the server always says who sent it.
struct StanzaPolicy
{
    enum class Toward : quint8
    {
        Server,    // sent by the component
        Component, // sent to the component, as its server would
    };

    QString domain;
    qint64 maxBytes = 0;
    Toward toward = Toward::Server;
    // Also refuse a 'from' whose domain is not written in lowercase: Prosody compares it letter for
    // letter (invalid-from). For what a person wrote (the compose form, a --send file); xcm's own answers
    // copy a request's 'to', which a server may pass on as its client wrote it (ejabberd takes either).
    bool exactDomainCase = false;

    friend bool operator==(const StanzaPolicy &, const StanzaPolicy &) = default;

    static StanzaPolicy forSettings(const ConnectionSettings &settings, Toward toward = Toward::Server);

    // Why `xml` would be refused, or an empty string; `parsed` receives the element when it passes, and
    // `wellFormed` whenever it was parsed, refused or not (a 500 KB stanza takes ~50 ms to parse: the
    // compose form's fields follow a refused one without parsing it again).
    QString check(QByteArrayView xml, XmlElement *parsed = nullptr, XmlElement *wellFormed = nullptr) const;

private:
    QString checkAddresses(const XmlElement &element) const;

public:
    // Last: the macro ends in "private:".
    Q_DECLARE_TR_FUNCTIONS(xcm::StanzaPolicy)
};

} // namespace xcm
