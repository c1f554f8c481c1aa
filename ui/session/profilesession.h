// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "componentconnection.h"
#include "profile.h"
#include "rule.h"
#include "statelook.h"

#include <QObject>

#include <memory>

namespace xcm {

class ComposeHistory;
class ConnectionTimeline;
class RequestTracker;
class Responder;
class CaptureWriter;
class RuleEngine;
class RuleRunner;
class SecretStore;
class StanzaLogModel;
class ThreadedProxy;
class TrafficCounter;

// Everything one profile has while the app runs: its connection, its stanza log and its history of
// composed stanzas. Several sessions can be connected at once; the window shows one at a time.
//
// A proxy profile runs a ComponentProxy instead, on a relay thread of its own (ThreadedProxy): Connect
// listens for the component, Disconnect stops. Its server leg, as mirrored on this thread, is
// connection(), so the log, counters and pairing work as in a normal session (sent: component →
// server, received: server → component); the responder stays off, since the real component answers.
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

    // The connection to the server: the component's own, or a proxy's server leg.
    ComponentConnection *connection() const;
    // Whether the session runs as a proxy: the profile's mode, taken over at each connect (a live
    // session keeps the mode it started in).
    bool isProxy() const { return m_proxyMode; }
    ThreadedProxy *proxy() const { return m_proxy.get(); }
    // Why the proxy is not listening, after a connect that failed to (the address is taken, a secret
    // is missing); empty otherwise.
    const QString &listenProblem() const { return m_listenProblem; }
    // The last thing the proxy said about the component's side ("component 127.0.0.1:40112 left: …"),
    // and whether it was a refusal or a failure.
    const QString &componentEvent() const { return m_componentEvent; }
    bool componentEventIsProblem() const { return m_componentEventIsProblem; }
    // The state in the words and colour the sidebar, the connection bar and the title show.
    StateLook look(qint64 nowMs) const;
    StanzaLogModel *log() const { return m_log.get(); }
    // Every connection attempt and the traffic rates, recorded from the session's start for the direct
    // connection and a proxy's server leg alike, whether or not the profile's page was ever shown.
    ConnectionTimeline *timeline() const { return m_timeline; }
    TrafficCounter *traffic() const { return m_traffic; }
    ComposeHistory *history() const { return m_history.get(); }
    // Pairs the iqs of this session's log with their answers.
    RequestTracker *requests() const { return m_requests.get(); }
    // Answers requests as the component (the profile's responder settings).
    Responder *responder() const { return m_responder.get(); }
    // Requests held for the user to answer by hand.
    int heldRequestCount() const;
    // The profile's rules, one list of both kinds. Reply rules run on what a direct session receives, as
    // xcm-cli --rules does: a rule's reply goes out on the connection, logged as automatic; a request a
    // rule answers gets no automatic error besides; replies held for their delay are dropped at a
    // disconnect. Fault rules act on what a proxy relays, as xcm-cli --proxy --rules does, and the log
    // notes what they did ("dropped by rule X"). Nothing changes if a rule does not compile.
    bool setRules(const QList<Rule> &rules, QString *error = nullptr);
    RuleEngine *rules() const { return m_rules.get(); }
    // The runner of the mode the session is in (or starts in next): what a rules panel shows.
    RuleRunner *activeRules() const;
    // On/off and resume for rule `index` of the list, in both runners.
    void setRuleEnabled(int index, bool enabled);
    void resumeRule(int index);
    // The rule whose reply the log row `sequence` is, or empty.
    QString ruleNameFor(quint64 sequence) const;

    // Continuous capture: every stanza the log takes, both ways, appended to JSON Lines files in
    // recordingDirectory() (CaptureWriter: its own thread, rotated, synced every second). Off by
    // default; a writer that fails stops it and says why through recordingChanged().
    bool startRecording(QString *error = nullptr);
    void stopRecording();
    bool isRecording() const;
    // $XDG_DATA_HOME/xcm/captures/<profile id>
    QString recordingDirectory() const;
    QString recordingFile() const { return m_recordingFile; }
    // Why recording stopped by itself (the disk is full…); empty after a start or a stop by the user.
    QString recordingProblem() const { return m_recordingProblem; }

    ConnectionState state() const { return connection()->state(); }
    // Connecting, connected, or waiting to reconnect: the user's "Disconnect" has something to stop.
    bool isActive() const;
    // The secret is being read from the keychain before connecting.
    bool isLoadingSecret() const { return m_loadingSecret; }
    // What the connection would use, after the user saved a new one in the editor.
    void setSecret(const QString &secret);
    // Proxy mode: the secret the component presents to xcm, when it has its own.
    void setComponentSecret(const QString &secret);

