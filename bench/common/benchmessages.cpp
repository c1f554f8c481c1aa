// SPDX-License-Identifier: GPL-3.0-or-later
#include "benchmessages.h"

namespace xcm::bench {

namespace {

// A few sentences so that bodies differ in length and content, as real chat does.
constexpr const char *phrases[] = {
    "fish &amp; chips for two at table &lt;4&gt;, ring me when they are ready",
    "the build is green &amp; the notes are in &lt;docs/release.md&gt; now",
    "meeting moved to 14:30 &amp; room B &lt;second floor&gt;, bring the agenda",
    "thanks &amp; see you tomorrow &lt;3 don't forget the charger on my desk",
};

} // namespace

QByteArray chatMessage(qint64 index, qint64 count, const QString &domain)
{
    const QByteArray user = QByteArray::number(index % 997);
    const QByteArray id = index == count - 1 ? QByteArrayLiteral("last") : "m" + QByteArray::number(index);
    QByteArray xml;
    xml.reserve(280);
    xml += "<message from='user" + user + "@example.net/phone' to='" + botJid(domain).toUtf8() +
           "' type='chat' id='" + id + "'><body>#" + QByteArray::number(index) + ": " +
           phrases[index % std::size(phrases)] +
           "</body><active xmlns='http://jabber.org/protocol/chatstates'/></message>";
    return xml;
}

QByteArray chatMessages(qint64 count, const QString &domain)
{
    QByteArray all;
    all.reserve(count * 270);
    for (qint64 i = 0; i < count; ++i)
        all += chatMessage(i, count, domain);
    return all;
}

QString botJid(const QString &domain)
{
    return QStringLiteral("bot@") + domain;
}

} // namespace xcm::bench
