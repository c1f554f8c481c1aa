// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "stanza.h"

#include <QWidget>

class QComboBox;
class QToolButton;

namespace xcm {

// While the compose form answers a request by hand (Reply…, Ctrl+R): what to answer with — the result,
// or one of the errors RFC 6120 defines — and a ✕ back to the templates. It stands in the template
// selector's place, about as wide, so that replying does not widen the form; its list opens wide
// enough for every condition.
class ReplySelector : public QWidget
{
    Q_OBJECT
public:
    explicit ReplySelector(QWidget *parent = nullptr);

    // Shows itself with the result chosen, and hands over its XML (replyChosen()).
    void start(const Stanza &request);
    // Hides itself and forgets the request.
    void stop();
    bool isReplying() const { return !m_request.isNull(); }

Q_SIGNALS:
    // The answer to the request as chosen, pretty-printed for the editor.
    void replyChosen(const QString &xml);
    // The ✕: back to the templates (the editor keeps its text).
    void stopRequested();

private:
    void choose();

    QComboBox *m_choice;
    QToolButton *m_stop;
    Stanza m_request;
};

} // namespace xcm
