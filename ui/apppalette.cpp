// SPDX-License-Identifier: GPL-3.0-or-later
#include "apppalette.h"

#include <QApplication>
#include <QPainter>
#include <QPalette>
#include <QPen>
#include <QProxyStyle>
#include <QStyle>
#include <QStyleFactory>
#include <QStyleOption>

namespace xcm {

namespace {

QPalette darkPalette()
{
    const QColor window(0x2b, 0x2d, 0x31);
    const QColor base(0x1e, 0x1f, 0x22);
    const QColor alternate(0x25, 0x27, 0x2b);
    const QColor text(0xe6, 0xe7, 0xea);
    const QColor disabledText(0x80, 0x84, 0x8c);
    const QColor highlight(0x2f, 0x6f, 0xd0);
    QPalette p;
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, alternate);
    p.setColor(QPalette::ToolTipBase, QColor(0x3a, 0x3d, 0x42));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9e, 0xa6));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x35, 0x38, 0x3d));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(0xff, 0x6b, 0x6b));
    p.setColor(QPalette::Light, QColor(0x45, 0x48, 0x4e));
    p.setColor(QPalette::Midlight, QColor(0x3a, 0x3d, 0x42));
    p.setColor(QPalette::Mid, QColor(0x24, 0x26, 0x29));
    p.setColor(QPalette::Dark, QColor(0x1a, 0x1b, 0x1e));
    p.setColor(QPalette::Shadow, QColor(0x10, 0x10, 0x12));
    p.setColor(QPalette::Highlight, highlight);
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x6c, 0xa8, 0xff));
    p.setColor(QPalette::LinkVisited, QColor(0xb0, 0x8c, 0xff));
    for (const QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabledText);
    p.setColor(QPalette::Disabled, QPalette::Highlight, QColor(0x45, 0x48, 0x4e));
    return p;
}

// Fusion outlines check boxes and radio buttons in the window colour darkened, which on a dark window is
// all but invisible: the squares and circles get the placeholder text's grey instead, as visible as the
// text beside them.
class VisibleCheckBoxStyle : public QProxyStyle
{
public:
    using QProxyStyle::QProxyStyle;

    void drawPrimitive(PrimitiveElement element, const QStyleOption *option, QPainter *painter,
                       const QWidget *widget) const override
    {
        QProxyStyle::drawPrimitive(element, option, painter, widget);
        if ((element != PE_IndicatorCheckBox && element != PE_IndicatorRadioButton) ||
            !(option->state & State_Enabled))
            return;
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing, true);
        painter->setBrush(Qt::NoBrush);
        painter->setPen(QPen(option->palette.color(QPalette::PlaceholderText), 1.0));
        if (element == PE_IndicatorCheckBox) {
            painter->translate(0.5, 0.5); // as Fusion draws the square, so the outline covers its own
            painter->drawRect(option->rect.adjusted(0, 0, -1, -1));
        } else {
            painter->drawEllipse(QRectF(option->rect).adjusted(1.5, 1.5, -1.5, -1.5));
        }
        painter->restore();
    }
};

} // namespace

bool applyPalette(QApplication &app, const QString &name)
{
    if (name.isEmpty() || name == u"system")
        return true;
    if (name != u"light" && name != u"dark")
        return false;
    QStyle *fusion = QStyleFactory::create(QStringLiteral("Fusion"));
    app.setStyle(name == u"dark" ? new VisibleCheckBoxStyle(fusion) : fusion);
    app.setPalette(name == u"dark" ? darkPalette() : app.style()->standardPalette());
    return true;
}

} // namespace xcm
