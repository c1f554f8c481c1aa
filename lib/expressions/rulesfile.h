// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "rule.h"

namespace xcm {

// The rules file, shared by the desktop app's import/export and `xcm-cli --rules`:
//
//   <rules xmlns='urn:xcm:rules:1'>
//     <rule name='echo' match="kind == message and body contains 'ping'" delay-ms='0'>
//       <message from='{to}' to='{from}' type='chat'><body>pong {body}</body></message>
//     </rule>
//   </rules>
//
// Each <rule> has a unique name, a match expression, optionally delay-ms (0–3600000) and
// enabled='false', and holds exactly one stanza: the reply template, written in the file's namespace
// (it becomes jabber:component:accept); children in other namespaces declare theirs as usual.
//
// A fault rule (proxy mode only) has action='drop', 'delay' (with delay-ms above 0), 'duplicate' or
// 'hold' and is empty: it acts on the matching stanza, it sends nothing of its own:
//
//     <rule name='slow-acks' match="dir == in and kind == iq" action='delay' delay-ms='500'/>
//
// action='reply' (the default) is the reply rule above.
//
// Reading is all or nothing: the first problem stops it, with its line and column in the file (an
// error in an expression or a placeholder points into the attribute or text that holds it). UTF-8
// only, at most maxFileBytes, no DTD.
class RulesFile
{
    Q_DECLARE_TR_FUNCTIONS(xcm::RulesFile)
public:
    static constexpr qint64 maxFileBytes = 1024 * 1024;
    static inline const QString namespaceUri = QStringLiteral("urn:xcm:rules:1");

    struct Result
    {
        QList<Rule> rules; // compiled, in file order
        QString error;     // "rules.xml:3:29: rule 'echo': expected a value after '=='"; empty: fine
        int line = 0;
        int column = 0;
        bool ok() const { return error.isEmpty(); }
    };

    // `fileName` only prefixes the error.
    static Result read(const QByteArray &data, const QString &fileName = {});
    static Result readFile(const QString &fileName);

    // The file for `rules` (their definitions; counters are not saved). Fails only for a rule whose
    // reply is not well-formed XML.
    static QByteArray write(const QList<Rule> &rules, QString *error = nullptr);
    static bool writeFile(const QString &fileName, const QList<Rule> &rules, QString *error = nullptr);
};

} // namespace xcm
