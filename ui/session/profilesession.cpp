// SPDX-License-Identifier: GPL-3.0-or-later
#include "profilesession.h"

#include "capturewriter.h"

#include "composehistory.h"
#include "connectiontimeline.h"
#include "proxylook.h"
#include "requesttracker.h"
#include "responder.h"
#include "ruleengine.h"
#include "secretstore.h"
#include "stanzalogmodel.h"
#include "threadedproxy.h"
#include "trafficcounter.h"
#include "uilogging.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QMetaMethod>
#include <QStandardPaths>

namespace xcm {

ProfileSession::ProfileSession(const Profile &profile, SecretStore *secrets, const QString &historyFile,
                               QObject *parent)
    : QObject(parent)
    , m_profile(profile)
    , m_secrets(secrets)
    , m_connection(std::make_unique<ComponentConnection>())
    , m_proxy(std::make_unique<ThreadedProxy>())
    , m_log(std::make_unique<StanzaLogModel>())
    , m_history(std::make_unique<ComposeHistory>(
          historyFile.isEmpty() ? ComposeHistory::defaultFileName(profile.secretKey()) : historyFile))
    , m_requests(std::make_unique<RequestTracker>())
    , m_responder(std::make_unique<Responder>())
    , m_rules(std::make_unique<RuleEngine>())
{
    m_log->setRequestTracker(m_requests.get());
    // A proxied stanza is timed when the relay thread saw it, not when the window hears of it. (The
    // tracker is declared after the proxy, so it goes first: the clock never outlives its proxy.)
    m_requests->setClock([proxy = m_proxy.get()] {
        const qint64 seenAtNs = proxy->reportingSeenAtNs();
        return seenAtNs != 0 ? seenAtNs : monotonicNowNs();
    });
    m_responder->setSoftware({QStringLiteral("xcm"), QCoreApplication::applicationVersion(), {}});
    applyProfile();
    connect(m_responder.get(), &Responder::answerReady, this, &ProfileSession::sendAutomaticAnswer);
    connect(m_responder.get(), &Responder::heldCountChanged, this, &ProfileSession::changed);
    connect(m_rules.get(), &RuleEngine::replyReady, this, &ProfileSession::sendRuleReply);
    connect(m_rules.get(), &RuleEngine::ruleFailed, this, [this](int index, const QString &why) {
        qCInfo(lcUi) << "rule" << m_rules->rules().value(index).name() << "of" << m_profile.name
                     << "failed:" << why;
    });
    connect(m_rules.get(), &RuleEngine::rulePaused, this, [this](int index, const QString &why) {
        qCInfo(lcUi) << "rule" << m_rules->rules().value(index).name() << "of" << m_profile.name
                     << "paused:" << why;
    });
    // Only one of the two is ever in use; each reports only while it is.
    follow(m_connection.get());
    follow(&m_proxy->upstream());
    m_timeline = new ConnectionTimeline(500, this);
    m_traffic = new TrafficCounter(300, this);
    for (ComponentConnection *connection : {m_connection.get(), &m_proxy->upstream()}) {
        m_timeline->follow(connection);
        m_traffic->follow(connection);
    }
    // The log judges every stanza anyway: its new rows tell the errors, a batch at a time.
    connect(m_log.get(), &QAbstractItemModel::rowsInserted, m_traffic,
            [this](const QModelIndex &, int first, int last) {
                int errors = 0;
                for (int row = first; row <= last; ++row)
                    errors += m_log->isErrorAt(row) ? 1 : 0;
                if (errors > 0)
                    m_traffic->countErrors(errors);
            });
    connect(m_proxy.get(), &ThreadedProxy::injectedToComponent, this,
            [this](const Stanza &stanza) { logStanza(stanza, StanzaOrigin::Injected); });
    connect(m_proxy.get(), &ThreadedProxy::releasedToComponent, this,
            [this](const Stanza &stanza, const QString &mark) {
                logStanza(stanza, StanzaOrigin::Wire, mark, StanzaOccurrence::Repeat);
            });
    // A stanza from the component a fault rule kept from the server: a row saying so (another, if it goes
    // later).
    connect(
        m_proxy.get(), &ThreadedProxy::keptFromServer, this,
        [this](const Stanza &stanza, const QString &mark) { logStanza(stanza, StanzaOrigin::Wire, mark); });
    connect(m_proxy.get(), &ThreadedProxy::componentEvent, this,
            [this](const QString &text, bool problem, qint64 atMs) {
                m_componentEvent = text;
                m_componentEventIsProblem = problem;
                m_timeline->recordNote(text, problem, atMs);
                Q_EMIT changed();
            });
    connect(m_proxy.get(), &ThreadedProxy::componentChanged, this, &ProfileSession::changed);
    connect(m_proxy.get(), &ThreadedProxy::heldCountChanged, this, &ProfileSession::changed);
}

void ProfileSession::follow(ComponentConnection *connection)
{
    // The log first, then the responder: a request's row comes before its automatic answer's.
    connect(connection, &ComponentConnection::stanzaReceived, this, [this](const Stanza &stanza) {
        logStanza(stanza, StanzaOrigin::Wire, m_proxyMode ? m_proxy->reportingMark() : QString());
        // A request a rule answers gets no automatic answer besides (one answer per request).
        if (!m_proxyMode && !m_rules->handleReceived(stanza))
            m_responder->handleReceived(stanza);
    });
    connect(connection, &ComponentConnection::stanzaSent, this, [this](const Stanza &stanza) {
        const StanzaOrigin origin = m_sendingAutomatic                              ? StanzaOrigin::Automatic
                                    : m_proxyMode && m_proxy->isReportingInjected() ? StanzaOrigin::Injected
                                                                                    : StanzaOrigin::Wire;
        if (m_proxyMode) {
            logStanza(stanza, origin, m_proxy->reportingMark(), m_proxy->reportingOccurrence());
            return;
        }
        logStanza(stanza, origin, m_sendingRule);
        m_responder->handleSent(stanza); // an answer by hand releases its held request
    });
    connect(connection, &ComponentConnection::stateChanged, this, &ProfileSession::changed);
    connect(connection, &ComponentConnection::reconnectScheduled, this, &ProfileSession::changed);
    connect(connection, &ComponentConnection::pendingChanged, this, [this](int count) {
        Q_EMIT pendingChanged(count);
        Q_EMIT changed();
    });
    connect(connection, &ComponentConnection::stateChanged, this, [this, connection](ConnectionState state) {
        Q_EMIT stateChanged(state);
        // After the change itself: what it drops is news the receivers of the change must not wipe.
        if (state == ConnectionState::Connected)
            m_requests->setServerDomain(connection->serverDomain());
        if (state == ConnectionState::Disconnected) {
            m_requests->connectionEnded();
            m_responder->connectionEnded();
            m_rules->cancelPending(); // a reply must not go out on the next connection
            discardPendingIfFinal();  // a retry, if any, is scheduled by now
        }
    });
}

ComponentConnection *ProfileSession::connection() const
{
    return m_proxyMode ? &m_proxy->upstream() : m_connection.get();
}

void ProfileSession::applyProfile()
{
    // A running session keeps its mode until it stops; the next connect takes the new one.
    if (!isActive())
        m_proxyMode = m_profile.isProxy();
    m_connection->setSettings(m_profile.settings);
    m_requests->setTimeout(m_profile.requestTimeout);
    m_responder->setComponentDomain(m_profile.settings.domain);
    m_responder->setSettings(m_profile.responder, m_profile.name);
    m_rules->setComponentDomain(m_profile.settings.domain);
    m_rules->setMaxStanzaBytes(m_profile.settings.maxStanzaBytes);
}

void ProfileSession::sendAutomaticAnswer(const QByteArray &xml)
{
    // Through the same send path as everything else (not the history: the user did not compose it).
    m_sendingAutomatic = true;
    const QString problem = m_connection->send(xml);
    m_sendingAutomatic = false;
    if (!problem.isEmpty())
        qWarning("xcm: an automatic answer was not sent: %s", qPrintable(problem));
}

void ProfileSession::sendRuleReply(const QByteArray &xml, const QString &ruleName)
{
    m_sendingRule = ruleName;
    m_sendingAutomatic = true;
    const QString problem = m_connection->send(xml);
    m_sendingAutomatic = false;
    m_sendingRule.clear();
    if (!problem.isEmpty())
        qCInfo(lcUi) << "rule" << ruleName << "of" << m_profile.name << "cannot send its reply:" << problem;
}

void ProfileSession::logStanza(const Stanza &stanza, StanzaOrigin origin, const QString &note,
                               StanzaOccurrence occurrence)
{
    m_log->append(stanza, origin, note, occurrence);
    if (m_capture)
        m_capture->append(CaptureRecord::of(m_log->lastSequence(), stanza, origin, note, occurrence));
}

QString ProfileSession::recordingDirectory() const
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
           QStringLiteral("/xcm/captures/") + m_profile.secretKey();
}

