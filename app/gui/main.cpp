// SPDX-License-Identifier: GPL-3.0-or-later
// xcm: the desktop app. Profiles in a sidebar, a live stanza log and a compose form per profile.
#include "apppalette.h"
#include "heapheadroom.h"
#include "mainwindow.h"
#include "processhardening.h"
#include "profileservice.h"
#include "profilesession.h"
#include "profilestore.h"
#include "savedlogwindow.h"
#include "screenshotter.h"
#include "secretstore.h"
#include "sessionlistmodel.h"
#include "translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QEventLoop>
#include <QFileInfo>
#include <QIcon>
#include <QMenuBar>
#include <QTextStream>
#include <QTimer>
#include <QWindow>

using namespace Qt::StringLiterals;

namespace {

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

// --lang has to be known before the parser is built, so that --help is in that language too.
QString languageArgument(const QStringList &arguments)
{
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        if (arguments[i] == u"--lang" || arguments[i] == u"-lang")
            return arguments.value(i + 1);
        if (arguments[i].startsWith(u"--lang="))
            return arguments[i].sliced(7);
    }
    return {};
}

// --smoke-test: once the window is really on screen (exposed: the platform plugin works), check that the
// SVG icons render (the icon engine plugin is installed), say so with the language in use, and quit
// without saving the layout. Fails after 20 s without a window, or without icons.
void quitOnceShown(xcm::MainWindow &window, const QString &language)
{
    auto *poll = new QTimer(&window);
    auto waited = std::make_shared<int>(0);
    QObject::connect(poll, &QTimer::timeout, &window, [&window, poll, waited, language] {
        *waited += poll->interval();
        const bool exposed = window.windowHandle() && window.windowHandle()->isExposed();
        // Saved logs given as arguments are reported once read (bounded by the same wait).
        QList<const xcm::SavedLogWindow *> savedLogs;
        bool reading = false;
        for (const QWidget *widget : QApplication::topLevelWidgets()) {
            if (const auto *savedLog = qobject_cast<const xcm::SavedLogWindow *>(widget)) {
                savedLogs.append(savedLog);
                reading = reading || savedLog->isLoading();
            }
        }
        if ((!exposed || reading) && *waited < 20000)
            return;
        poll->stop();
        const bool icons = !QApplication::windowIcon().pixmap(32, 32).isNull();
        QTextStream(stdout) << (exposed ? "xcm: smoke test: window shown (" : "xcm: smoke test: no window (")
                            << window.width() << 'x' << window.height() << ", "
                            << window.sessions()->rowCount() << " profiles, "
                            << QGuiApplication::platformName() << ", language "
                            << (language.isEmpty() ? u"en"_s : language)
                            << (icons ? ", icons rendered)" : ", NO ICONS: is the Qt SVG plugin installed?)")
                            << Qt::endl;
        // What --palette and --lang did, as a package check or a test can read it: the window's colour,
        // the menus in xcm's language, and a button text from Qt's own catalogue.
        // Not literals: the text is Qt's to translate (qtbase_*.qm), not one for xcm's catalogue.
        const char *qtContext = "QPlatformTheme";
        const char *qtCancel = "Cancel";
        QStringList menus;
        for (const QAction *menu : window.menuBar()->actions())
            menus.append(menu->text().remove(u'&'));
        QTextStream(stdout) << "xcm: smoke test: window colour "
                            << window.palette().color(QPalette::Window).name() << ", menus "
                            << menus.join(u", "_s)
                            << ", Qt's Cancel: " << QCoreApplication::translate(qtContext, qtCancel)
                            << Qt::endl;
        for (const xcm::SavedLogWindow *savedLog : std::as_const(savedLogs))
            QTextStream(stdout) << "xcm: smoke test: saved log " << QFileInfo(savedLog->path()).fileName()
                                << ": " << savedLog->statusText() << Qt::endl;
        QCoreApplication::exit(exposed && icons ? 0 : 1);
    });
    poll->start(50);
}

// Adds or updates the profiles described in `files` and starts storing their secrets, saying on
// standard error what happens. Returns false (after saying why) if a file cannot be used.
bool importProfiles(xcm::ProfileService &profiles, const QStringList &files)
{
    QObject::connect(&profiles, &xcm::ProfileService::importMessage, &profiles,
                     [](const QString &text) { err() << "xcm: " << text << Qt::endl; });
    QObject::connect(&profiles, &xcm::ProfileService::importFailed, &profiles,
                     [](const QString &error) { err() << "xcm: " << error << Qt::endl; });
    for (const QString &file : files) {
        if (!profiles.importProfile(file))
            return false;
    }
    return true;
}

// True for --help, --help-all and --version, which only print: they must work without a display (in
// a terminal over SSH, in a package check).
bool onlyPrints(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        const QByteArrayView argument(argv[i]);
        if (argument == "-h" || argument == "--help" || argument == "--help-all" || argument == "-v" ||
            argument == "--version")
            return true;
    }
    return false;
}

} // namespace

