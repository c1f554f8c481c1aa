// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayView>
#include <QList>

#include <cstdint>

namespace xcm::fuzz {

// Once per process: a QCoreApplication (timers need one), Qt's own chatter silenced, and any Qt
// warning or critical message turned into a crash so that misuse of Qt shows up as a finding.
void initialise(int *argc, char ***argv);

// Splits `size` bytes into chunk lengths derived from the bytes themselves (a hash seeds the
// generator), so that every mutation also tries another chunking and a crash reproduces exactly.
QList<qsizetype> chunkLengths(QByteArrayView data, qsizetype maxChunk);

// abort() with a message: libFuzzer records the input that got here.
[[noreturn]] void fail(const char *what, QByteArrayView detail = {});

#define XCM_FUZZ_CHECK(condition, detail)                                                                    \
    do {                                                                                                     \
        if (!(condition))                                                                                    \
            ::xcm::fuzz::fail(#condition, detail);                                                           \
    } while (false)

} // namespace xcm::fuzz
