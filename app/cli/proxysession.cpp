// SPDX-License-Identifier: GPL-3.0-or-later
#include "proxysession.h"

#include "clilogging.h"
#include "countof.h"
#include "hostandport.h"
#include "originnote.h"

#include <QCoreApplication>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace xcm::cli {

ProxySession::ProxySession(CliOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_printer({m_options.pretty, m_options.quiet, m_options.showTraffic})
    , m_filter(m_options.filter, m_printer)
{
    ProxySettings settings;
    settings.listenAddress = m_options.listenAddress;
    settings.listenPort = m_options.listenPort;
    settings.upstream = m_options.settings;
    m_proxy.setSettings(settings);
    m_proxy.setUpstreamSecret(m_options.secret);
    m_proxy.setComponentSecret(m_options.componentSecret);
    m_options.secret.clear();
    m_options.componentSecret.clear();
    QString rulesProblem;
    if (!m_proxy.faults().setRules(m_options.rules, &rulesProblem)) // checked with the options already
        qCWarning(lcCli) << "fault rules refused:" << rulesProblem;

    ComponentConnection &upstream = m_proxy.upstream();
    // The upstream leg's own stream items (xcm's header and handshake, the server's) are xcm's; the
    // rest is relayed and printed with the leg it travelled.
    connect(&upstream, &ComponentConnection::stanzaSent, this, [this](const Stanza &stanza) {
        record(stanza, StanzaOrigin::Wire, m_proxy.relayMark(), m_proxy.relayOccurrence());
        if (m_filter.shows(stanza))
            m_printer.printStanza(stanza, stanza.kind() == StanzaKind::Stream ? "OUT" : "C→S",
                                  m_proxy.relayMark());
    });
    connect(&m_proxy, &ComponentProxy::fromServer, this, [this](const Stanza &stanza, const QString &mark) {
        record(stanza, StanzaOrigin::Wire, mark);
        if (m_filter.shows(stanza))
            m_printer.printStanza(stanza, stanza.kind() == StanzaKind::Stream ? "IN " : "S→C", mark);
    });
    connect(&m_proxy, &ComponentProxy::injectedToComponent, this, [this](const Stanza &stanza) {
        record(stanza, StanzaOrigin::Injected);
        m_printer.printStanza(stanza, "S→C", originNote(StanzaOrigin::Injected, {}));
    });
    connect(&m_proxy, &ComponentProxy::releasedToComponent, this,
            [this](const Stanza &stanza, const QString &mark) {
                record(stanza, StanzaOrigin::Wire, mark, StanzaOccurrence::Repeat);
                if (m_filter.shows(stanza))
                    m_printer.printStanza(stanza, "S→C", mark);
            });
    // A refusal, a failure or stanzas lost are warnings: shown with --quiet too.
    connect(&m_proxy, &ComponentProxy::componentEvent, this, [this](const QString &text, bool problem) {
        if (problem)
            m_printer.warning(text);
        else
            m_printer.status(text);
    });
    connect(&m_proxy, &ComponentProxy::keptFromServer, this,
            [this](const Stanza &stanza, const QString &mark) {
                record(stanza, StanzaOrigin::Wire, mark);
                if (m_filter.shows(stanza))
                    m_printer.printStanza(stanza, "C→S", mark);
            });
    connect(&m_proxy.faults(), &FaultInjector::rulePaused, this, [this](int index, const QString &why) {
        const QString name = m_proxy.faults().rules().at(index).name();
        if (m_proxy.faults().rules().at(index).pause() == Rule::Pause::NoRoom)
            m_printer.error(
                u"rule '%1' %2; SIGUSR1 releases them and the rule goes on, anything else it matches is "
                "relayed until then"_s.arg(name, why));
        else
            m_printer.error(u"rule '%1' %2; it stays paused for the rest of this run"_s.arg(name, why));
    });
    connect(&upstream, &ComponentConnection::stateChanged, this,
            [this](ConnectionState state, const DisconnectReason &reason) {
                if (state == ConnectionState::Disconnected && reason.isError())
                    m_printer.error(u"server leg: "_s + reason.toString());
            });
    connect(&m_printer, &TrafficPrinter::outputClosed, this, &ProxySession::interrupt, Qt::QueuedConnection);
}

ProxySession::~ProxySession()
{
    // The proxy (a member after the capture) closes its legs in its destructor: what it says then
    // must not reach a session half gone.
    m_proxy.upstream().disconnect(this);
    m_proxy.disconnect(this);
}

void ProxySession::record(const Stanza &stanza, StanzaOrigin origin, const QString &note,
                          StanzaOccurrence occurrence)
{
    if (m_capture)
        m_capture->append(CaptureRecord::of(++m_recorded, stanza, origin, note, occurrence));
}

void ProxySession::releaseHeld()
{
    const int held = m_proxy.faults().heldCount();
    m_printer.status(held == 0 ? u"no stanza is held: nothing to release"_s // not "releasing 0 held stanzas"
                               : u"releasing "_s + countOf(held, u"held stanza", u"held stanzas"));
    m_proxy.releaseHeld();
}

int ProxySession::start()
{
    QString problem;
    if (!m_options.recordDirectory.isEmpty()) {
        m_capture = std::make_unique<CaptureWriter>(CaptureWriter::Settings{m_options.recordDirectory});
        if (!m_capture->start(&problem)) {
            m_printer.error(u"--record: %1"_s.arg(problem));
            return UsageError;
        }
        connect(m_capture.get(), &CaptureWriter::fileStarted, this,
                [this](const QString &file) { m_printer.status(u"recording to %1"_s.arg(file)); });
        connect(m_capture.get(), &CaptureWriter::failed, this,
                [this](const QString &why) { m_printer.warning(u"recording stopped: %1"_s.arg(why)); });
    }
    if (!m_proxy.listen(&problem)) {
        m_printer.error(problem);
        return NetworkError;
    }
    m_printer.status(u"proxy for %1: listening on %2, relaying to %3%4"_s.arg(
        m_options.settings.domain, hostAndPort(m_options.listenAddress, m_proxy.listeningPort()),
        hostAndPort(m_options.settings.host, m_options.settings.port),
        m_options.settings.directTls ? u" (direct TLS)"_s : QString()));
    if (m_proxy.faults().isActive())
        m_printer.status(u"%1 from %2 (kill -USR1 %3 releases held stanzas)"_s.arg(
            countOf(m_proxy.faults().rules().size(), u"fault rule", u"fault rules"), m_options.rulesPath,
            QString::number(QCoreApplication::applicationPid())));
    m_printer.watchStandardOutput();
    return Success;
}

void ProxySession::interrupt()
{
    if (m_finished || m_interrupted)
        return; // a second Ctrl+C, or a signal after the output closed: the close is under way
    m_interrupted = true;
    m_proxy.stop();
    // Both legs close politely; give them their close timeout, then go. The component's leaving is
    // printed first: it tells what fault rules were still holding back.
    const auto finishOnceClosed = [this] {
        if (m_proxy.upstream().state() == ConnectionState::Disconnected && !m_proxy.hasComponent())
            finish(0);
    };
    finishOnceClosed();
    connect(&m_proxy.upstream(), &ComponentConnection::stateChanged, this, finishOnceClosed);
    connect(&m_proxy, &ComponentProxy::componentChanged, this, finishOnceClosed);
    QTimer::singleShot(std::max(m_options.settings.closeTimeout, IncomingComponentStream::closeTimeout) +
                           std::chrono::milliseconds(500),
                       this, [this] { finish(0); });
}

void ProxySession::finish(int exitCode)
{
    if (m_finished)
        return;
    m_finished = true;
    m_filter.reportAtEnd();
    Q_EMIT finished(exitCode);
}

} // namespace xcm::cli
