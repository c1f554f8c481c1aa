// SPDX-License-Identifier: GPL-3.0-or-later
#include "clisession.h"

#include "countof.h"
#include "hostandport.h"
#include "jid.h"
#include "originnote.h"
#include "reconnectpolicy.h"
#include "stanzaerror.h"
#include "stanzapolicy.h"
#include "xmlelement.h"

#include <QCoreApplication>

#include <cerrno>
#include <cstdio>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace xcm::cli {

namespace {

// "condition (text)" of an error stanza's <error/>, for one line on the terminal.
QString stanzaErrorText(const Stanza &errorStanza)
{
    const StanzaError error = StanzaError::fromStanza(errorStanza);
    if (error.isNull())
        return u"an error without a condition"_s;
    const QString text = error.text();
    return StanzaError::conditionName(error.condition()) +
           (text.isEmpty() ? QString() : u" (%1)"_s.arg(text));
}

} // namespace

CliSession::CliSession(CliOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_printer({m_options.pretty, m_options.quiet, m_options.showTraffic})
    , m_filter(m_options.filter, m_printer)
{
    m_connection.setSettings(m_options.settings);
    m_connection.setSecret(m_options.secret);
    m_options.secret.clear();
    connect(&m_connection, &ComponentConnection::stateChanged, this, &CliSession::onStateChanged);
    connect(&m_connection, &ComponentConnection::stanzaReceived, this, &CliSession::onStanzaReceived);
    connect(&m_connection, &ComponentConnection::stanzaSent, this, &CliSession::onStanzaSent);
    connect(&m_connection, &ComponentConnection::pendingChanged, this, &CliSession::updateInputFlow);
    connect(&m_connection, &ComponentConnection::backlogChanged, this, &CliSession::updateInputFlow);
    connect(&m_connection, &ComponentConnection::reconnectScheduled, this,
            [this](int attempt, qint64 delayMs) {
                status(u"reconnecting in %1 s (attempt %2)"_s.arg(delayMs / 1000.0, 0, 'f', 1).arg(attempt));
            });
    // Made after the connections above, so that a ping's answer is printed before its result.
    m_pinger = new Pinger(&m_connection);
    connect(m_pinger, &Pinger::finished, this, &CliSession::onPingFinished);

    m_responder.setComponentDomain(m_options.settings.domain);
    m_responder.setSoftware({u"xcm"_s, QCoreApplication::applicationVersion(), {}});
    m_responder.setSettings(m_options.responder, u"xcm-cli"_s);
    connect(&m_responder, &Responder::answerReady, this, [this](const QByteArray &answer) {
        m_sendingAnswer = true;
        if (const QString problem = m_connection.send(answer); !problem.isEmpty())
            error(u"cannot answer a request: %1"_s.arg(problem));
        m_sendingAnswer = false;
    });
    connect(&m_responder, &Responder::requestIgnored, this,
            [this](const Stanza &request, const QString &why) {
                status(u"not answering a request from %1: %2"_s.arg(request.from(), why));
            });
    connect(&m_printer, &TrafficPrinter::outputClosed, this, &CliSession::interrupt, Qt::QueuedConnection);

    m_rules.setComponentDomain(m_options.settings.domain);
    m_rules.setMaxStanzaBytes(m_options.settings.maxStanzaBytes);
    m_rules.setRules(m_options.rules); // compiled already by the option parser
    connect(&m_rules, &RuleEngine::replyReady, this, [this](const QByteArray &reply, const QString &rule) {
        m_sendingRule = rule;
        if (const QString problem = m_connection.send(reply); !problem.isEmpty())
            error(u"rule '%1' cannot send its reply: %2"_s.arg(rule, problem));
        m_sendingRule.clear();
    });
    connect(&m_rules, &RuleEngine::ruleFailed, this, [this](int index, const QString &why) {
        m_printer.warning(u"rule '%1': %2"_s.arg(m_rules.rules().value(index).name(), why));
    });
    connect(&m_rules, &RuleEngine::rulePaused, this, [this](int index, const QString &why) {
        m_printer.warning(u"rule '%1' %2; it stays paused for the rest of this run"_s.arg(
            m_rules.rules().value(index).name(), why));
    });
}

CliSession::~CliSession()
{
    // The members after the connection go first: nothing it says while it is torn down (a stanza read
    // late, a state change) may reach a tracker, responder, printer or capture already destroyed.
    m_connection.disconnect(this);
    if (m_pinger)
        m_pinger->disconnect(this);
    m_responder.disconnect(this);
    m_rules.disconnect(this);
    if (m_capture)
        m_capture->disconnect(this);
}

bool CliSession::prepare()
{
    if (!m_options.recordDirectory.isEmpty()) {
        m_capture = std::make_unique<CaptureWriter>(CaptureWriter::Settings{m_options.recordDirectory});
        QString why;
        if (!m_capture->start(&why)) {
            error(u"--record: %1"_s.arg(why));
            return false;
        }
        connect(m_capture.get(), &CaptureWriter::fileStarted, this,
                [this](const QString &file) { status(u"recording to %1"_s.arg(file)); });
        connect(m_capture.get(), &CaptureWriter::failed, this,
                [this](const QString &why) { m_printer.warning(u"recording stopped: %1"_s.arg(why)); });
    }
    if (m_options.sendPath.isEmpty()) {
        m_inputDone = true;
        return true;
    }
    const bool fromStandardInput = m_options.sendPath == u"-";
    m_input = std::make_unique<SendInput>(fromStandardInput ? u"standard input"_s : m_options.sendPath,
                                          m_options.settings.maxStanzaBytes);
    connect(m_input.get(), &SendInput::stanzaReady, this,
            [this](const QByteArray &wire, const QString &location) {
                m_queued.append({wire, location});
                if (m_connection.state() == ConnectionState::Connected)
                    sendQueued();
            });
    connect(m_input.get(), &SendInput::failed, this, [this](const QString &message) {
        // The stanzas before the problem still go out; then the session ends with the usage code.
        error(message);
        m_exitCode = UsageError;
        m_inputDone = m_inputFailed = true;
        if (m_stdinNotifier)
            m_stdinNotifier->setEnabled(false);
        workDone();
    });
    if (fromStandardInput) {
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
    m_input->feed(file.readAll());
    m_input->finish();
    if (m_input->hasFailed())
        return false;
    for (const QueuedStanza &stanza : std::as_const(m_queued)) {
        StanzaPolicy policy = StanzaPolicy::forSettings(m_options.settings);
        policy.exactDomainCase = true; // what the user wrote, which a server may compare letter for letter
        const QString problem = policy.check(stanza.wire);
        if (!problem.isEmpty()) {
            error(u"%1: refusing this stanza: %2"_s.arg(stanza.location, problem));
            return false;
        }
    }
    m_inputDone = true;
    return true;
}

void CliSession::start()
{
    status(u"connecting to %1 as %2%3"_s.arg(hostAndPort(m_options.settings.host, m_options.settings.port),
                                             m_options.settings.domain,
                                             m_options.settings.directTls ? u" (direct TLS)"_s : QString()));
    m_printer.watchStandardOutput();
    m_connection.connectToServer();
}

void CliSession::interrupt()
{
    if (m_finished)
        return;
    if (m_connection.state() == ConnectionState::Disconnected) {
        // Waiting to reconnect: the connection is down because of the last failure.
        finish(m_exitCode != Success ? m_exitCode : m_lastFailureCode);
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
    m_tracker.connectionEnded();
    m_responder.connectionEnded();
    const bool retrying = m_connection.nextReconnectAtMs() > 0 && !m_closing;
    if (reason.isError()) {
        // Say what this run does next: a failure that --reconnect would retry ends a run without it. Not
        // for data xcm refused (a client port's stream, say): a retry would get the same.
        ReconnectPolicy withReconnect = m_options.settings.reconnect;
        withReconnect.enabled = true;
        const bool retriedWithReconnect = !retrying && !m_closing && !m_options.settings.reconnect.enabled &&
                                          withReconnect.retries(reason) &&
                                          reason.kind != DisconnectReason::Kind::ProtocolViolation;
        const QString text = reason.toString();
        if (!retriedWithReconnect)
            error(text);
        else if (text.endsWith(u'?')) // "… does it expect direct TLS?"
            error(text + u" Exiting (--reconnect would retry)."_s);
        else
            error(text + u"; exiting (--reconnect would retry)"_s);
        m_lastFailureCode = exitCodeFor(reason);
    } else if (!reason.isNull()) {
        status(u"disconnected"_s);
    }
    // Flapping while a retry is pending; otherwise why the retries stopped.
    const QString notice = m_connection.reconnectNotice();
    if (!notice.isEmpty() && retrying)
        m_printer.warning(notice);
    else if (!notice.isEmpty())
        error(notice);
    updateInputFlow();
    if (retrying)
        return; // a retry is scheduled
    finish(m_exitCode != Success ? m_exitCode : m_lastFailureCode);
}

void CliSession::onConnected()
{
    m_lastFailureCode = Success;
    m_tracker.setServerDomain(m_connection.serverDomain());
    status(u"connected as %1 (stream id %2)"_s.arg(m_options.settings.domain, m_connection.streamId()));
    if (m_stdin && !m_stdinNotifier && !m_inputDone) {
        m_stdinNotifier = std::make_unique<QSocketNotifier>(STDIN_FILENO, QSocketNotifier::Read);
        connect(m_stdinNotifier.get(), &QSocketNotifier::activated, this, &CliSession::readStandardInput);
    }
    sendQueued();
    if (!m_options.pingTarget.isEmpty() && m_pinger->pendingCount() == 0)
        startPing();
    workDone();
}

void CliSession::readStandardInput()
{
    char buffer[16 * 1024];
    const ssize_t read = ::read(STDIN_FILENO, buffer, sizeof buffer);
    if (read > 0) {
        m_input->feed(QByteArrayView(buffer, read));
        updateInputFlow();
        return;
    }
    if (read < 0 && (errno == EINTR || errno == EAGAIN))
        return;
    m_stdinNotifier->setEnabled(false);
    m_input->finish(); // an unfinished stanza or no stanza at all ends the session through failed()
    if (m_input->hasFailed())
        return;
    m_inputDone = true;
    workDone();
}

void CliSession::updateInputFlow()
{
    // Backpressure: standard input stays unread (its writer blocks) while too much waits to go out.
    if (!m_stdinNotifier || m_inputDone)
        return;
    const qsizetype waiting = m_queued.size() + m_connection.pendingCount();
    m_stdinNotifier->setEnabled(waiting < maxWaitingStanzas && m_connection.bytesToWrite() < maxUnsentBytes);
}

void CliSession::sendQueued()
{
    while (!m_queued.isEmpty() && m_connection.state() == ConnectionState::Connected) {
        const QueuedStanza stanza = m_queued.takeFirst();
        const QString problem = m_connection.send(stanza.wire);
        if (!problem.isEmpty()) {
            error(u"%1: not sent: %2"_s.arg(stanza.location, problem));
            m_exitCode = UsageError;
        }
    }
    updateInputFlow();
}

void CliSession::startPing()
{
    if (const QString problem = m_pinger->ping(m_options.pingTarget, m_options.pingTimeout);
        !problem.isEmpty()) {
        error(u"cannot ping: %1"_s.arg(problem));
        m_exitCode = PingFailed;
    }
}

void CliSession::onStanzaReceived(const Stanza &stanza)
{
    printStanza(stanza, ++m_sequence);
    // A request a rule answers gets no automatic answer besides (one answer per request).
    if (!m_rules.handleReceived(stanza))
        m_responder.handleReceived(stanza); // the answers to our own pings are the Pinger's
}

void CliSession::onStanzaSent(const Stanza &stanza)
{
    printStanza(stanza, ++m_sequence);
    m_responder.handleSent(stanza);
}

void CliSession::onPingFinished(const Pinger::Result &result)
{
    switch (result.outcome) {
    case Pinger::Result::Outcome::Pong:
        m_printer.printLine(u"pong from %1 in %2 ms"_s.arg(result.reply.from(),
                                                           QString::number(result.milliseconds, 'f', 2)));
        break;
    case Pinger::Result::Outcome::Error:
        error(u"ping answered with an error from %1: %2"_s.arg(result.reply.from(),
                                                               stanzaErrorText(result.reply)));
        m_exitCode = PingFailed;
        break;
    case Pinger::Result::Outcome::Timeout:
        error(u"no answer to the ping from %1 within %2 s (--ping-timeout)"_s.arg(result.target)
                  .arg(m_options.pingTimeout.count() / 1000.0));
        m_exitCode = PingFailed;
        break;
    }
    workDone();
}

void CliSession::workDone()
{
    // Without --tail the session ends once everything asked for is done; a bad input ends it anyway,
    // once the stanzas before the problem are out.
    if ((m_options.tail && !m_inputFailed) || !m_inputDone || !m_queued.isEmpty() ||
        m_connection.pendingCount() > 0 || m_pinger->pendingCount() > 0)
        return;
    if (m_connection.state() != ConnectionState::Connected)
        return; // done once connected (again)
    m_closing = true;
    m_connection.disconnectFromServer();
}

void CliSession::printStanza(const Stanza &stanza, quint64 sequence)
{
    QString exchange;
    if (stanza.kind() != StanzaKind::Stream &&
        m_tracker.observe(stanza, sequence) == RequestTracker::Observation::Answer) {
        const IqExchange *answered = m_tracker.exchangeFor(sequence);
        exchange = m_tracker.describe(*answered, answered->requestSequence);
    }
    const StanzaOrigin origin =
        m_sendingAnswer || !m_sendingRule.isEmpty() ? StanzaOrigin::Automatic : StanzaOrigin::Wire;
    if (m_capture)
        m_capture->append(CaptureRecord::of(sequence, stanza, origin, m_sendingRule));
    const QString note = originNote(origin, m_sendingRule, exchange);
    if (!m_filter.shows(stanza, m_sendingAnswer || !m_sendingRule.isEmpty()))
        return; // tracked and recorded above all the same: a printed answer still names its request's round
                // trip
    m_printer.printStanza(stanza, stanza.direction() == Direction::Received ? "IN " : "OUT", note);
}

void CliSession::finish(int exitCode)
{
    if (m_finished)
        return;
    m_finished = true;
    // Stanzas of --send or standard input that never went out (interrupted while the server was down,
    // retries given up): said, not only why the connection failed.
    if (const qsizetype unsent = m_queued.size() + m_connection.pendingCount(); unsent > 0)
        error(countOf(unsent, u"stanza", u"stanzas") + u" not sent"_s);
    m_filter.reportAtEnd();
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
