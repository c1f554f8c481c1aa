// SPDX-License-Identifier: GPL-3.0-or-later
#include "profileservice.h"

#include "logging.h"
#include "profileimport.h"
#include "profilesession.h"
#include "profilestore.h"
#include "sessionlistmodel.h"

namespace xcm {

namespace {
constexpr int storedMessageMs = 5000;
constexpr int warningMessageMs = 8000; // what needs the user's attention stays longer
} // namespace

ProfileService::ProfileService(QObject *parent)
    : ProfileService(std::make_unique<ProfileStore>(), std::make_unique<SecretStore>(), parent)
{}

ProfileService::ProfileService(std::unique_ptr<ProfileStore> store, std::unique_ptr<SecretStore> secrets,
                               QObject *parent)
    : QObject(parent)
    , m_store(std::move(store))
    , m_secrets(std::move(secrets))
{}

ProfileService::~ProfileService() = default;

void ProfileService::setSessions(SessionListModel *sessions)
{
    m_sessions = sessions;
}

void ProfileService::createProfile(const Profile &profile, const QString &secret,
                                   const std::optional<QString> &componentSecret)
{
    qCDebug(lcProfiles) << "creating profile" << profile.secretKey() << profile.name;
    m_store->add(profile);
    if (componentSecret)
        storeComponentSecret(profile, *componentSecret);
    if (secret.isEmpty()) {
        removeSecret(profile);
        return;
    }
    storeSecret(profile, secret, statusReport(profile.name));
}

void ProfileService::saveProfile(const Profile &profile, const QString &secret, bool secretChanged,
                                 const std::optional<QString> &componentSecret)
{
    const Profile before = m_store->profile(profile.id);
    qCDebug(lcProfiles) << "saving profile" << profile.secretKey() << profile.name
                        << "secret changed:" << secretChanged;
    m_store->update(profile);
    labelSecrets(profile); // a renamed profile keeps its entry (the key is its id) under the new name
    if (componentSecret)
        storeComponentSecret(profile, *componentSecret);
    const ProfileSession *session = m_sessions ? m_sessions->session(profile.id) : nullptr;
    if (session && session->state() != ConnectionState::Disconnected &&
        (before.settings != profile.settings || secretChanged))
        Q_EMIT statusMessage(tr("The changes to “%1” apply at its next connect.").arg(profile.name),
                             warningMessageMs);
    if (!secretChanged)
        return;
    if (secret.isEmpty()) {
        removeSecret(profile);
        return;
    }
    storeSecret(profile, secret, statusReport(profile.name));
}

void ProfileService::saveSecret(const Profile &profile, const QString &secret)
{
    qCDebug(lcProfiles) << "saving the secret typed at connect for" << profile.secretKey();
    storeSecret(profile, secret, statusReport(profile.name));
}

void ProfileService::saveComponentSecret(const Profile &profile, const QString &secret)
{
    qCDebug(lcProfiles) << "saving the component's secret typed at connect for"
                        << profile.componentSecretKey();
    storeComponentSecret(profile, secret);
}

bool ProfileService::removeProfile(const QUuid &id)
{
    const Profile profile = m_store->profile(id);
    if (profile.isNull())
        return false;
    qCDebug(lcProfiles) << "removing profile" << profile.secretKey() << profile.name;
    removeSecret(profile);
    if (profile.separateComponentSecret)
        storeComponentSecret(profile, {});
    m_store->remove(id);
    return true;
}

bool ProfileService::importProfile(const QString &fileName)
{
    const ProfileImport::Result imported = ProfileImport::readFile(fileName);
    for (const QString &warning : imported.warnings)
        Q_EMIT importMessage(tr("warning: %1").arg(warning));
    if (!imported.ok()) {
        qCDebug(lcProfiles) << "import refused:" << imported.error;
        Q_EMIT importFailed(imported.error);
        return false;
    }
    Profile profile = imported.profile;
    const Profile existing = m_store->findByName(profile.name);
    if (existing.isNull()) {
        qCDebug(lcProfiles) << "importing new profile" << profile.secretKey() << profile.name;
        m_store->add(profile);
    } else {
        qCDebug(lcProfiles) << "importing over profile" << existing.secretKey() << existing.name;
        profile.id = existing.id; // keeps its secret entry and history
        m_store->update(profile);
    }
    // A proxy whose component has a secret of its own: that one goes to the keychain too.
    if (profile.isProxy() && !imported.componentSecret.isEmpty())
        storeComponentSecret(profile, imported.componentSecret);
    if (imported.secret.isEmpty())
        return true; // a file without a secret leaves the stored one alone
    const QString name = profile.name;
    storeSecret(profile, imported.secret, [this, name](const SecretStore::Result &result) {
        if (result.location == SecretStore::Location::Keychain)
            Q_EMIT importMessage(tr("profile “%1”: secret stored in the keychain").arg(name));
        else
            Q_EMIT importMessage(tr("profile “%1”: no keychain (%2), the secret is kept in memory for this "
                                    "run only")
                                     .arg(name, result.error));
    });
    return true;
}

ProfileService::Report ProfileService::statusReport(const QString &profileName)
{
    return [this, profileName](const SecretStore::Result &result) {
        if (result.location == SecretStore::Location::Keychain)
            Q_EMIT statusMessage(tr("The secret of “%1” is stored in the keychain.").arg(profileName),
                                 storedMessageMs);
        else
            Q_EMIT statusMessage(
                tr("No keychain: the secret of “%1” is kept in memory until xcm quits.").arg(profileName),
                warningMessageMs);
    };
}

void ProfileService::storeSecret(const Profile &profile, const QString &secret, Report report)
{
    // The session gets it at once: connecting need not wait for the keychain.
    if (ProfileSession *session = m_sessions ? m_sessions->session(profile.id) : nullptr)
        session->setSecret(secret);
    ++m_pendingSecretJobs;
    const QString key = profile.secretKey();
    labelSecrets(profile);
    m_secrets->write(key, secret, this, [this, key, report](const SecretStore::Result &result) {
        if (result.location == SecretStore::Location::Keychain)
            qCDebug(lcProfiles) << "secret of" << key << "stored in the keychain";
        else
            qCDebug(lcProfiles) << "secret of" << key << "kept in memory:" << result.error;
        report(result);
        secretJobFinished();
    });
}

void ProfileService::storeComponentSecret(const Profile &profile, const QString &secret)
{
    if (ProfileSession *session = m_sessions ? m_sessions->session(profile.id) : nullptr)
        session->setComponentSecret(secret);
    ++m_pendingSecretJobs;
    const QString key = profile.componentSecretKey();
    labelSecrets(profile);
    const auto done = [this, key, removing = secret.isEmpty()](const SecretStore::Result &result) {
        qCDebug(lcProfiles) << "component secret" << key << (removing ? "removed:" : "stored:") << result.ok
                            << result.error;
        secretJobFinished();
    };
    if (secret.isEmpty())
        m_secrets->remove(key, this, done);
    else
        m_secrets->write(key, secret, this, done);
}

void ProfileService::labelSecrets(const Profile &profile)
{
    // What a keyring manager lists: the entries' keys are ids no one can tell apart.
    m_secrets->setLabel(profile.secretKey(), tr("xcm: %1 (%2)").arg(profile.name, profile.settings.domain));
    m_secrets->setLabel(
        profile.componentSecretKey(),
        tr("xcm: %1 (%2), the component's secret").arg(profile.name, profile.settings.domain));
}

void ProfileService::removeSecret(const Profile &profile)
{
    if (ProfileSession *session = m_sessions ? m_sessions->session(profile.id) : nullptr)
        session->setSecret({});
    ++m_pendingSecretJobs;
    const QString key = profile.secretKey();
    m_secrets->remove(key, this, [this, key](const SecretStore::Result &result) {
        if (!result.ok)
            qCDebug(lcProfiles) << "secret of" << key << "not removed from the keychain:" << result.error;
        secretJobFinished();
    });
}

void ProfileService::secretJobFinished()
{
    if (--m_pendingSecretJobs == 0)
        Q_EMIT secretJobsFinished();
}

} // namespace xcm
