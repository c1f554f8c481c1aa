// SPDX-License-Identifier: GPL-3.0-or-later
#include "echocomponentprocess.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;

namespace xcm::test {

EchoComponentProcess::EchoComponentProcess(QString domain, QString secret, quint16 port)
    : m_domain(std::move(domain))
    , m_secret(std::move(secret))
    , m_port(port)
{}

EchoComponentProcess::~EchoComponentProcess()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(3000)) {
        m_process.kill();
        m_process.waitForFinished();
    }
}

void EchoComponentProcess::start()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"XCM_TEST_COMPONENT_SECRET"_s, m_secret);
    m_process.setProcessEnvironment(environment);
    m_process.start(u"/usr/bin/python3"_s,
                    {QStringLiteral(XCM_TEST_ECHO_COMPONENT_SCRIPT), u"--domain"_s, m_domain, u"--port"_s,
                     QString::number(m_port), u"--received"_s, m_dir.filePath(u"received"_s), u"--sent"_s,
                     m_dir.filePath(u"sent"_s)});
}

void EchoComponentProcess::readEvents()
{
    while (m_process.canReadLine())
        m_lines << m_process.readLine().trimmed();
    m_errors += m_process.readAllStandardError();
}

bool EchoComponentProcess::waitForEventBlocking(const QString &event, int timeoutMs)
{
    QElapsedTimer clock;
    clock.start();
    while (!hasEvent(event)) {
        if (clock.hasExpired(timeoutMs) || !isRunning())
            return false;
        m_process.waitForReadyRead(50);
    }
    return true;
}

bool EchoComponentProcess::hasEvent(const QString &event)
{
    readEvents();
    for (const QByteArray &line : std::as_const(m_lines)) {
        if (QJsonDocument::fromJson(line).object().value(u"event").toString() == event)
            return true;
    }
    return false;
}

bool EchoComponentProcess::waitForEvent(const QString &event, int timeoutMs)
{
    return QTest::qWaitFor([&] { return hasEvent(event); }, timeoutMs);
}

QString EchoComponentProcess::failureCondition()
{
    readEvents();
    for (const QByteArray &line : std::as_const(m_lines)) {
        const QJsonObject object = QJsonDocument::fromJson(line).object();
        if (object.value(u"event").toString() == u"failed")
            return object.value(u"why").toString();
    }
    return {};
}

QByteArray EchoComponentProcess::receivedBytes() const
{
    QFile file(m_dir.filePath(u"received"_s));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QByteArray EchoComponentProcess::sentBytes() const
{
    QFile file(m_dir.filePath(u"sent"_s));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QString EchoComponentProcess::output()
{
    readEvents();
    QByteArray all;
    for (const QByteArray &line : std::as_const(m_lines))
        all += line + '\n';
    return QString::fromUtf8(all + m_errors);
}

} // namespace xcm::test
