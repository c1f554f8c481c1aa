// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "profile.h"
#include "rule.h"

#include <QList>
#include <QObject>

#include <optional>

#include <memory>

class QSettings;

namespace xcm {

// The profiles, persisted in QSettings (never the secret). Order is the user's: new profiles go last.
class ProfileStore : public QObject
{
    Q_OBJECT
public:
    // Uses the application's default QSettings (organisation and application names must be set).
    explicit ProfileStore(QObject *parent = nullptr);
    // Uses an INI file, for tests and tools.
    explicit ProfileStore(const QString &iniFile, QObject *parent = nullptr);
    ~ProfileStore() override;

    const QList<Profile> &profiles() const { return m_profiles; }
    int count() const { return int(m_profiles.size()); }
    int indexOf(const QUuid &id) const;
    Profile profile(const QUuid &id) const;
    // Names are matched case-insensitively; the first match wins.
    Profile findByName(const QString &name) const;
    // A name not yet used, from `base` ("Demo", "Demo 2", …).
    QString uniqueName(const QString &base) const;
    // Another profile that cannot run while `profile` does: a proxy listening where it would, or one
    // connecting to the same server as the same component (a proxy's upstream counts: the server takes
    // one connection a domain). Only a hint: both may be kept.
    struct Clash
    {
        enum class Kind : quint8
        {
            SameListenAddress,
            SameComponent
        };
        Profile other;
        Kind kind;
    };
    std::optional<Clash> clashWith(const Profile &profile) const;

    // `add` and `update` write through to QSettings at once.
    void add(const Profile &profile);
    bool update(const Profile &profile);
    bool remove(const QUuid &id);
    // Re-reads QSettings (what another instance saved).
    void reload();

    // The profile's reply rules, kept as a rules file (RulesFile) beside the profile's settings and
    // removed with it. Counters are not kept. A stored file that no longer reads gives no rules and
    // `error` says why.
    QList<Rule> rules(const QUuid &id, QString *error = nullptr) const;
    // Writes through at once; fails (nothing written) only for a reply that is not well-formed XML.
    bool setRules(const QUuid &id, const QList<Rule> &rules, QString *error = nullptr);

    // Whether the profile records its traffic to disk (ProfileSession::startRecording), kept for the next
    // start.
    bool isRecording(const QUuid &id) const;
    void setRecording(const QUuid &id, bool on);

    // The log's filter expressions the user saved for the profile, by name, in the order saved.
    struct SavedFilter
    {
        QString name;
        QString expression;
        bool operator==(const SavedFilter &) const = default;
    };
    QList<SavedFilter> savedFilters(const QUuid &id) const;
    void setSavedFilters(const QUuid &id, const QList<SavedFilter> &filters);
    // The profile's recently used filter expressions, newest first (FilterLibrary keeps it short).
    QStringList filterHistory(const QUuid &id) const;
    void setFilterHistory(const QUuid &id, const QStringList &expressions);

Q_SIGNALS:
    void profileAdded(const xcm::Profile &profile);
    void profileUpdated(const xcm::Profile &profile);
    void profileRemoved(const QUuid &id);

private:
    void save(const Profile &profile);
    void saveOrder();

    std::unique_ptr<QSettings> m_settings;
    QList<Profile> m_profiles;
};

} // namespace xcm
