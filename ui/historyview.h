// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QListView>

namespace xcm {

class ComposeHistory;

// The compose form's history: one line a sent stanza, newest first, long summaries elided instead of
// scrolled sideways, and a hint in place of an empty list.
class HistoryView : public QListView
{
    Q_OBJECT
public:
    explicit HistoryView(ComposeHistory *history, QWidget *parent = nullptr);

protected:
    void paintEvent(QPaintEvent *event) override;
};

} // namespace xcm
