// SPDX-License-Identifier: GPL-3.0-or-later
#include "stanzalogview.h"

#include "exchangeactions.h"
#include "logcolors.h"
#include "overflowbar.h"
#include "stanzalogdelegate.h"
#include "stanzalogexport.h"
#include "stanzalogfiltermodel.h"
#include "stanzalogmodel.h"
#include "xmlelement.h"
#include "xmlhighlighter.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QScopedValueRollback>
#include <QScrollBar>
#include <QSettings>
#include <QShortcut>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace xcm {

namespace {

constexpr int searchDelayMs = 150; // typing pauses this long before a million rows are re-filtered
constexpr int messageTimeoutMs = 10'000;
constexpr int columnSaveDelayMs = 500; // a drag of a column divider is saved once, when it stops

QString prettyXml(const Stanza &stanza)
{
    const QByteArray &wire = stanza.wire();
    if (!wire.startsWith("<?") && !wire.startsWith("</")) {
        const XmlElement element = stanza.element();
        if (!element.isNull())
            return element.toXml(true, 2);
    }
    // The stream header is only a start tag: show it as it was, the declaration on its own line.
    QString raw = QString::fromUtf8(wire);
    raw.replace(u"?><"_s, u"?>\n<"_s);
    return raw;
}

QToolButton *toolButton(QAction *action)
{
    auto *button = new QToolButton;
    button->setDefaultAction(action); // shows the action's iconText(): the menu's text is longer
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    return button;
}

// A check box reads as on/off in every style and palette, which a checked tool button does not.
QCheckBox *checkBox(QAction *action)
{
    auto *box = new QCheckBox(action->iconText());
    box->setToolTip(action->toolTip());
    box->setChecked(action->isChecked());
    QObject::connect(box, &QCheckBox::toggled, action, &QAction::setChecked);
    QObject::connect(action, &QAction::toggled, box, &QCheckBox::setChecked);
    return box;
}

// `text` for menus, `iconText` for the buttons and check boxes in the view. Shortcuts are window-wide:
// a hidden view's actions do not match, so only the log on screen answers.
QAction *makeAction(QObject *parent, const QString &text, const QString &iconText, const QString &toolTip,
                    const QKeySequence &shortcut = {}, bool checkable = false)
{
    auto *action = new QAction(text, parent);
    action->setIconText(iconText);
    action->setToolTip(toolTip);
    action->setShortcut(shortcut);
    action->setShortcutContext(Qt::WindowShortcut);
    action->setCheckable(checkable);
    return action;
}

QAction *makeSeparator(QObject *parent)
{
    auto *separator = new QAction(parent);
    separator->setSeparator(true);
    return separator;
}

} // namespace

