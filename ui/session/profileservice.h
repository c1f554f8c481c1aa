// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "secretstore.h"

#include <QObject>
#include <QPointer>
#include <QUuid>

#include <functional>
#include <memory>
#include <optional>

namespace xcm {

class ProfileStore;
class SessionListModel;
struct Profile;

// What can be done to a profile, together with its secret: create, save (a rename included: the id
// keys the secret and the history, so nothing moves), remove, import from a file. The window and
// `xcm --import-profile` both go through here, so a profile never lands without its secret or
// leaves one behind; what the user is told about it comes from here too.
//
// Owns the profiles (ProfileStore) and the secrets (SecretStore). Secrets are written asynchronously:
// pendingSecretJobs() and secretJobsFinished() tell when ending the process would lose none.
class ProfileService : public QObject
{
    Q_OBJECT
public:
    // The profiles in the application's default QSettings, the secrets in the OS keychain.
    explicit ProfileService(QObject *parent = nullptr);
    // Tests pass an INI-backed store and a secret store under a service name of their own.
    ProfileService(std::unique_ptr<ProfileStore> store, std::unique_ptr<SecretStore> secrets,
                   QObject *parent = nullptr);
    ~ProfileService() override;

    ProfileStore *store() const { return m_store.get(); }
    SecretStore *secrets() const { return m_secrets.get(); }
    // The running sessions (the window's): a changed secret reaches them at once, so a reconnect uses
    // it and a connect need not wait for the keychain. Optional.
    void setSessions(SessionListModel *sessions);

    // Adds `profile` and stores its secret (an empty one removes any stored before). `componentSecret`:
    // a proxy profile's second secret, the one its component presents to xcm, when the user set it
    // (an empty one removes it).
    void createProfile(const Profile &profile, const QString &secret,
                       const std::optional<QString> &componentSecret = std::nullopt);
    // Saves an edited profile; the secret only if the user changed it, the component's if given.
    void saveProfile(const Profile &profile, const QString &secret, bool secretChanged,
                     const std::optional<QString> &componentSecret = std::nullopt);
    // Stores the secret typed in when a connect found none (the prompt's "Save in the keychain").
    void saveSecret(const Profile &profile, const QString &secret);
    // The same for the secret a proxy's component presents, when it has its own.
    void saveComponentSecret(const Profile &profile, const QString &secret);
    // Removes the profile with its secret (the session list discards its history). False if there is
    // no such profile.
    bool removeProfile(const QUuid &id);
    // Adds the profile described in a key=value file (see ProfileImport), or updates the one with its
    // name, keeping that one's id and so its history; stores the secret, if the file gives one. False
    // if the file cannot be used: importFailed() says why, and nothing changed.
    bool importProfile(const QString &fileName);

    // Secret writes and removals handed to the SecretStore that have not finished yet.
    int pendingSecretJobs() const { return m_pendingSecretJobs; }

Q_SIGNALS:
    // An outcome worth a passing word in the window's status bar, for about `timeoutMs`.
    void statusMessage(const QString &text, int timeoutMs);
    // What importProfile() has to say, one line at a time, to the terminal that asked for the import:
    // warnings about the file, where each secret went.
    void importMessage(const QString &text);
    // importProfile() refused a file, in one line.
    void importFailed(const QString &error);
    // The last pending secret job has finished.
    void secretJobsFinished();

private:
    void storeComponentSecret(const Profile &profile, const QString &secret);
    using Report = std::function<void(const SecretStore::Result &)>;
    // Tells the window where a secret went.
    Report statusReport(const QString &profileName);
    void storeSecret(const Profile &profile, const QString &secret, Report report);
    void removeSecret(const Profile &profile);
    // Gives the profile's keychain entries its name and domain as labels.
    void labelSecrets(const Profile &profile);
    void secretJobFinished();

    std::unique_ptr<ProfileStore> m_store;
    std::unique_ptr<SecretStore> m_secrets;
    QPointer<SessionListModel> m_sessions;
    int m_pendingSecretJobs = 0;
};

} // namespace xcm
