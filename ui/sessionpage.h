// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QSplitter;

namespace xcm {

class ComposeWidget;
class ConnectionBar;
class ProfileSession;
class StanzaLogView;

// One profile's page in the main window: connection bar, stanza log and compose form. Each profile
// keeps its own page, so switching profiles keeps every log's filter, scroll position and draft.
class SessionPage : public QWidget
{
    Q_OBJECT
public:
    explicit SessionPage(ProfileSession *session, QWidget *parent = nullptr);
    ~SessionPage() override;

    ProfileSession *session() const { return m_session; }
    ConnectionBar *connectionBar() const { return m_bar; }
    StanzaLogView *logView() const { return m_log; }
    ComposeWidget *compose() const { return m_compose; }
    QSplitter *splitter() const { return m_splitter; }

Q_SIGNALS:
    void editRequested();

private:
    ProfileSession *m_session;
    ConnectionBar *m_bar = nullptr;
    StanzaLogView *m_log = nullptr;
    ComposeWidget *m_compose = nullptr;
    QSplitter *m_splitter = nullptr;
};

} // namespace xcm