StanzaLogView::StanzaLogView(QWidget *parent)
    : QWidget(parent)
    , m_filter(new StanzaLogFilterModel(this))
    , m_delegate(new StanzaLogDelegate(this))
    , m_searchTimer(new QTimer(this))
    , m_statusTimer(new QTimer(this))
    , m_columnSaveTimer(new QTimer(this))
    , m_messageTimer(new QTimer(this))
{
    createActions();

    m_table = new QTableView;
    m_table->setObjectName(u"stanzaTable"_s);
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
    rows->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    QHeaderView *columns = m_table->horizontalHeader();
    columns->setHighlightSections(false);
    columns->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    columns->setStretchLastSection(true);
    columns->setMinimumSectionSize(16);
    columns->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(columns, &QHeaderView::customContextMenuRequested, this, &StanzaLogView::showColumnMenu);
    connect(columns, &QHeaderView::sectionResized, this, [this](int column) {
        // The stretched last column follows the others and the window; any other change is the user's.
        if (m_adjustingColumns || column == lastShownColumn())
            return;
        m_fitColumns = false;
        m_columnSaveTimer->start();
    });
    m_table->viewport()->installEventFilter(this);
    m_columnSaveTimer->setSingleShot(true);
    m_columnSaveTimer->setInterval(columnSaveDelayMs);
    connect(m_columnSaveTimer, &QTimer::timeout, this, &StanzaLogView::saveColumns);
    m_columnMenu = new QMenu(this);
    m_columnMenu->setObjectName(u"columnMenu"_s);
    m_exchangeActions = new ExchangeActions(m_table, m_filter, this);
    for (QAction *action : {m_exchangeActions->goToPartnerAction(), m_exchangeActions->unansweredOnlyAction(),
                            m_exchangeActions->replyAction()})
        addAction(action); // their keys work anywhere in the window, like the Log menu's
    connect(m_exchangeActions, &ExchangeActions::replyRequested, this, &StanzaLogView::replyRequested);
    connect(m_exchangeActions, &ExchangeActions::message, this,
            [this](const QString &text) { showMessage(text); });
    // The rows' own menu: what can be done with the stanza under the mouse.
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_table->addAction(m_exchangeActions->goToPartnerAction());
    m_table->addAction(m_exchangeActions->replyAction());
    m_table->addAction(m_copyStanzaAction);
    // Space pauses only in the list: elsewhere it types, ticks or opens.
    auto *space = new QShortcut(QKeySequence(Qt::Key_Space), m_table, nullptr, nullptr, Qt::WidgetShortcut);
    connect(space, &QShortcut::activated, m_pauseAction, &QAction::toggle);

    QScrollBar *bar = m_table->verticalScrollBar();
    connect(bar, &QScrollBar::valueChanged, this,
            [this, bar](int value) { m_atBottom = value >= bar->maximum(); });
    connect(bar, &QScrollBar::rangeChanged, this, [this, bar](int, int maximum) {
        if (m_followAction->isChecked() && m_atBottom)
            bar->setValue(maximum);
        else
            m_atBottom = bar->value() >= maximum;
    });
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, [this] {
        // Scroll now rather than after the view's delayed layout: one repaint per flush, not two.
        if (m_followAction->isChecked() && m_atBottom)
            m_table->scrollToBottom();
    });
    connect(m_filter, &QAbstractItemModel::rowsAboutToBeRemoved, this,
            [this](const QModelIndex &, int first, int last) { onRowsAboutToBeRemoved(first, last); });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &StanzaLogView::updateDetail);

    m_splitter = new QSplitter(Qt::Vertical);
    m_splitter->setObjectName(u"logSplitter"_s);
    m_splitter->addWidget(m_table);
    m_splitter->addWidget(createDetailPane());
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setChildrenCollapsible(false);

    m_statusLabel = new QLabel;
    m_statusLabel->setObjectName(u"statusLabel"_s);
    m_pausedLabel = new QLabel;
    m_pausedLabel->setObjectName(u"pausedLabel"_s);
    m_pausedLabel->hide();
    m_messageLabel = new QLabel;
    m_messageLabel->setObjectName(u"messageLabel"_s);
    m_messageLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_messageLabel->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    // A long path must not widen the window: the text is elided to the room left (showMessage()).
    m_messageLabel->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_messageTimer->setSingleShot(true);
    m_messageTimer->setInterval(messageTimeoutMs);
    connect(m_messageTimer, &QTimer::timeout, this, [this] { showMessage({}); });
    auto *statusRow = new QHBoxLayout;
    statusRow->setContentsMargins(4, 0, 4, 0);
    statusRow->addWidget(m_statusLabel);
    statusRow->addSpacing(12);
    statusRow->addWidget(m_pausedLabel);
    statusRow->addSpacing(12);
    statusRow->addWidget(m_messageLabel, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(createFilterBar());
    layout->addWidget(m_splitter, 1);
    layout->addLayout(statusRow);

    m_menuActions = {m_searchAction,
                     m_findNextAction,
                     m_findPreviousAction,
                     makeSeparator(this),
                     m_errorsOnlyAction,
                     m_exchangeActions->unansweredOnlyAction(),
                     m_textFilterAction,
                     m_kindMenu->menuAction(),
                     makeSeparator(this),
                     m_exchangeActions->goToPartnerAction(),
                     m_exchangeActions->replyAction(),
                     makeSeparator(this),
                     m_pauseAction,
                     m_followAction,
                     makeSeparator(this),
                     m_copyStanzaAction,
                     m_clearAction,
                     makeSeparator(this),
                     m_exportAction,
                     m_exportShownAction};

    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(searchDelayMs);
    connect(m_searchTimer, &QTimer::timeout, this, &StanzaLogView::applySearch);
    // Counts change with every flush: one label update per event-loop turn is plenty.
    m_statusTimer->setSingleShot(true);
    connect(m_statusTimer, &QTimer::timeout, this, &StanzaLogView::updateStatus);
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, &StanzaLogView::scheduleStatusUpdate);
    connect(m_filter, &QAbstractItemModel::rowsRemoved, this, &StanzaLogView::scheduleStatusUpdate);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &StanzaLogView::scheduleStatusUpdate);
    connect(m_filter, &QAbstractItemModel::layoutChanged, this, &StanzaLogView::scheduleStatusUpdate);
    connect(m_filter, &StanzaLogFilterModel::filterChanged, this, [this] {
        scheduleStatusUpdate();
        m_table->viewport()->update(); // search highlights
    });
    connect(m_filter, &QAbstractItemModel::modelReset, this, &StanzaLogView::updateDetail);

    applyPalette();
    updateDetail();
    updateStatus();
}

StanzaLogView::~StanzaLogView()
{
    // The children outlive this part of the object: when the filter model goes first, the table
    // resets, and its header and scroll bar would signal slots of what is no longer a StanzaLogView.
    const QList<QObject *> descendants = findChildren<QObject *>();
    for (QObject *descendant : descendants)
        disconnect(descendant, nullptr, this, nullptr);
}

