// SPDX-License-Identifier: GPL-3.0-or-later
#include "rulespanel.h"

#include "plaintextmessagebox.h"
#include "plaintooltipdelegate.h"
#include "profilesession.h"
#include "profilestore.h"
#include "ruledialog.h"
#include "ruleengine.h"
#include "rulelistmodel.h"
#include "rulesfile.h"
#include "statestyle.h"
#include "threadedproxy.h"
#include "uilogging.h"
#include "userfiledialogs.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace xcm {

namespace {

// Singular or plural without %n (which would need an English translation loaded).
QString rulesText(qsizetype count)
{
    return count == 1 ? RulesPanel::tr("1 rule") : RulesPanel::tr("%1 rules").arg(count);
}

QString rulesFileFilter()
{
    return RulesPanel::tr("Rules files (*.xml);;All files (*)");
}

} // namespace

RulesPanel::RulesPanel(ProfileSession *session, ProfileStore *store, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_store(store)
{
    setObjectName("rulesPanel"_L1);
    m_model = new RuleListModel(this);

    m_hint = new QLabel(this);
    m_hint->setObjectName("rulesHint"_L1);
    m_hint->setWordWrap(true);
    m_hint->setForegroundRole(QPalette::PlaceholderText);

    m_view = new QTableView(this);
    m_view->setObjectName("rulesView"_L1);
    m_view->setModel(m_model);
    m_view->setItemDelegate(new PlainToolTipDelegate(m_view)); // a reply's tooltip is its XML
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setWordWrap(false);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    QHeaderView *header = m_view->horizontalHeader();
    header->setHighlightSections(false);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(RuleListModel::MatchColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(RuleListModel::HitsColumn, QHeaderView::ResizeToContents);
    header->resizeSection(RuleListModel::NameColumn, fontMetrics().horizontalAdvance(u"M"_s) * 12);
    header->resizeSection(RuleListModel::ActionColumn, fontMetrics().horizontalAdvance(u"M"_s) * 10);
    header->resizeSection(RuleListModel::StatusColumn, fontMetrics().horizontalAdvance(u"M"_s) * 18);
    connect(m_view, &QTableView::doubleClicked, this, &RulesPanel::editRule);

    const auto button = [this](const QString &text, const QString &name, const QString &toolTip,
                               const QKeySequence &shortcut, void (RulesPanel::*slot)()) {
        auto *action = new QAction(text, this);
        action->setObjectName(name);
        action->setToolTip(shortcut.isEmpty()
                               ? toolTip
                               : u"%1 (%2)"_s.arg(toolTip, shortcut.toString(QKeySequence::NativeText)));
        if (!shortcut.isEmpty()) {
            action->setShortcut(shortcut);
            action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
            addAction(action);
        }
        connect(action, &QAction::triggered, this, slot);
        auto *tool = new QToolButton(this);
        tool->setDefaultAction(action);
        tool->setToolButtonStyle(Qt::ToolButtonTextOnly);
        return tool;
    };
    QToolButton *add = button(tr("&Add…"), u"addRuleAction"_s, tr("Add a rule"), QKeySequence(Qt::Key_Insert),
                              &RulesPanel::addRule);
    m_edit = button(tr("&Edit…"), u"editRuleAction"_s, tr("Edit the selected rule"), QKeySequence(Qt::Key_F2),
                    &RulesPanel::editRule);
    m_remove = button(tr("Re&move"), u"removeRuleAction"_s, tr("Remove the selected rule"),
                      QKeySequence::Delete, &RulesPanel::removeRule);
    m_up = button(tr("Move &Up"), u"moveRuleUpAction"_s, tr("Try this rule earlier: the first match acts"),
                  QKeySequence(Qt::ALT | Qt::Key_Up), &RulesPanel::moveUp);
    m_down = button(tr("Move Do&wn"), u"moveRuleDownAction"_s, tr("Try this rule later"),
                    QKeySequence(Qt::ALT | Qt::Key_Down), &RulesPanel::moveDown);
    m_resume = button(tr("Re&sume"), u"resumeRuleAction"_s, tr("Let a rule the rate limit paused act again"),
                      {}, &RulesPanel::resumeRule);
    m_release = button(tr("Re&lease Held"), u"releaseHeldAction"_s,
                       tr("Relay the stanzas hold rules keep, oldest first (xcm-cli: SIGUSR1)"), {},
                       &RulesPanel::releaseHeld);
    QToolButton *import =
        button(tr("&Import…"), u"importRulesAction"_s,
               tr("Read rules from a rules file (as xcm-cli --rules reads)"), {}, &RulesPanel::importRules);
    m_export = button(tr("E&xport…"), u"exportRulesAction"_s, tr("Write these rules to a rules file"), {},
                      &RulesPanel::exportRules);

    m_message = new QLabel(this);
    m_message->setObjectName("rulesMessage"_L1);
    m_message->setTextFormat(Qt::PlainText); // it quotes names and values from imported files
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();

    auto *buttons = new QHBoxLayout;
    buttons->setContentsMargins(0, 0, 0, 0);
    for (QToolButton *tool : {add, m_edit, m_remove, m_up, m_down, m_resume, m_release})
        buttons->addWidget(tool);
    buttons->addStretch(1);
    buttons->addWidget(import);
    buttons->addWidget(m_export);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_hint);
    layout->addLayout(buttons);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_message);

    connect(m_model, &RuleListModel::enabledToggled, this, [this](int row, bool enabled) {
        m_session->setRuleEnabled(row, enabled);
        QString error;
        if (!m_store->setRules(m_session->profile().id, m_session->rules()->rules(), &error))
            say(tr("The change is in effect but was not kept: %1").arg(error), true);
        Q_EMIT rulesChanged();
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, &RulesPanel::updateButtons);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &RulesPanel::updateButtons);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &RulesPanel::updateButtons);
    connect(m_session, &ProfileSession::changed, this, &RulesPanel::followRunner);
    connect(m_session, &ProfileSession::changed, this, &RulesPanel::updateButtons); // held ones forgotten
    followRunner();
}

