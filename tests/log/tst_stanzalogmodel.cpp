// SPDX-License-Identifier: GPL-3.0-or-later
#include "capturerecord.h"
#include "expression.h"
#include "redaction.h"
#include "stanzalogexport.h"
#include "stanzalogfiltermodel.h"
#include "stanzalogmodel.h"
#include "stanzasamples.h"
#include "stanzasummary.h"
#include "textmatcher.h"

#include <QBuffer>
#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>
#include <QThreadPool>

using namespace Qt::StringLiterals;
using namespace xcm;

namespace {

constexpr QByteArrayView digest = "da39a3ee5e6b4b0d3255bfef95601890afd80709";

// A burst as the connection delivers it: all within one event-loop turn.
void appendLoad(StanzaLogModel &model, int count, int firstNumber = 0)
{
    for (int i = 0; i < count; ++i)
        model.append(samples::received(samples::loadMessage(firstNumber + i, 120)));
}

QString cell(const StanzaLogModel &model, int row, StanzaLogModel::Column column)
{
    return model.data(model.index(row, column)).toString();
}

QByteArray exported(const QAbstractItemModel &model, StanzaLogExport::Format format)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QString error;
    if (!StanzaLogExport::write(&model, &buffer, format, &error))
        qWarning() << "export failed:" << error;
    return buffer.data();
}

} // namespace

class TestStanzaLogModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void burstIsOneInsertion();
    void largeQueueFlushesAtOnce();
    void rowsFasterThanAScreenfulFlushLess();
    void columns_data();
    void columns();
    void rolesAndStanzaAt();
    void capDropsOldestInBatches();
    void burstLargerThanCap();
    void clearKeepsSequencesGoing();
    void digestIsRedactedOnTheWayIn();
    void summaryHelpers_data();
    void summaryHelpers();
    void textMatcher_data();
    void textMatcher();
    void filterByDirectionKindAndErrors();
    void filterByText();
    void expressionOnABigLogMatchesRowByRow();
    void findNextAndPrevious();
    void pauseHoldsRowsAndCounts();
    void exportXmlLog();
    void exportJsonLines();
    void exportHonoursFilter();
    void oneLine_data();
    void oneLine();
    void redaction_data();
    void redaction();
    void pairsRequestAndAnswerRows();
    void aRepeatRowIsNotPairedAgain();
    void pairingSurvivesTheCapAndTheFilters();
    void unansweredFilterFollowsAnswers();
    void answerColumnNamesWhatCannotPair();
    void ruleRepliesNameTheirRule();
    void clearingABigLogKeepsWhatIsShared();
    void droppedRowsGiveTheirBytesBack();
    void exportSnapshotOutlivesAClear();
};

void TestStanzaLogModel::burstIsOneInsertion()
{
    StanzaLogModel model;
    model.setFlushInterval(0);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy counts(&model, &StanzaLogModel::countsChanged);

    appendLoad(model, 500);
    QCOMPARE(model.rowCount(), 0); // queued until the event loop turns
    QCOMPARE(model.pendingCount(), 500);
    QTRY_COMPARE(model.rowCount(), 500);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.at(0).at(1).toInt(), 0);
    QCOMPARE(inserted.at(0).at(2).toInt(), 499);
    QCOMPARE(counts.count(), 1);

    appendLoad(model, 3, 500);
    QTRY_COMPARE(model.rowCount(), 503);
    QCOMPARE(inserted.count(), 2);
    QCOMPARE(inserted.at(1).at(1).toInt(), 500);
    QCOMPARE(inserted.at(1).at(2).toInt(), 502);
    QCOMPARE(model.pendingCount(), 0);

    // With an interval, bursts closer together than it are merged.
    model.setFlushInterval(10'000);
    model.flush();
    appendLoad(model, 10, 1000);
    QTest::qWait(50); // the assertion is that nothing happens in this time
    QCOMPARE(model.rowCount(), 503);
    model.flush();
    QCOMPARE(model.rowCount(), 513);
    QCOMPARE(inserted.count(), 3);
}

void TestStanzaLogModel::rowsFasterThanAScreenfulFlushLess()
{
    // A flush of floodRows or more (traffic faster than a screenful a flush) slows the next one from
    // the default interval to floodFlushInterval: fewer repaints, more of the thread for the connection.
    StanzaLogModel model;
    appendLoad(model, int(StanzaLogModel::floodRows), 6000);
    model.flush();
    appendLoad(model, 1, 7000);
    QTest::qWait(StanzaLogModel::defaultFlushInterval + 10); // the assertion is that nothing happens here
    QCOMPARE(model.pendingCount(), 1);
    QTRY_COMPARE(model.pendingCount(), 0);
}

void TestStanzaLogModel::largeQueueFlushesAtOnce()
{
    StanzaLogModel model;
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    appendLoad(model, int(StanzaLogModel::flushQueueLimit) + 5);
    QCOMPARE(inserted.count(), 1); // without waiting for the event loop
    QCOMPARE(model.rowCount(), int(StanzaLogModel::flushQueueLimit));
    QTRY_COMPARE(model.rowCount(), int(StanzaLogModel::flushQueueLimit) + 5);
    QCOMPARE(inserted.count(), 2);
}

