// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectionbar.h"

#include "connectiontimeline.h"
#include "durationtext.h"
#include "elidedlabel.h"
#include "plaintooltip.h"
#include "profilesession.h"
#include "proxylook.h"
#include "stanzalogmodel.h"
#include "statestyle.h"
#include "threadedproxy.h"
#include "timelinedialog.h"
#include "trafficcounter.h"
#include "trafficgraph.h"

#include <QDateTime>
#include <QDesktopServices>
#include <QDir>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPainter>
#include <QPushButton>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace xcm {

namespace {

// A painted state dot, as in the sidebar.
class Badge : public QWidget
{
public:
    explicit Badge(QWidget *parent)
        : QWidget(parent)
    {
        setFixedSize(14, 14);
    }
    void setColor(const QColor &color)
    {
        m_color = color;
        update();
    }

protected:
    void paintEvent(QPaintEvent *) override
    {
        QPainter painter(this);
        paintStateBadge(painter, QRectF(rect()).adjusted(1, 1, -1, -1), m_color);
    }

private:
    QColor m_color = Qt::gray;
};

} // namespace

ConnectionBar::ConnectionBar(ProfileSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
{
    setObjectName("connectionBar"_L1);
    m_badge = new Badge(this);
    m_badge->setObjectName("stateBadge"_L1);
    // A long state ("Connecting to … (attempt 3)…", longer in German) gives way instead of widening the
    // window for good; a usual one stays whole.
    m_state = new ElidedLabel(this);
    m_state->setObjectName("stateLabel"_L1);
    QFont bold = m_state->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.1);
    m_state->setFont(bold);
    m_state->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    m_state->setWholeUpTo(m_state->fontMetrics().averageCharWidth() * 24);
    m_target = new ElidedLabel(this);
    m_target->setObjectName("targetLabel"_L1);
    m_target->setForegroundRole(QPalette::PlaceholderText);
    m_target->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred); // down to setWholeUpTo()
    // The server's address is the first thing to give way in a narrow window, the component's domain the
    // last (refresh() keeps room for it); the tooltip and the context menu's Copy have it all.
    m_counters = new QLabel(this);
    m_counters->setObjectName("countersLabel"_L1);
    m_counters->setForegroundRole(QPalette::PlaceholderText);
    // One line (its lines joined), elided, whole in the tooltip; the timeline has every reason to copy.
    m_reason = new ElidedLabel(this);
    m_reason->setObjectName("reasonLabel"_L1);

    m_pending = new QLabel(this);
    m_pending->setObjectName("pendingLabel"_L1);
    QFont pendingFont = m_pending->font();
    pendingFont.setBold(true);
    m_pending->setFont(pendingFont);
    m_pending->setToolTip(tr("Stanzas sent while the connection was not up. They go out in order right "
                             "after the handshake, or are discarded if the connection ends for good."));
    m_held = new QLabel(this);
    m_held->setObjectName("heldLabel"_L1);
    m_held->setFont(pendingFont);
    m_held->setToolTip(
        tr("Requests waiting for your answer: select one in the log and press Ctrl+R (Reply…). "
           "At the profile's limit each gets service-unavailable, so nobody waits for ever."));
    m_held->setMinimumHeight(m_pending->minimumHeight());
    m_discard = new QToolButton(this);
    m_discard->setObjectName("discardPending"_L1);
    m_discard->setText(tr("Discard"));
    m_discard->setToolTip(tr("Drop the waiting stanzas without sending them (they stay in History)"));
    connect(m_discard, &QToolButton::clicked, m_session, &ProfileSession::discardPending);
    // The row keeps its height, reason or not, Discard or not: the page below must not jump.
    const int rowHeight = std::max(m_reason->fontMetrics().height(), m_discard->sizeHint().height());
    m_reason->setMinimumHeight(rowHeight);
    m_pending->setMinimumHeight(rowHeight);

    m_edit = new QToolButton(this);
    m_edit->setObjectName("editButton"_L1);
    m_edit->setIcon(QIcon(u":/xcm/icons/edit.svg"_s));
    m_edit->setToolTip(tr("Edit this profile (F2)"));
    m_edit->setAutoRaise(true);
    connect(m_edit, &QToolButton::clicked, this, &ConnectionBar::editRequested);

    m_connect = new QPushButton(this);
    m_connect->setObjectName("connectButton"_L1);
    // Wide enough for either label (German "Verbinden" is the longer one), so the button never jumps.
    const QFontMetrics metrics = m_connect->fontMetrics();
    m_connect->setMinimumWidth(
        std::max(metrics.horizontalAdvance(tr("Disconnect")), metrics.horizontalAdvance(tr("Connect"))) + 48);
    connect(m_connect, &QPushButton::clicked, m_session, &ProfileSession::toggleConnection);

    // The session's: recorded from its start, whether or not this page was built yet.
    m_timeline = m_session->timeline();
    m_traffic = m_session->traffic();
    m_graph = new TrafficGraph(m_traffic, this);
    m_timelineLink = new QLabel(u"<a href=\"timeline\">%1</a>"_s.arg(tr("Timeline…").toHtmlEscaped()), this);
    m_timelineLink->setObjectName("timelineLink"_L1);
    m_timelineLink->setToolTip(
        tr("Every connection attempt with its steps, times and reasons (Ctrl+Shift+T)"));
    connect(m_timelineLink, &QLabel::linkActivated, this, &ConnectionBar::showTimeline);
    m_recording = new QLabel(this);
    m_recording->setObjectName("recordingLabel"_L1);
    connect(m_recording, &QLabel::linkActivated, this,
            [this] { QDesktopServices::openUrl(QUrl::fromLocalFile(m_session->recordingDirectory())); });
    connect(m_session, &ProfileSession::recordingChanged, this, &ConnectionBar::refreshRecording);

    auto *top = new QHBoxLayout;
    top->setSpacing(8);
    top->addWidget(m_badge);
    top->addWidget(m_state);
    top->addWidget(m_target, 1);
    top->addWidget(m_graph, 0, Qt::AlignVCenter);
    top->addWidget(m_counters);
    top->addSpacing(8);
    top->addWidget(m_edit);
    top->addWidget(m_connect);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 8, 10, 6);
    layout->setSpacing(4);
    auto *bottom = new QHBoxLayout;
    bottom->setSpacing(8);
    bottom->addWidget(m_reason, 1);
    bottom->addWidget(m_held, 0, Qt::AlignTop);
    bottom->addWidget(m_pending, 0, Qt::AlignTop);
    bottom->addWidget(m_discard, 0, Qt::AlignTop);
    bottom->addWidget(m_recording, 0, Qt::AlignTop);
    bottom->addWidget(m_timelineLink, 0, Qt::AlignTop);
    layout->addLayout(top);
    layout->addLayout(bottom);

    m_ticker.setInterval(500);
    connect(&m_ticker, &QTimer::timeout, this, &ConnectionBar::refreshCounters);
    // The reconnect countdown changes on its own second, which the ticker's phase does not know.
    m_countdown.setSingleShot(true);
    m_countdown.setTimerType(Qt::PreciseTimer);
    connect(&m_countdown, &QTimer::timeout, this, &ConnectionBar::refreshCounters);
    connect(m_session, &ProfileSession::changed, this, &ConnectionBar::refresh);
    connect(m_session->connection(), &ComponentConnection::reconnectNoticeChanged, this,
            &ConnectionBar::refresh);
    refresh();
    refreshRecording();
}

