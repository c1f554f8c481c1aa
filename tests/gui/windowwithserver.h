// SPDX-License-Identifier: GPL-3.0-or-later
// The real main window beside a real Prosody that has one component and one client user: for tests in
// which a slixmpp client (XmppClientProcess) talks to the component the window connects.
#pragma once

#include "mainwindow.h"
#include "profileservice.h"
#include "prosodyserver.h"
#include "xmppclientprocess.h"

#include <QApplication>
#include <QDir>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>

#include <memory>

namespace xcm::test {

class WindowWithServer
{
public:
    // Checks what is needed (a session bus from tests/run-with-keychain, Prosody, slixmpp), starts the
    // server with `component` and the user `userName`, and shows the window with settings of its own
    // (`application` names them, wiped first). False and `why` when something is missing or fails.
    bool start(const ComponentAccount &component, const QString &userName, const QString &password,
               const QString &application, QString *why)
    {
        if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS")) {
            *why = QStringLiteral("no session bus: run this test through tests/run-with-keychain");
            return false;
        }
        if (!ProsodyServer::available(why) || !XmppClientProcess::available(why))
            return false;
        QStandardPaths::setTestModeEnabled(true);
        QApplication::setOrganizationName(QStringLiteral("xcm"));
        QApplication::setApplicationName(application);
        QSettings().clear();
        QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).removeRecursively();

        m_component = component;
        server = std::make_unique<ProsodyServer>(QList<ComponentAccount>{component});
        if (!server->start(why) || !server->addUser(userName, password, why))
            return false;
        user = userName + u'@' + server->serverDomain();

        window = std::make_unique<MainWindow>();
        window->resize(1200, 800);
        window->show();
        if (!QTest::qWaitForWindowExposed(window.get())) {
            *why = QStringLiteral("the main window was not shown");
            return false;
        }
        return true;
    }

    void stop()
    {
        window.reset();
        if (server)
            server->stop();
    }

    // A profile named `name` for the component on this server, without reconnects, as the window's
    // user would make it; `adjust` may change it before it is created with the component's secret.
    Profile addComponentProfile(const QString &name, const std::function<void(Profile &)> &adjust = {})
    {
        Profile profile = Profile::create(name);
        profile.settings.host = QStringLiteral("127.0.0.1");
        profile.settings.port = server->componentPort();
        profile.settings.domain = m_component.domain;
        profile.settings.reconnect.enabled = false;
        if (adjust)
            adjust(profile);
        window->profileService()->createProfile(profile, m_component.secret);
        return profile;
    }

    std::unique_ptr<ProsodyServer> server;
    std::unique_ptr<MainWindow> window;
    QString user; // the client user's JID

private:
    ComponentAccount m_component;
};

} // namespace xcm::test
