// SPDX-License-Identifier: GPL-3.0-or-later
// Writes the fuzzers' seed corpus from real traffic: runs sessions against a real Prosody (the one the
// integration tests use), records every byte the server sent, and adds the hostile cases of the
// protocol tests. Usage: fuzz_capture_corpus OUTPUT_DIR  (fuzz/run --capture writes to fuzz/corpus).
// Each capture becomes fuzz_streamparser/NAME (the whole server stream) and fuzz_connection/NAME-F
// (flags byte F, then what followed the server's header).
#include "componentconnection.h"
#include "connectionhelpers.h"
#include "prosodyserver.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QTcpSocket>
#include <QTest>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace xcm;
using xcm::test::ComponentAccount;
using xcm::test::makeConnection;
using xcm::test::ProsodyServer;
using xcm::test::waitForState;

namespace {

// A QTcpSocket that keeps a copy of every byte it reads. Unbuffered, so that every byte passes
// through readData() (a buffered QAbstractSocket fills its buffer from the socket engine directly).
class TeeSocket : public QTcpSocket
{
public:
    TeeSocket(QObject *parent, QByteArray *sink)
        : QTcpSocket(parent)
        , m_sink(sink)
    {}
    void connectToHost(const QString &host, quint16 port, OpenMode mode,
                       NetworkLayerProtocol protocol) override
    {
        QTcpSocket::connectToHost(host, port, mode | Unbuffered, protocol);
    }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        const qint64 n = QTcpSocket::readData(data, maxSize);
        if (n > 0)
            m_sink->append(data, n);
        return n;
    }

private:
    QByteArray *m_sink;
};

const ComponentAccount alpha{u"alpha.localhost"_s, u"alpha-secret-1"_s};
const ComponentAccount beta{u"beta.localhost"_s, u"beta-secret-2"_s};

QDir output;
int written = 0;

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(output.filePath(path));
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size()) {
        std::fprintf(stderr, "cannot write %s\n", qPrintable(file.fileName()));
        std::exit(1);
    }
    ++written;
}

// One server stream, for both targets.
void addSeed(const QString &name, const QByteArray &stream)
{
    writeFile(u"fuzz_streamparser/"_s + name, stream);
    // The connection target prepends its own header: seed it with what follows the real one, under a
    // few flag combinations (user sends, user disconnects, queued disconnect, own header).
    const qsizetype headerEnd = stream.indexOf('>', stream.indexOf("<stream:stream")) + 1;
    const QByteArray afterHeader = headerEnd > 0 ? stream.mid(headerEnd) : stream;
    for (const char flags : {0, 1, 3, 5})
        writeFile(u"fuzz_connection/%1-%2"_s.arg(name).arg(int(flags)), flags + afterHeader);
    writeFile(u"fuzz_connection/%1-8"_s.arg(name), '\x08' + stream);
}

std::unique_ptr<ComponentConnection> connection(const ProsodyServer &server, const ComponentAccount &account,
                                                QByteArray *sink, qint64 maxStanzaBytes = 512 * 1024)
{
    auto c = makeConnection(server, account, [maxStanzaBytes](ConnectionSettings &settings) {
        settings.reconnect.enabled = false;
        settings.maxStanzaBytes = maxStanzaBytes;
    });
    c->setSocketFactory([sink](QObject *parent) { return new TeeSocket(parent, sink); });
    return c;
}

void require(bool ok, const char *what)
{
    if (!ok) {
        std::fprintf(stderr, "capture failed: %s\n", what);
        std::exit(1);
    }
}

