// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "stanza.h"

#include <QObject>
#include <QPointer>

class QAction;
class QTableView;

namespace xcm {

class StanzaLogFilterModel;
class StanzaLogModel;

// The log's actions on request/answer exchanges, beside the view that shows the rows: jump from a
// request to its answer and back (Ctrl+J), and Reply… to a received request (the compose form takes it from
// replyRequested()). Each acts on the table's current row.
class ExchangeActions : public QObject
{
    Q_OBJECT
public:
    ExchangeActions(QTableView *table, StanzaLogFilterModel *filter, QObject *parent);
    ~ExchangeActions() override;

    void setModel(StanzaLogModel *model);

    QAction *goToPartnerAction() const { return m_goToPartner; }
    QAction *replyAction() const { return m_reply; }

    // The answer (or request) of the stanza in `sourceRow`, as a few lines for the detail pane:
    // what it is, then its XML; empty when the row has no partner in the log.
    QString partnerDetail(int sourceRow) const;

Q_SIGNALS:
    // The user wants to answer this received get/set by hand.
    void replyRequested(const xcm::Stanza &request);
    // Something the user should read ("the answer is no longer in the log").
    void message(const QString &text);

private:
    void goToPartner();
    void updateEnabled();
    int currentSourceRow() const;

    QTableView *m_table;
    StanzaLogFilterModel *m_filter;
    QPointer<StanzaLogModel> m_model;
    QAction *m_goToPartner;
    QAction *m_reply;
};

} // namespace xcm
