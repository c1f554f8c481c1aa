// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "respondersettings.h"

#include <QGroupBox>

#include <chrono>

class QCheckBox;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;

namespace xcm {

// The profile editor's "As the component" box: which requests xcm answers by itself, the disco
// identity, extra features and items, the OS opt-in, answering other requests by hand and its limit,
// and how long a request may wait before the log flags it.
//
// Disco items are typed one per line: "JID", "JID | name" or "JID | node | name".
class ResponderSettingsBox : public QGroupBox
{
    Q_OBJECT
public:
    explicit ResponderSettingsBox(QWidget *parent = nullptr);
    ~ResponderSettingsBox() override;

    void load(const ResponderSettings &settings, std::chrono::milliseconds requestTimeout);
    // `base` supplies what the box does not edit.
    ResponderSettings settings(const ResponderSettings &base) const;
    std::chrono::milliseconds requestTimeout() const;
    // Off for a proxy profile, whose component answers: every field but the unanswered flag's time is
    // then disabled (their values are kept for when the profile is a component again).
    void setAnsweringApplies(bool applies);

    // What keeps the settings from being saved ("Disco item on line 2: …"), empty when nothing; the
    // field it is about.
    QString problem() const;
    QWidget *problemField() const;

    // The item lines, parsed; `error` says what is wrong with the first bad line.
    static QList<ResponderSettings::DiscoItem> parseItems(const QString &text, QString *error = nullptr);
    static QString formatItems(const QList<ResponderSettings::DiscoItem> &items);

Q_SIGNALS:
    // The user changed a field that problem() looks at.
    void edited(QWidget *field);

private:
    void updateEnabled();

    QCheckBox *m_enabled = nullptr;
    QCheckBox *m_ping = nullptr;
    QCheckBox *m_disco = nullptr;
    QCheckBox *m_version = nullptr;
    QCheckBox *m_time = nullptr;
    QLineEdit *m_category = nullptr;
    QLineEdit *m_type = nullptr;
    QLineEdit *m_identityName = nullptr;
    QLineEdit *m_features = nullptr;
    QPlainTextEdit *m_items = nullptr;
    QCheckBox *m_revealOs = nullptr;
    QCheckBox *m_byHand = nullptr;
    QSpinBox *m_handLimit = nullptr;
    QSpinBox *m_requestTimeout = nullptr;
    bool m_answeringApplies = true;
};

} // namespace xcm
