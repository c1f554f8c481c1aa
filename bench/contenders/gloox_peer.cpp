// SPDX-License-Identifier: GPL-3.0-or-later
// The gloox contender: gloox::Component (Debian's libgloox-dev) with a MessageHandler that counts
// messages and answers the one with id='last'. Same command line as xcm-bench-peer. gloox's own
// blocking receive loop runs it, with no log handler registered (logging off).

#include <gloox/component.h>
#include <gloox/connectionlistener.h>
#include <gloox/gloox.h>
#include <gloox/message.h>
#include <gloox/messagehandler.h>

#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>

namespace {

class GlooxPeer : public gloox::MessageHandler, public gloox::ConnectionListener
{
public:
    GlooxPeer(const std::string &host, int port, const std::string &domain, const std::string &secret)
        : m_component(gloox::XMLNS_COMPONENT_ACCEPT, host, domain, secret, port)
        , m_bot("bot@" + domain)
    {
        m_component.registerMessageHandler(this);
        m_component.registerConnectionListener(this);
    }

    bool run()
    {
        m_component.connect(true); // returns once the connection is closed
        return m_answered;
    }
    unsigned long long messages() const { return m_messages; }

    void handleMessage(const gloox::Message &message, gloox::MessageSession *) override
    {
        ++m_messages;
        if (m_answered || message.id() != "last")
            return;
        gloox::Message reply(gloox::Message::Normal, message.from(), std::to_string(m_messages));
        reply.setFrom(m_bot);
        reply.setID("last");
        m_component.send(reply);
        m_answered = true;
        m_component.disconnect();
    }

    void onConnect() override {}
    void onDisconnect(gloox::ConnectionError) override {}
    bool onTLSConnect(const gloox::CertInfo &) override { return true; }

private:
    gloox::Component m_component;
    gloox::JID m_bot;
    unsigned long long m_messages = 0;
    bool m_answered = false;
};

std::string trimmed(std::string text)
{
    const char *space = " \t\r\n";
    text.erase(text.find_last_not_of(space) + 1);
    text.erase(0, text.find_first_not_of(space));
    return text;
}

} // namespace

int main(int argc, char *argv[])
{
    std::string host = "127.0.0.1";
    std::string domain;
    std::string secretFile;
    int port = 0;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string option = argv[i];
        if (option == "--host")
            host = argv[i + 1];
        else if (option == "--port")
            port = std::atoi(argv[i + 1]);
        else if (option == "--domain")
            domain = argv[i + 1];
        else if (option == "--secret-file")
            secretFile = argv[i + 1];
    }
    std::ifstream file(secretFile);
    std::stringstream secret;
    secret << file.rdbuf();
    if (port <= 0 || domain.empty() || !file) {
        std::fprintf(stderr, "usage: %s --host H --port P --domain D --secret-file F\n", argv[0]);
        return 2;
    }
    GlooxPeer peer(host, port, domain, trimmed(secret.str()));
    const bool answered = peer.run();
    std::fprintf(stderr, "gloox-peer: %llu messages, %s\n", peer.messages(),
                 answered ? "answered" : "not answered");
    return answered ? 0 : 1;
}
