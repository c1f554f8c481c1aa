// SPDX-License-Identifier: GPL-3.0-or-later
// The profile editor's "As the component" box: what it shows is what the profile had, and what the
// user sets there is what the profile gets (the responder's switches, identity, features, answer by hand,
// the request timeout), as a user clicks and types; and the secret's Copy button, whose copy lasts 30 s.
#include "profileeditor.h"
#include "profilestore.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace xcm;

class TestProfileEditor : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void showsAndKeepsTheResponderSettings();
    void editsTheResponderSettings();
    void editsTheDiscoItems();
    void aProxyProfileOffersOnlyTheUnansweredFlag();
    void copiedSecretLeavesTheClipboardAfterThirtySeconds();
    void saysWhenAnotherProfileWouldClash();
};

namespace {

template<typename T> T *field(const ProfileEditor &editor, const QString &name)
{
    T *found = editor.findChild<T *>(name);
    if (!found)
        qFatal("no field %s", qPrintable(name));
    return found;
}

Profile sample()
{
    Profile profile = Profile::create(u"Gateway"_s);
    profile.settings.domain = u"gw.example.org"_s;
    profile.responder.version = false;
    profile.responder.identity = {u"gateway"_s, u"irc"_s, u"IRC"_s};
    profile.responder.extraFeatures = {u"urn:example:a"_s};
    profile.responder.items = {{u"rooms.gw.example.org"_s, {}, u"Rooms"_s}};
    profile.requestTimeout = 12s;
    return profile;
}

} // namespace

void TestProfileEditor::showsAndKeepsTheResponderSettings()
{
    const Profile profile = sample();
    ProfileEditor editor(profile, false, nullptr, nullptr);
    QVERIFY(field<QCheckBox>(editor, u"answerEnabled"_s)->isChecked());
    QVERIFY(!field<QCheckBox>(editor, u"answerVersion"_s)->isChecked());
    QVERIFY(!field<QCheckBox>(editor, u"revealOs"_s)->isEnabled()); // no version answers, no OS
    QCOMPARE(field<QLineEdit>(editor, u"identityType"_s)->text(), u"irc"_s);
    QCOMPARE(field<QSpinBox>(editor, u"requestTimeout"_s)->value(), 12);
    // Nothing touched: the profile comes back as it was, disco items included.
    QCOMPARE(editor.profile().responder, profile.responder);
    QCOMPARE(editor.profile().requestTimeout, profile.requestTimeout);
}

void TestProfileEditor::editsTheResponderSettings()
{
    ProfileEditor editor(sample(), false, nullptr, nullptr);
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    // The box is on the editor's second page, as a user finds it.
    auto *pages = field<QTabWidget>(editor, u"editorPages"_s);
    QTest::keyClick(&editor, Qt::Key_C, Qt::AltModifier | Qt::ShiftModifier);
    if (pages->currentIndex() != 1)
        pages->setCurrentIndex(1);
    QVERIFY(field<QCheckBox>(editor, u"answerPing"_s)->isVisible());
    QTest::mouseClick(field<QCheckBox>(editor, u"answerPing"_s), Qt::LeftButton);
    QLineEdit *name = field<QLineEdit>(editor, u"identityName"_s);
    name->clear();
    QTest::keyClicks(name, u"IRC bridge"_s);
    QLineEdit *features = field<QLineEdit>(editor, u"extraFeatures"_s);
    QTest::keyClicks(features, u" urn:example:b, urn:example:c"_s);
    QCheckBox *byHand = field<QCheckBox>(editor, u"answerByHand"_s);
    QSpinBox *limit = field<QSpinBox>(editor, u"handAnswerLimit"_s);
    QVERIFY(!limit->isEnabled());
    QTest::mouseClick(byHand, Qt::LeftButton);
    QVERIFY(limit->isEnabled());
    limit->setValue(0);
    QCOMPARE(limit->text(), u"no limit"_s);

    const Profile edited = editor.profile();
    QVERIFY(!edited.responder.ping);
    QCOMPARE(edited.responder.identity.name, u"IRC bridge"_s);
    QCOMPARE(edited.responder.extraFeatures,
             QStringList({u"urn:example:a"_s, u"urn:example:b"_s, u"urn:example:c"_s}));
    QVERIFY(edited.responder.answerByHand);
    QCOMPARE(edited.responder.handAnswerLimit, 0ms);
    QCOMPARE(edited.responder.items.size(), 1);

    // Emptied identity fields mean the defaults; unticking "answer" turns everything off.
    field<QLineEdit>(editor, u"identityCategory"_s)->clear();
    QTest::mouseClick(field<QCheckBox>(editor, u"answerEnabled"_s), Qt::LeftButton);
    QVERIFY(!byHand->isEnabled());
    QCOMPARE(editor.profile().responder.identity.category, u"component"_s);
    QVERIFY(!editor.profile().responder.enabled);
}