bool ProfileSession::isRecording() const
{
    return m_capture != nullptr;
}

bool ProfileSession::startRecording(QString *error)
{
    if (m_capture)
        return true;
    auto capture = std::make_unique<CaptureWriter>(CaptureWriter::Settings{recordingDirectory()});
    connect(capture.get(), &CaptureWriter::fileStarted, this, [this](const QString &file) {
        m_recordingFile = file;
        Q_EMIT recordingChanged();
    });
    QString why;
    if (!capture->start(&why)) {
        qCWarning(lcUi) << "recording" << m_profile.name << "cannot start:" << why;
        if (error)
            *error = why;
        return false;
    }
    connect(capture.get(), &CaptureWriter::failed, this, [this](const QString &reason) {
        qCWarning(lcUi) << "recording" << m_profile.name << "stopped:" << reason;
        stopRecording();
        m_recordingProblem = reason;
        Q_EMIT recordingChanged();
    });
    m_capture = std::move(capture);
    m_recordingProblem.clear();
    qCInfo(lcUi) << "recording" << m_profile.name << "to" << m_recordingFile;
    Q_EMIT recordingChanged();
    return true;
}

void ProfileSession::stopRecording()
{
    if (!m_capture)
        return;
    m_capture.reset(); // writes and syncs what is queued
    m_recordingFile.clear();
    m_recordingProblem.clear();
    qCInfo(lcUi) << "recording" << m_profile.name << "stopped";
    Q_EMIT recordingChanged();
}

