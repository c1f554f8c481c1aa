// SPDX-License-Identifier: GPL-3.0-or-later
// A real XMPP client for tests: runs tests/support/xmppclient.py (Debian's python3-slixmpp) to log in
// on a test Prosody's c2s port, send iq requests, and report every answer as the client received it.
#pragma once

#include "xmlelement.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <chrono>

namespace xcm::test {

class XmppClientProcess
{
public:
    XmppClientProcess(QString jid, QString password, quint16 clientPort);

    // Whether /usr/bin/python3 with slixmpp is there; `why` says what is missing.
    static bool available(QString *why);

    // Sends all `requests` (iq elements, one per string) at once and returns when each has an answer
    // or `answerTimeout` passed, while the caller's event loop keeps running. False when the client
    // could not log in or failed otherwise: failure() says why.
    bool run(const QStringList &requests, std::chrono::seconds answerTimeout);
    QString failure() const { return m_failure; }

    // The answer the client got to the request with this id; a null element if none.
    XmlElement answer(const QString &id) const;
    qsizetype answerCount() const { return m_answers.size(); }
    // The body of the first message back from the JID a message with this id was sent to (an echo).
    QString messageBody(const QString &id) const { return m_messageBodies.value(id); }
    QStringList timedOut() const { return m_timedOut; }
    // Between sending the request and receiving its answer, on the client's clock; -1 if unanswered.
    double answerDelayMs(const QString &id) const;

private:
    QString m_jid;
    QString m_password;
    quint16 m_port;
    QString m_failure;
    QHash<QString, XmlElement> m_answers;
    QHash<QString, QString> m_messageBodies;
    QHash<QString, double> m_sentAtMs;
    QHash<QString, double> m_answeredAtMs;
    QStringList m_timedOut;
};

} // namespace xcm::test
