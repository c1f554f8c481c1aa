// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connectionsettings.h"
#include "disconnectreason.h"
#include "streamparser.h"

#include <QAbstractSocket>
#include <QObject>
#include <QTimer>

#include <functional>

namespace xcm {

// The byte side of an XMPP stream, one attempt at a time: makes the socket (plain TCP, or direct TLS
// that never falls back to plain text), reads it in bounded slices into the parser, writes, tells how
// much has not left yet, limits how long one stanza may take to arrive, and ends its direction without
// destroying a stream error the peer has not read. It knows nothing of stream headers, handshakes or
// connection states: ComponentConnection drives it, through the parser's signals and its own.
class StreamSocket : public QObject
{
    Q_OBJECT
public:
    // Makes the socket of each attempt, parented to `parent` (see ComponentConnection::setSocketFactory).
    using Factory = std::function<QAbstractSocket *(QObject *parent)>;

    explicit StreamSocket(QObject *parent = nullptr);
    ~StreamSocket() override;

    // Unset: a QTcpSocket, or a QSslSocket for direct TLS. Takes effect at the next prepare().
    void setFactory(Factory factory);

    // Starts over for an attempt by `settings`, which hold until the next one: resets the parser to
    // their limits and makes the socket, parented to `socketParent`. Returns why no attempt can be made
    // (direct TLS asked for, but no TLS socket made), or a null reason.
    DisconnectReason prepare(const ConnectionSettings &settings, QObject *socketParent);
    // Connects the socket prepare() made; ready() follows once the stream can be written.
    void connectToHost();
    bool isOpen() const { return m_socket != nullptr; }

    StreamParser &parser() { return m_parser; }
    const StreamParser &parser() const { return m_parser; }

    void write(const QByteArray &bytes);
    // Written bytes that have not left yet (for a TLS socket, the encrypted ones).
    qint64 bytesToWrite() const;
    // While armed, a stanza must be complete within the settings' stanzaTimeout of its first byte, or
    // stanzaTimedOut() is emitted. Disarming stops the clock.
    void setStanzaTimerArmed(bool armed);
    // While paused nothing more is taken off the socket: its bounded buffer fills, the kernel's fills,
    // and TCP slows the peer down. A relay pauses one leg while the other cannot keep up. A new attempt
    // (prepare()) starts unpaused.
    void setReadingPaused(bool paused);
    bool isReadingPaused() const { return m_readingPaused; }
    // Ends our direction once everything written has left, and keeps reading (the closed or failed
    // parser discards it) until the peer hangs up: closing outright while the peer still sends makes the
    // kernel answer with a reset, which can destroy our stream error before the peer has read it.
    void shutdownWhenFlushed();
    // Abandons the socket at once: nothing more is read, written or signalled.
    void drop();
    // Why the socket failed, in words for the user.
    DisconnectReason errorReason(QAbstractSocket::SocketError error) const;

Q_SIGNALS:
    void ready();                 // connected; for direct TLS, encrypted
    void bytesRead(qint64 count); // taken off the socket, before the parser sees them
    // Written bytes left for the network; `bytesToWrite` still wait.
    void backlogChanged(qint64 bytesToWrite);
    void errorOccurred(QAbstractSocket::SocketError error);
    void disconnected();
    void stanzaTimedOut();

private:
    // Takes `socket` as the current one and follows its signals.
    void adopt(QAbstractSocket *socket);
    void onReadyRead();

    ConnectionSettings m_settings; // the attempt's
    Factory m_factory;
    QAbstractSocket *m_socket = nullptr;
    StreamParser m_parser;
    QByteArray m_readBuffer;
    QTimer m_stanzaTimer;
    bool m_stanzaTimerArmed = false;
    bool m_readingPaused = false;
    DisconnectReason m_certificateReason; // certificate trouble seen before the socket error
};

} // namespace xcm
