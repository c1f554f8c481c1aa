// SPDX-License-Identifier: GPL-3.0-or-later
#include "keychainbanner.h"

#include "profile.h"
#include "secretstore.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
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
    m_retry = new QPushButton(tr("&Retry"), this);
    m_retry->setObjectName("keychainRetry"_L1);
    m_retry->setToolTip(tr("Ask the keychain again: store the secrets kept in memory, read the ones it "
                           "could not give"));
    connect(m_retry, &QPushButton::clicked, this, &KeychainBanner::retryRequested);
    auto *close = new QToolButton(this);
    close->setAutoRaise(true);
    close->setText(u"✕"_s);
    close->setToolTip(tr("Hide this message"));
    connect(close, &QToolButton::clicked, this, &QWidget::hide);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 6, 6, 6);
    layout->addWidget(icon, 0, Qt::AlignTop);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_retry, 0, Qt::AlignTop);
    layout->addWidget(close, 0, Qt::AlignTop);
}

void KeychainBanner::showProblemsOf(const SecretStore &secrets, const QList<Profile> &profiles)
{
    const QStringList unsavedKeys = secrets.unsavedKeys();
    const QHash<QString, QString> &unreadKeys = secrets.unreadKeys();
    QStringList unsaved;
    QStringList unread;
    for (const Profile &profile : profiles) {
        if (unsavedKeys.contains(profile.secretKey()))
            unsaved.append(profile.name);
        else if (unreadKeys.contains(profile.secretKey()))
            unread.append(profile.name);
    }
    setProblems(secrets.isUnavailable() ? secrets.unavailableReason() : QString(), unsaved, unread);
    setVisible(hasProblems());
}

void KeychainBanner::setProblems(const QString &reason, const QStringList &unsaved, const QStringList &unread)
{
    QStringList lines;
    if (!reason.isEmpty())
        lines.append(tr("<b>No keychain is available</b> (%1). Secrets you enter are kept in memory until "
                        "xcm quits and are not saved anywhere: enter them again next time, or start a "
                        "Secret Service (such as GNOME Keyring or KWallet), then Retry.")
                         .arg(reason.toHtmlEscaped()));
    const auto names = [](const QStringList &list) {
        QStringList quoted;
        for (const QString &name : list)
            quoted.append(tr("“%1”").arg(name).toHtmlEscaped());
        return QLocale().createSeparatedList(quoted);
    };
    if (unsaved.size() == 1)
        lines.append(tr("The secret of %1 is only in memory: at the next start xcm will ask for it.")
                         .arg(names(unsaved)));
    else if (unsaved.size() > 1)
        lines.append(tr("The secrets of %1 are only in memory: at the next start xcm will ask for them.")
                         .arg(names(unsaved)));
    if (unread.size() == 1)
        lines.append(tr("The secret of %1 could not be read from the keychain: unlock it and Retry, or "
                        "Connect to enter the secret.")
                         .arg(names(unread)));
    else if (unread.size() > 1)
        lines.append(tr("The secrets of %1 could not be read from the keychain: unlock it and Retry, or "
                        "Connect to enter them.")
                         .arg(names(unread)));
    m_text->setText(lines.join(u"<br>"_s));
}

bool KeychainBanner::hasProblems() const
{
    return !m_text->text().isEmpty();
}

QString KeychainBanner::text() const
{
    return m_text->text();
}

} // namespace xcm
