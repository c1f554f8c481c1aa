// SPDX-License-Identifier: GPL-3.0-or-later
// The xmpp.js contender: @xmpp/component (version pinned in bench/package.json), counting messages
// and answering the one with id='last'. Same command line as xcm-bench-peer. No debug module loaded.
"use strict";

const fs = require("fs");
const { component, xml } = require("@xmpp/component");

function option(name, fallback) {
  const index = process.argv.indexOf(`--${name}`);
  if (index >= 0 && index + 1 < process.argv.length) return process.argv[index + 1];
  if (fallback !== undefined) return fallback;
  console.error(`usage: xmppjs_peer.js --host H --port P --domain D --secret-file F (missing --${name})`);
  process.exit(2);
}

const host = option("host", "127.0.0.1");
const port = option("port");
const domain = option("domain");
const password = fs.readFileSync(option("secret-file"), "utf8").trim();
const bot = `bot@${domain}`;

const xmpp = component({ service: `xmpp://${host}:${port}`, domain, password });
// One connection per run: a reconnect would hide a failure.
xmpp.reconnect.stop();

let messages = 0;
let answered = false;

xmpp.on("error", (err) => {
  console.error(`xmppjs-peer: ${err.message}`);
});

xmpp.on("stanza", (stanza) => {
  if (!stanza.is("message")) return;
  messages += 1;
  if (answered || stanza.attrs.id !== "last") return;
  answered = true;
  xmpp
    .send(xml("message", { from: bot, to: stanza.attrs.from, id: "last" }, xml("body", {}, String(messages))))
    .then(() => xmpp.stop())
    .catch((err) => console.error(`xmppjs-peer: ${err.message}`))
    .finally(() => {
      console.error(`xmppjs-peer: ${messages} messages, answered`);
      process.exit(0);
    });
});

xmpp.on("offline", () => {
  if (!answered) {
    console.error(`xmppjs-peer: ${messages} messages, not answered`);
    process.exit(1);
  }
});

xmpp.start().catch((err) => {
  console.error(`xmppjs-peer: ${err.message}`);
  process.exit(1);
});
