// SPDX-License-Identifier: GPL-3.0-or-later
#include "stanzalogview.h"

#include "exchangeactions.h"
#include "logcontrols.h"
#include "logexportactions.h"
#include "logfilterbar.h"
#include "logstatusline.h"
#include "logviewlogging.h"
#include "stanzadetailpane.h"
#include "stanzalogdelegate.h"
#include "stanzalogfiltermodel.h"
#include "stanzalogheader.h"
#include "stanzalogmodel.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QScrollBar>
#include <QShortcut>
#include <QSplitter>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace xcm {

StanzaLogView::StanzaLogView(QWidget *parent)
    : StanzaLogView(Source::Live, parent)
{}

StanzaLogView::StanzaLogView(Source source, QWidget *parent)
    : QWidget(parent)
    , m_source(source)
    , m_filter(new StanzaLogFilterModel) // owned from the end of the constructor on
    , m_delegate(new StanzaLogDelegate(this))
{
    createActions();
    createTable();
    createExchangeActions();
    m_exportActions = new LogExportActions(m_filter, this);
    addActions({m_exportActions->exportAllAction(), m_exportActions->exportShownAction()});
    m_filterBar = new LogFilterBar(m_filter, m_table);
    addCommandsTo(m_filterBar);
    m_detailPane = new StanzaDetailPane;
    m_statusLine = new LogStatusLine(m_filter);

    auto *splitter = new QSplitter(Qt::Vertical);
    splitter->setObjectName(u"logSplitter"_s);
    splitter->addWidget(m_table);
    splitter->addWidget(m_detailPane);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_filterBar);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_statusLine);

    m_menuActions = m_filterBar->menuActions();
    if (isLive()) {
        m_menuActions += {LogControls::separator(this),
                          m_exchangeActions->goToPartnerAction(),
                          m_exchangeActions->replyAction(),
                          m_sortAction,
                          LogControls::separator(this),
                          m_pauseAction,
                          m_followAction,
                          LogControls::separator(this),
                          m_copyStanzaAction,
                          m_clearAction};
    } else {
        m_menuActions += {LogControls::separator(this), m_exchangeActions->goToPartnerAction(), m_sortAction,
                          LogControls::separator(this), m_copyStanzaAction};
    }
    m_menuActions += {LogControls::separator(this), m_exportActions->exportAllAction(),
                      m_exportActions->exportShownAction()};

    connect(m_exchangeActions, &ExchangeActions::message, m_statusLine, &LogStatusLine::showMessage);
    connect(m_exportActions, &LogExportActions::message, m_statusLine, &LogStatusLine::showMessage);
    connect(m_exportActions, &LogExportActions::finished, this, &StanzaLogView::exportFinished);
    connect(m_filterBar, &LogFilterBar::searchFailed, m_statusLine, &LogStatusLine::showSearchMessage);
    // "No stanza contains …" was about the text that just changed.
    connect(m_filterBar, &LogFilterBar::searchTextChanged, m_statusLine, &LogStatusLine::dropSearchMessage);
    connectFollowing();
    connect(m_header, &QHeaderView::sectionClicked, this, &StanzaLogView::onHeaderClicked);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &StanzaLogView::updateDetail);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &StanzaLogView::updateDetail);
    // A filter that hides the current row can leave the table without a current row and without saying
    // so (no currentRowChanged): the pane must not go on showing a stanza the list no longer does.
    connect(m_filter, &QAbstractItemModel::layoutChanged, this, &StanzaLogView::updateDetail);
    connect(m_filter, &QAbstractItemModel::rowsRemoved, this, &StanzaLogView::updateDetail);
    connect(m_filter, &StanzaLogFilterModel::filterChanged, m_table->viewport(),
            qOverload<>(&QWidget::update)); // search highlights
    for (const auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_filter, signal, this, &StanzaLogView::updateNoMatchHint);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &StanzaLogView::updateNoMatchHint);
    connect(m_filter, &QAbstractItemModel::layoutChanged, this, &StanzaLogView::updateNoMatchHint);
    connect(m_filter, &StanzaLogFilterModel::filterChanged, this, &StanzaLogView::updateNoMatchHint);
    // Esc in the list (or the detail pane) clears the search too, not only in the search box; dialogs and
    // the compose form keep their own Esc.
    auto *escape =
        new QShortcut(QKeySequence(Qt::Key_Escape), this, nullptr, nullptr, Qt::WidgetWithChildrenShortcut);
    escape->setObjectName(u"clearSearchShortcut"_s);
    connect(escape, &QShortcut::activated, m_filterBar, &LogFilterBar::clearSearch);

    // Children are deleted in the order they were added: the filter model goes after the widgets that
    // show it, so none of them reacts to its destruction while this view is half destroyed.
    m_filter->setParent(this);
    updateDetail();
}

