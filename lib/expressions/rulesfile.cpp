// SPDX-License-Identifier: GPL-3.0-or-later
#include "rulesfile.h"

#include "expressionslogging.h"

#include <QFile>
#include <QSaveFile>
#include <QStringDecoder>
#include <QXmlStreamReader>
#include <QXmlStreamWriter>

using namespace Qt::StringLiterals;

namespace xcm {

namespace {

bool isXmlWhitespace(QStringView text)
{
    return std::all_of(text.begin(), text.end(),
                       [](QChar c) { return c == u' ' || c == u'\t' || c == u'\n' || c == u'\r'; });
}

// Where the value of attribute `name` starts in the start tag `tag` (as written in the file), or -1.
qsizetype attributeValueStart(QStringView tag, QStringView name)
{
    qsizetype i = 1;
    const auto skipSpace = [&] {
        while (i < tag.size() && tag.at(i).isSpace())
            ++i;
    };
    while (i < tag.size() && !tag.at(i).isSpace() && tag.at(i) != u'>' && tag.at(i) != u'/')
        ++i;
    for (;;) {
        skipSpace();
        const qsizetype nameStart = i;
        while (i < tag.size() && tag.at(i) != u'=' && !tag.at(i).isSpace() && tag.at(i) != u'>')
            ++i;
        const QStringView attribute = tag.sliced(nameStart, i - nameStart);
        skipSpace();
        if (attribute.isEmpty() || i >= tag.size() || tag.at(i) != u'=')
            return -1;
        ++i;
        skipSpace();
        if (i >= tag.size() || (tag.at(i) != u'\'' && tag.at(i) != u'"'))
            return -1;
        const QChar quote = tag.at(i++);
        if (attribute == name)
            return i;
        const qsizetype close = tag.indexOf(quote, i);
        if (close < 0)
            return -1;
        i = close + 1;
    }
}

// The position in `raw` (file text from `start` on) of the `decoded`-th character of the value the
// reader reported: entities and \r\n count as one character.
qsizetype rawOffset(QStringView raw, qsizetype start, qsizetype decoded)
{
    qsizetype i = start;
    if (raw.sliced(i).startsWith(u"<![CDATA["))
        return i + 9 + decoded;
    for (qsizetype k = 0; k < decoded && i < raw.size(); ++k) {
        if (raw.at(i) == u'&') {
            const qsizetype semicolon = raw.indexOf(u';', i);
            i = semicolon < 0 ? i + 1 : semicolon + 1;
        } else if (raw.at(i) == u'\r' && i + 1 < raw.size() && raw.at(i + 1) == u'\n') {
            i += 2;
        } else {
            ++i;
        }
    }
    return i;
}

class RulesReader
{
    Q_DECLARE_TR_FUNCTIONS(xcm::RulesFile)
public:
    RulesReader(const QString &text, const QString &fileName)
        : m_text(text)
        , m_fileName(fileName)
        , m_reader(text)
    {
        m_reader.setNamespaceProcessing(true);
    }

    RulesFile::Result run();

private:
    bool readRule(qsizetype tagStart);
    bool readTemplateElement(qsizetype tagStart, const QString &ruleName, XmlElement *element);
    // The error at `offset` in the file; always false.
    bool fail(qsizetype offset, const QString &message);
    bool failInAttribute(qsizetype tagStart, QStringView attribute, qsizetype valueOffset,
                         const QString &message);
    QString tagAt(qsizetype tagStart) const;
    // The next token, the open elements kept up to date.
    QXmlStreamReader::TokenType next();
    // The reader's error in the words of the rest of this file's errors: which tags a mismatch is
    // between, which element the file ends in (Qt says "Opening and ending tag mismatch."), and where
    // in the file it is (a mismatch: at its end tag).
    QString xmlError(qsizetype *offset) const;
    // Where the start tag just read begins ('<' cannot occur inside it).
    qsizetype startTagOffset() const { return m_text.lastIndexOf(u'<', m_reader.characterOffset() - 1); }
    // The first character of the text token that started at `start` that is not white space.
    qsizetype firstNonSpace(qsizetype start) const;

