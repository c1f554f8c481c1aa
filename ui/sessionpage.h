// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QSplitter;
class QTabWidget;

namespace xcm {

class ComposeWidget;
class ConnectionBar;
class ProfileSession;
class ProfileStore;
class RulesPanel;
class StanzaLogView;

// One profile's page in the main window: connection bar, stanza log, and below it the compose form and
// the rules panel as tabs. Each profile keeps its own page, so switching profiles keeps every log's
// filter, scroll position and draft.
class SessionPage : public QWidget
{
    Q_OBJECT
public:
    // `store` keeps the profile's rules.
    SessionPage(ProfileSession *session, ProfileStore *store, QWidget *parent = nullptr);
    ~SessionPage() override;

    ProfileSession *session() const { return m_session; }
    ConnectionBar *connectionBar() const { return m_bar; }
    StanzaLogView *logView() const { return m_log; }
    ComposeWidget *compose() const { return m_compose; }
    RulesPanel *rules() const { return m_rules; }
    QTabWidget *tabs() const { return m_tabs; }
    // Bring the compose form or the rules panel forward.
    void showCompose();
    void showRules();
    // The compose form forward, its editor focused.
    void focusCompose();
    void showTimeline();
    QSplitter *splitter() const { return m_splitter; }

Q_SIGNALS:
    void editRequested();

private:
    void updateRulesTab();

    ProfileSession *m_session;
    ConnectionBar *m_bar = nullptr;
    StanzaLogView *m_log = nullptr;
    ComposeWidget *m_compose = nullptr;
    RulesPanel *m_rules = nullptr;
    QTabWidget *m_tabs = nullptr;
    QSplitter *m_splitter = nullptr;
};

} // namespace xcm
