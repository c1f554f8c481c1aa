// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target for the whole inbound path of xcm::ComponentConnection: socket → parser → state
// machine → what we write back. The connection runs over a MemorySocket (no network) and is driven
// synchronously, so one input costs microseconds.
//
// Input: one flags byte, then what the server sends after its stream header (the header with an id
// is prepended, unless the flags say the input brings its own). Flags:
//   bit 0  the user sends a numbered stanza after every chunk
//   bit 1  the user disconnects at the end (before the server hangs up)
//   bit 2  the socket reports its disconnect from the event loop instead of at once
//   bit 3  no header is prepended: the input is the whole server stream
//   bit 4  tight limits (256-byte stanzas, depth 4)
//   bit 5  a pending queue of 2 instead of 1000
// Invariants beyond "no crash, hang, leak or UB": the secret never leaves in any form; the digest goes
// out only inside the one <handshake/>; nothing is written after our </stream:stream>; Connected only
// follows Authenticating; every stanza the user had accepted is written exactly once, in order, or is
// still counted as pending; once the server hangs up the connection is Disconnected with a reason.
#include "componentconnection.h"
#include "fuzzsupport.h"
#include "handshake.h"
#include "memorysocket.h"

#include <QCoreApplication>
#include <QPointer>

#include <cstdio>

using namespace xcm;
using xcm::fuzz::fail;
using xcm::fuzz::MemorySocket;

