// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

#include <bit>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

// Finding the few bytes of a stanza that need a look (markup, escapes, line breaks) sixteen at a time,
// for the loops that run over every byte of every stanza: the scanner, the capture's JSON, xcm-cli's
// lines.
namespace xcm::bytescan {

// Classes of bytes that stop a scan besides the bytes named.
enum Also : unsigned
{
    Controls = 1, // below 0x20 (tab, line feed and carriage return among them)
    NonAscii = 2, // 0x80 and above
};

// Skips 16 bytes at a time, where SSE2 is there, while none is one of `bytes` or in the classes of
// `also`. Returns the first such byte, or where fewer than 16 bytes are left: the caller's own byte
// loop goes on from there (and without SSE2 starts at `p`).
template<unsigned also, typename... Bytes>
inline const uchar *skipWhileNone(const uchar *p, const uchar *end, Bytes... bytes)
{
#if defined(__SSE2__)
    for (; end - p >= 16; p += 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
        __m128i hit = _mm_setzero_si128();
        ((hit = _mm_or_si128(hit, _mm_cmpeq_epi8(v, _mm_set1_epi8(char(bytes))))), ...);
        if constexpr ((also & Controls) != 0) {
            const __m128i lastControl = _mm_set1_epi8(0x1F);
            hit = _mm_or_si128(hit, _mm_cmpeq_epi8(_mm_max_epu8(v, lastControl), lastControl)); // v <= 0x1F
        }
        if constexpr ((also & NonAscii) != 0)
            hit = _mm_or_si128(hit, v); // the high bit is a non-ASCII byte's own
        if (const int mask = _mm_movemask_epi8(hit))
            return p + std::countr_zero(unsigned(mask));
    }
#else
    Q_UNUSED(end);
    ((void)bytes, ...);
#endif
    return p;
}

} // namespace xcm::bytescan
