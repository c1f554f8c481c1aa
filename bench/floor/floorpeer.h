// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "peeroptions.h"

#include <QObject>
#include <QTcpSocket>
#include <QXmlStreamReader>

namespace xcm::bench {

// The floor of the benchmark: the least a Qt component can do with the same socket and XML reader as
// xcm — tokenise, count top-level <message/> elements, look at their id — and nothing else: no UTF-8
// or restricted-XML checks, no stanza bytes kept, no objects per stanza, no signals. What xcm adds on
// top of this is the price of its guarantees.
class FloorPeer : public QObject
{
    Q_OBJECT
public:
    explicit FloorPeer(const PeerOptions &options, QObject *parent = nullptr);

    void start();
    quint64 messagesReceived() const { return m_messages; }

Q_SIGNALS:
    void finished(bool answered, const QString &reason);

private:
    void onReadyRead();
    void processTokens();
    void answer(const QString &to);

    PeerOptions m_options;
    QTcpSocket m_socket;
    QXmlStreamReader m_reader;
    QByteArray m_readBuffer;
    int m_depth = 0;
    bool m_authenticated = false;
    bool m_answered = false;
    bool m_done = false;
    quint64 m_messages = 0;
};

} // namespace xcm::bench
