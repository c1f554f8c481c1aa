// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QString>

#include <concepts>

namespace xcm {

class XmlElement;

namespace detail {
inline QString errorArgument(const QString &text)
{
    return text;
}
inline QString errorArgument(QStringView text)
{
    return text.toString();
}
inline QString errorArgument(QChar character)
{
    return QString(character);
}
template<std::integral Number> QString errorArgument(Number number)
{
    return QString::number(number);
}
} // namespace detail

// An RFC 6120 §4.9 stream error: a defined condition plus optional human text.
struct StreamError
{
    QString condition;     // e.g. "not-authorized"
    QString text;          // as on the wire; English in the errors xcm sends
    QString localizedText; // the errors xcm sends, in the user's language; empty: the same as text
    // Where in the stream the XML reader found the problem (line from 1, column in UTF-16 units from
    // 0), for errors it found; 0 otherwise.
    qint64 line = 0;
    qint64 column = 0;

    // An error of xcm's own. `source` is a QT_TR_NOOP literal of `context` with %1… for `arguments`:
    // the server reads it in English, the user in their language.
    template<typename... Arguments>
    static StreamError make(const QString &condition, const char *context, const char *source,
                            const Arguments &...arguments)
    {
        StreamError error{condition, QString::fromUtf8(source), QCoreApplication::translate(context, source),
                          0, 0};
        if constexpr (sizeof...(Arguments) > 0) {
            error.text = error.text.arg(detail::errorArgument(arguments)...);
            error.localizedText = error.localizedText.arg(detail::errorArgument(arguments)...);
        }
        return error;
    }

    QString displayText() const { return localizedText.isEmpty() ? text : localizedText; }
    bool isNull() const { return condition.isEmpty(); }
    // Reads <stream:error>; an error without a known condition becomes undefined-condition.
    static StreamError fromElement(const XmlElement &error);
    // The <stream:error/> element to send, text escaped.
    QByteArray toXml() const;
    friend bool operator==(const StreamError &, const StreamError &) = default;
};

} // namespace xcm