void captureTraffic(ProsodyServer &server)
{
    QByteArray atAlpha, atBeta;
    auto a = connection(server, alpha, &atAlpha);
    auto b = connection(server, beta, &atBeta);
    a->connectToServer();
    b->connectToServer();
    require(waitForState(*a, ConnectionState::Connected) && waitForState(*b, ConnectionState::Connected),
            "connect");
    const QByteArray host = server.serverDomain().toUtf8();
    const QList<QByteArray> fromAlpha = {
        "<message from='a@alpha.localhost/x' to='b@beta.localhost' type='chat' id='m1'><body>hello "
        "\xe2\x9c\x93 &amp; &lt;more&gt; \xf0\x9f\x98\x80</body><thread>t1</thread></message>",
        "<message from='a@alpha.localhost' to='b@beta.localhost' type='groupchat' xml:lang='fr'><subject>s"
        "</subject><body>caf\xc3\xa9 &#x263A; &quot;q&quot; &apos;a&apos;</body></message>",
        "<presence from='a@alpha.localhost/x' to='b@beta.localhost'><show>away</show><status>brb</status>"
        "<priority>5</priority></presence>",
        "<presence from='a@alpha.localhost' to='b@beta.localhost' type='subscribe'/>",
        "<iq type='get' id='p1' from='alpha.localhost' to='" + host + "'><ping xmlns='urn:xmpp:ping'/></iq>",
        "<iq type='get' id='d1' from='alpha.localhost' to='" + host +
            "'><query xmlns='http://jabber.org/protocol/disco#info'/></iq>",
        "<iq type='get' id='d2' from='alpha.localhost' to='" + host +
            "'><query xmlns='http://jabber.org/protocol/disco#items'/></iq>",
        "<iq type='get' id='v1' from='alpha.localhost' to='" + host +
            "'><query xmlns='jabber:iq:version'/></iq>",
        "<iq type='get' id='t1' from='alpha.localhost' to='" + host + "'><time xmlns='urn:xmpp:time'/></iq>",
        "<iq type='get' id='x1' from='alpha.localhost' to='" + host +
            "'><unknown xmlns='urn:example:x'/></iq>",
        "<iq type='get' id='u1' from='alpha.localhost' to='nobody@" + host +
            "'><ping xmlns='urn:xmpp:ping'/></iq>",
        "<message from='a@alpha.localhost' to='nobody@" + host +
            "' type='chat'><body>bounce</body></message>",
        "<message from='a@alpha.localhost' to='x@nowhere.invalid'><body>far away</body></message>",
        "<iq type='get' id='b1' from='a@alpha.localhost' to='b@beta.localhost'><query "
        "xmlns='jabber:iq:version'/>"
        "</iq>",
    };
    for (const QByteArray &stanza : fromAlpha)
        require(a->send(stanza).isEmpty(), stanza.constData());
    // Beta answers the iq, so alpha gets a reply routed through the server.
    require(b->send("<iq type='result' id='b1' from='b@beta.localhost' to='a@alpha.localhost'><query "
                    "xmlns='jabber:iq:version'><name>xcm</name><version>0.1</version></query></iq>")
                .isEmpty(),
            "reply");
    QTest::qWait(1500); // remote-server-not-found bounces take a moment
    a->disconnectFromServer();
    b->disconnectFromServer();
    require(waitForState(*a, ConnectionState::Disconnected) &&
                waitForState(*b, ConnectionState::Disconnected),
            "close");
    addSeed(u"prosody-traffic-alpha"_s, atAlpha);
    addSeed(u"prosody-traffic-beta"_s, atBeta);
}

void captureRefusal(ProsodyServer &server, const QString &name, const ComponentAccount &account,
                    qint64 maxStanzaBytes = 512 * 1024, const QByteArray &sendOnceConnected = {})
{
    QByteArray sink;
    auto c = connection(server, account, &sink, maxStanzaBytes);
    c->connectToServer();
    if (!sendOnceConnected.isEmpty()) {
        require(waitForState(*c, ConnectionState::Connected), "connect");
        require(c->send(sendOnceConnected).isEmpty(), "send");
    }
    require(QTest::qWaitFor([&] { return c->state() == ConnectionState::Disconnected && !sink.isEmpty(); },
                            10000),
            "refusal");
    addSeed(name, sink);
}