void TestProfileEditor::aProxyProfileOffersOnlyTheUnansweredFlag()
{
    // A proxy answers nothing by itself (its component does): the answering fields are off, their values
    // kept for when the profile is a component again; the time before a request is flagged still applies.
    ProfileEditor editor(sample(), false, nullptr, nullptr);
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    const QStringList answering{u"answerEnabled"_s, u"answerPing"_s, u"answerDisco"_s, u"identityType"_s,
                                u"extraFeatures"_s, u"discoItems"_s, u"answerByHand"_s};
    const auto enabledOnes = [&editor, &answering] {
        QStringList enabled;
        for (const QString &name : answering) {
            if (field<QWidget>(editor, name)->isEnabled())
                enabled.append(name);
        }
        return enabled;
    };
    QCOMPARE(enabledOnes(), answering);
    QTest::mouseClick(field<QRadioButton>(editor, u"proxyMode"_s), Qt::LeftButton);
    QVERIFY(!field<QLabel>(editor, u"proxyResponderNote"_s)->isHidden()); // on the second page
    QCOMPARE(enabledOnes(), QStringList());
    QVERIFY(field<QSpinBox>(editor, u"requestTimeout"_s)->isEnabled());
    QVERIFY(editor.profile().responder.enabled); // kept, not switched off

    QTest::mouseClick(field<QRadioButton>(editor, u"componentMode"_s), Qt::LeftButton);
    QCOMPARE(enabledOnes(), answering);

    // Proxy mode hides the keepalive and reconnect rows: the pages keep the room, with no band of
    // nothing between them and the buttons (there was one, 95 px high), switched to or opened in it.
    QTest::mouseClick(field<QRadioButton>(editor, u"proxyMode"_s), Qt::LeftButton);
    Profile proxy = sample();
    proxy.mode = Profile::Mode::Proxy;
    ProfileEditor proxyEditor(proxy, false, nullptr, nullptr);
    proxyEditor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&proxyEditor));
    for (ProfileEditor *shown : {&editor, &proxyEditor}) {
        const QWidget *pages = field<QTabWidget>(*shown, u"editorPages"_s);
        const QWidget *buttons = shown->findChild<QDialogButtonBox *>();
        QVERIFY(buttons);
        QTRY_VERIFY2(buttons->geometry().top() - pages->geometry().bottom() <= 20,
                     qPrintable(u"%1 px"_s.arg(buttons->geometry().top() - pages->geometry().bottom())));
    }
}

void TestProfileEditor::editsTheDiscoItems()
{
    ProfileEditor editor(sample(), false, nullptr, nullptr);
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    auto *pages = field<QTabWidget>(editor, u"editorPages"_s);
    pages->setCurrentIndex(1);
    auto *items = field<QPlainTextEdit>(editor, u"discoItems"_s);
    QCOMPARE(items->toPlainText(), u"rooms.gw.example.org | Rooms"_s);

    // A line that is no JID: said with its line, and Save refuses (on the other page, it comes back).
    items->setFocus();
    items->moveCursor(QTextCursor::End);
    QTest::keyClick(items, Qt::Key_Return);
    QTest::keyClicks(items, u"bad jid@ | Oops"_s);
    auto *error = field<QLabel>(editor, u"error"_s);
    QVERIFY2(error->text().contains(u"line 2"_s) && error->text().contains(u"bad jid@"_s),
             qPrintable(error->text()));
    QVERIFY(!editor.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save)->isEnabled());
    pages->setCurrentIndex(0);
    editor.accept();
    QCOMPARE(editor.result(), int(QDialog::Rejected));
    QCOMPARE(pages->currentIndex(), 1);

    // Fixed, with a node on a third line: all three are what disco#items will list.
    items->setPlainText(u"rooms.gw.example.org | Rooms\n\n  bot.gw.example.org | commands | Commands  "_s);
    QVERIFY(error->isHidden());
    const QList<ResponderSettings::DiscoItem> expected = {
        {u"rooms.gw.example.org"_s, {}, u"Rooms"_s}, {u"bot.gw.example.org"_s, u"commands"_s, u"Commands"_s}};
    QCOMPARE(editor.profile().responder.items, expected);
    items->setPlainText(u"a.example.org | b | c | d"_s);
    QVERIFY2(error->text().contains(u"at most"_s), qPrintable(error->text()));
}

