// SPDX-License-Identifier: GPL-3.0-or-later
#include "expressionlexer.h"

using namespace Qt::StringLiterals;

namespace xcm {

bool ExpressionToken::isKeyword(QStringView keyword) const
{
    return type == Type::Word && text.compare(keyword, Qt::CaseInsensitive) == 0;
}

bool ExpressionToken::isOperator() const
{
    switch (type) {
    case Type::Equal:
    case Type::NotEqual:
    case Type::Tilde:
    case Type::Less:
    case Type::LessEqual:
    case Type::Greater:
    case Type::GreaterEqual:
        return true;
    default:
        return false;
    }
}

bool ExpressionLexer::isWordCharacter(QChar c)
{
    if (c.isLetterOrNumber() || c.isMark())
        return true;
    switch (c.unicode()) {
    case u'_':
    case u'-':
    case u'.':
    case u':':
    case u'#':
    case u'+':
    case u'*':
    case u'%':
        return true;
    default:
        return c.isSurrogate(); // characters outside the BMP: letters and emoji alike
    }
}

bool ExpressionLexer::tokenize(QStringView source, QList<ExpressionToken> *tokens, ExpressionError *error)
{
    using Type = ExpressionToken::Type;
    tokens->clear();
    const auto fail = [&](qsizetype offset, qsizetype length, const QString &message) {
        if (error)
            *error = ExpressionError::at(source, offset, length, message);
        tokens->clear();
        return false;
    };
    const auto add = [tokens, source](Type type, qsizetype offset, qsizetype length) {
        ExpressionToken token;
        token.type = type;
        token.offset = offset;
        token.length = length;
        token.text = source.sliced(offset, length).toString();
        tokens->append(token);
    };
    qsizetype i = 0;
    const qsizetype n = source.size();
    while (i < n) {
        const QChar c = source.at(i);
        if (c.isSpace()) {
            ++i;
            continue;
        }
        const QChar next = i + 1 < n ? source.at(i + 1) : QChar();
        switch (c.unicode()) {
        case u'\'':
        case u'"': {
            ExpressionToken token;
            token.type = Type::String;
            token.offset = i;
            qsizetype j = i + 1;
            bool closed = false;
            while (j < n) {
                const QChar d = source.at(j);
                if (d == c) {
                    closed = true;
                    break;
                }
                if (d == u'\\' && j + 1 < n && source.at(j + 1) == c) {
                    token.sourceOffsets.append(j + 1);
                    token.text += c;
                    j += 2;
                    continue;
                }
                token.sourceOffsets.append(j);
                token.text += d;
                ++j;
            }
            if (!closed)
                return fail(i, n - i, tr("the string is not closed (a %1 is missing)").arg(c));
            token.length = j + 1 - i;
            token.sourceOffsets.append(j); // one past the content: the closing quote
            tokens->append(token);
            i = j + 1;
            continue;
        }
        case u'(':
            add(Type::LeftParen, i, 1);
            break;
        case u')':
            add(Type::RightParen, i, 1);
            break;
        case u'@':
            add(Type::At, i, 1);
            break;
        case u'/':
            add(Type::Slash, i, 1);
            break;
        case u'~':
            add(Type::Tilde, i, 1);
            break;
        case u'=':
            if (next != u'=')
                return fail(i, 1, tr("'=' is not an operator: write '=='"));
            add(Type::Equal, i, 2);
            ++i;
            break;
        case u'!':
            if (next == u'=') {
                add(Type::NotEqual, i, 2);
                ++i;
            } else {
                add(Type::Bang, i, 1);
            }
            break;
        case u'<':
        case u'>': {
            const bool orEqual = next == u'=';
            const bool less = c == u'<';
            add(less ? (orEqual ? Type::LessEqual : Type::Less)
                     : (orEqual ? Type::GreaterEqual : Type::Greater),
                i, orEqual ? 2 : 1);
            i += orEqual ? 1 : 0;
            break;
        }
        case u'&':
            if (next != u'&')
                return fail(i, 1, tr("'&' is not an operator: write '&&' or 'and'"));
            add(Type::AndAnd, i, 2);
            ++i;
            break;
        case u'|':
            if (next != u'|')
                return fail(i, 1, tr("'|' is not an operator: write '||' or 'or'"));
            add(Type::OrOr, i, 2);
            ++i;
            break;
        default: {
            if (!isWordCharacter(c)) {
                const qsizetype width = c.isHighSurrogate() ? 2 : 1;
                return fail(i, width,
                            tr("unexpected character '%1' (quote values that are not simple words)")
                                .arg(source.sliced(i, std::min(width, n - i))));
            }
            qsizetype j = i + 1;
            while (j < n && isWordCharacter(source.at(j)))
                ++j;
            add(Type::Word, i, j - i);
            i = j;
            continue;
        }
        }
        ++i;
    }
    ExpressionToken end;
    end.type = Type::End;
    end.offset = n;
    tokens->append(end);
    return true;
}

} // namespace xcm
