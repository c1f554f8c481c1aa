// SPDX-License-Identifier: GPL-3.0-or-later
#include "floorpeer.h"

#include "benchmessages.h"

#include <QCryptographicHash>

using namespace Qt::StringLiterals;

namespace xcm::bench {

namespace {
// The same slice size as xcm's connection, so that both see the same chunks.
constexpr qint64 sliceSize = 64 * 1024;
} // namespace

FloorPeer::FloorPeer(const PeerOptions &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
{
    m_reader.setNamespaceProcessing(true);
    connect(&m_socket, &QTcpSocket::connected, this, [this] {
        m_socket.write("<stream:stream xmlns='jabber:component:accept' "
                       "xmlns:stream='http://etherx.jabber.org/streams' to='" +
                       m_options.domain.toUtf8() + "'>");
    });
    connect(&m_socket, &QTcpSocket::readyRead, this, &FloorPeer::onReadyRead);
    connect(&m_socket, &QTcpSocket::disconnected, this, [this] {
        if (!m_done) {
            m_done = true;
            Q_EMIT finished(m_answered, u"disconnected"_s);
        }
    });
    connect(&m_socket, &QTcpSocket::errorOccurred, this, [this] {
        if (!m_done && m_socket.state() != QAbstractSocket::ConnectedState) {
            m_done = true;
            Q_EMIT finished(m_answered, m_socket.errorString());
        }
    });
}

void FloorPeer::start()
{
    // xcm's socket setting (one 64 KiB slice per read notification), so that the difference between
    // the two is only the work xcm does; it makes no measurable difference to the floor's own rate.
    m_socket.setReadBufferSize(sliceSize);
    m_socket.connectToHost(m_options.host, m_options.port);
}

void FloorPeer::onReadyRead()
{
    m_readBuffer.resize(sliceSize);
    while (m_socket.bytesAvailable() > 0) {
        const qint64 read = m_socket.read(m_readBuffer.data(), sliceSize);
        if (read <= 0)
            break;
        m_reader.addData(QByteArray::fromRawData(m_readBuffer.constData(), read));
        processTokens();
    }
}

void FloorPeer::processTokens()
{
    while (!m_reader.atEnd()) {
        switch (m_reader.readNext()) {
        case QXmlStreamReader::StartElement:
            ++m_depth;
            if (m_depth == 1) {
                const QByteArray id = m_reader.attributes().value("id"_L1).toUtf8();
                const QByteArray digest = QCryptographicHash::hash(QByteArray(id + m_options.secret.toUtf8()),
                                                                   QCryptographicHash::Sha1)
                                              .toHex();
                m_socket.write("<handshake>" + digest + "</handshake>");
            } else if (m_depth == 2) {
                if (!m_authenticated) {
                    m_authenticated = m_reader.name() == u"handshake";
                } else if (m_reader.name() == u"message") {
                    ++m_messages;
                    const QXmlStreamAttributes attributes = m_reader.attributes();
                    if (attributes.value("id"_L1) == u"last" && !m_answered)
                        answer(attributes.value("from"_L1).toString());
                }
            }
            break;
        case QXmlStreamReader::EndElement:
            --m_depth;
            if (m_depth == 0) {
                m_socket.disconnectFromHost();
                return;
            }
            break;
        case QXmlStreamReader::Invalid:
            if (m_reader.error() != QXmlStreamReader::PrematureEndOfDocumentError) {
                m_done = true;
                Q_EMIT finished(false, m_reader.errorString());
            }
            return;
        default:
            break;
        }
    }
}

void FloorPeer::answer(const QString &to)
{
    m_answered = true;
    m_socket.write("<message from=\"" + botJid(m_options.domain).toUtf8() + "\" to=\"" +
                   to.toHtmlEscaped().toUtf8() + "\" id=\"last\"><body>" + QByteArray::number(m_messages) +
                   "</body></message></stream:stream>");
}

} // namespace xcm::bench
