// SPDX-License-Identifier: GPL-3.0-or-later
#include "logfilterbar.h"

#include "expression.h"
#include "expressioncompleter.h"
#include "logcolors.h"
#include "logcontrols.h"
#include "logviewlogging.h"
#include "savedfiltersbutton.h"
#include "stanzalogfiltermodel.h"
#include "stanzalogmodel.h"

#include <QAbstractItemView>
#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLineEdit>
#include <QMenu>
#include <QMouseEvent>
#include <QPushButton>
#include <QStyle>
#include <QTimer>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace xcm {

namespace {

constexpr int searchDelayMs = 150; // typing pauses this long before a million rows are re-filtered

} // namespace

LogFilterBar::LogFilterBar(StanzaLogFilterModel *filter, QAbstractItemView *list, QWidget *parent)
    : OverflowBar(parent)
    , m_filter(filter)
    , m_list(list)
    , m_searchTimer(new QTimer(this))
{
    setObjectName(u"filterBar"_s);
    createActions();
    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(searchDelayMs);
    connect(m_searchTimer, &QTimer::timeout, this, &LogFilterBar::applySearch);

    QComboBox *directionCombo = createDirectionCombo();
    createKindButton();
    auto *errorsBox = LogControls::checkBox(m_errorsOnlyAction);
    errorsBox->setObjectName(u"errorsOnlyCheck"_s);
    auto *unansweredBox = LogControls::checkBox(m_unansweredOnlyAction);
    unansweredBox->setObjectName(u"unansweredOnlyCheck"_s);
    m_searchEdit = createSearchEdit();
    auto *previousButton = LogControls::toolButton(m_findPreviousAction);
    previousButton->setArrowType(Qt::UpArrow);
    previousButton->setToolButtonStyle(Qt::ToolButtonIconOnly);
    auto *nextButton = LogControls::toolButton(m_findNextAction);
    nextButton->setArrowType(Qt::DownArrow);
    nextButton->setToolButtonStyle(Qt::ToolButtonIconOnly);
    auto *filterBox = LogControls::checkBox(m_textFilterAction);
    filterBox->setObjectName(u"textFilterCheck"_s);
    auto *expressionButton = LogControls::toolButton(m_expressionAction);
    expressionButton->setObjectName(u"expressionButton"_s);
    m_savedButton = new SavedFiltersButton([this] {
        return isExpressionMode() && m_expressionProblem.isEmpty() ? m_searchEdit->text().trimmed()
                                                                   : QString();
    });
    connect(m_savedButton, &SavedFiltersButton::applyRequested, this, &LogFilterBar::applyExpression);
    // An expression evaluated in steps on a big log applies later: its skipped stanzas are known then.
    connect(m_filter, &StanzaLogFilterModel::expressionProgress, this, [this](qint64 done, qint64 total) {
        if (total > 0 && done == total)
            reportSkippedStanzas();
    });

    layout()->setContentsMargins(4, 4, 4, 0);
    layout()->setSpacing(4);
    addWidget(directionCombo);
    addWidget(m_kindButton);
    addOptionalWidget(errorsBox, 5, {m_errorsOnlyAction});
    addOptionalWidget(unansweredBox, 6, {m_unansweredOnlyAction});
    addSpacing(8);
    addOptionalWidget(expressionButton, 3, {m_expressionAction});
    addStretchWidget(m_searchEdit, fontMetrics().averageCharWidth() * 24);
    addOptionalWidget(m_savedButton, 2, {m_savedButton->menu()->menuAction()});
    addWidget(previousButton);
    addWidget(nextButton);
    addOptionalWidget(filterBox, 4, {m_textFilterAction});

    m_menuActions = {m_searchAction,
                     m_findNextAction,
                     m_findPreviousAction,
                     m_expressionAction,
                     LogControls::separator(this),
                     m_errorsOnlyAction,
                     m_unansweredOnlyAction,
                     m_textFilterAction,
                     m_kindMenu->menuAction()};
}

LogFilterBar::~LogFilterBar() = default;

