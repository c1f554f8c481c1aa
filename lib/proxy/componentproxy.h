// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "componentconnection.h"
#include "faultinjector.h"
#include "incomingcomponentstream.h"
#include "proxysettings.h"
#include "streamerror.h"
#include "streamparser.h"

#include <QObject>
#include <QPointer>
#include <QTcpServer>

#include <optional>

namespace xcm {

// Proxy mode: a running component connects to xcm instead of its server; xcm checks the component's
// handshake against its own secret, connects upstream as that component, answers the component's
// handshake only once the server has accepted xcm's, and then relays every stanza both ways byte for
// byte. The upstream leg is an ordinary ComponentConnection, so the log, pairing and export see the
// traffic as in a normal session: the log takes upstream()'s stanzaSent (component → server, with
// relayMark()), fromServer() (server → component, with its mark) and the faulted stanzas' own signals.
//
// One component at a time (a second gets conflict, as from a server); either side closing closes the
// other with the reason (a server's stream error reaches the component as the server sent it). The
// proxy keeps listening: reconnecting is the component's business.
class ComponentProxy : public QObject
{
    Q_OBJECT
public:
    explicit ComponentProxy(QObject *parent = nullptr);
    ~ComponentProxy() override;

    void setSettings(const ProxySettings &settings);
    // The server leg's settings for `settings`: no reconnect, no keepalive, no queue (see setSettings).
    static ConnectionSettings upstreamSettings(const ProxySettings &settings);
    const ProxySettings &settings() const { return m_settings; }
    void setUpstreamSecret(const QString &secret);
    // Empty: the component presents the upstream secret.
    void setComponentSecret(const QString &secret);

    // Starts listening; false with a reason when the address cannot be bound.
    bool listen(QString *error);
    // Closes the component's stream and the server's, and stops listening. What fault rules hold or
    // delay is discarded; the component's leaving (componentEvent()) says how many.
    void stop();
    bool isListening() const { return m_server.isListening(); }
    quint16 listeningPort() const { return m_server.serverPort(); }
    bool hasComponent() const { return m_stream; }
    QString componentAddress() const { return m_componentAddress; }
    // Bytes relayed to the component that have not left yet. While the component reads slower than the
    // server sends, the proxy stops reading the server rather than let this grow (the same the other
    // way: upstream().bytesToWrite()).
    qint64 componentBytesToWrite() const;

    // The server leg: its state, counters and stanza signals feed the log.
    ComponentConnection &upstream() { return m_upstream; }
    // Injects a stanza on the component's leg as if the server had sent it (it shows in the log as
    // received); false with a reason when no component is connected or StanzaPolicy (toward the
    // component) refuses it.
    bool injectToComponent(const QByteArray &xml, QString *error);

