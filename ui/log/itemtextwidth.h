// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QStyleOptionViewItem;

namespace xcm {

// The width a view's style leaves an item's text: its text rectangle less the margins it draws the text
// with. For delegates that elide a text themselves (a JID keeps its domain) instead of leaving it to the
// style. `option` is initialised for the item (initStyleOption).
int itemTextWidth(const QStyleOptionViewItem &option);

} // namespace xcm
