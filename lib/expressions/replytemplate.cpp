// SPDX-License-Identifier: GPL-3.0-or-later
#include "replytemplate.h"

#include "stanza.h"
#include "stanzapolicy.h"
#include "stanzaview.h"
#include "xmlelement.h"

using namespace Qt::StringLiterals;

namespace xcm {

namespace {

bool isPlaceholder(ExpressionField field)
{
    return field != ExpressionField::Ns && field != ExpressionField::Auto;
}

QString escaped(QStringView text)
{
    QString result;
    result.reserve(text.size());
    for (const QChar c : text) {
        switch (c.unicode()) {
        case u'&':
            result += u"&amp;";
            break;
        case u'<':
            result += u"&lt;";
            break;
        case u'>':
            result += u"&gt;";
            break;
        case u'\'':
            result += u"&apos;";
            break;
        case u'"':
            result += u"&quot;";
            break;
        default:
            result += c;
        }
    }
    return result;
}

} // namespace

QStringList ReplyTemplate::placeholderNames()
{
    QStringList names;
    for (const QString &name : ExpressionFields::names()) {
        if (isPlaceholder(*ExpressionFields::byName(name)))
            names.append(name);
    }
    return names;
}

bool ReplyTemplate::split(QStringView text, QList<Segment> *segments, ExpressionError *error)
{
    segments->clear();
    Segment current;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        const QChar next = i + 1 < text.size() ? text.at(i + 1) : QChar();
        if ((c == u'{' || c == u'}') && next == c) {
            current.literal += c;
            ++i;
            continue;
        }
        if (c != u'{') {
            current.literal += c; // a lone } is just a brace
            continue;
        }
        const qsizetype close = text.indexOf(u'}', i + 1);
        const qsizetype nextOpen = text.indexOf(u'{', i + 1);
        if (close < 0 || (nextOpen >= 0 && nextOpen < close)) {
            *error = ExpressionError::at(text, i, 1, tr("'{' without '}': write {{ for a brace"));
            return false;
        }
        const QStringView name = text.sliced(i + 1, close - i - 1);
        const std::optional<ExpressionField> field = ExpressionFields::byName(name);
        if (!field || !isPlaceholder(*field) || name != ExpressionFields::name(*field)) {
            const QString closest = ExpressionFields::closestName(name);
            const QString message =
                !closest.isEmpty() && isPlaceholder(*ExpressionFields::byName(closest))
                    ? tr("unknown placeholder {%1} (did you mean {%2}?)").arg(name, closest)
                    : tr("unknown placeholder {%1} (placeholders: %2; {{ and }} for braces)")
                          .arg(name, u'{' + placeholderNames().join(u"}, {"_s) + u'}');
            *error = ExpressionError::at(text, i, close - i + 1, message);
            return false;
        }
        current.field = field;
        segments->append(current);
        current = {};
        i = close;
    }
    if (!current.literal.isEmpty())
        segments->append(current);
    return true;
}

ExpressionError ReplyTemplate::checkPlaceholders(QStringView text)
{
    QList<Segment> segments;
    ExpressionError error;
    split(text, &segments, &error);
    return error;
}