void LogFilterBar::createActions()
{
    // Added to the bar for their shortcuts: they answer while the bar, and so its log, is shown.
    m_searchAction = LogControls::action(this, tr("&Find…"), tr("Search"), tr("Search the log (Ctrl+F)"),
                                         QKeySequence::Find);
    m_searchAction->setObjectName(u"findAction"_s);
    connect(m_searchAction, &QAction::triggered, this, &LogFilterBar::focusSearch);
    addAction(m_searchAction);

    m_findNextAction = LogControls::action(this, tr("Find &Next"), tr("Next"), tr("Next match (F3)"),
                                           QKeySequence(Qt::Key_F3));
    m_findNextAction->setObjectName(u"findNextAction"_s);
    connect(m_findNextAction, &QAction::triggered, this, &LogFilterBar::findNext);
    addAction(m_findNextAction);
    m_findPreviousAction =
        LogControls::action(this, tr("Find Pre&vious"), tr("Previous"), tr("Previous match (Shift+F3)"),
                            QKeySequence(Qt::SHIFT | Qt::Key_F3));
    m_findPreviousAction->setObjectName(u"findPreviousAction"_s);
    connect(m_findPreviousAction, &QAction::triggered, this, &LogFilterBar::findPrevious);
    addAction(m_findPreviousAction);

    m_errorsOnlyAction =
        LogControls::action(this, tr("&Errors Only"), tr("Errors only"),
                            tr("Show only stream errors and stanzas of type 'error'"), {}, true);
    m_errorsOnlyAction->setObjectName(u"errorsOnlyAction"_s);
    connect(m_errorsOnlyAction, &QAction::toggled, m_filter, &StanzaLogFilterModel::setErrorsOnly);

    m_expressionAction =
        LogControls::action(this, tr("Expression F&ilter"), tr("Expr"),
                            tr("Filter by an expression instead of searching for words (Ctrl+Shift+F), e.g.\n"
                               "kind == iq and type == error and error == item-not-found\n"
                               "dir == in and from.domain == example.org and body contains 'order'"),
                            QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F), true);
    m_expressionAction->setObjectName(u"expressionAction"_s);
    connect(m_expressionAction, &QAction::toggled, this, &LogFilterBar::setExpressionMode);
    addAction(m_expressionAction);

    m_unansweredOnlyAction = LogControls::action(
        this, tr("&Unanswered Requests Only"), tr("Unanswered"),
        tr("Show only iq requests still waiting, timed out or never answered (Ctrl+Shift+U)"),
        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U), true);
    m_unansweredOnlyAction->setObjectName(u"unansweredOnlyAction"_s);
    connect(m_unansweredOnlyAction, &QAction::toggled, m_filter, &StanzaLogFilterModel::setUnansweredOnly);
    addAction(m_unansweredOnlyAction);

    m_textFilterAction = LogControls::action(this, tr("Filter &by Search"), tr("Filter"),
                                             tr("On: show only the stanzas that contain the search text.\n"
                                                "Off: show all, highlight the matches, and step through them "
                                                "with F3 / Shift+F3."),
                                             {}, true);
    m_textFilterAction->setObjectName(u"textFilterAction"_s);
    m_textFilterAction->setChecked(true);
    connect(m_textFilterAction, &QAction::toggled, m_filter, &StanzaLogFilterModel::setTextFilterEnabled);
}

QComboBox *LogFilterBar::createDirectionCombo()
{
    auto *combo = new QComboBox;
    combo->setObjectName(u"directionCombo"_s);
    combo->setToolTip(tr("Show both directions, or only what was received or sent"));
    combo->addItem(tr("↓↑ Both"), -1);
    combo->addItem(tr("↓ Received"), int(Direction::Received));
    combo->addItem(tr("↑ Sent"), int(Direction::Sent));
    combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    connect(combo, &QComboBox::currentIndexChanged, this, [this, combo] {
        const int value = combo->currentData().toInt();
        m_filter->setDirectionFilter(value < 0 ? std::nullopt : std::optional(Direction(value)));
    });
    return combo;
}

