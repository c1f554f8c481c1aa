// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLabel>

namespace xcm {

// One line of plain text that gives way: elided (at the right unless told) when the space is short,
// lines joined by " · ", the whole text in the tooltip. For the status bar and the connection bar,
// whose plain QLabels would push everything beside them away or wrap to a second line (and push the
// page below down). A QLabel still, so text() is the whole text.
class ElidedLabel : public QLabel
{
    Q_OBJECT
public:
    explicit ElidedLabel(QWidget *parent = nullptr);

    void setText(const QString &text);
    // The text as it fits the label's width now.
    QString shownText() const;
    // Where the text gives way (the right, the default; the middle keeps a domain's both ends).
    void setElideMode(Qt::TextElideMode mode);
    // Texts up to this wide (pixels) are never elided: the layout shrinks the label's neighbours first.
    // 0, the default: the label gives way before anything else.
    void setWholeUpTo(int width);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    // Copy, whole: the text is drawn elided on one line, so it cannot be selected as a label's is.
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    QString oneLine() const;

    Qt::TextElideMode m_elideMode = Qt::ElideRight;
    int m_wholeUpTo = 0;
};

} // namespace xcm
