// SPDX-License-Identifier: GPL-3.0-or-later
#include "stanzadetailpane.h"

#include "bidicontrols.h"
#include "displaytext.h"
#include "logcolors.h"
#include "logcontrols.h"
#include "xmlelement.h"
#include "xmlhighlighter.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDateTime>
#include <QEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QSplitter>
#include <QtConcurrent/QtConcurrentRun>
#include <QTextCursor>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace xcm {

namespace {

// Indenting a stanza of 20,000 elements takes longer than a frame (~80 ms with its parse): from this
// size on it is done off the UI thread, and the pane says so meanwhile.
constexpr qsizetype indentInBackgroundFrom = 64 * 1024;

QString indentedXml(const QByteArray &wire, const XmlElement &element)
{
    if (!wire.startsWith("<?") && !wire.startsWith("</") && !element.isNull())
        return element.toXml(true, 2);
    // The stream header is only a start tag: show it as it was, the declaration on its own line.
    QString raw = QString::fromUtf8(wire);
    raw.replace(u"?><"_s, u"?>\n<"_s);
    return raw;
}

// For a worker thread: parses its own copy (a Stanza's parsed tree is cached, and not for sharing
// across threads).
QString indentInBackground(const QByteArray &wire, const QString &namespaceUri)
{
    return indentedXml(wire, XmlElement::parse(wire, nullptr, namespaceUri));
}

} // namespace

