// SPDX-License-Identifier: GPL-3.0-or-later
#include "clocktext.h"

#include <array>
#include <cstring>

namespace xcm::clocktext {

namespace {

// "00", "01" … "99": two digits a step (a capture line writes some ten numbers).
constexpr auto digitPairs = [] {
    std::array<char, 200> pairs{};
    for (int i = 0; i < 100; ++i) {
        pairs[size_t(2 * i)] = char('0' + i / 10);
        pairs[size_t(2 * i + 1)] = char('0' + i % 10);
    }
    return pairs;
}();

} // namespace

char *putDigits(char *at, qint64 value, int width)
{
    char digits[20]; // a qint64 has at most 19; widths in use are 4 at most
    char *const end = digits + sizeof digits;
    char *first = end;
    auto rest = quint64(value);
    while (rest >= 100) {
        first -= 2;
        std::memcpy(first, digitPairs.data() + 2 * (rest % 100), 2);
        rest /= 100;
    }
    if (rest >= 10) {
        first -= 2;
        std::memcpy(first, digitPairs.data() + 2 * rest, 2);
    } else {
        *--first = char('0' + rest);
    }
    while (end - first < width && first > digits)
        *--first = '0';
    std::memcpy(at, first, size_t(end - first));
    return at + (end - first);
}

char *putTimeOfDay(char *at, qint64 msOfDay)
{
    at = putDigits(at, msOfDay / 3'600'000, 2);
    *at++ = ':';
    at = putDigits(at, msOfDay / 60'000 % 60, 2);
    *at++ = ':';
    at = putDigits(at, msOfDay / 1000 % 60, 2);
    *at++ = '.';
    return putDigits(at, msOfDay % 1000, 3);
}

} // namespace xcm::clocktext
