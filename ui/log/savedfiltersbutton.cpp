// SPDX-License-Identifier: GPL-3.0-or-later
#include "savedfiltersbutton.h"

#include "logviewlogging.h"
#include "plaintooltip.h"

#include <QFontMetrics>
#include <QInputDialog>
#include <QLabel>
#include <QMenu>

using namespace Qt::StringLiterals;

namespace xcm {

SavedFiltersButton::SavedFiltersButton(std::function<QString()> current, QWidget *parent)
    : QToolButton(parent)
    , m_current(std::move(current))
{
    setObjectName(u"savedFiltersButton"_s);
    setText(tr("Saved") + u" ▾"_s);
    // The arrow is in the text: the style's menu indicator sat on top of the word.
    setStyleSheet(u"QToolButton::menu-indicator { image: none; width: 0px; }"_s);
    setToolTip(tr("Saved and recent filter expressions of this profile"));
    setPopupMode(QToolButton::InstantPopup);
    setMenu(new QMenu(this));
    menu()->setObjectName(u"savedFiltersMenu"_s);
    menu()->setTitle(tr("Saved Filters")); // its name in the bar's overflow menu
    menu()->menuAction()->setObjectName(u"savedFiltersAction"_s);
    connect(menu(), &QMenu::aboutToShow, this, &SavedFiltersButton::fillMenu);
    setEnabled(false);
}

SavedFiltersButton::~SavedFiltersButton() = default;

void SavedFiltersButton::setLibrary(ProfileStore *store, const QUuid &profile)
{
    m_library.emplace(store, profile);
    setEnabled(true);
}

void SavedFiltersButton::remember(const QString &expression)
{
    if (m_library)
        m_library->remember(expression);
}

void SavedFiltersButton::fillMenu()
{
    QMenu *menu = this->menu();
    menu->clear();
    if (!m_library)
        return;
    const QFontMetrics metrics(menu->font());
    const int textWidth = metrics.averageCharWidth() * 60;
    const auto addExpression = [&](const QString &text, const QString &expression) {
        QAction *action = menu->addAction(metrics.elidedText(text, Qt::ElideRight, textWidth));
        action->setToolTip(PlainToolTip::of(expression));
        action->setStatusTip(expression);
        connect(action, &QAction::triggered, this, [this, expression] { Q_EMIT applyRequested(expression); });
    };

    const QList<FilterLibrary::SavedFilter> saved = m_library->saved();
    if (saved.isEmpty()) {
        menu->addAction(tr("No saved filters yet"))->setEnabled(false);
    } else {
        menu->addSection(tr("Saved"));
        for (const FilterLibrary::SavedFilter &filter : saved)
            addExpression(filter.name == filter.expression ? filter.expression
                                                           : u"%1 — %2"_s.arg(filter.name, filter.expression),
                          filter.expression);
    }
    const QString current = m_current();
    QAction *save = menu->addAction(tr("&Save Current Filter…"), this, &SavedFiltersButton::saveCurrent);
    save->setObjectName(u"saveFilterAction"_s);
    save->setEnabled(!current.isEmpty());
    if (current.isEmpty())
        save->setToolTip(tr("Type a valid filter expression (Expr) first"));
    if (!saved.isEmpty()) {
        QMenu *remove = menu->addMenu(tr("&Delete Saved Filter"));
        for (const FilterLibrary::SavedFilter &filter : saved) {
            remove->addAction(filter.name, this, [this, name = filter.name] {
                m_library->remove(name);
                qCInfo(lcUiLog) << "saved filter deleted:" << name;
            });
        }
    }

    const QStringList recent = m_library->history();
    if (!recent.isEmpty()) {
        menu->addSection(tr("Recent"));
        for (const QString &expression : recent)
            addExpression(expression, expression);
        menu->addAction(tr("Clear Recent"), this, [this] { m_library->clearHistory(); });
    }
}

void SavedFiltersButton::saveCurrent()
{
    const QString expression = m_current();
    if (expression.isEmpty() || !m_library)
        return;
    // Saving an expression saved before offers its name: OK renames nothing, it updates.
    QString name;
    for (const FilterLibrary::SavedFilter &filter : m_library->saved()) {
        if (filter.expression == expression)
            name = filter.name;
    }
    QInputDialog ask(window());
    ask.setWindowTitle(tr("Save Filter"));
    ask.setLabelText(tr("Name for %1 (none: the expression is its name):").arg(expression));
    ask.findChild<QLabel *>()->setTextFormat(Qt::PlainText); // "body contains '<b>'" is no markup
    ask.setTextValue(name);
    if (ask.exec() != QDialog::Accepted)
        return;
    name = ask.textValue();
    if (name.trimmed().isEmpty())
        name = expression; // OK with no name still saves, rather than silently nothing
    m_library->save(name, expression);
    qCInfo(lcUiLog) << "filter saved:" << name.trimmed();
}

} // namespace xcm
