// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

class QCompleter;
class QLineEdit;
class QStandardItemModel;

namespace xcm {

// Completes the word under the cursor of a line edit with the filter language's field names and
// keywords (ExpressionFields), each with its one-line description: typing `fr` offers from,
// from.bare, from.domain…; choosing one replaces just that word. Active only while enabled.
class ExpressionCompleter : public QObject
{
    Q_OBJECT
public:
    explicit ExpressionCompleter(QLineEdit *edit);
    ~ExpressionCompleter() override;

    void setEnabled(bool enabled);
    bool isEnabled() const { return m_enabled; }
    QCompleter *completer() const { return m_completer; }

private:
    void onTextEdited();
    void insertCompletion(const QString &completion);
    // The start of the word that ends at the cursor; the cursor position when there is none.
    int wordStart() const;

    QLineEdit *m_edit;
    QStandardItemModel *m_model;
    QCompleter *m_completer;
    bool m_enabled = false;
};

} // namespace xcm