StanzaLogView::~StanzaLogView()
{
    // QWidget's destructor hides the children, and the table's scroll bar then reports a new range: by
    // then this is no longer a StanzaLogView, so nothing of it may answer.
    m_table->verticalScrollBar()->disconnect(this);
    m_filter->disconnect(this);
}

void StanzaLogView::createActions()
{
    using LogControls::action;
    m_pauseAction = action(this, tr("&Pause"), tr("Pause"),
                           tr("Hold the view still; traffic is still logged and counted "
                              "(Space in the list, Ctrl+P)"),
                           QKeySequence(Qt::CTRL | Qt::Key_P), true);
    m_pauseAction->setObjectName(u"pauseAction"_s);
    connect(m_pauseAction, &QAction::toggled, this, &StanzaLogView::setPaused);

    m_followAction =
        action(this, tr("Follo&w Newest"), tr("Follow"),
               tr("Keep the newest stanza in view while the list is scrolled to the bottom"), {}, true);
    m_followAction->setObjectName(u"followAction"_s);
    m_followAction->setChecked(true);
    connect(m_followAction, &QAction::toggled, this, &StanzaLogView::setFollowing);

    m_clearAction = action(this, tr("C&lear"), tr("Clear"), tr("Remove all stanzas from the log (Ctrl+L)"),
                           QKeySequence(Qt::CTRL | Qt::Key_L));
    m_clearAction->setObjectName(u"clearAction"_s);
    connect(m_clearAction, &QAction::triggered, this, &StanzaLogView::clear);
    if (isLive())
        addActions({m_pauseAction, m_clearAction}); // their keys work anywhere in the window
    else
        m_pauseAction->setEnabled(false); // and the rest are never shown

    m_sortAction = action(this, tr("Slowest &Answers First"), tr("Slowest first"),
                          tr("Sort by round trip, unanswered requests first (or click the Answer column); "
                             "off: the log's order"),
                          QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S), true);
    m_sortAction->setObjectName(u"sortByRoundTripAction"_s);
    connect(m_sortAction, &QAction::triggered, this,
            [this](bool on) { sortByRoundTrip(on ? std::optional(Qt::DescendingOrder) : std::nullopt); });
    addAction(m_sortAction);

    // Ctrl+C copies the stanza only in the list (createTable()), where nothing else is selected that
    // the user could mean.
    m_copyStanzaAction =
        action(this, tr("&Copy Stanza"), tr("Copy Stanza"),
               tr("Copy the selected stanza as it was on the wire (Ctrl+C in the list)"), QKeySequence::Copy);
    m_copyStanzaAction->setObjectName(u"copyStanzaAction"_s);
    m_copyStanzaAction->setShortcutContext(Qt::WidgetShortcut);
    connect(m_copyStanzaAction, &QAction::triggered, this, [this] {
        const Stanza stanza = currentStanza();
        if (!stanza.isNull())
            QApplication::clipboard()->setText(QString::fromUtf8(stanza.wire()));
    });
}

void StanzaLogView::createTable()
{
    m_table = new QTableView;
    m_table->setObjectName(u"stanzaTable"_s);
    m_header = new StanzaLogHeader(m_table);
    m_table->setHorizontalHeader(m_header);
    m_table->setModel(m_filter);
    m_delegate->setFilterModel(m_filter);
    m_table->setItemDelegate(m_delegate);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->setCornerButtonEnabled(false);
    m_table->setTabKeyNavigation(false);
    m_table->setVerticalScrollMode(QAbstractItemView::ScrollPerItem); // the scroll value is a row
    m_table->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    // Uniform rows: the view never asks the model for a row's height.
    QHeaderView *rows = m_table->verticalHeader();
    rows->hide();
    rows->setSectionResizeMode(QHeaderView::Fixed);
    rows->setMinimumSectionSize(1);
    updateRowHeight();
    m_table->addAction(m_copyStanzaAction);

    // A filter that hides every stanza would leave a blank table that looks broken: say why, and how out.
    m_noMatchHint = new QLabel(tr("No stanza matches the filter.\n"
                                  "Esc clears the search; the boxes and lists above widen the rest."));
    m_noMatchHint->setObjectName(u"noMatchHint"_s);
    m_noMatchHint->setAlignment(Qt::AlignCenter);
    m_noMatchHint->setWordWrap(true);
    m_noMatchHint->setForegroundRole(QPalette::PlaceholderText);
    m_noMatchHint->hide();
    auto *hintLayout = new QVBoxLayout(m_table->viewport());
    hintLayout->addWidget(m_noMatchHint, 0, Qt::AlignCenter);

    // Space pauses only in the list: elsewhere it types, ticks or opens.
    if (isLive()) {
        auto *space =
            new QShortcut(QKeySequence(Qt::Key_Space), m_table, nullptr, nullptr, Qt::WidgetShortcut);
        connect(space, &QShortcut::activated, m_pauseAction, &QAction::toggle);
    }
}

