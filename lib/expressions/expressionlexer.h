// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "expressionerror.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace xcm {

// One token of an expression. Offsets are in UTF-16 units of the source.
struct ExpressionToken
{
    enum class Type : quint8
    {
        End,
        Word,   // a field, a keyword (and, or, not, contains, startswith, has) or a bare value
        String, // '…' or "…"; `text` holds the content without the quotes
        LeftParen,
        RightParen,
        At,    // @ (an attribute in a has() path, or inside a bare address)
        Slash, // / (a step in a has() path, or inside a bare address)
        Equal,
        NotEqual,
        Tilde,
        Less,
        LessEqual,
        Greater,
        GreaterEqual,
        Bang,   // !
        AndAnd, // &&
        OrOr,   // ||
    };

    Type type = Type::End;
    qsizetype offset = 0;
    qsizetype length = 0;
    QString text; // the word, the string's content, or the operator as written
    // For strings: each character's offset in the source (escapes make them differ), so that an error
    // inside a regular expression points at the right column.
    QList<qsizetype> sourceOffsets;

    qsizetype end() const { return offset + length; }
    // A word that is this keyword, in any case.
    bool isKeyword(QStringView keyword) const;
    bool isOperator() const; // one of == != ~ < <= > >= (contains and startswith are words)
};

// The scanner: splits an expression into tokens, or says which character it cannot take.
//
// Words are runs of letters, digits and _ - . : # + * %; strings are quoted with ' or ", and inside
// them a backslash before the quote character stands for the quote (every other backslash is kept, so
// regular expressions need no double escaping).
class ExpressionLexer
{
    Q_DECLARE_TR_FUNCTIONS(xcm::ExpressionLexer)
public:
    // The tokens of `source`, ending with an End token; false and `error` on a character that fits
    // no token or a string that is not closed.
    static bool tokenize(QStringView source, QList<ExpressionToken> *tokens, ExpressionError *error);

    static bool isWordCharacter(QChar c);
};

} // namespace xcm
