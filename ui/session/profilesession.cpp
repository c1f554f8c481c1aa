// SPDX-License-Identifier: GPL-3.0-or-later
#include "profilesession.h"

#include "composehistory.h"
#include "requesttracker.h"
#include "responder.h"
#include "secretstore.h"
#include "stanzalogmodel.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QMetaMethod>

namespace xcm {

ProfileSession::ProfileSession(const Profile &profile, SecretStore *secrets, const QString &historyFile,
                               QObject *parent)
    : QObject(parent)
    , m_profile(profile)
    , m_secrets(secrets)
    , m_connection(std::make_unique<ComponentConnection>())
    , m_log(std::make_unique<StanzaLogModel>())
    , m_history(std::make_unique<ComposeHistory>(
          historyFile.isEmpty() ? ComposeHistory::defaultFileName(profile.secretKey()) : historyFile))
    , m_requests(std::make_unique<RequestTracker>())
    , m_responder(std::make_unique<Responder>())
{
    m_log->setRequestTracker(m_requests.get());
    m_responder->setSoftware({QStringLiteral("xcm"), QCoreApplication::applicationVersion(), {}});
    applyProfile();
    // The log first, then the responder: a request's row comes before its automatic answer's.
    connect(m_connection.get(), &ComponentConnection::stanzaReceived, this, [this](const Stanza &stanza) {
        m_log->append(stanza);
        m_responder->handleReceived(stanza);
    });
    connect(m_connection.get(), &ComponentConnection::stanzaSent, this, [this](const Stanza &stanza) {
        m_log->append(stanza,
                      m_sendingAutomatic ? StanzaLogModel::Origin::Automatic : StanzaLogModel::Origin::Wire);
        m_responder->handleSent(stanza); // an answer by hand releases its held request
    });
    connect(m_responder.get(), &Responder::answerReady, this, &ProfileSession::sendAutomaticAnswer);
    connect(m_responder.get(), &Responder::heldCountChanged, this, &ProfileSession::changed);
    connect(m_connection.get(), &ComponentConnection::stateChanged, this, &ProfileSession::changed);
    connect(m_connection.get(), &ComponentConnection::reconnectScheduled, this, &ProfileSession::changed);
    connect(m_connection.get(), &ComponentConnection::pendingChanged, this, [this](int count) {
        Q_EMIT pendingChanged(count);
        Q_EMIT changed();
    });
    connect(m_connection.get(), &ComponentConnection::stateChanged, this, [this](ConnectionState state) {
        Q_EMIT stateChanged(state);
        // After the change itself: what it drops is news the receivers of the change must not wipe.
        if (state == ConnectionState::Connected)
            m_requests->setServerDomain(m_connection->serverDomain());
        if (state == ConnectionState::Disconnected) {
            m_requests->connectionEnded();
            m_responder->connectionEnded();
            discardPendingIfFinal(); // a retry, if any, is scheduled by now
        }
    });
}

void ProfileSession::applyProfile()
{
    m_connection->setSettings(m_profile.settings);
    m_requests->setTimeout(m_profile.requestTimeout);
    m_responder->setComponentDomain(m_profile.settings.domain);
    m_responder->setSettings(m_profile.responder, m_profile.name);
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

int ProfileSession::heldRequestCount() const
{
    return m_responder->heldCount();
}

ProfileSession::~ProfileSession()
{
    // The members go before QObject's own clean-up: nothing the connection says while it is torn down
    // may reach a responder or tracker already destroyed.
    m_connection->disconnect(this);
    m_responder->disconnect(this);
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
           m_connection->nextReconnectAtMs() > 0;
}

void ProfileSession::setSecret(const QString &secret)
{
    m_connection->setSecret(secret);
}

bool ProfileSession::canQueue() const
{
    return m_connection->canQueue();
}

int ProfileSession::discardPending()
{
    const int dropped = m_connection->clearPending();
    if (dropped > 0)
        Q_EMIT pendingDiscarded(dropped, DiscardCause::User);
    return dropped;
}

void ProfileSession::discardPendingIfFinal()
{
    if (isActive() || pendingCount() == 0)
        return;
    m_discardedAtEnd = pendingCount(); // set first: the bar reads it on the change the clearing signals
    const int dropped = m_connection->clearPending();
    Q_EMIT pendingDiscarded(dropped, DiscardCause::ConnectionEnded);
}

QString ProfileSession::send(const QByteArray &xml)
{
    const QString problem = m_connection->send(xml);
    if (problem.isEmpty())
        m_history->add(xml, QDateTime::currentMSecsSinceEpoch());
    return problem;
}

void ProfileSession::connectToServer()
{
    if (m_loadingSecret || state() != ConnectionState::Disconnected)
        return;
    m_discardedAtEnd = 0;
    m_secretNote.clear();
    if (!m_secrets) {
        m_connection->connectToServer();
        return;
    }
    // Read the secret at every user-initiated connect, so an edit made elsewhere is picked up.
    m_loadingSecret = true;
    m_cancelConnect = false;
    Q_EMIT changed();
    m_secrets->read(m_profile.secretKey(), this, [this](const SecretStore::Result &result) {
        m_loadingSecret = false;
        if (result.ok)
            m_connection->setSecret(result.secret);
        if (std::exchange(m_cancelConnect, false)) {
            Q_EMIT changed();
            return;
        }
        if (!m_connection->hasSecret() &&
            isSignalConnected(QMetaMethod::fromSignal(&ProfileSession::secretNeeded))) {
            Q_EMIT changed();
            Q_EMIT secretNeeded(result.error);
            return;
        }
        // Without a secret the connection refuses with a configuration reason the bar explains.
        m_connection->connectToServer();
        Q_EMIT changed();
    });
}

void ProfileSession::connectWithSecret(const QString &secret)
{
    if (m_loadingSecret || state() != ConnectionState::Disconnected)
        return;
    m_secretNote.clear();
    m_connection->setSecret(secret);
    m_connection->connectToServer();
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
