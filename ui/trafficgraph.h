// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

namespace xcm {

class TrafficCounter;

// A small live graph of stanzas per second, in (above the middle line) and out (below), errors marked,
// over the counter's last minutes; the tooltip gives the current and peak rates. Repaints when the
// counter closes a second, so at most once a second. It spans the last minute until there is more
// history, then grows a minute at a time up to the counter's capacity: a fresh connection's few
// seconds are bars to read, not a sliver at the right edge of five empty minutes.
class TrafficGraph : public QWidget
{
    Q_OBJECT
public:
    explicit TrafficGraph(TrafficCounter *counter, QWidget *parent = nullptr);
    ~TrafficGraph() override;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;
    // "Now: in 3/s, out 2/s · peak: in 40/s, out 38/s · errors 0/s": what the tooltip shows.
    QString summary() const;
    // The seconds the graph spans now: whole minutes, at least one, at most the counter's capacity.
    int shownSeconds() const;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    void refresh();

    TrafficCounter *m_counter;
};

} // namespace xcm
