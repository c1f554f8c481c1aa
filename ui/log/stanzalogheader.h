// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFont>
#include <QHash>
#include <QHeaderView>

#include <functional>

class QFontMetrics;
class QMenu;
class QTimer;

namespace xcm {

// The stanza log's column header: it sizes the columns to the width it has until the user sizes one:
// Time and Dir to their text, Kind, Type and Size to their widest text (never less than their title),
// From, To, Id and Answer to their widest text within bounds, Summary the rest; when the width is short,
// Answer and Id give back first, then From and To. It hides and shows columns from its context menu (one
// always stays), and keeps the layout in QSettings. Set it on a QTableView whose model has
// StanzaLogModel's columns (the log or a proxy of it).
class StanzaLogHeader : public QHeaderView
{
    Q_OBJECT
public:
    explicit StanzaLogHeader(QWidget *parent = nullptr);
    ~StanzaLogHeader() override;

    // Where the layout (widths, hidden columns, fitting) is kept in QSettings, e.g. "log": read now and
    // whenever the header is shown (another log may have changed it), written when the user changes
    // it. Empty, the default: not kept.
    void setSettingsGroup(const QString &group);
    // Whether From, To and Id are sized to the width (Summary taking the rest), as they are until the
    // user resizes a column.
    bool isFittingColumns() const { return m_fitColumns; }
    // Back to columns that follow the width, and kept so.
    void fitColumnsToWidth();
    // Runs `switchModel`, which gives the model another source (a reset that clears the sections), and
    // puts the layout back.
    void keepLayoutAcross(const std::function<void()> &switchModel);

    void setModel(QAbstractItemModel *model) override;

protected:
    bool viewportEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void onSectionResized(int column);
    // Whether the widest text grew.
    bool measureRows(int first, int last);
    int textWidth(const QFontMetrics &metrics, const QString &text);
    // A new or reset model: its newest rows now, or at the show when hidden.
    void measureAll();
    // Rows arrived: measured at once after a quiet spell, else sampled (the newest) by m_measureTimer;
    // while hidden, only counted.
    void onRowsInserted(int first, int last);
    // Not hidden by the page stack or a parent (the window itself may not be shown yet, as in tests).
    bool isShownInWindow() const;
    void fitColumns();
    void saveColumns();
    void restoreColumns();
    void setColumnShown(int column, bool shown);
    int lastShownColumn() const;
    QString title(int column) const;
    void showColumnMenu(const QPoint &position);

    QTimer *m_saveTimer = nullptr;
    QTimer *m_refitTimer = nullptr;   // rows with wider text arrived: fit once for a burst
    QTimer *m_measureTimer = nullptr; // running: rows arriving now are counted, not measured one by one
    int m_unmeasuredRows = 0;
    QHash<int, int> m_contentWidths;  // column → widest text seen in this model, in pixels
    QHash<int, int> m_domainWidths;   // From, To → widest address with its local part elided away
    QHash<QString, int> m_textWidths; // text → its width in m_textWidthsFont, the cells' font
    QFont m_textWidthsFont;
    QMenu *m_columnMenu = nullptr;
    QString m_settingsGroup;
    QMetaObject::Connection m_rowsInserted;
    QMetaObject::Connection m_modelReset;
    QByteArray m_layoutWithoutModel; // kept while the model has no columns
    bool m_fitColumns = true;
    bool m_adjusting = false; // column sizes change by code, not by the user
};

} // namespace xcm
