// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QKeySequence>

class QAction;
class QCheckBox;
class QObject;
class QString;
class QToolButton;

// The stanza log's widgets (view, filter bar, detail pane) make their commands as actions, so that a
// menu, a shortcut and a button share one state; these build the actions and the controls showing them.
namespace xcm::LogControls {

// `text` for menus, `iconText` for the buttons and check boxes in the log. Shortcuts are window-wide:
// a hidden log's actions do not match, so only the log on screen answers.
QAction *action(QObject *parent, const QString &text, const QString &iconText, const QString &toolTip,
                const QKeySequence &shortcut = {}, bool checkable = false);
QAction *separator(QObject *parent);

// Shows the action's iconText(): the menu's text is longer.
QToolButton *toolButton(QAction *action);
// A check box reads as on/off in every style and palette, which a checked tool button does not.
QCheckBox *checkBox(QAction *action);

} // namespace xcm::LogControls
