// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;

namespace xcm {

// Asks for a profile's secret when connecting found none: nothing stored yet, or the keychain could
// not give it; for a proxy whose component has a secret of its own, that one too. The secret with
// show/hide, and whether to save it in the keychain (checked by default).
class SecretPrompt : public QDialog
{
    Q_OBJECT
public:
    // `keychainError`: why the keychain could not give the secret; empty if it simply had none.
    // `componentsOwn`: the secret a proxy's component presents to xcm, not the server's.
    SecretPrompt(const QString &profileName, const QString &keychainError, bool componentsOwn = false,
                 QWidget *parent = nullptr);

    QString secret() const;
    bool saveInKeychain() const;
    // There is no keychain to save in: the box says the secret is kept until xcm quits instead.
    void setNoKeychain();
    QString message() const;

private:
    QLabel *m_message = nullptr;
    QLineEdit *m_secret = nullptr;
    QCheckBox *m_save = nullptr;
};

} // namespace xcm
