// SPDX-License-Identifier: GPL-3.0-or-later
#include "stanzalogheader.h"

#include "jidelider.h"

#include "logviewlogging.h"
#include "stanzalogmodel.h"

#include <QEvent>
#include <QMenu>
#include <QScopedValueRollback>
#include <QSettings>
#include <QStyle>
#include <QTimer>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace xcm {

namespace {

constexpr int saveDelayMs = 500;  // a drag of a column divider is saved once, when it stops
constexpr int refitDelayMs = 300; // columns grow once for a burst of traffic
constexpr int rowsMeasured = 100; // of a log switched to: the newest
// Texts measured before, with their widths: kinds, types, sizes and the component's own address repeat
// from row to row, and a text layout costs microseconds. Dropped whole when it grows past this.
constexpr qsizetype widthCacheSize = 4096;
// Under steady traffic, measuring every row as it comes cost a tenth of the UI thread (a text layout
// per content cell) at 2,000 rows a second: the newest rows of each interval stand for the rest.
constexpr int measureIntervalMs = 250;
constexpr int rowsSampled = 50;

// The columns sized to their content.
constexpr StanzaLogModel::Column contentColumns[] = {StanzaLogModel::KindColumn,  StanzaLogModel::TypeColumn,
                                                     StanzaLogModel::SizeColumn,  StanzaLogModel::FromColumn,
                                                     StanzaLogModel::ToColumn,    StanzaLogModel::IdColumn,
                                                     StanzaLogModel::AnswerColumn};

} // namespace

