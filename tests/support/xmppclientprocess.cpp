// SPDX-License-Identifier: GPL-3.0-or-later
#include "xmppclientprocess.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTest>

using namespace Qt::StringLiterals;

namespace xcm::test {

namespace {

// Debian's python3-slixmpp is installed for the system interpreter, not for any other python3 on PATH.
const QString python = u"/usr/bin/python3"_s;

QString scriptPath()
{
    return QStringLiteral(XCM_TEST_CLIENT_SCRIPT);
}

} // namespace

XmppClientProcess::XmppClientProcess(QString jid, QString password, quint16 clientPort)
    : m_jid(std::move(jid))
    , m_password(std::move(password))
    , m_port(clientPort)
{}

bool XmppClientProcess::available(QString *why)
{
    if (!QFileInfo(python).isExecutable()) {
        *why = python + u" is missing (apt-get install python3-slixmpp)"_s;
        return false;
    }
    QProcess probe;
    probe.start(python, {u"-c"_s, u"import slixmpp"_s});
    if (!probe.waitForFinished(20000) || probe.exitCode() != 0) {
        *why = u"slixmpp cannot be imported by %1 (apt-get install python3-slixmpp): %2"_s.arg(
            python, QString::fromUtf8(probe.readAllStandardError()));
        return false;
    }
    return true;
}

bool XmppClientProcess::run(const QStringList &requests, std::chrono::seconds answerTimeout)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"XCM_TEST_CLIENT_PASSWORD"_s, m_password);
    process.setProcessEnvironment(environment);
    process.start(python, {scriptPath(), u"--jid"_s, m_jid, u"--port"_s, QString::number(m_port),
                           u"--timeout"_s, QString::number(answerTimeout.count())});
    process.write(requests.join(u'\n').toUtf8() + '\n');
    process.closeWriteChannel();
    // Login takes a second or two; then every request is answered or times out.
    const int limitMs = int(answerTimeout.count()) * 1000 + 30000;
    if (!QTest::qWaitFor([&] { return process.state() == QProcess::NotRunning; }, limitMs)) {
        process.kill();
        process.waitForFinished();
        m_failure = u"the test client did not finish within %1 ms"_s.arg(limitMs);
    }
    const QString errors = QString::fromUtf8(process.readAllStandardError());
    const QList<QByteArray> lines = process.readAllStandardOutput().split('\n');
    for (const QByteArray &line : lines) {
        if (line.trimmed().isEmpty())
            continue;
        const QJsonObject event = QJsonDocument::fromJson(line).object();
        const QString kind = event.value(u"event").toString();
        const QString id = event.value(u"id").toString();
        const double ms = event.value(u"ms").toDouble();
        if (kind == u"sent") {
            m_sentAtMs.insert(id, ms);
        } else if (kind == u"answer") {
            QString error;
            const XmlElement answer =
                XmlElement::parse(event.value(u"xml").toString().toUtf8(), &error, u"jabber:client");
            if (answer.isNull())
                m_failure += u"unparsable answer to %1: %2\n"_s.arg(id, error);
            m_answers.insert(id, answer);
            m_answeredAtMs.insert(id, ms);
        } else if (kind == u"message") {
            m_messageBodies.insert(id, event.value(u"body").toString());
            m_answeredAtMs.insert(id, ms);
        } else if (kind == u"timeout") {
            m_timedOut << id;
        } else if (kind == u"failed") {
            m_failure += u"the test client failed: "_s + event.value(u"why").toString() + u'\n';
        }
    }
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        m_failure += u"the test client exited with %1\n"_s.arg(process.exitCode());
    if (!m_failure.isEmpty())
        m_failure += u"stderr: "_s + errors;
    return m_failure.isEmpty();
}

XmlElement XmppClientProcess::answer(const QString &id) const
{
    return m_answers.value(id);
}

double XmppClientProcess::answerDelayMs(const QString &id) const
{
    if (!m_answeredAtMs.contains(id) || !m_sentAtMs.contains(id))
        return -1;
    return m_answeredAtMs.value(id) - m_sentAtMs.value(id);
}

} // namespace xcm::test
