// SPDX-License-Identifier: GPL-3.0-or-later
#include "profileimport.h"

#include "hostname.h"
#include "jid.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>

using namespace Qt::StringLiterals;

namespace xcm {

namespace {

bool readableByOthers(const QString &fileName)
{
    const QFileDevice::Permissions permissions = QFileInfo(fileName).permissions();
    return permissions & (QFileDevice::ReadGroup | QFileDevice::ReadOther);
}

bool parseBool(const QString &value, bool fallback)
{
    const QString v = value.trimmed().toLower();
    if (v == u"true" || v == u"yes" || v == u"1" || v == u"on")
        return true;
    if (v == u"false" || v == u"no" || v == u"0" || v == u"off")
        return false;
    return fallback;
}

// The first line of `secretFile` (relative to the import file's folder), or an error.
bool readSecretFile(const QString &importFile, QString secretFile, QString *secret, QStringList *warnings,
                    QString *error)
{
    if (QFileInfo(secretFile).isRelative())
        secretFile = QFileInfo(importFile).absoluteDir().filePath(secretFile);
    QFile file(secretFile);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = ProfileImport::tr("cannot read the secret file %1: %2").arg(secretFile, file.errorString());
        return false;
    }
    *secret = QString::fromUtf8(file.readLine()).trimmed();
    if (readableByOthers(secretFile))
        warnings->append(ProfileImport::tr("%1 can be read by others (chmod 600)").arg(secretFile));
    return true;
}

} // namespace

bool ProfileImport::readProxyFields(const QString &fileName, const QHash<QString, QString> &values,
                                    Result *result)
{
    Profile &profile = result->profile;
    const QString mode = values.value(u"mode"_s, u"component"_s).toLower();
    if (mode != u"component" && mode != u"proxy") {
        result->error = tr("%1: mode is component or proxy, not %2").arg(fileName, mode);
        return false;
    }
    profile.mode = mode == u"proxy" ? Profile::Mode::Proxy : Profile::Mode::Component;
    const bool hasProxyKeys = values.contains(u"listen"_s) || values.contains(u"component-secret"_s) ||
                              values.contains(u"component-secret-file"_s);
    if (!profile.isProxy()) {
        if (hasProxyKeys)
            result->error = tr("%1: listen and component-secret belong to mode=proxy").arg(fileName);
        return !hasProxyKeys;
    }
    if (values.contains(u"listen"_s)) {
        // [address:]port
        const QString listen = values.value(u"listen"_s);
        const qsizetype colon = listen.lastIndexOf(u':');
        bool ok = false;
        const uint port = listen.mid(colon + 1).toUInt(&ok);
        if (!ok || port == 0 || port > 65535 || colon == 0) {
            result->error = tr("%1: listen is [address:]port, not %2").arg(fileName, listen);
            return false;
        }
        if (colon > 0)
            profile.listenAddress = listen.left(colon);
        profile.listenPort = quint16(port);
    }
    if (values.contains(u"component-secret"_s)) {
        result->componentSecret = values.value(u"component-secret"_s);
        if (readableByOthers(fileName))
            result->warnings.append(tr("%1 holds a secret but others can read it (chmod 600)").arg(fileName));
    } else if (values.contains(u"component-secret-file"_s)) {
        if (!readSecretFile(fileName, values.value(u"component-secret-file"_s), &result->componentSecret,
                            &result->warnings, &result->error))
            return false;
    }
    profile.separateComponentSecret = !result->componentSecret.isEmpty();
    return true;
}

ProfileImport::Result ProfileImport::readFile(const QString &fileName)
{
    Result result;
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        result.error = tr("cannot read %1: %2").arg(fileName, file.errorString());
        return result;
    }
    QHash<QString, QString> values;
    int lineNumber = 0;
    while (!file.atEnd()) {
        ++lineNumber;
        const QString line = QString::fromUtf8(file.readLine()).trimmed();
        if (line.isEmpty() || line.startsWith(u'#') || line.startsWith(u';'))
            continue;
        const qsizetype equals = line.indexOf(u'=');
        if (equals <= 0) {
            result.error = tr("%1:%2: expected key=value").arg(fileName, QString::number(lineNumber));
            return result;
        }
        values.insert(line.left(equals).trimmed(), line.mid(equals + 1).trimmed());
    }

    Profile &profile = result.profile;
    profile = Profile::create(values.value(u"name"_s));
    ConnectionSettings &s = profile.settings;
    if (profile.name.isEmpty()) {
        result.error = tr("%1: no name=").arg(fileName);
        return result;
    }
    s.host = values.value(u"host"_s, s.host);
    if (QString why; !HostName::isValid(s.host, &why)) {
        result.error = tr("%1: host: %2").arg(fileName, why);
        return result;
    }
    if (values.contains(u"port"_s)) {
        bool ok = false;
        const uint port = values.value(u"port"_s).toUInt(&ok);
        if (!ok || port == 0 || port > 65535) {
            result.error = tr("%1: port must be 1–65535").arg(fileName);
            return result;
        }
        s.port = quint16(port);
    }
    s.domain = values.value(u"domain"_s).toLower();
    QString domainError;
    if (!Jid::isValidDomain(s.domain, &domainError)) {
        result.error = tr("%1: domain: %2").arg(fileName, domainError);
        return result;
    }
    s.directTls = parseBool(values.value(u"directTls"_s), s.directTls);
    s.acceptInvalidCertificates = parseBool(values.value(u"acceptInvalidCertificates"_s), false);
    s.tlsServerName = values.value(u"tlsServerName"_s).toLower();
    if (!s.tlsServerName.isEmpty() && !Jid::isValidDomain(s.tlsServerName, &domainError)) {
        result.error = tr("%1: tlsServerName: %2").arg(fileName, domainError);
        return result;
    }
    if (values.contains(u"keepaliveSeconds"_s))
        s.keepaliveInterval = std::chrono::seconds(values.value(u"keepaliveSeconds"_s).toInt());
    if (values.contains(u"maxStanzaBytes"_s))
        s.maxStanzaBytes = values.value(u"maxStanzaBytes"_s).toLongLong();
    s.reconnect.enabled = parseBool(values.value(u"reconnect"_s), s.reconnect.enabled);
    if (values.contains(u"stableAfterSeconds"_s))
        s.reconnect.stableAfter = std::chrono::seconds(values.value(u"stableAfterSeconds"_s).toInt());

    if (values.contains(u"secret"_s)) {
        result.secret = values.value(u"secret"_s);
        if (readableByOthers(fileName))
            result.warnings.append(tr("%1 holds a secret but others can read it (chmod 600)").arg(fileName));
    } else if (values.contains(u"secret-file"_s)) {
        if (!readSecretFile(fileName, values.value(u"secret-file"_s), &result.secret, &result.warnings,
                            &result.error))
            return result;
    }
    readProxyFields(fileName, values, &result);
    return result;
}

} // namespace xcm
