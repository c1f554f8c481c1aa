// xcm: the desktop app. Profiles in a sidebar, a live stanza log and a compose form per profile.
#include "apppalette.h"
#include "mainwindow.h"
#include "profileimport.h"
#include "profilesession.h"
#include "profilestore.h"
#include "screenshotter.h"
#include "secretstore.h"
#include "sessionlistmodel.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QEventLoop>
#include <QIcon>
#include <QTextStream>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace {

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

// Adds or updates the profiles described in `files` and stores their secrets. Returns false (after
// saying why) if a file cannot be used; `pending` counts secrets still being written.
bool importProfiles(xcm::MainWindow &window, const QStringList &files, int &pending)
{
    for (const QString &file : files) {
        const xcm::ProfileImport::Result imported = xcm::ProfileImport::readFile(file);
        for (const QString &warning : imported.warnings)
            err() << "xcm: warning: " << warning << Qt::endl;
        if (!imported.ok()) {
            err() << "xcm: " << imported.error << Qt::endl;
            return false;
        }
        xcm::Profile profile = imported.profile;
        const xcm::Profile existing = window.profileStore()->findByName(profile.name);
        if (existing.isNull()) {
            window.profileStore()->add(profile);
        } else {
            profile.id = existing.id; // keeps its secret entry and history
            window.profileStore()->update(profile);
        }
        if (imported.secret.isEmpty())
            continue;
        if (xcm::ProfileSession *session = window.sessions()->session(profile.id))
            session->setSecret(imported.secret);
        ++pending;
        const QString name = profile.name;
        window.secretStore()->write(
            profile.secretKey(), imported.secret, &window,
            [name, &pending](const xcm::SecretStore::Result &result) {
                --pending;
                if (result.location == xcm::SecretStore::Location::Keychain)
                    err() << "xcm: profile \"" << name << "\": secret stored in the keychain" << Qt::endl;
                else
                    err() << "xcm: profile \"" << name << "\": no keychain (" << result.error
                          << "), the secret is kept in memory for this run only" << Qt::endl;
            });
    }
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(u"xcm"_s);
    QApplication::setApplicationName(u"xcm"_s);
    QApplication::setApplicationDisplayName(u"xcm"_s);
    QApplication::setApplicationVersion(QStringLiteral(XCM_VERSION));
    QApplication::setDesktopFileName(u"io.github.xcmproject.xcm"_s); // packaging/*.desktop
    QApplication::setWindowIcon(QIcon(u":/xcm/icons/xcm.svg"_s));

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
        QApplication::translate("main",
                                "Once connected with traffic, save <prefix>-main.png, -compose.png and "
                                "-editor.png, then quit."),
        u"prefix"_s);
    parser.addOptions({profileOption, connectOption, paletteOption, importOption, importOnlyOption,
                       sizeOption, screenshotsOption});
    parser.process(app);

    if (!xcm::applyPalette(app, parser.value(paletteOption))) {
        err() << "xcm: unknown palette '" << parser.value(paletteOption) << "' (light, dark or system)"
              << Qt::endl;
        return 1;
    }

    xcm::MainWindow window;

    int pendingSecrets = 0;
    if (!importProfiles(window, parser.values(importOption), pendingSecrets))
        return 1;
    if (parser.isSet(importOnlyOption)) {
        // Wait for the keychain before leaving, or the secrets would be lost with the process.
        QEventLoop loop;
        QTimer poll;
        QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
            if (pendingSecrets == 0)
                loop.quit();
        });
        poll.start(20);
        if (pendingSecrets > 0)
            loop.exec();
        return window.secretStore()->isUnavailable() ? 3 : 0;
    }

    QList<xcm::ProfileSession *> named;
    const QStringList names = parser.values(profileOption);
    for (const QString &name : names) {
        const xcm::Profile profile = window.profileStore()->findByName(name);
        if (profile.isNull()) {
            err() << "xcm: no profile called \"" << name << "\"" << Qt::endl;
            continue;
        }
        named.append(window.sessions()->session(profile.id));
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

    std::unique_ptr<xcm::Screenshotter> screenshotter;
    if (parser.isSet(screenshotsOption)) {
        screenshotter = std::make_unique<xcm::Screenshotter>(&window, parser.value(screenshotsOption));
        screenshotter->start();
    }
    return app.exec();
}
