// SPDX-License-Identifier: GPL-3.0-or-later
#include "logstatusline.h"

#include "logcolors.h"
#include "plaintooltip.h"
#include "stanzalogfiltermodel.h"
#include "stanzalogmodel.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace xcm {

namespace {

constexpr int messageTimeoutMs = 10'000;

} // namespace

LogStatusLine::LogStatusLine(StanzaLogFilterModel *filter, QWidget *parent)
    : QWidget(parent)
    , m_filter(filter)
    , m_updateTimer(new QTimer(this))
    , m_messageTimer(new QTimer(this))
{
    setObjectName(u"statusLine"_s);
    m_countsLabel = new QLabel;
    m_countsLabel->setObjectName(u"statusLabel"_s);
    m_pausedLabel = new QLabel;
    m_pausedLabel->setObjectName(u"pausedLabel"_s);
    m_pausedLabel->hide();
    m_messageLabel = new QLabel;
    m_messageLabel->setObjectName(u"messageLabel"_s);
    m_messageLabel->setTextFormat(Qt::PlainText); // it quotes the search text
    m_messageLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_messageLabel->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    // A long path must not widen the window: the text is elided to the room left (elideMessage()).
    m_messageLabel->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 0, 4, 0);
    layout->setSpacing(4); // as the rest of the log
    layout->addWidget(m_countsLabel);
    layout->addSpacing(12);
    layout->addWidget(m_pausedLabel);
    layout->addSpacing(12);
    layout->addWidget(m_messageLabel, 1);

    m_messageTimer->setSingleShot(true);
    m_messageTimer->setInterval(messageTimeoutMs);
    connect(m_messageTimer, &QTimer::timeout, this, [this] { showMessage({}); });
    m_updateTimer->setSingleShot(true);
    connect(m_updateTimer, &QTimer::timeout, this, &LogStatusLine::updateCounts);
    connect(filter, &QAbstractItemModel::rowsInserted, this, &LogStatusLine::scheduleUpdate);
    connect(filter, &QAbstractItemModel::rowsRemoved, this, &LogStatusLine::scheduleUpdate);
    connect(filter, &QAbstractItemModel::modelReset, this, &LogStatusLine::scheduleUpdate);
    connect(filter, &QAbstractItemModel::layoutChanged, this, &LogStatusLine::scheduleUpdate);
    connect(filter, &StanzaLogFilterModel::filterChanged, this, &LogStatusLine::scheduleUpdate);
    // A new expression on a big log: the rows shown stay the old filter's until it has gone through all.
    connect(filter, &StanzaLogFilterModel::expressionProgress, this, [this](qint64 done, qint64 total) {
        if (done < total)
            showSearchMessage(tr("Filtering %1 stanzas… %2 %")
                                  .arg(QLocale().toString(total))
                                  .arg(done * 100 / std::max<qint64>(total, 1)));
        else
            dropSearchMessage();
    });
    connect(filter, &StanzaLogFilterModel::pausedChanged, this, &LogStatusLine::updateCounts);

    applyPalette();
    updateCounts();
}

LogStatusLine::~LogStatusLine() = default;

void LogStatusLine::setLog(StanzaLogModel *log)
{
    if (m_log)
        disconnect(m_log, nullptr, this, nullptr);
    m_log = log;
    if (log)
        connect(log, &StanzaLogModel::countsChanged, this, &LogStatusLine::scheduleUpdate);
    updateCounts();
}

void LogStatusLine::scheduleUpdate()
{
    if (!m_updateTimer->isActive())
        m_updateTimer->start(0);
}

void LogStatusLine::updateCounts()
{
    const QLocale locale;
    const int total = m_log ? m_log->rowCount() : 0;
    const int shown = m_filter->rowCount();
    const quint64 dropped = m_log ? m_log->droppedCount() : 0;
    // Only what tells something: "shown" while filters (or a pause) hide rows, "dropped" once the cap
    // was reached. The tooltip has all three.
    QString text = total == 1 ? tr("1 stanza") : tr("%1 stanzas").arg(locale.toString(total));
    if (shown != total)
        text = tr("%1 (%2 shown)").arg(text, locale.toString(shown));
    if (dropped > 0)
        text = tr("%1, %2 dropped").arg(text, locale.toString(dropped));
    m_countsLabel->setText(text);
    m_countsLabel->setToolTip(
        tr("In the log: %1\nShown: %2\nDropped as the oldest beyond the %3 the log keeps: %4")
            .arg(locale.toString(total), locale.toString(shown),
                 locale.toString(m_log ? m_log->maxRows() : StanzaLogModel::defaultMaxRows),
                 locale.toString(dropped)));
    const bool paused = m_filter->isPaused();
    m_pausedLabel->setVisible(paused);
    if (paused) {
        m_pausedLabel->setText(
            tr("Paused: %1 new while paused").arg(locale.toString(m_filter->pendingWhilePaused())));
    }
}

void LogStatusLine::showMessage(const QString &message)
{
    setMessage(message, false);
}

void LogStatusLine::showSearchMessage(const QString &message)
{
    setMessage(message, true);
}

void LogStatusLine::dropSearchMessage()
{
    if (m_messageIsAboutSearch)
        showMessage({});
}

void LogStatusLine::setMessage(const QString &message, bool aboutSearch)
{
    m_message = message;
    m_messageIsAboutSearch = aboutSearch && !message.isEmpty();
    m_messageLabel->setToolTip(PlainToolTip::of(message));
    elideMessage();
    if (message.isEmpty())
        m_messageTimer->stop();
    else
        m_messageTimer->start();
}

void LogStatusLine::elideMessage()
{
    m_messageLabel->setText(
        m_messageLabel->fontMetrics().elidedText(m_message, Qt::ElideMiddle, m_messageLabel->width()));
}

void LogStatusLine::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event); // the layout has placed the label already
    elideMessage();
}

void LogStatusLine::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange)
        applyPalette();
}

void LogStatusLine::applyPalette()
{
    // "Paused" stands out: the view is not showing what arrives.
    const LogColors colors = LogColors::forPalette(palette());
    QPalette labelPalette = m_pausedLabel->palette();
    labelPalette.setColor(QPalette::WindowText, colors.errorText);
    m_pausedLabel->setPalette(labelPalette);
    QFont bold = m_pausedLabel->font();
    bold.setBold(true);
    m_pausedLabel->setFont(bold);
}

} // namespace xcm