QString ProfileSession::ruleNameFor(quint64 sequence) const
{
    const int row = m_log->rowForSequence(sequence);
    return row >= 0 && m_log->originAt(row) == StanzaLogModel::Origin::Automatic ? m_log->noteFor(sequence)
                                                                                 : QString();
}

bool ProfileSession::setRules(const QList<Rule> &rules, QString *error)
{
    if (!m_rules->setRules(rules, error))
        return false;
    // Compiled and checked by now: the proxy's runner takes the same list.
    return m_proxy->setRules(m_rules->rules(), error);
}

RuleRunner *ProfileSession::activeRules() const
{
    if (m_proxyMode)
        return &m_proxy->faults();
    return m_rules.get();
}

void ProfileSession::setRuleEnabled(int index, bool enabled)
{
    m_rules->setRuleEnabled(index, enabled);
    m_proxy->setRuleEnabled(index, enabled);
}

void ProfileSession::resumeRule(int index)
{
    m_rules->resumeRule(index);
    m_proxy->resumeRule(index);
}

int ProfileSession::heldRequestCount() const
{
    return m_responder->heldCount();
}

ProfileSession::~ProfileSession()
{
    // The members go before QObject's own clean-up: nothing the connection says while it is torn down
    // may reach a responder or tracker already destroyed.
    m_connection->disconnect(this);
    m_proxy->upstream().disconnect(this);
    m_proxy->disconnect(this);
    m_responder->disconnect(this);
    m_rules->disconnect(this);
    if (m_capture)
        m_capture->disconnect(this);
}

