// SPDX-License-Identifier: GPL-3.0-or-later
#include "secretpromptqueue.h"

#include "profileservice.h"
#include "profilesession.h"
#include "secretprompt.h"
#include "secretstore.h"
#include "uilogging.h"

#include <QWidget>

using namespace Qt::StringLiterals;

namespace xcm {

SecretPromptQueue::SecretPromptQueue(ProfileService *profiles, QWidget *window)
    : QObject(window)
    , m_profiles(profiles)
    , m_window(window)
{}

SecretPromptQueue::~SecretPromptQueue() = default;

SecretPrompt *SecretPromptQueue::current() const
{
    return m_current;
}

void SecretPromptQueue::request(ProfileSession *session, const QString &keychainError,
                                ProfileSession::SecretRole role)
{
    const QString key = role == ProfileSession::SecretRole::Component
                            ? session->profile().componentSecretKey()
                            : session->profile().secretKey();
    qCInfo(lcKeychain) << "asking for the secret" << key
                       << (keychainError.isEmpty() ? u"(none stored)"_s : keychainError);
    const bool waiting =
        std::any_of(m_waiting.cbegin(), m_waiting.cend(), [session, role](const Request &request) {
            return request.session == session && request.role == role;
        });
    // The component's secret follows the server's just answered: before other profiles' prompts.
    if (!waiting && role == ProfileSession::SecretRole::Component)
        m_waiting.prepend({session, keychainError, role});
    else if (!waiting)
        m_waiting.append({session, keychainError, role});
    showNext();
}

void SecretPromptQueue::showNext()
{
    if (m_current)
        return;
    while (!m_waiting.isEmpty()) {
        const Request request = m_waiting.takeFirst();
        if (!request.session || request.session->isActive())
            continue; // removed, or connected some other way meanwhile
        auto *prompt = new SecretPrompt(request.session->profile().name, request.keychainError,
                                        request.role == ProfileSession::SecretRole::Component, m_window);
        if (m_profiles->secrets()->isUnavailable())
            prompt->setNoKeychain();
        prompt->setAttribute(Qt::WA_DeleteOnClose);
        m_current = prompt;
        connect(prompt, &QDialog::finished, this,
                [this, request](int result) { onFinished(request, result == QDialog::Accepted); });
        prompt->open();
        return;
    }
}

void SecretPromptQueue::onFinished(const Request &request, bool accepted)
{
    SecretPrompt *prompt = m_current;
    m_current = nullptr;
    const bool componentsOwn = request.role == ProfileSession::SecretRole::Component;
    if (request.session && accepted) {
        if (prompt->saveInKeychain() && componentsOwn)
            m_profiles->saveComponentSecret(request.session->profile(), prompt->secret());
        else if (prompt->saveInKeychain())
            m_profiles->saveSecret(request.session->profile(), prompt->secret());
        // Once this dialog is gone: a prompt for the component's secret may follow.
        QMetaObject::invokeMethod(
            request.session,
            [session = request.session, secret = prompt->secret(), role = request.role] {
                session->connectWithSecret(secret, role);
            },
            Qt::QueuedConnection);
    } else if (request.session) {
        request.session->setSecretNote(
            componentsOwn ? tr("Not listening: the secret your component presents was not entered. Connect "
                               "to enter it, or set it in the profile (F2).")
            : request.keychainError.isEmpty()
                ? tr("Not connected: no secret was entered. Connect to enter it, or set it in the profile "
                     "(F2).")
                : tr("Not connected: the keychain could not give the secret (%1). Unlock the keychain and "
                     "Retry, or Connect to enter the secret.")
                      .arg(request.keychainError));
    }
    // The next one once this dialog is gone.
    QMetaObject::invokeMethod(this, &SecretPromptQueue::showNext, Qt::QueuedConnection);
}

} // namespace xcm
