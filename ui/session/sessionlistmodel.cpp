// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessionlistmodel.h"

#include "composehistory.h"
#include "profilesession.h"
#include "profilestore.h"
#include "proxylook.h"
#include "ruleengine.h"
#include "statelook.h"
#include "uilogging.h"

#include <QDateTime>

using namespace Qt::StringLiterals;

namespace xcm {

SessionListModel::SessionListModel(ProfileStore *store, SecretStore *secrets, const QString &historyDir,
                                   QObject *parent)
    : QAbstractListModel(parent)
    , m_store(store)
    , m_secrets(secrets)
    , m_historyDir(historyDir)
{
    for (const Profile &profile : store->profiles())
        add(profile);
    connect(store, &ProfileStore::profileAdded, this, [this](const Profile &profile) {
        beginInsertRows({}, int(m_sessions.size()), int(m_sessions.size()));
        add(profile);
        endInsertRows();
        Q_EMIT sessionAdded(m_sessions.back().get());
    });
    connect(store, &ProfileStore::profileUpdated, this, [this](const Profile &profile) {
        if (ProfileSession *s = session(profile.id))
            s->setProfile(profile);
    });
    connect(store, &ProfileStore::profileRemoved, this, [this](const QUuid &id) {
        const int row = rowOf(id);
        if (row < 0)
            return;
        ProfileSession *removed = m_sessions.at(size_t(row)).get();
        removed->disconnectFromServer();
        Q_EMIT sessionRemoved(removed);
        beginRemoveRows({}, row, row);
        std::unique_ptr<ProfileSession> owned = std::move(m_sessions.at(size_t(row)));
        m_sessions.erase(m_sessions.begin() + row);
        endRemoveRows();
        owned->history()->discard();
    });
    // Precise: a coarse timer may fire a few milliseconds early, before the number changes.
    m_countdownTimer.setSingleShot(true);
    m_countdownTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_countdownTimer, &QTimer::timeout, this, &SessionListModel::refreshCountdowns);
}

SessionListModel::~SessionListModel() = default;

void SessionListModel::add(const Profile &profile)
{
    const QString historyFile =
        m_historyDir.isEmpty() ? QString() : m_historyDir + u'/' + profile.secretKey() + ".json"_L1;
    auto session = std::make_unique<ProfileSession>(profile, m_secrets, historyFile);
    ProfileSession *raw = session.get();
    QString rulesProblem;
    if (!raw->setRules(m_store->rules(profile.id), &rulesProblem))
        qCWarning(lcUi) << "the rules of" << profile.name << "are not used:" << rulesProblem;
    if (m_store->isRecording(profile.id))
        raw->startRecording(); // a failure shows in the connection bar
    connect(raw, &ProfileSession::changed, this, [this, raw] { sessionChanged(raw); });
    m_sessions.push_back(std::move(session));
}

void SessionListModel::sessionChanged(ProfileSession *session)
{
    const QModelIndex changed = indexOf(session->profile().id);
    if (changed.isValid())
        Q_EMIT dataChanged(changed, changed);
    refreshCountdowns();
}

void SessionListModel::refreshCountdowns()
{
    // Next time any countdown shows a new number, as the connection bar's does.
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    qint64 nextChangeMs = -1;
    for (size_t row = 0; row < m_sessions.size(); ++row) {
        if (const qint64 at = m_sessions[row]->connection()->nextReconnectAtMs(); at > 0) {
            const qint64 untilChange = msUntilCountdownChanges(at, now);
            nextChangeMs = nextChangeMs < 0 ? untilChange : std::min(nextChangeMs, untilChange);
            const QModelIndex changed = index(int(row));
            Q_EMIT dataChanged(changed, changed, {StateTextRole, Qt::ToolTipRole});
        }
    }
    if (nextChangeMs >= 0)
        m_countdownTimer.start(int(nextChangeMs));
    else
        m_countdownTimer.stop();
}

ProfileSession *SessionListModel::session(int row) const
{
    return row >= 0 && size_t(row) < m_sessions.size() ? m_sessions[size_t(row)].get() : nullptr;
}

ProfileSession *SessionListModel::session(const QUuid &id) const
{
    return session(rowOf(id));
}

int SessionListModel::rowOf(const QUuid &id) const
{
    for (size_t row = 0; row < m_sessions.size(); ++row) {
        if (m_sessions[row]->profile().id == id)
            return int(row);
    }
    return -1;
}

int SessionListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_sessions.size());
}

QVariant SessionListModel::data(const QModelIndex &index, int role) const
{
    const ProfileSession *s = session(index.row());
    if (!s || index.parent().isValid())
        return {};
    const Profile &profile = s->profile();
    const auto look = [s] {
        StateLook result = s->look(QDateTime::currentMSecsSinceEpoch());
        if (s->isLoadingSecret())
            result.text = tr("Reading secret…");
        return result;
    };
    switch (role) {
    case Qt::DisplayRole:
        return profile.name;
    case SubtitleRole:
        if (profile.isProxy())
            return tr("%1 · proxy %2 → %3")
                .arg(profile.settings.domain, hostAndPort(profile.listenAddress, profile.listenPort),
                     hostAndPort(profile.settings.host, profile.settings.port));
        return tr("%1 · %2:%3")
            .arg(profile.settings.domain, profile.settings.host, QString::number(profile.settings.port));
    case StateTextRole:
        return look().text;
    case StateColorRole:
        return look().color;
    case StateErrorRole:
        return look().error;
    case Qt::DecorationRole:
        return stateBadgeIcon(look().color);
    case ProfileIdRole:
        return profile.id;
    case Qt::ToolTipRole: {
        QString tip = tr("<b>%1</b><br>%2 on %3:%4<br>%5")
                          .arg(profile.name.toHtmlEscaped(), profile.settings.domain.toHtmlEscaped(),
                               profile.settings.host.toHtmlEscaped(), QString::number(profile.settings.port),
                               look().text.toHtmlEscaped());
        const DisconnectReason &reason = s->connection()->lastReason();
        if (reason.isError())
            tip += u"<br>"_s + reason.toString().toHtmlEscaped();
        if (s->isProxy() && !s->listenProblem().isEmpty())
            tip += u"<br>"_s + s->listenProblem().toHtmlEscaped();
        return tip;
    }
    case Qt::AccessibleTextRole:
        return tr("%1, %2").arg(profile.name, look().text);
    default:
        return {};
    }
}

void SessionListModel::connectAll()
{
    for (int row = 0; row < rowCount(); ++row) {
        if (ProfileSession *each = session(row); !each->isActive())
            each->connectToServer();
    }
}

void SessionListModel::disconnectAll()
{
    for (int row = 0; row < rowCount(); ++row)
        session(row)->disconnectFromServer();
}

} // namespace xcm
