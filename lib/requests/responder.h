// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "builtinanswers.h"
#include "respondersettings.h"
#include "stanza.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <deque>

namespace xcm {

// Makes xcm a well-behaved component (RFC 6120 §8.2.3): every get/set addressed to the component's
// domain gets exactly one answer. Built-in ones (BuiltinAnswers) go out at once; anything else gets
// service-unavailable (§8.3.3.19), or with answerByHand waits for the user, who answers it from the
// compose form, until the limit passes and it gets service-unavailable after all.
//
// The owner feeds it what the connection received and sent, and sends what answerReady() hands over
// (marked as automatic in the log). It never answers a result or an error, a request without an id, a
// request the user has already answered, or one request twice.
class Responder : public QObject
{
    Q_OBJECT
public:
    // A request waiting for the user's answer.
    struct HeldRequest
    {
        Stanza request;
        qint64 heldAtMs = 0; // on the responder's monotonic clock
    };

    explicit Responder(QObject *parent = nullptr);
    ~Responder() override;

    // Takes effect for the next request; requests already held keep waiting (or are answered now, when
    // answering by hand was just turned off or the responder disabled).
    void setSettings(const ResponderSettings &settings, const QString &defaultIdentityName);
    const ResponderSettings &settings() const { return m_settings; }
    void setComponentDomain(const QString &domain);
    void setSoftware(const BuiltinAnswers::Software &software);

    // Every stanza the connection received, in order.
    void handleReceived(const Stanza &stanza);
    // Every stanza the connection sent: the user's own answers release held requests.
    void handleSent(const Stanza &stanza);
    // The stream ended: held requests can no longer be answered on it.
    void connectionEnded();

    int heldCount() const { return int(m_held.size()); }
    const std::deque<HeldRequest> &heldRequests() const { return m_held; }
    qint64 nowMs() const { return m_clock.elapsed(); }

Q_SIGNALS:
    // An answer to send now, on the connection the request came from, marked as automatic.
    void answerReady(const QByteArray &xml);
    // A request that got no answer, and why ("no id: it cannot be answered").
    void requestIgnored(const xcm::Stanza &request, const QString &why);
    void heldCountChanged(int count);

private:
    bool isAddressedToUs(const Stanza &stanza) const;
    void send(const XmlElement &reply);
    void answerHeldNow(qsizetype index);
    void scheduleHandTimeout();
    void onHandTimeout();

    ResponderSettings m_settings;
    QString m_defaultIdentityName;
    QString m_domain; // lower case
    BuiltinAnswers::Software m_software;
    BuiltinAnswers m_answers;
    std::deque<HeldRequest> m_held; // oldest first: the limit is the same for all
    QElapsedTimer m_clock;
    QTimer m_handTimer;
};

} // namespace xcm
