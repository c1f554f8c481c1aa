// SPDX-License-Identifier: GPL-3.0-or-later
#include "stanzaeditor.h"

#include "displaytext.h"
#include "elidedlabel.h"
#include "statestyle.h"
#include "uilogging.h"

#include <QApplication>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QMimeData>
#include <QScrollBar>
#include <QTextCursor>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace xcm {

namespace {
// Short display lines keep the preview's layout cheap (see DisplayText).
constexpr qsizetype previewLineLength = 400;
} // namespace

StanzaEditor::StanzaEditor(QWidget *parent)
    : QPlainTextEdit(parent)
{
    connect(this, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_updating)
            Q_EMIT stanzaTextChanged();
    });

    m_bar = new QWidget(this);
    m_bar->setObjectName("largeStanzaBar"_L1);
    m_bar->setAutoFillBackground(true);
    m_bar->setBackgroundRole(QPalette::ToolTipBase);
    m_bar->setForegroundRole(QPalette::ToolTipText);
    m_bar->setFont(QApplication::font()); // not the editor's fixed-width one
    m_barText = new ElidedLabel(m_bar);
    m_barText->setForegroundRole(QPalette::ToolTipText);
    m_barText->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_editInFull = new QToolButton(m_bar);
    m_editInFull->setObjectName("editInFullButton"_L1);
    m_editInFull->setText(tr("Edit in Full"));
    m_editInFull->setToolTip(tr("Put the whole text in the editor. A line this long makes the editor slow: "
                                "expect pauses while typing."));
    connect(m_editInFull, &QToolButton::clicked, this, &StanzaEditor::editInFull);
    m_undo = new QToolButton(m_bar);
    m_undo->setObjectName("undoHoldButton"_L1);
    m_undo->setText(tr("Undo"));
    m_undo->setToolTip(tr("Back to the text before the large stanza (Ctrl+Z)"));
    connect(m_undo, &QToolButton::clicked, this, &StanzaEditor::undoHold);
    auto *layout = new QHBoxLayout(m_bar);
    layout->setContentsMargins(8, 3, 4, 3);
    layout->addWidget(m_barText, 1);
    layout->addWidget(m_editInFull);
    layout->addWidget(m_undo);
    m_bar->hide();
    // The scroll bar comes and goes with the preview's length; the bar leaves room for it.
    connect(verticalScrollBar(), &QScrollBar::rangeChanged, this, &StanzaEditor::placeBar);
}

StanzaEditor::~StanzaEditor() = default;

QString StanzaEditor::stanzaText() const
{
    return m_held ? m_heldText : toPlainText();
}

void StanzaEditor::setStanzaText(const QString &text)
{
    if (text.size() > largeTextThreshold) {
        hold(text);
        return;
    }
    if (m_held) {
        release(text);
        return;
    }
    // Through the cursor, so that the change can be undone.
    QTextCursor cursor(document());
    cursor.select(QTextCursor::Document);
    cursor.insertText(text);
}

void StanzaEditor::insertFromMimeData(const QMimeData *source)
{
    if (m_held || !source->hasText()) {
        if (!m_held)
            QPlainTextEdit::insertFromMimeData(source);
        return;
    }
    const QString pasted = source->text();
    const QTextCursor cursor = textCursor();
    const qsizetype resulting =
        document()->characterCount() - 1 - (cursor.selectionEnd() - cursor.selectionStart()) + pasted.size();
    if (resulting <= largeTextThreshold) {
        QPlainTextEdit::insertFromMimeData(source);
        return;
    }
    QString text = toPlainText();
    text.replace(cursor.selectionStart(), cursor.selectionEnd() - cursor.selectionStart(), pasted);
    qCInfo(lcUi) << "compose: holding a pasted stanza of" << text.size() << "characters";
    hold(text);
}

void StanzaEditor::keyPressEvent(QKeyEvent *event)
{
    if (m_held && event->matches(QKeySequence::Undo)) {
        undoHold();
        return;
    }
    QPlainTextEdit::keyPressEvent(event);
}

void StanzaEditor::hold(const QString &text)
{
    if (!m_held)
        m_beforeHold = toPlainText();
    m_held = true;
    m_heldText = text;
    m_updating = true;
    qsizetype column = 0;
    QString preview = DisplayText::breakLongLines(
        QStringView(text).first(std::min(previewLength, text.size())), previewLineLength, &column);
    preview += u"\n…"_s;
    setPlainText(preview);
    setReadOnly(true);
    m_updating = false;
    m_barText->setText(tr("Large stanza (%1), kept exactly as given: showing its start, read-only")
                           .arg(formatBytes(quint64(text.toUtf8().size()))));
    m_bar->show();
    placeBar();
    Q_EMIT stanzaTextChanged();
}

void StanzaEditor::release(const QString &text)
{
    m_held = false;
    m_heldText.clear();
    m_bar->hide();
    setViewportMargins(0, 0, 0, 0);
    setReadOnly(false);
    m_updating = true;
    setPlainText(text);
    m_updating = false;
    Q_EMIT stanzaTextChanged();
}

void StanzaEditor::editInFull()
{
    if (!m_held)
        return;
    qCInfo(lcUi) << "compose: editing a held stanza of" << m_heldText.size() << "characters in full";
    const QString text = m_heldText;
    release(text);
}

void StanzaEditor::undoHold()
{
    if (!m_held)
        return;
    const QString before = m_beforeHold;
    m_beforeHold.clear();
    release(before);
}

void StanzaEditor::placeBar()
{
    if (!m_held)
        return;
    const int height = m_bar->sizeHint().height();
    setViewportMargins(0, height, 0, 0);
    // Above the viewport only: the vertical scroll bar keeps its own column.
    const int frame = frameWidth();
    const int scrollBar = verticalScrollBar()->isVisibleTo(this) ? verticalScrollBar()->width() : 0;
    m_bar->setGeometry(frame, frame, width() - 2 * frame - scrollBar, height);
}

void StanzaEditor::resizeEvent(QResizeEvent *event)
{
    QPlainTextEdit::resizeEvent(event);
    placeBar();
}

} // namespace xcm
