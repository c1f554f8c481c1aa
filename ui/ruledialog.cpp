// SPDX-License-Identifier: GPL-3.0-or-later
#include "ruledialog.h"

#include "expressioncompleter.h"
#include "logcolors.h"
#include "replytemplate.h"
#include "statestyle.h"
#include "xmlhighlighter.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace xcm {

namespace {

const QString defaultReply =
    u"<message from='{to}' to='{from}' type='chat'>\n  <body>{body}</body>\n</message>"_s;

void markField(QWidget *field, bool wrong)
{
    field->setStyleSheet(
        wrong ? u"%1 { border: 1px solid %2; }"_s.arg(QString::fromLatin1(field->metaObject()->className()),
                                                      errorTextColor(field->palette()).name())
              : QString());
}

} // namespace

RuleDialog::RuleDialog(const QStringList &takenNames, const ConnectionSettings &settings, bool proxy,
                       QWidget *parent)
    : QDialog(parent)
    , m_takenNames(takenNames)
    , m_settings(settings)
    , m_proxy(proxy)
{
    setObjectName("ruleDialog"_L1);
    setWindowTitle(tr("Rule"));
    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);

    m_name = new QLineEdit(this);
    m_name->setObjectName("ruleName"_L1);
    m_name->setMaxLength(int(Rule::maxNameLength));
    m_name->setPlaceholderText(tr("echo"));

    m_action = new QComboBox(this);
    m_action->setObjectName("ruleAction"_L1);
    m_action->addItem(tr("Reply with a stanza"), int(Rule::Action::Reply));
    m_action->addItem(tr("Drop it (proxy)"), int(Rule::Action::Drop));
    m_action->addItem(tr("Delay it (proxy)"), int(Rule::Action::Delay));
    m_action->addItem(tr("Duplicate it (proxy)"), int(Rule::Action::Duplicate));
    m_action->addItem(tr("Hold it until released (proxy)"), int(Rule::Action::Hold));
    m_action->setToolTip(tr("A reply rule answers in a direct profile. The other actions are fault rules: "
                            "in a proxy profile they act on the matching stanza on its way through."));
    // A new rule starts as one that acts in this profile: a proxy's rules are fault rules.
    if (m_proxy)
        m_action->setCurrentIndex(m_action->findData(int(Rule::Action::Drop)));

    m_match = new QLineEdit(this);
    m_match->setObjectName("ruleMatch"_L1);
    m_match->setFont(fixed);
    m_match->setPlaceholderText(tr("kind == message and body contains 'ping'"));
    m_match->setToolTip(tr("A filter expression, as in the log's Expr box: fields such as kind, type, from, "
                           "to, id, body, ns, error; ==, !=, ~, contains, startswith; and, or, not"));
    m_completer = new ExpressionCompleter(m_match);
    m_completer->setEnabled(true);

    m_delay = new QSpinBox(this);
    m_delay->setObjectName("ruleDelay"_L1);
    m_delay->setRange(0, Rule::maxDelayMs);
    m_delay->setSingleStep(100);
    m_delay->setSuffix(tr(" ms"));
    m_delay->setSpecialValueText(tr("none"));
    m_delay->setToolTip(tr("How long to wait before replying (or, for Delay, how long to hold the stanza)"));

    m_reply = new QPlainTextEdit(this);
    m_reply->setObjectName("ruleReply"_L1);
    m_reply->setFont(fixed);
    m_reply->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_reply->setTabChangesFocus(true);
    m_reply->setPlainText(defaultReply);
    m_reply->setAccessibleName(tr("Reply template"));
    m_highlighter = new XmlHighlighter(m_reply->document());
    m_highlighter->setColors(LogColors::forPalette(palette()));

    // A push button: its size leaves room for the menu's arrow (a tool button's drew it over the text).
    auto *insert = new QPushButton(tr("Insert Placeholder"), this);
    insert->setObjectName("insertPlaceholder"_L1);
    insert->setAutoDefault(false); // Return in the dialog is OK, even after using this button
    auto *placeholderMenu = new QMenu(insert);
    for (const QString &name : ReplyTemplate::placeholderNames())
        placeholderMenu->addAction(u'{' + name + u'}', this, [this, name] { insertPlaceholder(name); });
    insert->setMenu(placeholderMenu);
    m_placeholders = new QLabel(tr("{from}, {to}, {id}, {type}, {body}, {from.bare}, {to.local} … take their "
                                   "values from the stanza that matched, XML-escaped."),
                                this);
    m_placeholders->setWordWrap(true);
    m_placeholders->setForegroundRole(QPalette::PlaceholderText);

    m_enabled = new QCheckBox(tr("&On"), this);
    m_enabled->setObjectName("ruleEnabled"_L1);
    m_enabled->setChecked(true);

    m_status = new QLabel(this);
    m_status->setObjectName("ruleStatus"_L1);
    m_status->setTextFormat(Qt::PlainText); // it quotes the reply's XML
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        revalidate();
        if (m_problem.isEmpty())
            accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&When:"), m_match);
    form->addRow(tr("&Action:"), m_action);
    form->addRow(tr("&Delay:"), m_delay);
    m_replyLabel = new QLabel(tr("&Reply:"), this);
    m_replyLabel->setBuddy(m_reply);
    auto *replyBox = new QVBoxLayout;
    replyBox->addWidget(m_reply, 1);
    auto *replyHelp = new QHBoxLayout;
    replyHelp->addWidget(m_placeholders, 1);
    replyHelp->addWidget(insert, 0, Qt::AlignTop);
    replyBox->addLayout(replyHelp);
    form->addRow(m_replyLabel, replyBox);
    form->addRow(QString(), m_enabled);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form, 1);
    layout->addWidget(m_status);
    layout->addWidget(m_buttons);
    resize(640, 460);

    connect(m_name, &QLineEdit::textChanged, this, &RuleDialog::revalidate);
    connect(m_match, &QLineEdit::textChanged, this, &RuleDialog::revalidate);
    connect(m_delay, &QSpinBox::valueChanged, this, &RuleDialog::revalidate);
    connect(m_reply, &QPlainTextEdit::textChanged, this, &RuleDialog::revalidate);
    connect(m_action, &QComboBox::currentIndexChanged, this, &RuleDialog::revalidate);
    connect(m_enabled, &QCheckBox::toggled, this, &RuleDialog::revalidate);

    // A name nobody has yet, so that OK works as soon as there is an expression; a number, as the log
    // says "rule #2: …" and "held by rule #2".
    QString name = u"#%1"_s.arg(m_takenNames.size() + 1);
    for (int n = int(m_takenNames.size()) + 2; m_takenNames.contains(name); ++n)
        name = u"#%1"_s.arg(n);
    m_name->setText(name);
    m_match->setFocus();
    revalidate();
}

