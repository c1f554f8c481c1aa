#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A real XMPP client for xcm's tests (Debian's python3-slixmpp; run it with /usr/bin/python3).

Logs in over c2s in the clear (the test Prosody allows it on loopback), then sends each iq request or
message given on standard input (one XML element per line; `xmlns='jabber:client'` is added when
missing) all at once, and prints one JSON line per event on standard output as the client sees it; a
message waits for the first message back from the JID it was sent to (an echo):
  {"event": "online", "jid": "..."}
  {"event": "sent", "id": "..."}
  {"event": "answer", "id": "...", "type": "result|error", "from": "...", "xml": "..."}
  {"event": "message", "from": "...", "body": "..."}
  {"event": "timeout", "id": "..."}
  {"event": "failed", "why": "..."}   (login failed, or the connection dropped)
Exits once every request has an answer or timed out.

Every line also carries "ms", the client's monotonic clock in milliseconds.

usage: XCM_TEST_CLIENT_PASSWORD=PW xmppclient.py --jid USER@DOMAIN --port PORT [--timeout SECONDS] < requests
"""
import argparse
import asyncio
import json
import logging
import os
import sys
import time
import xml.etree.ElementTree as ElementTree

import slixmpp
from slixmpp.exceptions import IqError, IqTimeout
from slixmpp.stanza import Iq, Message


def emit(**event):
    event['ms'] = round(time.monotonic() * 1000, 1)
    print(json.dumps(event), flush=True)


class TestClient(slixmpp.ClientXMPP):
    def __init__(self, jid, password, requests, timeout):
        super().__init__(jid, password)
        self.requests = requests
        self.timeout = timeout
        self.failed = False
        self['feature_mechanisms'].unencrypted_plain = True
        self.waiting = {}  # bare JID -> future for the first message from it
        self.add_event_handler('session_start', self.on_session_start)
        self.add_event_handler('message', self.on_message)
        self.add_event_handler('failed_auth', lambda _: self.fail('authentication failed'))
        self.add_event_handler('connection_failed', lambda error: self.fail(f'connection failed: {error}'))

    def fail(self, why):
        self.failed = True
        emit(event='failed', why=why)
        self.disconnect()

    async def on_session_start(self, _event):
        emit(event='online', jid=str(self.boundjid))
        await asyncio.gather(*(self.ask(text) for text in self.requests))
        self.disconnect()

    def on_message(self, message):
        waiting = self.waiting.pop(message['from'].bare, None)
        if waiting and not waiting.done():
            waiting.set_result(message)

    async def ask(self, text):
        name = text.lstrip()[1:].split(None, 1)[0].rstrip('/>')
        if 'xmlns=' not in text.split('>', 1)[0]:
            text = text.replace('<' + name, f"<{name} xmlns='jabber:client'", 1)
        if name == 'message':
            await self.send_message_and_wait(Message(self, xml=ElementTree.fromstring(text)))
            return
        iq = Iq(self, xml=ElementTree.fromstring(text))
        if not iq['id']:
            iq['id'] = self.new_id()
        emit(event='sent', id=iq['id'])
        try:
            answer = await iq.send(timeout=self.timeout)
        except IqError as error:
            answer = error.iq
        except IqTimeout:
            emit(event='timeout', id=iq['id'])
            return
        emit(event='answer', id=iq['id'], type=answer['type'], **{'from': str(answer['from'])}, xml=str(answer))


    async def send_message_and_wait(self, message):
        answered = asyncio.get_running_loop().create_future()
        self.waiting[message['to'].bare] = answered
        message.send()
        emit(event='sent', id=message['id'], to=str(message['to']))
        try:
            reply = await asyncio.wait_for(answered, self.timeout)
        except asyncio.TimeoutError:
            emit(event='timeout', id=message['id'])
            return
        emit(event='message', id=message['id'], body=reply['body'], xml=str(reply), **{'from': str(reply['from'])})


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--jid', required=True)
    parser.add_argument('--host', default='127.0.0.1')
    parser.add_argument('--port', type=int, required=True)
    parser.add_argument('--timeout', type=float, default=10.0)
    arguments = parser.parse_args()
    logging.basicConfig(level=logging.ERROR, stream=sys.stderr)
    requests = [line.strip() for line in sys.stdin if line.strip()]
    client = TestClient(arguments.jid, os.environ['XCM_TEST_CLIENT_PASSWORD'], requests, arguments.timeout)
    client.connect((arguments.host, arguments.port), use_ssl=False, force_starttls=False, disable_starttls=True)
    client.process(forever=False)
    return 1 if client.failed else 0


if __name__ == '__main__':
    sys.exit(main())