void StanzaLogView::createExchangeActions()
{
    m_exchangeActions = new ExchangeActions(m_table, m_filter, this);
    QList<QAction *> actions{m_exchangeActions->goToPartnerAction()};
    if (isLive())
        actions.append(m_exchangeActions->replyAction());
    else
        m_exchangeActions->replyAction()->setVisible(false); // nothing to answer in a file
    addActions(actions); // their keys work anywhere in the window, like the Log menu's
    connect(m_exchangeActions, &ExchangeActions::replyRequested, this, &StanzaLogView::replyRequested);
    // The rows' own menu: what can be done with the stanza under the mouse.
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_table->insertActions(m_copyStanzaAction, actions);
}

void StanzaLogView::addCommandsTo(LogFilterBar *bar)
{
    QAction *exportAll = m_exportActions->exportAllAction();
    QAction *exportShown = m_exportActions->exportShownAction();
    auto *exportMenu = new QMenu(this);
    exportMenu->addAction(exportAll);
    exportMenu->addAction(exportShown);
    auto *exportButton = LogControls::toolButton(exportAll);
    exportButton->setObjectName(u"exportButton"_s);
    exportButton->setMenu(exportMenu);
    exportButton->setPopupMode(QToolButton::MenuButtonPopup);

    bar->addSpacing(8);
    if (isLive()) {
        auto *pauseButton = LogControls::toolButton(m_pauseAction);
        pauseButton->setObjectName(u"pauseButton"_s);
        auto *followBox = LogControls::checkBox(m_followAction);
        followBox->setObjectName(u"followCheck"_s);
        auto *clearButton = LogControls::toolButton(m_clearAction);
        clearButton->setObjectName(u"clearButton"_s);
        // As wide as the wider of Pause and Resume (in any language): pausing must not reflow the bar.
        const QFontMetrics metrics = pauseButton->fontMetrics();
        const int padding = pauseButton->sizeHint().width() - metrics.horizontalAdvance(pauseButton->text());
        pauseButton->setFixedWidth(
            padding + qMax(metrics.horizontalAdvance(tr("Pause")), metrics.horizontalAdvance(tr("Resume"))));
        // Too narrow for all (half a small screen, or German): export, clear and follow go into the bar's
        // ⋯ menu, in that order, before the filters' check boxes; the Log menu has them all anyway.
        bar->addOptionalWidget(followBox, 3, {m_followAction});
        bar->addWidget(pauseButton);
        bar->addOptionalWidget(clearButton, 2, {m_clearAction});
    }
    bar->addOptionalWidget(exportButton, 1, {exportAll, exportShown});
}

void StanzaLogView::connectFollowing()
{
    QScrollBar *bar = m_table->verticalScrollBar();
    connect(bar, &QScrollBar::valueChanged, this,
            [this, bar](int value) { m_atBottom = value >= bar->maximum(); });
    connect(bar, &QScrollBar::rangeChanged, this, [this, bar](int, int maximum) {
        if (m_followAction->isChecked() && m_atBottom && !isSorted())
            bar->setValue(maximum);
        else
            m_atBottom = bar->value() >= maximum;
    });
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, [this] {
        // Scroll now rather than after the view's delayed layout: one repaint per flush, not two. Sorted,
        // the newest row is not at the bottom.
        if (m_followAction->isChecked() && m_atBottom && !isSorted())
            m_table->scrollToBottom();
    });
    connect(m_filter, &QAbstractItemModel::rowsAboutToBeRemoved, this,
            [this](const QModelIndex &, int first, int last) { onRowsAboutToBeRemoved(first, last); });
    connect(m_filter, &QAbstractItemModel::layoutAboutToBeChanged, this, &StanzaLogView::rememberPlace);
    connect(m_filter, &QAbstractItemModel::layoutChanged, this, &StanzaLogView::restorePlace);
}