    QString m_text;
    QString m_fileName;
    QXmlStreamReader m_reader;
    RulesFile::Result m_result;
    QHash<QString, qsizetype> m_names; // rule name → where its tag starts
    struct OpenElement
    {
        QString name;
        qsizetype tagStart;
    };
    QList<OpenElement> m_open;
};

QXmlStreamReader::TokenType RulesReader::next()
{
    const QXmlStreamReader::TokenType token = m_reader.readNext();
    if (token == QXmlStreamReader::StartElement)
        m_open.append({m_reader.qualifiedName().toString(), startTagOffset()});
    else if (token == QXmlStreamReader::EndElement && !m_open.isEmpty())
        m_open.removeLast();
    return token;
}

QString RulesReader::xmlError(qsizetype *offset) const
{
    *offset = m_reader.characterOffset();
    const auto lineOf = [this](qsizetype offset) {
        return ExpressionError::lineAndColumn(m_text, offset).first;
    };
    if (m_reader.error() == QXmlStreamReader::PrematureEndOfDocumentError) {
        if (m_open.isEmpty())
            return tr("the file holds no XML element");
        return tr("the file ends before <%1> (line %2) is closed")
            .arg(m_open.constLast().name)
            .arg(lineOf(m_open.constLast().tagStart));
    }
    // An end tag just read that is not the open element's.
    const qsizetype end = *offset;
    const qsizetype endTag = m_text.lastIndexOf(u"</"_s, end - 1);
    if (!m_open.isEmpty() && endTag >= 0 && end > 0 && m_text.indexOf(u'>', endTag) == end - 1 &&
        !m_text.sliced(endTag + 1, end - endTag - 1).contains(u'<')) {
        const QString closing = m_text.sliced(endTag + 2, end - endTag - 3).trimmed();
        *offset = endTag;
        if (closing != m_open.constLast().name)
            return tr("</%1> does not close <%2> (line %3), which is still open")
                .arg(closing, m_open.constLast().name)
                .arg(lineOf(m_open.constLast().tagStart));
    }
    *offset = end;
    QString message = m_reader.errorString(); // a sentence: "Expected '>' or '/', but got '&'."
    if (message.endsWith(u'.'))
        message.chop(1);
    return tr("not well-formed XML: %1").arg(message);
}

QString RulesReader::tagAt(qsizetype tagStart) const
{
    return m_text.sliced(tagStart, std::max<qsizetype>(0, m_reader.characterOffset() - tagStart));
}

qsizetype RulesReader::firstNonSpace(qsizetype start) const
{
    while (start < m_text.size() && m_text.at(start).isSpace())
        ++start;
    return start;
}

bool RulesReader::fail(qsizetype offset, const QString &message)
{
    if (!m_result.error.isEmpty())
        return false;
    std::tie(m_result.line, m_result.column) = ExpressionError::lineAndColumn(m_text, offset);
    const QString position = u"%1:%2"_s.arg(m_result.line).arg(m_result.column);
    m_result.error = (m_fileName.isEmpty() ? position : m_fileName + u':' + position) + u": "_s + message;
    m_result.rules.clear();
    return false;
}

bool RulesReader::failInAttribute(qsizetype tagStart, QStringView attribute, qsizetype valueOffset,
                                  const QString &message)
{
    const QString tag = tagAt(tagStart);
    const qsizetype valueStart = attributeValueStart(tag, attribute);
    if (valueStart < 0)
        return fail(tagStart, message);
    return fail(tagStart + rawOffset(tag, valueStart, valueOffset), message);
}

RulesFile::Result RulesReader::run()
{
    bool sawRoot = false;
    while (!m_reader.atEnd() && m_result.error.isEmpty()) {
        const qsizetype start = m_reader.characterOffset();
        switch (next()) {
        case QXmlStreamReader::DTD:
            fail(std::max<qsizetype>(0, m_text.indexOf(u"<!DOCTYPE")), tr("a rules file may not have a DTD"));
            break;
        case QXmlStreamReader::EntityReference:
            fail(start, tr("entity references other than the predefined five are not allowed"));
            break;
        case QXmlStreamReader::StartElement:
            if (!sawRoot) {
                if (m_reader.name() != u"rules" || m_reader.namespaceUri() != RulesFile::namespaceUri) {
                    // The namespace too: <rules> with another one (a newer version?) looks right.
                    const QString found =
                        m_reader.namespaceUri().isEmpty()
                            ? tr("<%1> without a namespace").arg(m_reader.qualifiedName())
                            : u"<%1 xmlns='%2'>"_s.arg(m_reader.qualifiedName(), m_reader.namespaceUri());
                    fail(startTagOffset(),
                         tr("expected <rules xmlns='%1'>, found %2").arg(RulesFile::namespaceUri, found));
                    break;
                }
                sawRoot = true;
            } else if (m_reader.name() == u"rule" && m_reader.namespaceUri() == RulesFile::namespaceUri) {
                readRule(startTagOffset());
            } else {
                fail(startTagOffset(), tr("unexpected <%1> in <rules>: only <rule> elements belong there")
                                           .arg(m_reader.qualifiedName()));
            }
            break;
        case QXmlStreamReader::Characters:
            if (!isXmlWhitespace(m_reader.text()))
                fail(firstNonSpace(start),
                     tr("text outside a <rule>: \"%1\"").arg(m_reader.text().trimmed()));
            break;
        default:
            break;
        }
    }
    if (m_result.error.isEmpty() && m_reader.hasError()) {
        qsizetype offset = 0;
        const QString message = xmlError(&offset);
        fail(offset, message);
    }
    if (m_result.error.isEmpty() && !sawRoot)
        fail(0, tr("no <rules> element"));
    if (m_result.ok())
        qCDebug(lcRules) << "read" << m_result.rules.size() << "rules from" << m_fileName;
    else
        qCInfo(lcRules) << "rules file refused:" << m_result.error;
    return m_result;
}

bool RulesReader::readRule(qsizetype tagStart)
{
    const QXmlStreamAttributes attributes = m_reader.attributes();
    for (const QXmlStreamAttribute &attribute : attributes) {
        const QStringView name = attribute.qualifiedName();
        if (name != u"name" && name != u"match" && name != u"delay-ms" && name != u"enabled" &&
            name != u"action") {
            const QString tag = tagAt(tagStart);
            const qsizetype at = tag.indexOf(name);
            return fail(tagStart + std::max<qsizetype>(0, at),
                        tr("unknown attribute '%1' on <rule> (known: name, match, action, delay-ms, enabled)")
                            .arg(name));
        }
    }
    const QString name = attributes.value(u"name"_s).toString();
    if (name.trimmed().isEmpty())
        return fail(tagStart, tr("a <rule> needs a name='…'"));
    if (m_names.contains(name)) {
        const auto [line, column] = ExpressionError::lineAndColumn(m_text, m_names.value(name));
        return failInAttribute(
            tagStart, u"name", 0,
            tr("a rule named '%1' is already defined at %2:%3").arg(name).arg(line).arg(column));
    }
    m_names.insert(name, tagStart);
    if (!attributes.hasAttribute(u"match"_s))
        return fail(tagStart, tr("rule '%1' needs a match='…' expression").arg(name));
    const QString match = attributes.value(u"match"_s).toString();
    int delayMs = 0;
    if (attributes.hasAttribute(u"delay-ms"_s)) {
        const QString text = attributes.value(u"delay-ms"_s).toString();
        bool ok = false;
        delayMs = text.toInt(&ok);
        if (!ok || delayMs < 0 || delayMs > Rule::maxDelayMs)
            return failInAttribute(
                tagStart, u"delay-ms", 0,
                tr("rule '%1': delay-ms is a whole number of milliseconds from 0 to %2, not '%3'")
                    .arg(name)
                    .arg(Rule::maxDelayMs)
                    .arg(text));
    }
    bool enabled = true;
    if (attributes.hasAttribute(u"enabled"_s)) {
        const QStringView text = attributes.value(u"enabled"_s);
        if (text != u"true" && text != u"false")
            return failInAttribute(tagStart, u"enabled", 0,
                                   tr("rule '%1': enabled is true or false, not '%2'").arg(name, text));
        enabled = text == u"true";
    }
    Rule::Action action = Rule::Action::Reply;
    if (attributes.hasAttribute(u"action"_s)) {
        const QStringView text = attributes.value(u"action"_s);
        const std::optional<Rule::Action> known = Rule::actionFromName(text);
        if (!known)
            return failInAttribute(
                tagStart, u"action", 0,
                tr("rule '%1': action is reply, drop, delay, duplicate or hold, not '%2'").arg(name, text));
        action = *known;
    }
    if (action == Rule::Action::Delay && delayMs == 0)
        return fail(tagStart, tr("rule '%1': a delay rule needs delay-ms above 0").arg(name));
    // The expression is checked here, where its errors can point into the attribute.
    ExpressionError problem;
    if (!Expression::compile(match, &problem).isValid())
        return failInAttribute(tagStart, u"match", problem.offset,
                               tr("rule '%1': %2").arg(name, problem.message));
    if (match.trimmed().isEmpty())
        return failInAttribute(tagStart, u"match", 0,
                               tr("rule '%1': the match expression is empty").arg(name));

    XmlElement reply;
    qsizetype replyStart = -1;
    while (!m_reader.atEnd()) {
        const qsizetype start = m_reader.characterOffset();
        const QXmlStreamReader::TokenType token = next();
        if (token == QXmlStreamReader::EndElement)
            break;
        if (token == QXmlStreamReader::StartElement) {
            if (action != Rule::Action::Reply)
                return fail(
                    startTagOffset(),
                    tr("rule '%1' is a %2 rule: it holds no stanza").arg(name, Rule::actionName(action)));
            if (!reply.isNull())
                return fail(startTagOffset(),
                            tr("rule '%1' holds more than one stanza: a second one starts here").arg(name));
            replyStart = startTagOffset();
            if (!readTemplateElement(replyStart, name, &reply))
                return false;
        } else if (token == QXmlStreamReader::Characters && !isXmlWhitespace(m_reader.text())) {
            return fail(firstNonSpace(start), tr("rule '%1': text outside the reply stanza").arg(name));
        }
    }
    if (m_reader.hasError())
        return false; // run() reports it
    if (reply.isNull() && action == Rule::Action::Reply)
        return fail(tagStart, tr("rule '%1' has no reply stanza inside it").arg(name));
    Rule rule(name, match, reply.isNull() ? QString() : reply.toXml(), delayMs, enabled);
    rule.setAction(action);
    QString error;
    if (!rule.compile(&error))
        return fail(replyStart < 0 ? tagStart : replyStart, tr("rule '%1': %2").arg(name, error));
    m_result.rules.append(rule);
    return true;
}

bool RulesReader::readTemplateElement(qsizetype tagStart, const QString &ruleName, XmlElement *element)
{
    // The file's namespace stands for the stream's: what a component sends.
    const QString namespaceUri = m_reader.namespaceUri() == RulesFile::namespaceUri
                                     ? QString::fromUtf16(ns::component)
                                     : m_reader.namespaceUri().toString();
    *element = XmlElement(m_reader.name().toString(), namespaceUri);
    for (const QXmlStreamAttribute &attribute : m_reader.attributes()) {
        const QString value = attribute.value().toString();
        const ExpressionError problem = ReplyTemplate::checkPlaceholders(value);
        if (!problem.isNull())
            return failInAttribute(tagStart, attribute.qualifiedName(), problem.offset,
                                   tr("rule '%1': %2").arg(ruleName, problem.message));
        element->setAttribute(attribute.qualifiedName().toString(), value);
    }
    QList<XmlElement::Node> nodes;
    bool hasChildElements = false;
    while (!m_reader.atEnd()) {
        const qsizetype start = m_reader.characterOffset();
        const QXmlStreamReader::TokenType token = next();
        if (token == QXmlStreamReader::EndElement)
            break;
        if (token == QXmlStreamReader::StartElement) {
            XmlElement child;
            if (!readTemplateElement(startTagOffset(), ruleName, &child))
                return false;
            nodes.append({child, {}});
            hasChildElements = true;
        } else if (token == QXmlStreamReader::Characters) {
            const QString text = m_reader.text().toString();
            const ExpressionError problem = ReplyTemplate::checkPlaceholders(text);
            if (!problem.isNull())
                return fail(rawOffset(m_text, start, problem.offset),
                            tr("rule '%1': %2").arg(ruleName, problem.message));
            nodes.append({{}, text});
        }
    }
    // Indentation between child elements is the file's layout, not part of the stanza.
    for (const XmlElement::Node &node : std::as_const(nodes)) {
        if (!node.isText())
            element->appendChild(node.element);
        else if (!hasChildElements || !isXmlWhitespace(node.text))
            element->appendText(node.text);
    }
    return !m_reader.hasError();
}

void writeReplyElement(QXmlStreamWriter &writer, const XmlElement &element, const QString &parentNamespace)
{
    const QString fileNamespace =
        element.namespaceUri() == ns::component ? RulesFile::namespaceUri : element.namespaceUri();
    writer.writeStartElement(element.name());
    if (fileNamespace != parentNamespace)
        writer.writeDefaultNamespace(fileNamespace);
    for (const QXmlStreamAttribute &attribute : element.attributes())
        writer.writeAttribute(attribute.qualifiedName().toString(), attribute.value().toString());
    const bool hasChildElements = element.childCount() > 0;
    for (const XmlElement::Node &node : element.nodes()) {
        if (!node.isText())
            writeReplyElement(writer, node.element, fileNamespace);
        else if (!hasChildElements || !isXmlWhitespace(node.text))
            writer.writeCharacters(node.text);
    }
    writer.writeEndElement();
}

} // namespace

RulesFile::Result RulesFile::read(const QByteArray &data, const QString &fileName)
{
    const QString prefix = fileName.isEmpty() ? QString() : fileName + u": "_s;
    Result result;
    if (data.size() > maxFileBytes) {
        result.error =
            prefix +
            tr("the rules file is %1 bytes, over the limit of %2").arg(data.size()).arg(maxFileBytes);
        return result;
    }
    QStringDecoder decoder(QStringDecoder::Utf8);
    const QString text = decoder(data);
    if (decoder.hasError()) {
        result.error = prefix + tr("the rules file is not UTF-8");
        return result;
    }
    return RulesReader(text, fileName).run();
}

RulesFile::Result RulesFile::readFile(const QString &fileName)
{
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly)) {
        Result result;
        result.error = tr("cannot read %1: %2").arg(fileName, file.errorString());
        return result;
    }
    // One byte more than allowed is enough to know it is too big.
    return read(file.read(maxFileBytes + 1), fileName);
}

