// SPDX-License-Identifier: GPL-3.0-or-later
#include "threadedproxy.h"

#include "componentproxy.h"
#include "monotonicclock.h"
#include "schedulerslice.h"

#include <QDateTime>
#include <QPointer>
#include <QTimer>

namespace xcm {

ThreadedProxy::ThreadedProxy(QObject *parent)
    : QObject(parent)
{
    m_thread.setObjectName(QStringLiteral("xcm proxy relay"));
    // Made on the relay thread, so that its sockets and timers belong to it.
    connect(
        &m_thread, &QThread::started, this,
        [this] {
            // Woken for a moment at each stanza: a core at once rather than after a repaint's slice.
            requestShortSchedulerSlice();
            m_relayContext = new QObject;
            m_proxy = new ComponentProxy;
            m_deliveryTimer = new QTimer;
            m_deliveryTimer->setSingleShot(true);
            m_deliveryTimer->setInterval(deliveryInterval);
            connect(m_deliveryTimer, &QTimer::timeout, m_proxy, [this] { askForDelivery(); });
            followRelay();
            m_started.release();
        },
        Qt::DirectConnection);
}

ThreadedProxy::~ThreadedProxy()
{
    if (!m_relayStarted)
        return;
    {
        const std::lock_guard lock(m_mutex);
        m_closing = true;
    }
    m_room.notify_all();
    onRelayThread([this] {
        m_proxy->disconnect();
        m_proxy->upstream().disconnect();
        m_proxy->faults().disconnect();
        delete m_proxy;
        m_proxy = nullptr;
        delete m_deliveryTimer;
        m_deliveryTimer = nullptr;
    });
    m_thread.quit();
    m_thread.wait();
    delete m_relayContext; // its thread has finished: nothing can be delivered to it any more
    m_fullBatches.clear(); // what the window never saw refers to it
    m_filling.clear();
}

void ThreadedProxy::startRelay()
{
    // At the first use, not before: most profiles of a window never run as a proxy.
    if (m_relayStarted)
        return;
    m_thread.start();
    m_started.acquire();
    m_relayStarted = true;
    onRelayThread([this, settings = m_settings, rules = m_faults.rules(), generation = m_rulesGeneration] {
        m_proxy->setSettings(settings);
        m_proxy->setUpstreamSecret(m_upstreamSecret);
        m_proxy->setComponentSecret(m_componentSecret);
        m_relayRulesGeneration = generation;
        m_proxy->faults().setRules(rules);
    });
}

void ThreadedProxy::followRelay()
{
    // Relay thread. Each event carries what it reports by value; a stanza's copy shares its data, which
    // both threads may read at once (a held stanza, a delayed one: Stanza is made for that).
    ComponentConnection &server = m_proxy->upstream();
    const auto postStanza = [this, &server](const Stanza &stanza, const QString &mark) {
        QueuedEvent event;
        event.stanza = stanza;
        event.counters = server.counters();
        event.mark = mark;
        event.seenAtNs = monotonicNowNs();
        event.occurrence = m_proxy->relayOccurrence();
        event.injected = m_relayInjecting;
        event.bytes = stanza.wire().size();
        post(std::move(event));
    };
    connect(m_proxy, &ComponentProxy::fromServer, m_proxy, postStanza);
    connect(&server, &ComponentConnection::stanzaSent, m_proxy,
            [this, postStanza](const Stanza &stanza) { postStanza(stanza, m_proxy->relayMark()); });
    connect(&server, &ComponentConnection::stateChanged, m_proxy, [this, &server] {
        post([this, status = server.status(), facts = componentFacts()] {
            takeFacts(facts);
            m_upstream.mirrorState(status);
        });
    });
    connect(&server, &ComponentConnection::reconnectNoticeChanged, m_proxy,
            [this](const QString &notice) { post([this, notice] { m_upstream.mirrorNotice(notice); }); });
    connect(m_proxy, &ComponentProxy::componentEvent, m_proxy, [this](const QString &text, bool problem) {
        post([this, text, problem, atMs = QDateTime::currentMSecsSinceEpoch(), facts = componentFacts()] {
            takeFacts(facts);
            Q_EMIT componentEvent(text, problem, atMs);
        });
    });
    connect(m_proxy, &ComponentProxy::componentChanged, m_proxy, [this](bool connected) {
        post([this, connected, facts = componentFacts()] {
            takeFacts(facts);
            Q_EMIT componentChanged(connected);
        });
    });
    // A stanza event of the proxy's, repeated on the window's thread with when the relay thread saw it.
    const auto postReport = [this](const Stanza &stanza, auto report) {
        post([this, report, seenAtNs = monotonicNowNs()] { reportAsSeenAt(seenAtNs, report); },
             stanza.wire().size());
    };
    connect(m_proxy, &ComponentProxy::injectedToComponent, m_proxy, [this, postReport](const Stanza &stanza) {
        postReport(stanza, [this, stanza] { Q_EMIT injectedToComponent(stanza); });
    });
    connect(m_proxy, &ComponentProxy::releasedToComponent, m_proxy,
            [this, postReport](const Stanza &stanza, const QString &mark) {
                postReport(stanza, [this, stanza, mark] { Q_EMIT releasedToComponent(stanza, mark); });
            });
    connect(m_proxy, &ComponentProxy::keptFromServer, m_proxy,
            [this, postReport](const Stanza &stanza, const QString &mark) {
                postReport(stanza, [this, stanza, mark] { Q_EMIT keptFromServer(stanza, mark); });
            });
    connect(m_proxy, &ComponentProxy::stanzaFaulted, m_proxy,
            [this](const Stanza &stanza, Rule::Action action, const QString &mark) {
                post([this, stanza, action, mark, facts = componentFacts()] {
                    takeFacts(facts);
                    Q_EMIT stanzaFaulted(stanza, action, mark);
                });
            });
    FaultInjector &faults = m_proxy->faults();
    connect(&faults, &RuleRunner::ruleChanged, m_proxy, [this, &faults](int index) {
        post([this, index, rule = faults.rules().value(index), generation = m_relayRulesGeneration] {
            if (generation == m_rulesGeneration)
                m_faults.takeRule(index, rule);
        });
    });
    connect(&faults, &RuleRunner::rulePaused, m_proxy, [this](int index, const QString &why) {
        post([this, index, why, generation = m_relayRulesGeneration] {
            if (generation == m_rulesGeneration)
                m_faults.repeatPause(index, why);
        });
    });
}

ThreadedProxy::ComponentFacts ThreadedProxy::componentFacts() const
{
    return {m_proxy->hasComponent(), m_proxy->componentAddress(), m_proxy->faults().heldCount()};
}

void ThreadedProxy::takeFacts(const ComponentFacts &facts)
{
    m_hasComponent = facts.connected;
    m_componentAddress = facts.address;
    if (std::exchange(m_heldCount, facts.held) != facts.held)
        Q_EMIT heldCountChanged(facts.held);
}

void ThreadedProxy::onRelayThread(const std::function<void()> &work)
{
    {
        const std::lock_guard lock(m_mutex);
        ++m_callersWaiting;
    }
    m_room.notify_all(); // a relay waiting for room would never get to `work`
    QMetaObject::invokeMethod(m_relayContext, work, Qt::BlockingQueuedConnection);
    const std::lock_guard lock(m_mutex);
    --m_callersWaiting;
}

void ThreadedProxy::post(QueuedEvent event)
{
    std::unique_lock lock(m_mutex);
    const auto hasRoom = [this] {
        return (m_pendingEvents < m_maxQueuedEvents && m_pendingBytes < maxQueuedBytes) ||
               m_callersWaiting > 0 || m_closing;
    };
    if (!hasRoom()) {
        lock.unlock();
        askForDelivery(); // now, not when the timer would: this thread is about to wait
        lock.lock();
        m_room.wait(lock, hasRoom);
    }
    const bool first = m_fullBatches.empty() && m_filling.empty();
    if (m_filling.size() >= m_eventsPerBatch)
        m_fullBatches.push_back(std::exchange(m_filling, spareBatch()));
    if (m_filling.capacity() == 0)
        m_filling.reserve(m_eventsPerBatch);
    ++m_pendingEvents;
    m_pendingBytes += event.bytes;
    m_filling.push_back(std::move(event));
    lock.unlock();
    // One wake-up of the window's thread a delivery interval, not one a stanza: on two cores every
    // wake-up of it competes with the relay, the component and the server for a core.
    if (first && !m_deliveryTimer->isActive())
        m_deliveryTimer->start();
}

void ThreadedProxy::post(std::function<void()> run, qsizetype bytes)
{
    QueuedEvent event;
    event.run = std::move(run);
    event.bytes = bytes;
    post(std::move(event));
}

ThreadedProxy::EventBatch ThreadedProxy::spareBatch()
{
    if (m_spareBatches.empty())
        return {};
    EventBatch spare = std::move(m_spareBatches.back());
    m_spareBatches.pop_back();
    return spare;
}

void ThreadedProxy::recycle(EventBatch spent)
{
    // Enough for a flood's steady state; idle, a proxy keeps no more room than that.
    constexpr size_t keptSpares = 4;
    spent.clear();
    const std::lock_guard lock(m_mutex);
    if (m_spareBatches.size() < keptSpares)
        m_spareBatches.push_back(std::move(spent));
}

void ThreadedProxy::askForDelivery()
{
    QMetaObject::invokeMethod(this, &ThreadedProxy::deliver, Qt::QueuedConnection);
}

void ThreadedProxy::runEvent(const QueuedEvent &event)
{
    if (event.run) {
        event.run();
        return;
    }
    m_reportingInjected = event.injected;
    m_reportingMark = event.mark;
    m_reportingOccurrence = event.occurrence;
    reportAsSeenAt(event.seenAtNs, [&] { m_upstream.mirrorStanza(event.stanza, event.counters); });
    m_reportingInjected = false;
    m_reportingMark.clear();
    m_reportingOccurrence = StanzaOccurrence::First;
}

void ThreadedProxy::deliver()
{
    // A receiver that runs an event loop of its own (a dialog) must not have later events delivered
    // before the rest of this batch: the outer delivery asks again when it is done.
    if (m_delivering)
        return;
    EventBatch batch;
    {
        const std::lock_guard lock(m_mutex);
        if (!m_fullBatches.empty()) {
            batch = std::move(m_fullBatches.front());
            m_fullBatches.pop_front();
        } else if (!m_filling.empty()) {
            batch = std::exchange(m_filling, spareBatch());
        } else {
            return;
        }
    }
    const QPointer<ThreadedProxy> alive(this); // a receiver may end the session
    m_delivering = true;
    qsizetype bytes = 0;
    for (const QueuedEvent &event : batch) {
        bytes += event.bytes;
        runEvent(event);
        if (!alive)
            return;
    }
    m_delivering = false;
    bool more = false;
    {
        const std::lock_guard lock(m_mutex);
        m_pendingEvents -= batch.size();
        m_pendingBytes -= bytes;
        more = !m_fullBatches.empty() || !m_filling.empty();
    }
    m_room.notify_all();
    QMetaObject::invokeMethod(
        m_relayContext, [this, spent = std::move(batch)]() mutable { recycle(std::move(spent)); },
        Qt::QueuedConnection);
    if (more) // behind what is queued now: input and repaints get their turn between batches
        QMetaObject::invokeMethod(this, &ThreadedProxy::deliver, Qt::QueuedConnection);
}

void ThreadedProxy::setMaxQueuedEvents(size_t count)
{
    {
        const std::lock_guard lock(m_mutex);
        m_maxQueuedEvents = std::max<size_t>(1, count);
    }
    m_room.notify_all();
}

void ThreadedProxy::setEventsPerDelivery(size_t count)
{
    const std::lock_guard lock(m_mutex);
    m_eventsPerBatch = std::max<size_t>(1, count);
}

void ThreadedProxy::setSettings(const ProxySettings &settings)
{
    m_settings = settings;
    m_upstream.setSettings(ComponentProxy::upstreamSettings(settings)); // canQueue(): never, as there
    if (m_relayStarted)
        onRelayThread([this, settings] { m_proxy->setSettings(settings); });
}

void ThreadedProxy::setUpstreamSecret(const QString &secret)
{
    m_upstreamSecret = secret;
    if (m_relayStarted)
        onRelayThread([this, secret] { m_proxy->setUpstreamSecret(secret); });
}

void ThreadedProxy::setComponentSecret(const QString &secret)
{
    m_componentSecret = secret;
    if (m_relayStarted)
        onRelayThread([this, secret] { m_proxy->setComponentSecret(secret); });
}

bool ThreadedProxy::listen(QString *error)
{
    startRelay();
    bool listening = false;
    QString why;
    onRelayThread([&] {
        listening = m_proxy->listen(&why);
        m_listeningPort = m_proxy->listeningPort();
    });
    m_listening = listening;
    if (!listening && error)
        *error = why;
    return listening;
}

void ThreadedProxy::stop()
{
    if (m_relayStarted)
        onRelayThread([this] { m_proxy->stop(); });
    m_listening = false;
    m_listeningPort = 0;
}

bool ThreadedProxy::injectToComponent(const QByteArray &xml, QString *error)
{
    startRelay();
    bool injected = false;
    QString why;
    onRelayThread([&] { injected = m_proxy->injectToComponent(xml, &why); });
    if (!injected && error)
        *error = why;
    return injected;
}

QString ThreadedProxy::injectToServer(const QByteArray &xml)
{
    startRelay();
    QString problem;
    onRelayThread([&] {
        m_relayInjecting = true;
        problem = m_proxy->upstream().send(xml);
        m_relayInjecting = false;
    });
    return problem;
}

bool ThreadedProxy::setRules(const QList<Rule> &rules, QString *error)
{
    if (!m_faults.setRules(rules, error))
        return false;
    const quint64 generation = ++m_rulesGeneration;
    if (!m_relayStarted)
        return true; // the relay takes them when it starts
    bool taken = false;
    onRelayThread([&] {
        m_relayRulesGeneration = generation;
        taken = m_proxy->faults().setRules(m_faults.rules(), error);
    });
    return taken;
}

void ThreadedProxy::setRuleEnabled(int index, bool enabled)
{
    m_faults.setRuleEnabled(index, enabled);
    if (m_relayStarted)
        onRelayThread([&] { m_proxy->faults().setRuleEnabled(index, enabled); });
}

void ThreadedProxy::resumeRule(int index)
{
    m_faults.resumeRule(index);
    if (m_relayStarted)
        onRelayThread([&] { m_proxy->faults().resumeRule(index); });
}

int ThreadedProxy::releaseHeld()
{
    if (!m_relayStarted)
        return 0;
    int released = 0;
    onRelayThread([&] {
        released = m_proxy->faults().heldCount();
        m_proxy->releaseHeld();
        post([this, facts = componentFacts()] { takeFacts(facts); });
    });
    return released;
}

} // namespace xcm
