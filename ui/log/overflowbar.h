// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QWidget>

#include <vector>

class QAction;
class QHBoxLayout;
class QMenu;
class QToolButton;

namespace xcm {

// A row of controls that stays usable in a narrow window. When everything does not fit, the optional
// controls are hidden, the least important first, and their actions are offered in a "⋯" menu at the
// end of the row; the one stretching widget (a search field) gives up room down to its preferred width before
// any control goes, and down to its minimum after all have gone. The minimum width is that of the
// controls that always stay, so the row never holds a window wider than those need.
class OverflowBar : public QWidget
{
    Q_OBJECT
public:
    explicit OverflowBar(QWidget *parent = nullptr);
    ~OverflowBar() override;

    // Always shown.
    void addWidget(QWidget *widget);
    // Always shown; takes the room left. It shrinks to `preferredWidth` before optional controls are
    // hidden, then to its minimum size.
    void addStretchWidget(QWidget *widget, int preferredWidth);
    // Hidden when the row is too narrow, lowest `importance` first; `actions` (a QMenu's menuAction()
    // for a submenu) then appear in the overflow menu, in row order.
    void addOptionalWidget(QWidget *widget, int importance, const QList<QAction *> &actions);
    void addSpacing(int width);

    // The "⋯" button, shown while a control is hidden.
    QToolButton *overflowButton() const { return m_overflowButton; }
    // The hidden optional widgets' actions, in row order.
    QList<QAction *> overflowActions() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    bool event(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    struct Entry
    {
        QWidget *widget = nullptr; // null: a fixed spacing
        int spacing = 0;
        bool stretch = false;
        int importance = 0;
        int optionalRank = -1; // among the optional widgets: the order they are hidden in
        QList<QAction *> actions;
    };

    // The width the row needs with the first `hidden` optional widgets hidden.
    int widthFor(int hidden, bool preferredStretch) const;
    int widthOf(const Entry &entry, bool preferredStretch) const;
    bool isShown(const Entry &entry, int hidden) const;
    void fit();
    void fillOverflowMenu();

    QHBoxLayout *m_layout = nullptr;
    QToolButton *m_overflowButton = nullptr;
    QMenu *m_overflowMenu = nullptr;
    std::vector<Entry> m_entries;
    int m_optionalCount = 0;
    int m_hidden = 0;
    int m_preferredStretchWidth = 0;
    bool m_fitting = false;
};

} // namespace xcm
