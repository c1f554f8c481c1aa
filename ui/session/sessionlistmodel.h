// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractListModel>
#include <QTimer>
#include <QUuid>

#include <memory>
#include <vector>

namespace xcm {

class ProfileSession;
class ProfileStore;
class SecretStore;
struct Profile;

// The sidebar's list: one ProfileSession per stored profile, in the store's order. Sessions are
// created and destroyed as profiles are added and removed, and live as long as their row.
class SessionListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role
    {
        SubtitleRole = Qt::UserRole + 1, // "demo.localhost · 127.0.0.1:5347"
        StateTextRole,                   // "Connected", "Reconnecting in 3 s"
        StateColorRole,
        StateErrorRole,
        ProfileIdRole,
    };

    // `historyDir` empty: each history goes to its default file (tests pass a temporary directory).
    SessionListModel(ProfileStore *store, SecretStore *secrets, const QString &historyDir = {},
                     QObject *parent = nullptr);
    ~SessionListModel() override;

    ProfileSession *session(int row) const;
    ProfileSession *session(const QUuid &id) const;
    // Every profile not connected or connecting yet; every one.
    void connectAll();
    void disconnectAll();
    int rowOf(const QUuid &id) const;
    QModelIndex indexOf(const QUuid &id) const { return index(rowOf(id)); }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void sessionAdded(xcm::ProfileSession *session);
    // Emitted before the session is deleted.
    void sessionRemoved(xcm::ProfileSession *session);

private:
    void add(const Profile &profile);
    void sessionChanged(ProfileSession *session);
    void refreshCountdowns();

    ProfileStore *m_store;
    SecretStore *m_secrets;
    QString m_historyDir;
    std::vector<std::unique_ptr<ProfileSession>> m_sessions;
    QTimer m_countdownTimer; // refreshes "Reconnecting in N s" as N changes
};

} // namespace xcm