RulesPanel::~RulesPanel() = default;

QString RulesPanel::message() const
{
    return m_message->isVisible() ? m_message->text() : QString();
}

void RulesPanel::followRunner()
{
    const bool proxy = m_session->isProxy();
    RuleRunner *runner = m_session->activeRules();
    if (runner == m_model->runner() && proxy == m_model->runsFaultRules())
        return;
    m_model->setRunner(runner, proxy);
    m_hint->setText(proxy ? tr("In a proxy, the first enabled fault rule whose expression matches a stanza "
                               "drops, delays, duplicates or holds it on its way through; the log says so.")
                          : tr("When a stanza arrives, the first enabled reply rule whose expression matches "
                               "sends its reply (marked in the log with the rule's name). Rules run while "
                               "connected."));
    updateButtons();
}

int RulesPanel::currentRow() const
{
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? current.row() : -1;
}

void RulesPanel::updateButtons()
{
    // The buttons follow their actions, which also carry the shortcuts: enable those.
    const int row = currentRow();
    const int count = m_model->rowCount();
    const bool selected = row >= 0 && row < count;
    m_edit->defaultAction()->setEnabled(selected);
    m_remove->defaultAction()->setEnabled(selected);
    m_up->defaultAction()->setEnabled(selected && row > 0);
    m_down->defaultAction()->setEnabled(selected && row < count - 1);
    m_resume->defaultAction()->setEnabled(selected && m_session->activeRules()->rules().at(row).isPaused());
    m_export->defaultAction()->setEnabled(count > 0);
    // Held stanzas exist only in a proxy; the session's changed() brings a new held count here.
    const int held = m_session->proxy()->heldCount();
    m_release->setVisible(m_session->isProxy());
    m_release->defaultAction()->setEnabled(held > 0);
    m_release->defaultAction()->setText(held > 0 ? tr("Re&lease %1 Held").arg(held) : tr("Re&lease Held"));
}

void RulesPanel::releaseHeld()
{
    const int released = m_session->proxy()->releaseHeld();
    say(tr("Released %1 held stanzas.").arg(released), false);
    updateButtons();
}

void RulesPanel::say(const QString &text, bool problem)
{
    m_message->setText(text);
    QPalette palette = m_message->palette();
    palette.setColor(QPalette::WindowText,
                     problem ? errorTextColor(this->palette()) : this->palette().color(QPalette::WindowText));
    m_message->setPalette(palette);
    m_message->setVisible(!text.isEmpty());
}

QStringList RulesPanel::namesExcept(int row) const
{
    QStringList names;
    const QList<Rule> &rules = m_session->rules()->rules();
    for (int i = 0; i < rules.size(); ++i) {
        if (i != row)
            names.append(rules.at(i).name());
    }
    return names;
}

bool RulesPanel::apply(const QList<Rule> &rules, int selectRow)
{
    const QList<Rule> before = m_session->rules()->rules();
    QString error;
    if (!m_session->setRules(rules, &error)) {
        say(tr("Not changed: %1").arg(error), true);
        return false;
    }
    if (!m_store->setRules(m_session->profile().id, rules, &error)) {
        m_session->setRules(before);
        say(tr("Not changed, the rules could not be kept: %1").arg(error), true);
        return false;
    }
    qCInfo(lcUi) << m_session->profile().name << "has" << rules.size() << "rules";
    if (selectRow >= 0 && selectRow < m_model->rowCount())
        m_view->setCurrentIndex(m_model->index(selectRow, RuleListModel::NameColumn));
    updateButtons();
    Q_EMIT rulesChanged();
    return true;
}

