// SPDX-License-Identifier: GPL-3.0-or-later
// Requests and their answers in the window: the Answer column and its partner, the jump between them
// (Ctrl+J), the unanswered filter, the detail pane showing both halves, and Reply… filling the compose
// form. The real log view and compose form, offscreen.
#include "composewidget.h"
#include "profilesession.h"
#include "requesttracker.h"
#include "stanzalogfiltermodel.h"
#include "stanzalogmodel.h"
#include "stanzalogview.h"
#include "stanzasamples.h"

#include <QAction>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace Qt::StringLiterals;
using namespace xcm;

class TestExchangeView : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void jumpsBetweenRequestAndAnswer();
    void detailShowsThePartner();
    void replyToAnAnsweredRequestSaysSo();
    void unansweredFilterHidesAnsweredRequests();
    void replyFillsTheComposeForm();
    void sortsByRoundTrip();

private:
    template<typename T> T *child(const QString &name) const
    {
        T *found = m_view->findChild<T *>(name);
        if (!found)
            qFatal("no child %s", qPrintable(name));
        return found;
    }
    QTableView *table() const { return child<QTableView>(u"stanzaTable"_s); }
    void select(int row) { table()->setCurrentIndex(table()->model()->index(row, 0)); }
    int currentRow() const { return table()->currentIndex().row(); }

    std::unique_ptr<StanzaLogModel> m_model;
    std::unique_ptr<RequestTracker> m_tracker;
    std::unique_ptr<StanzaLogView> m_view;
};

void TestExchangeView::init()
{
    m_model = std::make_unique<StanzaLogModel>();
    m_tracker = std::make_unique<RequestTracker>();
    m_model->setRequestTracker(m_tracker.get());
    m_view = std::make_unique<StanzaLogView>();
    m_view->setModel(m_model.get());
    m_view->resize(1000, 600);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    // 0: our request, 1: a message, 2: its answer, 3: a request to us nobody answered yet.
    m_model->append(samples::sent("<iq type='get' id='q1' from='bot.example.org' to='user@example.org/x'>"
                                  "<query xmlns='http://jabber.org/protocol/disco#info'/></iq>"));
    m_model->append(
        samples::received("<message from='a@example.org' to='bot.example.org'><body>hi</body></message>"));
    m_model->append(
        samples::received("<iq type='result' id='q1' from='user@example.org/x' to='bot.example.org'>"
                          "<query xmlns='http://jabber.org/protocol/disco#info'/></iq>"));
    m_model->append(samples::received("<iq type='set' id='c7' from='user@example.org/x' to='bot.example.org'>"
                                      "<command xmlns='urn:example'/></iq>"));
    m_model->flush();
    QCOMPARE(table()->model()->rowCount(), 4);
}

void TestExchangeView::cleanup()
{
    m_view.reset();
    m_tracker.reset();
    m_model.reset();
}

void TestExchangeView::jumpsBetweenRequestAndAnswer()
{
    const auto answer = table()->model()->index(0, StanzaLogModel::AnswerColumn).data().toString();
    QVERIFY2(answer.startsWith(u"result in "_s), qPrintable(answer));
    QAction *jump = m_view->findChild<QAction *>(u"goToPartnerAction"_s);
    QVERIFY(jump);
    QCOMPARE(jump->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_J));
    select(0);
    QVERIFY(jump->isEnabled());
    jump->trigger();
    QCOMPARE(currentRow(), 2);
    jump->trigger();
    QCOMPARE(currentRow(), 0);
    // The key works from the table, as a user presses it.
    select(2);
    QTest::keyClick(table(), Qt::Key_J, Qt::ControlModifier);
    QCOMPARE(currentRow(), 0);
    select(1);
    QVERIFY(!jump->isEnabled()); // a message has no partner
}

void TestExchangeView::detailShowsThePartner()
{
    select(0);
    const QString request = m_view->detailText();
    QVERIFY2(request.contains(u"Its answer, #3"_s), qPrintable(request));
    QVERIFY(request.contains(u"type=\"result\""_s) || request.contains(u"type='result'"_s));
    select(2);
    const QString answer = m_view->detailText();
    QVERIFY2(answer.contains(u"Its request, #1"_s), qPrintable(answer));
    select(3);
    QVERIFY(!m_view->detailText().contains(u"Its answer"_s));
}

