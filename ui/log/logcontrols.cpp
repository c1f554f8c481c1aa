// SPDX-License-Identifier: GPL-3.0-or-later
#include "logcontrols.h"

#include <QAction>
#include <QCheckBox>
#include <QToolButton>

namespace xcm::LogControls {

QAction *action(QObject *parent, const QString &text, const QString &iconText, const QString &toolTip,
                const QKeySequence &shortcut, bool checkable)
{
    auto *action = new QAction(text, parent);
    action->setIconText(iconText);
    action->setToolTip(toolTip);
    action->setShortcut(shortcut);
    action->setShortcutContext(Qt::WindowShortcut);
    action->setCheckable(checkable);
    return action;
}

QAction *separator(QObject *parent)
{
    auto *separator = new QAction(parent);
    separator->setSeparator(true);
    return separator;
}

QToolButton *toolButton(QAction *action)
{
    auto *button = new QToolButton;
    button->setDefaultAction(action);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    return button;
}

QCheckBox *checkBox(QAction *action)
{
    auto *box = new QCheckBox(action->iconText());
    box->setToolTip(action->toolTip());
    box->setChecked(action->isChecked());
    QObject::connect(box, &QCheckBox::toggled, action, &QAction::setChecked);
    QObject::connect(action, &QAction::toggled, box, &QCheckBox::setChecked);
    box->setEnabled(action->isEnabled());
    QObject::connect(action, &QAction::enabledChanged, box, &QCheckBox::setEnabled);
    return box;
}

} // namespace xcm::LogControls