ConnectionBar::~ConnectionBar() = default;

void ConnectionBar::refreshRecording()
{
    // On: a red dot and a link to the folder; stopped by a failure: why, in the error colour.
    const QString problem = m_session->recordingProblem();
    if (m_session->isRecording()) {
        m_recording->setText(u"<span style=\"color:%1\">●</span> <a href=\"folder\">%2</a>"_s.arg(
            errorTextColor(palette()).name(), tr("Recording").toHtmlEscaped()));
        // The file is named by the writer's thread a moment after the start.
        const QString file = m_session->recordingFile();
        m_recording->setToolTip(PlainToolTip::of(
            tr("Every stanza is written to %1 (click to open the folder)")
                .arg(QDir::toNativeSeparators(file.isEmpty() ? m_session->recordingDirectory() : file))));
    } else if (!problem.isEmpty()) {
        m_recording->setText(u"<span style=\"color:%1\">%2</span>"_s.arg(
            errorTextColor(palette()).name(), tr("Recording stopped").toHtmlEscaped()));
        m_recording->setToolTip(PlainToolTip::of(tr("Recording stopped: %1").arg(problem)));
    } else {
        m_recording->clear();
        m_recording->setToolTip({});
    }
    m_recording->setVisible(m_session->isRecording() || !problem.isEmpty());
}

void ConnectionBar::showTimeline()
{
    if (!m_timelineDialog) {
        m_timelineDialog = new TimelineDialog(m_timeline, m_session->profile().name, window());
        m_timelineDialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_timelineDialog, &QObject::destroyed, this, [this] { m_timelineDialog = nullptr; });
    }
    m_timelineDialog->show();
    m_timelineDialog->raise();
    m_timelineDialog->activateWindow();
}

