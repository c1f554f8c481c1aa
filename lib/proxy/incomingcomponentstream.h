// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "stanza.h"
#include "streamerror.h"
#include "streamparser.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <chrono>

class QTcpSocket;

namespace xcm {

// The server's side of one XEP-0114 stream: a component that connected to xcm's proxy. It reads the
// component's header and handshake, and afterwards its stanzas with their exact bytes, through the same
// restricted-XML parser and limits as the connection to a server. What to answer (which stream id,
// whether the handshake is right, when to accept it) is the proxy's decision; this class only speaks.
class IncomingComponentStream : public QObject
{
    Q_OBJECT
public:
    // How long a closing stream waits for the component to hang up before it drops the connection.
    static constexpr std::chrono::milliseconds closeTimeout{2000};

    enum class Phase : quint8
    {
        AwaitingHeader,    // connected, nothing said yet
        AwaitingHandshake, // our header went out with a fresh id
        Authenticating,    // the handshake came; the proxy is asking the server
        Open,              // <handshake/> sent: stanzas flow
        Closing,           // our </stream:stream> went out
        Closed,
    };
    Q_ENUM(Phase)

    // Takes the socket over. The component must send its header and handshake within `openTimeout`.
    IncomingComponentStream(QTcpSocket *socket, const StreamParser::Limits &limits,
                            std::chrono::milliseconds openTimeout, QObject *parent = nullptr);
    ~IncomingComponentStream() override;

    Phase phase() const { return m_phase; }
    QString peerAddress() const; // "127.0.0.1:53412", for the log and the connection bar
    QString streamId() const { return m_streamId; }

    // Answers the component's header with ours: a fresh random id, from = `domain`.
    void openStream(const QString &domain);
    // Whether `digest` (the component's <handshake/> text) is SHA-1(stream id + `secret`); compared in
    // constant time, so the time to answer tells nothing about the secret.
    bool isHandshakeValid(QByteArrayView digest, const QString &secret) const;
    // The server accepted: tells the component with <handshake/>.
    void acceptHandshake();
    // Relays bytes from the server exactly as they came.
    void write(const QByteArray &bytes);
    // Sends the stream error (opening our stream first if need be), </stream:stream>, and closes once
    // the component has read it or the close timeout passed.
    void closeWithError(const StreamError &error);
    void close();
    // Relays a stream error element as the server sent it (bytes as received), then closes.
    void closeWithRawError(const QByteArray &streamErrorWire);
    qint64 bytesToWrite() const;
    // As StreamSocket::setReadingPaused: the proxy stops reading the component while the server's leg
    // cannot take more.
    void setReadingPaused(bool paused);
    bool isReadingPaused() const { return m_readingPaused; }

Q_SIGNALS:
    void headerReceived(const xcm::StreamHeader &header);
    void handshakeReceived(const QByteArray &digest);
    void stanzaReceived(const xcm::Stanza &stanza); // once Open; exact bytes in wire()
    // Whitespace between stanzas: the component's keepalive, to be relayed as it is.
    void keepaliveReceived(const QByteArray &whitespace);
    // The stream is over: the component closed it, dropped, broke the rules (`error` says which, and
    // was sent to it), or we closed it. Emitted once.
    void finished(const xcm::StreamError &error, const QString &explanation);
    // Written bytes left for the network; `bytesToWrite` still wait.
    void backlogChanged(qint64 bytesToWrite);

private:
    void onReadyRead();
    void onStanza(const Stanza &stanza);
    void onParserFailed(const StreamError &error);
    void sendCloseAndShutdown(const QByteArray &before);
    void finish(const StreamError &error, const QString &explanation);

    QPointer<QTcpSocket> m_socket;
    StreamParser m_parser;
    QString m_streamId;
    QString m_domain;
    Phase m_phase = Phase::AwaitingHeader;
    QTimer m_openTimer;
    QTimer m_closeTimer;
    QByteArray m_readBuffer; // one slice, kept between reads
    bool m_finished = false;
    bool m_readingPaused = false;
    StreamError m_closeError; // what we sent before closing, reported by finished()
    QString m_closeExplanation;
};

} // namespace xcm
