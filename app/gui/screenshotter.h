// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>
#include <QTimer>

namespace xcm {

class MainWindow;
class SessionPage;

// Saves PNGs of the main window, the compose form and the profile editor once the selected profile is
// connected and its log shows some traffic, then quits. Before the connection bar and timeline it
// disconnects and connects again, so that the timeline shows two attempts and the traffic graph some
// seconds of traffic. For tools/screenshots and documentation.
class Screenshotter : public QObject
{
    Q_OBJECT
public:
    Screenshotter(MainWindow *window, const QString &prefix, QObject *parent = nullptr);
    void start();

private:
    void poll();
    void shootMainAndCompose();
    void reconnectThenShootConnection(SessionPage *page);
    void shootConnection(SessionPage *page);
    void shootRules(SessionPage *page);
    void shootEditor();
    void save(QWidget *widget, const QString &name);

    MainWindow *m_window;
    QString m_prefix;
    QTimer m_poll;
    int m_waitedMs = 0;
    int m_failures = 0;
};

} // namespace xcm