void StanzaLogView::createActions()
{
    m_errorsOnlyAction = makeAction(this, tr("&Errors Only"), tr("Errors only"),
                                    tr("Show only stream errors and stanzas of type 'error'"), {}, true);
    m_errorsOnlyAction->setObjectName(u"errorsOnlyAction"_s);
    connect(m_errorsOnlyAction, &QAction::toggled, m_filter, &StanzaLogFilterModel::setErrorsOnly);

    m_textFilterAction = makeAction(this, tr("Show &Only Matches"), tr("Filter"),
                                    tr("On: show only the stanzas that contain the search text.\n"
                                       "Off: show all, highlight the matches, and step through them with "
                                       "F3 / Shift+F3."),
                                    {}, true);
    m_textFilterAction->setObjectName(u"textFilterAction"_s);
    m_textFilterAction->setChecked(true);
    connect(m_textFilterAction, &QAction::toggled, m_filter, &StanzaLogFilterModel::setTextFilterEnabled);

    m_searchAction =
        makeAction(this, tr("&Find…"), tr("Search"), tr("Search the log (Ctrl+F)"), QKeySequence::Find);
    m_searchAction->setObjectName(u"findAction"_s);
    connect(m_searchAction, &QAction::triggered, this, &StanzaLogView::focusSearch);
    addAction(m_searchAction);

    m_findNextAction =
        makeAction(this, tr("Find &Next"), tr("Next"), tr("Next match (F3)"), QKeySequence(Qt::Key_F3));
    m_findNextAction->setObjectName(u"findNextAction"_s);
    connect(m_findNextAction, &QAction::triggered, this, &StanzaLogView::findNext);
    addAction(m_findNextAction);
    m_findPreviousAction = makeAction(this, tr("Find Pre&vious"), tr("Previous"),
                                      tr("Previous match (Shift+F3)"), QKeySequence(Qt::SHIFT | Qt::Key_F3));
    m_findPreviousAction->setObjectName(u"findPreviousAction"_s);
    connect(m_findPreviousAction, &QAction::triggered, this, &StanzaLogView::findPrevious);
    addAction(m_findPreviousAction);

    m_pauseAction = makeAction(this, tr("&Pause"), tr("Pause"),
                               tr("Hold the view still; traffic is still logged and counted "
                                  "(Space in the list, Ctrl+P)"),
                               QKeySequence(Qt::CTRL | Qt::Key_P), true);
    m_pauseAction->setObjectName(u"pauseAction"_s);
    connect(m_pauseAction, &QAction::toggled, this, &StanzaLogView::setPaused);
    addAction(m_pauseAction);

    m_followAction =
        makeAction(this, tr("Follo&w Newest"), tr("Follow"),
                   tr("Keep the newest stanza in view while the list is scrolled to the bottom"), {}, true);
    m_followAction->setObjectName(u"followAction"_s);
    m_followAction->setChecked(true);
    connect(m_followAction, &QAction::toggled, this, &StanzaLogView::setFollowing);

    m_clearAction =
        makeAction(this, tr("C&lear"), tr("Clear"), tr("Remove all stanzas from the log (Ctrl+L)"),
                   QKeySequence(Qt::CTRL | Qt::Key_L));
    m_clearAction->setObjectName(u"clearAction"_s);
    connect(m_clearAction, &QAction::triggered, this, &StanzaLogView::clear);
    addAction(m_clearAction);

    m_exportAction = makeAction(this, tr("E&xport All…"), tr("Export All…"),
                                tr("Save the whole log as an XML log or JSON Lines (Ctrl+E); the handshake "
                                   "digest is never written"),
                                QKeySequence(Qt::CTRL | Qt::Key_E));
    m_exportAction->setObjectName(u"exportAction"_s);
    connect(m_exportAction, &QAction::triggered, this, [this] { exportWithDialog(false); });
    addAction(m_exportAction);
    m_exportShownAction = makeAction(this, tr("Export &Shown…"), tr("Export Shown…"),
                                     tr("Save only the stanzas the filters show (Ctrl+Shift+E)"),
                                     QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    m_exportShownAction->setObjectName(u"exportShownAction"_s);
    connect(m_exportShownAction, &QAction::triggered, this, [this] { exportWithDialog(true); });
    addAction(m_exportShownAction);

    m_rawAction = makeAction(this, tr("Raw"), tr("Raw"),
                             tr("Show the exact bytes on the wire instead of indented XML"), {}, true);
    connect(m_rawAction, &QAction::toggled, this, [this] {
        m_detailSequence = 0;
        updateDetail();
    });
    m_copyAction = makeAction(this, tr("Copy"), tr("Copy"), tr("Copy the stanza as shown"));
    connect(m_copyAction, &QAction::triggered, this,
            [this] { QApplication::clipboard()->setText(detailText()); });
    // Owned by the view (m_table does not exist yet); Ctrl+C copies the stanza only in the list, where
    // nothing else is selected that the user could mean.
    m_copyStanzaAction = makeAction(this, tr("&Copy Stanza"), tr("Copy Stanza"),
                                    tr("Copy the selected stanza as it was on the wire (Ctrl+C in the list)"),
                                    QKeySequence::Copy);
    m_copyStanzaAction->setObjectName(u"copyStanzaAction"_s);
    m_copyStanzaAction->setShortcutContext(Qt::WidgetShortcut);
    connect(m_copyStanzaAction, &QAction::triggered, this, [this] {
        const Stanza stanza = currentStanza();
        if (!stanza.isNull())
            QApplication::clipboard()->setText(QString::fromUtf8(stanza.wire()));
    });
}

QList<QAction *> StanzaLogView::menuActions() const
{
    return m_menuActions;
}

QWidget *StanzaLogView::createFilterBar()
{
    m_directionCombo = new QComboBox;
    m_directionCombo->setObjectName(u"directionCombo"_s);
    m_directionCombo->setToolTip(tr("Show both directions, or only what was received or sent"));
    m_directionCombo->addItem(tr("↓↑ Both"), -1);
    m_directionCombo->addItem(tr("↓ Received"), int(Direction::Received));
    m_directionCombo->addItem(tr("↑ Sent"), int(Direction::Sent));
    m_directionCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    connect(m_directionCombo, &QComboBox::currentIndexChanged, this, [this] {
        const int value = m_directionCombo->currentData().toInt();
        m_filter->setDirectionFilter(value < 0 ? std::nullopt : std::optional(Direction(value)));
    });

    m_kindMenu = new QMenu(tr("&Kinds"), this);
    m_kindMenu->setObjectName(u"kindMenu"_s);
    for (const StanzaKind kind :
         {StanzaKind::Message, StanzaKind::Presence, StanzaKind::Iq, StanzaKind::Stream, StanzaKind::Other}) {
        QAction *action = m_kindMenu->addAction(StanzaLogModel::kindName(kind));
        action->setCheckable(true);
        action->setChecked(true);
        action->setData(int(kind));
        connect(action, &QAction::toggled, this, [this, kind](bool on) {
            m_filter->setKindEnabled(kind, on);
            updateKindButtonText();
        });
    }
    m_kindMenu->addSeparator();
    m_kindMenu->addAction(tr("Show All Kinds"), this, [this] {
        for (QAction *action : m_kindMenu->actions())
            if (action->isCheckable())
                action->setChecked(true);
    });
    // A push button draws its menu arrow beside the text, not over it.
    m_kindButton = new QPushButton;
    m_kindButton->setObjectName(u"kindButton"_s);
    m_kindButton->setMenu(m_kindMenu);
    m_kindButton->setToolTip(tr("Which kinds of stanza to show"));
    updateKindButtonText();

    auto *errorsBox = checkBox(m_errorsOnlyAction);
    errorsBox->setObjectName(u"errorsOnlyCheck"_s);
    auto *unansweredBox = checkBox(m_exchangeActions->unansweredOnlyAction());
    unansweredBox->setObjectName(u"unansweredOnlyCheck"_s);
    unansweredBox->setText(tr("Unanswered"));

    m_searchEdit = new QLineEdit;
    m_searchEdit->setObjectName(u"searchEdit"_s);
    m_searchEdit->setClearButtonEnabled(true);
    m_searchEdit->setPlaceholderText(tr("Search JIDs, ids, content (Ctrl+F)"));
    m_searchEdit->setToolTip(tr("Case-insensitive text anywhere in the stanza: JIDs, ids, namespaces, body.\n"
                                "Enter: next match, F3 / Shift+F3: next / previous"));
    m_searchEdit->setMinimumWidth(fontMetrics().averageCharWidth() * 12); // 24 when there is room
    connect(m_searchEdit, &QLineEdit::textChanged, m_searchTimer, qOverload<>(&QTimer::start));
    connect(m_searchEdit, &QLineEdit::textChanged, this, [this] {
        if (m_messageIsAboutSearch)
            showMessage({}); // "no stanza contains …" was about the text that just changed
    });
    m_searchEdit->installEventFilter(this); // Esc
    connect(m_searchEdit, &QLineEdit::returnPressed, this, [this] {
        applySearch();
        if (!m_filter->isTextFilterEnabled())
            findNext();
    });
    auto *previousButton = toolButton(m_findPreviousAction);
    previousButton->setArrowType(Qt::UpArrow);
    previousButton->setToolButtonStyle(Qt::ToolButtonIconOnly);
    auto *nextButton = toolButton(m_findNextAction);
    nextButton->setArrowType(Qt::DownArrow);
    nextButton->setToolButtonStyle(Qt::ToolButtonIconOnly);
    auto *filterBox = checkBox(m_textFilterAction);
    filterBox->setObjectName(u"textFilterCheck"_s);

    auto *pauseButton = toolButton(m_pauseAction);
    pauseButton->setObjectName(u"pauseButton"_s);
    auto *followBox = checkBox(m_followAction);
    followBox->setObjectName(u"followCheck"_s);
    auto *clearButton = toolButton(m_clearAction);
    clearButton->setObjectName(u"clearButton"_s);
    auto *exportMenu = new QMenu(this);
    exportMenu->addAction(m_exportAction);
    exportMenu->addAction(m_exportShownAction);
    auto *exportButton = toolButton(m_exportAction);
    exportButton->setObjectName(u"exportButton"_s);
    exportButton->setMenu(exportMenu);
    exportButton->setPopupMode(QToolButton::MenuButtonPopup);

    // Too narrow for all (half a small screen, or German): export, clear, follow and the two check
    // boxes go into the bar's ⋯ menu, in that order; the Log menu has them all anyway.
    auto *bar = new OverflowBar;
    bar->setObjectName(u"filterBar"_s);
    bar->layout()->setContentsMargins(4, 4, 4, 0);
    bar->layout()->setSpacing(4);
    bar->addWidget(m_directionCombo);
    bar->addWidget(m_kindButton);
    bar->addOptionalWidget(errorsBox, 5, {m_errorsOnlyAction});
    bar->addOptionalWidget(unansweredBox, 6, {m_exchangeActions->unansweredOnlyAction()});
    bar->addSpacing(8);
    bar->addStretchWidget(m_searchEdit, fontMetrics().averageCharWidth() * 24);
    bar->addWidget(previousButton);
    bar->addWidget(nextButton);
    bar->addOptionalWidget(filterBox, 4, {m_textFilterAction});
    bar->addSpacing(8);
    bar->addOptionalWidget(followBox, 3, {m_followAction});
    bar->addWidget(pauseButton);
    bar->addOptionalWidget(clearButton, 2, {m_clearAction});
    bar->addOptionalWidget(exportButton, 1, {m_exportAction, m_exportShownAction});
    return bar;
}

QWidget *StanzaLogView::createDetailPane()
{
    m_detailHeader = new QLabel;
    m_detailHeader->setObjectName(u"detailHeader"_s);
    m_detailHeader->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_detail = new QPlainTextEdit;
    m_detail->setObjectName(u"detailText"_s);
    m_detail->setReadOnly(true);
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_detail->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_detail->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_detail->setUndoRedoEnabled(false);
    m_highlighter = new XmlHighlighter(m_detail->document());

    auto *header = new QHBoxLayout;
    header->setContentsMargins(4, 0, 4, 0);
    header->addWidget(m_detailHeader, 1);
    m_rawButton = toolButton(m_rawAction);
    m_rawButton->setObjectName(u"rawButton"_s);
    header->addWidget(m_rawButton);
    m_copyButton = toolButton(m_copyAction);
    m_copyButton->setObjectName(u"copyButton"_s);
    header->addWidget(m_copyButton);

    auto *pane = new QWidget;
    pane->setObjectName(u"detailPane"_s);
    m_detailPane = pane;
    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(header);
    layout->addWidget(m_detail, 1);
    return pane;
}

void StanzaLogView::setModel(StanzaLogModel *model)
{
    if (m_model == model)
        return;
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    QHeaderView *columns = m_table->horizontalHeader();
    const QByteArray columnState = columns->count() > 0 ? columns->saveState() : QByteArray();
    {
        const QScopedValueRollback adjusting(m_adjustingColumns, true);
        m_model = model;
        m_filter->setSourceModel(model); // resets the header
        m_exchangeActions->setModel(model);
        if (!columnState.isEmpty())
            columns->restoreState(columnState); // the column layout survives a switch
    }
    m_pauseAction->setChecked(false); // a pause belongs to the old log; ending it now re-filters nothing yet
    if (model)
        connect(model, &StanzaLogModel::countsChanged, this, &StanzaLogView::scheduleStatusUpdate);
    if (columnState.isEmpty())
        restoreColumns();
    if (m_fitColumns)
        fitColumns();
    m_atBottom = true;
    if (m_followAction->isChecked())
        m_table->scrollToBottom();
    m_detailSequence = 0;
    updateDetail();
    updateStatus();
}

StanzaLogModel *StanzaLogView::model() const
{
    return m_model;
}

void StanzaLogView::setSettingsGroup(const QString &group)
{
    m_settingsGroup = group;
    restoreColumns();
}

void StanzaLogView::fitColumnsToWidth()
{
    m_fitColumns = true;
    fitColumns();
    saveColumns();
}

void StanzaLogView::setColumnShown(int column, bool shown)
{
    {
        const QScopedValueRollback adjusting(m_adjustingColumns, true);
        m_table->horizontalHeader()->setSectionHidden(column, !shown);
    }
    if (m_fitColumns)
        fitColumns();
    saveColumns();
}

int StanzaLogView::lastShownColumn() const
{
    const QHeaderView *columns = m_table->horizontalHeader();
    for (int visual = columns->count() - 1; visual >= 0; --visual) {
        const int column = columns->logicalIndex(visual);
        if (!columns->isSectionHidden(column))
            return column;
    }
    return -1;
}

void StanzaLogView::fitColumns()
{
    QHeaderView *columns = m_table->horizontalHeader();
    if (columns->count() != StanzaLogModel::ColumnCount)
        return;
    const QScopedValueRollback adjusting(m_adjustingColumns, true);
    const QFontMetrics metrics = m_table->fontMetrics();
    const QFontMetrics headerMetrics = columns->fontMetrics();
    const int padding =
        2 * m_table->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, m_table) + 12;
    const int character = metrics.averageCharWidth();
    const auto titleWidth = [&](int column) {
        return headerMetrics.horizontalAdvance(m_filter->headerData(column, Qt::Horizontal).toString()) +
               padding;
    };

    // Columns whose text has one width get that width.
    const std::pair<StanzaLogModel::Column, QString> fixed[] = {
        {StanzaLogModel::TimeColumn, u"00:00:00.000"_s},
        {StanzaLogModel::DirectionColumn, u"↑"_s},
        {StanzaLogModel::KindColumn, u"presence"_s},
        {StanzaLogModel::TypeColumn, u"unavailable"_s},
        {StanzaLogModel::SizeColumn, u"000000"_s}};
    int room = m_table->viewport()->width();
    for (const auto &[column, sample] : fixed) {
        const int width = qMax(metrics.horizontalAdvance(sample) + padding, titleWidth(column));
        columns->resizeSection(column, width);
        if (!columns->isSectionHidden(column))
            room -= width;
    }

    // From, To, Id and Answer get a share of the rest, within bounds (in characters); Summary, the most
    // telling, stretches over what they leave. When that is below its minimum, they give back, down to
    // theirs.
    struct Share
    {
        StanzaLogModel::Column column;
        double fraction;
        int minimumCharacters;
        int maximumCharacters;
        int width = 0;
    };
    Share shares[] = {{StanzaLogModel::FromColumn, 0.22, 12, 34},
                      {StanzaLogModel::ToColumn, 0.22, 12, 34},
                      {StanzaLogModel::IdColumn, 0.11, 8, 18},
                      {StanzaLogModel::AnswerColumn, 0.14, 5, 30}};
    const auto minimumOf = [&](const Share &share) {
        return qMax(share.minimumCharacters * character + padding, titleWidth(share.column));
    };
    int taken = 0;
    int slack = 0;
    for (Share &share : shares) {
        if (columns->isSectionHidden(share.column))
            continue;
        const int minimum = minimumOf(share);
        share.width = qBound(minimum, int(room * share.fraction),
                             qMax(minimum, share.maximumCharacters * character + padding));
        taken += share.width;
        slack += share.width - minimum;
    }
    const int summaryMinimum = columns->isSectionHidden(StanzaLogModel::SummaryColumn) ? 0 : 20 * character;
    const int over = qMin(taken + summaryMinimum - room, slack);
    for (Share &share : shares) {
        if (columns->isSectionHidden(share.column))
            continue;
        if (over > 0)
            share.width -= int(qint64(over) * (share.width - minimumOf(share)) / slack);
        columns->resizeSection(share.column, share.width);
    }
}

