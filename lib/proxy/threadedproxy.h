// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "componentconnection.h"
#include "proxysettings.h"
#include "rule.h"
#include "rulerunnermirror.h"
#include "stanza.h"

#include <QObject>
#include <QSemaphore>
#include <QThread>

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <vector>

class QTimer;

namespace xcm {

class ComponentProxy;

// A ComponentProxy on a relay thread of its own, for the desktop app: a repaint of the window must not
// hold a relayed stanza back. The window reads the proxy through mirrors on its own thread — the server
// leg's state, counters and stanza signals (upstream()), the fault rules' counters (faults()), whether
// a component is connected — that the relay thread keeps current with events delivered in the order
// they happened, a batch at a time. What the window asks of the proxy (listen, stop, inject, rules) runs
// on the relay thread while the window waits; the relay thread never waits for the window, except when
// the window has fallen so far behind a flood that its events would pile up without bound: then the
// relay pauses reading, and TCP slows both peers down. The thread starts at the first listen or
// injection: most profiles of a window never run as a proxy.
//
// The mirrors only report: the server leg never reconnects or queues in a proxy, so upstream() repeats
// stateChanged, stanzaReceived/Sent and reconnectNoticeChanged, and nothing else.
class ThreadedProxy : public QObject
{
    Q_OBJECT
public:
    // Events, and bytes of stanzas in them, the window may be behind by before the relay waits for it.
    static constexpr size_t defaultMaxQueuedEvents = 50'000;
    static constexpr qsizetype maxQueuedBytes = 64 * 1024 * 1024;
    // Events handled in one go on the window's thread: a flood's backlog must not freeze it.
    static constexpr size_t eventsPerDelivery = 2'000;
    // How long an event may wait for the ones after it, to be delivered together.
    static constexpr std::chrono::milliseconds deliveryInterval{10};

    explicit ThreadedProxy(QObject *parent = nullptr);
    ~ThreadedProxy() override;

    void setSettings(const ProxySettings &settings);
    const ProxySettings &settings() const { return m_settings; }
    void setUpstreamSecret(const QString &secret);
    void setComponentSecret(const QString &secret);

    bool listen(QString *error);
    void stop();
    bool isListening() const { return m_listening; }
    quint16 listeningPort() const { return m_listeningPort; }
    bool hasComponent() const { return m_hasComponent; }
    QString componentAddress() const { return m_componentAddress; }

    // The server leg as the window sees it.
    ComponentConnection &upstream() { return m_upstream; }
    const ComponentConnection &upstream() const { return m_upstream; }
    // As ComponentProxy::injectToComponent().
    bool injectToComponent(const QByteArray &xml, QString *error);
    // Sends a stanza to the server as the component; returns why it was refused, or empty. Its
    // stanzaSent on upstream() comes while isReportingInjected() says so.
    QString injectToServer(const QByteArray &xml);
    bool isReportingInjected() const { return m_reportingInjected; }
    // What a fault rule did with the stanza upstream() is reporting (ComponentProxy::fromServer()'s mark,
    // or relayMark() and relayOccurrence() for one sent).
    const QString &reportingMark() const { return m_reportingMark; }
    StanzaOccurrence reportingOccurrence() const { return m_reportingOccurrence; }
    // While a stanza is reported (upstream()'s stanza signals, injectedToComponent(), …): when the relay
    // thread saw it, on monotonicNowNs()'s clock; 0 otherwise. The window hears of it later, and may
    // hear of a request and its answer at once.
    qint64 reportingSeenAtNs() const { return m_reportingSeenAtNs; }

    // The fault rules as the relay thread runs them: set, switched and resumed here, counted there.
    RuleRunner &faults() { return m_faults; }
    bool setRules(const QList<Rule> &rules, QString *error);
    void setRuleEnabled(int index, bool enabled);
    void resumeRule(int index);
    int heldCount() const { return m_heldCount; }
    // Relays what hold rules keep; returns how many there were.
    int releaseHeld();

