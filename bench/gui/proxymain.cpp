// SPDX-License-Identifier: GPL-3.0-or-later
// xcm-bench-gui-proxy: the desktop app's proxy path of the proxy benchmark. The real main window (under
// QT_QPA_PLATFORM=offscreen in bench/run) with one proxy profile, selected and shown, its log following
// the newest row as on screen; its session relays between the component and the load source exactly
// as a person's would. Same command line as the contenders (the upstream: --host --port --domain
// --secret-file); it listens on 127.0.0.1 on a free port and says "listening on 127.0.0.1:PORT" on
// standard error, as xcm-cli --proxy does, and stops cleanly on SIGTERM or SIGINT. Its last line is
//   XCM-BENCH-GUI-PROXY rows=… dropped=… max_lateness_ms=… long_freezes=…

#include "freezemeter.h"
#include "heapheadroom.h"
#include "mainwindow.h"
#include "peeroptions.h"
#include "profilesession.h"
#include "profilestore.h"
#include "sessionlistmodel.h"
#include "sessionpage.h"
#include "stanzalogmodel.h"
#include "stanzalogview.h"
#include "threadedproxy.h"

#include <QApplication>
#include <QTimer>

#include <csignal>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

volatile std::sig_atomic_t stopRequested = 0;

void requestStop(int)
{
    stopRequested = 1;
}

} // namespace

int main(int argc, char *argv[])
{
    xcm::reserveHeapHeadroom(); // as the xcm binary does
    QApplication app(argc, argv);
    // Its own settings and profiles, never the user's xcm ones.
    QApplication::setOrganizationName(u"xcm-bench"_s);
    QApplication::setApplicationName(u"xcm-bench-gui-proxy"_s);
    const auto options = xcm::bench::PeerOptions::parse(
        app, u"The desktop app's proxy for the proxy benchmark: the real main window, log following."_s);

    xcm::MainWindow window;
    xcm::Profile profile = xcm::Profile::create(u"bench proxy"_s);
    profile.mode = xcm::Profile::Mode::Proxy;
    profile.listenAddress = u"127.0.0.1"_s;
    profile.listenPort = 0; // a free port, said on stderr
    profile.settings.host = options.host;
    profile.settings.port = options.port;
    profile.settings.domain = options.domain;
    profile.settings.reconnect.enabled = false;
    window.profileStore()->add(profile);
    xcm::ProfileSession *session = window.sessions()->session(profile.id);
    if (!session) {
        std::fprintf(stderr, "xcm-bench-gui-proxy: the main window made no session for the profile\n");
        return 1;
    }
    // As a profile import does: the secret is given now, not read from a keychain (bench/run has none).
    session->setSecret(options.secret);
    window.selectProfile(profile.id);
    window.resize(1280, 800);
    window.show();
    xcm::StanzaLogView *view = window.pageFor(session)->logView();
    view->setFollowing(!qEnvironmentVariableIsSet("XCM_BENCH_NO_FOLLOW"));

    // The session reads the keychain first (none here: the secret given above stays), then listens.
    bool announced = false;
    QObject::connect(session, &xcm::ProfileSession::changed, &app, [&] {
        if (announced)
            return;
        if (session->proxy() && session->proxy()->isListening()) {
            announced = true;
            std::fprintf(stderr, "listening on 127.0.0.1:%u\n", unsigned(session->proxy()->listeningPort()));
        } else if (!session->listenProblem().isEmpty()) {
            std::fprintf(stderr, "xcm-bench-gui-proxy: not listening: %s\n",
                         qPrintable(session->listenProblem()));
            QCoreApplication::exit(1);
        }
    });
    session->connectToServer();

    xcm::bench::FreezeMeter meter;
    meter.start();
    std::signal(SIGTERM, requestStop);
    std::signal(SIGINT, requestStop);
    QTimer stopPoll;
    QObject::connect(&stopPoll, &QTimer::timeout, &app, [&] {
        if (!stopRequested)
            return;
        meter.stop();
        session->disconnectFromServer();
        xcm::StanzaLogModel *log = session->log();
        log->flush();
        std::fprintf(stderr,
                     "XCM-BENCH-GUI-PROXY rows=%d dropped=%llu max_lateness_ms=%.1f long_freezes=%llu\n",
                     log->rowCount(), static_cast<unsigned long long>(log->droppedCount()),
                     meter.maxLatenessMs(), static_cast<unsigned long long>(meter.longFreezes()));
        QCoreApplication::exit(0);
    });
    stopPoll.start(50);
    return app.exec();
}
