// SPDX-License-Identifier: GPL-3.0-or-later
#include "proxylook.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace xcm {

namespace {
// The context is spelled out: lupdate would file a plain tr() in a free function under "xcm".
QString translated(const char *text)
{
    return QCoreApplication::translate("xcm::ProxyLook", text);
}
} // namespace

StateLook proxyStateLook(const ProxyFacts &facts)
{
    if (!facts.listening) {
        if (facts.failed)
            return {StateColor::failed, translated(QT_TRANSLATE_NOOP("xcm::ProxyLook", "Failed")), true};
        return {StateColor::idle, translated(QT_TRANSLATE_NOOP("xcm::ProxyLook", "Not listening"))};
    }
    const QString listen = hostAndPort(facts.listenAddress, facts.listenPort);
    if (facts.componentAddress.isEmpty())
        return {StateColor::inProgress,
                translated(QT_TRANSLATE_NOOP("xcm::ProxyLook", "Listening on %1 — waiting for the component"))
                    .arg(listen)};
    const QString server = hostAndPort(facts.upstreamHost, facts.upstreamPort);
    switch (facts.upstreamState) {
    case ConnectionState::Connected:
        // Short, as the sidebar's line and the bar's title are: the bar's second line names both ends.
        return {StateColor::connected,
                translated(QT_TRANSLATE_NOOP("xcm::ProxyLook", "Relaying · component %1"))
                    .arg(facts.componentAddress)};
    case ConnectionState::Connecting:
    case ConnectionState::OpeningStream:
    case ConnectionState::Authenticating:
        return {StateColor::inProgress,
                translated(QT_TRANSLATE_NOOP("xcm::ProxyLook", "Component %1 connected · logging in to %2"))
                    .arg(facts.componentAddress, server)};
    case ConnectionState::Disconnecting:
        return {StateColor::inProgress,
                translated(QT_TRANSLATE_NOOP("xcm::ProxyLook", "Component %1 · closing the relay to %2"))
                    .arg(facts.componentAddress, server)};
    case ConnectionState::Disconnected:
        break;
    }
    // Between the component's connect and its handshake, or while its stream closes.
    return {StateColor::inProgress,
            translated(QT_TRANSLATE_NOOP("xcm::ProxyLook", "Component %1 connected to the proxy"))
                .arg(facts.componentAddress)};
}

} // namespace xcm
