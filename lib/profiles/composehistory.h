// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractListModel>
#include <QByteArray>
#include <QList>
#include <QString>

namespace xcm {

// The stanzas one profile sent from the compose form, newest first, kept across restarts in a JSON
// file (written atomically after each change) and capped so the file stays small.
class ComposeHistory : public QAbstractListModel
{
    Q_OBJECT
public:
    struct Entry
    {
        qint64 sentAtMs = 0;
        QByteArray xml;
        friend bool operator==(const Entry &, const Entry &) = default;
    };
    enum Role
    {
        XmlRole = Qt::UserRole + 1,
        SentAtRole,
        SummaryRole
    };

    static constexpr int defaultCapacity = 200;
    // The newest entries whose XML adds up to at most this are kept (always at least the newest).
    static constexpr qint64 maxTotalBytes = 8 * 1024 * 1024;

    // `fileName` may be empty: the history then lives in memory only. Loads the file if it exists.
    explicit ComposeHistory(const QString &fileName = {}, QObject *parent = nullptr);
    ~ComposeHistory() override;

    // Where the histories live: $XDG_DATA_HOME/xcm/history (0700; the files 0600).
    static QString directory();
    // Where a profile's history lives: directory()/<key>.json. A history found where xcm kept it before
    // (~/.local/share/xcm/xcm/history) is moved there when the history is opened.
    static QString defaultFileName(const QString &profileKey);

    const QString &fileName() const { return m_fileName; }
    void setCapacity(int capacity);
    int capacity() const { return m_capacity; }
    const QList<Entry> &entries() const { return m_entries; }
    Entry entry(int row) const { return m_entries.value(row); }

    // Records a sent stanza at the top. Sending the same XML again moves its entry up instead of
    // adding a copy, so re-sending does not flood the list.
    void add(const QByteArray &xml, qint64 sentAtMs);
    void removeEntry(int row);
    void clear();
    // Deletes the file too (the profile is gone).
    void discard();
    // The last error reading or writing the file, empty when fine.
    const QString &errorString() const { return m_error; }

    // A one-line description of a stanza ("message chat → bob@example.org").
    static QString summary(const QByteArray &xml);
    // An attribute of the root element, read from its start tag only.
    static QString rootAttribute(const QByteArray &xml, QStringView name);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    void adoptOldFile();
    void load();
    void save();

    QString m_fileName;
    QList<Entry> m_entries;
    int m_capacity = defaultCapacity;
    QString m_error;
};

} // namespace xcm
