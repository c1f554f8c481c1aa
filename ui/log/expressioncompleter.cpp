// SPDX-License-Identifier: GPL-3.0-or-later
#include "expressioncompleter.h"

#include "expressionfields.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QLineEdit>
#include <QStandardItemModel>

namespace xcm {

namespace {

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'.' || c == u'_' || c == u'(';
}

} // namespace

ExpressionCompleter::ExpressionCompleter(QLineEdit *edit)
    : QObject(edit)
    , m_edit(edit)
    , m_model(new QStandardItemModel(this))
    , m_completer(new QCompleter(this))
{
    for (const ExpressionFields::Entry &entry : ExpressionFields::completions()) {
        auto *item = new QStandardItem(entry.name);
        item->setToolTip(entry.description);
        m_model->appendRow(item);
    }
    for (const QString &keyword : ExpressionFields::keywords()) {
        if (keyword != u"has") // has( is among the completions, with its parenthesis
            m_model->appendRow(new QStandardItem(keyword));
    }
    m_completer->setModel(m_model);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setCompletionMode(QCompleter::PopupCompletion);
    m_completer->setWidget(m_edit); // not QLineEdit::setCompleter(): that completes the whole text
    connect(m_completer, qOverload<const QString &>(&QCompleter::activated), this,
            &ExpressionCompleter::insertCompletion);
    connect(m_edit, &QLineEdit::textEdited, this, &ExpressionCompleter::onTextEdited);
}

ExpressionCompleter::~ExpressionCompleter() = default;

void ExpressionCompleter::setEnabled(bool enabled)
{
    m_enabled = enabled;
    if (!enabled)
        m_completer->popup()->hide();
}

int ExpressionCompleter::wordStart() const
{
    const QString text = m_edit->text();
    int start = m_edit->cursorPosition();
    while (start > 0 && isWordChar(text.at(start - 1)))
        --start;
    return start;
}

void ExpressionCompleter::onTextEdited()
{
    if (!m_enabled)
        return;
    const int start = wordStart();
    const QString word = m_edit->text().mid(start, m_edit->cursorPosition() - start);
    // Inside a quoted value nothing is a field name.
    const bool inQuotes =
        m_edit->text().left(start).count(u'\'') % 2 == 1 || m_edit->text().left(start).count(u'"') % 2 == 1;
    if (word.isEmpty() || inQuotes) {
        m_completer->popup()->hide();
        return;
    }
    m_completer->setCompletionPrefix(word);
    if (m_completer->completionCount() == 0 ||
        (m_completer->completionCount() == 1 && m_completer->currentCompletion() == word)) {
        m_completer->popup()->hide();
        return;
    }
    // Below the word being typed.
    const int x = m_edit->fontMetrics().horizontalAdvance(m_edit->text().left(start)) + 4;
    QRect rect(qMin(x, qMax(0, m_edit->width() - 120)), 0, 0, m_edit->height());
    rect.setWidth(m_completer->popup()->sizeHintForColumn(0) + 24);
    m_completer->complete(rect);
}

void ExpressionCompleter::insertCompletion(const QString &completion)
{
    const int start = wordStart();
    QString text = m_edit->text();
    text.replace(start, m_edit->cursorPosition() - start, completion);
    m_edit->setText(text);
    m_edit->setCursorPosition(start + int(completion.size()));
}

} // namespace xcm
