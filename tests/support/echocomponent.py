#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A real XEP-0114 component for xcm's proxy tests (Debian's python3-slixmpp ComponentXMPP; run it with
/usr/bin/python3): it echoes every message back to its sender and answers disco#info (slixmpp's own
XEP-0030 plugin). It records the raw bytes it receives and sends, so a test can compare them with what
passed through xcm.

Prints JSON lines: {"event": "online"}, {"event": "echoed", "from": "..."}, {"event": "failed", "why":
"..."} (a refused handshake or a stream error), {"event": "disconnected"}. Runs until the stream ends or
SIGTERM.

usage: XCM_TEST_COMPONENT_SECRET=S echocomponent.py --domain D --port P --received FILE --sent FILE
"""
import argparse
import json
import logging
import os
import signal
import sys

import slixmpp


def emit(**event):
    print(json.dumps(event), flush=True)


class EchoComponent(slixmpp.ComponentXMPP):
    def __init__(self, domain, secret, port, received_path, sent_path):
        super().__init__(domain, secret, '127.0.0.1', port)
        self.received_file = open(received_path, 'wb')
        self.sent_file = open(sent_path, 'wb')
        self.failed = False
        self.register_plugin('xep_0030')
        self.add_event_handler('session_start', lambda _: emit(event='online'))
        self.add_event_handler('message', self.on_message)
        self.add_event_handler('stream_error', self.on_stream_error)
        self.add_event_handler('disconnected', self.on_disconnected)

    def data_received(self, data):
        self.received_file.write(data)
        self.received_file.flush()
        super().data_received(data)

    def send_raw(self, data):
        self.sent_file.write(data.encode('utf-8') if isinstance(data, str) else data)
        self.sent_file.flush()
        super().send_raw(data)

    def on_message(self, message):
        if message['type'] in ('chat', 'normal') and message['body']:
            message.reply(message['body']).send()
            emit(event='echoed', **{'from': str(message['from'])})

    def on_stream_error(self, error):
        self.failed = True
        emit(event='failed', why=error['condition'], text=error['text'])

    def on_disconnected(self, reason):
        emit(event='disconnected', why=str(reason))
        self.loop.stop()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--domain', required=True)
    parser.add_argument('--port', type=int, required=True)
    parser.add_argument('--received', required=True)
    parser.add_argument('--sent', required=True)
    arguments = parser.parse_args()
    logging.basicConfig(level=logging.ERROR, stream=sys.stderr)
    component = EchoComponent(arguments.domain, os.environ['XCM_TEST_COMPONENT_SECRET'], arguments.port,
                              arguments.received, arguments.sent)
    component.auto_reconnect = False
    component.connect()
    component.loop.add_signal_handler(signal.SIGTERM, component.disconnect)
    component.loop.run_forever()
    return 1 if component.failed else 0


if __name__ == '__main__':
    sys.exit(main())