void TestStanzaLogModel::columns_data()
{
    QTest::addColumn<Stanza>("stanza");
    QTest::addColumn<QStringList>("expected"); // Dir, Kind, Type, From, To, Id, Summary

    QTest::newRow("chat with unicode body") << samples::received(samples::chatMessage)
                                            << QStringList{u"↓"_s,
                                                           u"message"_s,
                                                           u"chat"_s,
                                                           u"juliet@capulet.lit/balcony"_s,
                                                           u"echo@bot.example.org"_s,
                                                           u"m-1"_s,
                                                           u"Hello, Jürgen 👋 & all…"_s};
    QTest::newRow("chat state") << samples::received(samples::composing)
                                << QStringList{u"↓"_s,
                                               u"message"_s,
                                               u"chat"_s,
                                               u"juliet@capulet.lit/balcony"_s,
                                               u"echo@bot.example.org"_s,
                                               u"cs-2"_s,
                                               u"composing (chatstates)"_s};
    QTest::newRow("disco get") << samples::received(samples::discoGet)
                               << QStringList{u"↓"_s,
                                              u"iq"_s,
                                              u"get"_s,
                                              u"romeo@montague.lit/orchard"_s,
                                              u"bot.example.org"_s,
                                              u"disco-7"_s,
                                              u"get disco#info"_s};
    QTest::newRow("empty result") << samples::sent(samples::iqResult)
                                  << QStringList{u"↑"_s,
                                                 u"iq"_s,
                                                 u"result"_s,
                                                 u"bot.example.org"_s,
                                                 u"romeo@montague.lit/orchard"_s,
                                                 u"disco-7"_s,
                                                 u"result"_s};
    QTest::newRow("iq error") << samples::received(samples::iqError)
                              << QStringList{u"↓"_s,
                                             u"iq"_s,
                                             u"error"_s,
                                             u"pubsub.example.org"_s,
                                             u"bot.example.org"_s,
                                             u"ps-3"_s,
                                             u"item-not-found (cancel) — No such node"_s};
    QTest::newRow("presence away") << samples::received(samples::presenceAway)
                                   << QStringList{u"↓"_s,
                                                  u"presence"_s,
                                                  QString(),
                                                  u"nurse@capulet.lit/phone"_s,
                                                  u"echo@bot.example.org"_s,
                                                  QString(),
                                                  u"away — In a meeting"_s};
    QTest::newRow("presence unavailable")
        << samples::received(samples::presenceGone) << QStringList{u"↓"_s,
                                                                   u"presence"_s,
                                                                   u"unavailable"_s,
                                                                   u"nurse@capulet.lit/phone"_s,
                                                                   u"echo@bot.example.org"_s,
                                                                   QString(),
                                                                   u"unavailable"_s};
    QTest::newRow("server header") << samples::serverHeader()
                                   << QStringList{u"↓"_s,
                                                  u"stream"_s,
                                                  QString(),
                                                  u"bot.example.org"_s,
                                                  QString(),
                                                  u"c2s-4f1a9b"_s,
                                                  u"stream header id=c2s-4f1a9b from=bot.example.org"_s};
    QTest::newRow("our header") << samples::ourHeader()
                                << QStringList{u"↑"_s,
                                               u"stream"_s,
                                               QString(),
                                               QString(),
                                               u"bot.example.org"_s,
                                               QString(),
                                               u"stream header to=bot.example.org"_s};
    QTest::newRow("handshake") << samples::handshake()
                               << QStringList{u"↑"_s,    u"stream"_s, QString(),     QString(),
                                              QString(), QString(),   u"handshake"_s};
    QTest::newRow("handshake accepted")
        << samples::received("<handshake/>")
        << QStringList{
               u"↓"_s, u"stream"_s, QString(), QString(), QString(), QString(), u"handshake accepted"_s};
    QTest::newRow("stream error") << samples::received(samples::streamError)
                                  << QStringList{u"↓"_s,
                                                 u"stream"_s,
                                                 QString(),
                                                 QString(),
                                                 QString(),
                                                 QString(),
                                                 u"stream error: not-authorized — Invalid handshake"_s};
    QTest::newRow("stream close") << samples::streamClose()
                                  << QStringList{u"↑"_s,    u"stream"_s, QString(),         QString(),
                                                 QString(), QString(),   u"stream closed"_s};
    // A right-to-left override in an address would show "gro.elpmaxe@evil" as "evil@example.org".
    QTest::newRow("bidi controls in the short columns")
        << samples::received("<message type='ch\xe2\x80\xae"
                             "at' from='evil\xe2\x80\xae@example.org' "
                             "to='bot@example.org/\xe2\x81\xa6x' id='\xe2\x81\xa9m'/>")
        << QStringList{u"↓"_s,
                       u"message"_s,
                       u"ch&#8238;at"_s,
                       u"evil&#8238;@example.org"_s,
                       u"bot@example.org/&#8294;x"_s,
                       u"&#8297;m"_s,
                       QString()};
    QTest::newRow("other")
        << samples::received("<db:result xmlns:db='jabber:server:dialback' to='a'/>")
        << QStringList{
               u"↓"_s, u"other"_s, QString(), QString(), u"a"_s, QString(), u"result (server:dialback)"_s};
}

void TestStanzaLogModel::columns()
{
    QFETCH(Stanza, stanza);
    QFETCH(QStringList, expected);
    StanzaLogModel model;
    model.append(stanza);
    model.flush();
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.columnCount(), int(StanzaLogModel::ColumnCount));
    const QStringList actual{
        cell(model, 0, StanzaLogModel::DirectionColumn), cell(model, 0, StanzaLogModel::KindColumn),
        cell(model, 0, StanzaLogModel::TypeColumn),      cell(model, 0, StanzaLogModel::FromColumn),
        cell(model, 0, StanzaLogModel::ToColumn),        cell(model, 0, StanzaLogModel::IdColumn),
        cell(model, 0, StanzaLogModel::SummaryColumn)};
    QCOMPARE(actual, expected);
    QCOMPARE(cell(model, 0, StanzaLogModel::SizeColumn), QString::number(stanza.wire().size()));
    const QString time = QDateTime::fromMSecsSinceEpoch(stanza.timestampMs()).toString(u"hh:mm:ss.zzz");
    QCOMPARE(cell(model, 0, StanzaLogModel::TimeColumn), time);
    QVERIFY(QRegularExpression(u"^\\d\\d:\\d\\d:\\d\\d\\.\\d\\d\\d$"_s).match(time).hasMatch());
    QCOMPARE(model.data(model.index(0, 0), StanzaLogModel::IsErrorRole).toBool(), stanza.isError());
}

void TestStanzaLogModel::rolesAndStanzaAt()
{
    StanzaLogModel model;
    model.append(samples::serverHeader());
    model.append(samples::received(samples::iqError, 1'700'000'000'500));
    model.append(samples::sent(samples::iqResult));
    model.flush();
    const QModelIndex error = model.index(1, StanzaLogModel::SummaryColumn);
    QCOMPARE(error.data(StanzaLogModel::DirectionRole).toInt(), int(Direction::Received));
    QCOMPARE(error.data(StanzaLogModel::KindRole).toInt(), int(StanzaKind::Iq));
    QCOMPARE(error.data(StanzaLogModel::IsErrorRole).toBool(), true);
    QCOMPARE(model.index(2, 0).data(StanzaLogModel::IsErrorRole).toBool(), false);
    QCOMPARE(error.data(StanzaLogModel::WireRole).toByteArray(), samples::iqError);
    QCOMPARE(error.data(StanzaLogModel::TimestampRole).toLongLong(), 1'700'000'000'500);
    QCOMPARE(error.data(StanzaLogModel::SearchTextRole).toString(), QString::fromUtf8(samples::iqError));
    QCOMPARE(model.index(0, 0).data(StanzaLogModel::SequenceRole).toULongLong(), 1u);
    QCOMPARE(error.data(StanzaLogModel::SequenceRole).toULongLong(), 2u);
    QCOMPARE(model.index(2, StanzaLogModel::SizeColumn).data(Qt::TextAlignmentRole).value<Qt::Alignment>(),
             Qt::AlignRight | Qt::AlignVCenter);

    const Stanza iq = model.stanzaAt(1);
    QCOMPARE(iq.kind(), StanzaKind::Iq);
    QVERIFY(iq.isError());
    QCOMPARE(iq.element().firstChild(u"error").attribute(u"type"), u"cancel"_s);
    const Stanza header = model.stanzaAt(0);
    QCOMPARE(header.kind(), StanzaKind::Stream);
    QCOMPARE(header.name(), u"stream"_s);
    QCOMPARE(header.id(), u"c2s-4f1a9b"_s);
    QCOMPARE(model.rowForSequence(3), 2);
    QCOMPARE(model.rowForSequence(4), -1);
    QCOMPARE(model.lastSequence(), 3u);
}

