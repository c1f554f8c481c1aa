// SPDX-License-Identifier: GPL-3.0-or-later
#include "exchangeactions.h"

#include "stanzalogfiltermodel.h"
#include "stanzalogmodel.h"

#include <QAction>
#include <QItemSelectionModel>
#include <QTableView>

using namespace Qt::StringLiterals;

namespace xcm {

namespace {

bool isRequest(const Stanza &stanza)
{
    const QString type = stanza.type();
    return stanza.kind() == StanzaKind::Iq && (type == u"get" || type == u"set");
}

} // namespace

ExchangeActions::ExchangeActions(QTableView *table, StanzaLogFilterModel *filter, QObject *parent)
    : QObject(parent)
    , m_table(table)
    , m_filter(filter)
{
    m_goToPartner = new QAction(tr("&Go to Answer or Request"), this);
    m_goToPartner->setObjectName(u"goToPartnerAction"_s);
    m_goToPartner->setToolTip(tr("From an iq request to its answer, and back (Ctrl+J)"));
    m_goToPartner->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_J));
    m_goToPartner->setShortcutContext(Qt::WindowShortcut);
    connect(m_goToPartner, &QAction::triggered, this, &ExchangeActions::goToPartner);

    m_reply = new QAction(tr("&Reply…"), this);
    m_reply->setObjectName(u"replyAction"_s);
    m_reply->setToolTip(tr("Answer the selected received request from the compose form (Ctrl+R)"));
    m_reply->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    m_reply->setShortcutContext(Qt::WindowShortcut);
    connect(m_reply, &QAction::triggered, this, [this] {
        const int row = currentSourceRow();
        if (row < 0)
            return;
        const Stanza stanza = m_model->stanzaAt(row);
        if (stanza.direction() != Direction::Received || !isRequest(stanza))
            return;
        // Allowed (testing how a peer takes a second answer is a reason to), but never unawares. Read
        // before the reply is prepared, which may change the log.
        const bool answered =
            m_model->index(row, 0).data(StanzaLogModel::PartnerSequenceRole).toULongLong() != 0;
        const QString answer = m_model->index(row, StanzaLogModel::AnswerColumn).data().toString();
        Q_EMIT replyRequested(stanza);
        if (answered)
            Q_EMIT message(
                tr("This request has an answer already (%1): sending the reply answers it a second time")
                    .arg(answer));
    });

    connect(m_table->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &ExchangeActions::updateEnabled);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &ExchangeActions::updateEnabled);
    updateEnabled();
}

ExchangeActions::~ExchangeActions() = default;

void ExchangeActions::setModel(StanzaLogModel *model)
{
    m_model = model;
    updateEnabled();
}

int ExchangeActions::currentSourceRow() const
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid() || !m_model)
        return -1;
    return m_filter->mapToSource(current).row();
}

void ExchangeActions::updateEnabled()
{
    const int row = currentSourceRow();
    const bool iq = row >= 0 && m_model->kindAt(row) == StanzaKind::Iq;
    m_goToPartner->setEnabled(iq);
    m_reply->setEnabled(iq && m_model->directionAt(row) == Direction::Received &&
                        isRequest(m_model->stanzaAt(row)));
}

void ExchangeActions::goToPartner()
{
    const int row = currentSourceRow();
    if (row < 0)
        return;
    const quint64 partner = m_model->index(row, 0).data(StanzaLogModel::PartnerSequenceRole).toULongLong();
    if (partner == 0) {
        Q_EMIT message(m_model->index(row, StanzaLogModel::AnswerColumn).data().toString().isEmpty()
                           ? tr("This stanza is not part of a request and its answer")
                           : tr("No answer to pair with yet"));
        return;
    }
    const int partnerRow = m_model->rowForSequence(partner);
    if (partnerRow < 0) {
        Q_EMIT message(
            tr("#%1 is no longer in the log (cleared, or dropped by its size limit)").arg(partner));
        return;
    }
    const QModelIndex shown = m_filter->mapFromSource(m_model->index(partnerRow, 0));
    if (!shown.isValid()) {
        Q_EMIT message(tr("#%1 is hidden by the filters").arg(partner));
        return;
    }
    m_table->selectionModel()->setCurrentIndex(shown, QItemSelectionModel::ClearAndSelect |
                                                          QItemSelectionModel::Rows);
    m_table->scrollTo(shown, QAbstractItemView::EnsureVisible);
}

QString ExchangeActions::partnerDetail(int sourceRow) const
{
    if (!m_model || sourceRow < 0)
        return {};
    const quint64 partner =
        m_model->index(sourceRow, 0).data(StanzaLogModel::PartnerSequenceRole).toULongLong();
    const int partnerRow = partner ? m_model->rowForSequence(partner) : -1;
    if (partnerRow < 0)
        return {};
    const Stanza stanza = m_model->stanzaAt(partnerRow);
    const QString what = isRequest(stanza) ? tr("Its request, #%1") : tr("Its answer, #%1");
    const XmlElement element = stanza.element();
    return what.arg(partner) + u" — "_s +
           m_model->index(sourceRow, StanzaLogModel::AnswerColumn).data().toString() + u"\n"_s +
           (element.isNull() ? QString::fromUtf8(stanza.wire()) : element.toXml(true));
}

} // namespace xcm
