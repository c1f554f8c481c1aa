// SPDX-License-Identifier: GPL-3.0-or-later
#include "ruleengine.h"

#include "expressionslogging.h"
#include "jid.h"
#include "stanzapolicy.h"

#include <QRandomGenerator>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace xcm {

namespace {

constexpr qint64 rememberRepliesMs = 60'000; // a reply routed back to us arrives well within this
constexpr size_t rememberRepliesMax = 1000;

QString replyKey(QStringView kind, QStringView from, QStringView to, QStringView id)
{
    return (kind + u'\n' + from + u'\n' + to + u'\n' + id).toLower();
}

QString kindName(StanzaKind kind)
{
    switch (kind) {
    case StanzaKind::Message:
        return u"message"_s;
    case StanzaKind::Presence:
        return u"presence"_s;
    case StanzaKind::Iq:
        return u"iq"_s;
    default:
        return {};
    }
}

// Adds id='…' to the outermost start tag, leaving the rest of the text as the template wrote it.
QString withId(const QString &xml, const QString &id)
{
    const qsizetype open = xml.indexOf(u'<');
    qsizetype nameEnd = open + 1;
    while (nameEnd < xml.size() && !xml.at(nameEnd).isSpace() && xml.at(nameEnd) != u'/' &&
           xml.at(nameEnd) != u'>')
        ++nameEnd;
    return xml.first(nameEnd) + u" id='"_s + id + u'\'' + xml.sliced(nameEnd);
}

} // namespace

RuleEngine::RuleEngine(QObject *parent)
    : RuleRunner(parent)
    , m_idPrefix(replyIdPrefix + QString::number(QRandomGenerator::global()->generate(), 16) + u'-')
{}

RuleEngine::~RuleEngine() = default;

void RuleEngine::cancelPending()
{
    if (m_pending > 0)
        qCDebug(lcRules) << "dropping" << m_pending << "delayed replies";
    ++m_generation;
    m_pending = 0;
}

bool RuleEngine::handleReceived(const Stanza &stanza)
{
    if (m_rules.isEmpty())
        return false;
    StanzaView view(stanza);
    if (isRuleReply(view)) {
        qCDebug(lcRules) << "not answering a rule's reply, id" << view.id();
        return false;
    }
    for (int i = 0; i < m_rules.size(); ++i) {
        const Rule &rule = m_rules.at(i);
        if (!rule.m_enabled || rule.isPaused() || !rule.m_compiled || rule.isFault())
            continue;
        const bool matched = rule.m_expression.matches(view);
        const ExpressionError problem = rule.m_expression.evaluationError();
        if (!problem.isNull()) {
            const QString message = tr("match: %1").arg(problem.toString());
            if (message != rule.m_lastError)
                fail(i, message);
        }
        if (!matched || !withinRateLimit(i))
            continue;
        return answer(i, view);
    }
    return false;
}

bool RuleEngine::isRuleReply(StanzaView &view)
{
    if (view.id().startsWith(replyIdPrefix))
        return true;
    const qint64 now = m_clock.elapsed();
    while (!m_sent.empty() &&
           (now - m_sent.front().atMs > rememberRepliesMs || m_sent.size() > rememberRepliesMax))
        m_sent.pop_front();
    if (m_sent.empty())
        return false;
    const QString key = replyKey(kindName(view.kind()), view.from(), view.to(), view.id());
    return std::any_of(m_sent.begin(), m_sent.end(),
                       [&key](const SentReply &sent) { return sent.key == key; });
}

void RuleEngine::remember(const XmlElement &reply)
{
    m_sent.push_back(
        {replyKey(reply.name(), reply.attribute(u"from"), reply.attribute(u"to"), reply.attribute(u"id")),
         m_clock.elapsed()});
}

QString RuleEngine::rateLimitReason() const
{
    return tr("paused: more than %1 replies within a second (a loop?)").arg(maxActionsPerSecond());
}

bool RuleEngine::answer(int index, StanzaView &view)
{
    Rule &rule = m_rules[index];
    ++rule.m_hits;
    QString xml = rule.m_replyTemplate.instantiate(view).trimmed();
    // Without a component domain, any domain in 'from' will do: the other checks still apply.
    const QString domain = !m_domain.isEmpty()
                               ? m_domain
                               : Jid::parse(XmlElement::parse(xml.toUtf8()).attribute(u"from")).domain();
    XmlElement reply;
    const QString problem = StanzaPolicy{domain, m_maxStanzaBytes}.check(xml.toUtf8(), &reply);
    if (!problem.isEmpty()) {
        fail(index, tr("reply not sent: %1").arg(problem));
        return false;
    }
    if (!reply.hasAttribute(u"id")) {
        const QString id = nextReplyId();
        xml = withId(xml, id);
        reply.setAttribute(u"id"_s, id);
    }
    remember(reply);
    const QByteArray bytes = xml.toUtf8();
    const QString name = rule.name();
    qCDebug(lcRules) << "rule" << name << "answers" << view.id() << "from" << view.from()
                     << (rule.m_delayMs > 0 ? "after a delay" : "now");
    Q_EMIT ruleChanged(index);
    if (rule.m_delayMs == 0) {
        Q_EMIT replyReady(bytes, name);
        return true;
    }
    ++m_pending;
    QTimer::singleShot(rule.m_delayMs, this, [this, bytes, name, generation = m_generation] {
        if (generation != m_generation)
            return;
        --m_pending;
        Q_EMIT replyReady(bytes, name);
    });
    return true;
}

void RuleEngine::fail(int index, const QString &error)
{
    Rule &rule = m_rules[index];
    rule.m_lastError = error;
    qCInfo(lcRules) << "rule" << rule.name() << "failed:" << error;
    Q_EMIT ruleFailed(index, error);
    Q_EMIT ruleChanged(index);
}

QString RuleEngine::nextReplyId()
{
    return m_idPrefix + QString::number(++m_replyCounter);
}

} // namespace xcm
