// SPDX-License-Identifier: GPL-3.0-or-later
// The German catalogue at run time. translations_current proves every string has a translation in
// xcm_de.ts; this proves the code asks for it under the same context lupdate filed it in (a mismatch
// translates nothing, and no tool notices), one string per kind of context: Q_OBJECT classes, classes
// with Q_DECLARE_TR_FUNCTIONS, file-local helpers and spelled-out QCoreApplication::translate() calls.
#include "aboutdialog.h"
#include "componentconnection.h"
#include "connectionstate.h"
#include "disconnectreason.h"
#include "jid.h"
#include "localport.h"
#include "overflowbar.h"
#include "stanzalogmodel.h"
#include "stanzalogview.h"
#include "stanzapolicy.h"
#include "stanzatemplates.h"
#include "statestyle.h"
#include "streamparser.h"
#include "translations.h"
#include "xmlelement.h"

#include <QApplication>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace {
// Set by tests/translations/CMakeLists.txt: where lrelease put xcm_de.qm.
const QString qmDirectory = QStringLiteral(XCM_QM_DIRECTORY);
} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void englishInstallsNothing();
    void languagesOnOffer();
    void germanEverywhere();
    void connectionExplanationsInGerman();
    void aboutDialogInGerman();
    void qtDialogsInGerman();
    void logViewFitsInGerman();
};

void TestTranslations::englishInstallsNothing()
{
    QCOMPARE(xcm::installTranslations(*qApp, u"en"_s, qmDirectory), QString());
    QCOMPARE(xcm::installTranslations(*qApp, u"fr"_s, qmDirectory), QString()); // no French: English
    QCOMPARE(xcm::displayName(xcm::ConnectionState::Connected), u"Connected"_s);
}

void TestTranslations::languagesOnOffer()
{
    QCOMPARE(xcm::availableLanguages(qmDirectory), QStringList({u"en"_s, u"de"_s}));
}

void TestTranslations::germanEverywhere()
{
    QCOMPARE(xcm::installTranslations(*qApp, u"de_AT"_s, qmDirectory), u"de"_s);

    // Spelled-out contexts in lib/ and ui/.
    QCOMPARE(xcm::displayName(xcm::ConnectionState::Connected), u"Verbunden"_s);
    QCOMPARE(xcm::templateName(xcm::StanzaTemplate::MessageChat), u"Nachricht · chat"_s);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QCOMPARE(xcm::stateLook(xcm::ConnectionState::Disconnected, {}, now + 3000, now).text,
             u"Neuer Versuch in 3 s"_s);
    const xcm::DisconnectReason dropped = xcm::DisconnectReason::fromProtocolViolation({});
    QCOMPARE(xcm::stateLook(xcm::ConnectionState::Disconnected, dropped, 0, now, 3).text,
             u"Nach 3 Versuchen fehlgeschlagen"_s);
    // Q_DECLARE_TR_FUNCTIONS, from a member and from a free function.
    const xcm::DisconnectReason violation = xcm::DisconnectReason::fromProtocolViolation({});
    QVERIFY2(violation.explanation.startsWith(u"der Server hat Daten gesendet"),
             qPrintable(violation.explanation));
    const QString explained = xcm::explainServerStreamError(u"not-authorized"_s, u"bot.example"_s);
    QVERIFY2(explained.contains(u"Shared Secret abgelehnt"), qPrintable(explained));
    // File-local helpers.
    QString error;
    QVERIFY(!xcm::Jid::parse(u""_s, &error).isValid());
    QCOMPARE(error, u"die Adresse ist leer"_s);
    QVERIFY(xcm::XmlElement::parse("<a><!-- c --></a>", &error).isNull());
    QVERIFY2(error.startsWith(u"Kommentare sind in XMPP nicht erlaubt (Zeile 1"), qPrintable(error));
    // A value type's member.
    const QString refused = xcm::StanzaPolicy{u"bot.example"_s, 1024}.check(
        "<message to='alice@example.org' from='someone.else'/>");
    QVERIFY2(refused.startsWith(u"'from' muss in der Komponentendomain bot.example liegen"),
             qPrintable(refused));
    // QT_TR_NOOP texts of the errors xcm sends: English on the wire, German on the screen.
    xcm::StreamParser parser;
    QSignalSpy failed(&parser, &xcm::StreamParser::failed);
    parser.feed("<stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'>");
    QCOMPARE(failed.size(), 1);
    const auto sent = failed.first().first().value<xcm::StreamError>();
    QVERIFY2(sent.text.startsWith(u"the server opened a client stream"), qPrintable(sent.text));
    QVERIFY2(sent.toXml().contains("the server opened a client stream"), sent.toXml().constData());
    const xcm::DisconnectReason shown = xcm::DisconnectReason::fromProtocolViolation(sent);
    QVERIFY2(shown.detail.startsWith(u"der Server öffnete einen Client-Stream"), qPrintable(shown.detail));
}

