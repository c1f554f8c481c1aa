// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "respondersettings.h"

#include <QGroupBox>

#include <chrono>

class QCheckBox;
class QLineEdit;
class QSpinBox;

namespace xcm {

// The profile editor's "As the component" box: which requests xcm answers by itself, the disco
// identity and extra features, the OS opt-in, answering other requests by hand and its limit, and how
// long a request may wait before the log flags it. Disco items are kept as they are (not edited here).
class ResponderSettingsBox : public QGroupBox
{
    Q_OBJECT
public:
    explicit ResponderSettingsBox(QWidget *parent = nullptr);
    ~ResponderSettingsBox() override;

    void load(const ResponderSettings &settings, std::chrono::milliseconds requestTimeout);
    // `base` supplies what the box does not edit (the disco items).
    ResponderSettings settings(const ResponderSettings &base) const;
    std::chrono::milliseconds requestTimeout() const;

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
    QCheckBox *m_revealOs = nullptr;
    QCheckBox *m_byHand = nullptr;
    QSpinBox *m_handLimit = nullptr;
    QSpinBox *m_requestTimeout = nullptr;
};

} // namespace xcm
