// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connectionsettings.h"
#include "connectionstate.h"
#include "streamerror.h"

#include <QAbstractSocket>
#include <QCoreApplication>
#include <QList>
#include <QMetaType>
#include <QSslError>
#include <QString>

namespace xcm {

// Why a connection ended (or never came up), in three layers: a machine-readable kind and condition,
// the peer's or the system's own words, and an explanation that says what to check.
struct DisconnectReason
{
    enum class Kind
    {
        None,
        UserRequest,       // the user disconnected
        Configuration,     // the settings cannot work (no domain, no secret, …)
        Network,           // refused, not found, reset, closed by the peer
        Tls,               // TLS handshake or certificate failure
        Timeout,           // the server did not answer in time
        ServerStreamError, // the server sent <stream:error>
        ServerClosed,      // the server closed the stream without an error
        ProtocolViolation, // the server sent something we refuse; we sent the stream error
    };

    Kind kind = Kind::None;
    QString condition;   // the stream-error condition, or a short token such as "connection-refused"
    QString detail;      // the server's <text>, the socket's message or the parser's finding
    QString explanation; // what it means for a component author and what to check

    bool isNull() const { return kind == Kind::None; }
    bool isError() const { return kind != Kind::None && kind != Kind::UserRequest; }
    // not-authorized or host-unknown from the server: retrying will not help without a change.
    bool isAuthenticationFailure() const;
    // One line: "not-authorized: the server rejected the shared secret — … (server said: …)".
    QString toString() const;

    static DisconnectReason fromServerError(const StreamError &error, const QString &domain);
    static DisconnectReason fromProtocolViolation(const StreamError &sentError);
    friend bool operator==(const DisconnectReason &, const DisconnectReason &) = default;

    // Last: the macro ends in "private:". Gives explainServerStreamError() a context lupdate can see.
    Q_DECLARE_TR_FUNCTIONS(xcm::DisconnectReason)
};

// Plain-language meaning of a stream-error condition received from the server, for component `domain`;
// `serverText`, the error's own <text>, narrows it down where it tells the servers apart.
QString explainServerStreamError(const QString &condition, const QString &domain,
                                 const QString &serverText = {});

// Why `settings` (with a secret or not) cannot make a connection, or a null reason when they can.
DisconnectReason configurationReason(const ConnectionSettings &settings, bool hasSecret);

// Why the server hung up on a connection in `state`; `unfinishedStanzaBytes` of a stanza had arrived.
DisconnectReason connectionClosedReason(ConnectionState state, qint64 unfinishedStanzaBytes);

// Why the connection to host:port failed, from the socket's `error` and its own `socketMessage`. A
// failed TLS handshake is best explained by `certificateReason`, the certificate trouble seen during
// it, when there was some.
DisconnectReason socketErrorReason(QAbstractSocket::SocketError error, const QString &socketMessage,
                                   const QString &host, quint16 port,
                                   const DisconnectReason &certificateReason = {});

// Why the server's TLS certificate is refused; `expectedName` is the name it had to carry (the TLS
// server name, or else the host).
DisconnectReason certificateErrorReason(const QList<QSslError> &errors, const QString &expectedName);

} // namespace xcm

Q_DECLARE_METATYPE(xcm::DisconnectReason)