void StanzaLogView::saveColumns()
{
    m_columnSaveTimer->stop();
    const QHeaderView *columns = m_table->horizontalHeader();
    if (m_settingsGroup.isEmpty() || columns->count() != StanzaLogModel::ColumnCount)
        return;
    QSettings settings;
    settings.beginGroup(m_settingsGroup);
    settings.setValue(u"columns"_s, columns->saveState());
    settings.setValue(u"fitColumns"_s, m_fitColumns);
}

void StanzaLogView::restoreColumns()
{
    QHeaderView *columns = m_table->horizontalHeader();
    if (m_settingsGroup.isEmpty() || columns->count() != StanzaLogModel::ColumnCount)
        return;
    QSettings settings;
    settings.beginGroup(m_settingsGroup);
    const QByteArray state = settings.value(u"columns"_s).toByteArray();
    if (state.isEmpty())
        return;
    {
        const QScopedValueRollback adjusting(m_adjustingColumns, true);
        if (!columns->restoreState(state) || columns->count() != StanzaLogModel::ColumnCount)
            return;
        if (columns->hiddenSectionCount() == columns->count())
            columns->showSection(StanzaLogModel::SummaryColumn);
    }
    m_fitColumns = settings.value(u"fitColumns"_s, true).toBool();
    if (m_fitColumns)
        fitColumns();
}