void TestProfileEditor::copiedSecretLeavesTheClipboardAfterThirtySeconds()
{
    // The README promises 30 s: long enough to paste into a server's configuration, and no longer. The
    // timer is coarse (Qt allows 5 % either way), so: still there at 27 s, gone by 33 s, also when the
    // editor it came from was closed at once.
    QClipboard *clipboard = QApplication::clipboard();
    clipboard->setText(u"before"_s);
    QElapsedTimer copiedAt;
    {
        ProfileEditor editor(sample(), false, nullptr, nullptr);
        auto *secret = field<QLineEdit>(editor, u"secret"_s);
        secret->setText(u"s3cret-for-the-clipboard"_s);
        QTest::mouseClick(field<QToolButton>(editor, u"copySecret"_s), Qt::LeftButton);
        copiedAt.start();
        QCOMPARE(clipboard->text(), u"s3cret-for-the-clipboard"_s);
    }
    QTest::qWait(27000);
    QCOMPARE(clipboard->text(), u"s3cret-for-the-clipboard"_s);
    QTRY_VERIFY_WITH_TIMEOUT(clipboard->text().isEmpty(), 6000);
    QVERIFY2(copiedAt.elapsed() >= 27000 && copiedAt.elapsed() <= 33000,
             qPrintable(QString::number(copiedAt.elapsed())));
}

QTEST_MAIN(TestProfileEditor)
#include "tst_profileeditor.moc"

void TestProfileEditor::saysWhenAnotherProfileWouldClash()
{
    // Two profiles for the same component on the same server were saved without a word; connecting the
    // second one then cost the first its connection (the server's conflict).
    QTemporaryDir dir;
    ProfileStore store(dir.filePath(u"profiles.ini"_s));
    Profile existing = sample();
    existing.name = u"Gateway (live)"_s;
    store.add(existing);
    Profile proxy = Profile::create(u"Front"_s);
    proxy.mode = Profile::Mode::Proxy;
    proxy.settings.domain = u"other.example.org"_s;
    proxy.listenAddress = u"127.0.0.1"_s;
    proxy.listenPort = 5348;
    store.add(proxy);

    ProfileEditor editor(Profile::create(u"Gateway (test)"_s), true, &store, nullptr);
    auto *domain = field<QLineEdit>(editor, u"domain"_s);
    QTest::keyClicks(domain, u"gw.example.org"_s);
    QVERIFY2(editor.problem().isEmpty(), qPrintable(editor.problem()));
    QCOMPARE(
        editor.notice(),
        u"“Gateway (live)” also connects to this server as gw.example.org: the server takes one of them at "
        "a time."_s);
    QCOMPARE(field<QLabel>(editor, u"error"_s)->text(), editor.notice());
    QVERIFY(!editor.problemShownAsError());
    QVERIFY(editor.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save)->isEnabled());
    domain->clear();
    QTest::keyClicks(domain, u"gw2.example.org"_s);
    QCOMPARE(editor.notice(), QString());

    // A second proxy on the same port.
    field<QRadioButton>(editor, u"proxyMode"_s)->click();
    auto *port = field<QSpinBox>(editor, u"listenPort"_s);
    port->setValue(5348);
    QCOMPARE(editor.notice(),
             u"“Front” listens on 127.0.0.1 port 5348 too: only one of them can listen at a time."_s);
    // Listening on every address takes 127.0.0.1's port too.
    auto *address = field<QLineEdit>(editor, u"listenAddress"_s);
    address->setText(u"0.0.0.0"_s);
    QVERIFY2(editor.notice().startsWith(u"“Front” listens on 0.0.0.0 port 5348 too"_s),
             qPrintable(editor.notice()));
    port->setValue(5349);
    QCOMPARE(editor.notice(), QString());
}