RuleDialog::~RuleDialog() = default;

void RuleDialog::setRule(const Rule &rule)
{
    m_name->setText(rule.name());
    m_match->setText(rule.match());
    m_action->setCurrentIndex(m_action->findData(int(rule.action())));
    m_delay->setValue(rule.delayMs());
    if (rule.action() == Rule::Action::Reply)
        m_reply->setPlainText(rule.replyText());
    m_enabled->setChecked(rule.isEnabled());
    revalidate();
}

Rule::Action RuleDialog::currentAction() const
{
    return Rule::Action(m_action->currentData().toInt());
}

void RuleDialog::insertPlaceholder(const QString &name)
{
    m_reply->insertPlainText(u'{' + name + u'}');
    m_reply->setFocus();
}

void RuleDialog::revalidate()
{
    const Rule::Action action = currentAction();
    const bool replies = action == Rule::Action::Reply;
    m_reply->setEnabled(replies);
    m_replyLabel->setEnabled(replies);
    m_placeholders->setEnabled(replies);

    Rule rule(m_name->text().trimmed(), m_match->text().trimmed(),
              replies ? m_reply->toPlainText() : QString(), m_delay->value(), m_enabled->isChecked());
    rule.setAction(action);
    QString problem;
    Rule::Part part = Rule::Part::None;
    if (m_takenNames.contains(rule.name())) {
        problem = tr("name: another rule is called '%1'").arg(rule.name());
        part = Rule::Part::Name;
    } else if (rule.compile(&problem, &part) && replies) {
        problem = rule.replyTemplate().sampleProblem(m_settings.domain, m_settings.maxStanzaBytes);
        if (!problem.isEmpty()) {
            problem = tr("reply, filled from a sample message: %1").arg(problem);
            part = Rule::Part::Reply;
        }
    }
    m_problem = problem;
    if (problem.isEmpty())
        m_rule = rule;

    markField(m_name, part == Rule::Part::Name);
    markField(m_match, part == Rule::Part::Match && !m_match->text().trimmed().isEmpty());
    markField(m_reply, part == Rule::Part::Reply);
    markField(m_delay, part == Rule::Part::Delay);

    QString text;
    QColor color = palette().color(QPalette::PlaceholderText);
    if (m_match->text().trimmed().isEmpty()) {
        text =
            tr("Enter when the rule acts: an expression such as kind == message and body contains 'ping'.");
    } else if (!problem.isEmpty()) {
        text = u"✗ "_s + problem;
        color = errorTextColor(palette());
    } else if (rule.isFault() != m_proxy) {
        text = rule.isFault() ? tr("✓ Valid — a fault rule acts only when this profile is a proxy")
                              : tr("✓ Valid — a reply rule answers only when this profile is not a proxy");
    } else {
        text = tr("✓ Valid");
        color = successTextColor(palette());
    }
    m_status->setText(text);
    QPalette statusPalette = m_status->palette();
    statusPalette.setColor(QPalette::WindowText, color);
    m_status->setPalette(statusPalette);
    m_buttons->button(QDialogButtonBox::Ok)
        ->setEnabled(problem.isEmpty() && !m_match->text().trimmed().isEmpty());
}

} // namespace xcm
