// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "componentconnection.h"
#include "profile.h"

#include <QObject>

#include <memory>

namespace xcm {

class ComposeHistory;
class SecretStore;
class StanzaLogModel;

// Everything one profile has while the app runs: its connection, its stanza log and its history of
// composed stanzas. Several sessions can be connected at once; the window shows one at a time.
class ProfileSession : public QObject
{
    Q_OBJECT
public:
    // `historyFile` empty: the default per-profile file in the app data directory.
    ProfileSession(const Profile &profile, SecretStore *secrets, const QString &historyFile = {},
                   QObject *parent = nullptr);
    ~ProfileSession() override;

    const Profile &profile() const { return m_profile; }
    // New settings take effect at the next connect (a live connection is not interrupted).
    void setProfile(const Profile &profile);

    ComponentConnection *connection() const { return m_connection.get(); }
    StanzaLogModel *log() const { return m_log.get(); }
    ComposeHistory *history() const { return m_history.get(); }

    ConnectionState state() const { return m_connection->state(); }
    // Connecting, connected, or waiting to reconnect: the user's "Disconnect" has something to stop.
    bool isActive() const;
    // The secret is being read from the keychain before connecting.
    bool isLoadingSecret() const { return m_loadingSecret; }
    // What the connection would use, after the user saved a new one in the editor.
    void setSecret(const QString &secret);

    // Sends one stanza and records it in the history. Returns why nothing was sent, or empty.
    QString send(const QByteArray &xml);

public Q_SLOTS:
    // Reads the secret from the keychain, then connects. A pending reconnect starts now.
    void connectToServer();
    void disconnectFromServer();
    void toggleConnection();

Q_SIGNALS:
    // Anything the sidebar, the connection bar or the title shows has changed.
    void changed();
    void profileChanged(const xcm::Profile &profile);

private:
    Profile m_profile;
    SecretStore *m_secrets;
    std::unique_ptr<ComponentConnection> m_connection;
    std::unique_ptr<StanzaLogModel> m_log;
    std::unique_ptr<ComposeHistory> m_history;
    bool m_loadingSecret = false;
    bool m_cancelConnect = false; // the user pressed Disconnect while the secret was loading
};

} // namespace xcm
