// SPDX-License-Identifier: GPL-3.0-or-later
#include "stanzalogheader.h"

#include "logviewlogging.h"
#include "stanzalogmodel.h"

#include <QEvent>
#include <QMenu>
#include <QScopedValueRollback>
#include <QSettings>
#include <QStyle>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace xcm {

namespace {

constexpr int saveDelayMs = 500; // a drag of a column divider is saved once, when it stops

} // namespace

StanzaLogHeader::StanzaLogHeader(QWidget *parent)
    : QHeaderView(Qt::Horizontal, parent)
    , m_saveTimer(new QTimer(this))
    , m_columnMenu(new QMenu(this))
{
    setSectionsClickable(true); // as QTableView's own header
    setHighlightSections(false);
    setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    setStretchLastSection(true);
    setMinimumSectionSize(16);
    setContextMenuPolicy(Qt::CustomContextMenu);
    connect(this, &QHeaderView::customContextMenuRequested, this, &StanzaLogHeader::showColumnMenu);
    connect(this, &QHeaderView::sectionResized, this, &StanzaLogHeader::onSectionResized);
    m_saveTimer->setSingleShot(true);
    m_saveTimer->setInterval(saveDelayMs);
    connect(m_saveTimer, &QTimer::timeout, this, &StanzaLogHeader::saveColumns);
    m_columnMenu->setObjectName(u"columnMenu"_s);
}

StanzaLogHeader::~StanzaLogHeader() = default;

void StanzaLogHeader::setSettingsGroup(const QString &group)
{
    m_settingsGroup = group;
    restoreColumns();
}

void StanzaLogHeader::fitColumnsToWidth()
{
    m_fitColumns = true;
    fitColumns();
    saveColumns();
}

void StanzaLogHeader::keepLayoutAcross(const std::function<void()> &switchModel)
{
    const QByteArray state = count() > 0 ? saveState() : m_layoutWithoutModel;
    {
        const QScopedValueRollback adjusting(m_adjusting, true);
        switchModel();
        if (count() == 0) {
            m_layoutWithoutModel = state; // no columns to lay out: for the next model
            return;
        }
        m_layoutWithoutModel.clear();
        if (!state.isEmpty())
            restoreState(state);
    }
    if (state.isEmpty())
        restoreColumns(); // nothing shown before: the kept layout
    if (m_fitColumns)
        fitColumns();
}

void StanzaLogHeader::onSectionResized(int column)
{
    // The stretched last column follows the others and the window; any other change is the user's.
    if (m_adjusting || column == lastShownColumn())
        return;
    if (m_fitColumns)
        qCDebug(lcUiLog) << "column" << column << "sized by the user: no longer fitting the width";
    m_fitColumns = false;
    m_saveTimer->start();
}

void StanzaLogHeader::setColumnShown(int column, bool shown)
{
    {
        const QScopedValueRollback adjusting(m_adjusting, true);
        setSectionHidden(column, !shown);
    }
    if (m_fitColumns)
        fitColumns();
    saveColumns();
}

int StanzaLogHeader::lastShownColumn() const
{
    for (int visual = count() - 1; visual >= 0; --visual) {
        const int column = logicalIndex(visual);
        if (!isSectionHidden(column))
            return column;
    }
    return -1;
}

QString StanzaLogHeader::title(int column) const
{
    return model() ? model()->headerData(column, Qt::Horizontal).toString() : QString();
}

