// SPDX-License-Identifier: GPL-3.0-or-later
#include "savedlogwindow.h"

#include "plaintooltip.h"
#include "requesttracker.h"
#include "savedlogloader.h"
#include "standardkeys.h"
#include "stanzalogmodel.h"
#include "stanzalogview.h"

#include <QFileInfo>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QProgressBar>
#include <QPushButton>
#include <QShortcut>
#include <QStatusBar>

using namespace Qt::StringLiterals;

namespace xcm {

SavedLogWindow::SavedLogWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_model(new StanzaLogModel(this))
{
    setObjectName("savedLogWindow"_L1);
    setAttribute(Qt::WA_DeleteOnClose);
    // Requests paired with their answers as in a live session, on the times the file recorded.
    auto *requests = new RequestTracker(this);
    requests->setRecordedTimes(true);
    m_model->setRequestTracker(requests);
    m_view = new StanzaLogView(StanzaLogView::Source::SavedFile, this);
    m_view->setObjectName("savedLog"_L1);
    m_view->setModel(m_model);
    m_view->setFollowing(false); // read from the top, as a file is
    setCentralWidget(m_view);

    m_status = new QLabel(this);
    m_status->setObjectName("savedLogStatus"_L1);
    m_status->setTextFormat(Qt::PlainText); // it names the file
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 1000);
    m_progress->setMaximumWidth(200);
    m_progress->setTextVisible(false);
    m_cancel = new QPushButton(tr("Stop Reading"), this);
    m_cancel->setObjectName("stopReadingButton"_L1);
    m_cancel->setToolTip(tr("Keep what was read so far (Esc)"));
    statusBar()->addWidget(m_status, 1);
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->addPermanentWidget(m_cancel);
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *close = file->addAction(tr("&Close"), this, &QWidget::close);
    close->setShortcuts(standardKeysAnd(QKeySequence::Close, QKeySequence(Qt::CTRL | Qt::Key_W)));
    close->setObjectName("closeSavedLogAction"_L1);
    QAction *quit = file->addAction(tr("&Quit"), this, &SavedLogWindow::quitRequested);
    quit->setShortcuts(standardKeysAnd(QKeySequence::Quit, QKeySequence(Qt::CTRL | Qt::Key_Q)));
    quit->setObjectName("quitAction"_L1);
    quit->setMenuRole(QAction::QuitRole);
    QMenu *log = menuBar()->addMenu(tr("&Log"));
    log->addActions(m_view->menuActions());

    auto *escape = new QShortcut(QKeySequence(Qt::Key_Escape), this);
    escape->setContext(Qt::WindowShortcut);
    connect(escape, &QShortcut::activated, this, [this] {
        if (isLoading())
            m_loader->cancel();
    });
    resize(1100, 700);
}

SavedLogWindow::~SavedLogWindow()
{
    delete m_loader; // stops its thread before the log it feeds goes
}

bool SavedLogWindow::open(const QString &path, QString *error)
{
    m_path = path;
    setWindowTitle(tr("%1 — saved log, read-only — xcm").arg(QFileInfo(path).fileName()));
    setWindowFilePath(path);
    m_loader = new SavedLogLoader(m_model, this);
    connect(m_loader, &SavedLogLoader::progress, this, &SavedLogWindow::updateStatus);
    connect(m_loader, &SavedLogLoader::finished, this, [this] {
        updateStatus();
        Q_EMIT loaded();
    });
    connect(m_cancel, &QPushButton::clicked, m_loader, &SavedLogLoader::cancel);
    if (!m_loader->start(path, error))
        return false;
    updateStatus();
    return true;
}

QString SavedLogWindow::notASavedLog() const
{
    if (!m_loader || isLoading() || m_loader->wasCancelled() || m_loader->stanzasRead() > 0 ||
        m_loader->problems().isEmpty())
        return {};
    const QStringList &problems = m_loader->problems();
    QString why =
        tr("%1 holds no stanza xcm can read: %2.").arg(QFileInfo(m_path).fileName(), problems.first());
    // The reader lists at most 100 problems, then says there are more.
    if (problems.size() > 100)
        why += u' ' + tr("(More than 100 lines could not be read.)");
    else if (problems.size() > 1)
        why += u' ' + tr("(%1 lines could not be read.)").arg(QLocale().toString(problems.size()));
    return why;
}

bool SavedLogWindow::isLoading() const
{
    return m_loader && m_loader->isRunning();
}

QString SavedLogWindow::statusText() const
{
    return m_status->text();
}

void SavedLogWindow::updateStatus()
{
    const QLocale locale;
    const bool loading = isLoading();
    m_progress->setVisible(loading);
    m_cancel->setVisible(loading);
    if (loading) {
        const qint64 total = qMax<qint64>(1, m_loader->totalBytes());
        m_progress->setValue(int(m_loader->bytesRead() * 1000 / total));
        m_status->setText(tr("Reading %1… %2 % · %3 stanzas")
                              .arg(QFileInfo(m_path).fileName(),
                                   locale.toString(m_loader->bytesRead() * 100 / total),
                                   locale.toString(m_loader->stanzasRead())));
        return;
    }
    // The count is the log view's own status line: this one says how the reading went.
    const QString read = locale.toString(m_loader->stanzasRead());
    const QStringList &problems = m_loader->problems();
    QString text = problems.isEmpty() ? tr("Read in full") : tr("%1 stanzas read").arg(read);
    if (m_loader->wasCancelled())
        text = tr("%1 stanzas read, then stopped (Esc)").arg(read);
    else if (m_model->droppedCount() > 0) // the log keeps the newest rows within its cap: say so
        text = tr("%1 stanzas read · showing the newest %2").arg(read, locale.toString(m_model->rowCount()));
    if (!problems.isEmpty())
        text +=
            u" · "_s +
            (problems.size() == 1
                 ? tr("1 line could not be read (hover for it)")
                 : tr("%1 lines could not be read (hover for which)").arg(locale.toString(problems.size())));
    m_status->setText(text);
    m_status->setToolTip(PlainToolTip::of(problems.join(u'\n'))); // they quote the file
}

} // namespace xcm
