// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFrame>

class QLabel;

namespace xcm {

// A plain warning strip across the window: no keychain, secrets are kept in memory for this run.
class KeychainBanner : public QFrame
{
    Q_OBJECT
public:
    explicit KeychainBanner(QWidget *parent = nullptr);
    void setReason(const QString &reason);
    QString text() const;

private:
    QLabel *m_text = nullptr;
};

} // namespace xcm
