#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The slixmpp contender: slixmpp.ComponentXMPP (Debian's python3-slixmpp), counting messages and
answering the one with id='last'. Same command line as xcm-bench-peer. No plugins, logging off."""

import argparse
import logging
import sys

from slixmpp import ComponentXMPP


class SlixmppPeer(ComponentXMPP):
    def __init__(self, domain, secret, host, port):
        super().__init__(domain, secret, host, port)
        self.bot = "bot@" + domain
        self.messages = 0
        self.answered = False
        self.add_event_handler("message", self.on_message)

    def on_message(self, message):
        self.messages += 1
        if self.answered or message["id"] != "last":
            return
        self.answered = True
        # send_message() takes no id: build the stanza to set one.
        reply = self.make_message(mto=message["from"], mbody=str(self.messages), mfrom=self.bot)
        reply["id"] = "last"
        reply.send()
        self.disconnect()


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--domain", required=True)
    parser.add_argument("--secret-file", required=True)
    args = parser.parse_args()
    with open(args.secret_file, encoding="utf-8") as f:
        secret = f.read().strip()

    logging.disable(logging.CRITICAL)
    peer = SlixmppPeer(args.domain, secret, args.host, args.port)
    peer.connect()
    peer.process(forever=False)  # returns once disconnected
    print(f"slixmpp-peer: {peer.messages} messages, {'answered' if peer.answered else 'not answered'}",
          file=sys.stderr)
    sys.exit(0 if peer.answered else 1)


if __name__ == "__main__":
    main()
