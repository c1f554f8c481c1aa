// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

#include <functional>

class QPushButton;

namespace xcm {

class ComposeHistory;
class HistoryView;

// The compose form's right side: the stanzas sent from it, newest first, with Edit and Resend, a
// double click that edits, and a context menu (edit, resend, remove). What editing and resending do is
// the form's: the pane asks for them by row.
class HistoryPane : public QWidget
{
    Q_OBJECT
public:
    // `canResend` says whether a stanza could be handed over now (Resend is disabled otherwise).
    HistoryPane(ComposeHistory *history, std::function<bool()> canResend, QWidget *parent = nullptr);
    ~HistoryPane() override;

    // The newest entry becomes the current one, so that Edit and Resend apply to it at once.
    void selectNewest();
    // Resend may have become possible or impossible (the connection changed).
    void updateButtons();

Q_SIGNALS:
    void editRequested(int row);
    void resendRequested(int row);

private:
    void showContextMenu(const QPoint &position);

    ComposeHistory *m_history;
    std::function<bool()> m_canResend;
    HistoryView *m_view = nullptr;
    QPushButton *m_edit = nullptr;
    QPushButton *m_resend = nullptr;
};

} // namespace xcm
