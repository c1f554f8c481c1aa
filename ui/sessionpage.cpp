// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessionpage.h"

#include "composewidget.h"
#include "connectionbar.h"
#include "profilesession.h"
#include "stanzalogview.h"

#include <QFrame>
#include <QSplitter>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace xcm {

SessionPage::SessionPage(ProfileSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
{
    setObjectName("sessionPage"_L1);
    m_bar = new ConnectionBar(session, this);
    connect(m_bar, &ConnectionBar::editRequested, this, &SessionPage::editRequested);

    m_log = new StanzaLogView(this);
    m_log->setObjectName("stanzaLog"_L1);
    m_log->setModel(session->log());

    m_compose = new ComposeWidget(session, this);
    connect(m_log, &StanzaLogView::replyRequested, m_compose, &ComposeWidget::prepareReply);

    m_splitter = new QSplitter(Qt::Vertical, this);
    m_splitter->setObjectName("pageSplitter"_L1);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(m_log);
    m_splitter->addWidget(m_compose);
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

} // namespace xcm
