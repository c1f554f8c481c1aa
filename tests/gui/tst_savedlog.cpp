// SPDX-License-Identifier: GPL-3.0-or-later
// Opening a saved log (issue 14): Profile › Open Saved Log…, a file dropped on the window, and the
// read-only window itself — progress, what the log holds, request pairing, filters, and a file with bad
// and torn lines.
#include "capturerecord.h"
#include "logfilterbar.h"
#include "mainwindow.h"
#include "savedlogloader.h"
#include "savedlogwindow.h"
#include "stanzalogfiltermodel.h"
#include "stanzalogmodel.h"
#include "stanzalogview.h"

#include <QAction>
#include <QApplication>
#include <QDropEvent>
#include <QFileDialog>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPointer>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace Qt::StringLiterals;
using namespace xcm;

namespace {

// `pairs` iq requests, each with its answer 3 ms later, and a message between: 3 × pairs stanzas.
QByteArray capture(int pairs)
{
    QByteArray lines;
    quint64 sequence = 0;
    const qint64 start = 1'700'000'000'000;
    for (int i = 0; i < pairs; ++i) {
        const QByteArray id = "q" + QByteArray::number(i);
        const auto line = [&](Direction direction, qint64 at, StanzaKind kind, const QByteArray &wire) {
            lines += CaptureRecord{++sequence, at, direction, kind, false, wire}.toJsonLine();
        };
        line(Direction::Received, start + i * 10, StanzaKind::Iq,
             "<iq type='get' id='" + id +
                 "' from='alice@echo.localhost/desk' to='bot.localhost'>"
                 "<ping xmlns='urn:xmpp:ping'/></iq>");
        line(Direction::Sent, start + i * 10 + 3, StanzaKind::Iq,
             "<iq type='result' id='" + id + "' from='bot.localhost' to='alice@echo.localhost/desk'/>");
        line(Direction::Received, start + i * 10 + 5, StanzaKind::Message,
             "<message type='chat' id='m" + QByteArray::number(i) +
                 "' from='alice@echo.localhost/desk' to='bot.localhost'><body>hello " +
                 QByteArray::number(i) + "</body></message>");
    }
    return lines;
}

QString write(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    QFile file(dir.filePath(name));
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(file.fileName()));
    return file.fileName();
}

SavedLogWindow *findSavedLogWindow(const QString &path)
{
    for (QWidget *widget : QApplication::topLevelWidgets()) {
        auto *window = qobject_cast<SavedLogWindow *>(widget);
        if (window && window->path() == path)
            return window;
    }
    return nullptr;
}

} // namespace

class TestSavedLog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void opensFromTheMenuWithProgress();
    void droppedFileOpens();
    void badLinesAreNamedAndTheRestShown();
    void saysWhatTheLogHolds();
    void unreadableFileSaysWhy();
    void aSavedLogIsReadOnly();
    void quittingClosesTheSavedLogs();

private:
    QTemporaryDir m_dir;
};

void TestSavedLog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QApplication::setApplicationName(u"tst_savedlog"_s);
    QVERIFY(m_dir.isValid());
}

