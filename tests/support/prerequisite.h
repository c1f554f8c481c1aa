// SPDX-License-Identifier: GPL-3.0-or-later
// A test that lacks a tool it needs (Prosody, slixmpp, a session bus with a keychain, openssl, ...) skips on
// a developer's machine, but FAILS under CI: there a skip would be counted as a pass, and a claim would go
// untested without anyone noticing. CI is detected the usual way (CI set, and not "false" or "0");
// tools/test sets CI=true, so the README's test command requires everything too.
#pragma once

#include <QByteArray>
#include <QString>
#include <QtTest/QTest>

namespace XcmTest {

inline bool prerequisitesRequired()
{
    const QByteArray ci = qgetenv("CI").trimmed().toLower();
    return !ci.isEmpty() && ci != "false" && ci != "0";
}

} // namespace XcmTest

// A macro, not a function: QSKIP and QFAIL return from the calling test function.
#define XCM_REQUIRE_PREREQUISITE(condition, why)                                                             \
    do {                                                                                                     \
        if (!(condition)) {                                                                                  \
            const QString xcmWhy_ = (why);                                                                   \
            if (XcmTest::prerequisitesRequired())                                                            \
                QFAIL(qPrintable(                                                                            \
                    QStringLiteral("missing prerequisite (CI is set, so this is a failure): ") + xcmWhy_));  \
            QSKIP(qPrintable(xcmWhy_));                                                                      \
        }                                                                                                    \
    } while (false)
