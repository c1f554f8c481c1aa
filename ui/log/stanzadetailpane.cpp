// SPDX-License-Identifier: GPL-3.0-or-later
#include "stanzadetailpane.h"

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
#include <QSplitter>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace xcm {

namespace {

QString prettyXml(const Stanza &stanza)
{
    const QByteArray &wire = stanza.wire();
    if (!wire.startsWith("<?") && !wire.startsWith("</")) {
        const XmlElement element = stanza.element();
        if (!element.isNull())
            return element.toXml(true, 2);
    }
    // The stream header is only a start tag: show it as it was, the declaration on its own line.
    QString raw = QString::fromUtf8(wire);
    raw.replace(u"?><"_s, u"?>\n<"_s);
    return raw;
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
    m_text->clear();
    m_header->setText(tr("Select a stanza to see it here."));
    m_copyAction->setEnabled(false);
    setCollapsed(true);
}

QString StanzaDetailPane::text() const
{
    return m_text->toPlainText();
}

void StanzaDetailPane::showText()
{
    if (m_stanza.isNull())
        return;
    QString text = m_rawAction->isChecked() ? QString::fromUtf8(m_stanza.wire()) : prettyXml(m_stanza);
    if (!m_appendix.isEmpty())
        text += u"\n\n"_s + m_appendix;
    m_text->setPlainText(text);
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