QByteArray RulesFile::write(const QList<Rule> &rules, QString *error)
{
    QByteArray out;
    QXmlStreamWriter writer(&out);
    writer.setAutoFormatting(true);
    writer.setAutoFormattingIndent(2);
    writer.writeStartDocument();
    writer.writeStartElement(u"rules"_s);
    writer.writeDefaultNamespace(namespaceUri);
    for (const Rule &rule : rules) {
        if (rule.isFault()) {
            writer.writeEmptyElement(u"rule"_s);
            writer.writeAttribute(u"name"_s, rule.name());
            writer.writeAttribute(u"match"_s, rule.match());
            writer.writeAttribute(u"action"_s, Rule::actionName(rule.action()));
            if (rule.action() == Rule::Action::Delay)
                writer.writeAttribute(u"delay-ms"_s, QString::number(rule.delayMs()));
            if (!rule.isEnabled())
                writer.writeAttribute(u"enabled"_s, u"false"_s);
            continue;
        }
        QString parseError;
        const XmlElement reply = XmlElement::parse(rule.replyText().toUtf8(), &parseError);
        if (reply.isNull()) {
            if (error)
                *error = tr("rule '%1': the reply is not well-formed XML: %2").arg(rule.name(), parseError);
            return {};
        }
        writer.writeStartElement(u"rule"_s);
        writer.writeAttribute(u"name"_s, rule.name());
        writer.writeAttribute(u"match"_s, rule.match());
        writer.writeAttribute(u"delay-ms"_s, QString::number(rule.delayMs()));
        if (!rule.isEnabled())
            writer.writeAttribute(u"enabled"_s, u"false"_s);
        writeReplyElement(writer, reply, namespaceUri);
        writer.writeEndElement();
    }
    writer.writeEndElement();
    writer.writeEndDocument();
    if (error)
        error->clear();
    return out;
}

bool RulesFile::writeFile(const QString &fileName, const QList<Rule> &rules, QString *error)
{
    QString problem;
    const QByteArray data = write(rules, &problem);
    QSaveFile file(fileName);
    if (problem.isEmpty() &&
        (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit()))
        problem = tr("cannot write %1: %2").arg(fileName, file.errorString());
    if (error)
        *error = problem;
    if (!problem.isEmpty())
        qCInfo(lcRules) << "rules not written:" << problem;
    return problem.isEmpty();
}

} // namespace xcm