// The hostile cases of tests/protocol and tests/unit, after a header like Prosody's.
void addHandwritten()
{
    const QByteArray header = "<?xml version='1.0'?><stream:stream xmlns:stream='http://etherx.jabber.org/"
                              "streams' xml:lang='en' xmlns='jabber:component:accept' id='h1' "
                              "from='comp.example'>";
    const QList<std::pair<const char *, QByteArray>> cases = {
        {"comment", "<handshake/><!-- hi -->"},
        {"pi", "<handshake/><?pi x?>"},
        {"entity", "<handshake/><message><body>&ent;</body></message>"},
        {"billion-laughs", "<!DOCTYPE lolz [<!ENTITY lol 'lol'><!ENTITY lol2 '&lol;&lol;&lol;'>]><handshake/>"
                           "<message><body>&lol2;</body></message>"},
        {"external-entity", "<handshake/><message><body>&xxe;</body></message>"},
        {"invalid-utf8", "<handshake/><message><body>\xc3\x28</body></message>"},
        {"overlong-utf8", "<handshake/><message><body>\xc0\xaf</body></message>"},
        {"surrogate-utf8", "<handshake/><message><body>\xed\xa0\x80</body></message>"},
        {"malformed", "<handshake/><message></iq>"},
        {"second-header", "<handshake/><stream:stream xmlns='jabber:component:accept' "
                          "xmlns:stream='http://etherx.jabber.org/streams' id='2'>"},
        {"stanza-before-handshake", "<message from='a@b' to='comp.example'/>"},
        {"deep-nesting", QByteArray("<handshake/>") + QByteArray("<a>").repeated(200)},
        {"endless-stanza", "<handshake/><message><body>" + QByteArray(2000, 'x')},
        {"data-after-close",
         "<handshake/></stream:stream><message from='a@b' to='bot@comp.example'/>garbage<<<"},
        {"text-between-stanzas", "<handshake/>hello<message/>"},
        {"not-authorized", "<stream:error><not-authorized xmlns='urn:ietf:params:xml:ns:xmpp-streams'/>"
                           "</stream:error></stream:stream>"},
        {"conflict", "<stream:error><conflict xmlns='urn:ietf:params:xml:ns:xmpp-streams'/><text "
                     "xmlns='urn:ietf:params:xml:ns:xmpp-streams'>Replaced by new connection</text>"
                     "</stream:error></stream:stream>"},
        {"openfire-handshake", "<handshake></handshake><message from='u@x' to='bot@comp.example'><body>b"
                               "</body></message>"},
        {"keepalives", "<handshake/>   \n<message from='u@x' to='bot@comp.example'/>\r\n\t "},
        {"cdata",
         "<handshake/><message from='u@x' to='b@comp.example'><body><![CDATA[<x>&]]></body></message>"},
        {"control-char", "<handshake/><message>\x01</message>"},
        {"unbound-prefix", "<handshake/><foo:bar/>"},
    };
    for (const auto &[name, afterHeader] : cases)
        addSeed(u"handwritten-"_s + QString::fromLatin1(name), header + afterHeader);
    addSeed(u"handwritten-header-without-id"_s,
            "<stream:stream xmlns='jabber:component:accept' xmlns:stream='http://etherx.jabber.org/streams' "
            "from='comp.example'><stream:error><host-unknown xmlns='urn:ietf:params:xml:ns:xmpp-streams'/>"
            "</stream:error></stream:stream>");
    addSeed(u"handwritten-utf16-declaration"_s,
            "<?xml version='1.0' encoding='UTF-16'?><stream:stream xmlns='jabber:component:accept' "
            "xmlns:stream='http://etherx.jabber.org/streams' id='x'>");
    addSeed(u"handwritten-tls-record"_s, QByteArray("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03", 11));
    addSeed(u"handwritten-client-namespace"_s,
            "<stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams' id='x'>");
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s OUTPUT_DIR\n", argv[0]);
        return 2;
    }
    output = QDir(QString::fromLocal8Bit(argv[1]));
    output.mkpath(u"fuzz_streamparser"_s);
    output.mkpath(u"fuzz_connection"_s);
    addHandwritten();

    QString why;
    if (!ProsodyServer::available(&why)) {
        std::fprintf(stderr, "Prosody is needed for the real-traffic seeds: %s\n", qPrintable(why));
        return 1;
    }
    ProsodyServer server({alpha, beta});
    require(server.start(&why), qPrintable(why));
    captureTraffic(server);
    captureRefusal(server, u"prosody-not-authorized"_s, {alpha.domain, u"wrong"_s});
    captureRefusal(server, u"prosody-host-unknown"_s, {u"nobody.localhost"_s, u"x"_s});
    {
        QByteArray sink;
        auto holder = connection(server, beta, &sink);
        holder->connectToServer();
        require(waitForState(*holder, ConnectionState::Connected), "holder");
        captureRefusal(server, u"prosody-conflict"_s, beta);
    }
    captureRefusal(server, u"prosody-oversize"_s, alpha, 2 * 1024 * 1024,
                   "<message from='alpha.localhost' to='b@beta.localhost'><body>" +
                       QByteArray(600 * 1024, 'x') + "</body></message>");
    std::printf("wrote %d seed files to %s\n", written, qPrintable(output.absolutePath()));
    return 0;
}
