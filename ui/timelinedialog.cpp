// SPDX-License-Identifier: GPL-3.0-or-later
#include "timelinedialog.h"

#include "connectiontimeline.h"
#include "plaintextmessagebox.h"
#include "plaintooltipdelegate.h"
#include "statestyle.h"
#include "uilogging.h"
#include "userfiledialogs.h"

#include <QAction>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFile>
#include <QGuiApplication>
#include <QHeaderView>
#include <QIdentityProxyModel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace xcm {

namespace {

// Problems (an error disconnect, a refused component) in the palette's error colour.
class ProblemColoring : public QIdentityProxyModel
{
public:
    using QIdentityProxyModel::QIdentityProxyModel;
    QVariant data(const QModelIndex &index, int role) const override
    {
        if (role == Qt::ForegroundRole && QIdentityProxyModel::data(index, Qt::UserRole).toBool())
            return errorTextColor(QGuiApplication::palette());
        return QIdentityProxyModel::data(index, role);
    }
};

} // namespace

TimelineDialog::TimelineDialog(ConnectionTimeline *timeline, const QString &profileName, QWidget *parent)
    : QDialog(parent)
    , m_timeline(timeline)
{
    setObjectName("timelineDialog"_L1);
    setWindowTitle(tr("Connection Timeline — %1").arg(profileName));
    resize(860, 420);

    auto *coloring = new ProblemColoring(this);
    coloring->setSourceModel(timeline);
    m_view = new QTableView(this);
    m_view->setObjectName("timelineView"_L1);
    m_view->setModel(coloring);
    m_view->setItemDelegate(new PlainToolTipDelegate(m_view)); // details quote what the server said
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_view->horizontalHeader()->setStretchLastSection(false);
    m_view->horizontalHeader()->setSectionResizeMode(ConnectionTimeline::DetailColumn, QHeaderView::Stretch);
    m_view->setColumnWidth(ConnectionTimeline::TimeColumn,
                           m_view->fontMetrics().horizontalAdvance(u"8888-88-88 88:88:88.888"_s) + 16);
    // The short columns as wide as their words in this language (at most 500 rows to measure), so
    // that the details (a stream id, a reason) get the rest.
    for (const int column : {ConnectionTimeline::AttemptColumn, ConnectionTimeline::EventColumn,
                             ConnectionTimeline::DurationColumn})
        m_view->horizontalHeader()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    m_view->scrollToBottom();
    // New rows come at the bottom, where the latest attempt is.
    connect(timeline, &QAbstractItemModel::rowsInserted, m_view, &QTableView::scrollToBottom);

    auto *copy = new QAction(tr("&Copy"), this);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(copy, &QAction::triggered, this, &TimelineDialog::copySelection);
    m_view->addAction(copy);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *copyButton = buttons->addButton(tr("Copy"), QDialogButtonBox::ActionRole);
    copyButton->setObjectName("timelineCopy"_L1);
    copyButton->setToolTip(tr("Copy the selected rows, or all of them, as text (Ctrl+C)"));
    connect(copyButton, &QPushButton::clicked, this, &TimelineDialog::copySelection);
    QPushButton *exportButton = buttons->addButton(tr("Export…"), QDialogButtonBox::ActionRole);
    exportButton->setObjectName("timelineExport"_L1);
    exportButton->setToolTip(tr("Save the whole timeline as CSV or text"));
    connect(exportButton, &QPushButton::clicked, this, &TimelineDialog::exportToFile);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_view, 1);
    layout->addWidget(buttons);
}

TimelineDialog::~TimelineDialog() = default;

QString TimelineDialog::selectedText() const
{
    QList<int> rows;
    const QModelIndexList selected = m_view->selectionModel()->selectedRows();
    for (const QModelIndex &index : selected)
        rows.append(index.row());
    std::sort(rows.begin(), rows.end());
    return m_timeline->toText(rows.isEmpty() ? m_timeline->allRows() : rows);
}

void TimelineDialog::copySelection()
{
    QGuiApplication::clipboard()->setText(selectedText());
}

void TimelineDialog::exportToFile()
{
    QString selectedFilter;
    const QString csvFilter = tr("CSV (*.csv)");
    const QString textFilter = tr("Text (*.txt)");
    const QString path = UserFileDialogs::saveFileName(this, tr("Export Timeline"), u"timeline.csv"_s,
                                                       csvFilter + u";;"_s + textFilter, &selectedFilter);
    if (path.isEmpty())
        return;
    const bool csv = selectedFilter != textFilter && !path.endsWith(u".txt"_s, Qt::CaseInsensitive);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Text) ||
        file.write((csv ? m_timeline->toCsv() : m_timeline->toText(m_timeline->allRows())).toUtf8()) < 0) {
        qCInfo(lcUi) << "timeline export failed:" << path << file.errorString();
        PlainTextMessageBox(QMessageBox::Warning, tr("Export Timeline"),
                            tr("Could not write %1: %2").arg(path, file.errorString()), QMessageBox::Ok, this)
            .exec();
    }
}

} // namespace xcm