void StanzaLogView::rememberPlace()
{
    m_place = QPersistentModelIndex();
    if (m_followAction->isChecked() && m_atBottom)
        return; // the newest row stays in view (rangeChanged)
    const QModelIndex current = m_table->currentIndex();
    const bool currentInView =
        current.isValid() && m_table->viewport()->rect().intersects(m_table->visualRect(current));
    m_place = currentInView ? current : m_table->indexAt(QPoint(0, 0));
    m_placeRowsDown = m_place.row() - m_table->verticalScrollBar()->value();
}

void StanzaLogView::restorePlace()
{
    // Nothing to keep, or the filter hides it: the scroll value stays.
    if (!m_place.isValid())
        return;
    m_table->doItemsLayout(); // the scroll bar's range for the new rows, before a value within it
    m_table->verticalScrollBar()->setValue(m_place.row() - m_placeRowsDown);
    m_place = QPersistentModelIndex();
}

bool StanzaLogView::isSorted() const
{
    return m_filter->sortColumn() >= 0;
}

void StanzaLogView::sortByRoundTrip(std::optional<Qt::SortOrder> order)
{
    if (!order) {
        m_filter->sort(-1); // wire order
        m_header->setSortIndicatorShown(false);
        m_sortAction->setChecked(false);
        m_statusLine->showMessage(tr("In the log's order"));
        if (m_followAction->isChecked())
            m_table->scrollToBottom();
        return;
    }
    m_filter->sort(StanzaLogModel::AnswerColumn, *order);
    m_header->setSortIndicatorShown(true);
    m_header->setSortIndicator(StanzaLogModel::AnswerColumn, *order);
    m_sortAction->setChecked(*order == Qt::DescendingOrder);
    m_statusLine->showMessage(
        *order == Qt::DescendingOrder
            ? tr("Slowest answers first, unanswered requests at the top; click "
                 "Answer again for the fastest, Time for the log's order")
            : tr("Fastest answers first; click Answer again or Time for the log's order"));
    m_table->scrollToTop();
}

void StanzaLogView::onHeaderClicked(int column)
{
    // Answer cycles: slowest first, fastest first, the log's order. Time goes back to the log's order.
    const bool byAnswer = m_filter->sortColumn() == StanzaLogModel::AnswerColumn;
    if (column == StanzaLogModel::AnswerColumn) {
        if (!byAnswer)
            sortByRoundTrip(Qt::DescendingOrder);
        else if (m_filter->sortOrder() == Qt::DescendingOrder)
            sortByRoundTrip(Qt::AscendingOrder);
        else
            sortByRoundTrip(std::nullopt);
    } else if (column == StanzaLogModel::TimeColumn && isSorted()) {
        sortByRoundTrip(std::nullopt);
    }
}

QList<QAction *> StanzaLogView::menuActions() const
{
    return m_menuActions;
}

void StanzaLogView::setModel(StanzaLogModel *model)
{
    if (m_model == model)
        return;
    m_header->keepLayoutAcross([this, model] {
        m_model = model;
        m_filter->setSourceModel(model);
    });
    m_exchangeActions->setModel(model);
    m_exportActions->setModel(model);
    m_statusLine->setLog(model);
    // Rows the filter rejects reach the filter model without a signal from it, and a cleared log resets.
    disconnect(m_sourceRowsInserted);
    if (model)
        m_sourceRowsInserted =
            connect(model, &QAbstractItemModel::rowsInserted, this, &StanzaLogView::updateNoMatchHint);
    updateNoMatchHint();
    m_pauseAction->setChecked(false); // a pause belongs to the old log; ending it now re-filters nothing yet
    m_atBottom = true;
    if (m_followAction->isChecked())
        m_table->scrollToBottom();
    updateDetail();
}

void StanzaLogView::updateNoMatchHint()
{
    const bool hidesAll =
        m_model && m_filter->rowCount() == 0 && m_model->rowCount() > 0 && m_filter->hasFilter();
    if (hidesAll != m_noMatchHint->isVisibleTo(m_table->viewport()))
        qCDebug(lcUiLog) << (hidesAll ? "the filter hides every stanza" : "the filter shows stanzas again");
    m_noMatchHint->setVisible(hidesAll);
}

