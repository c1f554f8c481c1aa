// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "componentconnection.h"
#include "profile.h"

#include <QObject>

#include <memory>

namespace xcm {

class ComposeHistory;
class RequestTracker;
class Responder;
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
    // Pairs the iqs of this session's log with their answers.
    RequestTracker *requests() const { return m_requests.get(); }
    // Answers requests as the component (the profile's responder settings).
    Responder *responder() const { return m_responder.get(); }
    // Requests held for the user to answer by hand.
    int heldRequestCount() const;

    ConnectionState state() const { return m_connection->state(); }
    // Connecting, connected, or waiting to reconnect: the user's "Disconnect" has something to stop.
    bool isActive() const;
    // The secret is being read from the keychain before connecting.
    bool isLoadingSecret() const { return m_loadingSecret; }
    // What the connection would use, after the user saved a new one in the editor.
    void setSecret(const QString &secret);
    // Why the last connect did not start for want of a secret (the user cancelled its prompt), or
    // empty; cleared by the next connect.
    const QString &secretNote() const { return m_secretNote; }
    void setSecretNote(const QString &note);

    // Sends one stanza, or queues it while a connection or reconnect is under way, and records it in
    // the history either way: the history is what the user composed, so a stanza that is discarded
    // from the queue can be sent again from there. Returns why it was refused, or empty.
    QString send(const QByteArray &xml);
    // Whether send() would queue a stanza now (connecting, or waiting to reconnect, with room in the
    // queue) instead of refusing it.
    bool canQueue() const;
    // Stanzas waiting for the handshake (see ComponentConnection::send()).
    int pendingCount() const { return m_connection->pendingCount(); }
    // Drops the waiting stanzas at the user's request; returns how many there were.
    int discardPending();
    // How many waiting stanzas were dropped because the connection ended for good (the user's
    // disconnect, attempts exhausted, a rejected secret): a queue must not outlive the connection it
    // waits for and go out unannounced at a connect hours later. 0 again at the next connect.
    int discardedAtEnd() const { return m_discardedAtEnd; }

    enum class DiscardCause
    {
        User,            // Discard in the connection bar
        ConnectionEnded, // no further attempt will be made
    };
    Q_ENUM(DiscardCause)

public Q_SLOTS:
    // Reads the secret from the keychain, then connects. A pending reconnect starts now.
    void connectToServer();
    // Connects with `secret` (typed in at connect) without asking the keychain.
    void connectWithSecret(const QString &secret);
    void disconnectFromServer();
    void toggleConnection();

Q_SIGNALS:
    // Anything the sidebar, the connection bar or the title shows has changed.
    void changed();
    void profileChanged(const xcm::Profile &profile);
    // connectToServer() found no secret (`keychainError` says why, if the keychain failed) and did not
    // connect: the window asks for one. Without a receiver the connection fails with its
    // configuration reason instead.
    void secretNeeded(const QString &keychainError);
    // The connection's state changed; on Disconnected, stanzas dropped for good are reported after this.
    void stateChanged(xcm::ConnectionState state);
    void pendingChanged(int count);
    // Waiting stanzas were dropped without being sent.
    void pendingDiscarded(int count, xcm::ProfileSession::DiscardCause cause);

private:
    void discardPendingIfFinal();
    void applyProfile();
    void sendAutomaticAnswer(const QByteArray &xml);

    Profile m_profile;
    SecretStore *m_secrets;
    std::unique_ptr<ComponentConnection> m_connection;
    std::unique_ptr<StanzaLogModel> m_log;
    std::unique_ptr<ComposeHistory> m_history;
    std::unique_ptr<RequestTracker> m_requests;
    std::unique_ptr<Responder> m_responder;
    bool m_sendingAutomatic = false; // the stanza the connection reports as sent is an automatic answer
    bool m_loadingSecret = false;
    bool m_cancelConnect = false; // the user pressed Disconnect while the secret was loading
    int m_discardedAtEnd = 0;
    QString m_secretNote;
};

} // namespace xcm