QString ConnectionBar::stateToolTip() const
{
    const DisconnectReason &reason = m_session->connection()->lastReason();
    if (m_session->state() != ConnectionState::Connected && reason.isError())
        return stateSummary() + u" — "_s + reason.toString();
    return stateSummary();
}

QString ConnectionBar::stateSummary() const
{
    const ComponentConnection *connection = m_session->connection();
    const StateLook look = m_session->look(QDateTime::currentMSecsSinceEpoch());
    if (m_session->isLoadingSecret())
        return tr("Reading the secret from the keychain…");
    if (m_session->isProxy())
        return look.text; // says what the proxy is doing; the server leg's uptime is the component's
    const qint64 since = connection->counters().connectedSinceMs;
    if (connection->state() == ConnectionState::Connected && since > 0)
        return tr("%1 · up %2")
            .arg(look.text, DurationText::clockFace(QDateTime::currentMSecsSinceEpoch() - since));
    if (connection->nextReconnectAtMs() > 0)
        return tr("%1 (attempt %2)").arg(look.text).arg(connection->reconnectAttempt());
    return look.text;
}

QString ConnectionBar::countersText() const
{
    const ComponentConnection::Counters &c = m_session->connection()->counters();
    // Numbers only, so no plural forms are needed; the tooltip says what they count.
    return tr("In %1 · %2    Out %3 · %4")
        .arg(QLocale().toString(c.stanzasIn), formatBytes(c.bytesIn), QLocale().toString(c.stanzasOut),
             formatBytes(c.bytesOut));
}

QString ConnectionBar::sessionFacts() const
{
    const ComponentConnection *connection = m_session->connection();
    const ConnectionSettings &settings = m_session->profile().settings;
    if (m_session->isProxy())
        return proxyFacts();
    const auto seconds = [](std::chrono::milliseconds interval) {
        return QLocale().toString(double(interval.count()) / 1000.0, 'g', 3);
    };
    const QString keepalive = settings.keepaliveInterval.count() > 0
                                  ? tr("keepalive every %1 s").arg(seconds(settings.keepaliveInterval))
                                  : tr("no keepalive");
    if (connection->state() == ConnectionState::Connected)
        return tr("Stream %1 · %2").arg(connection->streamId(), keepalive);
    if (connection->state() != ConnectionState::Disconnected)
        return {}; // under way: the state label says all, for the moment it lasts
    const ReconnectPolicy &policy = settings.reconnect;
    const QString reconnect = policy.enabled
                                  ? tr("reconnects after %1–%2 s when the connection is lost")
                                        .arg(seconds(policy.initialDelay), seconds(policy.maxDelay))
                                  : tr("does not reconnect by itself");
    return tr("Not connected · %1 · %2").arg(keepalive, reconnect);
}

QString ConnectionBar::proxyFacts() const
{
    const Profile &profile = m_session->profile();
    const QString server = hostAndPort(profile.settings.host, profile.settings.port);
    const ComponentConnection *connection = m_session->connection();
    if (connection->state() == ConnectionState::Connected)
        return tr("Server stream %1 · the component's keepalive and reconnects are relayed, not made")
            .arg(connection->streamId());
    if (m_session->isActive())
        return tr("Configure your component to connect to %1 instead of %2")
            .arg(hostAndPort(profile.listenAddress, m_session->proxy()->listeningPort()), server);
    return tr("Not listening · Connect listens on %1 for the component and relays it to %2")
        .arg(hostAndPort(profile.listenAddress, profile.listenPort), server);
}

