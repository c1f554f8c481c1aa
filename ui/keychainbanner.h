// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFrame>

class QLabel;
class QPushButton;

namespace xcm {

class SecretStore;
struct Profile;

// A plain warning strip across the window when the keychain failed: what failed (no keychain, a
// secret not saved or not read), what it means for the next start, and Retry.
class KeychainBanner : public QFrame
{
    Q_OBJECT
public:
    explicit KeychainBanner(QWidget *parent = nullptr);
    // `reason`: the keychain's own words, empty if it works. `unsaved`: the profiles whose secret only
    // this run's memory holds; `unread`: those whose secret the keychain could not give.
    void setProblems(const QString &reason, const QStringList &unsaved, const QStringList &unread);
    // What `secrets` could not do for these profiles, by name; shown while there is something to say.
    void showProblemsOf(const SecretStore &secrets, const QList<Profile> &profiles);
    // Something to say (whether or not the user hid the strip).
    bool hasProblems() const;
    QString text() const;
    QPushButton *retryButton() const { return m_retry; }

Q_SIGNALS:
    void retryRequested();

private:
    QLabel *m_text = nullptr;
    QPushButton *m_retry = nullptr;
};

} // namespace xcm
