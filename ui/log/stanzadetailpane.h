// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "stanza.h"

#include <QWidget>

class QAction;
class QLabel;
class QPlainTextEdit;
class QToolButton;

namespace xcm {

class XmlHighlighter;

// Below the stanza log's list: the selected stanza as indented, highlighted XML (or raw, as it was on
// the wire), under a line with its number, direction, time and size, with Raw and Copy.
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
    // As shown: indented or raw.
    QString text() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void showText();
    void setCollapsed(bool collapsed);
    void applyPalette();

    QLabel *m_header = nullptr;
    QToolButton *m_rawButton = nullptr;
    QToolButton *m_copyButton = nullptr;
    QPlainTextEdit *m_text = nullptr;
    XmlHighlighter *m_highlighter = nullptr;
    QAction *m_rawAction = nullptr;
    QAction *m_copyAction = nullptr;
    Stanza m_stanza;
    QString m_appendix;
    quint64 m_sequence = 0;
    bool m_collapsed = false;
    int m_openHeight = 0; // when it was last open
};

} // namespace xcm
