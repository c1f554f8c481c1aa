// SPDX-License-Identifier: GPL-3.0-or-later
// A thread's request for short scheduler slices (the desktop proxy's relay thread makes it): taken by the
// kernel for that thread alone, its nice value kept.
#include "schedulerslice.h"
#include "support/prerequisite.h"

#include <QTest>

#include <sys/resource.h>
#include <sys/utsname.h>
#include <thread>

using namespace std::chrono_literals;

namespace {

// Custom slices for ordinary threads came with Linux 6.12.
bool kernelHasCustomSlices()
{
    utsname name{};
    if (::uname(&name) != 0)
        return false;
    int major = 0;
    int minor = 0;
    return std::sscanf(name.release, "%d.%d", &major, &minor) == 2 &&
           (major > 6 || (major == 6 && minor >= 12));
}

} // namespace

class TestSchedulerSlice : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void aThreadGetsTheSliceItAsksFor();
};

void TestSchedulerSlice::aThreadGetsTheSliceItAsksFor()
{
    XCM_REQUIRE_PREREQUISITE(kernelHasCustomSlices(),
                             u"a Linux kernel 6.12 or later (custom scheduler slices)"_qs);
    const std::chrono::microseconds usual = xcm::schedulerSlice(); // the kernel's default
    QVERIFY(usual > 150us);
    bool taken = false;
    std::chrono::microseconds seen{};
    int niceBefore = 0;
    int niceAfter = 0;
    std::thread relay([&] {
        ::setpriority(PRIO_PROCESS, 0, 3); // raising one's nice needs no privilege
        niceBefore = ::getpriority(PRIO_PROCESS, 0);
        taken = xcm::requestShortSchedulerSlice(150us);
        seen = xcm::schedulerSlice();
        niceAfter = ::getpriority(PRIO_PROCESS, 0);
    });
    relay.join();
    QVERIFY(taken);
    QCOMPARE(seen, 150us);
    QCOMPARE(niceBefore, 3);
    QCOMPARE(niceAfter, 3);
    QCOMPARE(xcm::schedulerSlice(), usual); // that thread's alone
}

QTEST_GUILESS_MAIN(TestSchedulerSlice)
#include "tst_schedulerslice.moc"