void StanzaLogHeader::fitColumns()
{
    if (count() != StanzaLogModel::ColumnCount)
        return;
    const QScopedValueRollback adjusting(m_adjusting, true);
    // The cells' text is in the table's font, which may differ from the header's.
    const QWidget *cells = parentWidget() ? parentWidget() : this;
    const QFontMetrics metrics = cells->fontMetrics();
    const QFontMetrics headerMetrics = fontMetrics();
    const int padding = 2 * cells->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, cells) + 12;
    const int character = metrics.averageCharWidth();
    const auto titleWidth = [&](int column) {
        return headerMetrics.horizontalAdvance(title(column)) + padding;
    };

    // Columns whose text has one width get that width.
    const std::pair<StanzaLogModel::Column, QString> fixed[] = {
        {StanzaLogModel::TimeColumn, u"00:00:00.000"_s},
        {StanzaLogModel::DirectionColumn, u"↑"_s},
        {StanzaLogModel::KindColumn, u"presence"_s},
        {StanzaLogModel::TypeColumn, u"unavailable"_s},
        {StanzaLogModel::SizeColumn, u"000000"_s}};
    int room = width(); // the header spans the table's viewport
    for (const auto &[column, sample] : fixed) {
        const int width = qMax(metrics.horizontalAdvance(sample) + padding, titleWidth(column));
        resizeSection(column, width);
        if (!isSectionHidden(column))
            room -= width;
    }

    // From, To and Id get a share of the rest, within bounds (in characters); Summary, the most telling,
    // stretches over what they leave. When that is below its minimum, they give back, down to theirs.
    struct Share
    {
        StanzaLogModel::Column column;
        double fraction;
        int minimumCharacters;
        int maximumCharacters;
        int width = 0;
    };
    // Answer's usual text, "result in 12.4 ms", needs 17 characters.
    Share shares[] = {{StanzaLogModel::FromColumn, 0.2, 12, 34},
                      {StanzaLogModel::ToColumn, 0.2, 12, 34},
                      {StanzaLogModel::IdColumn, 0.1, 8, 18},
                      {StanzaLogModel::AnswerColumn, 0.2, 10, 30}};
    const auto minimumOf = [&](const Share &share) {
        return qMax(share.minimumCharacters * character + padding, titleWidth(share.column));
    };
    int taken = 0;
    int slack = 0;
    for (Share &share : shares) {
        if (isSectionHidden(share.column))
            continue;
        const int minimum = minimumOf(share);
        share.width = qBound(minimum, int(room * share.fraction),
                             qMax(minimum, share.maximumCharacters * character + padding));
        taken += share.width;
        slack += share.width - minimum;
    }
    const int summaryMinimum = isSectionHidden(StanzaLogModel::SummaryColumn) ? 0 : 20 * character;
    const int over = qMin(taken + summaryMinimum - room, slack);
    for (Share &share : shares) {
        if (isSectionHidden(share.column))
            continue;
        if (over > 0)
            share.width -= int(qint64(over) * (share.width - minimumOf(share)) / slack);
        resizeSection(share.column, share.width);
    }
}

void StanzaLogHeader::saveColumns()
{
    m_saveTimer->stop();
    if (m_settingsGroup.isEmpty() || count() != StanzaLogModel::ColumnCount)
        return;
    QSettings settings;
    settings.beginGroup(m_settingsGroup);
    settings.setValue(u"columns"_s, saveState());
    settings.setValue(u"fitColumns"_s, m_fitColumns);
}

void StanzaLogHeader::restoreColumns()
{
    if (m_settingsGroup.isEmpty() || count() != StanzaLogModel::ColumnCount)
        return;
    QSettings settings;
    settings.beginGroup(m_settingsGroup);
    const QByteArray state = settings.value(u"columns"_s).toByteArray();
    if (state.isEmpty())
        return;
    {
        const QScopedValueRollback adjusting(m_adjusting, true);
        if (!restoreState(state) || count() != StanzaLogModel::ColumnCount) {
            qCInfo(lcUiLog) << "ignoring the column layout kept in" << m_settingsGroup << "(not this log's)";
            return;
        }
        if (hiddenSectionCount() == count())
            showSection(StanzaLogModel::SummaryColumn);
    }
    m_fitColumns = settings.value(u"fitColumns"_s, true).toBool();
    if (m_fitColumns)
        fitColumns();
}

void StanzaLogHeader::showColumnMenu(const QPoint &position)
{
    m_columnMenu->clear();
    const int shown = count() - hiddenSectionCount();
    for (int column = 0; column < count(); ++column) {
        const bool hidden = isSectionHidden(column);
        QAction *action = m_columnMenu->addAction(title(column));
        action->setObjectName(u"column%1"_s.arg(column));
        action->setCheckable(true);
        action->setChecked(!hidden);
        action->setEnabled(hidden || shown > 1); // one stays
        connect(action, &QAction::toggled, this, [this, column](bool on) { setColumnShown(column, on); });
    }
    m_columnMenu->addSeparator();
    QAction *fit =
        m_columnMenu->addAction(tr("&Fit Columns to Width"), this, &StanzaLogHeader::fitColumnsToWidth);
    fit->setObjectName(u"fitColumnsAction"_s);
    fit->setToolTip(tr("Size From, To and Id to the window again, Summary taking the rest"));
    m_columnMenu->popup(viewport()->mapToGlobal(position));
}

bool StanzaLogHeader::viewportEvent(QEvent *event)
{
    // On a resize QHeaderView re-stretches the last section and may give a section it stretched before
    // its old size back: none of that is the user's sizing.
    const QScopedValueRollback adjusting(m_adjusting, m_adjusting || event->type() == QEvent::Resize);
    return QHeaderView::viewportEvent(event);
}

void StanzaLogHeader::resizeEvent(QResizeEvent *event)
{
    QHeaderView::resizeEvent(event);
    if (m_fitColumns)
        fitColumns();
}

void StanzaLogHeader::showEvent(QShowEvent *event)
{
    QHeaderView::showEvent(event);
    restoreColumns(); // another log may have changed them while this one was hidden
}

void StanzaLogHeader::hideEvent(QHideEvent *event)
{
    QHeaderView::hideEvent(event);
    if (m_saveTimer->isActive())
        saveColumns(); // before another log, shown now, reads them
}

} // namespace xcm
