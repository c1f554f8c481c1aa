// SPDX-License-Identifier: GPL-3.0-or-later
#include "disconnectreason.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace xcm {

bool DisconnectReason::isAuthenticationFailure() const
{
    return kind == Kind::ServerStreamError &&
           (condition == u"not-authorized" || condition == u"host-unknown");
}

QString DisconnectReason::toString() const
{
    QString line = condition.isEmpty() ? explanation : condition + u": " + explanation;
    if (!detail.isEmpty() && detail != explanation) {
        if (kind == Kind::ServerStreamError || kind == Kind::ServerClosed)
            line += u" (" + tr("server said: %1").arg(detail) + u')';
        else
            line += u" (" + detail + u')';
    }
    return line;
}

DisconnectReason DisconnectReason::fromServerError(const StreamError &error, const QString &domain)
{
    return {Kind::ServerStreamError, error.condition, error.text,
            explainServerStreamError(error.condition, domain, error.text)};
}

DisconnectReason DisconnectReason::fromProtocolViolation(const StreamError &sentError)
{
    return {Kind::ProtocolViolation, sentError.condition, sentError.displayText(),
            tr("the server sent data xcm refuses, so xcm closed the stream")};
}

QString explainServerStreamError(const QString &condition, const QString &domain, const QString &serverText)
{
    if (condition == u"not-authorized") {
        // Prosody says this for a wrong secret only (an unknown name is host-unknown there), so the
        // ejabberd caveat would only mislead.
        if (serverText.contains(u"Given token does not match calculated token"))
            return DisconnectReason::tr(
                       "the server rejected the shared secret — check component_secret for %1")
                .arg(domain);
        return DisconnectReason::tr("the server rejected the shared secret — check component_secret for %1 "
                                    "(on ejabberd this also means the component name is unknown)")
            .arg(domain);
    }
    if (condition == u"host-unknown")
        return DisconnectReason::tr(
                   "the server has no external component named %1 — check the Component entry in its "
                   "configuration and the domain in this profile")
            .arg(domain);
    if (condition == u"conflict")
        return DisconnectReason::tr(
                   "another connection for %1 is already active (or the server has not noticed the "
                   "old one is gone yet); xcm retries with backoff")
            .arg(domain);
    if (condition == u"improper-addressing")
        return DisconnectReason::tr("a stanza lacked a 'to' or 'from' address the server accepts");
    if (condition == u"invalid-from")
        return DisconnectReason::tr("a stanza's 'from' is not on the component domain %1").arg(domain);
    if (condition == u"not-well-formed")
        return DisconnectReason::tr(
            "the server could not parse what was sent (Prosody also says this for a stanza over "
            "its 512 KiB component limit)");
    if (condition == u"policy-violation")
        return DisconnectReason::tr("the server's policy refused the traffic (often a size or rate limit)");
    if (condition == u"system-shutdown")
        return DisconnectReason::tr("the server is shutting down");
    if (condition == u"connection-timeout")
        return DisconnectReason::tr("the server closed the idle stream; lower the keepalive interval");
    if (condition == u"see-other-host")
        return DisconnectReason::tr("the server redirects this component to another host");
    if (condition == u"reset")
        return DisconnectReason::tr("the server reset the stream (a configuration reload, often)");
    if (condition == u"bad-format" || condition == u"invalid-namespace" || condition == u"invalid-xml" ||
        condition == u"restricted-xml" || condition == u"unsupported-encoding")
        return DisconnectReason::tr("the server refused the XML sent to it");
    if (condition == u"internal-server-error")
        return DisconnectReason::tr("the server failed internally; see its log");
    return DisconnectReason::tr("the server closed the stream with an error");
}

} // namespace xcm
