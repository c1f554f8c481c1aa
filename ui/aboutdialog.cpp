// SPDX-License-Identifier: GPL-3.0-or-later
#include "aboutdialog.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QSysInfo>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace xcm {

namespace {
// Set by ui/CMakeLists.txt from the project and the QtKeychain package found at configure time
// (QtKeychain has no run-time version call, and its header's version macro is not maintained).
constexpr auto version = XCM_VERSION ""_L1;
constexpr auto homepage = XCM_HOMEPAGE_URL ""_L1;
constexpr auto keychainVersion = XCM_QTKEYCHAIN_VERSION ""_L1;
constexpr auto licenceUrl = "https://www.gnu.org/licenses/gpl-3.0.html"_L1;

QString link(const QString &url, const QString &text)
{
    return u"<a href=\"%1\">%2</a>"_s.arg(url.toHtmlEscaped(), text.toHtmlEscaped());
}

// "6.4.2", or "6.4.2 (built with 6.4.1)" when the run-time Qt is not the one xcm was built with.
QString qtVersionText()
{
    const QString running = QString::fromLatin1(qVersion());
    if (running == QLatin1String(QT_VERSION_STR))
        return running;
    return AboutDialog::tr("%1 (built with %2)").arg(running, QLatin1String(QT_VERSION_STR));
}
} // namespace

AboutDialog::AboutDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName("aboutDialog"_L1);
    setWindowTitle(tr("About xcm"));

    auto *icon = new QLabel(this);
    icon->setPixmap(QIcon(u":/xcm/icons/xcm.svg"_s).pixmap(80, 80));
    icon->setAlignment(Qt::AlignTop | Qt::AlignHCenter);

    const QString bugs = QString(homepage) + u"/issues"_s;
    QString html = u"<h2 style=\"margin-bottom: 0\">xcm %1</h2>"_s.arg(QString(version).toHtmlEscaped());
    html += u"<p style=\"margin-top: 2px\"><b>%1</b></p>"_s.arg(tr("XMPP Component Manager").toHtmlEscaped());
    html += u"<p>%1</p>"_s.arg(tr("Connect XMPP external components (XEP-0114) as the component, watch "
                                  "their stanzas live and send stanzas from any address on the "
                                  "component's domain. Secrets are kept in the system keychain.")
                                   .toHtmlEscaped());
    html += u"<p>%1</p>"_s.arg(tr("Copyright © 2026 The xcm developers").toHtmlEscaped());
    // The licence sentence keeps its link inside the translated text, so that translators can place it.
    html += u"<p>"_s +
            tr("xcm is free software: you can redistribute it and/or modify it under the terms of the "
               "%1, version 3 or (at your option) any later version. It comes with ABSOLUTELY NO "
               "WARRANTY.")
                .arg(link(licenceUrl, tr("GNU General Public License"))) +
            u"</p>"_s;
    html += u"<p>%1 · %2</p>"_s.arg(link(homepage, tr("Homepage")), link(bugs, tr("Report a bug")));
    html += u"<p><small>%1</small></p>"_s.arg(
        tr("Qt %1 · QtKeychain %2 · %3")
            .arg(qtVersionText(), QString(keychainVersion), QSysInfo::prettyProductName())
            .toHtmlEscaped());

    m_text = new QLabel(html, this);
    m_text->setObjectName("aboutText"_L1);
    m_text->setTextFormat(Qt::RichText);
    m_text->setWordWrap(true);
    m_text->setOpenExternalLinks(true);
    m_text->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_text->setMinimumWidth(420);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *copy = buttons->addButton(tr("&Copy Version Info"), QDialogButtonBox::ActionRole);
    copy->setObjectName("copyVersionInfo"_L1);
    copy->setToolTip(tr("Copy the versions of xcm, Qt, QtKeychain and the system, for a bug report"));
    connect(copy, &QPushButton::clicked, this, [] { QApplication::clipboard()->setText(versionReport()); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *top = new QHBoxLayout;
    top->setSpacing(18);
    top->addWidget(icon, 0, Qt::AlignTop);
    top->addWidget(m_text, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 20, 20, 12);
    layout->addLayout(top);
    layout->addWidget(buttons);
    setMaximumWidth(640);
}

QString AboutDialog::versionReport()
{
    return u"xcm %1\nQt %2 (built with %3)\nQtKeychain %4\n%5 (%6, %7)\n"_s.arg(
        QString(version), QString::fromLatin1(qVersion()), QLatin1String(QT_VERSION_STR),
        QString(keychainVersion), QSysInfo::prettyProductName(), QSysInfo::currentCpuArchitecture(),
        QGuiApplication::platformName());
}

} // namespace xcm
