<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name>main</name>
    <message>
        <source>Connect XMPP external components (XEP-0114), watch their stanzas and send stanzas as them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select the profile called &lt;name&gt; (repeat to connect several).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect the profiles given with --profile (or the selected one).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colours: light, dark or system (default).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add or update a profile from a key=value file (name, host, port, domain, secret-file); its secret goes to the keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With --import-profile: store, then exit without a window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window size, e.g. 1280x800.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language of the window: %1 (default: the system&apos;s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the window, quit as soon as it is on screen and say so; exit status 0 if it was shown (for package and installation checks).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown palette “%1” (light, dark or system)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no profile called “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there are no profiles yet (create one in the window, or use --import-profile)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the profiles are: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Once connected with traffic, save &lt;prefix&gt;-main.png, -compose.png, -editor.png and -editor-component.png, then quit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved logs to open read-only: captures, or exports (JSON Lines, XML).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>xcm::AboutDialog</name>
    <message>
        <source>%1 (built with %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About xcm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>XMPP Component Manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect XMPP external components (XEP-0114) as the component, watch their stanzas live and send stanzas from any address on the component&apos;s domain. Secrets are kept in the system keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copyright © 2026 The xcm developers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>xcm is free software: you can redistribute it and/or modify it under the terms of the %1, version 3 or (at your option) any later version. It comes with ABSOLUTELY NO WARRANTY.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GNU General Public License</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Homepage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report a bug</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qt %1 · QtKeychain %2 · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy Version Info</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the versions of xcm, Qt, QtKeychain and the system, for a bug report</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>xcm::BoundedRegex</name>
    <message>
        <source>a regular expression cannot set its own (*LIMIT_…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid regular expression: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>xcm::CaptureFileWriter</name>
    <message>
        <source>cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>xcm::CaptureReader</name>
    <message>
        <source>… more problems not listed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line %1: the last line is incomplete (the file was cut off while being written); skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line %1: not a stanza&apos;s heading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line %1: no time in the heading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line %1: neither a JSON object nor a line of an XML log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line %1: the heading ends in something unknown: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line %1: a heading without its stanza</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>xcm::CaptureRecord</name>
    <message>
        <source>not JSON: %1 at character %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no &apos;xml&apos; text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;direction&apos; must be received or sent, not &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;time&apos; is not an ISO 8601 time</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>xcm::CaptureWriter</name>
    <message>
        <source>%1 is a file, not a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create the folder %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>xcm::ComponentConnection</name>
    <message>
        <source>a stanza was still incomplete after %1 s (%2 bytes received)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server sent &lt;%1/&gt; before accepting the handshake</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server closed the stream</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server closed the stream before the handshake completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server&apos;s stream header has no id, so no handshake can be computed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>could not reach %1:%2 within %3 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server accepted the connection but sent no stream header within %1 s — is %2 the component port (not the client port), and does it expect direct TLS?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server did not answer the handshake within %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>disconnected by the user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not connected (%1): nothing was sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 stanzas are already waiting for the connection: this one was not queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server stopped reading: %1 bytes xcm had sent never left (nothing moved for %2 s)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>xcm::ComponentProxy</name>
    <message>
        <source>&apos;%1&apos; is not an IP address to listen on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>component %1 connected to the proxy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>another component is already connected through this proxy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refused a second component from %1: one is already connected (conflict)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this proxy stands in for %1 only, not for &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the handshake does not match the secret the proxy expects from the component</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>relaying: component %1 ⇄ server %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the proxy&apos;s connection to the server ended: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>component %1 left: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no component is connected through the proxy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dropped by rule %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>delayed %1 ms by rule %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>duplicated by rule %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>held by rule %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>passed on: delayed %1 ms by rule %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>released: held %1 by rule %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>discarded a stanza a fault rule held back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>discarded %1 stanzas fault rules held back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot listen on %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>component %1 was refused: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the component closed its stream with an error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the component left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the component was refused</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>xcm::ComposeHistory</name>
    <message>
        <source>raw XML (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent %1

%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not valid JSON: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent %1 (%2)

%3…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>xcm::ComposeWidget</name>
    <message>
        <source>(domain only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>user@example.org</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recipient&apos;s address (a JID)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;message from=&apos;bot@comp.example&apos; to=&apos;user@example.org&apos;&gt;…&lt;/message&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stanza XML</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send this stanza (Ctrl+Return)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;o:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a valid address: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ Valid (%1) — connect to send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ Ready to send (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot send: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ Sent: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ Resent: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Template: start from one; the editor below shows exactly what will be sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the recipient&apos;s address in To.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ Sent the waiting stanzas (%1) once connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discarded the waiting stanzas (%1); they are in History.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✗ Not sent: the connection ended, so the waiting stanzas were discarded (%1); they are in History.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ Valid (%1) — Send queues it until the connection is up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 stanzas are already waiting for the connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queued — %1 waiting for the connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To the server (as the component)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To the component (as the server)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inject the stanza into the proxied stream: towards the server as if your component had sent it, or towards your component as if the server had</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the sender&apos;s address in From.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the proxy is not relaying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ Valid (%1) — can be injected while the component is connected through the proxy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local part of the sending address, and a resource after “/” if you want one; the domain is the component&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local part of the component&apos;s address the stanza goes to, and a resource after “/” if you want one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>xcm::ConnectionBar</name>
    <message>
        <source>Edit this profile (F2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the secret from the keychain…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · up %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (attempt %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In %1 · %2    Out %3 · %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on %2:%3%4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (TLS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Disconnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the stream and stop retrying (Ctrl+Shift+C)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect %1 to %2:%3 (Ctrl+Shift+C)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last disconnect: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— edit the profile (F2) to fix this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stanzas and bytes on this connection
Received: %1 stanzas, %2
Sent: %3 stanzas, %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stanzas sent while the connection was not up. They go out in order right after the handshake, or are discarded if the connection ends for good.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop the waiting stanzas without sending them (they stay in History)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent: the waiting stanzas (%1) were discarded when the connection ended; they are in History.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keepalive every %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no keepalive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stream %1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reconnects after %1–%2 s when the connection is lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>does not reconnect by itself</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected · %1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests waiting for your answer: select one in the log and press Ctrl+R (Reply…). At the profile&apos;s limit each gets service-unavailable, so nobody waits for ever.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 awaiting your answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server stream %1 · the component&apos;s keepalive and reconnects are relayed, not made</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Configure your component to connect to %1 instead of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not listening · Connect listens on %1 for the component and relays it to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · proxy on %2 for %3%4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop listening and close the component&apos;s and the server&apos;s streams (Ctrl+Shift+C)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listen for the component on %1 and relay it to %2 (Ctrl+Shift+C)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not listening: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server leg, last disconnect: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeline…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every connection attempt with its steps, times and reasons (Ctrl+Shift+T)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every stanza is written to %1 (click to open the folder)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recording stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recording stopped: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>xcm::ConnectionState</name>
    <message>
        <source>Disconnected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening stream</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authenticating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disconnecting</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>xcm::ConnectionTimeline</name>
    <message>
        <source>stream id %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>attempt %1 in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TCP/TLS up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stream header received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handshake accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disconnecting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnect scheduled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>xcm::DisconnectReason</name>
    <message>
        <source>the server sent data xcm refuses, so xcm closed the stream</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server rejected the shared secret — check component_secret for %1 (on ejabberd this also means the component name is unknown)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>another connection for %1 is already active (or the server has not noticed the old one is gone yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a stanza lacked a &apos;to&apos; or &apos;from&apos; address the server accepts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a stanza&apos;s &apos;from&apos; is not on the component domain %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server could not parse what was sent (Prosody also says this for a stanza over its 512 KiB component limit)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server&apos;s policy refused the traffic (often a size or rate limit)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server is shutting down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server closed the idle stream; lower the keepalive interval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server redirects this component to another host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server reset the stream (a configuration reload, often)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server refused the XML sent to it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server failed internally; see its log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server closed the stream with an error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>server said: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server rejected the shared secret — check component_secret for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no server host is set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no server port is set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the component domain is not valid: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no shared secret is set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server closed the connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server closed the connection before sending its stream header — is this the component port, and does it expect direct TLS?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server closed the connection during the handshake</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server closed the connection in the middle of a stanza (%1 bytes of it received)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing accepts connections on %1 — is the server running, and is its component port open on that address?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the host name %1 could not be resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the connection to %1 timed out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the network to %1 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the TLS handshake with %1 failed — does this port speak direct TLS?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the connection to %1 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server&apos;s TLS certificate is not trusted — install its CA, or allow invalid certificates for a development server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server&apos;s TLS certificate is for %1, not %2 — set the TLS server name to the name the certificate carries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server has no external component named %1 — check the Component entry in its configuration and the domain xcm connects as</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>xcm::DurationText</name>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt; 1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>xcm::ElidedLabel</name>
    <message>
        <source>&amp;Copy Text</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>xcm::ExchangeActions</name>
    <message>
        <source>&amp;Go to Answer or Request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From an iq request to its answer, and back (Ctrl+J)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reply…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer the selected received request from the compose form (Ctrl+R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This stanza is not part of a request and its answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No answer to pair with yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#%1 is no longer in the log (cleared, or dropped by its size limit)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#%1 is hidden by the filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its request, #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its answer, #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This request has an answer already (%1): sending the reply answers it a second time</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>xcm::ExpressionCompiler</name>
    <message>
        <source>unknown field &apos;%1&apos; (did you mean &apos;%2&apos;?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown field &apos;%1&apos; (fields: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; needs a comparison, e.g. %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; can only be compared with == or !=</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dir is in or out, not &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kind is message, presence, iq, stream or other, not &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>auto is true or false, not &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>size is a number: compare it with ==, !=, &lt;, &lt;=, &gt; or &gt;=</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a number of bytes after %1, not &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; compares numbers: only size can be used with it</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>xcm::ExpressionFields</name>
    <message>
        <source>direction: in (received) or out (sent)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>message, presence, iq, stream or other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the type attribute: chat, get, result, error, unavailable…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the sender&apos;s address as written (local part and domain ignore case)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the sender without the resource: user@example.org</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the sender&apos;s domain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the sender&apos;s local part (before @)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the sender&apos;s resource (after /)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the recipient&apos;s address as written (local part and domain ignore case)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the recipient without the resource</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the recipient&apos;s domain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the recipient&apos;s local part (before @)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the recipient&apos;s resource (after /)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the id attribute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the text of the message&apos;s &lt;body/&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the namespace of any element inside the stanza</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the error condition, e.g. item-not-found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bytes on the wire (compare with &lt;, &lt;=, &gt;, &gt;=)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sent by xcm automatically (an automatic answer or a rule&apos;s reply)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a child element or attribute: has(query), has(query@node == &apos;x&apos;), has(query/item@jid)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>xcm::ExpressionLexer</name>
    <message>
        <source>the string is not closed (a %1 is missing)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;=&apos; is not an operator: write &apos;==&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;&amp;&apos; is not an operator: write &apos;&amp;&amp;&apos; or &apos;and&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;|&apos; is not an operator: write &apos;||&apos; or &apos;or&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected character &apos;%1&apos; (quote values that are not simple words)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>xcm::ExpressionParser</name>
    <message>
        <source>&apos;)&apos; has no matching &apos;(&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected &apos;and&apos;, &apos;or&apos; or the end of the expression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected &apos;and&apos;, &apos;or&apos; or &apos;)&apos; to close the &apos;(&apos; at %1:%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected &apos;(&apos; after &apos;has&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected an element name after &apos;has(&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected an element name after &apos;/&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected an attribute name after &apos;@&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected an operator or &apos;)&apos; after &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected &apos;)&apos; to close the &apos;has(&apos; at %1:%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected an operator after %1 (==, !=, ~, contains, startswith, &lt;, &lt;=, &gt;, &gt;=)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a value after %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a field, has(…), &apos;not&apos; or &apos;(&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a field, has(…), &apos;not&apos; or &apos;(&apos; after %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>xcm::ExpressionProgram</name>
    <message>
        <source>the regular expression needs too much backtracking: it gave up on %1 stanzas and is no longer tried (simplify it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the regular expression gave up (too much backtracking) on stanzas that count as not matching: %1 so far</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>xcm::FaultInjector</name>
    <message>
        <source>paused: %1 stanzas are held already</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paused: acted more than %1 times within a second (a loop?)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>xcm::HistoryPane</name>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put the selected stanza in the editor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Resend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit in the Editor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;move from History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the selected stanza again as it was (a request gets a fresh id)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>xcm::HistoryView</name>
    <message>
        <source>Stanzas you send appear here, to edit or send again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>xcm::HostName</name>
    <message>
        <source>the host name is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a host name cannot contain a space or control character</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a valid host name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the host name is longer than 253 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the host name has an empty label (two dots, or a dot at the start)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a part of the host name is longer than 63 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not allowed in a host name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a part of the host name starts or ends with “-”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” looks like a port: give it on its own</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>xcm::IncomingComponentStream</name>
    <message>
        <source>the component closed the stream</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the component dropped the connection in the middle of a stanza (%1 bytes received)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the component dropped the connection without closing the stream</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the component did not complete its stream header and handshake within %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the component sent &lt;%1/&gt; before its handshake</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the component sent &lt;%1/&gt; before its handshake was accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the proxy closed the stream</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server&apos;s stream error, passed on: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>xcm::Jid</name>
    <message>
        <source>the domain is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the domain is longer than 1023 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the domain contains a space or control character</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the domain contains &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the domain has an empty label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the address is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the part before &apos;@&apos; is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the local part is longer than 1023 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the local part contains a space or control character</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the local part contains &apos;%1&apos;, which is not allowed there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the part after &apos;/&apos; is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the resource is longer than 1023 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the resource contains a control character</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>xcm::KeychainBanner</name>
    <message>
        <source>Hide this message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask the keychain again: store the secrets kept in memory, read the ones it could not give</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;No keychain is available&lt;/b&gt; (%1). Secrets you enter are kept in memory until xcm quits and are not saved anywhere: enter them again next time, or start a Secret Service (such as GNOME Keyring or KWallet), then Retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secret of %1 is only in memory: at the next start xcm will ask for it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secrets of %1 are only in memory: at the next start xcm will ask for them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secret of %1 could not be read from the keychain: unlock it and Retry, or Connect to enter the secret.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secrets of %1 could not be read from the keychain: unlock it and Retry, or Connect to enter them.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>xcm::LogExportActions</name>
    <message>
        <source>E&amp;xport All…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export All…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the whole log as an XML log or JSON Lines (Ctrl+E); the handshake digest is never written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;Shown…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Shown…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save only the stanzas the filters show (Ctrl+Shift+E)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is no log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an export to %1 is still being written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting %1 stanzas to %2…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting %1 stanzas to %2… %3 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported 1 stanza to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported %1 stanzas to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not export to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Shown Stanzas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Stanza Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>XML log, a stanza a line (*.log)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON Lines, the exact bytes (*.jsonl)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>xcm::LogFilterBar</name>
    <message>
        <source>&amp;Find…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the log (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find &amp;Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next match (F3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find Pre&amp;vious</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous match (Shift+F3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Errors Only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Errors only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only stream errors and stanzas of type &apos;error&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Unanswered Requests Only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unanswered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only iq requests still waiting, timed out or never answered (Ctrl+Shift+U)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On: show only the stanzas that contain the search text.
Off: show all, highlight the matches, and step through them with F3 / Shift+F3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show both directions, or only what was received or sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>↓↑ Both</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>↓ Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>↑ Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Kinds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show All Kinds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which kinds of stanza to show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search JIDs, ids, content (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case-insensitive text anywhere in the stanza: JIDs, ids, namespaces, body.
Enter: next match, F3 / Shift+F3: next / previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No kinds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 kinds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No stanza shown contains “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expression F&amp;ilter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expr</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by an expression instead of searching for words (Ctrl+Shift+F), e.g.
kind == iq and type == error and error == item-not-found
dir == in and from.domain == example.org and body contains &apos;order&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter expression, e.g. kind == iq and type == error (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fields: dir, kind, type, from, to, id, body, ns, error, size, auto, from.bare, from.domain …
Operators: == != ~ contains startswith &lt; &gt; and or not, has(path@attribute == value)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The filter skipped some stanzas: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not applied: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter &amp;by Search</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>xcm::LogStatusLine</name>
    <message>
        <source>1 stanza</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 stanzas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 shown)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2 dropped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the log: %1
Shown: %2
Dropped as the oldest beyond the %3 the log keeps: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused: %1 new while paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filtering %1 stanzas… %2 %</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>xcm::MainWindow</name>
    <message>
        <source>&amp;Connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h2&gt;No profile yet&lt;/h2&gt;&lt;p&gt;A profile holds where your component connects (server, port, component domain) and its shared secret, which is kept in the system keychain.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a Profile…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No profile selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>xcm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2 — xcm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the profile “%1”?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closing connections…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit xcm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stanzas are waiting for a connection and have not been sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting: %1. If you quit now they are discarded; they stay in the compose history to send again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit Anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recording cannot start: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Saved Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved logs (*.jsonl *.log *.xml)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dis&amp;connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its secret is removed from the keychain and its history of sent stanzas is deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>So is its rule: Export in its Rules tab keeps a copy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>So are its %1 rules: Export in its Rules tab keeps a copy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection is closed first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its saved filter “%1” goes too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its %1 saved filters go too.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>xcm::MainWindowActions</name>
    <message>
        <source>&amp;New Profile…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a profile (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit Profile…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the selected profile (F2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete Profile…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the selected profile and its stored secret (Delete)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Send Stanza</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ne&amp;xt Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pre&amp;vious Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disconnect &amp;All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection &amp;Timeline…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open Saved Log…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Compose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Focus Editor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About xcm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect A&amp;ll</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record Traffic to Dis&amp;k</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>xcm::OverflowBar</name>
    <message>
        <source>More controls, hidden while the window is narrow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>xcm::ProfileEditor</name>
    <message>
        <source>New Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit Profile — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Weather bot (staging)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>host name or address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>comp.example.org — the component&apos;s name on the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Direct &amp;TLS (the port speaks TLS from the first byte)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept &amp;invalid certificates (development servers only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide the secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Generate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace the secret with a strong random one (32 letters and digits); copy it into the server&apos;s configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Component &amp;domain:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;ecret:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A single space sent this often keeps NATs and idle limits from closing the stream. 60–120 s suits most servers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> KiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Largest stanza accepted from the server or sent from here. Prosody&apos;s component limit is 512 KiB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reconnect automatically after a failure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>doubling up to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlimited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also retry when the server rejects the secret or the name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Behaviour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keepalive every:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stanza size &amp;limit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;First retry after:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempts before giving &amp;up:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading from the keychain…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;No keychain is available&lt;/b&gt; (%1). The secret is kept in memory until xcm quits and has to be entered again next time; it is never written to disk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the profile a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another profile is already called “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the server&apos;s host name or address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the component domain (the name configured for the component on the server).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The component domain is not valid: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The longest retry delay is shorter than the first one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>same as server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name the server&apos;s certificate must carry, when it is not the server name above — e.g. the XMPP domain when you connect by address or by an internal name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the secret to the clipboard for %1 s (clipboard managers are asked not to keep it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied. The clipboard is cleared in %1 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS server na&amp;me:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the keychain…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The TLS server name is not valid: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As the com&amp;ponent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect &amp;as the component</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>xcm logs in to the server as the component and shows its traffic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pro&amp;xy a running component</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your component connects to xcm instead of the server; xcm relays its stream both ways and shows everything</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address your component connects to instead of the server&apos;s (an IP address; 127.0.0.1 keeps it on this machine)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The port to configure in your component instead of the server&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Component&apos;s o&amp;wn secret:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off: your component presents the server&apos;s secret to xcm, unchanged. On: it presents this one, and only xcm knows the server&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the secret configured in your component</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mode:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listen &amp;on:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A proxy answers nothing by itself: your component answers. Only the time after which the log flags an unanswered request applies.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the IP address to listen on for the component (e.g. 127.0.0.1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the secret your component presents, or let it use the server&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server&apos;s component_secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored in the system keychain, in an entry labelled “xcm: &lt;i&gt;profile&lt;/i&gt; (&lt;i&gt;domain&lt;/i&gt;)”, never in the settings file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server is not a host name or address: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” listens on %2 port %3 too: only one of them can listen at a time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” also connects to this server as %2: the server takes one of them at a time.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>xcm::ProfileImport</name>
    <message>
        <source>cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1:%2: expected key=value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: no name=</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: port must be 1–65535</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: domain: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 holds a secret but others can read it (chmod 600)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read the secret file %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 can be read by others (chmod 600)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: tlsServerName: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: mode is component or proxy, not %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: listen and component-secret belong to mode=proxy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: listen is [address:]port, not %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: host: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>xcm::ProfileService</name>
    <message>
        <source>The changes to “%1” apply at its next connect.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>profile “%1”: secret stored in the keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>profile “%1”: no keychain (%2), the secret is kept in memory for this run only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secret of “%1” is stored in the keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No keychain: the secret of “%1” is kept in memory until xcm quits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>xcm: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>xcm: %1 (%2), the component&apos;s secret</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>xcm::ProfileSession</name>
    <message>
        <source>only a proxy session has a component to inject into</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no secret for the server is stored — edit the profile (F2) to enter it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no secret for the component is stored — edit the profile (F2) to enter it, or let the component use the server&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the keychain could not give the server&apos;s secret (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the keychain could not give the component&apos;s secret (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>xcm::ProxyLook</name>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not listening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listening on %1 — waiting for the component</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Component %1 connected · logging in to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Component %1 · closing the relay to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Component %1 connected to the proxy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relaying · component %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>xcm::ReconnectPolicy</name>
    <message>
        <source>stopped reconnecting: the server sent the same refused data twice in a row (%1) and would send it again on every reconnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>flapping: the connection dropped %1 times in a row within %2 s of connecting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped reconnecting: %1 attempts in a row failed, as many as the profile allows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not reconnecting: the server refused the secret or the component&apos;s name, and would refuse them again on every attempt</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>xcm::ReplySelector</name>
    <message>
        <source>Answer the request with a result, or with one of the errors RFC 6120 defines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply: result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply: error %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop replying: back to the templates (the editor keeps its text)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop replying</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>xcm::ReplyTemplate</name>
    <message>
        <source>&apos;{&apos; without &apos;}&apos;: write {{ for a brace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown placeholder {%1} (did you mean {%2}?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown placeholder {%1} (placeholders: %2; {{ and }} for braces)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the reply is empty: write the stanza to send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not well-formed XML: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the reply must be in jabber:component:accept, not &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the reply must be a &lt;message/&gt;, &lt;presence/&gt; or &lt;iq/&gt;, not &lt;%1/&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>xcm::RequestTracker</name>
    <message>
        <source>awaiting your answer (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>awaiting an answer (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>late result in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>result in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>late error %1 in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error %1 in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no answer after %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no answer: the connection closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>late answer, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>answer, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no answer in this log</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>xcm::Responder</name>
    <message>
        <source>a request without an id cannot be answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a request without a sender cannot be answered</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>xcm::ResponderSettingsBox</name>
    <message>
        <source>As the component</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Answer requests automatically:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RFC 6120 wants every get and set answered; a silent component makes clients wait for their own timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>XEP-0199: an empty result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>disco</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>XEP-0030: the identity below and the features</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>XEP-0092: xcm and its version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>XEP-0202: this machine&apos;s time and offset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name (default: the profile&apos;s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>more feature namespaces, separated by spaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listed in disco#info besides the answers that are on, e.g. what the real component will offer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tell the &amp;operating system in version answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anyone who asks learns what this machine runs: off by default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer other requests by &amp;hand, for up to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other get/set requests wait for your answer (Reply…, Ctrl+R) instead of getting service-unavailable at once; at the limit they get it after all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After this, a request without an answer is marked in red in the log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disco identit&amp;y:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xtra features:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flag unans&amp;wered after:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rooms.example.org | Chat rooms
bot.example.org | commands | Commands</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What disco#items lists, one item per line: a JID, then optionally ‘|’ and a name, or ‘|’ a node ‘|’ a name. None by default.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disco i&amp;tems:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disco item on line %1: at most a JID, a node and a name, separated by ‘|’.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disco item on line %1: “%2” is not a JID: %3.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>xcm::Rule</name>
    <message>
        <source>name: a rule needs a name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name: longer than %1 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>delay: %1 ms is not between 0 and %2 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>match: a rule needs an expression (to answer everything, write: kind != stream)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>match: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reply: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>delay: a delay rule needs a delay above 0 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reply: a %1 rule has no reply stanza</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>xcm::RuleDialog</name>
    <message>
        <source>Rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>echo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply with a stanza</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop it (proxy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delay it (proxy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicate it (proxy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hold it until released (proxy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A reply rule answers in a direct profile. The other actions are fault rules: in a proxy profile they act on the matching stanza on its way through.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kind == message and body contains &apos;ping&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A filter expression, as in the log&apos;s Expr box: fields such as kind, type, from, to, id, body, ns, error; ==, !=, ~, contains, startswith; and, or, not</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How long to wait before replying (or, for Delay, how long to hold the stanza)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insert Placeholder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{from}, {to}, {id}, {type}, {body}, {from.bare}, {to.local} … take their values from the stanza that matched, XML-escaped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;On</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;When:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Action:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delay:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reply:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name: another rule is called &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reply, filled from a sample message: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter when the rule acts: an expression such as kind == message and body contains &apos;ping&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ Valid — a fault rule acts only when this profile is a proxy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ Valid — a reply rule answers only when this profile is not a proxy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ Valid</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>xcm::RuleEngine</name>
    <message>
        <source>match: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reply not sent: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paused: more than %1 replies within a second (a loop?)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>xcm::RuleListModel</name>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reply after %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>drop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>delay %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>duplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>acts in proxy profiles only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>answers in direct profiles only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Does</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — Resume, or turn it on again, to go on</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>xcm::RuleRunner</name>
    <message>
        <source>rule &apos;%1&apos;: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>xcm::RulesFile</name>
    <message>
        <source>a rules file may not have a DTD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>entity references other than the predefined five are not allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected &lt;%1&gt; in &lt;rules&gt;: only &lt;rule&gt; elements belong there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>text outside a &lt;rule&gt;: &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no &lt;rules&gt; element</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a &lt;rule&gt; needs a name=&apos;…&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a rule named &apos;%1&apos; is already defined at %2:%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rule &apos;%1&apos; needs a match=&apos;…&apos; expression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rule &apos;%1&apos;: delay-ms is a whole number of milliseconds from 0 to %2, not &apos;%3&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rule &apos;%1&apos;: enabled is true or false, not &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rule &apos;%1&apos;: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rule &apos;%1&apos;: the match expression is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rule &apos;%1&apos; holds more than one stanza: a second one starts here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rule &apos;%1&apos;: text outside the reply stanza</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rule &apos;%1&apos; has no reply stanza inside it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the rules file is %1 bytes, over the limit of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the rules file is not UTF-8</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rule &apos;%1&apos;: the reply is not well-formed XML: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown attribute &apos;%1&apos; on &lt;rule&gt; (known: name, match, action, delay-ms, enabled)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rule &apos;%1&apos;: action is reply, drop, delay, duplicate or hold, not &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rule &apos;%1&apos;: a delay rule needs delay-ms above 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rule &apos;%1&apos; is a %2 rule: it holds no stanza</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;%1&gt; without a namespace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected &lt;rules xmlns=&apos;%1&apos;&gt;, found %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file holds no XML element</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file ends before &lt;%1&gt; (line %2) is closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;/%1&gt; does not close &lt;%2&gt; (line %3), which is still open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not well-formed XML: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>xcm::RulesPanel</name>
    <message>
        <source>1 rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rules files (*.xml);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the selected rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move &amp;Up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try this rule earlier: the first match acts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move Do&amp;wn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try this rule later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;sume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Let a rule the rate limit paused act again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read rules from a rules file (as xcm-cli --rules reads)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write these rules to a rules file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The change is in effect but was not kept: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In a proxy, the first enabled fault rule whose expression matches a stanza drops, delays, duplicates or holds it on its way through; the log says so.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When a stanza arrives, the first enabled reply rule whose expression matches sends its reply (marked in the log with the rule&apos;s name). Rules run while connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not changed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not changed, the rules could not be kept: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Rule — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule &apos;%1&apos; added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit Rule — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule &apos;%1&apos; changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule &apos;%1&apos; removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import Rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not imported: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file holds %1. Replace the profile&apos;s rules with them, or add them after?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Replace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported %1 from %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Names already in use got a number: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not exported: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported %1 to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;lease Held</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relay the stanzas hold rules keep, oldest first (xcm-cli: SIGUSR1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;lease %1 Held</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Released %1 held stanzas.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>xcm::SavedFiltersButton</name>
    <message>
        <source>Saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved and recent filter expressions of this profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved Filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No saved filters yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save Current Filter…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a valid filter expression (Expr) first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete Saved Filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name for %1 (none: the expression is its name):</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>xcm::SavedLogLoader</name>
    <message>
        <source>a loader reads one file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>xcm::SavedLogWindow</name>
    <message>
        <source>Stop Reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep what was read so far (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — saved log, read-only — xcm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading %1… %2 % · %3 stanzas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 stanzas read, then stopped (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 line could not be read (hover for it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 lines could not be read (hover for which)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read in full</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 stanzas read · showing the newest %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 stanzas read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 holds no stanza xcm can read: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(%1 lines could not be read.)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(More than 100 lines could not be read.)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>xcm::SecretPrompt</name>
    <message>
        <source>Secret of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain has no secret for “%1”. Enter its shared secret to connect.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain could not give the secret of “%1” (%2). Enter its shared secret to connect.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the component_secret configured on the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shared secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide the secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save in the keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Otherwise the secret is used for this connection and forgotten when xcm quits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain has no secret for the component behind “%1”. Enter the secret your component presents to xcm to start the proxy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain could not give the secret of the component behind “%1” (%2). Enter the secret your component presents to xcm to start the proxy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the secret your component is configured with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secret of the component behind %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Start Proxy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept until xcm quits: no keychain is available</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>xcm::SecretPromptQueue</name>
    <message>
        <source>Not connected: no secret was entered. Connect to enter it, or set it in the profile (F2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected: the keychain could not give the secret (%1). Unlock the keychain and Retry, or Connect to enter the secret.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not listening: the secret your component presents was not entered. Connect to enter it, or set it in the profile (F2).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>xcm::SecretStore</name>
    <message>
        <source>the keychain did not answer within %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the keychain is locked</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>xcm::SessionListModel</name>
    <message>
        <source>Reading secret…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2:%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2 on %3:%4&lt;br&gt;%5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · proxy %2 → %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>xcm::SessionPage</name>
    <message>
        <source>Compose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rules (%1 on)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rules: %1, on: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>xcm::StanzaDetailPane</name>
    <message>
        <source>Raw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the exact bytes on the wire instead of indented XML</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the stanza as shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>↓ received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>↑ sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#%1 · %2 · %3 · %4 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a stanza to see it here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the first part of this large stanza is shown: load the rest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indenting %1 of XML…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading… %1%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show All (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>xcm::StanzaEditor</name>
    <message>
        <source>Edit in Full</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put the whole text in the editor. A line this long makes the editor slow: expect pauses while typing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the text before the large stanza (Ctrl+Z)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Large stanza (%1), kept exactly as given: showing its start, read-only</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>xcm::StanzaLogExport</name>
    <message>
        <source>there is no log to export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file is not open for writing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>xcm::StanzaLogHeader</name>
    <message>
        <source>&amp;Fit Columns to Width</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size From, To and Id to the window again, Summary taking the rest</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>xcm::StanzaLogModel</name>
    <message>
        <source>received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 bytes on the wire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dir</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local time the stanza was received or sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Direction: ↓ received from the server, ↑ sent by the component</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bytes on the wire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message body, IQ payload, presence state or error condition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>presence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>iq</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stream</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For an IQ request, its answer and the round trip; for an answer, its request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sent by xcm automatically</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>injected by you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>injected: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a request or an answer: the type is invalid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a request without an id: it cannot be answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>answers no request sent on this connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — the id of a request still waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>auto %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rule %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rule %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>xcm::StanzaLogView</name>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hold the view still; traffic is still logged and counted (Space in the list, Ctrl+P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the newest stanza in view while the list is scrolled to the bottom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove all stanzas from the log (Ctrl+L)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy Stanza</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follo&amp;w Newest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy Stanza</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the selected stanza as it was on the wire (Ctrl+C in the list)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cleared 1 stanza</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cleared %1 stanzas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slowest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sort by round trip, unanswered requests first (or click the Answer column); off: the log&apos;s order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the log&apos;s order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slowest answers first, unanswered requests at the top; click Answer again for the fastest, Time for the log&apos;s order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fastest answers first; click Answer again or Time for the log&apos;s order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slowest &amp;Answers First</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No stanza matches the filter.
Esc clears the search; the boxes and lists above widen the rest.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>xcm::StanzaPolicy</name>
    <message>
        <source>nothing to send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the stanza is %1 bytes, over the %2-byte limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not well-formed XML: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a stanza must be in the stream&apos;s namespace jabber:component:accept, not &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only &lt;message/&gt;, &lt;presence/&gt; and &lt;iq/&gt; can be sent, not &lt;%1/&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the stanza has no &apos;to&apos; address (servers close the stream with improper-addressing)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;to&apos; is not a valid address: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the stanza has no &apos;from&apos; address: a component must say which of its addresses sends it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;from&apos; is not a valid address: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;from&apos; must be on the component&apos;s domain %1, not %2 (servers close the stream with invalid-from)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an &lt;iq/&gt; needs type get, set, result or error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an &lt;iq/&gt; needs an id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;to&apos; must be the component&apos;s address (%1 or an address on it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;to&apos; must be on the component&apos;s domain %1, not %2: the server delivers nothing else to it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the stanza has no &apos;from&apos; address: say who it comes from, as the server would</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;from&apos; must spell the component&apos;s domain in lowercase, %1, not %2 (Prosody closes the stream with invalid-from)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>xcm::StanzaSummary</name>
    <message>
        <source>subject: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stream closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stream header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>handshake accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>handshake</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stream error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(not a complete element)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>xcm::StanzaTemplate</name>
    <message>
        <source>Message · chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message · normal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message · headline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Presence · available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Presence · unavailable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Presence · subscribe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Presence · probe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IQ get · disco#info</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IQ get · disco#items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IQ get · ping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IQ get · version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IQ get · time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raw XML</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>xcm::StateStyle</name>
    <message>
        <source>Reconnecting in %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed after one attempt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed after %1 attempts</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>xcm::StreamParser</name>
    <message>
        <source>the server answered with a TLS handshake, not XML: this port expects direct TLS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid UTF-8 at byte %1 of the stream</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>text outside any stanza: &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the sequence &apos;]]&gt;&apos; is not allowed in text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an element with more than %1 attributes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the stream contains a DTD or declaration (&lt;!%1…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a stanza grew past the %1-byte limit without ending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the stream declares encoding &apos;%1&apos;; XMPP is UTF-8 only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the stream contains an XML comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the stream contains a processing instruction &lt;?%1?&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the stream contains a DTD (&lt;!DOCTYPE&gt;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the stream references the entity &amp;%1;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (line %2, column %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;%1&gt; declares the namespace prefix &apos;%2&apos; twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the stream starts with &lt;%1&gt;, not &lt;stream:stream&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the stream header has namespace &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server opened a client stream (jabber:client): this is its client (c2s) port, not the component port (Prosody and ejabberd use 5347 by default, Openfire 5275)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server opened a server-to-server stream (jabber:server): this is its s2s port, not the component port (Prosody and ejabberd use 5347 by default, Openfire 5275)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the stream&apos;s default namespace is &apos;%1&apos;, not jabber:component:accept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a second stream header arrived inside the open stream</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>elements nested deeper than %1 levels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a stanza of %1 bytes, over the %2-byte limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the character U+%1 at byte %2 of the stream is not allowed in XML</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (XML streams allow only the entities &amp;lt; &amp;gt; &amp;amp; &amp;quot; &amp;apos;)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>xcm::StreamSocket</name>
    <message>
        <source>direct TLS is set but the socket factory made no TLS socket</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>xcm::TimelineDialog</name>
    <message>
        <source>Connection Timeline — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the selected rows, or all of them, as text (Ctrl+C)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the whole timeline as CSV or text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text (*.txt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>xcm::TrafficGraph</name>
    <message>
        <source>Now: in %1/s, out %2/s, errors %3/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Peak: in %1/s, out %2/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received above the line, sent below; errors in red</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>peak %1/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stanzas per second over the last %1 min</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>xcm::XmlElement</name>
    <message>
        <source>the XML is not complete: &lt;%1&gt; is not closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no XML element given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a second element starts where only one may be given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>text outside the element</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>comments are not allowed in XMPP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>processing instructions are not allowed in XMPP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DTDs are not allowed in XMPP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>entity references other than the predefined five are not allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the XML ends inside a tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (line %2, column %3)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
