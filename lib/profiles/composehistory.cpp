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
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;

namespace xcm {

namespace {
constexpr int fileVersion = 1;
// Stanzas can hold private data: only the user reads them.
constexpr QFileDevice::Permissions privateFile = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
constexpr QFileDevice::Permissions privateDirectory = privateFile | QFileDevice::ExeOwner;
constexpr qsizetype tooltipCharacters = 2000;

// The first start tag's reader, positioned on it (or at the end when there is none).
void readToRoot(QXmlStreamReader &reader)
{
    while (!reader.atEnd() && reader.readNext() != QXmlStreamReader::StartElement) {
    }
}
} // namespace

ComposeHistory::ComposeHistory(const QString &fileName, QObject *parent)
    : QAbstractListModel(parent)
    , m_fileName(fileName)
{
    adoptOldFile();
    load();
}

ComposeHistory::~ComposeHistory() = default;

QString ComposeHistory::directory()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + "/xcm/history"_L1;
}

QString ComposeHistory::defaultFileName(const QString &profileKey)
{
    return directory() + u'/' + profileKey + ".json"_L1;
}

void ComposeHistory::adoptOldFile()
{
    // Up to xcm 0.x the history lived in <AppDataLocation>/history, which is ~/.local/share/xcm/xcm/
    // (organisation and application are both "xcm"), readable by all. Moved once, made private.
    const QFileInfo info(m_fileName);
    if (m_fileName.isEmpty() || info.exists() ||
        info.absolutePath() != QFileInfo(directory()).absoluteFilePath())
        return;
    const QString old =
        QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + "/history/"_L1 + info.fileName();
    if (!QFile::exists(old))
        return;
    QDir().mkpath(directory());
    QFile::setPermissions(directory(), privateDirectory);
    if (QFile::rename(old, m_fileName)) {
        QFile::setPermissions(m_fileName, privateFile);
        QDir().rmdir(QFileInfo(old).absolutePath()); // only if it is empty now
    }
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
    // Capped by count and by bytes: saving rewrites the whole file after every send, so a history of
    // 200 stanzas of 500 KB would cost the window a second each time.
    int keep = 1;
    qint64 bytes = m_entries.constFirst().xml.size();
    while (keep < std::min<qsizetype>(m_capacity, m_entries.size()) &&
           bytes + m_entries.at(keep).xml.size() <= maxTotalBytes) {
        bytes += m_entries.at(keep).xml.size();
        ++keep;
    }
    if (m_entries.size() > keep) {
        beginRemoveRows({}, keep, int(m_entries.size()) - 1);
        m_entries.resize(keep);
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
    // Read as far as needed, no further: the list paints this for every row it shows, and parsing a
    // whole 500 KB stanza of 20,000 elements takes ~50 ms.
    QXmlStreamReader reader(xml);
    readToRoot(reader);
    if (reader.tokenType() != QXmlStreamReader::StartElement)
        return tr("raw XML (%1)").arg(QLocale().formattedDataSize(xml.size()));
    const QString name = reader.name().toString();
    QString what = name;
    const QXmlStreamAttributes root = reader.attributes();
    const QString type = attributeValue(root, u"type").toString();
    if (!type.isEmpty())
        what += u' ' + type;
    // An iq is best described by its payload's namespace (disco#info, ping, …), a message by its body.
    while (name == u"iq" || name == u"message") {
        const QXmlStreamReader::TokenType token = reader.readNext();
        if (token == QXmlStreamReader::EndDocument || token == QXmlStreamReader::Invalid)
            break;
        if (token == QXmlStreamReader::EndElement && reader.name() == name)
            break;
        if (token != QXmlStreamReader::StartElement)
            continue;
        if (name == u"iq") {
            const QString ns = reader.namespaceUri().toString();
            what += u' ' + ns.mid(ns.lastIndexOf(u'/') + 1).section(u':', -1);
            break;
        }
        if (reader.name() == u"body") {
            const QString body = reader.readElementText(QXmlStreamReader::SkipChildElements).simplified();
            if (!body.isEmpty())
                what += u" “" + (body.size() > 40 ? body.left(39) + u'…' : body) + u'”';
            break;
        }
        reader.skipCurrentElement(); // not the body: its children are not either
    }
    const QString to = attributeValue(root, u"to").toString();
    return to.isEmpty() ? what : tr("%1 → %2").arg(what, to);
}

QString ComposeHistory::rootAttribute(const QByteArray &xml, QStringView name)
{
    QXmlStreamReader reader(xml);
    readToRoot(reader);
    return reader.tokenType() == QXmlStreamReader::StartElement
               ? attributeValue(reader.attributes(), name).toString()
               : QString();
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
    case Qt::ToolTipRole: {
        // A tooltip lays out all its text when shown: the start of a large stanza, and its size.
        const QString sent =
            QLocale().toString(QDateTime::fromMSecsSinceEpoch(entry.sentAtMs), QLocale::ShortFormat);
        if (entry.xml.size() <= tooltipCharacters)
            return tr("Sent %1\n\n%2").arg(sent, QString::fromUtf8(entry.xml));
        QString start = QString::fromUtf8(entry.xml.first(tooltipCharacters));
        if (start.endsWith(QChar::ReplacementCharacter))
            start.chop(1); // a character cut in two
        for (qsizetype at = 100; at < start.size(); at += 101)
            start.insert(at, u'\n'); // base64 has no spaces to wrap at
        return tr("Sent %1 (%2)\n\n%3…").arg(sent, QLocale().formattedDataSize(entry.xml.size()), start);
    }
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
    const QString directoryPath = QFileInfo(m_fileName).absolutePath();
    QDir().mkpath(directoryPath);
    if (directoryPath == QFileInfo(directory()).absoluteFilePath())
        QFile::setPermissions(directoryPath, privateDirectory);
    QSaveFile file(m_fileName);
    if (!file.open(QIODevice::WriteOnly) || !file.setPermissions(privateFile) ||
        file.write(QJsonDocument(root).toJson(QJsonDocument::Indented)) < 0 || !file.commit()) {
        m_error = tr("cannot write %1: %2").arg(m_fileName, file.errorString());
        return;
    }
    m_error.clear();
}

} // namespace xcm
