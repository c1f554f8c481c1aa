// SPDX-License-Identifier: GPL-3.0-or-later
#include "disconnectreason.h"

#include "jid.h"

#include <QCoreApplication>
#include <QSslCertificate>

#include <algorithm>

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
                   "configuration and the domain xcm connects as")
            .arg(domain);
    if (condition == u"conflict")
        return DisconnectReason::tr(
                   "another connection for %1 is already active (or the server has not noticed the "
                   "old one is gone yet)")
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

DisconnectReason configurationReason(const ConnectionSettings &settings, bool hasSecret)
{
    QString problem;
    QString domainError;
    if (settings.host.isEmpty())
        problem = DisconnectReason::tr("no server host is set");
    else if (settings.port == 0)
        problem = DisconnectReason::tr("no server port is set");
    else if (!Jid::isValidDomain(settings.domain, &domainError))
        problem = DisconnectReason::tr("the component domain is not valid: %1").arg(domainError);
    else if (!hasSecret)
        problem = DisconnectReason::tr("no shared secret is set");
    if (problem.isEmpty())
        return {};
    return {DisconnectReason::Kind::Configuration, u"configuration"_s, {}, problem};
}

DisconnectReason connectionClosedReason(ConnectionState state, qint64 unfinishedStanzaBytes)
{
    QString explanation = DisconnectReason::tr("the server closed the connection");
    if (state == ConnectionState::OpeningStream)
        explanation = DisconnectReason::tr("the server closed the connection before sending its stream "
                                           "header — is this the component port, and does it expect direct "
                                           "TLS?");
    else if (state == ConnectionState::Authenticating)
        explanation = DisconnectReason::tr("the server closed the connection during the handshake");
    else if (unfinishedStanzaBytes > 0)
        explanation = DisconnectReason::tr("the server closed the connection in the middle of a stanza (%1 "
                                           "bytes of it received)")
                          .arg(unfinishedStanzaBytes);
    return {DisconnectReason::Kind::Network, u"connection-closed"_s, {}, explanation};
}

DisconnectReason socketErrorReason(QAbstractSocket::SocketError error, const QString &socketMessage,
                                   const QString &host, quint16 port,
                                   const DisconnectReason &certificateReason)
{
    using Kind = DisconnectReason::Kind;
    const QString where = host + u':' + QString::number(port);
    switch (error) {
    case QAbstractSocket::ConnectionRefusedError:
        return {Kind::Network, u"connection-refused"_s, socketMessage,
                DisconnectReason::tr("nothing accepts connections on %1 — is the server running, and is its "
                                     "component port open on that address?")
                    .arg(where)};
    case QAbstractSocket::HostNotFoundError:
        return {Kind::Network, u"host-not-found"_s, socketMessage,
                DisconnectReason::tr("the host name %1 could not be resolved").arg(host)};
    case QAbstractSocket::SocketTimeoutError:
        return {Kind::Timeout, u"connection-timeout"_s, socketMessage,
                DisconnectReason::tr("the connection to %1 timed out").arg(where)};
    case QAbstractSocket::NetworkError:
        return {Kind::Network, u"network-error"_s, socketMessage,
                DisconnectReason::tr("the network to %1 failed").arg(where)};
    case QAbstractSocket::SslHandshakeFailedError:
    case QAbstractSocket::SslInternalError:
    case QAbstractSocket::SslInvalidUserDataError:
        if (!certificateReason.isNull())
            return certificateReason;
        return {Kind::Tls, u"tls-failed"_s, socketMessage,
                DisconnectReason::tr("the TLS handshake with %1 failed — does this port speak direct TLS?")
                    .arg(where)};
    default:
        return {Kind::Network, u"socket-error"_s, socketMessage,
                DisconnectReason::tr("the connection to %1 failed").arg(where)};
    }
}

DisconnectReason certificateErrorReason(const QList<QSslError> &errors, const QString &expectedName)
{
    const bool onlyTheName = std::all_of(errors.cbegin(), errors.cend(), [](const QSslError &e) {
        return e.error() == QSslError::HostNameMismatch;
    });
    if (!onlyTheName || errors.isEmpty())
        return {DisconnectReason::Kind::Tls, u"tls-certificate"_s, errors.value(0).errorString(),
                DisconnectReason::tr("the server's TLS certificate is not trusted — install its CA, or allow "
                                     "invalid certificates for a development server")};
    // A trusted certificate for another name: usually the server's XMPP domain, reached by an address.
    const QSslCertificate certificate = errors.constFirst().certificate();
    QStringList names = certificate.subjectInfo(QSslCertificate::CommonName);
    for (const QString &name : certificate.subjectAlternativeNames().values(QSsl::DnsEntry)) {
        if (!names.contains(name))
            names.append(name);
    }
    return {
        DisconnectReason::Kind::Tls, u"tls-name-mismatch"_s, errors.constFirst().errorString(),
        DisconnectReason::tr("the server's TLS certificate is for %1, not %2 — set the TLS server name to "
                             "the name the certificate carries")
            .arg(names.isEmpty() ? DisconnectReason::tr("no name") : names.join(u", "_s), expectedName)};
}

} // namespace xcm
