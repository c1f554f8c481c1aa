// SPDX-License-Identifier: GPL-3.0-or-later
#include "logexportactions.h"

#include "logcontrols.h"
#include "logviewlogging.h"
#include "stanzalogexport.h"
#include "stanzalogexportjob.h"
#include "stanzalogfiltermodel.h"
#include "stanzalogmodel.h"
#include "userfiledialogs.h"

#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QWidget>

using namespace Qt::StringLiterals;

namespace xcm {

LogExportActions::LogExportActions(StanzaLogFilterModel *filter, QWidget *dialogParent)
    : QObject(dialogParent)
    , m_filter(filter)
    , m_dialogParent(dialogParent)
{
    using LogControls::action;
    m_exportAll = action(this, tr("E&xport All…"), tr("Export All…"),
                         tr("Save the whole log as an XML log or JSON Lines (Ctrl+E); the handshake "
                            "digest is never written"),
                         QKeySequence(Qt::CTRL | Qt::Key_E));
    m_exportAll->setObjectName(u"exportAction"_s);
    connect(m_exportAll, &QAction::triggered, this, [this] { exportWithDialog(false); });
    m_exportShown = action(this, tr("Export &Shown…"), tr("Export Shown…"),
                           tr("Save only the stanzas the filters show (Ctrl+Shift+E)"),
                           QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    m_exportShown->setObjectName(u"exportShownAction"_s);
    connect(m_exportShown, &QAction::triggered, this, [this] { exportWithDialog(true); });
}

LogExportActions::~LogExportActions() = default;

void LogExportActions::setModel(StanzaLogModel *model)
{
    m_model = model;
}

bool LogExportActions::exportTo(const QString &path, bool shownOnly)
{
    const QString where = QDir::toNativeSeparators(path);
    const auto refuse = [&](const QString &error) {
        reportFailure(where, error);
        return false;
    };
    if (!m_model)
        return refuse(tr("there is no log"));
    if (m_job)
        return refuse(tr("an export to %1 is still being written").arg(m_jobPath));
    m_model->flush(); // what has arrived belongs in the file
    const QAbstractItemModel *source =
        shownOnly ? static_cast<QAbstractItemModel *>(m_filter) : m_model.data();
    // The rows now; the writing on a pool thread, so that a million rows do not freeze the window.
    auto job = std::make_unique<StanzaLogExportJob>(StanzaLogExport::snapshot(source),
                                                    StanzaLogExport::formatForFileName(path));
    QString error;
    if (!job->start(path, &error))
        return refuse(error);
    const qsizetype rows = job->rows();
    m_jobPath = where;
    m_job = std::move(job);
    Q_EMIT message(tr("Exporting %1 stanzas to %2…").arg(QLocale().toString(rows), where));
    connect(m_job.get(), &StanzaLogExportJob::progressed, this,
            [this, where](qsizetype done, qsizetype total) {
                // One arg() call: a "%1" in the file name must not take the percent.
                Q_EMIT message(tr("Exporting %1 stanzas to %2… %3 %")
                                   .arg(QLocale().toString(total), where,
                                        QString::number(done * 100 / std::max<qsizetype>(total, 1))));
            });
    connect(m_job.get(), &StanzaLogExportJob::finished, this,
            [this, where, rows](bool ok, const QString &why) {
                m_job.release()->deleteLater(); // we are in its signal
                m_jobPath.clear();
                if (!ok) {
                    reportFailure(where, why);
                    return;
                }
                const QString text =
                    rows == 1 ? tr("Exported 1 stanza to %1").arg(where)
                              : tr("Exported %1 stanzas to %2").arg(QLocale().toString(rows), where);
                Q_EMIT message(text);
                Q_EMIT finished(true, text);
            });
    return true;
}

void LogExportActions::reportFailure(const QString &where, const QString &error)
{
    const QString text = tr("Could not export to %1: %2").arg(where, error);
    qCInfo(lcUiLog) << "export to" << where << "failed:" << error;
    Q_EMIT message(text);
    Q_EMIT finished(false, text);
}

void LogExportActions::exportWithDialog(bool shownOnly)
{
    const QStringList filters = nameFilters();
    const QString &xmlFilter = filters.at(0);
    const QString &jsonFilter = filters.at(1);
    QString selectedFilter = xmlFilter;
    QString path = UserFileDialogs::saveFileName(
        m_dialogParent, shownOnly ? tr("Export Shown Stanzas") : tr("Export Stanza Log"), u"stanzas.log"_s,
        xmlFilter + u";;"_s + jsonFilter, &selectedFilter);
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += selectedFilter == jsonFilter ? u".jsonl"_s : u".log"_s;
    exportTo(path, shownOnly);
}

QStringList LogExportActions::nameFilters()
{
    // The XML log has a comment line before each stanza: not an XML document, so no *.xml. It puts each
    // stanza on one line (a line break becomes &#10; or a space, which XML reads the same); JSON Lines
    // keeps the exact bytes. The names say so, since the choice is made here.
    return {tr("XML log, a stanza a line (*.log)"), tr("JSON Lines, the exact bytes (*.jsonl)")};
}

} // namespace xcm