void RulesPanel::addRule()
{
    RuleDialog dialog(namesExcept(-1), m_session->profile().settings, m_session->isProxy(), this);
    dialog.setWindowTitle(tr("Add Rule — %1").arg(m_session->profile().name));
    if (dialog.exec() != QDialog::Accepted)
        return;
    QList<Rule> rules = m_session->rules()->rules();
    rules.append(dialog.rule());
    if (apply(rules, int(rules.size()) - 1))
        say(tr("Rule '%1' added.").arg(dialog.rule().name()), false);
}

void RulesPanel::editRule()
{
    const int row = currentRow();
    if (row < 0)
        return;
    QList<Rule> rules = m_session->rules()->rules();
    RuleDialog dialog(namesExcept(row), m_session->profile().settings, m_session->isProxy(), this);
    dialog.setWindowTitle(tr("Edit Rule — %1").arg(m_session->profile().name));
    dialog.setRule(rules.at(row));
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (dialog.rule().sameDefinition(rules.at(row)))
        return;
    rules[row] = dialog.rule(); // a changed rule counts afresh
    if (apply(rules, row))
        say(tr("Rule '%1' changed.").arg(dialog.rule().name()), false);
}

void RulesPanel::removeRule()
{
    const int row = currentRow();
    if (row < 0)
        return;
    QList<Rule> rules = m_session->rules()->rules();
    const QString name = rules.at(row).name();
    rules.removeAt(row);
    if (apply(rules, std::min(row, int(rules.size()) - 1)))
        say(tr("Rule '%1' removed.").arg(name), false);
}

void RulesPanel::move(int by)
{
    const int row = currentRow();
    QList<Rule> rules = m_session->rules()->rules();
    const int to = row + by;
    if (row < 0 || to < 0 || to >= rules.size())
        return;
    rules.move(row, to);
    if (apply(rules, to))
        say({}, false);
}

void RulesPanel::moveUp()
{
    move(-1);
}

void RulesPanel::moveDown()
{
    move(1);
}

void RulesPanel::resumeRule()
{
    const int row = currentRow();
    if (row >= 0)
        m_session->resumeRule(row);
}

void RulesPanel::importRules()
{
    const QString fileName = UserFileDialogs::openFileName(this, tr("Import Rules"), rulesFileFilter());
    if (fileName.isEmpty())
        return;
    const RulesFile::Result read = RulesFile::readFile(fileName);
    if (!read.ok()) {
        say(tr("Not imported: %1").arg(read.error), true);
        return;
    }
    QList<Rule> rules = m_session->rules()->rules();
    if (!rules.isEmpty()) {
        PlainTextMessageBox ask(
            QMessageBox::Question, tr("Import Rules"),
            tr("The file holds %1. Replace the profile's rules with them, or add them after?")
                .arg(rulesText(read.rules.size())),
            QMessageBox::Cancel, this);
        QPushButton *replace = ask.addButton(tr("&Replace"), QMessageBox::DestructiveRole);
        QPushButton *append = ask.addButton(tr("&Add"), QMessageBox::AcceptRole);
        ask.setDefaultButton(append);
        ask.exec();
        if (ask.clickedButton() == replace)
            rules.clear();
        else if (ask.clickedButton() != append)
            return;
    }
    // Names are unique: one already taken gets a number.
    QStringList taken;
    for (const Rule &rule : std::as_const(rules))
        taken.append(rule.name());
    int renamed = 0;
    for (Rule rule : read.rules) {
        if (taken.contains(rule.name())) {
            QString name;
            for (int n = 2; name.isEmpty() || taken.contains(name); ++n)
                name = u"%1 (%2)"_s.arg(rule.name()).arg(n);
            rule.setName(name);
            ++renamed;
        }
        taken.append(rule.name());
        rules.append(rule);
    }
    if (!apply(rules, int(rules.size()) - int(read.rules.size())))
        return;
    QString text = tr("Imported %1 from %2.").arg(rulesText(read.rules.size()), fileName);
    if (renamed > 0)
        text += u' ' + tr("Names already in use got a number: %1.").arg(renamed);
    say(text, false);
}

void RulesPanel::exportRules()
{
    const QString fileName =
        UserFileDialogs::saveFileName(this, tr("Export Rules"), u"rules.xml"_s, rulesFileFilter());
    if (fileName.isEmpty())
        return;
    QString error;
    if (!RulesFile::writeFile(fileName, m_session->rules()->rules(), &error)) {
        say(tr("Not exported: %1").arg(error), true);
        return;
    }
    say(tr("Exported %1 to %2.").arg(rulesText(m_session->rules()->rules().size()), fileName), false);
}

} // namespace xcm
