// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QTableView;

namespace xcm {

class ConnectionTimeline;

// A profile's connection timeline as a table: every attempt's steps with time and duration. Ctrl+C
// copies the selected rows as text; Export writes all of them as CSV or text.
class TimelineDialog : public QDialog
{
    Q_OBJECT
public:
    TimelineDialog(ConnectionTimeline *timeline, const QString &profileName, QWidget *parent = nullptr);
    ~TimelineDialog() override;

    QTableView *view() const { return m_view; }
    // The selected rows as text (all rows when none is selected), as Ctrl+C puts them on the clipboard.
    QString selectedText() const;

public Q_SLOTS:
    void copySelection();
    void exportToFile();

private:
    ConnectionTimeline *m_timeline;
    QTableView *m_view = nullptr;
};

} // namespace xcm
