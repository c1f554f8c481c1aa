// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPlainTextEdit>

class QToolButton;

namespace xcm {

class ElidedLabel;

// The compose form's XML editor. Its text is what is sent, byte for byte, so a long line cannot be
// re-broken for display; and the editor lays out a whole line at a time, so pasting one 500 KB base64
// token froze the window for a third of a second, and every keystroke after it as long again. A stanza
// over `largeTextThreshold` characters is therefore *held*: kept exactly as pasted, shown as a
// read-only preview of its start under a bar that says so, offering Edit in Full (the slow editor, on
// request) and Undo (Ctrl+Z: the text before the paste).
class StanzaEditor : public QPlainTextEdit
{
    Q_OBJECT
public:
    static constexpr qsizetype largeTextThreshold = 64 * 1024;
    static constexpr qsizetype previewLength = 4096;

    explicit StanzaEditor(QWidget *parent = nullptr);
    ~StanzaEditor() override;

    // The stanza's text: the editor's, or the held one.
    QString stanzaText() const;
    // Replaces the text as one undoable step (held when large).
    void setStanzaText(const QString &text);
    bool isHeld() const { return m_held; }
    // Held text into the editor, however slow; Undo back to the text before the hold.
    void editInFull();
    void undoHold();

Q_SIGNALS:
    // stanzaText() changed: typed, pasted, set, or the hold entered or left.
    void stanzaTextChanged();

protected:
    void insertFromMimeData(const QMimeData *source) override;
    void keyPressEvent(QKeyEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void hold(const QString &text);
    void release(const QString &text);
    void placeBar();

    bool m_held = false;
    bool m_updating = false; // the preview is being written: not an edit
    QString m_heldText;
    QString m_beforeHold;
    QWidget *m_bar = nullptr;
    ElidedLabel *m_barText = nullptr;
    QToolButton *m_editInFull = nullptr;
    QToolButton *m_undo = nullptr;
};

} // namespace xcm
