// SPDX-License-Identifier: GPL-3.0-or-later
#include "logcolors.h"

namespace xcm {

namespace {

QColor mix(const QColor &base, const QColor &tint, qreal amount)
{
    return QColor::fromRgbF(float(base.redF() + (tint.redF() - base.redF()) * amount),
                            float(base.greenF() + (tint.greenF() - base.greenF()) * amount),
                            float(base.blueF() + (tint.blueF() - base.blueF()) * amount));
}

} // namespace

bool LogColors::isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightnessF() < 0.5;
}

LogColors LogColors::forPalette(const QPalette &palette)
{
    const QColor base = palette.color(QPalette::Base);
    const QColor text = palette.color(QPalette::Text);
    const bool dark = isDark(palette);
    // On a dark base a tint needs more of the hue to be seen; text needs lighter, less saturated hues.
    const auto pick = [dark](QRgb light, QRgb darkVariant) {
        return QColor::fromRgb(dark ? darkVariant : light);
    };

    LogColors c;
    c.receivedBackground = base;
    c.sentBackground = mix(base, QColor::fromRgb(0x3584e4), dark ? 0.16 : 0.08);
    c.errorBackground = mix(base, QColor::fromRgb(0xe01b24), dark ? 0.32 : 0.15);
    c.errorSelection = QColor::fromRgb(0xc01c28); // strong enough for white text on either base
    c.matchBackground = mix(base, QColor::fromRgb(0xf6d32d), dark ? 0.30 : 0.45);
    c.errorText = pick(0xb3141c, 0xff8c8c);
    c.dimText = mix(text, base, 0.45);
    c.kindText[int(StanzaKind::Message)] = pick(0x1a5fb4, 0x8cbcff);
    c.kindText[int(StanzaKind::Presence)] = pick(0x26804a, 0x7fd99a);
    c.kindText[int(StanzaKind::Iq)] = pick(0x8a3fb0, 0xd3a6f5);
    c.kindText[int(StanzaKind::Stream)] = c.dimText;
    c.kindText[int(StanzaKind::Other)] = pick(0x9a5b00, 0xf0b866);
    c.directionText[int(Direction::Received)] = pick(0x26804a, 0x7fd99a);
    c.directionText[int(Direction::Sent)] = pick(0x1a5fb4, 0x8cbcff);

    c.xmlPunctuation = c.dimText;
    c.xmlTag = pick(0x1a5fb4, 0x8cbcff);
    c.xmlAttribute = pick(0x8a3fb0, 0xd3a6f5);
    c.xmlValue = pick(0x26804a, 0x8fdc9f);
    c.xmlEntity = pick(0x9a5b00, 0xf0b866);
    c.xmlText = text;
    return c;
}

} // namespace xcm