void LogFilterBar::createKindButton()
{
    m_kindMenu = new QMenu(tr("&Kinds"), this);
    m_kindMenu->setObjectName(u"kindMenu"_s);
    m_kindMenu->installEventFilter(this); // stays open while kinds are ticked
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
}

QLineEdit *LogFilterBar::createSearchEdit()
{
    auto *edit = new QLineEdit;
    edit->setObjectName(u"searchEdit"_s);
    edit->setClearButtonEnabled(true);
    edit->setPlaceholderText(tr("Search JIDs, ids, content (Ctrl+F)"));
    edit->setToolTip(tr("Case-insensitive text anywhere in the stanza: JIDs, ids, namespaces, body.\n"
                        "Enter: next match, F3 / Shift+F3: next / previous"));
    edit->setMinimumWidth(fontMetrics().averageCharWidth() * 12); // 24 when there is room
    connect(edit, &QLineEdit::textChanged, m_searchTimer, qOverload<>(&QTimer::start));
    connect(edit, &QLineEdit::textChanged, this, &LogFilterBar::searchTextChanged);
    edit->installEventFilter(this); // Esc
    // Return or leaving the box: the expression was meant, not half-typed.
    connect(edit, &QLineEdit::editingFinished, this, &LogFilterBar::rememberExpression);
    connect(edit, &QLineEdit::returnPressed, this, [this] {
        applySearch();
        if (!m_filter->isTextFilterEnabled() && !isExpressionMode())
            findNext();
    });
    m_completer = new ExpressionCompleter(edit);
    return edit;
}

void LogFilterBar::updateKindButtonText()
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
    // The style centres the text over the arrow's room too: the arrow's width again keeps them apart.
    m_kindButton->setMinimumWidth(
        m_kindButton->sizeHint().width() +
        style()->pixelMetric(QStyle::PM_MenuButtonIndicator, nullptr, m_kindButton));
}

void LogFilterBar::focusSearch()
{
    m_searchEdit->setFocus(Qt::ShortcutFocusReason);
    m_searchEdit->selectAll();
}

void LogFilterBar::findNext()
{
    find(true);
}

void LogFilterBar::findPrevious()
{
    find(false);
}

bool LogFilterBar::isExpressionMode() const
{
    return m_expressionAction->isChecked();
}

void LogFilterBar::setExpressionMode(bool on)
{
    m_expressionAction->setChecked(on);
    m_completer->setEnabled(on);
    // Stepping through matches and "show only matches" belong to the word search.
    for (QAction *action : {m_findNextAction, m_findPreviousAction, m_textFilterAction})
        action->setEnabled(!on);
    m_searchEdit->setPlaceholderText(on ? tr("Filter expression, e.g. kind == iq and type == error (Ctrl+F)")
                                        : tr("Search JIDs, ids, content (Ctrl+F)"));
    m_searchEdit->setToolTip(
        on ? tr("Fields: dir, kind, type, from, to, id, body, ns, error, size, auto, from.bare, from.domain "
                "…\n"
                "Operators: == != ~ contains startswith < > and or not, has(path@attribute == value)")
           : tr("Case-insensitive text anywhere in the stanza: JIDs, ids, namespaces, body.\n"
                "Enter: next match, F3 / Shift+F3: next / previous"));
    Q_EMIT searchTextChanged(); // a message about the other mode's text no longer applies
    applySearch();
    focusSearch();
}

void LogFilterBar::setFilterLibrary(ProfileStore *store, const QUuid &profile)
{
    m_savedButton->setLibrary(store, profile);
}

QString LogFilterBar::searchText() const
{
    return m_searchEdit->text();
}

void LogFilterBar::applyExpression(const QString &expression)
{
    if (!isExpressionMode())
        setExpressionMode(true);
    m_searchEdit->setText(expression);
    applySearch();
    rememberExpression();
}

void LogFilterBar::rememberExpression()
{
    if (!isExpressionMode())
        return;
    applySearch(); // what is remembered is what applies
    if (m_expressionProblem.isEmpty() && !m_searchEdit->text().trimmed().isEmpty())
        m_savedButton->remember(m_searchEdit->text());
}