StanzaLogModel *StanzaLogView::model() const
{
    return m_model;
}

void StanzaLogView::setSettingsGroup(const QString &group)
{
    m_header->setSettingsGroup(group);
}

bool StanzaLogView::isFittingColumns() const
{
    return m_header->isFittingColumns();
}

void StanzaLogView::fitColumnsToWidth()
{
    m_header->fitColumnsToWidth();
}

bool StanzaLogView::isPaused() const
{
    return m_filter->isPaused();
}

bool StanzaLogView::isFollowing() const
{
    return m_followAction->isChecked();
}

void StanzaLogView::setPaused(bool paused)
{
    m_pauseAction->setChecked(paused);
    m_pauseAction->setText(paused ? tr("&Resume") : tr("&Pause"));
    m_pauseAction->setIconText(paused ? tr("Resume") : tr("Pause"));
    m_filter->setPaused(paused); // the status line counts what arrives meanwhile
}

void StanzaLogView::setFollowing(bool follow)
{
    m_followAction->setChecked(follow);
    if (follow) {
        // Asking to follow means "take me to the newest".
        m_table->scrollToBottom();
        m_atBottom = true;
    }
}

void StanzaLogView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    // The table has the new font already (a widget's children take it before the widget hears).
    if (event->type() == QEvent::FontChange)
        updateRowHeight();
}

void StanzaLogView::updateRowHeight()
{
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
}

void StanzaLogView::clear()
{
    if (!m_model)
        return;
    // At once, as consoles and packet lists do, without asking; the status line says what went.
    const qsizetype count = m_model->rowCount() + m_model->pendingCount();
    m_model->clear();
    m_atBottom = true;
    if (count == 1)
        m_statusLine->showMessage(tr("Cleared 1 stanza"));
    else if (count > 1)
        m_statusLine->showMessage(tr("Cleared %1 stanzas").arg(QLocale().toString(count)));
}

void StanzaLogView::focusSearch()
{
    m_filterBar->focusSearch();
}

void StanzaLogView::findNext()
{
    m_filterBar->findNext();
}

void StanzaLogView::findPrevious()
{
    m_filterBar->findPrevious();
}

Stanza StanzaLogView::currentStanza() const
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid() || !m_model)
        return {};
    return m_model->stanzaAt(m_filter->mapToSource(current).row());
}

QString StanzaLogView::detailText() const
{
    return m_detailPane->text();
}

void StanzaLogView::updateDetail()
{
    const QModelIndex current = m_table->currentIndex();
    const bool selected = current.isValid() && m_model;
    m_copyStanzaAction->setEnabled(selected);
    if (!selected) {
        m_detailPane->showNothing();
        return;
    }
    const int sourceRow = m_filter->mapToSource(current).row();
    const quint64 sequence = m_model->sequenceAt(sourceRow);
    // The same stanza at another row (rows above were dropped): the reader keeps their place in it.
    if (sequence == m_detailPane->sequence())
        return;
    // Another stanza picked to read stops following: otherwise the pane opening below shrinks the
    // table, Follow scrolls it to the newest row, and the mouse release selects another row than the
    // pane shows.
    if (m_followAction->isChecked()) {
        qCDebug(lcUiLog) << "stanza" << sequence << "became current: no longer following";
        m_followAction->setChecked(false);
    }
    m_detailPane->showStanza(sequence, m_model->stanzaAt(sourceRow),
                             m_exchangeActions->partnerDetail(sourceRow));
}

void StanzaLogView::onRowsAboutToBeRemoved(int first, int last)
{
    if (m_followAction->isChecked() && m_atBottom)
        return;
    // Rows dropped above the first visible one would shift what the user is reading: hold it in place.
    QScrollBar *bar = m_table->verticalScrollBar();
    const int top = bar->value();
    if (first >= top)
        return;
    const int removedAbove = qMin(last, top - 1) - first + 1;
    bar->setValue(top - removedAbove);
}

bool StanzaLogView::exportTo(const QString &path, bool shownOnly)
{
    return m_exportActions->exportTo(path, shownOnly);
}

bool StanzaLogView::isExporting() const
{
    return m_exportActions->isExporting();
}

QStringList StanzaLogView::exportNameFilters()
{
    return LogExportActions::nameFilters();
}

} // namespace xcm