    // Fault rules acting on both legs before relaying (none: the relay is untouched).
    FaultInjector &faults() { return m_faults; }
    // Relays every stanza a hold rule kept, on its own leg, oldest first.
    void releaseHeld();
    // While upstream() reports a component → server stanza a fault rule acted on (a copy a duplicate
    // rule made, one a hold or delay rule let go): what the rule did, for the log ("duplicated by rule
    // X", "released: held 2.10 s by rule X"); empty for an untouched relay.
    const QString &relayMark() const { return m_relayMark; }
    // While upstream() reports a component → server stanza a hold or delay rule let go: logged already
    // when the rule acted, it is a repeat.
    StanzaOccurrence relayOccurrence() const { return m_relayOccurrence; }

Q_SIGNALS:
    // Something happened on the component's side, in words for the connection bar and xcm-cli
    // ("component 127.0.0.1:40112 connected", "refused a component: wrong handshake"); `problem`: a
    // refusal or a failure, not the ordinary course of things.
    void componentEvent(const QString &text, bool problem);
    void componentChanged(bool connected);
    // A stanza injected towards the component, for the log (Direction::Received).
    void injectedToComponent(const xcm::Stanza &stanza);
    // A server → component stanza a hold or delay rule kept has now gone to the component
    // (Direction::Received, stamped now; a StanzaOccurrence::Repeat of its arrival); `mark` as
    // relayMark()'s. The other leg's come as upstream()'s stanzaSent, with relayMark().
    void releasedToComponent(const xcm::Stanza &stanza, const QString &mark);
    // A fault rule acted on `stanza` (Direction::Received: server → component, Sent: component →
    // server); `mark` says what: "dropped by rule X", "delayed 500 ms by rule X", …
    void stanzaFaulted(const xcm::Stanza &stanza, xcm::Rule::Action action, const QString &mark);
    // Every stanza the server leg received (its stream items too), once the proxy has dealt with it:
    // what the log shows of the server's side, with what a fault rule did with it (`mark`: "dropped by
    // rule X", …; empty when relayed as it came). Use this, not upstream()'s stanzaReceived, to log.
    void fromServer(const xcm::Stanza &stanza, const QString &mark);
    // A component → server stanza a fault rule kept from the server for now or for good (dropped, held,
    // delayed; Direction::Sent): its row. One held or delayed is reported again, as upstream()'s
    // stanzaSent with relayMark(), when it goes.
    void keptFromServer(const xcm::Stanza &stanza, const QString &mark);

private:
    void onNewConnection();
    void onHeader(const StreamHeader &header);
    void onHandshake(const QByteArray &digest);
    void onUpstreamState(ConnectionState state, const DisconnectReason &reason);
    void onUpstreamStanza(const Stanza &stanza);
    void onComponentStanza(const Stanza &stanza);
    // Flow control: a leg whose peer reads slower than the other leg's peer writes makes the proxy
    // stop reading that other leg, so TCP slows the faster side down instead of xcm buffering without
    // bound.
    void throttleUpstream();
    void throttleComponent();
    void onComponentFinished(const StreamError &error, const QString &explanation);
    void refuseSecond(QTcpSocket *socket);
    // What a fault rule did with a stanza: it is not relayed as it came.
    struct Faulted
    {
        Rule::Action action;
        QString mark; // for the log: "dropped by rule X", …
    };
    // Asks the fault rules about `stanza` and does what they say; nothing when it is to be relayed as is.
    std::optional<Faulted> applyFaults(const Stanza &stanza);
    // Relays a server → component stanza (or passes on the server's stream error); returns what a fault
    // rule did with it, if one did.
    QString relayFromServer(const Stanza &stanza);
    // A faulted stanza relayed now: a duplicate's copy, or one a hold or delay rule let go.
    enum class Release
    {
        Copy,
        Late
    };
    // Relays `stanza` on its own leg, reported with `mark` (see relayMark()).
    void relayOnLeg(const Stanza &stanza, const QString &mark, Release release);
    // Forgets what fault rules hold or delay (neither can reach its peer any more); returns how many.
    int forgetFaults();
    // "discarded 3 stanzas fault rules held back", for componentEvent(); empty for none.
    static QString discardedText(int count);
    StreamParser::Limits limits() const;

    ProxySettings m_settings;
    QString m_upstreamSecret;
    QString m_componentSecret;
    QTcpServer m_server;
    ComponentConnection m_upstream;
    QPointer<IncomingComponentStream> m_stream;
    QString m_componentAddress;
    bool m_upstreamErrorRelayed = false;
    bool m_componentAdmitted = false; // the server accepted it, and so did we: it was relaying
    FaultInjector m_faults;
    QString m_relayMark;
    StanzaOccurrence m_relayOccurrence = StanzaOccurrence::First;
    quint64 m_faultGeneration = 0; // a component leaving makes delayed stanzas stale
    int m_delayedCount = 0;        // delayed stanzas of this generation still to go
    int m_discarded = 0;           // what stop() discarded, for this component's leaving to tell
};

} // namespace xcm