void TestStanzaLogModel::capDropsOldestInBatches()
{
    StanzaLogModel model;
    model.setMaxRows(10);
    QSignalSpy dropped(&model, &StanzaLogModel::rowsDropped);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    for (int i = 0; i < 25; ++i) {
        appendLoad(model, 1, i);
        model.flush();
    }
    QCOMPARE(model.rowCount(), 10);
    QCOMPARE(model.droppedCount(), 15u);
    QCOMPARE(dropped.count(), 15);
    QCOMPARE(model.sequenceAt(0), 16u);
    QCOMPARE(model.rowForSequence(15), -1);
    QCOMPARE(model.rowForSequence(16), 0);
    QCOMPARE(model.wireAt(0), samples::loadMessage(15, 120));
    QCOMPARE(model.wireAt(9), samples::loadMessage(24, 120));
    QCOMPARE(cell(model, 9, StanzaLogModel::IdColumn), u"load-24"_s);

    // A large cap drops a batch (1/64 of the cap) at a time, not a row per flush.
    model.setMaxRows(640);
    model.clear();
    removed.clear();
    appendLoad(model, 640);
    model.flush();
    QCOMPARE(removed.count(), 0);
    for (int i = 0; i < 10; ++i) {
        appendLoad(model, 1, 640 + i);
        model.flush();
    }
    QCOMPARE(removed.count(), 1);
    QCOMPARE(removed.at(0).at(2).toInt(), 9); // rows 0..9 in one removal
    QCOMPARE(model.rowCount(), 640);
    QCOMPARE(model.droppedCount(), 10u);
    QCOMPARE(model.wireAt(0), samples::loadMessage(10, 120));

    // Lowering the cap drops at once.
    model.setMaxRows(100);
    QCOMPARE(model.rowCount(), 100);
    QCOMPARE(model.droppedCount(), 550u);
    QCOMPARE(model.wireAt(99), samples::loadMessage(649, 120));
}

void TestStanzaLogModel::burstLargerThanCap()
{
    StanzaLogModel model;
    model.setMaxRows(10);
    appendLoad(model, 5);
    model.flush();
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy dropped(&model, &StanzaLogModel::rowsDropped);
    appendLoad(model, 30, 5);
    model.flush();
    QCOMPARE(model.rowCount(), 10);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(dropped.count(), 1);
    QCOMPARE(dropped.at(0).at(0).toULongLong(), 25u);
    QCOMPARE(model.droppedCount(), 25u);
    QCOMPARE(model.wireAt(0), samples::loadMessage(25, 120));
    QCOMPARE(model.sequenceAt(0), 26u);
    QCOMPARE(model.sequenceAt(9), 35u);
}

void TestStanzaLogModel::clearKeepsSequencesGoing()
{
    StanzaLogModel model;
    model.setMaxRows(3);
    appendLoad(model, 5);
    model.flush();
    appendLoad(model, 2, 5); // queued: cleared too
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.clear();
    QCOMPARE(reset.count(), 1);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.pendingCount(), 0);
    QCOMPARE(model.droppedCount(), 0u);
    QTest::qWait(20); // nothing queued may show up later
    QCOMPARE(model.rowCount(), 0);
    appendLoad(model, 1, 7);
    model.flush();
    QCOMPARE(model.sequenceAt(0), 8u);
    QCOMPARE(model.wireAt(0), samples::loadMessage(7, 120));
}

void TestStanzaLogModel::digestIsRedactedOnTheWayIn()
{
    StanzaLogModel model;
    model.append(samples::handshake("<handshake>" + digest.toByteArray() + "</handshake>"));
    model.flush();
    QCOMPARE(model.wireAt(0), QByteArray(redactedHandshake));
    QCOMPARE(cell(model, 0, StanzaLogModel::SummaryColumn), u"handshake"_s);
    QVERIFY(!model.stanzaAt(0).wire().contains(digest.toByteArray()));
}

void TestStanzaLogModel::summaryHelpers_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<bool>("namespaceShortening");
    QTest::newRow("http") << u"http://jabber.org/protocol/disco#items"_s << u"disco#items"_s << true;
    QTest::newRow("urn:xmpp") << u"urn:xmpp:mam:2"_s << u"mam:2"_s << true;
    QTest::newRow("jabber:iq") << u"jabber:iq:roster"_s << u"roster"_s << true;
    QTest::newRow("jabber:x") << u"jabber:x:data"_s << u"x:data"_s << true;
    QTest::newRow("plain") << u"vcard-temp"_s << u"vcard-temp"_s << true;
    QTest::newRow("trailing slash") << u"https://example.org/ns/thing/"_s << u"thing"_s << true;
    QTest::newRow("first line") << u"\n  first line  \r\nsecond"_s << u"first line…"_s << false;
    QTest::newRow("control chars") << u"a\tb\u0007c"_s << u"a b c"_s << false;
    // A right-to-left override would show "fileexe.txt"; an isolate would reorder what follows it.
    QTest::newRow("bidi controls") << u"file\u202Etxt.exe \u2066x\u2069 \u2026"_s
                                   << u"file&#8238;txt.exe &#8294;x&#8297; \u2026"_s << false;
    QTest::newRow("trailing blank lines") << u"only\n\n  \n"_s << u"only"_s << false;
    QTest::newRow("long") << QString(300, u'x') << QString(StanzaSummary::maxLength, u'x') + u'…' << false;
    // The cut must not split a surrogate pair.
    QTest::newRow("long emoji") << QString(StanzaSummary::maxLength - 1, u'x') + u"👋👋"_s
                                << QString(StanzaSummary::maxLength - 1, u'x') + u'…' << false;
}

void TestStanzaLogModel::summaryHelpers()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QFETCH(bool, namespaceShortening);
    QCOMPARE(namespaceShortening ? StanzaSummary::shortNamespace(input) : StanzaSummary::firstLine(input),
             expected);
}

