// SPDX-License-Identifier: GPL-3.0-or-later
// xcm-bench-gui-peer: the xcm GUI contender. The real main window (under QT_QPA_PLATFORM=offscreen in
// bench/run) with one profile whose session — connection, stanza log model and log view, wired by the
// app's own code — runs the benchmark's protocol, the log following the newest row. A 10 ms timer
// measures the longest UI freeze. With XCM_BENCH_RECORD set, the profile records its traffic to disk. Same
// command line as xcm-bench-peer; the last line on stderr is
//   XCM-BENCH-GUI max_lateness_ms=… long_freezes=… ticks=… rows=… dropped=… following=… at_bottom=…

#include "benchpeer.h"
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

#include <QApplication>
#include <QScrollBar>
#include <QTableView>

#include <cstdio>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    xcm::reserveHeapHeadroom(); // as the xcm binary does
    QApplication app(argc, argv);
    // Its own settings and profiles, never the user's xcm ones.
    QApplication::setOrganizationName(u"xcm-bench"_s);
    QApplication::setApplicationName(u"xcm-bench-gui-peer"_s);
    const auto options = xcm::bench::PeerOptions::parse(
        app, u"The xcm GUI contender of the component benchmark: the real main window, log following."_s);

    xcm::MainWindow window;
    xcm::Profile profile = xcm::Profile::create(u"bench"_s);
    profile.settings.host = options.host;
    profile.settings.port = options.port;
    profile.settings.domain = options.domain;
    profile.settings.reconnect.enabled = false; // one run, one connection: a retry would hide a failure
    window.profileStore()->add(profile);
    xcm::ProfileSession *session = window.sessions()->session(profile.id);
    if (!session) {
        std::fprintf(stderr, "xcm-bench-gui-peer: the main window made no session for the profile\n");
        return 1;
    }
    // What a profile import does: the session gets the secret now, the keychain read at connect (which
    // bench/run leaves without a keychain) keeps it.
    session->setSecret(options.secret);
    // The xcm-gui-record contender: the same with Profile › Record Traffic to Disk on, to show what
    // recording costs (the captures go to this run's private XDG_DATA_HOME).
    if (qEnvironmentVariableIsSet("XCM_BENCH_RECORD")) {
        QString why;
        if (!session->startRecording(&why)) {
            std::fprintf(stderr, "xcm-bench-gui-peer: cannot record: %s\n", qPrintable(why));
            return 1;
        }
    }
    window.selectProfile(profile.id);
    window.resize(1280, 800);
    window.show();
    xcm::StanzaLogView *view = window.pageFor(session)->logView();
    view->setFollowing(true);

    xcm::bench::FreezeMeter meter;
    xcm::bench::BenchPeer peer(session->connection(), options);
    QObject::connect(session->connection(), &xcm::ComponentConnection::stateChanged, &meter,
                     [&meter](xcm::ConnectionState state) {
                         if (state == xcm::ConnectionState::Connected)
                             meter.start(); // the run: from the handshake to the answer
                     });
    QObject::connect(
        &peer, &xcm::bench::BenchPeer::finished, &app, [&](bool answered, const QString &reason) {
            meter.stop();
            xcm::StanzaLogModel *log = session->log();
            log->flush();
            QCoreApplication::processEvents(); // the view takes the last rows and scrolls to them
            const QScrollBar *bar = view->tableView()->verticalScrollBar();
            std::fprintf(stderr, "xcm-bench-gui-peer: %llu messages, %s (%s)\n",
                         static_cast<unsigned long long>(peer.messagesReceived()),
                         answered ? "answered" : "not answered", qPrintable(reason));
            std::fprintf(
                stderr,
                "XCM-BENCH-GUI max_lateness_ms=%.1f long_freezes=%llu ticks=%llu rows=%d dropped=%llu "
                "following=%d at_bottom=%d\n",
                meter.maxLatenessMs(), static_cast<unsigned long long>(meter.longFreezes()),
                static_cast<unsigned long long>(meter.ticks()), log->rowCount(),
                static_cast<unsigned long long>(log->droppedCount()), view->isFollowing() ? 1 : 0,
                bar->value() == bar->maximum() ? 1 : 0);
            QCoreApplication::exit(answered ? 0 : 1);
        });
    session->connectToServer();
    return app.exec();
}
