// SPDX-License-Identifier: GPL-3.0-or-later
#include "historypane.h"

#include "composehistory.h"
#include "historyview.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace xcm {

HistoryPane::HistoryPane(ComposeHistory *history, std::function<bool()> canResend, QWidget *parent)
    : QWidget(parent)
    , m_history(history)
    , m_canResend(std::move(canResend))
{
    m_view = new HistoryView(history, this);
    m_view->setObjectName("history"_L1);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QListView::doubleClicked, this,
            [this](const QModelIndex &index) { Q_EMIT editRequested(index.row()); });
    connect(m_view, &QListView::customContextMenuRequested, this, &HistoryPane::showContextMenu);

    m_edit = new QPushButton(tr("&Edit"), this);
    m_edit->setObjectName("loadHistory"_L1);
    m_edit->setToolTip(tr("Put the selected stanza in the editor"));
    m_resend = new QPushButton(tr("&Resend"), this);
    m_resend->setObjectName("resendHistory"_L1);
    m_resend->setToolTip(tr("Send the selected stanza again as it was (a request gets a fresh id)"));
    connect(m_edit, &QPushButton::clicked, this,
            [this] { Q_EMIT editRequested(m_view->currentIndex().row()); });
    connect(m_resend, &QPushButton::clicked, this,
            [this] { Q_EMIT resendRequested(m_view->currentIndex().row()); });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &HistoryPane::updateButtons);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *title = new QLabel(tr("&History"), this);
    title->setBuddy(m_view);
    layout->addWidget(title);
    layout->addWidget(m_view, 1);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_edit);
    buttons->addWidget(m_resend);
    layout->addLayout(buttons);
    // Never narrower than its two buttons, whose labels are longer in German than in English.
    setMinimumWidth(std::max(140, buttons->minimumSize().width()));
    updateButtons();
}

HistoryPane::~HistoryPane() = default;

void HistoryPane::selectNewest()
{
    m_view->setCurrentIndex(m_view->model()->index(0, 0));
}

void HistoryPane::updateButtons()
{
    const bool selected = m_view->currentIndex().isValid();
    m_edit->setEnabled(selected);
    m_resend->setEnabled(selected && m_canResend());
}

void HistoryPane::showContextMenu(const QPoint &position)
{
    const QModelIndex index = m_view->indexAt(position);
    if (!index.isValid())
        return;
    const int row = index.row();
    QMenu menu(this);
    menu.addAction(tr("&Edit in the Editor"), this, [this, row] { Q_EMIT editRequested(row); });
    QAction *resend = menu.addAction(tr("&Resend"), this, [this, row] { Q_EMIT resendRequested(row); });
    resend->setEnabled(m_canResend());
    menu.addSeparator();
    menu.addAction(tr("Re&move from History"), this, [this, row] { m_history->removeEntry(row); });
    menu.exec(m_view->viewport()->mapToGlobal(position));
}

} // namespace xcm
