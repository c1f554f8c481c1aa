// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace xcm {

class XmlElement;

// An RFC 6120 §4.9 stream error: a defined condition plus optional human text.
struct StreamError
{
    QString condition; // e.g. "not-authorized"
    QString text;

    bool isNull() const { return condition.isEmpty(); }
    // Reads <stream:error>; an error without a known condition becomes undefined-condition.
    static StreamError fromElement(const XmlElement &error);
    // The <stream:error/> element to send, text escaped.
    QByteArray toXml() const;
    friend bool operator==(const StreamError &, const StreamError &) = default;
};

} // namespace xcm
