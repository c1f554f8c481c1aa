// SPDX-License-Identifier: GPL-3.0-or-later
// The explanations of socket errors, closed connections and settings that cannot work.
#include "disconnectreason.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace xcm;
using Kind = DisconnectReason::Kind;

class TestDisconnectReason : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void socketError_data();
    void socketError();
    void connectionClosed_data();
    void connectionClosed();
    void configuration_data();
    void configuration();
};

void TestDisconnectReason::socketError_data()
{
    QTest::addColumn<int>("error");
    QTest::addColumn<bool>("certificateTrouble");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("condition");
    QTest::addColumn<QString>("explained"); // part of the explanation
    using S = QAbstractSocket;
    QTest::newRow("refused") << int(S::ConnectionRefusedError) << false << int(Kind::Network)
                             << u"connection-refused"_s
                             << u"nothing accepts connections on host.example:5347"_s;
    QTest::newRow("unknown host") << int(S::HostNotFoundError) << false << int(Kind::Network)
                                  << u"host-not-found"_s << u"host name host.example could not"_s;
    QTest::newRow("timeout") << int(S::SocketTimeoutError) << false << int(Kind::Timeout)
                             << u"connection-timeout"_s << u"to host.example:5347 timed out"_s;
    QTest::newRow("network") << int(S::NetworkError) << false << int(Kind::Network) << u"network-error"_s
                             << u"network to host.example:5347"_s;
    QTest::newRow("tls") << int(S::SslHandshakeFailedError) << false << int(Kind::Tls) << u"tls-failed"_s
                         << u"does this port speak direct TLS?"_s;
    QTest::newRow("tls, certificate seen") << int(S::SslHandshakeFailedError) << true << int(Kind::Tls)
                                           << u"tls-certificate"_s << u"the certificate said so"_s;
    QTest::newRow("tls internal, certificate seen") << int(S::SslInternalError) << true << int(Kind::Tls)
                                                    << u"tls-certificate"_s << u"the certificate said so"_s;
    QTest::newRow("refused, certificate seen") << int(S::ConnectionRefusedError) << true << int(Kind::Network)
                                               << u"connection-refused"_s << u"nothing accepts"_s;
    QTest::newRow("other") << int(S::UnknownSocketError) << false << int(Kind::Network) << u"socket-error"_s
                           << u"the connection to host.example:5347 failed"_s;
}

void TestDisconnectReason::socketError()
{
    QFETCH(int, error);
    QFETCH(bool, certificateTrouble);
    QFETCH(int, kind);
    QFETCH(QString, condition);
    QFETCH(QString, explained);
    const DisconnectReason certificate =
        certificateTrouble
            ? DisconnectReason{Kind::Tls, u"tls-certificate"_s, {}, u"the certificate said so"_s}
            : DisconnectReason{};
    const DisconnectReason reason = socketErrorReason(QAbstractSocket::SocketError(error), u"socket words"_s,
                                                      u"host.example"_s, 5347, certificate);
    QCOMPARE(int(reason.kind), kind);
    QCOMPARE(reason.condition, condition);
    QVERIFY2(reason.explanation.contains(explained), qPrintable(reason.explanation));
    if (!certificateTrouble || condition != u"tls-certificate")
        QCOMPARE(reason.detail, u"socket words"_s);
}

void TestDisconnectReason::connectionClosed_data()
{
    QTest::addColumn<int>("state");
    QTest::addColumn<qint64>("unfinished");
    QTest::addColumn<QString>("explanation");
    QTest::newRow("connected") << int(ConnectionState::Connected) << qint64(0)
                               << u"the server closed the connection"_s;
    QTest::newRow("mid-stanza") << int(ConnectionState::Connected) << qint64(42)
                                << u"the server closed the connection in the middle of a stanza (42 bytes of "
                                   "it received)"_s;
    QTest::newRow("before the header")
        << int(ConnectionState::OpeningStream) << qint64(0)
        << u"the server closed the connection before sending its stream header — is this the component port, "
           "and does it expect direct TLS?"_s;
    QTest::newRow("in the handshake") << int(ConnectionState::Authenticating) << qint64(7)
                                      << u"the server closed the connection during the handshake"_s;
}

void TestDisconnectReason::connectionClosed()
{
    QFETCH(int, state);
    QFETCH(qint64, unfinished);
    QFETCH(QString, explanation);
    const DisconnectReason reason = connectionClosedReason(ConnectionState(state), unfinished);
    QCOMPARE(reason.kind, Kind::Network);
    QCOMPARE(reason.condition, u"connection-closed"_s);
    QCOMPARE(reason.explanation, explanation);
}

void TestDisconnectReason::configuration_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("domain");
    QTest::addColumn<bool>("hasSecret");
    QTest::addColumn<QString>("problem"); // empty: the settings can work
    QTest::newRow("fine") << u"127.0.0.1"_s << 5347 << u"comp.example"_s << true << QString();
    QTest::newRow("no host") << QString() << 5347 << u"comp.example"_s << true << u"no server host is set"_s;
    QTest::newRow("no port") << u"127.0.0.1"_s << 0 << u"comp.example"_s << true
                             << u"no server port is set"_s;
    QTest::newRow("no domain") << u"127.0.0.1"_s << 5347 << QString() << true
                               << u"the component domain is not valid: "_s;
    QTest::newRow("bad domain") << u"127.0.0.1"_s << 5347 << u"comp example"_s << true
                                << u"the component domain is not valid: "_s;
    QTest::newRow("no secret") << u"127.0.0.1"_s << 5347 << u"comp.example"_s << false
                               << u"no shared secret is set"_s;
    QTest::newRow("the host first") << QString() << 0 << QString() << false << u"no server host is set"_s;
}

void TestDisconnectReason::configuration()
{
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(QString, domain);
    QFETCH(bool, hasSecret);
    QFETCH(QString, problem);
    ConnectionSettings settings;
    settings.host = host;
    settings.port = quint16(port);
    settings.domain = domain;
    const DisconnectReason reason = configurationReason(settings, hasSecret);
    if (problem.isEmpty()) {
        QVERIFY2(reason.isNull(), qPrintable(reason.toString()));
        return;
    }
    QCOMPARE(reason.kind, Kind::Configuration);
    QCOMPARE(reason.condition, u"configuration"_s);
    QVERIFY2(reason.explanation.startsWith(problem), qPrintable(reason.explanation));
}

QTEST_GUILESS_MAIN(TestDisconnectReason)
#include "tst_disconnectreason.moc"
