// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessionpage.h"

#include "composewidget.h"
#include "connectionbar.h"
#include "logfilterbar.h"
#include "profilesession.h"
#include "ruleengine.h"
#include "rulespanel.h"
#include "stanzalogview.h"

#include <QFrame>
#include <QSplitter>
#include <QTableView>
#include <QTabWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace xcm {

SessionPage::SessionPage(ProfileSession *session, ProfileStore *store, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
{
    setObjectName("sessionPage"_L1);
    m_bar = new ConnectionBar(session, this);
    connect(m_bar, &ConnectionBar::editRequested, this, &SessionPage::editRequested);

    m_log = new StanzaLogView(this);
    m_log->setObjectName("stanzaLog"_L1);
    m_log->setModel(session->log());
    m_log->filterBar()->setFilterLibrary(store, session->profile().id);

    m_compose = new ComposeWidget(session, this);
    connect(m_log, &StanzaLogView::replyRequested, this, [this](const Stanza &stanza) {
        showCompose();
        m_compose->prepareReply(stanza);
    });

    m_splitter = new QSplitter(Qt::Vertical, this);
    m_splitter->setObjectName("pageSplitter"_L1);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(m_log);
    m_rules = new RulesPanel(session, store, this);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName("composeTabs"_L1);
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_compose, tr("Compose"));
    m_tabs->addTab(m_rules, QString());
    connect(m_rules, &RulesPanel::rulesChanged, this, &SessionPage::updateRulesTab);
    connect(session->rules(), &RuleRunner::rulesReplaced, this, &SessionPage::updateRulesTab);
    updateRulesTab();
    m_splitter->addWidget(m_tabs);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);

    auto *line = new QFrame(this);
    line->setFrameShape(QFrame::HLine);
    line->setFrameShadow(QFrame::Sunken);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_bar);
    layout->addWidget(line);
    layout->addWidget(m_splitter, 1);
}

SessionPage::~SessionPage() = default;

void SessionPage::showCompose()
{
    m_tabs->setCurrentWidget(m_compose);
}

void SessionPage::focusCompose()
{
    showCompose();
    m_compose->focusEditor();
}

void SessionPage::showTimeline()
{
    m_bar->showTimeline();
}

void SessionPage::showRules()
{
    m_tabs->setCurrentWidget(m_rules);
    m_rules->view()->setFocus();
}

void SessionPage::updateRulesTab()
{
    // The count of rules on, so that rules at work are seen from the Compose tab too.
    const QList<Rule> &rules = m_session->rules()->rules();
    const auto on =
        std::count_if(rules.begin(), rules.end(), [](const Rule &rule) { return rule.isEnabled(); });
    const int index = m_tabs->indexOf(m_rules);
    m_tabs->setTabText(index, on > 0 ? tr("Rules (%1 on)").arg(on) : tr("Rules"));
    m_tabs->setTabToolTip(index, tr("Rules: %1, on: %2").arg(rules.size()).arg(on));
}

} // namespace xcm
