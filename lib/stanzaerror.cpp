// SPDX-License-Identifier: GPL-3.0-or-later
#include "stanzaerror.h"

#include "logging.h"

#include <array>

using namespace Qt::StringLiterals;

namespace xcm {

class StanzaErrorData : public QSharedData
{
public:
    std::optional<StanzaError::Type> type;
    StanzaError::Condition condition = StanzaError::Condition::UndefinedCondition;
    QString redirectUri;
    QString text;
    QString textLanguage;
    QString by;
    XmlElement applicationCondition;
};

namespace {

using Type = StanzaError::Type;
using Condition = StanzaError::Condition;

constexpr std::array<QStringView, 5> typeNames = {u"cancel", u"continue", u"modify", u"auth", u"wait"};

struct ConditionInfo
{
    QStringView name;
    Type defaultType;
};

// Indexed by Condition. The types are those RFC 6120 §8.3.3 recommends (and uses in its examples).
constexpr std::array<ConditionInfo, 22> conditions = {{
    {u"bad-request", Type::Modify},
    {u"conflict", Type::Cancel},
    {u"feature-not-implemented", Type::Cancel},
    {u"forbidden", Type::Auth},
    {u"gone", Type::Cancel},
    {u"internal-server-error", Type::Cancel},
    {u"item-not-found", Type::Cancel},
    {u"jid-malformed", Type::Modify},
    {u"not-acceptable", Type::Modify},
    {u"not-allowed", Type::Cancel},
    {u"not-authorized", Type::Auth},
    {u"policy-violation", Type::Modify},
    {u"recipient-unavailable", Type::Wait},
    {u"redirect", Type::Modify},
    {u"registration-required", Type::Auth},
    {u"remote-server-not-found", Type::Cancel},
    {u"remote-server-timeout", Type::Wait},
    {u"resource-constraint", Type::Wait},
    {u"service-unavailable", Type::Cancel},
    {u"subscription-required", Type::Auth},
    {u"undefined-condition", Type::Modify},
    {u"unexpected-request", Type::Wait},
}};
static_assert(conditions.size() == size_t(Condition::UnexpectedRequest) + 1);

bool carriesUri(Condition condition)
{
    return condition == Condition::Gone || condition == Condition::Redirect;
}

} // namespace

StanzaError::StanzaError() = default;

StanzaError::StanzaError(Type type, Condition condition, const QString &text)
    : d(new StanzaErrorData)
{
    d->type = type;
    d->condition = condition;
    d->text = text;
}

StanzaError::StanzaError(Condition condition, const QString &text)
    : StanzaError(defaultType(condition), condition, text)
{}

StanzaError::StanzaError(const StanzaError &) = default;
StanzaError::StanzaError(StanzaError &&) noexcept = default;
StanzaError &StanzaError::operator=(const StanzaError &) = default;
StanzaError &StanzaError::operator=(StanzaError &&) noexcept = default;
StanzaError::~StanzaError() = default;

StanzaError StanzaError::fromStanza(const Stanza &stanza)
{
    if (!stanza.isError() || stanza.isStreamError())
        return {};
    const XmlElement element = stanza.element();
    // <error/> belongs to the stanza's namespace; a sender that got that wrong still means an error.
    XmlElement error = element.firstChild(u"error", element.namespaceUri());
    if (error.isNull())
        error = element.firstChild(u"error");
    return fromElement(error);
}

StanzaError StanzaError::fromElement(const XmlElement &errorElement)
{
    if (errorElement.isNull() || errorElement.name() != u"error")
        return {};
    StanzaError result;
    result.d = new StanzaErrorData;
    result.d->type = typeFromName(errorElement.attribute(u"type"));
    result.d->by = errorElement.attribute(u"by");
    bool hasCondition = false;
    for (const XmlElement &child : errorElement.children()) {
        if (child.namespaceUri() != ns::stanzaErrors) {
            if (result.d->applicationCondition.isNull())
                result.d->applicationCondition = child;
            continue;
        }
        if (child.name() == u"text") {
            // Several texts in different languages may come; like QXmpp, the last one is kept.
            result.d->text = child.text();
            result.d->textLanguage = child.attribute(u"xml:lang");
            continue;
        }
        if (hasCondition)
            continue;
        if (const auto condition = conditionFromName(child.name())) {
            hasCondition = true;
            result.d->condition = *condition;
            if (carriesUri(*condition))
                result.d->redirectUri = child.text().trimmed();
        }
    }
    if (!hasCondition)
        qCDebug(lcParser) << "stanza error without a defined condition, read as undefined-condition";
    return result;
}

XmlElement StanzaError::toElement(QStringView stanzaNamespace) const
{
    if (!d)
        return {};
    const QString errorsNamespace = QString::fromUtf16(ns::stanzaErrors);
    XmlElement error(u"error"_s, stanzaNamespace.toString());
    if (d->type)
        error.setAttribute(u"type"_s, typeName(*d->type));
    if (!d->by.isEmpty())
        error.setAttribute(u"by"_s, d->by);
    XmlElement condition(conditionName(d->condition), errorsNamespace);
    if (carriesUri(d->condition) && !d->redirectUri.isEmpty())
        condition.appendText(d->redirectUri);
    error.appendChild(condition);
    if (!d->text.isEmpty()) {
        XmlElement text(u"text"_s, errorsNamespace);
        if (!d->textLanguage.isEmpty())
            text.setAttribute(u"xml:lang"_s, d->textLanguage);
        text.appendText(d->text);
        error.appendChild(text);
    }
    if (!d->applicationCondition.isNull())
        error.appendChild(d->applicationCondition);
    return error;
}

bool StanzaError::isNull() const
{
    return !d;
}

bool StanzaError::isValid() const
{
    return d && d->type.has_value();
}

std::optional<StanzaError::Type> StanzaError::type() const
{
    return d ? d->type : std::nullopt;
}

void StanzaError::setType(std::optional<Type> type)
{
    if (!d)
        d = new StanzaErrorData;
    d->type = type;
}

StanzaError::Condition StanzaError::condition() const
{
    return d ? d->condition : Condition::UndefinedCondition;
}

void StanzaError::setCondition(Condition condition)
{
    if (!d)
        d = new StanzaErrorData;
    d->condition = condition;
}

QString StanzaError::redirectUri() const
{
    return d ? d->redirectUri : QString();
}

void StanzaError::setRedirectUri(const QString &uri)
{
    if (!d)
        d = new StanzaErrorData;
    d->redirectUri = uri;
}

QString StanzaError::text() const
{
    return d ? d->text : QString();
}

void StanzaError::setText(const QString &text)
{
    if (!d)
        d = new StanzaErrorData;
    d->text = text;
}

QString StanzaError::textLanguage() const
{
    return d ? d->textLanguage : QString();
}

void StanzaError::setTextLanguage(const QString &language)
{
    if (!d)
        d = new StanzaErrorData;
    d->textLanguage = language;
}

QString StanzaError::by() const
{
    return d ? d->by : QString();
}

void StanzaError::setBy(const QString &jid)
{
    if (!d)
        d = new StanzaErrorData;
    d->by = jid;
}

XmlElement StanzaError::applicationCondition() const
{
    return d ? d->applicationCondition : XmlElement();
}

void StanzaError::setApplicationCondition(const XmlElement &condition)
{
    if (!d)
        d = new StanzaErrorData;
    d->applicationCondition = condition;
}

QString StanzaError::summary() const
{
    if (!d)
        return {};
    QString line = conditionName(d->condition);
    if (d->type)
        line += u" ("_s + typeName(*d->type) + u')';
    const QString text = d->text.simplified(); // one line, whatever the sender's layout
    if (!text.isEmpty())
        line += u": "_s + text;
    return line;
}

QString StanzaError::typeName(Type type)
{
    return typeNames.at(size_t(type)).toString();
}

std::optional<StanzaError::Type> StanzaError::typeFromName(QStringView name)
{
    for (size_t i = 0; i < typeNames.size(); ++i) {
        if (typeNames[i] == name)
            return Type(i);
    }
    return std::nullopt;
}

QString StanzaError::conditionName(Condition condition)
{
    return conditions.at(size_t(condition)).name.toString();
}

std::optional<StanzaError::Condition> StanzaError::conditionFromName(QStringView name)
{
    for (size_t i = 0; i < conditions.size(); ++i) {
        if (conditions[i].name == name)
            return Condition(i);
    }
    return std::nullopt;
}

StanzaError::Type StanzaError::defaultType(Condition condition)
{
    return conditions.at(size_t(condition)).defaultType;
}

bool operator==(const StanzaError &left, const StanzaError &right)
{
    if (left.d == right.d)
        return true;
    if (left.isNull() || right.isNull())
        return false;
    // XmlElement has no equality of its own; its serialisation is canonical enough for one element.
    return left.d->type == right.d->type && left.d->condition == right.d->condition &&
           left.d->redirectUri == right.d->redirectUri && left.d->text == right.d->text &&
           left.d->textLanguage == right.d->textLanguage && left.d->by == right.d->by &&
           left.d->applicationCondition.toXml() == right.d->applicationCondition.toXml();
}

XmlElement errorReplyTo(const Stanza &request, const StanzaError &error)
{
    if (request.isNull() || request.kind() == StanzaKind::Stream || request.isError() || error.isNull())
        return {};
    XmlElement reply(request.name(), request.namespaceUri());
    reply.setAttribute(u"type"_s, u"error"_s);
    if (const QString to = request.to(); !to.isEmpty())
        reply.setAttribute(u"from"_s, to);
    if (const QString from = request.from(); !from.isEmpty())
        reply.setAttribute(u"to"_s, from);
    if (const QString id = request.id(); !id.isEmpty())
        reply.setAttribute(u"id"_s, id);
    reply.appendChild(error.toElement(request.namespaceUri()));
    return reply;
}

} // namespace xcm
