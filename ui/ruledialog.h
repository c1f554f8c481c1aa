// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connectionsettings.h"
#include "rule.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;

namespace xcm {

class ExpressionCompleter;
class XmlHighlighter;

// Adds or edits one rule: name, what it does (reply, or in a proxy drop, delay, duplicate, hold), when
// (an expression, with completion), the delay and the reply template. Checked as it is typed, with the
// messages the rules file and the filter box give ("match: 1:12: expected a value after '=='"); the
// reply is also filled from a sample message and checked as the compose form checks a stanza, so a
// template that could never be sent is caught here. OK stays off until the rule is whole.
class RuleDialog : public QDialog
{
    Q_OBJECT
public:
    // `takenNames`: the other rules' names (a name is unique). `settings`: the component's, for the check
    // of the reply. `proxy`: the profile relays (fault actions act there; reply rules do not).
    RuleDialog(const QStringList &takenNames, const ConnectionSettings &settings, bool proxy,
               QWidget *parent = nullptr);
    ~RuleDialog() override;

    void setRule(const Rule &rule);
    // The rule as entered, compiled; valid once the dialog was accepted.
    const Rule &rule() const { return m_rule; }
    // Why the rule cannot be saved yet; empty when it can.
    const QString &problem() const { return m_problem; }

private:
    void revalidate();
    void insertPlaceholder(const QString &name);
    Rule::Action currentAction() const;

    QStringList m_takenNames;
    ConnectionSettings m_settings;
    bool m_proxy = false;
    QLineEdit *m_name = nullptr;
    QComboBox *m_action = nullptr;
    QLineEdit *m_match = nullptr;
    QSpinBox *m_delay = nullptr;
    QLabel *m_replyLabel = nullptr;
    QPlainTextEdit *m_reply = nullptr;
    QLabel *m_placeholders = nullptr;
    QCheckBox *m_enabled = nullptr;
    QLabel *m_status = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    ExpressionCompleter *m_completer = nullptr;
    XmlHighlighter *m_highlighter = nullptr;
    Rule m_rule;
    QString m_problem;
};

} // namespace xcm