StanzaLogHeader::StanzaLogHeader(QWidget *parent)
    : QHeaderView(Qt::Horizontal, parent)
    , m_saveTimer(new QTimer(this))
    , m_refitTimer(new QTimer(this))
    , m_measureTimer(new QTimer(this))
    , m_columnMenu(new QMenu(this))
{
    m_measureTimer->setSingleShot(true);
    m_measureTimer->setInterval(measureIntervalMs);
    connect(m_measureTimer, &QTimer::timeout, this, [this] {
        if (m_unmeasuredRows == 0 || !model() || !isShownInWindow())
            return; // hidden: the newest rows are measured when it shows
        const int last = model()->rowCount() - 1;
        measureRows(qMax(0, last - qMin(m_unmeasuredRows, rowsSampled) + 1), last);
        m_unmeasuredRows = 0;
        m_measureTimer->start(); // a quiet interval ends the sampling
    });
    m_refitTimer->setSingleShot(true);
    m_refitTimer->setInterval(refitDelayMs);
    connect(m_refitTimer, &QTimer::timeout, this, [this] {
        if (m_fitColumns)
            fitColumns();
    });
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

void StanzaLogHeader::setModel(QAbstractItemModel *newModel)
{
    disconnect(m_rowsInserted);
    disconnect(m_modelReset);
    QHeaderView::setModel(newModel);
    m_contentWidths.clear();
    m_domainWidths.clear();
    m_unmeasuredRows = 0;
    m_measureTimer->stop();
    if (!newModel)
        return;
    m_rowsInserted =
        connect(newModel, &QAbstractItemModel::rowsInserted, this,
                [this](const QModelIndex &, int first, int last) { onRowsInserted(first, last); });
    // Another log behind the proxy, or the log cleared: widths start again from its rows.
    m_modelReset = connect(newModel, &QAbstractItemModel::modelReset, this, [this] {
        m_contentWidths.clear();
        m_domainWidths.clear();
        measureAll();
    });
    measureAll();
}

bool StanzaLogHeader::isShownInWindow() const
{
    return isVisibleTo(window());
}

void StanzaLogHeader::measureAll()
{
    m_unmeasuredRows = 0;
    if (!model())
        return; // the view's placeholder model (model() is null for it)
    if (!isShownInWindow()) {
        // The page of a profile not shown: its rows are measured when it is (a profile switch).
        m_unmeasuredRows = qMin(model()->rowCount(), rowsMeasured);
        return;
    }
    measureRows(0, model()->rowCount() - 1);
}

void StanzaLogHeader::onRowsInserted(int first, int last)
{
    // Hidden (another profile's page is shown): counted only, the measure waits for the show. Twenty
    // connected profiles would otherwise each lay out the text of their newest rows four times a second.
    if (m_measureTimer->isActive() || !isShownInWindow()) {
        // Capped: only the newest rowsMeasured are ever measured, and a log hidden for days would
        // overflow the count.
        m_unmeasuredRows = qMin(m_unmeasuredRows + (last - first + 1), rowsMeasured);
        return;
    }
    measureRows(first, last);
    m_measureTimer->start();
}

bool StanzaLogHeader::measureRows(int first, int last)
{
    if (!model() || last < first || model()->columnCount() != StanzaLogModel::ColumnCount)
        return false;
    const QWidget *cells = parentWidget() ? parentWidget() : this;
    const QFontMetrics metrics = cells->fontMetrics();
    if (cells->font() != m_textWidthsFont) { // the widths known are another font's
        m_textWidths.clear();
        m_textWidthsFont = cells->font();
    }
    bool grew = false;
    for (int row = qMax(first, last - rowsMeasured + 1); row <= last; ++row) {
        for (const int column : contentColumns) {
            const QString text = model()->index(row, column).data().toString();
            const int width = textWidth(metrics, text);
            int &widest = m_contentWidths[column];
            if (width > widest) {
                widest = width;
                grew = true;
            }
            if (column == StanzaLogModel::FromColumn || column == StanzaLogModel::ToColumn) {
                const int domainWidth = width > 0 ? textWidth(metrics, JidElider::domainKept(text)) : 0;
                int &widestDomain = m_domainWidths[column];
                if (domainWidth > widestDomain) {
                    widestDomain = domainWidth;
                    grew = true;
                }
            }
        }
        // Summaries hardly repeat: measured without the cache, which they would only churn.
        const int summary =
            metrics.horizontalAdvance(model()->index(row, StanzaLogModel::SummaryColumn).data().toString());
        int &widestSummary = m_contentWidths[StanzaLogModel::SummaryColumn];
        if (summary > widestSummary) {
            widestSummary = summary;
            grew = true;
        }
    }
    if (grew && m_fitColumns && !m_refitTimer->isActive())
        m_refitTimer->start();
    return grew;
}

int StanzaLogHeader::textWidth(const QFontMetrics &metrics, const QString &text)
{
    if (const auto known = m_textWidths.constFind(text); known != m_textWidths.cend())
        return *known;
    if (m_textWidths.size() >= widthCacheSize)
        m_textWidths.clear();
    const int width = metrics.horizontalAdvance(text);
    m_textWidths.insert(text, width);
    return width;
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
    // A cell's text has the style's text margin on each side (and a few pixels of air); a title the
    // header's wider margins.
    const int cellPadding =
        2 * (cells->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, cells) + 1) + 6;
    const int character = metrics.averageCharWidth();
    const auto titleWidth = [&](int column) {
        return headerMetrics.horizontalAdvance(title(column)) + padding;
    };

    // Columns of short texts get the width of the widest shown (a sample's before there is any), never
    // less than their title's. Time's text has one width; an error's kind is bold.
    const std::pair<StanzaLogModel::Column, QString> fixed[] = {
        {StanzaLogModel::TimeColumn, u"00:00:00.000"_s},
        {StanzaLogModel::DirectionColumn, u"↑"_s},
        {StanzaLogModel::KindColumn, u"presence"_s},
        {StanzaLogModel::TypeColumn, u"unavailable"_s},
        {StanzaLogModel::SizeColumn, u"000000"_s}};
    int room = width(); // the header spans the table's viewport
    for (const auto &[column, sample] : fixed) {
        const auto content = m_contentWidths.constFind(column);
        int text = content == m_contentWidths.cend() ? metrics.horizontalAdvance(sample) : *content;
        if (column == StanzaLogModel::KindColumn)
            text += character;
        const int width = qMax(text + cellPadding, titleWidth(column));
        resizeSection(column, width);
        if (!isSectionHidden(column))
            room -= width;
    }

    // From, To, Id and Answer get the width of their widest text, within bounds (in characters); before
    // there is any, a share of the rest. Summary, the most telling, stretches over what they leave. Answer
    // and Id give back while that is below a third of the room, From and To (the addresses are what the
    // log is read for) only while it is below Summary's minimum; the wider of each first, down to theirs.
    struct Share
    {
        StanzaLogModel::Column column;
        double fraction;
        int minimumCharacters;
        int maximumCharacters;
        bool givesBackFirst;
        int width = 0;
    };
    // Answer's usual text, "result in 12.4 ms", needs 17 characters; cut shorter ("result in …", "auto
    // ans…") the pairing it is there for cannot be read, so it gives back only as the addresses do. A
    // stream id (a UUID) needs 36.
    Share shares[] = {{StanzaLogModel::FromColumn, 0.2, 12, 40, false},
                      {StanzaLogModel::ToColumn, 0.2, 12, 40, false},
                      {StanzaLogModel::IdColumn, 0.1, 6, 38, true},
                      {StanzaLogModel::AnswerColumn, 0.2, 10, 30, false}};
    const auto minimumOf = [&](const Share &share) {
        return qMax(share.minimumCharacters * character + padding, titleWidth(share.column));
    };
    // What an address column keeps while it can: its widest domain ("a…@echo.localhost…", what
    // JidElider comes down to before it cuts a domain), up to its maximum.
    const auto domainMinimumOf = [&](const Share &share) {
        return qMax(minimumOf(share), qMin(m_domainWidths.value(share.column) + cellPadding,
                                           share.maximumCharacters * character + padding));
    };
    // Ids and hex digits are wider than the average character: a UUID needs its own measure.
    const int uuidWidth = metrics.horizontalAdvance(u"88888888-8888-8888-8888-888888888888"_s) + cellPadding;
    int taken = 0;
    for (Share &share : shares) {
        if (isSectionHidden(share.column))
            continue;
        const int minimum = minimumOf(share);
        const int content = m_contentWidths.value(share.column);
        const int wanted = content > 0 ? content + cellPadding : int(room * share.fraction);
        int maximum = share.maximumCharacters * character + padding;
        if (share.column == StanzaLogModel::IdColumn)
            maximum = qMax(maximum, uuidWidth);
        share.width = qBound(minimum, wanted, qMax(minimum, maximum));
        taken += share.width;
    }
    const bool summaryShown = !isSectionHidden(StanzaLogModel::SummaryColumn);
    const int summaryMinimum = summaryShown ? 20 * character : 0;
    // The stretched last section does not shrink below the default section size: under that, the
    // table would scroll sideways.
    // Nor below its title ("Zusammenfassung" is twice "Summary").
    const int summaryFloor =
        summaryShown
            ? std::max({8 * character, defaultSectionSize(), titleWidth(StanzaLogModel::SummaryColumn)})
            : 0;
    // A third of the room at most, and no more than its widest text needs: short summaries leave Id
    // and Answer whole where there is room for them.
    const int summaryContent = m_contentWidths.value(StanzaLogModel::SummaryColumn);
    const int summaryWanted = summaryContent > 0 ? summaryContent + cellPadding : room / 3;
    const int summaryThird = summaryShown ? qMax(summaryMinimum, qMin(room / 3, summaryWanted)) : 0;
    // Who gives back, for how much of Summary, down to what: Answer and Id leave it a third of the
    // room; From and To its minimum, keeping their domains whole, then its floor, cutting them.
    struct Pass
    {
        bool addresses;
        int summary;
        bool keepDomains;
    };
    for (const Pass pass : {Pass{false, summaryThird, false}, Pass{true, summaryMinimum, true},
                            Pass{true, summaryFloor, false}}) {
        int over = taken + pass.summary - room;
        // The widest of the group gives a pixel at a time: no column is cut while another keeps more.
        while (over > 0) {
            Share *widest = nullptr;
            for (Share &share : shares) {
                const int floor = pass.keepDomains ? domainMinimumOf(share) : minimumOf(share);
                if (!isSectionHidden(share.column) && share.givesBackFirst != pass.addresses &&
                    share.width > floor && (!widest || share.width > widest->width))
                    widest = &share;
            }
            if (!widest)
                break;
            --widest->width;
            --taken;
            --over;
        }
    }
    for (const Share &share : shares) {
        if (!isSectionHidden(share.column))
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

void StanzaLogHeader::changeEvent(QEvent *event)
{
    QHeaderView::changeEvent(event);
    // The widest texts known are the old font's: a larger one would cut them, a smaller leave gaps.
    if (event->type() == QEvent::FontChange && model()) {
        m_contentWidths.clear();
        m_domainWidths.clear();
        measureAll();
        if (m_fitColumns)
            fitColumns();
    }
}

void StanzaLogHeader::showEvent(QShowEvent *event)
{
    QHeaderView::showEvent(event);
    restoreColumns(); // another log may have changed them while this one was hidden
    if (m_unmeasuredRows > 0 && model()) {
        // What arrived while hidden, its newest rows standing for the rest, fitted before the first paint
        // rather than a refit later.
        const int last = model()->rowCount() - 1;
        const bool grew = measureRows(qMax(0, last - m_unmeasuredRows + 1), last);
        m_unmeasuredRows = 0;
        if (grew && m_fitColumns) {
            m_refitTimer->stop();
            fitColumns();
        }
    }
}

void StanzaLogHeader::hideEvent(QHideEvent *event)
{
    QHeaderView::hideEvent(event);
    if (m_saveTimer->isActive())
        saveColumns(); // before another log, shown now, reads them
}

} // namespace xcm
