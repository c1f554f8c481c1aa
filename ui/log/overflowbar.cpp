// SPDX-License-Identifier: GPL-3.0-or-later
#include "overflowbar.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QMenu>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace xcm {

OverflowBar::OverflowBar(QWidget *parent)
    : QWidget(parent)
    , m_layout(new QHBoxLayout(this))
    , m_overflowButton(new QToolButton(this))
    , m_overflowMenu(new QMenu(this))
{
    // The bar decides what fits; a layout constraint would make the widest row the window's minimum.
    m_layout->setSizeConstraint(QLayout::SetNoConstraint);
    m_overflowButton->setObjectName(u"overflowButton"_s);
    m_overflowButton->setText(u"⋯"_s);
    m_overflowButton->setToolTip(tr("More controls, hidden while the window is narrow"));
    m_overflowButton->setAccessibleName(tr("More"));
    m_overflowMenu->setObjectName(u"overflowMenu"_s);
    m_overflowButton->hide();
    m_layout->addWidget(m_overflowButton);
    // Opened by hand: as the button's own menu it would draw an arrow over the "⋯".
    connect(m_overflowButton, &QToolButton::clicked, this, [this] {
        fillOverflowMenu();
        m_overflowMenu->popup(m_overflowButton->mapToGlobal(QPoint(0, m_overflowButton->height())));
    });
}

OverflowBar::~OverflowBar() = default;

void OverflowBar::addWidget(QWidget *widget)
{
    m_layout->insertWidget(m_layout->count() - 1, widget);
    Entry entry;
    entry.widget = widget;
    m_entries.push_back(entry);
    updateGeometry();
}

void OverflowBar::addStretchWidget(QWidget *widget, int preferredWidth)
{
    m_layout->insertWidget(m_layout->count() - 1, widget, 1);
    Entry entry;
    entry.widget = widget;
    entry.stretch = true;
    m_entries.push_back(entry);
    m_preferredStretchWidth = preferredWidth;
    updateGeometry();
}

void OverflowBar::addOptionalWidget(QWidget *widget, int importance, const QList<QAction *> &actions)
{
    m_layout->insertWidget(m_layout->count() - 1, widget);
    // Its rank: how many are less important (ties: the one added first goes first).
    int rank = 0;
    for (Entry &other : m_entries) {
        if (other.optionalRank < 0)
            continue;
        if (other.importance > importance)
            ++other.optionalRank;
        else
            ++rank;
    }
    Entry entry;
    entry.widget = widget;
    entry.importance = importance;
    entry.optionalRank = rank;
    entry.actions = actions;
    m_entries.push_back(entry);
    ++m_optionalCount;
    updateGeometry();
}

void OverflowBar::addSpacing(int width)
{
    m_layout->insertSpacing(m_layout->count() - 1, width);
    Entry entry;
    entry.spacing = width;
    m_entries.push_back(entry);
    updateGeometry();
}

QList<QAction *> OverflowBar::overflowActions() const
{
    QList<QAction *> actions;
    for (const Entry &entry : m_entries) {
        if (entry.optionalRank >= 0 && !isShown(entry, m_hidden))
            actions += entry.actions;
    }
    return actions;
}

bool OverflowBar::isShown(const Entry &entry, int hidden) const
{
    return entry.optionalRank < 0 || entry.optionalRank >= hidden;
}

int OverflowBar::widthOf(const Entry &entry, bool preferredStretch) const
{
    if (!entry.widget)
        return entry.spacing;
    const QWidget *widget = entry.widget;
    const int minimum = qMax(widget->minimumSizeHint().width(), widget->minimumWidth());
    if (entry.stretch)
        return preferredStretch ? qMax(minimum, m_preferredStretchWidth) : minimum;
    return qBound(widget->minimumWidth(), widget->sizeHint().width(), widget->maximumWidth());
}

int OverflowBar::widthFor(int hidden, bool preferredStretch) const
{
    // As QBoxLayout counts: the layout's spacing between shown widgets, none around fixed spacings.
    const QMargins margins = m_layout->contentsMargins();
    int width = margins.left() + margins.right();
    int widgets = 0;
    for (const Entry &entry : m_entries) {
        if (!isShown(entry, hidden))
            continue;
        width += widthOf(entry, preferredStretch);
        widgets += entry.widget ? 1 : 0;
    }
    if (hidden > 0) {
        width += m_overflowButton->sizeHint().width();
        ++widgets;
    }
    return width + qMax(0, widgets - 1) * m_layout->spacing();
}

QSize OverflowBar::sizeHint() const
{
    return {widthFor(0, true), m_layout->sizeHint().height()};
}

QSize OverflowBar::minimumSizeHint() const
{
    return {widthFor(m_optionalCount, false), m_layout->minimumSize().height()};
}

void OverflowBar::fit()
{
    if (m_fitting)
        return;
    m_fitting = true;
    int hidden = 0;
    while (hidden < m_optionalCount && widthFor(hidden, true) > width())
        ++hidden;
    bool changed = false;
    const auto setShown = [&changed](QWidget *widget, bool shown) {
        if (widget->isHidden() == shown) {
            widget->setVisible(shown);
            changed = true;
        }
    };
    m_hidden = hidden;
    for (const Entry &entry : m_entries) {
        if (entry.optionalRank >= 0)
            setShown(entry.widget, isShown(entry, hidden));
    }
    setShown(m_overflowButton, hidden > 0);
    if (changed) {
        // Lay out now: the layout placed the controls for this size before they were hidden.
        m_layout->invalidate();
        m_layout->activate();
    }
    m_fitting = false;
}

void OverflowBar::fillOverflowMenu()
{
    m_overflowMenu->clear();
    m_overflowMenu->addActions(overflowActions());
}

bool OverflowBar::event(QEvent *event)
{
    if (event->type() == QEvent::LayoutRequest) {
        // A control's size hint changed (its text, the font, the language): what fits may have too.
        fit();
        updateGeometry();
    }
    return QWidget::event(event);
}

void OverflowBar::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    fit();
}

} // namespace xcm