void ConnectionBar::refresh()
{
    const ComponentConnection *connection = m_session->connection();
    const ConnectionSettings &settings = m_session->profile().settings;
    const bool proxy = m_session->isProxy();
    const StateLook look = m_session->look(QDateTime::currentMSecsSinceEpoch());
    static_cast<Badge *>(m_badge)->setColor(look.color);
    m_badge->setToolTip(PlainToolTip::of(look.text));
    if (proxy)
        m_target->setText(
            tr("%1 · proxy on %2 for %3%4")
                .arg(settings.domain,
                     hostAndPort(m_session->profile().listenAddress, m_session->profile().listenPort),
                     hostAndPort(settings.host, settings.port),
                     settings.directTls ? tr(" (TLS)") : QString()));
    else
        m_target->setText(tr("%1 on %2:%3%4")
                              .arg(settings.domain, settings.host, QString::number(settings.port),
                                   settings.directTls ? tr(" (TLS)") : QString()));
    // The domain and an ellipsis stay whole: the layout narrows the labels beside it first.
    m_target->setWholeUpTo(m_target->fontMetrics().horizontalAdvance(settings.domain + u" …"_s));

    const bool active = m_session->isActive();
    m_connect->setText(active ? tr("&Disconnect") : tr("&Connect"));
    m_connect->setIcon(QIcon(active ? u":/xcm/icons/disconnect.svg"_s : u":/xcm/icons/connect.svg"_s));
    if (proxy)
        m_connect->setToolTip(
            active
                ? tr("Stop listening and close the component's and the server's streams (Ctrl+Shift+C)")
                : tr("Listen for the component on %1 and relay it to %2 (Ctrl+Shift+C)")
                      .arg(hostAndPort(m_session->profile().listenAddress, m_session->profile().listenPort),
                           hostAndPort(settings.host, settings.port)));
    else
        m_connect->setToolTip(active
                                  ? tr("Close the stream and stop retrying (Ctrl+Shift+C)")
                                  : tr("Connect %1 to %2:%3 (Ctrl+Shift+C)")
                                        .arg(settings.domain, settings.host, QString::number(settings.port)));

    // The last reason stays visible until the connection is up again: it is what the user needs to
    // fix. Once connected it is history, and the stream facts take its place.
    const bool connected = connection->state() == ConnectionState::Connected;
    const DisconnectReason &reason = connected ? DisconnectReason{} : connection->lastReason();
    QString text;
    bool problem = reason.isError() || m_session->discardedAtEnd() > 0;
    if (proxy && !m_session->listenProblem().isEmpty()) {
        text = tr("Not listening: %1").arg(m_session->listenProblem());
        problem = true;
    } else if (proxy && !m_session->componentEvent().isEmpty()) {
        // The proxy's own words, as xcm-cli prints them, as a sentence.
        QString event = m_session->componentEvent();
        event[0] = event[0].toUpper();
        text = event;
        problem = problem || m_session->componentEventIsProblem();
    }
    // A proxy ends its server leg whenever the component leaves: only a failure there is news.
    if (!reason.isNull() && (!proxy || reason.isError())) {
        text += (text.isEmpty() ? QString() : u"\n"_s) +
                (proxy ? tr("Server leg, last disconnect: %1") : tr("Last disconnect: %1"))
                    .arg(reason.toString());
        if (reason.kind == DisconnectReason::Kind::Configuration)
            text += u' ' + tr("— edit the profile (F2) to fix this.");
    }
    // Flapping, or why the retries stopped: the library's words, as xcm-cli prints them.
    if (QString notice = connection->reconnectNotice(); !notice.isEmpty()) {
        notice[0] = notice[0].toUpper();
        text += (text.isEmpty() ? QString() : u"\n"_s) + notice;
    }
    // The connect that found no secret and was cancelled: what to do about it.
    if (!m_session->secretNote().isEmpty() && connection->state() == ConnectionState::Disconnected) {
        text = m_session->secretNote();
        problem = true;
    }
    if (const int discarded = m_session->discardedAtEnd(); discarded > 0)
        text += (text.isEmpty() ? QString() : u"\n"_s) +
                tr("Not sent: the waiting stanzas (%1) were discarded when the connection ended; they "
                   "are in History.")
                    .arg(discarded);
    if (text.isEmpty())
        text = sessionFacts();
    m_reason->setText(text);
    QPalette palette = this->palette();
    if (problem)
        palette.setColor(QPalette::WindowText, errorTextColor(palette));
    else
        palette.setColor(QPalette::WindowText, palette.color(QPalette::PlaceholderText));
    m_reason->setPalette(palette);

    const int waiting = m_session->pendingCount();
    m_pending->setText(tr("%1 waiting").arg(waiting));
    m_pending->setVisible(waiting > 0);
    m_discard->setVisible(waiting > 0);
    const int held = m_session->heldRequestCount();
    m_held->setText(tr("%1 awaiting your answer").arg(held));
    m_held->setVisible(held > 0);
    if (active && !m_ticker.isActive())
        m_ticker.start();
    refreshCounters();
}

void ConnectionBar::refreshCounters()
{
    m_state->setText(stateSummary());
    m_counters->setText(countersText());
    const ComponentConnection::Counters &c = m_session->connection()->counters();
    m_counters->setToolTip(
        tr("Stanzas and bytes on this connection\nReceived: %1 stanzas, %2\nSent: %3 stanzas, %4")
            .arg(QLocale().toString(c.stanzasIn), formatBytes(c.bytesIn), QLocale().toString(c.stanzasOut),
                 formatBytes(c.bytesOut)));
    if (!m_session->isActive())
        m_ticker.stop();
    if (const qint64 at = m_session->connection()->nextReconnectAtMs(); at > 0)
        m_countdown.start(int(msUntilCountdownChanges(at, QDateTime::currentMSecsSinceEpoch())));
    else
        m_countdown.stop();
    Q_EMIT refreshed();
}

} // namespace xcm