int main(int argc, char *argv[])
{
    xcm::protectProcessMemory();
    xcm::reserveHeapHeadroom();
    if (onlyPrints(argc, argv) && !qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setOrganizationName(u"xcm"_s);
    QApplication::setApplicationName(u"xcm"_s);
    QApplication::setApplicationDisplayName(u"xcm"_s);
    QApplication::setApplicationVersion(QStringLiteral(XCM_VERSION));
    QApplication::setDesktopFileName(u"io.github.xcmproject.xcm"_s); // packaging/*.desktop
    QApplication::setWindowIcon(QIcon(u":/xcm/icons/xcm.svg"_s));
    const QString language = xcm::installTranslations(app, languageArgument(QApplication::arguments()));

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate(
        "main",
        "Connect XMPP external components (XEP-0114), watch their stanzas and send stanzas as them."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption profileOption(
        u"profile"_s,
        QApplication::translate("main", "Select the profile called <name> (repeat to connect several)."),
        u"name"_s);
    const QCommandLineOption connectOption(
        u"connect"_s,
        QApplication::translate("main", "Connect the profiles given with --profile (or the selected one)."));
    const QCommandLineOption paletteOption(
        u"palette"_s, QApplication::translate("main", "Colours: light, dark or system (default)."), u"name"_s,
        u"system"_s);
    const QCommandLineOption importOption(
        u"import-profile"_s,
        QApplication::translate("main",
                                "Add or update a profile from a key=value file (name, host, port, domain, "
                                "secret-file); its secret goes to the keychain."),
        u"file"_s);
    const QCommandLineOption importOnlyOption(
        u"import-only"_s,
        QApplication::translate("main", "With --import-profile: store, then exit without a window."));
    const QCommandLineOption sizeOption(
        u"size"_s, QApplication::translate("main", "Window size, e.g. 1280x800."), u"WxH"_s);
    const QCommandLineOption screenshotsOption(
        u"screenshots"_s,
        QApplication::translate("main", "Once connected with traffic, save <prefix>-main.png, -compose.png, "
                                        "-editor.png and -editor-component.png, then quit."),
        u"prefix"_s);
    const QCommandLineOption languageOption(
        u"lang"_s,
        QApplication::translate("main", "Language of the window: %1 (default: the system's).")
            .arg(xcm::availableLanguages().join(u", "_s)),
        u"code"_s);
    const QCommandLineOption smokeTestOption(
        u"smoke-test"_s,
        QApplication::translate("main",
                                "Open the window, quit as soon as it is on screen and say so; exit status 0 "
                                "if it was shown (for package and installation checks)."));
    parser.addOptions({profileOption, connectOption, paletteOption, importOption, importOnlyOption,
                       sizeOption, screenshotsOption, languageOption, smokeTestOption});
    parser.addPositionalArgument(
        u"file"_s,
        QApplication::translate("main",
                                "Saved logs to open read-only: captures, or exports (JSON Lines, XML)."),
        u"[file...]"_s);
    parser.process(app);

    if (!xcm::applyPalette(app, parser.value(paletteOption))) {
        err() << "xcm: "
              << QCoreApplication::translate("main", "unknown palette “%1” (light, dark or system)")
                     .arg(parser.value(paletteOption))
              << Qt::endl;
        return 1;
    }

    auto profiles = std::make_unique<xcm::ProfileService>();
    if (!importProfiles(*profiles, parser.values(importOption)))
        return 1;
    if (parser.isSet(importOnlyOption)) {
        // Wait for the keychain before leaving, or the secrets would be lost with the process.
        if (profiles->pendingSecretJobs() > 0) {
            QEventLoop loop;
            QObject::connect(profiles.get(), &xcm::ProfileService::secretJobsFinished, &loop,
                             &QEventLoop::quit);
            loop.exec();
        }
        return profiles->secrets()->isUnavailable() ? 3 : 0;
    }

    xcm::MainWindow window(std::move(profiles));

    // A mistyped name must not open, let alone connect, some other profile: refuse before the window.
    QList<xcm::ProfileSession *> named;
    QStringList unknown;
    const QStringList names = parser.values(profileOption);
    for (const QString &name : names) {
        const xcm::Profile profile = window.profileStore()->findByName(name);
        if (profile.isNull())
            unknown.append(name);
        else
            named.append(window.sessions()->session(profile.id));
    }
    if (!unknown.isEmpty()) {
        QStringList existing;
        for (const xcm::Profile &profile : window.profileStore()->profiles())
            existing.append(u"“"_s + profile.name + u"”"_s);
        for (const QString &name : std::as_const(unknown))
            err() << "xcm: " << QCoreApplication::translate("main", "no profile called “%1”").arg(name)
                  << Qt::endl;
        err()
            << "xcm: "
            << (existing.isEmpty()
                    ? QCoreApplication::translate("main", "there are no profiles yet (create one in the "
                                                          "window, or use --import-profile)")
                    : QCoreApplication::translate("main", "the profiles are: %1").arg(existing.join(u", "_s)))
            << Qt::endl;
        return 1;
    }
    if (!named.isEmpty())
        window.selectProfile(named.first()->profile().id);

    if (parser.isSet(sizeOption)) {
        const QStringList size = parser.value(sizeOption).split(u'x');
        if (size.size() == 2 && size[0].toInt() > 0 && size[1].toInt() > 0)
            window.resize(size[0].toInt(), size[1].toInt());
    }
    window.show();

    if (parser.isSet(connectOption)) {
        if (named.isEmpty() && window.currentSession())
            named.append(window.currentSession());
        for (xcm::ProfileSession *session : std::as_const(named))
            session->connectToServer();
    }

    for (const QString &file : parser.positionalArguments())
        window.openSavedLog(file);

    if (parser.isSet(smokeTestOption))
        quitOnceShown(window, language);

    std::unique_ptr<xcm::Screenshotter> screenshotter;
    if (parser.isSet(screenshotsOption)) {
        screenshotter = std::make_unique<xcm::Screenshotter>(&window, parser.value(screenshotsOption));
        screenshotter->start();
    }
    return app.exec();
}