void ProfileSession::setProfile(const Profile &profile)
{
    m_profile = profile;
    applyProfile();
    Q_EMIT profileChanged(profile);
    Q_EMIT changed();
}

bool ProfileSession::isActive() const
{
    return m_loadingSecret || state() != ConnectionState::Disconnected ||
           connection()->nextReconnectAtMs() > 0 || (m_proxyMode && m_proxy->isListening());
}

StateLook ProfileSession::look(qint64 nowMs) const
{
    const ComponentConnection *server = connection();
    if (!m_proxyMode)
        return stateLook(server->state(), server->lastReason(), server->nextReconnectAtMs(), nowMs,
                         server->reconnectAttempt());
    ProxyFacts facts;
    facts.listening = m_proxy->isListening();
    facts.listenAddress = m_proxy->settings().listenAddress;
    facts.listenPort = m_proxy->listeningPort();
    facts.componentAddress = m_proxy->hasComponent() ? m_proxy->componentAddress() : QString();
    facts.upstreamHost = m_proxy->settings().upstream.host;
    facts.upstreamPort = m_proxy->settings().upstream.port;
    facts.upstreamState = server->state();
    facts.failed = !m_listenProblem.isEmpty() || server->lastReason().isError();
    return proxyStateLook(facts);
}

void ProfileSession::setSecret(const QString &secret)
{
    m_hasSecret = !secret.isEmpty();
    m_connection->setSecret(secret);
    m_proxy->setUpstreamSecret(secret);
}

void ProfileSession::setComponentSecret(const QString &secret)
{
    m_componentSecret = secret; // handed to the proxy at the next start, if the profile uses it
}

bool ProfileSession::canQueue() const
{
    return connection()->canQueue();
}

int ProfileSession::discardPending()
{
    const int dropped = connection()->clearPending();
    if (dropped > 0)
        Q_EMIT pendingDiscarded(dropped, DiscardCause::User);
    return dropped;
}

void ProfileSession::discardPendingIfFinal()
{
    if (isActive() || pendingCount() == 0)
        return;
    m_discardedAtEnd = pendingCount(); // set first: the bar reads it on the change the clearing signals
    const int dropped = connection()->clearPending();
    Q_EMIT pendingDiscarded(dropped, DiscardCause::ConnectionEnded);
}

QString ProfileSession::send(const QByteArray &xml, Leg leg)
{
    QString problem;
    if (leg == Leg::ToComponent) {
        if (!m_proxyMode)
            return tr("only a proxy session has a component to inject into");
        m_proxy->injectToComponent(xml, &problem); // logged through injectedToComponent
    } else if (m_proxyMode) {
        problem = m_proxy->injectToServer(xml); // logged as injected when the mirror reports it sent
    } else {
        problem = m_connection->send(xml);
    }
    if (problem.isEmpty())
        m_history->add(xml, QDateTime::currentMSecsSinceEpoch());
    else if (m_proxyMode)
        qCDebug(lcUi) << "proxy session" << m_profile.name << "refused an injection:" << problem;
    return problem;
}

void ProfileSession::connectToServer()
{
    if (m_loadingSecret || state() != ConnectionState::Disconnected ||
        (m_proxyMode && m_proxy->isListening()))
        return;
    m_discardedAtEnd = 0;
    m_proxyMode = m_profile.isProxy();
    m_listenProblem.clear();
    m_secretNote.clear();
    if (!m_secrets) {
        start();
        return;
    }
    // Read the secret at every user-initiated connect, so an edit made elsewhere is picked up.
    m_loadingSecret = true;
    m_cancelConnect = false;
    Q_EMIT changed();
    m_secretReadError.clear();
    m_componentSecretReadError.clear();
    m_secrets->read(m_profile.secretKey(), this, [this](const SecretStore::Result &result) {
        if (result.ok)
            setSecret(result.secret);
        m_secretReadError = result.error;
        if (!m_proxyMode || !m_profile.separateComponentSecret) {
            readSecretsAndStart();
            return;
        }
        m_secrets->read(m_profile.componentSecretKey(), this, [this](const SecretStore::Result &result) {
            if (result.ok)
                setComponentSecret(result.secret);
            m_componentSecretReadError = result.error;
            readSecretsAndStart();
        });
    });
}