void TestTranslations::connectionExplanationsInGerman()
{
    // A connection's socket errors (socketErrorReason); a closed port on the loopback interface gives one.
    const quint16 port = xcm::test::closedLocalPort();
    QVERIFY(port != 0);

    xcm::ComponentConnection connection;
    xcm::ConnectionSettings settings;
    settings.host = u"127.0.0.1"_s;
    settings.port = port;
    settings.domain = u"bot.example"_s;
    settings.reconnect.enabled = false;
    connection.setSettings(settings);
    connection.setSecret(u"secret"_s);
    connection.connectToServer();
    QTRY_COMPARE(connection.lastReason().kind, xcm::DisconnectReason::Kind::Network);
    QVERIFY2(connection.lastReason().explanation.startsWith(
                 u"auf 127.0.0.1:%1 nimmt niemand Verbindungen an"_s.arg(port)),
             qPrintable(connection.lastReason().explanation));
}

void TestTranslations::aboutDialogInGerman()
{
    xcm::AboutDialog dialog;
    QCOMPARE(dialog.windowTitle(), u"Über xcm"_s);
    const auto *text = dialog.findChild<QLabel *>(u"aboutText"_s);
    QVERIFY(text);
    QVERIFY2(text->text().contains(u"xcm " XCM_VERSION), qPrintable(text->text()));
    QVERIFY(text->text().contains(u"<a href=\"https://www.gnu.org/licenses/gpl-3.0.html\">GNU General Public "
                                  u"License</a>, Version 3 oder (nach Ihrer Wahl)"));
    QVERIFY(text->text().contains(u">Fehler melden</a>"));
    QVERIFY(xcm::AboutDialog::versionReport().startsWith(u"xcm " XCM_VERSION "\nQt "));
}

void TestTranslations::qtDialogsInGerman()
{
    // Qt's own catalogue comes with xcm's (qt6-translations-l10n is a dependency): no English buttons
    // amid German. A missing package fails here rather than skipping.
    QDialogButtonBox buttons(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    QCOMPARE(buttons.button(QDialogButtonBox::Cancel)->text(), u"Abbrechen"_s);
}

void TestTranslations::logViewFitsInGerman()
{
    xcm::StanzaLogModel model;
    xcm::StanzaLogView view;
    view.setModel(&model);
    view.resize(1200, 500);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const QList<QAction *> actions = view.menuActions();
    QCOMPARE(actions.first()->text(), u"&Suchen …"_s);

    // The longer words still leave room for a sidebar in an 800 px window, and nothing is squeezed.
    const int minimum = view.minimumSizeHint().width();
    QVERIFY2(minimum <= 600, qPrintable(QString::number(minimum)));
    view.resize(minimum, 500);
    auto *bar = view.findChild<xcm::OverflowBar *>(u"filterBar"_s);
    QVERIFY(bar);
    QTRY_VERIFY(bar->overflowButton()->isVisible());
    for (const QWidget *control : bar->findChildren<QWidget *>(Qt::FindDirectChildrenOnly)) {
        if (control->isVisible()) {
            QVERIFY2(control->width() >= control->minimumSizeHint().width() &&
                         bar->rect().contains(control->geometry()),
                     qPrintable(control->objectName()));
        }
    }
}

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
