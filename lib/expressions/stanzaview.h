// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "stanza.h"
#include "wiretree.h"

#include <QByteArrayMatcher>

#include <array>

namespace xcm {

// What an expression looks at in one stanza, worked out only as far as the expression needs it:
// direction, kind, size and the `auto` flag are given; type, from, to and id come from the top
// element's attributes (a Stanza has them already; bare wire bytes, as the stanza log keeps them, get
// their start tag scanned, never the whole stanza parsed); the element tree (a WireTree over the
// wire bytes) is read only for body, ns, error and has(), and only once however many tests look at it.
//
// A view borrows the stanza or the bytes it was made from, for one evaluation (or one stanza offered
// to several rules); it is not thread-safe.
class StanzaView
{
public:
    explicit StanzaView(const Stanza &stanza, bool automatic = false);
    // A stanza known only by its bytes (a row of the stanza log). `wire` must outlive the view.
    StanzaView(Direction direction, StanzaKind kind, QByteArrayView wire, bool automatic = false);

    // Asks the CPU to start loading `wire` now. Evaluating a log's row mostly waits for its first bytes
    // (a filtered log skips through its blocks): prefetching a few rows ahead of the one evaluated hides
    // that.
    static void prefetch(QByteArrayView wire)
    {
#if defined(__GNUC__)
        __builtin_prefetch(wire.data());
#else
        Q_UNUSED(wire);
#endif
    }

    StanzaView(const StanzaView &) = delete;
    StanzaView &operator=(const StanzaView &) = delete;

    Direction direction() const
    {
        return m_direction;
    }
    StanzaKind kind() const
    {
        return m_kind;
    }
    qsizetype size() const
    {
        return m_wire.size();
    }
    bool isAutomatic() const
    {
        return m_automatic;
    }
    QByteArrayView wire() const
    {
        return m_wire;
    }

    // The top element's attributes (empty when absent).
    const QString &type()
    {
        return attribute(Type);
    }
    const QString &from()
    {
        return attribute(From);
    }
    const QString &to()
    {
        return attribute(To);
    }
    const QString &id()
    {
        return attribute(Id);
    }
    // type='error', or a stream error: only then is there an error condition to parse for.
    bool isError();

    // The element tree, read on first use; not valid for what is not a complete element (the stream
    // header and close).
    const WireTree &tree();
    bool isTreeParsed() const
    {
        return m_treeParsed;
    }
    // The first <body/> in the stanza's own namespace, as an element of tree(); -1 when there is none.
    int body();
    // The condition of an error stanza or a stream error ("item-not-found"); empty for other stanzas.
    QString errorCondition();

    // Whether `needle` occurs in the wire bytes as they are: a quick "certainly not" before parsing.
    bool wireContains(const QByteArrayMatcher &needle) const;
    // Whether text in the wire may differ from the decoded text by more than the five predefined
    // entities: a character reference (&#…;) or a CDATA section. Then a missing needle proves nothing.
    bool wireHasEncodedText();

private:
    enum Attribute : quint8
    {
        Type,
        From,
        To,
        Id,
        AttributeCount
    };

    const QString &attribute(Attribute which);
    // Finds where type, from, to and id sit in the start tag (nothing decoded yet).
    void scanStartTag();

    const Stanza *m_stanza = nullptr;
    QByteArrayView m_wire;
    Direction m_direction = Direction::Received;
    StanzaKind m_kind = StanzaKind::Other;
    bool m_automatic = false;
    bool m_treeParsed = false;
    quint8 m_known = 0; // bit per Attribute already fetched
    bool m_scanned = false;
    qint8 m_encodedText = -1;
    std::array<QString, AttributeCount> m_attributes;
    std::array<QByteArrayView, AttributeCount> m_rawAttributes; // found by scanStartTag(); null: absent
    WireTree m_tree;
};

} // namespace xcm
