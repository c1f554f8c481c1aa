// SPDX-License-Identifier: GPL-3.0-or-later
#include "pinger.h"

#include "componentconnection.h"
#include "jid.h"
#include "logging.h"
#include "xmlelement.h"

#include <QDateTime>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace xcm {

namespace {

constexpr auto pingNamespace = u"urn:xmpp:ping";

// The same address, as servers compare them: the domain and local part without regard to case.
bool sameAddress(const QString &a, const QString &b)
{
    const Jid first = Jid::parse(a);
    const Jid second = Jid::parse(b);
    return first.isValid() && second.isValid() && first.domain() == second.domain() &&
           first.local().compare(second.local(), Qt::CaseInsensitive) == 0 &&
           first.resource() == second.resource();
}

} // namespace

Pinger::Pinger(ComponentConnection *connection)
    : QObject(connection)
    , m_connection(connection)
{
    connect(connection, &ComponentConnection::stanzaReceived, this, &Pinger::onStanzaReceived);
}

Pinger::~Pinger() = default;

QString Pinger::nextId()
{
    // The time in ms, one more than the last if that was the same millisecond: unique per Pinger.
    m_lastIdStamp = std::max(QDateTime::currentMSecsSinceEpoch(), m_lastIdStamp + 1);
    return u"xcm-ping-%1"_s.arg(m_lastIdStamp);
}

QString Pinger::ping(const QString &target, std::chrono::milliseconds timeout)
{
    const QString id = nextId();
    XmlElement iq(u"iq"_s, QString::fromUtf16(ns::component));
    iq.setAttribute(u"type"_s, u"get"_s);
    iq.setAttribute(u"id"_s, id);
    iq.setAttribute(u"from"_s, m_connection->settings().domain);
    iq.setAttribute(u"to"_s, target);
    iq.appendChild(XmlElement(u"ping"_s, QString::fromUtf16(pingNamespace)));
    PendingPing &pending = m_pending[id];
    pending.target = target;
    pending.clock.start();
    if (const QString problem = m_connection->send(iq.toXml().toUtf8()); !problem.isEmpty()) {
        m_pending.remove(id);
        qCDebug(lcConnection).noquote() << "ping to" << target << "not sent:" << problem;
        return problem;
    }
    qCDebug(lcConnection).noquote() << "ping" << id << "to" << target;
    QTimer::singleShot(timeout, this, [this, id] { onTimeout(id); });
    return {};
}

void Pinger::onStanzaReceived(const Stanza &stanza)
{
    // Only the target's answer counts: a request with our id (our own ping, routed back) does not.
    if (stanza.kind() != StanzaKind::Iq)
        return;
    const QString type = stanza.type();
    const auto found = m_pending.constFind(stanza.id());
    if (found == m_pending.cend() || (type != u"result" && type != u"error") ||
        !sameAddress(stanza.from(), found->target))
        return;
    Result result;
    result.outcome = type == u"result" ? Result::Outcome::Pong : Result::Outcome::Error;
    result.target = found->target;
    result.id = found.key();
    result.milliseconds = found->clock.nsecsElapsed() / 1e6;
    result.reply = stanza;
    m_pending.erase(found);
    qCDebug(lcConnection).noquote() << "ping" << result.id << "answered with" << type << "after"
                                    << result.milliseconds << "ms";
    Q_EMIT finished(result);
}

void Pinger::onTimeout(const QString &id)
{
    const auto found = m_pending.constFind(id);
    if (found == m_pending.cend())
        return; // answered in time
    Result result;
    result.target = found->target;
    result.id = id;
    result.milliseconds = found->clock.nsecsElapsed() / 1e6;
    m_pending.erase(found);
    qCDebug(lcConnection).noquote() << "ping" << id << "to" << result.target << "timed out";
    Q_EMIT finished(result);
}

} // namespace xcm