StanzaDetailPane::StanzaDetailPane(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(u"detailPane"_s);
    m_rawAction = LogControls::action(
        this, tr("Raw"), tr("Raw"), tr("Show the exact bytes on the wire instead of indented XML"), {}, true);
    connect(m_rawAction, &QAction::toggled, this, &StanzaDetailPane::showText);
    m_copyAction = LogControls::action(this, tr("Copy"), tr("Copy"), tr("Copy the stanza as shown"));
    connect(m_copyAction, &QAction::triggered, this, [this] { QApplication::clipboard()->setText(text()); });
    m_indentWatcher = new QFutureWatcher<QString>(this);
    connect(m_indentWatcher, &QFutureWatcher<QString>::finished, this, &StanzaDetailPane::onIndented);
    m_chunkTimer = new QTimer(this);
    m_chunkTimer->setInterval(0); // one chunk per event-loop turn: input and painting go on between
    connect(m_chunkTimer, &QTimer::timeout, this, &StanzaDetailPane::appendChunk);

    m_header = new QLabel;
    m_header->setObjectName(u"detailHeader"_s);
    m_header->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_text = new QPlainTextEdit;
    m_text->setObjectName(u"detailText"_s);
    m_text->setReadOnly(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_text->setUndoRedoEnabled(false);
    m_highlighter = new XmlHighlighter(m_text->document());

    auto *header = new QHBoxLayout;
    header->setContentsMargins(4, 0, 4, 0);
    header->addWidget(m_header, 1);
    m_rawButton = LogControls::toolButton(m_rawAction);
    m_rawButton->setObjectName(u"rawButton"_s);
    header->addWidget(m_rawButton);
    m_copyButton = LogControls::toolButton(m_copyAction);
    m_copyButton->setObjectName(u"copyButton"_s);
    m_showAllButton = new QToolButton;
    m_showAllButton->setObjectName(u"showAllButton"_s);
    m_showAllButton->setToolTip(tr("Only the first part of this large stanza is shown: load the rest"));
    m_showAllButton->hide();
    connect(m_showAllButton, &QToolButton::clicked, this, &StanzaDetailPane::showAll);
    header->addWidget(m_showAllButton);
    header->addWidget(m_copyButton);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(header);
    layout->addWidget(m_text, 1);

    applyPalette();
}

StanzaDetailPane::~StanzaDetailPane() = default;

void StanzaDetailPane::showStanza(quint64 sequence, const Stanza &stanza, const QString &appendix)
{
    setCollapsed(false);
    m_sequence = sequence;
    m_stanza = stanza;
    m_appendix = appendix;
    showText();
    const QString when =
        QLocale().toString(QDateTime::fromMSecsSinceEpoch(stanza.timestampMs()), u"yyyy-MM-dd hh:mm:ss.zzz");
    const QString direction = stanza.direction() == Direction::Received ? tr("↓ received") : tr("↑ sent");
    // Plural forms via %n would need an English translation loaded; a stanza is never one byte.
    m_header->setText(
        tr("#%1 · %2 · %3 · %4 bytes")
            .arg(QString::number(sequence), direction, when, QLocale().toString(stanza.wire().size())));
    m_copyAction->setEnabled(true);
}

void StanzaDetailPane::showNothing()
{
    m_sequence = 0;
    m_stanza = {};
    m_appendix.clear();
    m_fullText.clear();
    m_shownLength = 0;
    m_indenting = false;
    m_chunkTimer->stop();
    m_text->clear();
    updateShowAllButton();
    m_header->setText(tr("Select a stanza to see it here."));
    m_copyAction->setEnabled(false);
    setCollapsed(true);
}

QString StanzaDetailPane::text() const
{
    return m_fullText;
}

void StanzaDetailPane::showText()
{
    if (m_stanza.isNull())
        return;
    m_chunkTimer->stop();
    m_indenting = false;
    const QByteArray &wire = m_stanza.wire();
    if (m_rawAction->isChecked()) {
        setFullText(QString::fromUtf8(wire));
    } else if (wire.size() >= indentInBackgroundFrom && !wire.startsWith("<?") && !wire.startsWith("</")) {
        m_indenting = true;
        m_fullText.clear();
        m_shownLength = 0;
        m_text->setPlainText(
            tr("Indenting %1 of XML…")
                .arg(QLocale().formattedDataSize(wire.size(), 0, QLocale::DataSizeIecFormat)));
        m_indentWatcher->setFuture(QtConcurrent::run(indentInBackground, wire, m_stanza.namespaceUri()));
        updateShowAllButton();
    } else {
        setFullText(indentedXml(wire, m_stanza.element()));
    }
}

void StanzaDetailPane::onIndented()
{
    // A later showText() started another indent, or showed something else.
    if (!m_indenting || m_indentWatcher->future().isCanceled())
        return;
    m_indenting = false;
    setFullText(m_indentWatcher->result());
}

void StanzaDetailPane::setFullText(const QString &text)
{
    m_fullText = text;
    if (!m_appendix.isEmpty())
        m_fullText += u"\n\n"_s + m_appendix;
    m_shownLength = qMin(m_fullText.size(), chunkLength);
    m_lineLength = 0;
    m_text->setPlainText(DisplayText::breakLongLines(BidiControls::shown(m_fullText.first(m_shownLength)),
                                                     maxLineLength, &m_lineLength));
    updateShowAllButton();
}

void StanzaDetailPane::showAll()
{
    if (!isShowingAll())
        m_chunkTimer->start();
    updateShowAllButton();
}

void StanzaDetailPane::appendChunk()
{
    const qsizetype length = qMin(chunkLength, m_fullText.size() - m_shownLength);
    const QString chunk = DisplayText::breakLongLines(
        BidiControls::shown(m_fullText.sliced(m_shownLength, length)), maxLineLength, &m_lineLength);
    m_shownLength += length;
    // At the end, without moving the reader's cursor or scroll position.
    QScrollBar *bar = m_text->verticalScrollBar();
    const int scrolled = bar->value();
    QTextCursor end(m_text->document());
    end.movePosition(QTextCursor::End);
    end.insertText(chunk);
    bar->setValue(scrolled);
    if (isShowingAll())
        m_chunkTimer->stop();
    updateShowAllButton();
}

void StanzaDetailPane::updateShowAllButton()
{
    m_showAllButton->setVisible(!m_stanza.isNull() && !m_indenting && !isShowingAll() && !m_collapsed);
    if (m_chunkTimer->isActive()) {
        m_showAllButton->setEnabled(false);
        m_showAllButton->setText(
            tr("Loading… %1%")
                .arg(m_fullText.isEmpty() ? 100 : int(m_shownLength * 100 / m_fullText.size())));
    } else {
        m_showAllButton->setEnabled(true);
        m_showAllButton->setText(
            tr("Show All (%1)")
                .arg(QLocale().formattedDataSize(m_stanza.wire().size(), 0, QLocale::DataSizeIecFormat)));
    }
}

void StanzaDetailPane::setCollapsed(bool collapsed)
{
    if (collapsed == m_collapsed)
        return;
    m_collapsed = collapsed;
    auto *splitter = qobject_cast<QSplitter *>(parentWidget());
    const QList<int> sizes = splitter ? splitter->sizes() : QList<int>();
    const int index = splitter ? splitter->indexOf(this) : -1;
    const int total = index == 1 ? sizes.value(0) + sizes.value(1) : 0; // with the widget above it
    m_text->setVisible(!collapsed);
    m_rawButton->setVisible(!collapsed);
    m_copyButton->setVisible(!collapsed);
    updateShowAllButton();
    if (collapsed) {
        // Nothing to show: one line, and the rows get the room.
        if (splitter && splitter->isVisible() && sizes.value(1) > 0)
            m_openHeight = sizes.value(1);
        const int height = m_header->sizeHint().height() + 4;
        setMaximumHeight(height);
        if (total > 0)
            splitter->setSizes({total - height, height}); // the splitter would leave the room unused
        return;
    }
    setMaximumHeight(QWIDGETSIZE_MAX);
    if (total > 0) {
        // The height it had, or a third.
        const int height = qMin(m_openHeight > 0 ? m_openHeight : total / 3, total * 2 / 3);
        splitter->setSizes({total - height, height});
    }
}

void StanzaDetailPane::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange)
        applyPalette();
}

void StanzaDetailPane::applyPalette()
{
    m_highlighter->setColors(LogColors::forPalette(palette()));
}

} // namespace xcm
