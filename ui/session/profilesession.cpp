// SPDX-License-Identifier: GPL-3.0-or-later
#include "profilesession.h"

#include "composehistory.h"
#include "secretstore.h"
#include "stanzalogmodel.h"

#include <QDateTime>

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
{
    m_connection->setSettings(profile.settings);
    StanzaLogModel *log = m_log.get();
    connect(m_connection.get(), &ComponentConnection::stanzaReceived, log, &StanzaLogModel::append);
    connect(m_connection.get(), &ComponentConnection::stanzaSent, log, &StanzaLogModel::append);
    connect(m_connection.get(), &ComponentConnection::stateChanged, this, &ProfileSession::changed);
    connect(m_connection.get(), &ComponentConnection::reconnectScheduled, this, &ProfileSession::changed);
    connect(m_connection.get(), &ComponentConnection::pendingChanged, this, [this](int count) {
        Q_EMIT pendingChanged(count);
        Q_EMIT changed();
    });
    connect(m_connection.get(), &ComponentConnection::stateChanged, this, [this](ConnectionState state) {
        Q_EMIT stateChanged(state);
        // After the change itself: what it drops is news the receivers of the change must not wipe.
        if (state == ConnectionState::Disconnected)
            discardPendingIfFinal(); // a retry, if any, is scheduled by now
    });
}

ProfileSession::~ProfileSession() = default;

void ProfileSession::setProfile(const Profile &profile)
{
    m_profile = profile;
    m_connection->setSettings(profile.settings);
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
        // Without a secret the connection refuses with a configuration reason the bar explains.
        m_connection->connectToServer();
        Q_EMIT changed();
    });
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
