// SPDX-License-Identifier: GPL-3.0-or-later
#include "profileimport.h"

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

} // namespace

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
        QString secretFile = values.value(u"secret-file"_s);
        if (QFileInfo(secretFile).isRelative())
            secretFile = QFileInfo(fileName).absoluteDir().filePath(secretFile);
        QFile secret(secretFile);
        if (!secret.open(QIODevice::ReadOnly)) {
            result.error = tr("cannot read the secret file %1: %2").arg(secretFile, secret.errorString());
            return result;
        }
        result.secret = QString::fromUtf8(secret.readLine()).trimmed();
        if (readableByOthers(secretFile))
            result.warnings.append(tr("%1 can be read by others (chmod 600)").arg(secretFile));
    }
    return result;
}

} // namespace xcm
