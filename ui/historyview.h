// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "jidelider.h"

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

    // A history line ("12:05  message chat “hi” → alice@echo.localhost") shortened to `available`: the
    // body gives way first, then the address (its local part first: JidElider), and what was sent
    // ("message chat", which tells the lines apart at a glance) only once the address is down to a
    // third of the room.
    static QString elidedLine(const QString &line, int available, const JidElider::Measure &measure);

protected:
    void paintEvent(QPaintEvent *event) override;
};

} // namespace xcm