void TestExchangeView::replyToAnAnsweredRequestSaysSo()
{
    QAction *reply = m_view->findChild<QAction *>(u"replyAction"_s);
    QSignalSpy replies(m_view.get(), &StanzaLogView::replyRequested);
    const auto statusText = [this] {
        QStringList texts;
        for (const QLabel *label : m_view->findChildren<QLabel *>())
            texts << label->text();
        return texts.join(u'\n');
    };
    select(3);
    reply->trigger();
    QCOMPARE(replies.size(), 1);
    QVERIFY(!statusText().contains(u"answer already"_s));
    m_model->append(
        samples::sent("<iq type='result' id='c7' from='bot.example.org' to='user@example.org/x'/>"));
    m_model->flush();
    select(3);
    reply->trigger();
    QCOMPARE(replies.size(), 2); // still offered
    QVERIFY2(statusText().contains(u"This request has an answer already (result in "_s),
             qPrintable(statusText()));
}

void TestExchangeView::unansweredFilterHidesAnsweredRequests()
{
    QAction *unanswered = m_view->findChild<QAction *>(u"unansweredOnlyAction"_s);
    QVERIFY(unanswered);
    unanswered->setChecked(true);
    QCOMPARE(table()->model()->rowCount(), 1);
    QCOMPARE(table()->model()->index(0, StanzaLogModel::IdColumn).data().toString(), u"c7"_s);
    QVERIFY(table()
                ->model()
                ->index(0, StanzaLogModel::AnswerColumn)
                .data()
                .toString()
                .startsWith(u"awaiting your answer"_s));
    // Answered now: it leaves the filter.
    m_model->append(
        samples::sent("<iq type='result' id='c7' from='bot.example.org' to='user@example.org/x'/>"));
    m_model->flush();
    QCOMPARE(table()->model()->rowCount(), 0);
    unanswered->setChecked(false);
    QCOMPARE(table()->model()->rowCount(), 5);
}

void TestExchangeView::replyFillsTheComposeForm()
{
    QTemporaryDir dir;
    Profile profile = Profile::create(u"Bot"_s);
    profile.settings.domain = u"bot.example.org"_s;
    ProfileSession session(profile, nullptr, dir.filePath(u"history"_s));
    ComposeWidget compose(&session);
    connect(m_view.get(), &StanzaLogView::replyRequested, &compose, &ComposeWidget::prepareReply);
    compose.show();

    QAction *reply = m_view->findChild<QAction *>(u"replyAction"_s);
    QVERIFY(reply);
    select(0);
    QVERIFY(!reply->isEnabled()); // our own request: nothing to reply to
    select(2);
    QVERIFY(!reply->isEnabled()); // an answer is never answered
    select(3);
    QVERIFY(reply->isEnabled());
    reply->trigger();
    const XmlElement result = XmlElement::parse(compose.xml().toUtf8());
    QCOMPARE(result.attribute(u"type"), u"result"_s);
    QCOMPARE(result.attribute(u"id"), u"c7"_s);
    QCOMPARE(result.attribute(u"to"), u"user@example.org/x"_s);
    QCOMPARE(result.attribute(u"from"), u"bot.example.org"_s);
    QVERIFY2(compose.canSend() || compose.problem().contains(u"connect"_s), qPrintable(compose.problem()));

    auto *choice = compose.findChild<QComboBox *>(u"replyChoice"_s);
    QVERIFY(choice && choice->isVisible());
    // In the template's place, no wider than it with its button: the form does not grow.
    auto *templates = compose.findChild<QComboBox *>(u"template"_s);
    auto *endReply = compose.findChild<QToolButton *>(u"endReply"_s);
    QVERIFY(!templates->isVisible());
    QVERIFY(endReply->isVisible());
    QVERIFY2(choice->sizeHint().width() + endReply->sizeHint().width() <= templates->sizeHint().width() + 60,
             qPrintable(u"%1 + %2 vs %3"_s.arg(choice->sizeHint().width())
                            .arg(endReply->sizeHint().width())
                            .arg(templates->sizeHint().width())));
    const int itemNotFound = choice->findText(u"Reply: error item-not-found"_s);
    QVERIFY(itemNotFound > 0);
    choice->setCurrentIndex(itemNotFound);
    Q_EMIT choice->activated(itemNotFound);
    const XmlElement error = XmlElement::parse(compose.xml().toUtf8());
    QCOMPARE(error.attribute(u"type"), u"error"_s);
    QCOMPARE(error.attribute(u"id"), u"c7"_s);
    QVERIFY(!error.firstChild(u"error").firstChild(u"item-not-found").isNull());
    QCOMPARE(error.firstChild(u"error").attribute(u"type"), u"cancel"_s);

    // Stopping the reply brings the templates back and keeps the text.
    QTest::mouseClick(endReply, Qt::LeftButton);
    QVERIFY(templates->isVisible());
    QVERIFY(!choice->isVisible());
    QVERIFY(!endReply->isVisible());
    QCOMPARE(XmlElement::parse(compose.xml().toUtf8()).attribute(u"type"), u"error"_s);
}

