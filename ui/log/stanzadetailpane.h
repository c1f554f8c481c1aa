// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "stanza.h"

#include <QFutureWatcher>
#include <QWidget>

class QAction;
class QLabel;
class QPlainTextEdit;
class QTimer;
class QToolButton;

namespace xcm {

class XmlHighlighter;

// Below the stanza log's list: the selected stanza as indented, highlighted XML (or raw, as it was on
// the wire), under a line with its number, direction, time and size, with Raw and Copy.
//
// A large stanza (up to the 512 KiB limit) never holds the window: the pane shows its first lines and
// "Show All (480 KB)", which loads the rest a chunk per event-loop turn; long lines are broken for the
// eye (DisplayText), and Copy copies the text unbroken and whole.
//
// With nothing to show it folds to that one line, and gives the room to the widget above it in its
// QSplitter; it opens again at the height it had (the user may have dragged it), or a third. It starts
// open and empty: call showNothing() once it is in the splitter, which then gives it that line.
class StanzaDetailPane : public QWidget
{
    Q_OBJECT
public:
    explicit StanzaDetailPane(QWidget *parent = nullptr);
    ~StanzaDetailPane() override;

    // Shows `stanza`, the log's row `sequence`, with `appendix` (its request or answer) below it.
    void showStanza(quint64 sequence, const Stanza &stanza, const QString &appendix = {});
    void showNothing();
    // The sequence of the stanza shown; 0 when none.
    quint64 sequence() const { return m_sequence; }
    // As shown (indented or raw), whole and without the breaks added for display.
    QString text() const;
    // Whether all of it is in the pane (not only the first part, nor "Indenting…").
    bool isShowingAll() const { return !m_indenting && m_shownLength >= m_fullText.size(); }

    // Characters shown at first; "Show All" loads the rest in chunks of this size too.
    static constexpr qsizetype chunkLength = 32 * 1024;
    // Longest line in the pane: longer ones are broken for display.
    static constexpr qsizetype maxLineLength = 400;

public Q_SLOTS:
    void showAll();

protected:
    void changeEvent(QEvent *event) override;

private:
    void showText();
    void setFullText(const QString &text);
    void onIndented();
    void appendChunk();
    void updateShowAllButton();
    void setCollapsed(bool collapsed);
    void applyPalette();

    QLabel *m_header = nullptr;
    QToolButton *m_rawButton = nullptr;
    QToolButton *m_copyButton = nullptr;
    QToolButton *m_showAllButton = nullptr;
    QTimer *m_chunkTimer = nullptr;
    QFutureWatcher<QString> *m_indentWatcher = nullptr;
    bool m_indenting = false; // a large stanza is being indented off the UI thread
    QPlainTextEdit *m_text = nullptr;
    XmlHighlighter *m_highlighter = nullptr;
    QAction *m_rawAction = nullptr;
    QAction *m_copyAction = nullptr;
    Stanza m_stanza;
    QString m_appendix;
    QString m_fullText;          // what text() returns
    qsizetype m_shownLength = 0; // of m_fullText, in the pane
    qsizetype m_lineLength = 0;  // of the pane's last line, for the next chunk
    quint64 m_sequence = 0;
    bool m_collapsed = false;
    int m_openHeight = 0; // when it was last open
};

} // namespace xcm