void StanzaLogView::showColumnMenu(const QPoint &position)
{
    const QHeaderView *columns = m_table->horizontalHeader();
    m_columnMenu->clear();
    const int shown = columns->count() - columns->hiddenSectionCount();
    for (int column = 0; column < columns->count(); ++column) {
        const bool hidden = columns->isSectionHidden(column);
        QAction *action = m_columnMenu->addAction(m_filter->headerData(column, Qt::Horizontal).toString());
        action->setObjectName(u"column%1"_s.arg(column));
        action->setCheckable(true);
        action->setChecked(!hidden);
        action->setEnabled(hidden || shown > 1); // one stays
        connect(action, &QAction::toggled, this, [this, column](bool on) { setColumnShown(column, on); });
    }
    m_columnMenu->addSeparator();
    QAction *fit =
        m_columnMenu->addAction(tr("&Fit Columns to Width"), this, &StanzaLogView::fitColumnsToWidth);
    fit->setObjectName(u"fitColumnsAction"_s);
    fit->setToolTip(tr("Size From, To and Id to the window again, Summary taking the rest"));
    m_columnMenu->popup(columns->viewport()->mapToGlobal(position));
}

bool StanzaLogView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_table->viewport() && event->type() == QEvent::Resize && m_fitColumns)
        fitColumns();
    if (watched == m_searchEdit &&
        (event->type() == QEvent::ShortcutOverride || event->type() == QEvent::KeyPress)) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Escape && key->modifiers() == Qt::NoModifier) {
            // Claimed before any window shortcut on Esc: first it clears, then it leaves the box.
            event->accept();
            if (event->type() == QEvent::KeyPress)
                escapeFromSearch();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void StanzaLogView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    restoreColumns(); // another log may have changed them while this one was hidden
}

