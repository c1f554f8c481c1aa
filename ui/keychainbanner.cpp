// SPDX-License-Identifier: GPL-3.0-or-later
#include "keychainbanner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace xcm {

KeychainBanner::KeychainBanner(QWidget *parent)
    : QFrame(parent)
{
    setObjectName("keychainBanner"_L1);
    setAutoFillBackground(true);
    QPalette palette = this->palette();
    const bool dark = palette.color(QPalette::Window).lightness() < 128;
    palette.setColor(QPalette::Window, dark ? QColor(0x5c, 0x45, 0x10) : QColor(0xff, 0xf3, 0xcd));
    palette.setColor(QPalette::WindowText, dark ? QColor(0xff, 0xe8, 0xa8) : QColor(0x5c, 0x40, 0x00));
    setPalette(palette);
    setFrameShape(QFrame::NoFrame);

    auto *icon = new QLabel(this);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(20, 20));
    m_text = new QLabel(this);
    m_text->setObjectName("keychainBannerText"_L1);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *close = new QToolButton(this);
    close->setAutoRaise(true);
    close->setText(u"✕"_s);
    close->setToolTip(tr("Hide this message"));
    connect(close, &QToolButton::clicked, this, &QWidget::hide);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 6, 6, 6);
    layout->addWidget(icon, 0, Qt::AlignTop);
    layout->addWidget(m_text, 1);
    layout->addWidget(close, 0, Qt::AlignTop);
}

void KeychainBanner::setReason(const QString &reason)
{
    m_text->setText(tr("<b>No keychain is available</b> (%1). Secrets you enter are kept in memory until "
                       "xcm quits and are not saved anywhere: enter them again next time, or start a "
                       "Secret Service (such as GNOME Keyring or KWallet).")
                        .arg(reason.toHtmlEscaped()));
}

QString KeychainBanner::text() const
{
    return m_text->text();
}

} // namespace xcm