namespace {

const QString secret = QStringLiteral("Fz7-secret-kX2qLw9pVt");
const QByteArray streamId = "fuzz-stream-1";
const QByteArray serverHeader = "<?xml version='1.0'?><stream:stream xmlns:stream='http://etherx.jabber.org/"
                                "streams' xml:lang='en' xmlns='jabber:component:accept' id='" +
                                streamId + "' from='comp.example'>";

// The stanza the user sends as number n. Searched for whole in what we wrote: our stream errors may
// quote the server's input, escaped, so "<message" there never comes from the server.
QByteArray userStanza(int n)
{
    return "<message from='bot@comp.example' to='u@example.com' id='u" + QByteArray::number(n) + "'/>";
}

// Queued signals and deleteLater(). Timers are not run (no input waits for one), which also spares
// the poll() of a full processEvents() per read.
void drainEvents()
{
    QCoreApplication::sendPostedEvents();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    xcm::fuzz::initialise(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size == 0)
        return 0;
    const std::uint8_t flags = data[0];
    const QByteArrayView body(data + 1, qsizetype(size - 1));
    const bool userSends = flags & 1;
    const bool userDisconnects = flags & 2;
    const bool queuedDisconnect = flags & 4;
    const bool ownHeader = flags & 8;

    ConnectionSettings settings;
    settings.domain = QStringLiteral("comp.example");
    settings.reconnect.enabled = false;
    if (flags & 16) {
        settings.maxStanzaBytes = 256;
        settings.maxDepth = 4;
    }
    if (flags & 32)
        settings.maxPendingStanzas = 2;

    const QByteArray digest = handshakeDigest(QString::fromLatin1(streamId), secret);
    const QByteArray secretBytes = secret.toUtf8();
    // Our stream errors may quote the server: only what it never sent can be a leak.
    const bool inputHasDigest = body.contains(digest);
    const bool inputHasSecret = body.contains(secretBytes);

    auto connection = std::make_unique<ComponentConnection>();
    connection->setSettings(settings);
    connection->setSecret(secret);
    QPointer<MemorySocket> socket;
    QByteArray written; // everything we sent, kept after the socket is gone
    int attempts = 0;
    connection->setSocketFactory([&](QObject *parent) {
        XCM_FUZZ_CHECK(++attempts == 1, "one attempt only: reconnect is off");
        auto *created = new MemorySocket(parent);
        created->setQueuedDisconnect(queuedDisconnect);
        created->setWriteSink(&written);
        socket = created;
        return created;
    });

    QList<ConnectionState> states{ConnectionState::Disconnected};
    QObject::connect(connection.get(), &ComponentConnection::stateChanged,
                     [&](ConnectionState state, const DisconnectReason &reason) {
                         if (state == ConnectionState::Connected)
                             XCM_FUZZ_CHECK(states.last() == ConnectionState::Authenticating, {});
                         if (state == ConnectionState::Disconnected && states.size() > 1)
                             XCM_FUZZ_CHECK(!reason.isNull(), "a disconnect without a reason");
                         XCM_FUZZ_CHECK(!reason.toString().contains(secret), "the secret in a reason");
                         states.append(state);
                     });
    QObject::connect(connection.get(), &ComponentConnection::stanzaSent, [&](const Stanza &stanza) {
        XCM_FUZZ_CHECK(inputHasSecret || !stanza.wire().contains(secretBytes), stanza.wire());
        XCM_FUZZ_CHECK(inputHasDigest || !stanza.wire().contains(digest), stanza.wire());
    });

    int accepted = 0;
    auto userSend = [&] {
        const QByteArray stanza = userStanza(accepted);
        if (connection->send(stanza).isEmpty())
            ++accepted;
    };

    connection->connectToServer();
    XCM_FUZZ_CHECK(socket && connection->state() == ConnectionState::OpeningStream, {});
    if (userSends)
        userSend(); // queued until the handshake
    if (!ownHeader)
        socket->serverSend(serverHeader);
    qsizetype offset = 0;
    for (const qsizetype length : xcm::fuzz::chunkLengths(body, 512)) {
        if (socket)
            socket->serverSend(body.sliced(offset, length));
        offset += length;
        drainEvents();
        if (userSends)
            userSend();
    }
    if (userDisconnects)
        connection->disconnectFromServer();
    drainEvents();
    if (socket)
        socket->serverHangUp();
    drainEvents();

    if (qEnvironmentVariableIsSet("XCM_FUZZ_DUMP")) { // to read what one input did
        std::fprintf(stderr, "states:");
        for (ConnectionState state : std::as_const(states))
            std::fprintf(stderr, " %s", qPrintable(identifier(state)));
        std::fprintf(stderr, "\nreason: %s\naccepted: %d, pending: %d\nwritten: %s\n",
                     qPrintable(connection->lastReason().toString()), accepted, connection->pendingCount(),
                     written.constData());
    }
    XCM_FUZZ_CHECK(connection->state() == ConnectionState::Disconnected,
                   identifier(connection->state()).toUtf8());
    XCM_FUZZ_CHECK(!connection->lastReason().isNull(), {});
    XCM_FUZZ_CHECK(!connection->lastReason().toString().isEmpty(), {});

    XCM_FUZZ_CHECK(written.startsWith("<?xml version='1.0'?><stream:stream "), written);
    XCM_FUZZ_CHECK(inputHasSecret || !written.contains(secretBytes), written);
    if (!inputHasDigest) {
        const qsizetype at = written.indexOf(digest);
        XCM_FUZZ_CHECK(at < 0 || written.indexOf(digest, at + 1) < 0, written);
        XCM_FUZZ_CHECK(at < 0 || written.mid(at - 11, 11) == "<handshake>", written);
    }
    const qsizetype close = written.indexOf("</stream:stream>");
    XCM_FUZZ_CHECK(close < 0 || close + 16 == written.size(), "bytes written after our close");
    // Each accepted stanza went out once and in order, or is still waiting.
    int sent = 0;
    qsizetype from = 0;
    for (int i = 0; i < accepted; ++i) {
        const QByteArray id = userStanza(i);
        const qsizetype at = written.indexOf(id, from);
        if (at < 0)
            break;
        XCM_FUZZ_CHECK(written.indexOf(id, at + 1) < 0, "a stanza written twice");
        from = at + id.size();
        ++sent;
    }
    XCM_FUZZ_CHECK(sent + connection->pendingCount() == accepted, written);
    if (sent > 0)
        XCM_FUZZ_CHECK(states.contains(ConnectionState::Connected), "a stanza out before the handshake");

    connection.reset();
    drainEvents();
    return 0;
}