void StanzaLogView::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    if (m_columnSaveTimer->isActive())
        saveColumns(); // before another log, shown now, reads them
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
    m_filter->setPaused(paused);
    updateStatus();
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

void StanzaLogView::clear()
{
    if (!m_model)
        return;
    // At once, as consoles and packet lists do, without asking; the status line says what went.
    const qsizetype count = m_model->rowCount() + m_model->pendingCount();
    m_model->clear();
    m_atBottom = true;
    if (count == 1)
        showMessage(tr("Cleared 1 stanza"));
    else if (count > 1)
        showMessage(tr("Cleared %1 stanzas").arg(QLocale().toString(count)));
}

void StanzaLogView::focusSearch()
{
    m_searchEdit->setFocus(Qt::ShortcutFocusReason);
    m_searchEdit->selectAll();
}

void StanzaLogView::findNext()
{
    find(true);
}

void StanzaLogView::findPrevious()
{
    find(false);
}

void StanzaLogView::applySearch()
{
    m_searchTimer->stop();
    m_filter->setSearchText(m_searchEdit->text());
}

void StanzaLogView::find(bool forward)
{
    if (m_searchTimer->isActive())
        applySearch();
    if (m_filter->searchText().isEmpty()) {
        focusSearch();
        return;
    }
    const QModelIndex current = m_table->currentIndex();
    const int from = current.isValid() ? current.row() : -1;
    const int row = forward ? m_filter->findNext(from) : m_filter->findPrevious(from);
    if (row < 0) {
        showMessage(tr("No stanza shown contains “%1”").arg(m_filter->searchText()), true);
        return;
    }
    selectProxyRow(row);
}

