// SPDX-License-Identifier: GPL-3.0-or-later
#include "clisession.h"

#include "xmlelement.h"

#include <QDateTime>
#include <QTimer>

#include <cstdio>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace xcm::cli {

namespace {
// A synthetic stream header lets the stream parser split a file of stanzas exactly like live traffic.
constexpr char inputHeader[] = "<stream:stream xmlns='jabber:component:accept' "
                               "xmlns:stream='http://etherx.jabber.org/streams' id='input'>";
} // namespace

CliSession::CliSession(CliOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_out(stdout)
    , m_err(stderr)
{
    m_connection.setSettings(m_options.settings);
    m_connection.setSecret(m_options.secret);
    m_options.secret.clear();
    connect(&m_connection, &ComponentConnection::stateChanged, this, &CliSession::onStateChanged);
    connect(&m_connection, &ComponentConnection::stanzaReceived, this, &CliSession::printStanza);
    connect(&m_connection, &ComponentConnection::stanzaSent, this, &CliSession::printStanza);
    connect(&m_connection, &ComponentConnection::stanzaReceived, this, &CliSession::onPingReply);
    connect(&m_connection, &ComponentConnection::reconnectScheduled, this,
            [this](int attempt, qint64 delayMs) {
                status(u"reconnecting in %1 s (attempt %2)"_s.arg(delayMs / 1000.0, 0, 'f', 1).arg(attempt));
            });
    m_input.setLimits({m_options.settings.maxStanzaBytes, 100});
    connect(&m_input, &StreamParser::stanzaReceived, this, [this](const Stanza &stanza) {
        m_queued.append(stanza.wire());
        if (m_connection.state() == ConnectionState::Connected)
            sendQueued();
    });
    connect(&m_input, &StreamParser::failed, this, [this](const StreamError &problem) {
        error(u"the stanzas to send are not valid: %1"_s.arg(problem.text));
        m_inputDone = true;
        m_queued.clear();
        m_exitCode = UsageError;
        if (m_connection.state() == ConnectionState::Disconnected)
            finish(UsageError);
        else
            m_connection.disconnectFromServer();
    });
}

CliSession::~CliSession() = default;

bool CliSession::prepare()
{
    if (m_options.sendPath.isEmpty()) {
        m_inputDone = true;
        return true;
    }
    m_input.feed(inputHeader);
    if (m_options.sendPath == u"-") {
        // Standard input is read as it comes, so `tail -f | xcm-cli --send -` streams.
        m_stdin = std::make_unique<QFile>();
        if (!m_stdin->open(stdin, QIODevice::ReadOnly | QIODevice::Unbuffered)) {
            error(u"cannot read standard input"_s);
            return false;
        }
        return true;
    }
    QFile file(m_options.sendPath);
    if (!file.open(QIODevice::ReadOnly)) {
        error(u"cannot read %1: %2"_s.arg(m_options.sendPath, file.errorString()));
        return false;
    }
    m_input.feed(file.readAll());
    if (m_input.hasFailed())
        return false;
    if (m_input.pendingBytes() > 0) {
        error(u"%1 ends in the middle of a stanza"_s.arg(m_options.sendPath));
        return false;
    }
    for (const QByteArray &stanza : std::as_const(m_queued)) {
        const QString problem = ComponentConnection::validateStanza(stanza, m_options.settings.domain,
                                                                    m_options.settings.maxStanzaBytes);
        if (!problem.isEmpty()) {
            error(u"%1: refusing %2: %3"_s.arg(m_options.sendPath, QString::fromUtf8(stanza.left(80)),
                                               problem));
            return false;
        }
    }
    if (m_queued.isEmpty()) {
        error(u"%1 holds no stanza to send"_s.arg(m_options.sendPath));
        return false;
    }
    m_inputDone = true;
    return true;
}

void CliSession::start()
{
    status(
        u"connecting to %1:%2 as %3%4"_s.arg(m_options.settings.host)
            .arg(m_options.settings.port)
            .arg(m_options.settings.domain, m_options.settings.directTls ? u" (direct TLS)"_s : QString()));
    m_connection.connectToServer();
}

void CliSession::interrupt()
{
    if (m_connection.state() == ConnectionState::Disconnected) {
        finish(m_exitCode);
        return;
    }
    m_closing = true;
    m_connection.disconnectFromServer();
}

void CliSession::onStateChanged(ConnectionState state, const DisconnectReason &reason)
{
    if (state == ConnectionState::Connected) {
        onConnected();
        return;
    }
    if (state != ConnectionState::Disconnected)
        return;
    if (reason.isError())
        error(reason.toString());
    else if (!reason.isNull())
        status(u"disconnected"_s);
    const int code = exitCodeFor(reason);
    // The reconnect, if any, is scheduled right after this signal.
    QTimer::singleShot(0, this, [this, code] {
        if (m_connection.nextReconnectAtMs() > 0 && !m_closing)
            return;
        finish(m_exitCode != Success ? m_exitCode : code);
    });
}

void CliSession::onConnected()
{
    status(u"connected as %1 (stream id %2)"_s.arg(m_options.settings.domain, m_connection.streamId()));
    if (m_stdin && !m_stdinNotifier) {
        m_stdinNotifier = std::make_unique<QSocketNotifier>(STDIN_FILENO, QSocketNotifier::Read);
        connect(m_stdinNotifier.get(), &QSocketNotifier::activated, this, &CliSession::readStandardInput);
    }
    sendQueued();
    if (!m_options.pingTarget.isEmpty() && m_pingId.isEmpty())
        startPing();
    workDone();
}

void CliSession::readStandardInput()
{
    char buffer[16 * 1024];
    const ssize_t read = ::read(STDIN_FILENO, buffer, sizeof buffer);
    if (read > 0) {
        m_input.feed(QByteArrayView(buffer, read));
        return;
    }
    m_stdinNotifier->setEnabled(false);
    if (m_input.pendingBytes() > 0) {
        error(u"standard input ended in the middle of a stanza; that stanza was not sent"_s);
        m_exitCode = UsageError;
    }
    m_inputDone = true;
    workDone();
}

void CliSession::sendQueued()
{
    while (!m_queued.isEmpty() && m_connection.state() == ConnectionState::Connected) {
        const QByteArray stanza = m_queued.takeFirst();
        const QString problem = m_connection.send(stanza);
        if (!problem.isEmpty()) {
            error(u"not sent: %1: %2"_s.arg(problem, QString::fromUtf8(stanza.left(80))));
            m_exitCode = UsageError;
        }
    }
}

void CliSession::startPing()
{
    m_pingId = u"xcm-ping-%1"_s.arg(QDateTime::currentMSecsSinceEpoch());
    const XmlElement ping(u"ping"_s, u"urn:xmpp:ping"_s);
    XmlElement iq(u"iq"_s, QString::fromUtf16(ns::component));
    iq.setAttribute(u"type"_s, u"get"_s);
    iq.setAttribute(u"id"_s, m_pingId);
    iq.setAttribute(u"from"_s, m_options.settings.domain);
    iq.setAttribute(u"to"_s, m_options.pingTarget);
    iq.appendChild(ping);
    m_pingClock.start();
    const QString problem = m_connection.send(iq.toXml().toUtf8());
    if (!problem.isEmpty()) {
        error(u"cannot ping: %1"_s.arg(problem));
        m_exitCode = PingFailed;
        m_pingId.clear();
        return;
    }
    QTimer::singleShot(m_options.pingTimeout, this, [this, id = m_pingId] {
        if (m_pingId != id)
            return;
        error(u"no answer to the ping from %1 within %2 s"_s.arg(m_options.pingTarget)
                  .arg(m_options.pingTimeout.count() / 1000.0));
        m_exitCode = PingFailed;
        m_pingId.clear();
        workDone();
    });
}

void CliSession::onPingReply(const Stanza &stanza)
{
    if (m_pingId.isEmpty() || stanza.kind() != StanzaKind::Iq || stanza.id() != m_pingId)
        return;
    const double milliseconds = m_pingClock.nsecsElapsed() / 1e6;
    if (stanza.type() == u"result") {
        m_out << "pong from " << stanza.from() << " in " << QString::number(milliseconds, 'f', 2) << " ms\n";
        m_out.flush();
    } else {
        const XmlElement condition = stanza.element().firstChild(u"error").firstChild({}, ns::stanzaErrors);
        error(u"ping answered with an error from %1: %2"_s.arg(
            stanza.from(), condition.isNull() ? stanza.type() : condition.name()));
        m_exitCode = PingFailed;
    }
    m_pingId.clear();
    workDone();
}

void CliSession::workDone()
{
    // Without --tail the session ends once everything asked for is done.
    if (m_options.tail || !m_inputDone || !m_queued.isEmpty() || !m_pingId.isEmpty())
        return;
    if (m_connection.state() != ConnectionState::Connected)
        return;
    m_closing = true;
    m_connection.disconnectFromServer();
}

void CliSession::printStanza(const Stanza &stanza)
{
    const QString time = QDateTime::fromMSecsSinceEpoch(stanza.timestampMs()).toString(u"HH:mm:ss.zzz"_s);
    const char *direction = stanza.direction() == Direction::Received ? "IN " : "OUT";
    QString xml;
    if (m_options.pretty && stanza.kind() != StanzaKind::Stream && !stanza.element().isNull()) {
        xml = u"\n"_s + stanza.element().toXml(true);
    } else {
        // One line per stanza: line breaks inside become character references, which mean the same.
        xml = QString::fromUtf8(stanza.wire());
        xml.replace(u'\n', u"&#10;"_s).replace(u'\r', u"&#13;"_s);
    }
    m_out << time << ' ' << direction << ' ' << xml << '\n';
    m_out.flush();
}

void CliSession::status(const QString &line)
{
    if (m_options.quiet)
        return;
    m_err << "xcm-cli: " << line << '\n';
    m_err.flush();
}

void CliSession::error(const QString &line)
{
    m_err << "xcm-cli: error: " << line << '\n';
    m_err.flush();
}

void CliSession::finish(int exitCode)
{
    if (m_finished)
        return;
    m_finished = true;
    Q_EMIT finished(exitCode);
}

int CliSession::exitCodeFor(const DisconnectReason &reason)
{
    using Kind = DisconnectReason::Kind;
    switch (reason.kind) {
    case Kind::None:
    case Kind::UserRequest:
        return Success;
    case Kind::Configuration:
        return UsageError;
    case Kind::Network:
    case Kind::Timeout:
        return NetworkError;
    case Kind::Tls:
        return TlsError;
    case Kind::ServerStreamError:
        return reason.isAuthenticationFailure() ? AuthenticationError : ProtocolError;
    case Kind::ServerClosed:
    case Kind::ProtocolViolation:
        return ProtocolError;
    }
    return ProtocolError;
}

} // namespace xcm::cli
