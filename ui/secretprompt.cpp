// SPDX-License-Identifier: GPL-3.0-or-later
#include "secretprompt.h"

#include <QAction>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace xcm {

SecretPrompt::SecretPrompt(const QString &profileName, const QString &keychainError, bool componentsOwn,
                           QWidget *parent)
    : QDialog(parent)
{
    setObjectName("secretPrompt"_L1);
    setWindowTitle(componentsOwn ? tr("Secret of the component behind %1").arg(profileName)
                                 : tr("Secret of %1").arg(profileName));
    setWindowModality(Qt::WindowModal);

    m_message = new QLabel(this);
    m_message->setObjectName("secretPromptMessage"_L1);
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    if (componentsOwn)
        m_message->setText(
            keychainError.isEmpty()
                ? tr("The keychain has no secret for the component behind “%1”. Enter the secret your "
                     "component presents to xcm to start the proxy.")
                      .arg(profileName)
                : tr("The keychain could not give the secret of the component behind “%1” (%2). Enter the "
                     "secret your component presents to xcm to start the proxy.")
                      .arg(profileName, keychainError));
    else
        m_message->setText(
            keychainError.isEmpty()
                ? tr("The keychain has no secret for “%1”. Enter its shared secret to connect.")
                      .arg(profileName)
                : tr("The keychain could not give the secret of “%1” (%2). Enter its shared "
                     "secret to connect.")
                      .arg(profileName, keychainError));

    m_secret = new QLineEdit(this);
    m_secret->setObjectName("secret"_L1);
    m_secret->setEchoMode(QLineEdit::Password);
    m_secret->setPlaceholderText(componentsOwn ? tr("the secret your component is configured with")
                                               : tr("the component_secret configured on the server"));
    m_secret->setAccessibleName(tr("Shared secret"));
    QAction *show = m_secret->addAction(QIcon(u":/xcm/icons/eye.svg"_s), QLineEdit::TrailingPosition);
    show->setObjectName("showSecret"_L1);
    show->setCheckable(true);
    show->setToolTip(tr("Show the secret"));
    connect(show, &QAction::toggled, this, [this, show](bool shown) {
        m_secret->setEchoMode(shown ? QLineEdit::Normal : QLineEdit::Password);
        show->setIcon(QIcon(shown ? u":/xcm/icons/eye-off.svg"_s : u":/xcm/icons/eye.svg"_s));
        show->setToolTip(shown ? tr("Hide the secret") : tr("Show the secret"));
    });

    m_save = new QCheckBox(tr("&Save in the keychain"), this);
    m_save->setObjectName("saveInKeychain"_L1);
    m_save->setChecked(true);
    m_save->setToolTip(tr("Otherwise the secret is used for this connection and forgotten when xcm quits"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    QPushButton *ok = buttons->button(QDialogButtonBox::Ok);
    ok->setText(componentsOwn ? tr("&Start Proxy") : tr("&Connect")); // as the message says
    ok->setEnabled(false);
    connect(m_secret, &QLineEdit::textChanged, ok,
            [ok](const QString &text) { ok->setEnabled(!text.isEmpty()); });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_message);
    layout->addWidget(m_secret);
    layout->addWidget(m_save);
    layout->addWidget(buttons);
    setMinimumWidth(420);
    m_secret->setFocus();
}

QString SecretPrompt::secret() const
{
    return m_secret->text();
}

void SecretPrompt::setNoKeychain()
{
    // Kept as a keychain entry would be, for this run: what saving does without a keychain.
    m_save->setText(tr("Kept until xcm quits: no keychain is available"));
    m_save->setChecked(true);
    m_save->setEnabled(false);
    m_save->setToolTip({});
}

bool SecretPrompt::saveInKeychain() const
{
    return m_save->isChecked();
}

QString SecretPrompt::message() const
{
    return m_message->text();
}

} // namespace xcm
