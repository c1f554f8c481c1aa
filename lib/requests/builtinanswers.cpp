// SPDX-License-Identifier: GPL-3.0-or-later
#include "builtinanswers.h"

#include <QDateTime>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace xcm {

namespace {

XmlElement replyTo(const Stanza &request, const QString &type)
{
    XmlElement reply(request.name(), QString::fromUtf16(ns::component));
    reply.setAttribute(u"type"_s, type);
    if (!request.id().isEmpty())
        reply.setAttribute(u"id"_s, request.id());
    if (!request.to().isEmpty())
        reply.setAttribute(u"from"_s, request.to());
    if (!request.from().isEmpty())
        reply.setAttribute(u"to"_s, request.from());
    return reply;
}

XmlElement textElement(const QString &name, const QString &namespaceUri, const QString &text)
{
    XmlElement element(name, namespaceUri);
    element.appendText(text);
    return element;
}

} // namespace

BuiltinAnswers::BuiltinAnswers(ResponderSettings settings, QString defaultIdentityName, Software software)
    : m_settings(std::move(settings))
    , m_identityName(m_settings.identity.name.isEmpty() ? std::move(defaultIdentityName)
                                                        : m_settings.identity.name)
    , m_software(std::move(software))
{}

XmlElement BuiltinAnswers::resultReply(const Stanza &request)
{
    return replyTo(request, u"result"_s);
}

XmlElement BuiltinAnswers::errorReply(const Stanza &request, StanzaError::Condition condition)
{
    return errorReplyTo(request, StanzaError(condition));
}

QStringList BuiltinAnswers::features() const
{
    QStringList features{QString::fromUtf16(ns::discoInfo)};
    if (m_settings.disco)
        features << QString::fromUtf16(ns::discoItems);
    if (m_settings.ping)
        features << QString::fromUtf16(ns::ping);
    if (m_settings.time)
        features << QString::fromUtf16(ns::time);
    if (m_settings.version)
        features << QString::fromUtf16(ns::version);
    for (const QString &extra : m_settings.extraFeatures) {
        if (!extra.trimmed().isEmpty() && !features.contains(extra.trimmed()))
            features << extra.trimmed();
    }
    return features;
}

XmlElement BuiltinAnswers::answer(const Stanza &request) const
{
    if (request.kind() != StanzaKind::Iq || request.type() != u"get")
        return {};
    // A request carries exactly one payload child (RFC 6120 §8.2.3).
    const XmlElement payload = request.element().firstChild();
    const QString namespaceUri = payload.namespaceUri();
    if (m_settings.ping && payload.name() == u"ping" && namespaceUri == ns::ping)
        return resultReply(request);
    if (m_settings.disco && payload.name() == u"query" && namespaceUri == ns::discoInfo)
        return discoInfo(request, payload);
    if (m_settings.disco && payload.name() == u"query" && namespaceUri == ns::discoItems)
        return discoItems(request, payload);
    if (m_settings.version && payload.name() == u"query" && namespaceUri == ns::version)
        return version(request);
    if (m_settings.time && payload.name() == u"time" && namespaceUri == ns::time)
        return time(request);
    return {};
}

XmlElement BuiltinAnswers::discoInfo(const Stanza &request, const XmlElement &query) const
{
    if (!query.attribute(u"node").isEmpty())
        return errorReply(request, StanzaError::Condition::ItemNotFound);
    XmlElement result = resultReply(request);
    XmlElement answer(u"query"_s, QString::fromUtf16(ns::discoInfo));
    XmlElement identity(u"identity"_s, QString::fromUtf16(ns::discoInfo));
    identity.setAttribute(u"category"_s, m_settings.identity.category);
    identity.setAttribute(u"type"_s, m_settings.identity.type);
    if (!m_identityName.isEmpty())
        identity.setAttribute(u"name"_s, m_identityName);
    answer.appendChild(identity);
    for (const QString &feature : features()) {
        XmlElement element(u"feature"_s, QString::fromUtf16(ns::discoInfo));
        element.setAttribute(u"var"_s, feature);
        answer.appendChild(element);
    }
    result.appendChild(answer);
    return result;
}

XmlElement BuiltinAnswers::discoItems(const Stanza &request, const XmlElement &query) const
{
    if (!query.attribute(u"node").isEmpty())
        return errorReply(request, StanzaError::Condition::ItemNotFound);
    XmlElement result = resultReply(request);
    XmlElement answer(u"query"_s, QString::fromUtf16(ns::discoItems));
    for (const ResponderSettings::DiscoItem &item : m_settings.items) {
        XmlElement element(u"item"_s, QString::fromUtf16(ns::discoItems));
        element.setAttribute(u"jid"_s, item.jid);
        if (!item.node.isEmpty())
            element.setAttribute(u"node"_s, item.node);
        if (!item.name.isEmpty())
            element.setAttribute(u"name"_s, item.name);
        answer.appendChild(element);
    }
    result.appendChild(answer);
    return result;
}

XmlElement BuiltinAnswers::version(const Stanza &request) const
{
    XmlElement result = resultReply(request);
    const QString namespaceUri = QString::fromUtf16(ns::version);
    XmlElement query(u"query"_s, namespaceUri);
    query.appendChild(textElement(u"name"_s, namespaceUri, m_software.name));
    query.appendChild(textElement(u"version"_s, namespaceUri, m_software.version));
    if (m_settings.revealOs && !m_software.os.isEmpty())
        query.appendChild(textElement(u"os"_s, namespaceUri, m_software.os));
    result.appendChild(query);
    return result;
}

XmlElement BuiltinAnswers::time(const Stanza &request)
{
    const QDateTime now = QDateTime::currentDateTime();
    const int offsetSeconds = now.offsetFromUtc();
    const int offsetMinutes = qAbs(offsetSeconds) / 60;
    const QString tzo = u"%1%2:%3"_s.arg(QChar(offsetSeconds < 0 ? u'-' : u'+'))
                            .arg(offsetMinutes / 60, 2, 10, QChar(u'0'))
                            .arg(offsetMinutes % 60, 2, 10, QChar(u'0'));
    const QString namespaceUri = QString::fromUtf16(ns::time);
    XmlElement result = resultReply(request);
    XmlElement time(u"time"_s, namespaceUri);
    time.appendChild(textElement(u"tzo"_s, namespaceUri, tzo));
    time.appendChild(textElement(u"utc"_s, namespaceUri, now.toUTC().toString(u"yyyy-MM-ddThh:mm:ss.zzzZ")));
    result.appendChild(time);
    return result;
}

} // namespace xcm
