// SPDX-License-Identifier: GPL-3.0-or-later
#include "responder.h"

#include "jid.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace xcm {

namespace {

QString bareLower(const QString &jid)
{
    const qsizetype slash = jid.indexOf(u'/');
    return (slash < 0 ? jid : jid.first(slash)).toLower();
}

// Whether `answer` (a result or error we sent) answers `request` (a get/set we received).
bool answers(const Stanza &answer, const Stanza &request)
{
    return answer.id() == request.id() && bareLower(answer.to()) == bareLower(request.from()) &&
           bareLower(answer.from()) == bareLower(request.to());
}

} // namespace

Responder::Responder(QObject *parent)
    : QObject(parent)
    , m_answers(m_settings, {}, m_software)
{
    m_clock.start();
    m_handTimer.setSingleShot(true);
    connect(&m_handTimer, &QTimer::timeout, this, &Responder::onHandTimeout);
}

Responder::~Responder() = default;

void Responder::setSettings(const ResponderSettings &settings, const QString &defaultIdentityName)
{
    m_settings = settings;
    m_defaultIdentityName = defaultIdentityName;
    m_answers = BuiltinAnswers(m_settings, m_defaultIdentityName, m_software);
    // Nobody is going to answer the held ones by hand any more: do it now rather than at the limit.
    if (!m_settings.enabled || !m_settings.answerByHand) {
        while (!m_held.empty())
            answerHeldNow(0);
    }
    scheduleHandTimeout();
}

void Responder::setComponentDomain(const QString &domain)
{
    m_domain = domain.toLower();
}

void Responder::setSoftware(const BuiltinAnswers::Software &software)
{
    m_software = software;
    m_answers = BuiltinAnswers(m_settings, m_defaultIdentityName, m_software);
}

bool Responder::isAddressedToUs(const Stanza &stanza) const
{
    const Jid to = Jid::parse(stanza.to());
    return to.isValid() && to.domain().toLower() == m_domain;
}

void Responder::send(const XmlElement &reply)
{
    Q_EMIT answerReady(reply.toXml().toUtf8());
}

void Responder::handleReceived(const Stanza &stanza)
{
    if (!m_settings.enabled || stanza.kind() != StanzaKind::Iq)
        return;
    const QString type = stanza.type();
    if (type != u"get" && type != u"set")
        return; // results and errors are answers themselves: answering them would loop
    if (!isAddressedToUs(stanza))
        return;
    if (stanza.id().isEmpty()) {
        Q_EMIT requestIgnored(stanza, tr("a request without an id cannot be answered"));
        return;
    }
    if (stanza.from().isEmpty()) {
        Q_EMIT requestIgnored(stanza, tr("a request without a sender cannot be answered"));
        return;
    }
    if (const XmlElement builtin = m_answers.answer(stanza); !builtin.isNull()) {
        send(builtin);
        return;
    }
    if (!m_settings.answerByHand) {
        send(BuiltinAnswers::errorReply(stanza, StanzaError::Condition::ServiceUnavailable));
        return;
    }
    if (heldCount() >= m_settings.maxHeld) {
        // A flood: holding more would let one asker pin down memory and the user's attention.
        send(BuiltinAnswers::errorReply(stanza, StanzaError::Condition::ResourceConstraint));
        return;
    }
    m_held.push_back({stanza, nowMs()});
    scheduleHandTimeout();
    Q_EMIT heldCountChanged(heldCount());
}

void Responder::handleSent(const Stanza &stanza)
{
    if (m_held.empty() || stanza.kind() != StanzaKind::Iq)
        return;
    const QString type = stanza.type();
    if (type != u"result" && type != u"error")
        return;
    for (auto it = m_held.begin(); it != m_held.end(); ++it) {
        if (answers(stanza, it->request)) {
            m_held.erase(it);
            scheduleHandTimeout();
            Q_EMIT heldCountChanged(heldCount());
            return;
        }
    }
}

void Responder::connectionEnded()
{
    if (m_held.empty())
        return;
    m_held.clear();
    m_handTimer.stop();
    Q_EMIT heldCountChanged(0);
}

void Responder::answerHeldNow(qsizetype index)
{
    const Stanza request = m_held[size_t(index)].request;
    m_held.erase(m_held.begin() + index);
    send(BuiltinAnswers::errorReply(request, StanzaError::Condition::ServiceUnavailable));
    Q_EMIT heldCountChanged(heldCount());
}

void Responder::scheduleHandTimeout()
{
    const qint64 limitMs = m_settings.handAnswerLimit.count();
    if (m_held.empty() || limitMs <= 0) {
        m_handTimer.stop();
        return;
    }
    m_handTimer.start(
        int(std::clamp<qint64>(m_held.front().heldAtMs + limitMs - nowMs(), 0, 24 * 3600 * 1000)));
}

void Responder::onHandTimeout()
{
    const qint64 limitMs = m_settings.handAnswerLimit.count();
    while (!m_held.empty() && limitMs > 0 && m_held.front().heldAtMs + limitMs <= nowMs())
        answerHeldNow(0);
    scheduleHandTimeout();
}

} // namespace xcm