    // Which secret a prompt is for: the server's (every profile has one), or the one a proxy's
    // component presents to xcm when it has its own.
    enum class SecretRole
    {
        Server,
        Component,
    };
    Q_ENUM(SecretRole)

    // Where a stanza composed by the user goes: as the component to the server (the only way in a
    // normal session), or, in a proxy session, to the component as if the server had sent it.
    enum class Leg
    {
        ToServer,
        ToComponent,
    };
    Q_ENUM(Leg)
    // Why the last connect did not start for want of a secret (the user cancelled its prompt), or
    // empty; cleared by the next connect.
    const QString &secretNote() const { return m_secretNote; }
    void setSecretNote(const QString &note);

    // Sends one stanza, or queues it while a connection or reconnect is under way, and records it in
    // the history either way: the history is what the user composed, so a stanza that is discarded
    // from the queue can be sent again from there. Returns why it was refused, or empty.
    // In a proxy session the stanza is injected on `leg` (nothing is queued) and marked in the log.
    QString send(const QByteArray &xml, Leg leg = Leg::ToServer);
    // Whether send() would queue a stanza now (connecting, or waiting to reconnect, with room in the
    // queue) instead of refusing it.
    bool canQueue() const;
    // Stanzas waiting for the handshake (see ComponentConnection::send()).
    int pendingCount() const { return connection()->pendingCount(); }
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
    // Connects with `secret` (typed in at connect) as the secret of `role`, without asking the keychain.
    // A proxy whose component has a secret of its own and none yet asks for that one next.
    void connectWithSecret(const QString &secret, xcm::ProfileSession::SecretRole role = SecretRole::Server);
    void disconnectFromServer();
    void toggleConnection();

Q_SIGNALS:
    void recordingChanged();
    // Anything the sidebar, the connection bar or the title shows has changed.
    void changed();
    void profileChanged(const xcm::Profile &profile);
    // connectToServer() found no secret for `role` (`keychainError` says why, if the keychain failed)
    // and did not connect: the window asks for one. Without a receiver the connection fails with its
    // configuration reason instead (a proxy does not listen, and says why).
    void secretNeeded(const QString &keychainError, xcm::ProfileSession::SecretRole role);
    // The connection's state changed; on Disconnected, stanzas dropped for good are reported after this.
    void stateChanged(xcm::ConnectionState state);
    void pendingChanged(int count);
    // Waiting stanzas were dropped without being sent.
    void pendingDiscarded(int count, xcm::ProfileSession::DiscardCause cause);

private:
    void discardPendingIfFinal();
    void applyProfile();
    void sendAutomaticAnswer(const QByteArray &xml);
    void sendRuleReply(const QByteArray &xml, const QString &ruleName);
    // Into the log, and into the capture while recording.
    void logStanza(const Stanza &stanza, StanzaOrigin origin, const QString &note = {},
                   StanzaOccurrence occurrence = StanzaOccurrence::First);
    // Feeds the log, tracker and (outside proxy mode) responder from `connection`.
    void follow(ComponentConnection *connection);
    void readSecretsAndStart();
    // Asks for the first secret the connection lacks; false when none is lacking or no one listens.
    bool askForMissingSecret();
    void start();
    void startProxy();

    Profile m_profile;
    SecretStore *m_secrets;
    std::unique_ptr<ComponentConnection> m_connection;
    std::unique_ptr<ThreadedProxy> m_proxy;
    std::unique_ptr<StanzaLogModel> m_log;
    std::unique_ptr<ComposeHistory> m_history;
    std::unique_ptr<RequestTracker> m_requests;
    std::unique_ptr<Responder> m_responder;
    std::unique_ptr<RuleEngine> m_rules;
    std::unique_ptr<CaptureWriter> m_capture;
    QString m_recordingFile;
    QString m_recordingProblem;
    QString m_sendingRule;           // the stanza the connection reports as sent is this rule's reply
    bool m_sendingAutomatic = false; // the stanza the connection reports as sent is an automatic answer
    bool m_proxyMode = false;
    bool m_hasSecret = false;
    QString m_componentSecret; // proxy mode, when the component has its own
    QString m_listenProblem;
    QString m_componentEvent;
    bool m_componentEventIsProblem = false;
    ConnectionTimeline *m_timeline = nullptr;
    TrafficCounter *m_traffic = nullptr;
    bool m_loadingSecret = false;
    bool m_cancelConnect = false; // the user pressed Disconnect while the secret was loading
    int m_discardedAtEnd = 0;
    QString m_secretNote;
    // Why the keychain could not give the server's or the component's secret at the last connect.
    QString m_secretReadError;
    QString m_componentSecretReadError;
};

} // namespace xcm