void TestStanzaLogModel::textMatcher_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QByteArray>("wire");
    QTest::addColumn<bool>("matches");
    QTest::newRow("jid, other case") << u"JULIET@Capulet"_s << samples::chatMessage << true;
    QTest::newRow("id") << u"disco-7"_s << samples::discoGet << true;
    QTest::newRow("namespace") << u"disco#INFO"_s << samples::discoGet << true;
    QTest::newRow("absent") << u"romeo"_s << samples::chatMessage << false;
    QTest::newRow("escaped on the wire") << u"Jürgen 👋 & all"_s << samples::chatMessage << true;
    QTest::newRow("unicode, other case") << u"JÜRGEN"_s << samples::chatMessage << true;
    QTest::newRow("unicode absent") << u"jürgen"_s << samples::discoGet << false;
    QTest::newRow("apostrophe escaped")
        << u"it's"_s << QByteArray("<message><body>it&apos;s</body></message>") << true;
    QTest::newRow("apostrophe plain")
        << u"it's"_s << QByteArray("<message><body>it's</body></message>") << true;
    QTest::newRow("empty pattern") << QString() << samples::discoGet << true;
}

void TestStanzaLogModel::textMatcher()
{
    QFETCH(QString, pattern);
    QFETCH(QByteArray, wire);
    QFETCH(bool, matches);
    QCOMPARE(TextMatcher(pattern).matches(wire), matches);
}

namespace {

// Two of each: received/sent × message/iq/presence/stream, one error.
void fillMixed(StanzaLogModel &model)
{
    model.append(samples::ourHeader());                     // 0 sent stream
    model.append(samples::serverHeader());                  // 1 received stream
    model.append(samples::handshake());                     // 2 sent stream
    model.append(samples::received(samples::chatMessage));  // 3 received message
    model.append(samples::sent(samples::chatMessage));      // 4 sent message
    model.append(samples::received(samples::discoGet));     // 5 received iq
    model.append(samples::sent(samples::iqResult));         // 6 sent iq
    model.append(samples::received(samples::iqError));      // 7 received iq error
    model.append(samples::received(samples::presenceAway)); // 8 received presence
    model.flush();
}

QList<quint64> shownSequences(const StanzaLogFilterModel &filter)
{
    QList<quint64> sequences;
    for (int row = 0; row < filter.rowCount(); ++row)
        sequences.append(filter.index(row, 0).data(StanzaLogModel::SequenceRole).toULongLong());
    return sequences;
}

} // namespace

void TestStanzaLogModel::filterByDirectionKindAndErrors()
{
    StanzaLogModel model;
    StanzaLogFilterModel filter;
    filter.setSourceModel(&model);
    fillMixed(model);
    QCOMPARE(filter.rowCount(), 9);
    QVERIFY(!filter.hasFilter());

    filter.setDirectionFilter(Direction::Sent);
    QCOMPARE(shownSequences(filter), (QList<quint64>{1, 3, 5, 7}));
    filter.setKindEnabled(StanzaKind::Stream, false);
    QCOMPARE(shownSequences(filter), (QList<quint64>{5, 7}));
    QVERIFY(filter.hasFilter());
    filter.setDirectionFilter(std::nullopt);
    filter.setKindMask(StanzaLogFilterModel::kindBit(StanzaKind::Iq));
    QCOMPARE(shownSequences(filter), (QList<quint64>{6, 7, 8}));
    filter.setErrorsOnly(true);
    QCOMPARE(shownSequences(filter), (QList<quint64>{8}));
    filter.setKindMask(StanzaLogFilterModel::allKinds);
    QCOMPARE(shownSequences(filter), (QList<quint64>{8}));

    // New rows go through the same filter as they arrive.
    model.append(samples::received(samples::streamError));
    model.append(samples::received(samples::discoGet));
    model.flush();
    QCOMPARE(shownSequences(filter), (QList<quint64>{8, 10}));
    filter.setErrorsOnly(false);
    QCOMPARE(filter.rowCount(), 11);
}

void TestStanzaLogModel::filterByText()
{
    StanzaLogModel model;
    StanzaLogFilterModel filter;
    filter.setSourceModel(&model);
    fillMixed(model);
    QSignalSpy changed(&filter, &StanzaLogFilterModel::filterChanged);

    filter.setSearchText(u"JULIET"_s);
    QCOMPARE(shownSequences(filter), (QList<quint64>{4, 5}));
    filter.setSearchText(u"disco-7"_s); // an id, in a get and its result
    QCOMPARE(shownSequences(filter), (QList<quint64>{6, 7}));
    filter.setSearchText(u"no such NODE"_s); // content
    QCOMPARE(shownSequences(filter), (QList<quint64>{8}));
    QVERIFY(changed.count() >= 3);

    // Not a filter: every row shows, matchesSearch() tells which to highlight.
    filter.setTextFilterEnabled(false);
    QCOMPARE(filter.rowCount(), 9);
    QVERIFY(filter.matchesSearch(7));
    QVERIFY(!filter.matchesSearch(6));
    QVERIFY(!filter.hasFilter());

    filter.setTextFilterEnabled(true);
    filter.setSearchText(QString());
    QCOMPARE(filter.rowCount(), 9);
}