void TestExchangeView::sortsByRoundTrip()
{
    // A second exchange that takes longer than the first (answered in the same flush, about 0 ms).
    m_model->append(samples::sent("<iq type='get' id='q2' from='bot.example.org' to='user@example.org/x'>"
                                  "<ping xmlns='urn:xmpp:ping'/></iq>"));
    m_model->flush();
    QTest::qWait(40);
    m_model->append(
        samples::received("<iq type='result' id='q2' from='user@example.org/x' to='bot.example.org'/>"));
    m_model->flush();
    QVERIFY(m_model->roundTripAt(5) >= 40.0);
    QVERIFY(m_model->roundTripAt(0) < m_model->roundTripAt(5));

    const auto shownOrder = [this] {
        QList<int> rows;
        for (int row = 0; row < table()->model()->rowCount(); ++row)
            rows.append(m_view->filterModel()->mapToSource(table()->model()->index(row, 0)).row());
        return rows;
    };
    QHeaderView *header = table()->horizontalHeader();
    const auto clickAnswer = [header](int column) {
        const int x = header->sectionViewportPosition(column) + header->sectionSize(column) / 2;
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, QPoint(x, header->height() / 2));
    };

    // Slowest first: the unanswered request, then the slow pair, the fast pair (each pair in wire order),
    // and the message, which is no exchange, last.
    clickAnswer(StanzaLogModel::AnswerColumn);
    QVERIFY(m_view->isSorted());
    QCOMPARE(shownOrder(), QList<int>({3, 4, 5, 0, 2, 1}));
    QVERIFY(header->isSortIndicatorShown());
    QVERIFY(child<QAction>(u"sortByRoundTripAction"_s)->isChecked());
    // Fastest first: the message still last.
    clickAnswer(StanzaLogModel::AnswerColumn);
    QCOMPARE(shownOrder(), QList<int>({0, 2, 4, 5, 3, 1}));
    // A late answer moves its request into place.
    m_model->append(
        samples::sent("<iq type='result' id='c7' from='bot.example.org' to='user@example.org/x'/>"));
    m_model->flush();
    QCOMPARE(shownOrder().last(), 1);
    // Then the log's order again; Time does the same.
    clickAnswer(StanzaLogModel::AnswerColumn);
    QVERIFY(!m_view->isSorted());
    QCOMPARE(shownOrder(), QList<int>({0, 1, 2, 3, 4, 5, 6}));
    QVERIFY(!header->isSortIndicatorShown());
    // c7 was asked before q2 and answered after it: now the slowest.
    child<QAction>(u"sortByRoundTripAction"_s)->trigger();
    QCOMPARE(shownOrder().mid(0, 4), QList<int>({3, 6, 4, 5}));
    clickAnswer(StanzaLogModel::TimeColumn);
    QVERIFY(!m_view->isSorted());
    QVERIFY(!child<QAction>(u"sortByRoundTripAction"_s)->isChecked());
}

QTEST_MAIN(TestExchangeView)
#include "tst_exchangeview.moc"
