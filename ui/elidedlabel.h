// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFrame>

namespace xcm {

// One line of text that gives way: elided at the right when the space is short, the whole text in
// the tooltip. For the status bar, whose QLabel would otherwise push everything beside it away.
class ElidedLabel : public QFrame
{
    Q_OBJECT
public:
    explicit ElidedLabel(QWidget *parent = nullptr);

    void setText(const QString &text);
    const QString &text() const { return m_text; }
    // The text as it fits the label's width now.
    QString shownText() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QString m_text;
};

} // namespace xcm