ReplyTemplate ReplyTemplate::parse(const QString &text, ExpressionError *error)
{
    ReplyTemplate result;
    result.m_text = text;
    ExpressionError problem;
    const auto done = [&] {
        if (error)
            *error = problem;
        return result;
    };
    if (text.trimmed().isEmpty()) {
        problem = ExpressionError::at(text, 0, 0, tr("the reply is empty: write the stanza to send"));
        return done();
    }
    if (!split(text, &result.m_segments, &problem))
        return done();
    // Placeholders stand in attribute values and text, where braces are plain characters: the
    // template as written must already be the stanza's XML, and its errors point into it.
    XmlElement::ParseError parseError;
    const XmlElement element = XmlElement::parseLocated(text.toUtf8(), &parseError);
    if (element.isNull()) {
        // At the last character the parser read, so that the message needs no position of its own.
        qsizetype offset = 0;
        if (parseError.line > 0) {
            for (qint64 line = 1; line < parseError.line && offset < text.size(); ++line) {
                const qsizetype lineEnd = text.indexOf(u'\n', offset);
                offset = lineEnd < 0 ? text.size() : lineEnd + 1;
            }
            offset = std::max<qsizetype>(offset, offset + parseError.column - 1);
        }
        problem = ExpressionError::at(text, offset, parseError.line > 0 ? 1 : 0,
                                      tr("not well-formed XML: %1").arg(parseError.reason));
        return done();
    }
    const QString name = element.name();
    if (element.namespaceUri() != ns::component ||
        (name != u"message" && name != u"presence" && name != u"iq")) {
        const qsizetype start = text.indexOf(u'<');
        problem = ExpressionError::at(
            text, std::max<qsizetype>(0, start), 1,
            element.namespaceUri() != ns::component
                ? tr("the reply must be in jabber:component:accept, not '%1'").arg(element.namespaceUri())
                : tr("the reply must be a <message/>, <presence/> or <iq/>, not <%1/>").arg(name));
        return done();
    }
    if (const QString from = element.attribute(u"from"); !from.contains(u'{'))
        result.m_fixedFrom = from;
    result.m_valid = true;
    return done();
}

QString ReplyTemplate::instantiate(StanzaView &view) const
{
    QString result;
    for (const Segment &segment : m_segments) {
        result += segment.literal;
        if (segment.field)
            result += escaped(valueOf(*segment.field, view));
    }
    return result;
}

QString ReplyTemplate::valueOf(ExpressionField field, StanzaView &view)
{
    switch (field) {
    case ExpressionField::Dir:
        return view.direction() == Direction::Received ? u"in"_s : u"out"_s;
    case ExpressionField::Kind: {
        static const QString kinds[] = {u"message"_s, u"presence"_s, u"iq"_s, u"stream"_s, u"other"_s};
        return kinds[int(view.kind())];
    }
    case ExpressionField::Type:
        return view.type();
    case ExpressionField::Id:
        return view.id();
    case ExpressionField::Size:
        return QString::number(view.size());
    case ExpressionField::From:
    case ExpressionField::FromBare:
    case ExpressionField::FromDomain:
    case ExpressionField::FromLocal:
    case ExpressionField::FromResource:
        return ExpressionFields::addressPart(view.from(), field).toString();
    case ExpressionField::To:
    case ExpressionField::ToBare:
    case ExpressionField::ToDomain:
    case ExpressionField::ToLocal:
    case ExpressionField::ToResource:
        return ExpressionFields::addressPart(view.to(), field).toString();
    case ExpressionField::Body: {
        const int body = view.body();
        return body < 0 ? QString() : view.tree().text(body);
    }
    case ExpressionField::Error:
        return view.errorCondition();
    case ExpressionField::Ns:
    case ExpressionField::Auto:
        break;
    }
    return {};
}

QString ReplyTemplate::sampleProblem(const QString &domain, qint64 maxStanzaBytes) const
{
    // To a full address on the domain, so that {to.local} and {to.resource} have values to give.
    const QString to = u"bot@%1/sample"_s.arg(domain.isEmpty() ? u"component.example"_s : domain);
    const QByteArray sampleXml =
        u"<message from='user@example.org/desk' to='%1' id='sample-1' type='chat'><body>sample</body></message>"_s
            .arg(to)
            .toUtf8();
    const Stanza sample(Direction::Received, 0, sampleXml, XmlElement::parse(sampleXml));
    StanzaView view(sample);
    const QByteArray reply = instantiate(view).trimmed().toUtf8();
    return StanzaPolicy{domain, maxStanzaBytes}.check(reply);
}

} // namespace xcm
