// SPDX-License-Identifier: GPL-3.0-or-later
#include "clocktext.h"

namespace xcm::clocktext {

char *putDigits(char *at, qint64 value, int width)
{
    char digits[20];
    int count = 0;
    do {
        digits[count++] = char('0' + value % 10);
        value /= 10;
    } while (value > 0 || count < width);
    while (count > 0)
        *at++ = digits[--count];
    return at;
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
