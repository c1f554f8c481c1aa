// SPDX-License-Identifier: GPL-3.0-or-later
#include "elidedlabel.h"

#include "plaintooltip.h"

#include <QClipboard>
#include <QContextMenuEvent>
#include <QGuiApplication>
#include <QMenu>
#include <QPainter>

using namespace Qt::StringLiterals;

namespace xcm {

ElidedLabel::ElidedLabel(QWidget *parent)
    : QLabel(parent)
{
    setTextFormat(Qt::PlainText);
    setWordWrap(false);
    setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
}

void ElidedLabel::setText(const QString &text)
{
    if (text == this->text())
        return;
    QLabel::setText(text);
    setToolTip(PlainToolTip::of(text)); // the label is plain text; so is its tooltip
    updateGeometry();
    update();
}

QString ElidedLabel::oneLine() const
{
    return text().trimmed().replace(u'\n', u" · "_s);
}

QString ElidedLabel::shownText() const
{
    const QString line = oneLine();
    const int room = contentsRect().width();
    // elidedText() rounds its own way: a text exactly as wide as the room (the label at its size hint)
    // came back elided.
    if (fontMetrics().horizontalAdvance(line) <= room)
        return line;
    return fontMetrics().elidedText(line, m_elideMode, room);
}

void ElidedLabel::setElideMode(Qt::TextElideMode mode)
{
    m_elideMode = mode;
    update();
}

void ElidedLabel::setWholeUpTo(int width)
{
    m_wholeUpTo = width;
    updateGeometry();
}

QSize ElidedLabel::sizeHint() const
{
    return QSize(fontMetrics().horizontalAdvance(oneLine()), fontMetrics().height()) +
           QSize(frameWidth() * 2, frameWidth() * 2);
}

QSize ElidedLabel::minimumSizeHint() const
{
    const QSize hint = sizeHint();
    return {qMin(hint.width(), m_wholeUpTo), hint.height()};
}

void ElidedLabel::paintEvent(QPaintEvent *event)
{
    QFrame::paintEvent(event); // the frame only: the text is drawn here, on one line
    QPainter painter(this);
    painter.setPen(palette().color(foregroundRole()));
    painter.drawText(contentsRect(), int(alignment()) | Qt::TextSingleLine, shownText());
}

void ElidedLabel::contextMenuEvent(QContextMenuEvent *event)
{
    if (text().trimmed().isEmpty()) {
        QLabel::contextMenuEvent(event);
        return;
    }
    QMenu menu(this);
    QAction *copy = menu.addAction(QIcon::fromTheme(u"edit-copy"_s), tr("&Copy Text"));
    copy->setObjectName(u"copyText"_s);
    connect(copy, &QAction::triggered, this,
            [this] { QGuiApplication::clipboard()->setText(text().trimmed()); });
    menu.exec(event->globalPos());
}

} // namespace xcm