void LogFilterBar::applySearch()
{
    m_searchTimer->stop();
    if (!isExpressionMode()) {
        setExpressionProblem({});
        m_filter->setExpression(Expression());
        m_filter->setSearchText(m_searchEdit->text());
        return;
    }
    ExpressionError error;
    const Expression expression = Expression::compile(m_searchEdit->text(), &error);
    if (!expression.isValid()) {
        // The filter shown so far stays: a half-typed expression is not applied.
        qCDebug(lcUiLog) << "filter expression refused:" << error.toString();
        setExpressionProblem(error.toString());
        return;
    }
    setExpressionProblem({});
    m_filter->setSearchText({});
    m_filter->setExpression(expression);
    if (!m_filter->isEvaluatingExpression())
        reportSkippedStanzas();
}

void LogFilterBar::reportSkippedStanzas()
{
    if (const ExpressionError gaveUp = m_filter->expression().evaluationError(); !gaveUp.isNull())
        Q_EMIT searchFailed(tr("The filter skipped some stanzas: %1").arg(gaveUp.toString()));
}

void LogFilterBar::setExpressionProblem(const QString &problem)
{
    m_expressionProblem = problem;
    if (problem.isEmpty()) {
        m_searchEdit->setStyleSheet({});
        return;
    }
    m_searchEdit->setStyleSheet(
        u"QLineEdit { border: 1px solid %1; }"_s.arg(LogColors::forPalette(palette()).errorText.name()));
    Q_EMIT searchFailed(tr("Not applied: %1").arg(problem));
}

void LogFilterBar::find(bool forward)
{
    if (isExpressionMode())
        return;
    if (m_searchTimer->isActive())
        applySearch();
    if (m_filter->searchText().isEmpty()) {
        focusSearch();
        return;
    }
    const QModelIndex current = m_list->currentIndex();
    const int from = current.isValid() ? current.row() : -1;
    const int row = forward ? m_filter->findNext(from) : m_filter->findPrevious(from);
    if (row < 0) {
        qCDebug(lcUiLog) << "find" << (forward ? "next" : "previous") << "found no match";
        Q_EMIT searchFailed(tr("No stanza shown contains “%1”").arg(m_filter->searchText()));
        return;
    }
    selectRow(row);
}

void LogFilterBar::selectRow(int row)
{
    const QModelIndex index = m_filter->index(row, 0);
    m_list->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                         QItemSelectionModel::Rows);
    m_list->scrollTo(index, QAbstractItemView::EnsureVisible);
}

void LogFilterBar::escapeFromSearch()
{
    if (m_searchEdit->text().isEmpty()) {
        m_list->setFocus(Qt::ShortcutFocusReason);
        return;
    }
    clearSearch();
}

void LogFilterBar::clearSearch()
{
    m_searchEdit->clear();
    applySearch(); // at once: Esc is not typing
}

bool LogFilterBar::eventFilter(QObject *watched, QEvent *event)
{
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
    if (watched == m_kindMenu && keepsKindMenuOpen(event))
        return true;
    return OverflowBar::eventFilter(watched, event);
}

bool LogFilterBar::keepsKindMenuOpen(QEvent *event)
{
    // Ticking a kind toggles it and leaves the menu open, so that several can be switched in one go
    // (a menu closes on any action by default); Esc or a click outside closes it.
    QAction *action = nullptr;
    if (event->type() == QEvent::MouseButtonRelease) {
        const auto *mouse = static_cast<QMouseEvent *>(event);
        if (mouse->button() == Qt::LeftButton)
            action = m_kindMenu->actionAt(mouse->position().toPoint());
    } else if (event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if ((key->modifiers() & ~Qt::KeypadModifier) == Qt::NoModifier &&
            (key->key() == Qt::Key_Space || key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter)) {
            action = m_kindMenu->activeAction();
            if (key->isAutoRepeat() && action && action->isCheckable())
                return true; // a held key ticks once, and does not close the menu either
        }
    }
    if (!action || !action->isCheckable() || !action->isEnabled())
        return false;
    action->trigger();
    return true;
}

} // namespace xcm
