// SPDX-License-Identifier: GPL-3.0-or-later
#include "profilestore.h"

#include "logging.h"
#include "rulesfile.h"

#include <QHostAddress>
#include <QSettings>

using namespace Qt::StringLiterals;

namespace xcm {

namespace {

constexpr auto profilesGroup = "profiles"_L1;
constexpr auto orderKey = "profileOrder"_L1;
// Outside the profile's own group: save() clears that group of keys it does not write.
constexpr auto rulesGroup = "profileRules"_L1;
constexpr auto filtersGroup = "profileFilters"_L1;
constexpr auto recordingGroup = "profileRecording"_L1; // <uuid>=true while it records // <uuid>/saved (name,
                                                       // expression pairs), <uuid>/history

qint64 ms(std::chrono::milliseconds duration)
{
    return duration.count();
}

Profile readProfile(QSettings &settings, const QUuid &id)
{
    Profile profile;
    profile.id = id;
    ConnectionSettings &s = profile.settings;
    const ConnectionSettings defaults;
    profile.name = settings.value("name"_L1).toString();
    s.host = settings.value("host"_L1, defaults.host).toString();
    s.port = quint16(settings.value("port"_L1, defaults.port).toUInt());
    s.domain = settings.value("domain"_L1).toString();
    s.directTls = settings.value("directTls"_L1, defaults.directTls).toBool();
    s.acceptInvalidCertificates =
        settings.value("acceptInvalidCertificates"_L1, defaults.acceptInvalidCertificates).toBool();
    s.tlsServerName = settings.value("tlsServerName"_L1).toString();
    s.connectTimeout = std::chrono::milliseconds(
        settings.value("connectTimeoutMs"_L1, ms(defaults.connectTimeout)).toLongLong());
    s.keepaliveInterval = std::chrono::milliseconds(
        settings.value("keepaliveIntervalMs"_L1, ms(defaults.keepaliveInterval)).toLongLong());
    s.maxStanzaBytes = settings.value("maxStanzaBytes"_L1, defaults.maxStanzaBytes).toLongLong();
    settings.beginGroup("reconnect"_L1);
    ReconnectPolicy &r = s.reconnect;
    r.enabled = settings.value("enabled"_L1, defaults.reconnect.enabled).toBool();
    r.initialDelay = std::chrono::milliseconds(
        settings.value("initialDelayMs"_L1, ms(defaults.reconnect.initialDelay)).toLongLong());
    r.maxDelay = std::chrono::milliseconds(
        settings.value("maxDelayMs"_L1, ms(defaults.reconnect.maxDelay)).toLongLong());
    r.maxAttempts = settings.value("maxAttempts"_L1, defaults.reconnect.maxAttempts).toInt();
    r.stableAfter = std::chrono::milliseconds(
        settings.value("stableAfterMs"_L1, ms(defaults.reconnect.stableAfter)).toLongLong());
    r.retryAfterAuthenticationFailure =
        settings
            .value("retryAfterAuthenticationFailure"_L1, defaults.reconnect.retryAfterAuthenticationFailure)
            .toBool();
    settings.endGroup();

    const ResponderSettings responderDefaults;
    ResponderSettings &a = profile.responder;
    settings.beginGroup("responder"_L1);
    a.enabled = settings.value("enabled"_L1, responderDefaults.enabled).toBool();
    a.ping = settings.value("ping"_L1, responderDefaults.ping).toBool();
    a.disco = settings.value("disco"_L1, responderDefaults.disco).toBool();
    a.version = settings.value("version"_L1, responderDefaults.version).toBool();
    a.time = settings.value("time"_L1, responderDefaults.time).toBool();
    a.identity.category =
        settings.value("identityCategory"_L1, responderDefaults.identity.category).toString();
    a.identity.type = settings.value("identityType"_L1, responderDefaults.identity.type).toString();
    a.identity.name = settings.value("identityName"_L1).toString();
    a.extraFeatures = settings.value("extraFeatures"_L1).toStringList();
    const QStringList items = settings.value("items"_L1).toStringList();
    for (const QString &item : items) {
        // jid, node and name, tab-separated: none of them may contain a tab.
        const QStringList parts = item.split(u'\t');
        a.items.append({parts.value(0), parts.value(1), parts.value(2)});
    }
    a.revealOs = settings.value("revealOs"_L1, responderDefaults.revealOs).toBool();
    a.answerByHand = settings.value("answerByHand"_L1, responderDefaults.answerByHand).toBool();
    a.handAnswerLimit = std::chrono::milliseconds(
        settings.value("handAnswerLimitMs"_L1, ms(responderDefaults.handAnswerLimit)).toLongLong());
    a.maxHeld = settings.value("maxHeld"_L1, responderDefaults.maxHeld).toInt();
    settings.endGroup();
    profile.requestTimeout = std::chrono::milliseconds(
        settings.value("requestTimeoutMs"_L1, ms(profile.requestTimeout)).toLongLong());

    settings.beginGroup("proxy"_L1);
    profile.mode =
        settings.value("enabled"_L1, false).toBool() ? Profile::Mode::Proxy : Profile::Mode::Component;
    profile.listenAddress = settings.value("listenAddress"_L1, profile.listenAddress).toString();
    profile.listenPort = quint16(settings.value("listenPort"_L1, 0).toUInt());
    profile.separateComponentSecret = settings.value("separateComponentKey"_L1, false).toBool();
    settings.endGroup();
    return profile;
}

} // namespace

ProfileStore::ProfileStore(QObject *parent)
    : QObject(parent)
    , m_settings(std::make_unique<QSettings>())
{
    reload();
}

ProfileStore::ProfileStore(const QString &iniFile, QObject *parent)
    : QObject(parent)
    , m_settings(std::make_unique<QSettings>(iniFile, QSettings::IniFormat))
{
    reload();
}

ProfileStore::~ProfileStore() = default;

void ProfileStore::reload()
{
    m_settings->sync();
    m_profiles.clear();
    m_settings->beginGroup(profilesGroup);
    QStringList ids = m_settings->value(orderKey).toStringList();
    // Groups missing from the order (an older file, a hand edit) still show up, last.
    const QStringList groups = m_settings->childGroups();
    for (const QString &group : groups) {
        if (!ids.contains(group))
            ids.append(group);
    }
    for (const QString &key : std::as_const(ids)) {
        const QUuid id = QUuid::fromString(key);
        if (id.isNull() || !groups.contains(key))
            continue;
        m_settings->beginGroup(key);
        m_profiles.append(readProfile(*m_settings, id));
        m_settings->endGroup();
    }
    m_settings->endGroup();
}

int ProfileStore::indexOf(const QUuid &id) const
{
    for (qsizetype i = 0; i < m_profiles.size(); ++i) {
        if (m_profiles.at(i).id == id)
            return int(i);
    }
    return -1;
}

Profile ProfileStore::profile(const QUuid &id) const
{
    const int index = indexOf(id);
    return index < 0 ? Profile() : m_profiles.at(index);
}

Profile ProfileStore::findByName(const QString &name) const
{
    for (const Profile &profile : m_profiles) {
        if (profile.name.compare(name, Qt::CaseInsensitive) == 0)
            return profile;
    }
    return {};
}

namespace {

// Whether listening on one would take the port on the other: the same address, or either is "any"
// (0.0.0.0, ::), which takes it on every address.
bool addressesOverlap(const QHostAddress &a, const QHostAddress &b)
{
    const auto any = [](const QHostAddress &address) {
        return address == QHostAddress::AnyIPv4 || address == QHostAddress::AnyIPv6;
    };
    return a == b || any(a) || any(b);
}

// Whether two server hosts name the same server: the same name, or both this machine ("localhost",
// 127.0.0.1, ::1), where one server answers on all of them.
bool sameServerHost(const QString &a, const QString &b)
{
    // The names "localhost" resolves to; another loopback address (127.0.0.2) is where a second server on
    // this machine would listen.
    const auto thisMachine = [](const QString &host) {
        const QHostAddress address(host);
        return host.compare(u"localhost"_s, Qt::CaseInsensitive) == 0 || address == QHostAddress::LocalHost ||
               address == QHostAddress::LocalHostIPv6;
    };
    return a.compare(b, Qt::CaseInsensitive) == 0 || (thisMachine(a) && thisMachine(b));
}

} // namespace

std::optional<ProfileStore::Clash> ProfileStore::clashWith(const Profile &profile) const
{
    const ConnectionSettings &server = profile.settings;
    for (const Profile &other : m_profiles) {
        if (other.id == profile.id)
            continue;
        if (profile.isProxy() && other.isProxy() && profile.listenPort != 0 &&
            other.listenPort == profile.listenPort &&
            addressesOverlap(QHostAddress(other.listenAddress), QHostAddress(profile.listenAddress)))
            return Clash{other, Clash::Kind::SameListenAddress};
        if (other.settings.domain == server.domain && other.settings.port == server.port &&
            sameServerHost(other.settings.host, server.host))
            return Clash{other, Clash::Kind::SameComponent};
    }
    return std::nullopt;
}

QString ProfileStore::uniqueName(const QString &base) const
{
    QString name = base;
    for (int n = 2; !findByName(name).isNull(); ++n)
        name = base + u' ' + QString::number(n);
    return name;
}

void ProfileStore::add(const Profile &profile)
{
    Q_ASSERT(!profile.isNull() && indexOf(profile.id) < 0);
    m_profiles.append(profile);
    save(profile);
    saveOrder();
    Q_EMIT profileAdded(profile);
}

bool ProfileStore::update(const Profile &profile)
{
    const int index = indexOf(profile.id);
    if (index < 0)
        return false;
    m_profiles[index] = profile;
    save(profile);
    Q_EMIT profileUpdated(profile);
    return true;
}

bool ProfileStore::remove(const QUuid &id)
{
    const int index = indexOf(id);
    if (index < 0)
        return false;
    const Profile removed = m_profiles.takeAt(index);
    m_settings->beginGroup(profilesGroup);
    m_settings->remove(removed.secretKey());
    m_settings->endGroup();
    for (const QString group : {rulesGroup, filtersGroup, recordingGroup}) {
        m_settings->beginGroup(group);
        m_settings->remove(removed.secretKey());
        m_settings->endGroup();
    }
    saveOrder();
    Q_EMIT profileRemoved(id);
    return true;
}

void ProfileStore::save(const Profile &profile)
{
    const ConnectionSettings &s = profile.settings;
    m_settings->beginGroup(profilesGroup);
    m_settings->beginGroup(profile.secretKey());
    m_settings->remove(QString()); // drop keys an older version wrote
    m_settings->setValue("name"_L1, profile.name);
    m_settings->setValue("host"_L1, s.host);
    m_settings->setValue("port"_L1, s.port);
    m_settings->setValue("domain"_L1, s.domain);
    m_settings->setValue("directTls"_L1, s.directTls);
    m_settings->setValue("acceptInvalidCertificates"_L1, s.acceptInvalidCertificates);
    if (!s.tlsServerName.isEmpty())
        m_settings->setValue("tlsServerName"_L1, s.tlsServerName);
    m_settings->setValue("connectTimeoutMs"_L1, ms(s.connectTimeout));
    m_settings->setValue("keepaliveIntervalMs"_L1, ms(s.keepaliveInterval));
    m_settings->setValue("maxStanzaBytes"_L1, s.maxStanzaBytes);
    m_settings->beginGroup("reconnect"_L1);
    m_settings->setValue("enabled"_L1, s.reconnect.enabled);
    m_settings->setValue("initialDelayMs"_L1, ms(s.reconnect.initialDelay));
    m_settings->setValue("maxDelayMs"_L1, ms(s.reconnect.maxDelay));
    m_settings->setValue("maxAttempts"_L1, s.reconnect.maxAttempts);
    m_settings->setValue("stableAfterMs"_L1, ms(s.reconnect.stableAfter));
    m_settings->setValue("retryAfterAuthenticationFailure"_L1, s.reconnect.retryAfterAuthenticationFailure);
    m_settings->endGroup();

    const ResponderSettings &a = profile.responder;
    m_settings->beginGroup("responder"_L1);
    m_settings->setValue("enabled"_L1, a.enabled);
    m_settings->setValue("ping"_L1, a.ping);
    m_settings->setValue("disco"_L1, a.disco);
    m_settings->setValue("version"_L1, a.version);
    m_settings->setValue("time"_L1, a.time);
    m_settings->setValue("identityCategory"_L1, a.identity.category);
    m_settings->setValue("identityType"_L1, a.identity.type);
    m_settings->setValue("identityName"_L1, a.identity.name);
    m_settings->setValue("extraFeatures"_L1, a.extraFeatures);
    QStringList items;
    for (const ResponderSettings::DiscoItem &item : a.items)
        items.append(QStringList{item.jid, item.node, item.name}.join(u'\t'));
    m_settings->setValue("items"_L1, items);
    m_settings->setValue("revealOs"_L1, a.revealOs);
    m_settings->setValue("answerByHand"_L1, a.answerByHand);
    m_settings->setValue("handAnswerLimitMs"_L1, ms(a.handAnswerLimit));
    m_settings->setValue("maxHeld"_L1, a.maxHeld);
    m_settings->endGroup();
    m_settings->setValue("requestTimeoutMs"_L1, ms(profile.requestTimeout));

    m_settings->beginGroup("proxy"_L1);
    m_settings->setValue("enabled"_L1, profile.isProxy());
    m_settings->setValue("listenAddress"_L1, profile.listenAddress);
    m_settings->setValue("listenPort"_L1, profile.listenPort);
    m_settings->setValue("separateComponentKey"_L1, profile.separateComponentSecret);
    m_settings->endGroup();
    m_settings->endGroup();
    m_settings->endGroup();
    m_settings->sync();
}

QList<Rule> ProfileStore::rules(const QUuid &id, QString *error) const
{
    const QString key = id.toString(QUuid::WithoutBraces);
    const QByteArray xml = m_settings->value(rulesGroup + u'/' + key).toByteArray();
    if (xml.isEmpty())
        return {};
    RulesFile::Result result = RulesFile::read(xml);
    if (!result.ok()) {
        qCWarning(lcProfiles) << "the stored rules of profile" << key << "do not read:" << result.error;
        if (error)
            *error = result.error;
        return {};
    }
    return result.rules;
}

bool ProfileStore::isRecording(const QUuid &id) const
{
    return m_settings->value(recordingGroup + u'/' + id.toString(QUuid::WithoutBraces), false).toBool();
}

void ProfileStore::setRecording(const QUuid &id, bool on)
{
    const QString key = recordingGroup + u'/' + id.toString(QUuid::WithoutBraces);
    if (on)
        m_settings->setValue(key, true);
    else
        m_settings->remove(key);
    m_settings->sync();
}

QList<ProfileStore::SavedFilter> ProfileStore::savedFilters(const QUuid &id) const
{
    // Stored as a flat list, name then expression: QSettings keeps a string list readable in the file.
    const QStringList flat =
        m_settings->value(filtersGroup + u'/' + id.toString(QUuid::WithoutBraces) + "/saved"_L1)
            .toStringList();
    QList<SavedFilter> filters;
    for (qsizetype i = 0; i + 1 < flat.size(); i += 2)
        filters.append({flat.at(i), flat.at(i + 1)});
    return filters;
}

void ProfileStore::setSavedFilters(const QUuid &id, const QList<SavedFilter> &filters)
{
    QStringList flat;
    for (const SavedFilter &filter : filters)
        flat << filter.name << filter.expression;
    const QString key = filtersGroup + u'/' + id.toString(QUuid::WithoutBraces) + "/saved"_L1;
    if (flat.isEmpty())
        m_settings->remove(key);
    else
        m_settings->setValue(key, flat);
    m_settings->sync();
}

QStringList ProfileStore::filterHistory(const QUuid &id) const
{
    return m_settings->value(filtersGroup + u'/' + id.toString(QUuid::WithoutBraces) + "/history"_L1)
        .toStringList();
}

void ProfileStore::setFilterHistory(const QUuid &id, const QStringList &expressions)
{
    const QString key = filtersGroup + u'/' + id.toString(QUuid::WithoutBraces) + "/history"_L1;
    if (expressions.isEmpty())
        m_settings->remove(key);
    else
        m_settings->setValue(key, expressions);
    m_settings->sync();
}

bool ProfileStore::setRules(const QUuid &id, const QList<Rule> &rules, QString *error)
{
    const QString key = rulesGroup + u'/' + id.toString(QUuid::WithoutBraces);
    if (rules.isEmpty()) {
        m_settings->remove(key);
        m_settings->sync();
        return true;
    }
    QString problem;
    const QByteArray xml = RulesFile::write(rules, &problem);
    if (!problem.isEmpty()) {
        if (error)
            *error = problem;
        return false;
    }
    m_settings->setValue(key, QString::fromUtf8(xml));
    m_settings->sync();
    return true;
}

void ProfileStore::saveOrder()
{
    QStringList ids;
    ids.reserve(m_profiles.size());
    for (const Profile &profile : std::as_const(m_profiles))
        ids.append(profile.secretKey());
    m_settings->beginGroup(profilesGroup);
    m_settings->setValue(orderKey, ids);
    m_settings->endGroup();
    m_settings->sync();
}

} // namespace xcm
