// SPDX-License-Identifier: GPL-3.0-or-later
#include "composehistory.h"

#include "xmlelement.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QSaveFile>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace xcm {

namespace {
constexpr int fileVersion = 1;
} // namespace

ComposeHistory::ComposeHistory(const QString &fileName, QObject *parent)
    : QAbstractListModel(parent)
    , m_fileName(fileName)
{
    load();
}

ComposeHistory::~ComposeHistory() = default;

QString ComposeHistory::defaultFileName(const QString &profileKey)
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + "/history/"_L1 + profileKey +
           ".json"_L1;
}

void ComposeHistory::setCapacity(int capacity)
{
    m_capacity = std::max(1, capacity);
    if (m_entries.size() > m_capacity) {
        beginRemoveRows({}, m_capacity, int(m_entries.size()) - 1);
        m_entries.resize(m_capacity);
        endRemoveRows();
        save();
    }
}

void ComposeHistory::add(const QByteArray &xml, qint64 sentAtMs)
{
    const QByteArray trimmed = xml.trimmed();
    if (trimmed.isEmpty())
        return;
    for (qsizetype i = 0; i < m_entries.size(); ++i) {
        if (m_entries.at(i).xml == trimmed) {
            removeEntry(int(i));
            break;
        }
    }
    beginInsertRows({}, 0, 0);
    m_entries.prepend({sentAtMs, trimmed});
    endInsertRows();
    if (m_entries.size() > m_capacity) {
        beginRemoveRows({}, m_capacity, int(m_entries.size()) - 1);
        m_entries.resize(m_capacity);
        endRemoveRows();
    }
    save();
}

void ComposeHistory::removeEntry(int row)
{
    if (row < 0 || row >= m_entries.size())
        return;
    beginRemoveRows({}, row, row);
    m_entries.removeAt(row);
    endRemoveRows();
    save();
}

void ComposeHistory::clear()
{
    beginResetModel();
    m_entries.clear();
    endResetModel();
    save();
}

void ComposeHistory::discard()
{
    beginResetModel();
    m_entries.clear();
    endResetModel();
    if (!m_fileName.isEmpty())
        QFile::remove(m_fileName);
}

QString ComposeHistory::summary(const QByteArray &xml)
{
    const XmlElement element = XmlElement::parse(xml);
    if (element.isNull())
        return tr("raw XML (%1)").arg(QLocale().formattedDataSize(xml.size()));
    QString what = element.name();
    const QString type = element.attribute(u"type");
    if (!type.isEmpty())
        what += u' ' + type;
    if (element.name() == u"iq") {
        // An iq is best described by its payload's namespace (disco#info, ping, …).
        const XmlElement payload = element.firstChild();
        if (!payload.isNull()) {
            QString ns = payload.namespaceUri();
            what += u' ' + ns.mid(ns.lastIndexOf(u'/') + 1).section(u':', -1);
        }
    } else if (element.name() == u"message") {
        const QString body = element.firstChild(u"body").text().simplified();
        if (!body.isEmpty())
            what += u" “" + (body.size() > 40 ? body.left(39) + u'…' : body) + u'”';
    }
    const QString to = element.attribute(u"to");
    return to.isEmpty() ? what : tr("%1 → %2").arg(what, to);
}

int ComposeHistory::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

QVariant ComposeHistory::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_entries.size())
        return {};
    const Entry &entry = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case SummaryRole:
        return summary(entry.xml);
    case Qt::ToolTipRole:
        return tr("Sent %1\n\n%2")
            .arg(QLocale().toString(QDateTime::fromMSecsSinceEpoch(entry.sentAtMs), QLocale::ShortFormat),
                 QString::fromUtf8(entry.xml));
    case XmlRole:
        return entry.xml;
    case SentAtRole:
        return entry.sentAtMs;
    default:
        return {};
    }
}

void ComposeHistory::load()
{
    m_error.clear();
    if (m_fileName.isEmpty())
        return;
    QFile file(m_fileName);
    if (!file.exists())
        return;
    if (!file.open(QIODevice::ReadOnly)) {
        m_error = tr("cannot read %1: %2").arg(m_fileName, file.errorString());
        return;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (document.isNull()) {
        m_error = tr("%1 is not valid JSON: %2").arg(m_fileName, parseError.errorString());
        return;
    }
    QList<Entry> entries;
    const QJsonArray array = document.object().value("entries"_L1).toArray();
    for (const QJsonValue &value : array) {
        const QJsonObject object = value.toObject();
        Entry entry{object.value("sentAt"_L1).toInteger(), object.value("xml"_L1).toString().toUtf8()};
        if (!entry.xml.isEmpty())
            entries.append(entry);
        if (entries.size() >= m_capacity)
            break;
    }
    beginResetModel();
    m_entries = std::move(entries);
    endResetModel();
}

void ComposeHistory::save()
{
    if (m_fileName.isEmpty())
        return;
    QJsonArray array;
    for (const Entry &entry : std::as_const(m_entries))
        array.append(QJsonObject{{"sentAt"_L1, entry.sentAtMs}, {"xml"_L1, QString::fromUtf8(entry.xml)}});
    const QJsonObject root{{"version"_L1, fileVersion}, {"entries"_L1, array}};
    QDir().mkpath(QFileInfo(m_fileName).absolutePath());
    QSaveFile file(m_fileName);
    if (!file.open(QIODevice::WriteOnly) ||
        file.write(QJsonDocument(root).toJson(QJsonDocument::Indented)) < 0 || !file.commit()) {
        m_error = tr("cannot write %1: %2").arg(m_fileName, file.errorString());
        return;
    }
    m_error.clear();
}

} // namespace xcm