void TestSavedLog::opensFromTheMenuWithProgress()
{
    const QString path = write(m_dir, u"capture-1.jsonl"_s, capture(10'000)); // 30,000 stanzas
    MainWindow main;
    main.show();
    QVERIFY(QTest::qWaitForWindowActive(&main));
    // Profile › Open Saved Log… (Ctrl+O) opens a file dialog; choosing the file opens its window.
    QTest::keyClick(&main, Qt::Key_O, Qt::ControlModifier);
    auto *dialog = main.findChild<QFileDialog *>(u"openSavedLogDialog"_s);
    QVERIFY(dialog);
    Q_EMIT dialog->filesSelected({path});
    dialog->close();
    SavedLogWindow *window = findSavedLogWindow(path);
    QVERIFY(window);
    QVERIFY(window->windowTitle().contains(u"capture-1.jsonl"_s));
    auto *loader = window->findChild<SavedLogLoader *>();
    QVERIFY(loader);
    QSignalSpy progress(loader, &SavedLogLoader::progress);
    QTRY_VERIFY_WITH_TIMEOUT(!window->isLoading(), 30000);
    QVERIFY2(progress.count() >= 3, qPrintable(QString::number(progress.count()))); // batches, not one go
    StanzaLogModel *log = window->log();
    QCOMPARE(log->rowCount(), 30'000);
    // The view's status line counts; the window's says how the reading went (not the count again).
    QCOMPARE(window->statusText(), u"Read in full"_s);
    // (The line counts on a short timer after the last rows: not necessarily at once.)
    QTRY_COMPARE(window->logView()->findChild<QLabel *>(u"statusLabel"_s)->text(), u"30,000 stanzas"_s);
    // Pairing works as in a live session: the request names its answer's round trip.
    const QString answer = log->data(log->index(0, StanzaLogModel::AnswerColumn)).toString();
    QCOMPARE(answer, u"result in 3 ms"_s); // as recorded (to the millisecond), not as fast as it was read
    // So do expression filters.
    window->logView()->filterBar()->applyExpression(u"kind == message and body contains 'hello 99'"_s);
    QTRY_COMPARE(window->logView()->filterModel()->rowCount(), 111); // 99, 990–999, 9900–9999
    window->close();
}

void TestSavedLog::droppedFileOpens()
{
    const QString path = write(m_dir, u"dropped.jsonl"_s, capture(5));
    MainWindow main;
    main.show();
    QVERIFY(QTest::qWaitForWindowExposed(&main));
    QMimeData data;
    data.setUrls({QUrl::fromLocalFile(path)});
    QDragEnterEvent enter(QPoint(50, 50), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&main, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(50, 50), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&main, &drop);
    SavedLogWindow *window = findSavedLogWindow(path);
    QVERIFY(window);
    QTRY_VERIFY(!window->isLoading());
    QCOMPARE(window->log()->rowCount(), 15);
    window->close();
}

void TestSavedLog::badLinesAreNamedAndTheRestShown()
{
    QByteArray bytes = capture(2);
    bytes.insert(bytes.indexOf('\n') + 1, "this is not JSON\n");
    bytes += "{\"seq\": 99, \"dir"; // a capture killed mid-write: a torn last line
    const QString path = write(m_dir, u"damaged.jsonl"_s, bytes);
    SavedLogWindow window;
    QString error;
    QVERIFY(window.open(path, &error));
    QTRY_VERIFY(!window.isLoading());
    QCOMPARE(window.log()->rowCount(), 6);
    // Not "read in full": the window says what it read and what it could not.
    QVERIFY2(window.statusText().startsWith(u"6 stanzas read · 2 lines could not be read"_s),
             qPrintable(window.statusText()));
    const QString details = window.findChild<QLabel *>(u"savedLogStatus"_s)->toolTip();
    QVERIFY2(details.contains(u"line 2"_s), qPrintable(details));
}

void TestSavedLog::saysWhatTheLogHolds()
{
    // A file larger than the log's cap streams through it: the newest rows stay, and the window says so.
    const QString path = write(m_dir, u"large.jsonl"_s, capture(4'000));
    SavedLogWindow window;
    window.log()->setMaxRows(5'000);
    QString error;
    QVERIFY(window.open(path, &error));
    QTRY_VERIFY_WITH_TIMEOUT(!window.isLoading(), 30000);
    QVERIFY(window.log()->rowCount() <= 5'000);
    QVERIFY2(window.statusText().startsWith(u"12,000 stanzas read · showing the newest "_s),
             qPrintable(window.statusText()));
    // The newest is the last message of the file.
    const int last = window.log()->rowCount() - 1;
    QVERIFY(window.log()->stanzaAt(last).wire().contains("hello 3999"));
}

void TestSavedLog::unreadableFileSaysWhy()
{
    MainWindow main;
    main.show();
    QCOMPARE(main.openSavedLog(m_dir.filePath(u"missing.jsonl"_s)), nullptr);
    auto *box = main.findChild<QMessageBox *>(u"openSavedLogError"_s);
    QVERIFY(box);
    QVERIFY2(box->text().contains(u"missing.jsonl"_s), qPrintable(box->text()));
    const QPointer<QMessageBox> missingBox = box;
    box->close();
    QTRY_VERIFY(!missingBox);

    // A file that is no saved log at all: said so, no empty window left behind.
    const QString notes = write(m_dir, u"notes.txt"_s, "shopping list\nmilk\n");
    QPointer<SavedLogWindow> window = main.openSavedLog(notes);
    QVERIFY(window);
    QMessageBox *notALog = nullptr;
    QTRY_VERIFY((notALog = main.findChild<QMessageBox *>(u"openSavedLogError"_s)) != nullptr);
    QVERIFY2(notALog->text().startsWith(u"notes.txt holds no stanza xcm can read: line 1: "_s),
             qPrintable(notALog->text()));
    QVERIFY2(notALog->text().contains(u"(2 lines could not be read.)"_s), qPrintable(notALog->text()));
    QTRY_VERIFY(!window);
    notALog->close();
}

void TestSavedLog::aSavedLogIsReadOnly()
{
    // Nothing more comes into a file's log: no pause, follow or clear (a clear would lose what was read,
    // with no way back), no reply; what reads it stays.
    const QString path = write(m_dir, u"readonly.jsonl"_s, capture(3));
    auto *window = new SavedLogWindow;
    QPointer<SavedLogWindow> alive(window);
    QString error;
    QVERIFY(window->open(path, &error));
    window->show();
    QVERIFY(QTest::qWaitForWindowActive(window));
    QTRY_VERIFY(!window->isLoading());
    for (const QString &live : {u"pauseButton"_s, u"followCheck"_s, u"clearButton"_s})
        QVERIFY2(!window->findChild<QWidget *>(live), qPrintable(live));
    QVERIFY(window->findChild<QToolButton *>(u"exportButton"_s));
    QStringList menuItems;
    for (const QAction *menu : window->menuBar()->actions()) {
        for (const QAction *item : menu->menu()->actions())
            menuItems.append(item->objectName());
    }
    QVERIFY2(menuItems.contains(u"exportAction"_s), qPrintable(menuItems.join(u' ')));
    for (const QString &live : {u"pauseAction"_s, u"followAction"_s, u"clearAction"_s, u"replyAction"_s})
        QVERIFY2(!menuItems.contains(live), qPrintable(live));
    QTableView *table = window->logView()->tableView();
    for (const QAction *action : table->actions())
        QVERIFY2(action->objectName() != u"replyAction"_s, "Reply… in the rows' menu");
    table->setFocus();
    QTest::keyClick(table, Qt::Key_L, Qt::ControlModifier); // a live log's Clear
    QTest::keyClick(table, Qt::Key_Space);                  // and Pause
    QCOMPARE(window->log()->rowCount(), 9);
    QVERIFY(!window->logView()->isPaused());
    // File › Close, Ctrl+W.
    QTest::keyClick(window, Qt::Key_W, Qt::ControlModifier);
    QTRY_VERIFY(!alive);
}

void TestSavedLog::quittingClosesTheSavedLogs()
{
    // A saved log's window left open kept the application running, with no way back to the main
    // window, after Quit.
    const QString path = write(m_dir, u"quit.jsonl"_s, capture(2));
    MainWindow main;
    main.show();
    QVERIFY(QTest::qWaitForWindowExposed(&main));
    QPointer<SavedLogWindow> first = main.openSavedLog(path);
    QVERIFY(first);
    QVERIFY(QTest::qWaitForWindowActive(first));
    // Quit (Ctrl+Q) in the saved log's window is the application's: the main window goes, and with it
    // every saved log.
    QPointer<SavedLogWindow> second = main.openSavedLog(path);
    QVERIFY(second);
    QVERIFY(QTest::qWaitForWindowActive(second));
    QTest::keyClick(second, Qt::Key_Q, Qt::ControlModifier);
    QTRY_VERIFY(!main.isVisible());
    QTRY_VERIFY(!first);
    QTRY_VERIFY(!second);

    // The main window's own close does the same.
    main.show();
    QVERIFY(QTest::qWaitForWindowExposed(&main));
    QPointer<SavedLogWindow> third = main.openSavedLog(path);
    QVERIFY(third);
    main.close();
    QTRY_VERIFY(!third);
    // And Quit there has the same keys as in a saved log's window.
    main.show();
    QVERIFY(QTest::qWaitForWindowActive(&main));
    QTest::keyClick(&main, Qt::Key_Q, Qt::ControlModifier);
    QTRY_VERIFY(!main.isVisible());
}

QTEST_MAIN(TestSavedLog)
#include "tst_savedlog.moc"