void StanzaLogView::selectProxyRow(int row)
{
    const QModelIndex index = m_filter->index(row, 0);
    m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                          QItemSelectionModel::Rows);
    m_table->scrollTo(index, QAbstractItemView::EnsureVisible);
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
    return m_detail->toPlainText();
}

void StanzaLogView::updateDetail()
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid() || !m_model) {
        m_detailSequence = 0;
        m_detail->clear();
        m_detailHeader->setText(tr("Select a stanza to see it here."));
        m_copyAction->setEnabled(false);
        m_copyStanzaAction->setEnabled(false);
        setDetailCollapsed(true);
        return;
    }
    setDetailCollapsed(false);
    const int sourceRow = m_filter->mapToSource(current).row();
    const quint64 sequence = m_model->sequenceAt(sourceRow);
    if (sequence == m_detailSequence)
        return;
    m_detailSequence = sequence;
    const Stanza stanza = m_model->stanzaAt(sourceRow);
    QString text = m_rawAction->isChecked() ? QString::fromUtf8(stanza.wire()) : prettyXml(stanza);
    // A request shows its answer below it, and an answer its request.
    if (const QString partner = m_exchangeActions->partnerDetail(sourceRow); !partner.isEmpty())
        text += u"\n\n"_s + partner;
    m_detail->setPlainText(text);
    const QString when =
        QLocale().toString(QDateTime::fromMSecsSinceEpoch(stanza.timestampMs()), u"yyyy-MM-dd hh:mm:ss.zzz");
    const QString direction = stanza.direction() == Direction::Received ? tr("↓ received") : tr("↑ sent");
    // Plural forms via %n would need an English translation loaded; a stanza is never one byte.
    m_detailHeader->setText(
        tr("#%1 · %2 · %3 · %4 bytes")
            .arg(QString::number(sequence), direction, when, QLocale().toString(stanza.wire().size())));
    m_copyAction->setEnabled(true);
    m_copyStanzaAction->setEnabled(true);
}

void StanzaLogView::setDetailCollapsed(bool collapsed)
{
    if (collapsed == m_detailCollapsed)
        return;
    m_detailCollapsed = collapsed;
    const QList<int> sizes = m_splitter->sizes();
    const int total = sizes.value(0) + sizes.value(1);
    m_detail->setVisible(!collapsed);
    m_rawButton->setVisible(!collapsed);
    m_copyButton->setVisible(!collapsed);
    if (collapsed) {
        // Nothing to show: one line, and the rows get the room.
        if (m_splitter->isVisible() && sizes.value(1) > 0)
            m_detailHeight = sizes.value(1);
        const int height = m_detailHeader->sizeHint().height() + 4;
        m_detailPane->setMaximumHeight(height);
        if (total > 0)
            m_splitter->setSizes({total - height, height}); // the splitter would leave the room unused
        return;
    }
    m_detailPane->setMaximumHeight(QWIDGETSIZE_MAX);
    if (total > 0) {
        // The height it had (the user may have dragged it), or a third.
        const int height = qMin(m_detailHeight > 0 ? m_detailHeight : total / 3, total * 2 / 3);
        m_splitter->setSizes({total - height, height});
    }
}

void StanzaLogView::scheduleStatusUpdate()
{
    if (!m_statusTimer->isActive())
        m_statusTimer->start(0);
}

