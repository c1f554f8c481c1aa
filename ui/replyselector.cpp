// SPDX-License-Identifier: GPL-3.0-or-later
#include "replyselector.h"

#include "builtinanswers.h"
#include "stanzaerror.h"
#include "xmlelement.h"

#include <QAbstractItemView>
#include <QComboBox>
#include <QHBoxLayout>
#include <QScrollBar>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace xcm {

ReplySelector::ReplySelector(QWidget *parent)
    : QWidget(parent)
    , m_choice(new QComboBox(this))
    , m_stop(new QToolButton(this))
{
    m_choice->setObjectName("replyChoice"_L1);
    m_choice->setToolTip(tr("Answer the request with a result, or with one of the errors RFC 6120 defines"));
    m_choice->setAccessibleName(tr("Reply with"));
    m_choice->addItem(tr("Reply: result"), -1);
    for (int condition = 0; condition <= int(StanzaError::Condition::UnexpectedRequest); ++condition)
        m_choice->addItem(
            tr("Reply: error %1").arg(StanzaError::conditionName(StanzaError::Condition(condition))),
            condition);
    // As wide as "Reply: result" needs, not as the longest condition.
    m_choice->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_choice->setMinimumContentsLength(int(m_choice->itemText(0).size()) + 2);
    m_choice->view()->setMinimumWidth(m_choice->view()->sizeHintForColumn(0) +
                                      m_choice->view()->verticalScrollBar()->sizeHint().width());
    connect(m_choice, &QComboBox::activated, this, &ReplySelector::choose);

    m_stop->setObjectName("endReply"_L1);
    m_stop->setText(u"✕"_s);
    m_stop->setAutoRaise(true);
    m_stop->setToolTip(tr("Stop replying: back to the templates (the editor keeps its text)"));
    m_stop->setAccessibleName(tr("Stop replying"));
    connect(m_stop, &QToolButton::clicked, this, &ReplySelector::stopRequested);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_choice);
    layout->addWidget(m_stop);
    hide();
}

void ReplySelector::start(const Stanza &request)
{
    m_request = request;
    m_choice->setCurrentIndex(0);
    show();
    choose();
}

void ReplySelector::stop()
{
    m_request = {};
    hide();
}

void ReplySelector::choose()
{
    if (m_request.isNull())
        return;
    const int condition = m_choice->currentData().toInt();
    const XmlElement reply = condition < 0
                                 ? BuiltinAnswers::resultReply(m_request)
                                 : errorReplyTo(m_request, StanzaError(StanzaError::Condition(condition)));
    Q_EMIT replyChosen(reply.toXml(true));
}

} // namespace xcm