void TestStanzaLogModel::expressionOnABigLogMatchesRowByRow()
{
    // Big enough that the expression is evaluated in steps (each on every core) while the event loop
    // goes on, the previous filter still shown; then the rows shown must be exactly those a row-by-row
    // evaluation picks, and stay so as more rows arrive, rows are dropped and the log is cleared.
    StanzaLogModel model;
    model.setMaxRows(40'000);
    StanzaLogFilterModel filter;
    filter.setSourceModel(&model);
    appendLoad(model, 30'000);
    model.flush();
    const Expression expression =
        Expression::compile(u"from.bare == 'load7@example.org' or id == load-29999"_s);
    const auto expected = [&] {
        QList<quint64> sequences;
        for (int row = 0; row < model.rowCount(); ++row) {
            if (expression.matches(model.stanzaAt(row)))
                sequences.append(model.sequenceAt(row));
        }
        return sequences;
    };
    QSignalSpy progress(&filter, &StanzaLogFilterModel::expressionProgress);
    filter.setExpression(expression);
    QVERIFY(filter.isEvaluatingExpression());
    QCOMPARE(filter.rowCount(), 30'000); // not applied yet
    QCOMPARE(filter.expression().text(), QString());
    QTRY_VERIFY(!filter.isEvaluatingExpression());
    QVERIFY(progress.size() >= 3); // started, a step, done
    QCOMPARE(progress.first().at(0).toLongLong(), 0);
    QCOMPARE(progress.last().at(0).toLongLong(), 30'000);
    QCOMPARE(progress.last().at(1).toLongLong(), 30'000);
    QCOMPARE(filter.expression().text(), expression.text());
    QCOMPARE(filter.rowCount(), 30'000 / 97 + 1 + 1);
    QCOMPARE(shownSequences(filter), expected());
    appendLoad(model, 15'000, 30'000); // drops the oldest 5,000
    model.flush();
    QCOMPARE(model.droppedCount(), 5'000u);
    QCOMPARE(shownSequences(filter), expected());
    model.clear();
    appendLoad(model, 100, 7);
    model.flush();
    QCOMPARE(shownSequences(filter), expected());
    QCOMPARE(filter.rowCount(), 2);

    // A second expression typed while the first is evaluated replaces it; rows arriving and dropped
    // meanwhile are no trouble; the empty expression applies at once and stops an evaluation.
    appendLoad(model, 40'000, 1000);
    model.flush();
    filter.setExpression(Expression::compile(u"id == load-1001"_s));
    QVERIFY(filter.isEvaluatingExpression());
    filter.setExpression(Expression::compile(u"id == load-1002 or id == load-40999"_s));
    appendLoad(model, 5'000, 41'000); // drops the oldest 5,000, load-1002 among them
    model.flush();
    QTRY_VERIFY(!filter.isEvaluatingExpression());
    QCOMPARE(filter.expression().text(), u"id == load-1002 or id == load-40999"_s);
    QCOMPARE(shownSequences(filter).size(), 1);
    filter.setExpression(Expression::compile(u"id == load-1003"_s));
    filter.setExpression(Expression());
    QVERIFY(!filter.isEvaluatingExpression());
    QCOMPARE(filter.rowCount(), 40'000);
}

void TestStanzaLogModel::findNextAndPrevious()
{
    StanzaLogModel model;
    StanzaLogFilterModel filter;
    filter.setSourceModel(&model);
    fillMixed(model);
    filter.setTextFilterEnabled(false);
    filter.setSearchText(u"capulet"_s); // the two chats, the presence
    QCOMPARE(filter.findNext(-1), 3);
    QCOMPARE(filter.findNext(3), 4);
    QCOMPARE(filter.findNext(4), 8);
    QCOMPARE(filter.findNext(8), 3); // wraps
    QCOMPARE(filter.findPrevious(-1), 8);
    QCOMPARE(filter.findPrevious(3), 8);
    QCOMPARE(filter.findPrevious(8), 4);
    filter.setSearchText(u"nowhere"_s);
    QCOMPARE(filter.findNext(-1), -1);
    QCOMPARE(filter.findPrevious(2), -1);
}

void TestStanzaLogModel::pauseHoldsRowsAndCounts()
{
    StanzaLogModel model;
    model.setFlushInterval(0);
    StanzaLogFilterModel filter;
    filter.setSourceModel(&model);
    appendLoad(model, 5);
    model.flush();
    appendLoad(model, 2, 5); // queued when the pause starts: not shown either
    QSignalSpy paused(&filter, &StanzaLogFilterModel::pausedChanged);
    filter.setPaused(true);
    QCOMPARE(paused.count(), 1);
    QCOMPARE(filter.pendingWhilePaused(), 2u);
    QSignalSpy proxyInserted(&filter, &QAbstractItemModel::rowsInserted);
    appendLoad(model, 10, 7);
    QTRY_COMPARE(model.rowCount(), 17);
    QCOMPARE(filter.rowCount(), 5);
    QCOMPARE(proxyInserted.count(), 0);
    QCOMPARE(filter.pendingWhilePaused(), 12u);

    // Filters can change while paused: still nothing newer shows.
    filter.setSearchText(u"load-1"_s); // load-1 and load-10..16
    QCOMPARE(filter.rowCount(), 1);
    filter.setSearchText(QString());
    QCOMPARE(filter.rowCount(), 5);

    filter.setPaused(false);
    QCOMPARE(filter.rowCount(), 17);
    QCOMPARE(filter.pendingWhilePaused(), 0u);
    QCOMPARE(filter.index(16, 0).data(StanzaLogModel::SequenceRole).toULongLong(), 17u);
}

void TestStanzaLogModel::exportXmlLog()
{
    StanzaLogModel model;
    model.append(samples::ourHeader());
    model.append(samples::handshake());
    model.append(samples::received(samples::chatMessage, 1'700'000'000'777));
    // A digest planted where the model does not look for one (not a stream item).
    model.append(
        samples::sent("<message to='a@b'><handshake>" + digest.toByteArray() + "</handshake></message>"));
    model.flush();
    QVERIFY(model.wireAt(3).contains(digest.toByteArray()));

    const QByteArray text = exported(model, StanzaLogExport::Format::XmlLog);
    QVERIFY(!text.contains(digest.toByteArray()));
    const QList<QByteArray> lines = text.split('\n');
    QCOMPARE(lines.size(), 1 + 4 * 2 + 1); // title, header + stanza each, final newline
    QVERIFY(lines.at(0).startsWith("# xcm stanza log: 4 stanzas"));
    const QString when =
        QDateTime::fromMSecsSinceEpoch(1'700'000'000'777).toString(u"yyyy-MM-dd hh:mm:ss.zzz");
    QCOMPARE(lines.at(5), "# " + when.toUtf8() + " <- received");
    QVERIFY(lines.at(1).endsWith(" -> sent"));
    QCOMPARE(lines.at(4), QByteArray(redactedHandshake));
    QCOMPARE(lines.at(8), "<message to='a@b'>" + QByteArray(redactedHandshake) + "</message>");
    // The body's line break is a reference now; the stanza still means the same.
    QVERIFY(lines.at(6).contains("&#10;second line"));
    const XmlElement reparsed = XmlElement::parse(lines.at(6));
    QCOMPARE(reparsed.firstChild(u"body").text(),
             samples::received(samples::chatMessage).element().firstChild(u"body").text());
}

void TestStanzaLogModel::exportJsonLines()
{
    StanzaLogModel model;
    model.append(samples::handshake());
    model.append(samples::received(samples::iqError, 1'700'000'000'777));
    model.append(samples::sent("<iq type='set' to='x'><handshake>" + digest.toByteArray().toUpper() +
                               "</handshake></iq>"));
    model.flush();

    const QByteArray text = exported(model, StanzaLogExport::Format::JsonLines);
    QVERIFY(!text.contains(digest.toByteArray()));
    QVERIFY(!text.contains(digest.toByteArray().toUpper()));
    QList<QByteArray> lines = text.split('\n');
    QCOMPARE(lines.takeLast(), QByteArray());
    QCOMPARE(lines.size(), 3);
    QJsonParseError error;
    const QJsonObject handshake = QJsonDocument::fromJson(lines.at(0), &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(handshake.value(u"xml").toString(), QString::fromLatin1(redactedHandshake));
    QCOMPARE(handshake.value(u"direction").toString(), u"sent"_s);
    QCOMPARE(handshake.value(u"kind").toString(), u"stream"_s);
    const QJsonObject iq = QJsonDocument::fromJson(lines.at(1)).object();
    QCOMPARE(iq.value(u"seq").toInteger(), 2);
    QCOMPARE(iq.value(u"time").toString(), u"2023-11-14T22:13:20.777Z"_s);
    QCOMPARE(iq.value(u"direction").toString(), u"received"_s);
    QCOMPARE(iq.value(u"kind").toString(), u"iq"_s);
    QCOMPARE(iq.value(u"error").toBool(), true);
    QCOMPARE(iq.value(u"bytes").toInteger(), samples::iqError.size());
    QCOMPARE(iq.value(u"xml").toString(), QString::fromUtf8(samples::iqError));
    QVERIFY(QJsonDocument::fromJson(lines.at(2)).object().value(u"xml").toString().contains(u"[redacted]"));
    QCOMPARE(StanzaLogExport::formatForFileName(u"/tmp/a.JSONL"_s), StanzaLogExport::Format::JsonLines);
    QCOMPARE(StanzaLogExport::formatForFileName(u"/tmp/a.log"_s), StanzaLogExport::Format::XmlLog);
}

void TestStanzaLogModel::exportHonoursFilter()
{
    StanzaLogModel model;
    StanzaLogFilterModel filter;
    filter.setSourceModel(&model);
    fillMixed(model);
    filter.setErrorsOnly(true);
    const QByteArray text = exported(filter, StanzaLogExport::Format::JsonLines);
    QCOMPARE(text.count('\n'), 1);
    QVERIFY(text.contains("ps-3"));

    QBuffer closed;
    QString error;
    QVERIFY(!StanzaLogExport::write(&model, &closed, StanzaLogExport::Format::XmlLog, &error));
    QVERIFY(!error.isEmpty());
}

void TestStanzaLogModel::oneLine_data()
{
    QTest::addColumn<QByteArray>("wire");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("unchanged") << samples::discoGet << samples::discoGet;
    QTest::newRow("text") << QByteArray("<a>x\ny\r\nz\rw</a>") << QByteArray("<a>x&#10;y&#10;z&#10;w</a>");
    QTest::newRow("between elements")
        << QByteArray("<a>\n  <b/>\n</a>") << QByteArray("<a>&#10;  <b/>&#10;</a>");
    QTest::newRow("inside a tag") << QByteArray("<a\n x='1'\r\n/>") << QByteArray("<a  x='1' />");
    QTest::newRow("attribute value") << QByteArray("<a x='1\n2' y=\"a'\nb\"/>")
                                     << QByteArray("<a x='1 2' y=\"a' b\"/>");
    QTest::newRow("cdata") << QByteArray("<a><![CDATA[x\ny]]>\n</a>")
                           << QByteArray("<a><![CDATA[x]]>&#10;<![CDATA[y]]>&#10;</a>");
}

void TestStanzaLogModel::oneLine()
{
    QFETCH(QByteArray, wire);
    QFETCH(QByteArray, expected);
    const QByteArray line = StanzaLogExport::oneLine(wire);
    QCOMPARE(line, expected);
    // Parsers see the same document.
    QCOMPARE(XmlElement::parse(line).toXml(), XmlElement::parse(wire).toXml());
}

void TestStanzaLogModel::redaction_data()
{
    QTest::addColumn<QByteArray>("wire");
    QTest::addColumn<QByteArray>("expected");
    const QByteArray hex = digest.toByteArray();
    const QByteArray redacted(redactedHandshake);
    QTest::newRow("digest") << "<handshake>" + hex + "</handshake>" << redacted;
    QTest::newRow("upper case") << "<handshake>" + hex.toUpper() + "</handshake>" << redacted;
    QTest::newRow("with namespace") << "<handshake xmlns='jabber:component:accept'>" + hex + "</handshake>"
                                    << redacted;
    QTest::newRow("nested twice") << "<x><handshake>" + hex + "</handshake><handshake>ab</handshake></x>"
                                  << "<x>" + redacted + redacted + "</x>";
    QTest::newRow("already redacted") << redacted << redacted;
    QTest::newRow("accepted") << QByteArray("<handshake/>") << QByteArray("<handshake/>");
    QTest::newRow("empty") << QByteArray("<handshake></handshake>") << QByteArray("<handshake></handshake>");
    QTest::newRow("other element") << "<handshakes>" + hex + "</handshakes>"
                                   << "<handshakes>" + hex + "</handshakes>";
    QTest::newRow("unterminated") << "<handshake>" + hex << redacted;
}

void TestStanzaLogModel::redaction()
{
    QFETCH(QByteArray, wire);
    QFETCH(QByteArray, expected);
    QCOMPARE(redactHandshakeDigests(wire), expected);
}

void TestStanzaLogModel::pairsRequestAndAnswerRows()
{
    StanzaLogModel model;
    RequestTracker tracker;
    model.setRequestTracker(&tracker);
    model.append(samples::sent("<iq type='get' id='d1' from='bot.example.org' to='user@example.org/phone'>"
                               "<query xmlns='http://jabber.org/protocol/disco#info'/></iq>"));
    model.flush();
    QCOMPARE(model.index(0, 0).data(StanzaLogModel::ExchangeStateRole).toInt(),
             int(StanzaLogModel::ExchangeState::Awaiting));
    QVERIFY(cell(model, 0, StanzaLogModel::AnswerColumn).startsWith(u"awaiting an answer"_s));
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.append(
        samples::received("<iq type='error' id='d1' from='user@example.org/phone' to='bot.example.org'>"
                          "<error type='cancel'><item-not-found "
                          "xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>"));
    // The request's row repaints at once, before the answer becomes a row.
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().at(0).value<QModelIndex>().row(), 0);
    model.flush();
    QVERIFY2(cell(model, 0, StanzaLogModel::AnswerColumn).startsWith(u"error item-not-found in "_s),
             qPrintable(cell(model, 0, StanzaLogModel::AnswerColumn)));
    QVERIFY(cell(model, 1, StanzaLogModel::AnswerColumn).startsWith(u"answer, "_s));
    QCOMPARE(model.index(0, 0).data(StanzaLogModel::PartnerSequenceRole).toULongLong(), model.sequenceAt(1));
    QCOMPARE(model.index(1, 0).data(StanzaLogModel::PartnerSequenceRole).toULongLong(), model.sequenceAt(0));
    QCOMPARE(model.index(0, 0).data(StanzaLogModel::ExchangeStateRole).toInt(),
             int(StanzaLogModel::ExchangeState::Failed));
    QCOMPARE(model.index(1, 0).data(StanzaLogModel::ExchangeStateRole).toInt(),
             int(StanzaLogModel::ExchangeState::Answer));
    QVERIFY(model.index(0, 0).data(StanzaLogModel::RoundTripRole).toDouble() >= 0);
    QCOMPARE(model.index(0, 0).data(StanzaLogModel::RoundTripRole).toDouble(),
             model.index(1, 0).data(StanzaLogModel::RoundTripRole).toDouble());
    // A message has no part in an exchange.
    model.append(
        samples::received("<message from='a@example.org' to='bot.example.org'><body>hi</body></message>"));
    model.flush();
    QCOMPARE(cell(model, 2, StanzaLogModel::AnswerColumn), QString());
    QCOMPARE(model.index(2, 0).data(StanzaLogModel::RoundTripRole).toDouble(), -1.0);
}

void TestStanzaLogModel::aRepeatRowIsNotPairedAgain()
{
    // A proxy logs a delayed answer when it arrives and again when it goes on: one answer, not two.
    StanzaLogModel model;
    RequestTracker tracker;
    model.setRequestTracker(&tracker);
    const QByteArray answer = "<iq type='result' id='p1' from='server.example.org' to='bot.example.org'/>";
    model.append(samples::sent("<iq type='get' id='p1' from='bot.example.org' to='server.example.org'>"
                               "<ping xmlns='urn:xmpp:ping'/></iq>"));
    model.append(samples::received(answer), StanzaLogModel::Origin::Wire, u"delayed 500 ms by rule slow"_s);
    model.append(samples::received(answer), StanzaLogModel::Origin::Wire,
                 u"passed on: delayed 500 ms by rule slow"_s, StanzaOccurrence::Repeat);
    model.flush();
    QCOMPARE(model.exchangeStateAt(0), StanzaLogModel::ExchangeState::Answered);
    QCOMPARE(model.exchangeStateAt(1), StanzaLogModel::ExchangeState::Answer);
    QCOMPARE(model.exchangeStateAt(2), StanzaLogModel::ExchangeState::None); // not an unsolicited answer
    QCOMPARE(model.occurrenceAt(2), StanzaOccurrence::Repeat);
    QCOMPARE(model.occurrenceAt(1), StanzaOccurrence::First);
    QCOMPARE(cell(model, 2, StanzaLogModel::AnswerColumn), u"passed on: delayed 500 ms by rule slow"_s);
    // An export keeps it a repeat, and what the rows noted.
    const QList<QByteArray> lines = exported(model, StanzaLogExport::Format::JsonLines).split('\n');
    const auto line = [&lines](int row) { return CaptureRecord::fromJsonLine(lines.at(row)).value(); };
    QCOMPARE(line(2).occurrence, StanzaOccurrence::Repeat);
    QCOMPARE(line(2).note, u"passed on: delayed 500 ms by rule slow"_s);
    QCOMPARE(line(1).occurrence, StanzaOccurrence::First);
    QCOMPARE(line(1).note, u"delayed 500 ms by rule slow"_s);
}

void TestStanzaLogModel::pairingSurvivesTheCapAndTheFilters()
{
    StanzaLogModel model;
    model.setMaxRows(2);
    RequestTracker tracker;
    model.setRequestTracker(&tracker);
    StanzaLogFilterModel filter;
    filter.setSourceModel(&model);
    filter.setKindEnabled(StanzaKind::Iq, false); // the request and its answer are both hidden
    model.append(samples::received("<iq type='get' id='p' from='user@example.org/x' to='bot.example.org'>"
                                   "<ping xmlns='urn:xmpp:ping'/></iq>"));
    model.flush();
    const quint64 requestSequence = model.sequenceAt(0);
    for (int i = 0; i < 3; ++i)
        model.append(
            samples::received("<message from='a@example.org' to='bot.example.org'><body>x</body></message>"));
    model.flush();
    QCOMPARE(model.rowForSequence(requestSequence), -1); // dropped by the cap
    model.append(samples::sent("<iq type='result' id='p' from='bot.example.org' to='user@example.org/x'/>"));
    model.flush();
    const int answerRow = model.rowCount() - 1;
    QVERIFY(cell(model, answerRow, StanzaLogModel::AnswerColumn).startsWith(u"answer, "_s));
    QCOMPARE(model.index(answerRow, 0).data(StanzaLogModel::PartnerSequenceRole).toULongLong(),
             requestSequence);
    QCOMPARE(filter.rowCount(), 1);
}

void TestStanzaLogModel::unansweredFilterFollowsAnswers()
{
    StanzaLogModel model;
    RequestTracker tracker;
    model.setRequestTracker(&tracker);
    StanzaLogFilterModel filter;
    filter.setSourceModel(&model);
    filter.setUnansweredOnly(true);
    QVERIFY(filter.hasFilter());
    model.append(samples::sent("<iq type='get' id='a' from='bot.example.org' to='example.org'><ping "
                               "xmlns='urn:xmpp:ping'/></iq>"));
    model.append(samples::sent("<iq type='get' id='b' from='bot.example.org' to='example.org'><ping "
                               "xmlns='urn:xmpp:ping'/></iq>"));
    model.append(samples::received("<iq type='get' from='x@example.org' to='bot.example.org'><ping "
                                   "xmlns='urn:xmpp:ping'/></iq>")); // no id: nobody can answer it
    model.append(
        samples::received("<message from='a@example.org' to='bot.example.org'><body>x</body></message>"));
    model.flush();
    QCOMPARE(filter.rowCount(), 3);
    model.append(samples::received("<iq type='result' id='a' from='example.org' to='bot.example.org'/>"));
    model.flush();
    QCOMPARE(filter.rowCount(), 2); // 'a' answered (and its answer is no request)
    QCOMPARE(filter.index(0, StanzaLogModel::IdColumn).data().toString(), u"b"_s);
    tracker.connectionEnded();
    QCOMPARE(filter.rowCount(), 2); // abandoned is still unanswered
    QCOMPARE(filter.index(0, 0).data(StanzaLogModel::ExchangeStateRole).toInt(),
             int(StanzaLogModel::ExchangeState::Abandoned));
    filter.setUnansweredOnly(false);
    QCOMPARE(filter.rowCount(), 5);
}

void TestStanzaLogModel::answerColumnNamesWhatCannotPair()
{
    StanzaLogModel model;
    RequestTracker tracker;
    model.setRequestTracker(&tracker);
    model.append(samples::received("<iq type='result' id='zz' from='example.org' to='bot.example.org'/>"));
    model.append(samples::received("<iq type='get' from='x@example.org' to='bot.example.org'/>"));
    model.append(samples::received("<iq type='get' id='dup' from='x@example.org' to='bot.example.org'/>"));
    model.append(samples::received("<iq type='get' id='dup' from='x@example.org' to='bot.example.org'/>"));
    model.append(samples::received("<iq type='bogus' id='t' from='x@example.org' to='bot.example.org'/>"));
    model.flush();
    QCOMPARE(cell(model, 0, StanzaLogModel::AnswerColumn), u"answers no request sent on this connection"_s);
    QCOMPARE(model.index(0, 0).data(StanzaLogModel::ExchangeStateRole).toInt(),
             int(StanzaLogModel::ExchangeState::Unsolicited));
    QCOMPARE(cell(model, 1, StanzaLogModel::AnswerColumn),
             u"a request without an id: it cannot be answered"_s);
    QVERIFY(!cell(model, 2, StanzaLogModel::AnswerColumn).contains(u"still waiting"_s));
    QVERIFY(cell(model, 3, StanzaLogModel::AnswerColumn).endsWith(u"the id of a request still waiting"_s));
    QCOMPARE(cell(model, 4, StanzaLogModel::AnswerColumn),
             u"not a request or an answer: the type is invalid"_s);
    // Without a tracker there is no pairing, and nothing pretends there is.
    StanzaLogModel untracked;
    untracked.append(samples::received("<iq type='get' id='u' from='x@example.org' to='bot.example.org'/>"));
    untracked.flush();
    QCOMPARE(cell(untracked, 0, StanzaLogModel::AnswerColumn), QString());
}

void TestStanzaLogModel::ruleRepliesNameTheirRule()
{
    using Origin = StanzaLogModel::Origin;
    StanzaLogModel model;
    model.setMaxRows(64);
    model.append(samples::sent("<message from='bot.example.org' to='x@example.org'><body>a</body></message>"),
                 Origin::Automatic, u"echo"_s);
    model.append(samples::sent("<message from='bot.example.org' to='x@example.org'><body>b</body></message>"),
                 Origin::Automatic);
    model.flush();
    QCOMPARE(model.noteFor(model.sequenceAt(0)), u"echo"_s);
    QCOMPARE(cell(model, 0, StanzaLogModel::AnswerColumn), u"rule echo"_s);
    QCOMPARE(model.noteFor(model.sequenceAt(1)), QString());
    QCOMPARE(cell(model, 1, StanzaLogModel::AnswerColumn), u"sent by xcm automatically"_s);
    // What a fault rule did to a relayed stanza, shown as given.
    model.append(samples::received("<message from='x@example.org' to='bot.example.org'/>"), Origin::Wire,
                 u"dropped by rule lossy"_s);
    model.flush();
    QCOMPARE(cell(model, 2, StanzaLogModel::AnswerColumn), u"dropped by rule lossy"_s);
    // The name goes with its row: dropped by the cap, it is forgotten.
    const quint64 first = model.sequenceAt(0);
    appendLoad(model, 64);
    model.flush();
    QCOMPARE(model.rowForSequence(first), -1);
    QCOMPARE(model.noteFor(first), QString());
}

void TestStanzaLogModel::clearingABigLogKeepsWhatIsShared()
{
    // A big log's rows are freed on a pool thread: the model is empty at once, and a stanza handed out
    // before (its bytes shared with the row) stays whole.
    StanzaLogModel model;
    appendLoad(model, int(StanzaLogModel::freeInBackgroundFrom) + 10);
    model.flush();
    const Stanza kept = model.stanzaAt(7);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.clear();
    QCOMPARE(reset.size(), 1);
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(QThreadPool::globalInstance()->waitForDone(10000));
    QCOMPARE(kept.wire(), samples::loadMessage(7, 120));
    appendLoad(model, 3);
    model.flush();
    QCOMPARE(model.rowCount(), 3);
}

void TestStanzaLogModel::droppedRowsGiveTheirBytesBack()
{
    // The rows' bytes are packed in the model's arena: what the cap drops goes back to the system.
    StanzaLogModel model;
    model.setMaxRows(1000);
    for (int batch = 0; batch < 200; ++batch) {
        appendLoad(model, 1000, batch * 1000);
        model.flush();
    }
    QCOMPARE(model.rowCount(), 1000);
    QCOMPARE(model.wireAt(0), samples::loadMessage(199'000, 120));
    QCOMPARE(model.wireAt(999), samples::loadMessage(199'999, 120));
    // 200,000 stanzas went through (about 30 MB); a thousand rows hold a block or two.
    QVERIFY2(model.reservedWireBytes() <= 2 * WireArena::blockBytes,
             qPrintable(QString::number(model.reservedWireBytes())));
    model.clear();
    QCOMPARE(model.reservedWireBytes(), 0);
}

void TestStanzaLogModel::exportSnapshotOutlivesAClear()
{
    // An export writes on a pool thread from a snapshot of the rows: clearing the log meanwhile (and
    // filling it again, in memory the clear gave back) must not change what it writes.
    StanzaLogModel model;
    const int count = int(StanzaLogModel::freeInBackgroundFrom) + 10;
    appendLoad(model, count);
    model.flush();
    const StanzaLogExport::Snapshot snapshot = StanzaLogExport::snapshot(&model);
    model.clear();
    QVERIFY(QThreadPool::globalInstance()->waitForDone(10000));
    appendLoad(model, count, 900'000);
    model.flush();
    QBuffer buffer;
    QVERIFY(buffer.open(QIODevice::WriteOnly));
    QString error;
    QVERIFY2(StanzaLogExport::write(snapshot.records, &buffer, StanzaLogExport::Format::JsonLines, &error),
             qPrintable(error));
    const QList<QByteArray> lines = buffer.data().split('\n');
    QCOMPARE(lines.size(), count + 1);
    for (const int at : {0, 7, count - 1}) {
        const auto record = CaptureRecord::fromJsonLine(lines.at(at));
        QVERIFY(record);
        QCOMPARE(record->wire, samples::loadMessage(at, 120));
    }
}

QTEST_GUILESS_MAIN(TestStanzaLogModel)
#include "tst_stanzalogmodel.moc"