void ProfileSession::readSecretsAndStart()
{
    m_loadingSecret = false;
    if (std::exchange(m_cancelConnect, false)) {
        Q_EMIT changed();
        return;
    }
    if (askForMissingSecret())
        return;
    start();
    Q_EMIT changed();
}

bool ProfileSession::askForMissingSecret()
{
    // The window asks in place, if it listens; a proxy lacking its component's own secret asks for
    // that one once it has the server's.
    if (!isSignalConnected(QMetaMethod::fromSignal(&ProfileSession::secretNeeded)))
        return false;
    if (!m_hasSecret) {
        Q_EMIT changed();
        Q_EMIT secretNeeded(m_secretReadError, SecretRole::Server);
        return true;
    }
    if (m_proxyMode && m_profile.separateComponentSecret && m_componentSecret.isEmpty()) {
        Q_EMIT changed();
        Q_EMIT secretNeeded(m_componentSecretReadError, SecretRole::Component);
        return true;
    }
    return false;
}

void ProfileSession::start()
{
    if (m_proxyMode) {
        startProxy();
        return;
    }
    // Without a secret the connection refuses with a configuration reason the bar explains.
    m_connection->connectToServer();
}

void ProfileSession::startProxy()
{
    // Without its secrets the proxy would let in a component that presents none: it does not listen.
    if (!m_hasSecret && !m_secretReadError.isEmpty())
        m_listenProblem = tr("the keychain could not give the server's secret (%1)").arg(m_secretReadError);
    else if (!m_hasSecret)
        m_listenProblem = tr("no secret for the server is stored — edit the profile (F2) to enter it");
    else if (m_profile.separateComponentSecret && m_componentSecret.isEmpty() &&
             !m_componentSecretReadError.isEmpty())
        m_listenProblem =
            tr("the keychain could not give the component's secret (%1)").arg(m_componentSecretReadError);
    else if (m_profile.separateComponentSecret && m_componentSecret.isEmpty())
        m_listenProblem =
            tr("no secret for the component is stored — edit the profile (F2) to enter it, or let the "
               "component use the server's");
    if (!m_listenProblem.isEmpty()) {
        qCInfo(lcUi) << "proxy session" << m_profile.name << "not listening:" << m_listenProblem;
        Q_EMIT changed();
        return;
    }
    ProxySettings settings;
    settings.listenAddress = m_profile.listenAddress;
    settings.listenPort = m_profile.listenPort;
    settings.upstream = m_profile.settings;
    m_proxy->setSettings(settings);
    // Empty: the component presents the server's secret.
    m_proxy->setComponentSecret(m_profile.separateComponentSecret ? m_componentSecret : QString());
    m_componentEvent.clear();
    m_componentEventIsProblem = false;
    if (!m_proxy->listen(&m_listenProblem))
        qCInfo(lcUi) << "proxy session" << m_profile.name << "not listening:" << m_listenProblem;
    Q_EMIT changed();
}

void ProfileSession::connectWithSecret(const QString &secret, SecretRole role)
{
    if (isActive()) // a proxy listening already, too
        return;
    m_secretNote.clear();
    if (role == SecretRole::Component)
        setComponentSecret(secret);
    else
        setSecret(secret);
    if (askForMissingSecret())
        return;
    start();
    Q_EMIT changed();
}

void ProfileSession::setSecretNote(const QString &note)
{
    m_secretNote = note;
    Q_EMIT changed();
}

void ProfileSession::disconnectFromServer()
{
    if (m_loadingSecret)
        m_cancelConnect = true;
    if (m_proxyMode)
        m_proxy->stop();
    else
        m_connection->disconnectFromServer();
    Q_EMIT changed();
}

void ProfileSession::toggleConnection()
{
    if (isActive())
        disconnectFromServer();
    else
        connectToServer();
}

} // namespace xcm