void StanzaLogView::updateStatus()
{
    const QLocale locale;
    const int total = m_model ? m_model->rowCount() : 0;
    const int shown = m_filter->rowCount();
    const quint64 dropped = m_model ? m_model->droppedCount() : 0;
    // Only what tells something: "shown" while filters (or a pause) hide rows, "dropped" once the cap
    // was reached. The tooltip has all three.
    QString text = total == 1 ? tr("1 stanza") : tr("%1 stanzas").arg(locale.toString(total));
    if (shown != total)
        text = tr("%1 (%2 shown)").arg(text, locale.toString(shown));
    if (dropped > 0)
        text = tr("%1, %2 dropped").arg(text, locale.toString(dropped));
    m_statusLabel->setText(text);
    m_statusLabel->setToolTip(
        tr("In the log: %1\nShown: %2\nDropped as the oldest beyond the %3 the log keeps: %4")
            .arg(locale.toString(total), locale.toString(shown),
                 locale.toString(m_model ? m_model->maxRows() : StanzaLogModel::defaultMaxRows),
                 locale.toString(dropped)));
    const bool paused = m_filter->isPaused();
    m_pausedLabel->setVisible(paused);
    if (paused) {
        m_pausedLabel->setText(
            tr("Paused: %1 new while paused").arg(locale.toString(m_filter->pendingWhilePaused())));
    }
}

void StanzaLogView::updateKindButtonText()
{
    QStringList shown;
    for (QAction *action : m_kindMenu->actions()) {
        if (action->isCheckable() && action->isChecked())
            shown.append(action->text());
    }
    const int all = int(StanzaKind::Other) + 1;
    if (shown.size() == all)
        m_kindButton->setText(tr("All kinds"));
    else if (shown.isEmpty())
        m_kindButton->setText(tr("No kinds"));
    else if (shown.size() <= 2)
        m_kindButton->setText(shown.join(u", "_s));
    else
        m_kindButton->setText(tr("%1 kinds").arg(shown.size()));
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
    QString error;
    int rows = 0;
    bool ok = false;
    if (!m_model) {
        error = tr("there is no log");
    } else {
        m_model->flush(); // what has arrived belongs in the file
        const QAbstractItemModel *source =
            shownOnly ? static_cast<QAbstractItemModel *>(m_filter) : m_model.data();
        rows = source->rowCount();
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            error = file.errorString();
        else if (StanzaLogExport::write(source, &file, StanzaLogExport::formatForFileName(path), &error))
            ok = file.commit();
        if (!ok && error.isEmpty())
            error = file.errorString();
    }
    const QString where = QDir::toNativeSeparators(path);
    QString message = tr("Could not export to %1: %2").arg(where, error);
    if (ok && rows == 1)
        message = tr("Exported 1 stanza to %1").arg(where);
    else if (ok)
        message = tr("Exported %1 stanzas to %2").arg(QLocale().toString(rows), where);
    showMessage(message);
    Q_EMIT exportFinished(ok, message);
    return ok;
}

void StanzaLogView::exportWithDialog(bool shownOnly)
{
    const QStringList filters = exportNameFilters();
    const QString &xmlFilter = filters.at(0);
    const QString &jsonFilter = filters.at(1);
    static QString lastDirectory = QDir::homePath();
    QString selectedFilter = xmlFilter;
    QString path = QFileDialog::getSaveFileName(
        this, shownOnly ? tr("Export Shown Stanzas") : tr("Export Stanza Log"),
        QDir(lastDirectory).filePath(u"stanzas.log"_s), xmlFilter + u";;"_s + jsonFilter, &selectedFilter);
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += selectedFilter == jsonFilter ? u".jsonl"_s : u".log"_s;
    lastDirectory = QFileInfo(path).absolutePath();
    exportTo(path, shownOnly);
}

QStringList StanzaLogView::exportNameFilters()
{
    // The XML log has a comment line before each stanza: not an XML document, so no *.xml.
    return {tr("XML log (*.log)"), tr("JSON Lines (*.jsonl)")};
}

void StanzaLogView::showMessage(const QString &message, bool aboutSearch)
{
    m_message = message;
    m_messageIsAboutSearch = aboutSearch && !message.isEmpty();
    m_messageLabel->setToolTip(message);
    elideMessage();
    if (message.isEmpty())
        m_messageTimer->stop();
    else
        m_messageTimer->start();
}

void StanzaLogView::escapeFromSearch()
{
    if (m_searchEdit->text().isEmpty()) {
        m_table->setFocus(Qt::ShortcutFocusReason);
        return;
    }
    m_searchEdit->clear();
    applySearch(); // at once: Esc is not typing
}

void StanzaLogView::elideMessage()
{
    m_messageLabel->setText(
        m_messageLabel->fontMetrics().elidedText(m_message, Qt::ElideMiddle, m_messageLabel->width()));
}

void StanzaLogView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event); // the layout has placed the label already
    elideMessage();
}

void StanzaLogView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange)
        applyPalette();
}

void StanzaLogView::applyPalette()
{
    const LogColors colors = LogColors::forPalette(palette());
    if (m_highlighter)
        m_highlighter->setColors(colors);
    if (m_pausedLabel) {
        QPalette labelPalette = m_pausedLabel->palette();
        labelPalette.setColor(QPalette::WindowText, colors.errorText);
        m_pausedLabel->setPalette(labelPalette);
        QFont bold = m_pausedLabel->font();
        bold.setBold(true);
        m_pausedLabel->setFont(bold);
    }
}

} // namespace xcm
