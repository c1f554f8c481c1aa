// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "stanza.h"
#include "xmlelement.h"

#include <QMetaType>
#include <QSharedDataPointer>
#include <QString>

#include <optional>

namespace xcm {

class StanzaErrorData;

// An RFC 6120 §8.3 stanza error, the <error/> child of a stanza of type 'error':
//   <error type='cancel' by='pubsub.example.org'>
//     <item-not-found xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/>
//     <text xmlns='urn:ietf:params:xml:ns:xmpp-stanzas' xml:lang='en'>No such node</text>
//     <nodeid-required xmlns='http://jabber.org/protocol/pubsub#errors'/>
//   </error>
// A value (shared, cheap to copy) that is read from and written back to XML, so that an error is
// parsed in one place and replies are built from the same type.
class StanzaError
{
public:
    // What the sender should do about it (RFC 6120 §8.3.2).
    enum class Type : quint8
    {
        Cancel,   // do not retry
        Continue, // proceed, it was only a warning
        Modify,   // retry after changing the data sent
        Auth,     // retry after providing credentials
        Wait      // retry after waiting
    };

    // The defined conditions of RFC 6120 §8.3.3, in its order.
    enum class Condition : quint8
    {
        BadRequest,
        Conflict,
        FeatureNotImplemented,
        Forbidden,
        Gone,
        InternalServerError,
        ItemNotFound,
        JidMalformed,
        NotAcceptable,
        NotAllowed,
        NotAuthorized,
        PolicyViolation,
        RecipientUnavailable,
        Redirect,
        RegistrationRequired,
        RemoteServerNotFound,
        RemoteServerTimeout,
        ResourceConstraint,
        ServiceUnavailable,
        SubscriptionRequired,
        UndefinedCondition,
        UnexpectedRequest
    };

    StanzaError(); // null: no error
    StanzaError(Type type, Condition condition, const QString &text = {});
    // With the type RFC 6120 recommends for the condition.
    explicit StanzaError(Condition condition, const QString &text = {});
    StanzaError(const StanzaError &);
    StanzaError(StanzaError &&) noexcept;
    StanzaError &operator=(const StanzaError &);
    StanzaError &operator=(StanzaError &&) noexcept;
    ~StanzaError();

    // The error of a stanza of type 'error'; null for any other stanza, or one without <error/>.
    static StanzaError fromStanza(const Stanza &stanza);
    // Reads an <error/> element; null if it is not one. A missing or unknown condition becomes
    // undefined-condition (RFC 6120 §8.3.3.21), an unknown type is left unset.
    static StanzaError fromElement(const XmlElement &errorElement);
    // The <error/> element, in `stanzaNamespace` (the one of the stanza it goes into). Null if null.
    XmlElement toElement(QStringView stanzaNamespace = ns::component) const;

    bool isNull() const;
    bool isValid() const; // not null and has a type, which RFC 6120 requires

    std::optional<Type> type() const;
    void setType(std::optional<Type> type);
    Condition condition() const;
    void setCondition(Condition condition);
    // The new address a <gone/> or <redirect/> condition carries, e.g. "xmpp:room@conference.example.org".
    QString redirectUri() const;
    void setRedirectUri(const QString &uri);
    QString text() const; // human-readable, optional
    void setText(const QString &text);
    QString textLanguage() const; // the text's xml:lang, empty if not given
    void setTextLanguage(const QString &language);
    QString by() const; // the entity that generated the error, empty if not given
    void setBy(const QString &jid);
    // The application-specific condition: a child in a namespace of its own. Null if none.
    XmlElement applicationCondition() const;
    void setApplicationCondition(const XmlElement &condition);

    // One line for logs: "item-not-found (cancel): No such node". Empty if null.
    QString summary() const;

    static QString typeName(Type type);
    static std::optional<Type> typeFromName(QStringView name);
    static QString conditionName(Condition condition);
    static std::optional<Condition> conditionFromName(QStringView name);
    // The type RFC 6120 §8.3.3 recommends for a condition, for building replies.
    static Type defaultType(Condition condition);

    friend bool operator==(const StanzaError &, const StanzaError &);

private:
    QSharedDataPointer<StanzaErrorData> d;
};

// The error reply to `request`: a stanza of the same name and namespace, type='error', the addresses
// swapped, the same id, carrying `error`. Null if the request is null, stream-level or itself an error
// (RFC 6120 §8.3.1: an error must never be answered with an error), or if `error` is null.
XmlElement errorReplyTo(const Stanza &request, const StanzaError &error);

} // namespace xcm

Q_DECLARE_METATYPE(xcm::StanzaError)