    // For tests of the window falling behind: a smaller queue than defaultMaxQueuedEvents, and smaller
    // batches than eventsPerDelivery.
    void setMaxQueuedEvents(size_t count);
    void setEventsPerDelivery(size_t count);

Q_SIGNALS:
    // ComponentProxy's, repeated on the window's thread.
    // `atMs`: when it happened on the relay thread (the window may hear of it later).
    void componentEvent(const QString &text, bool problem, qint64 atMs);
    void componentChanged(bool connected);
    void injectedToComponent(const xcm::Stanza &stanza);
    void releasedToComponent(const xcm::Stanza &stanza, const QString &mark);
    // A component → server stanza a fault rule kept from the server for now or for good: its row.
    void keptFromServer(const xcm::Stanza &stanza, const QString &mark);
    void stanzaFaulted(const xcm::Stanza &stanza, xcm::Rule::Action action, const QString &mark);
    void heldCountChanged(int count);

private:
    // What the relay thread knows of the component's side, sent with every event that may change it.
    struct ComponentFacts
    {
        bool connected = false;
        QString address;
        int held = 0;
    };

    void startRelay();
    void followRelay();
    ComponentFacts componentFacts() const;
    // Window's thread: runs `report` (emitting a stanza) with reportingSeenAtNs() saying `seenAtNs`. A
    // template, not a std::function: once a stanza, its capture would be allocated.
    template<typename Report> void reportAsSeenAt(qint64 seenAtNs, const Report &report)
    {
        m_reportingSeenAtNs = seenAtNs;
        report();
        m_reportingSeenAtNs = 0;
    }
    void takeFacts(const ComponentFacts &facts);
    // Runs `work` on the relay thread and waits for it.
    void onRelayThread(const std::function<void()> &work);
    // What the relay thread hands to the window's thread, in the order it happened. A relayed stanza —
    // all but a few events in a flood — is plain data, so that queueing it allocates nothing; anything
    // else is a closure in `run`.
    struct QueuedEvent
    {
        std::function<void()> run;
        Stanza stanza;
        ComponentConnection::Counters counters;
        QString mark;
        qint64 seenAtNs = 0;
        StanzaOccurrence occurrence = StanzaOccurrence::First;
        bool injected = false;
        qsizetype bytes = 0; // of the stanzas it keeps alive
    };
    using EventBatch = std::vector<QueuedEvent>;

    // Relay thread: queues an event for the window's thread.
    void post(QueuedEvent event);
    void post(std::function<void()> run, qsizetype bytes = 0);
    // Relay thread: has the window's thread deliver what is queued.
    void askForDelivery();
    // Window's thread: runs the oldest batch of events.
    void deliver();
    void runEvent(const QueuedEvent &event);
    // Relay thread: destroys a batch the window has run and keeps its room for another.
    void recycle(EventBatch spent);
    // Under m_mutex: an empty batch, with room if there is a spare one.
    EventBatch spareBatch();

    QThread m_thread;
    QSemaphore m_started;
    bool m_relayStarted = false;
    QObject *m_relayContext = nullptr; // lives on m_thread: what the window's calls are run by
    ComponentProxy *m_proxy = nullptr; // made, used and destroyed on m_thread only, as is:
    QTimer *m_deliveryTimer = nullptr;

    // The window's side.
    ComponentConnection m_upstream;
    RuleRunnerMirror m_faults;
    ProxySettings m_settings;
    QString m_upstreamSecret; // handed to the relay when it starts (in memory only, as everywhere)
    QString m_componentSecret;
    bool m_listening = false;
    quint16 m_listeningPort = 0;
    bool m_hasComponent = false;
    QString m_componentAddress;
    int m_heldCount = 0;
    bool m_reportingInjected = false;
    QString m_reportingMark;
    StanzaOccurrence m_reportingOccurrence = StanzaOccurrence::First;
    qint64 m_reportingSeenAtNs = 0;
    bool m_delivering = false;
    quint64 m_rulesGeneration = 0;

    // The relay thread's side.
    bool m_relayInjecting = false;
    quint64 m_relayRulesGeneration = 0;

    // Between them. The relay fills batches of m_eventsPerBatch events and the window runs one at a
    // time, then hands it back to the relay thread, which destroys its events (their stanzas were
    // allocated there: freed there too, not on the window's thread, where each free would contend for
    // the allocator's lock the relay's mallocs take) and fills it again.
    std::mutex m_mutex;
    std::condition_variable m_room;
    std::deque<EventBatch> m_fullBatches;
    EventBatch m_filling;
    std::vector<EventBatch> m_spareBatches;
    size_t m_pendingEvents = 0; // queued or being run: what the relay may be ahead by
    qsizetype m_pendingBytes = 0;
    size_t m_maxQueuedEvents = defaultMaxQueuedEvents;
    size_t m_eventsPerBatch = eventsPerDelivery;
    int m_callersWaiting = 0; // the window waits in onRelayThread(): the relay must not wait for it
    bool m_closing = false;
};

} // namespace xcm
