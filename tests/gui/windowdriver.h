// SPDX-License-Identifier: GPL-3.0-or-later
// Driving the real main window from a test as a user would: making it the active window again, finding
// and opening the profile editor, and a profile's session and page by the profile's name.
#pragma once

#include "mainwindow.h"
#include "profileeditor.h"
#include "profilestore.h"
#include "sessionlistmodel.h"

#include <QApplication>
#include <QKeySequence>
#include <QTest>

namespace xcm::test {

// A closed dialog leaves no active window behind on the offscreen platform: shortcuts need one.
inline bool activateWindow(MainWindow *window)
{
    window->activateWindow();
    QApplication::setActiveWindow(window);
    return QTest::qWaitForWindowActive(window);
}

// The profile editor on screen, or null.
inline ProfileEditor *visibleEditor(const MainWindow *window)
{
    const QList<ProfileEditor *> editors = window->findChildren<ProfileEditor *>();
    for (ProfileEditor *editor : editors) {
        if (editor->isVisible())
            return editor;
    }
    return nullptr;
}

// Presses `shortcut` (Ctrl+N, F2) and waits for the editor it opens; null if none opened in 5 s.
inline ProfileEditor *openEditor(MainWindow *window, const QKeySequence &shortcut)
{
    if (!activateWindow(window))
        return nullptr;
    QTest::keySequence(window, shortcut);
    ProfileEditor *editor = nullptr;
    if (!QTest::qWaitFor([&] { return (editor = visibleEditor(window)) != nullptr; }, 5000))
        return nullptr;
    return editor;
}

inline ProfileSession *sessionNamed(const MainWindow *window, const QString &name)
{
    return window->sessions()->session(window->profileStore()->findByName(name).id);
}

inline SessionPage *pageNamed(MainWindow *window, const QString &name)
{
    return window->pageFor(sessionNamed(window, name));
}

} // namespace xcm::test
