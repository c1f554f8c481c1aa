// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "profilesession.h"

#include <QList>
#include <QObject>
#include <QPointer>

class QWidget;

namespace xcm {

class ProfileService;
class SecretPrompt;

// The profiles whose connect found no secret, asked for one at a time: a SecretPrompt for each (window
// modal over `window`), in the order they asked. OK stores the secret if the user wants it kept and
// connects; Cancel leaves the profile with a note saying what to do.
class SecretPromptQueue : public QObject
{
    Q_OBJECT
public:
    SecretPromptQueue(ProfileService *profiles, QWidget *window);
    ~SecretPromptQueue() override;

    // `keychainError`: why the keychain gave none (empty: nothing was stored). A session already waiting
    // for that secret is not asked twice.
    void request(ProfileSession *session, const QString &keychainError,
                 ProfileSession::SecretRole role = ProfileSession::SecretRole::Server);
    // The prompt on screen, or null.
    SecretPrompt *current() const;

private:
    struct Request
    {
        QPointer<ProfileSession> session;
        QString keychainError;
        ProfileSession::SecretRole role = ProfileSession::SecretRole::Server;
    };

    void showNext();
    void onFinished(const Request &request, bool accepted);

    ProfileService *m_profiles;
    QWidget *m_window;
    QList<Request> m_waiting;
    QPointer<SecretPrompt> m_current;
};

} // namespace xcm
