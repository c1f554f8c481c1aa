<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>main</name>
    <message>
        <source>Connect XMPP external components (XEP-0114), watch their stanzas and send stanzas as them.</source>
        <translation>Externe XMPP-Komponenten (XEP-0114) verbinden, ihre Stanzas verfolgen und als sie Stanzas senden.</translation>
    </message>
    <message>
        <source>Select the profile called &lt;name&gt; (repeat to connect several).</source>
        <translation>Das Profil namens &lt;name&gt; auswählen (mehrfach angeben, um mehrere zu verbinden).</translation>
    </message>
    <message>
        <source>Connect the profiles given with --profile (or the selected one).</source>
        <translation>Die mit --profile angegebenen Profile verbinden (oder das ausgewählte).</translation>
    </message>
    <message>
        <source>Colours: light, dark or system (default).</source>
        <translation>Farben: light (hell), dark (dunkel) oder system (Standard).</translation>
    </message>
    <message>
        <source>Add or update a profile from a key=value file (name, host, port, domain, secret-file); its secret goes to the keychain.</source>
        <translation>Ein Profil aus einer key=value-Datei (name, host, port, domain, secret-file) anlegen oder aktualisieren; sein Secret kommt in den Schlüsselbund.</translation>
    </message>
    <message>
        <source>With --import-profile: store, then exit without a window.</source>
        <translation>Mit --import-profile: speichern und ohne Fenster beenden.</translation>
    </message>
    <message>
        <source>Window size, e.g. 1280x800.</source>
        <translation>Fenstergröße, z. B. 1280x800.</translation>
    </message>
    <message>
        <source>Language of the window: %1 (default: the system&apos;s).</source>
        <translation>Sprache des Fensters: %1 (Standard: die des Systems).</translation>
    </message>
    <message>
        <source>Open the window, quit as soon as it is on screen and say so; exit status 0 if it was shown (for package and installation checks).</source>
        <translation>Das Fenster öffnen, sich beenden, sobald es auf dem Bildschirm ist, und das melden; Exit-Status 0, wenn es angezeigt wurde (für Paket- und Installationsprüfungen).</translation>
    </message>
    <message>
        <source>unknown palette “%1” (light, dark or system)</source>
        <translation>unbekannte Palette „%1“ (light, dark oder system)</translation>
    </message>
    <message>
        <source>no profile called “%1”</source>
        <translation>kein Profil namens „%1“</translation>
    </message>
    <message>
        <source>there are no profiles yet (create one in the window, or use --import-profile)</source>
        <translation>es gibt noch keine Profile (legen Sie eines im Fenster an oder verwenden Sie --import-profile)</translation>
    </message>
    <message>
        <source>the profiles are: %1</source>
        <translation>vorhandene Profile: %1</translation>
    </message>
    <message>
        <source>Once connected with traffic, save &lt;prefix&gt;-main.png, -compose.png, -editor.png and -editor-component.png, then quit.</source>
        <translation>Sobald verbunden und Verkehr da ist, &lt;prefix&gt;-main.png, -compose.png, -editor.png und -editor-component.png speichern, dann beenden.</translation>
    </message>
    <message>
        <source>Saved logs to open read-only: captures, or exports (JSON Lines, XML).</source>
        <translation>Gespeicherte Protokolle, schreibgeschützt zu öffnen: Mitschnitte oder Exporte (JSON Lines, XML).</translation>
    </message>
</context>
<context>
    <name>xcm::AboutDialog</name>
    <message>
        <source>%1 (built with %2)</source>
        <translation>%1 (erstellt mit %2)</translation>
    </message>
    <message>
        <source>About xcm</source>
        <translation>Über xcm</translation>
    </message>
    <message>
        <source>XMPP Component Manager</source>
        <translation>XMPP-Komponentenverwaltung</translation>
    </message>
    <message>
        <source>Connect XMPP external components (XEP-0114) as the component, watch their stanzas live and send stanzas from any address on the component&apos;s domain. Secrets are kept in the system keychain.</source>
        <translation>Verbindet sich als externe XMPP-Komponente (XEP-0114), zeigt ihre Stanzas live und sendet Stanzas von jeder Adresse der Komponentendomain. Secrets liegen im Schlüsselbund des Systems.</translation>
    </message>
    <message>
        <source>Copyright © 2026 The xcm developers</source>
        <translation>Copyright © 2026 Die xcm-Entwickler</translation>
    </message>
    <message>
        <source>xcm is free software: you can redistribute it and/or modify it under the terms of the %1, version 3 or (at your option) any later version. It comes with ABSOLUTELY NO WARRANTY.</source>
        <translation>xcm ist freie Software: Sie können es unter den Bedingungen der %1, Version 3 oder (nach Ihrer Wahl) jeder späteren Version, weitergeben und/oder verändern. Es wird OHNE JEDE GEWÄHRLEISTUNG bereitgestellt.</translation>
    </message>
    <message>
        <source>GNU General Public License</source>
        <translation>GNU General Public License</translation>
    </message>
    <message>
        <source>Homepage</source>
        <translation>Projektseite</translation>
    </message>
    <message>
        <source>Report a bug</source>
        <translation>Fehler melden</translation>
    </message>
    <message>
        <source>Qt %1 · QtKeychain %2 · %3</source>
        <translation>Qt %1 · QtKeychain %2 · %3</translation>
    </message>
    <message>
        <source>&amp;Copy Version Info</source>
        <translation>Versionsangaben &amp;kopieren</translation>
    </message>
    <message>
        <source>Copy the versions of xcm, Qt, QtKeychain and the system, for a bug report</source>
        <translation>Die Versionen von xcm, Qt, QtKeychain und des Systems für einen Fehlerbericht kopieren</translation>
    </message>
</context>
<context>
    <name>xcm::BoundedRegex</name>
    <message>
        <source>a regular expression cannot set its own (*LIMIT_…)</source>
        <translation>ein regulärer Ausdruck darf keine eigenen Grenzen setzen ((*LIMIT_…))</translation>
    </message>
    <message>
        <source>invalid regular expression: %1</source>
        <translation>ungültiger regulärer Ausdruck: %1</translation>
    </message>
</context>
<context>
    <name>xcm::CaptureFileWriter</name>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>cannot create %1: %2</source>
        <translation>%1 kann nicht angelegt werden: %2</translation>
    </message>
</context>
<context>
    <name>xcm::CaptureReader</name>
    <message>
        <source>… more problems not listed</source>
        <translation>… weitere Probleme nicht aufgeführt</translation>
    </message>
    <message>
        <source>line %1: the last line is incomplete (the file was cut off while being written); skipped</source>
        <translation>Zeile %1: die letzte Zeile ist unvollständig (die Datei wurde beim Schreiben abgeschnitten); übersprungen</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
    <message>
        <source>line %1: not a stanza&apos;s heading</source>
        <translation>Zeile %1: keine Überschrift eines Stanzas</translation>
    </message>
    <message>
        <source>line %1: no time in the heading</source>
        <translation>Zeile %1: keine Zeit in der Überschrift</translation>
    </message>
    <message>
        <source>line %1: neither a JSON object nor a line of an XML log</source>
        <translation>Zeile %1: weder ein JSON-Objekt noch eine Zeile eines XML-Protokolls</translation>
    </message>
    <message>
        <source>line %1: the heading ends in something unknown: %2</source>
        <translation>Zeile %1: die Überschrift endet mit Unbekanntem: %2</translation>
    </message>
    <message>
        <source>line %1: a heading without its stanza</source>
        <translation>Zeile %1: eine Überschrift ohne ihr Stanza</translation>
    </message>
</context>
<context>
    <name>xcm::CaptureRecord</name>
    <message>
        <source>not JSON: %1 at character %2</source>
        <translation>kein JSON: %1 bei Zeichen %2</translation>
    </message>
    <message>
        <source>not a JSON object</source>
        <translation>kein JSON-Objekt</translation>
    </message>
    <message>
        <source>no &apos;xml&apos; text</source>
        <translation>kein Text in &apos;xml&apos;</translation>
    </message>
    <message>
        <source>&apos;direction&apos; must be received or sent, not &apos;%1&apos;</source>
        <translation>&apos;direction&apos; muss received oder sent sein, nicht &apos;%1&apos;</translation>
    </message>
    <message>
        <source>&apos;time&apos; is not an ISO 8601 time</source>
        <translation>&apos;time&apos; ist keine Zeit nach ISO 8601</translation>
    </message>
</context>
<context>
    <name>xcm::CaptureWriter</name>
    <message>
        <source>%1 is a file, not a folder</source>
        <translation>%1 ist eine Datei, kein Ordner</translation>
    </message>
    <message>
        <source>cannot create the folder %1 (%2)</source>
        <translation>der Ordner %1 kann nicht angelegt werden (%2)</translation>
    </message>
</context>
<context>
    <name>xcm::ComponentConnection</name>
    <message>
        <source>a stanza was still incomplete after %1 s (%2 bytes received)</source>
        <translation>ein Stanza war nach %1 s noch unvollständig (%2 Bytes empfangen)</translation>
    </message>
    <message>
        <source>the server sent &lt;%1/&gt; before accepting the handshake</source>
        <translation>der Server hat &lt;%1/&gt; gesendet, bevor er den Handshake angenommen hat</translation>
    </message>
    <message>
        <source>the server closed the stream</source>
        <translation>der Server hat den Stream geschlossen</translation>
    </message>
    <message>
        <source>the server closed the stream before the handshake completed</source>
        <translation>der Server hat den Stream vor Abschluss des Handshakes geschlossen</translation>
    </message>
    <message>
        <source>the server&apos;s stream header has no id, so no handshake can be computed</source>
        <translation>der Stream-Header des Servers hat keine ID, daher lässt sich kein Handshake berechnen</translation>
    </message>
    <message>
        <source>could not reach %1:%2 within %3 s</source>
        <translation>%1:%2 war innerhalb von %3 s nicht erreichbar</translation>
    </message>
    <message>
        <source>the server accepted the connection but sent no stream header within %1 s — is %2 the component port (not the client port), and does it expect direct TLS?</source>
        <translation>der Server hat die Verbindung angenommen, aber innerhalb von %1 s keinen Stream-Header gesendet – ist %2 der Komponenten-Port (nicht der Client-Port), und erwartet er direktes TLS?</translation>
    </message>
    <message>
        <source>the server did not answer the handshake within %1 s</source>
        <translation>der Server hat innerhalb von %1 s nicht auf den Handshake geantwortet</translation>
    </message>
    <message>
        <source>disconnected by the user</source>
        <translation>vom Benutzer getrennt</translation>
    </message>
    <message>
        <source>not connected (%1): nothing was sent</source>
        <translation>nicht verbunden (%1): nichts wurde gesendet</translation>
    </message>
    <message>
        <source>%1 stanzas are already waiting for the connection: this one was not queued</source>
        <translation>%1 Stanzas warten bereits auf die Verbindung: dieses wurde nicht eingereiht</translation>
    </message>
    <message>
        <source>the server stopped reading: %1 bytes xcm had sent never left (nothing moved for %2 s)</source>
        <translation>der Server liest nicht mehr: %1 Bytes, die xcm gesendet hatte, sind nie hinausgegangen (%2 s lang bewegte sich nichts)</translation>
    </message>
</context>
<context>
    <name>xcm::ComponentProxy</name>
    <message>
        <source>&apos;%1&apos; is not an IP address to listen on</source>
        <translation>&apos;%1&apos; ist keine IP-Adresse, auf der gelauscht werden kann</translation>
    </message>
    <message>
        <source>component %1 connected to the proxy</source>
        <translation>Komponente %1 hat sich mit dem Proxy verbunden</translation>
    </message>
    <message>
        <source>another component is already connected through this proxy</source>
        <translation>über diesen Proxy ist bereits eine andere Komponente verbunden</translation>
    </message>
    <message>
        <source>refused a second component from %1: one is already connected (conflict)</source>
        <translation>zweite Komponente von %1 abgewiesen: eine ist bereits verbunden (conflict)</translation>
    </message>
    <message>
        <source>this proxy stands in for %1 only, not for &apos;%2&apos;</source>
        <translation>dieser Proxy vertritt nur %1, nicht &apos;%2&apos;</translation>
    </message>
    <message>
        <source>the handshake does not match the secret the proxy expects from the component</source>
        <translation>der Handshake passt nicht zu dem Geheimnis, das der Proxy von der Komponente erwartet</translation>
    </message>
    <message>
        <source>relaying: component %1 ⇄ server %2</source>
        <translation>leite weiter: Komponente %1 ⇄ Server %2</translation>
    </message>
    <message>
        <source>the proxy&apos;s connection to the server ended: %1</source>
        <translation>die Verbindung des Proxys zum Server ist beendet: %1</translation>
    </message>
    <message>
        <source>component %1 left: %2</source>
        <translation>Komponente %1 ist gegangen: %2</translation>
    </message>
    <message>
        <source>no component is connected through the proxy</source>
        <translation>über den Proxy ist keine Komponente verbunden</translation>
    </message>
    <message>
        <source>dropped by rule %1</source>
        <translation>verworfen von Regel %1</translation>
    </message>
    <message>
        <source>delayed %1 ms by rule %2</source>
        <translation>um %1 ms verzögert von Regel %2</translation>
    </message>
    <message>
        <source>duplicated by rule %1</source>
        <translation>verdoppelt von Regel %1</translation>
    </message>
    <message>
        <source>held by rule %1</source>
        <translation>zurückgehalten von Regel %1</translation>
    </message>
    <message>
        <source>passed on: delayed %1 ms by rule %2</source>
        <translation>weitergegeben: um %1 ms verzögert von Regel %2</translation>
    </message>
    <message>
        <source>released: held %1 by rule %2</source>
        <translation>freigegeben: %1 zurückgehalten von Regel %2</translation>
    </message>
    <message>
        <source>discarded a stanza a fault rule held back</source>
        <translation>ein von einer Fehlerregel zurückgehaltenes Stanza verworfen</translation>
    </message>
    <message>
        <source>discarded %1 stanzas fault rules held back</source>
        <translation>%1 von Fehlerregeln zurückgehaltene Stanzas verworfen</translation>
    </message>
    <message>
        <source>cannot listen on %1: %2</source>
        <translation>kann nicht auf %1 lauschen: %2</translation>
    </message>
    <message>
        <source>component %1 was refused: %2</source>
        <translation>Komponente %1 wurde abgewiesen: %2</translation>
    </message>
    <message>
        <source>the component closed its stream with an error</source>
        <translation>die Komponente hat ihren Stream mit einem Fehler geschlossen</translation>
    </message>
    <message>
        <source>the component left</source>
        <translation>die Komponente ist gegangen</translation>
    </message>
    <message>
        <source>the component was refused</source>
        <translation>die Komponente wurde abgewiesen</translation>
    </message>
</context>
<context>
    <name>xcm::ComposeHistory</name>
    <message>
        <source>raw XML (%1)</source>
        <translation>rohes XML (%1)</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>Sent %1

%2</source>
        <translation>Gesendet %1

%2</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is not valid JSON: %2</source>
        <translation>%1 ist kein gültiges JSON: %2</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Sent %1 (%2)

%3…</source>
        <translation>Gesendet %1 (%2)

%3…</translation>
    </message>
</context>
<context>
    <name>xcm::ComposeWidget</name>
    <message>
        <source>(domain only)</source>
        <translation>(nur Domain)</translation>
    </message>
    <message>
        <source>user@example.org</source>
        <translation>name@example.org</translation>
    </message>
    <message>
        <source>The recipient&apos;s address (a JID)</source>
        <translation>Die Adresse des Empfängers (eine JID)</translation>
    </message>
    <message>
        <source>&lt;message from=&apos;bot@comp.example&apos; to=&apos;user@example.org&apos;&gt;…&lt;/message&gt;</source>
        <translation>&lt;message from=&apos;bot@comp.example&apos; to=&apos;name@example.org&apos;&gt;…&lt;/message&gt;</translation>
    </message>
    <message>
        <source>Stanza XML</source>
        <translation>Stanza-XML</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Senden</translation>
    </message>
    <message>
        <source>Send this stanza (Ctrl+Return)</source>
        <translation>Dieses Stanza senden (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>V&amp;on:</translation>
    </message>
    <message>
        <source>T&amp;o:</source>
        <translation>&amp;An:</translation>
    </message>
    <message>
        <source>Not a valid address: %1</source>
        <translation>Keine gültige Adresse: %1</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>nicht verbunden</translation>
    </message>
    <message>
        <source>✓ Valid (%1) — connect to send</source>
        <translation>✓ Gültig (%1) – zum Senden verbinden</translation>
    </message>
    <message>
        <source>✓ Ready to send (%1)</source>
        <translation>✓ Bereit zum Senden (%1)</translation>
    </message>
    <message>
        <source>Cannot send: %1</source>
        <translation>Senden nicht möglich: %1</translation>
    </message>
    <message>
        <source>✓ Sent: %1</source>
        <translation>✓ Gesendet: %1</translation>
    </message>
    <message>
        <source>✓ Resent: %1</source>
        <translation>✓ Erneut gesendet: %1</translation>
    </message>
    <message>
        <source>Template: start from one; the editor below shows exactly what will be sent</source>
        <translation>Vorlage: damit beginnen; der Editor darunter zeigt genau, was gesendet wird</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Vorlage</translation>
    </message>
    <message>
        <source>Enter the recipient&apos;s address in To.</source>
        <translation>Geben Sie bei „An“ die Adresse des Empfängers ein.</translation>
    </message>
    <message>
        <source>✓ Sent the waiting stanzas (%1) once connected</source>
        <translation>✓ Die wartenden Stanzas sind gesendet (%1), die Verbindung steht</translation>
    </message>
    <message>
        <source>Discarded the waiting stanzas (%1); they are in History.</source>
        <translation>Die wartenden Stanzas wurden verworfen (%1); sie stehen im Verlauf.</translation>
    </message>
    <message>
        <source>✗ Not sent: the connection ended, so the waiting stanzas were discarded (%1); they are in History.</source>
        <translation>✗ Nicht gesendet: Die Verbindung ist beendet, die wartenden Stanzas wurden verworfen (%1); sie stehen im Verlauf.</translation>
    </message>
    <message>
        <source>✓ Valid (%1) — Send queues it until the connection is up</source>
        <translation>✓ Gültig (%1) – „Senden“ stellt es zurück, bis die Verbindung steht</translation>
    </message>
    <message>
        <source>%1 stanzas are already waiting for the connection</source>
        <translation>%1 Stanzas warten bereits auf die Verbindung</translation>
    </message>
    <message>
        <source>Queued — %1 waiting for the connection</source>
        <translation>Zurückgestellt – in der Warteschlange für die Verbindung: %1</translation>
    </message>
    <message>
        <source>To the server (as the component)</source>
        <translation>An den Server (als die Komponente)</translation>
    </message>
    <message>
        <source>To the component (as the server)</source>
        <translation>An die Komponente (als der Server)</translation>
    </message>
    <message>
        <source>Inject the stanza into the proxied stream: towards the server as if your component had sent it, or towards your component as if the server had</source>
        <translation>Das Stanza in den weitergeleiteten Stream einschleusen: zum Server, als hätte Ihre Komponente es gesendet, oder zu Ihrer Komponente, als hätte der Server es gesendet</translation>
    </message>
    <message>
        <source>Inject</source>
        <translation>Einschleusen</translation>
    </message>
    <message>
        <source>Enter the sender&apos;s address in From.</source>
        <translation>Geben Sie bei „Von“ die Adresse des Absenders ein.</translation>
    </message>
    <message>
        <source>the proxy is not relaying</source>
        <translation>der Proxy leitet gerade nicht weiter</translation>
    </message>
    <message>
        <source>✓ Valid (%1) — can be injected while the component is connected through the proxy</source>
        <translation>✓ Gültig (%1) – einschleusbar, solange die Komponente über den Proxy verbunden ist</translation>
    </message>
    <message>
        <source>The local part of the sending address, and a resource after “/” if you want one; the domain is the component&apos;s</source>
        <translation>Der lokale Teil der Absenderadresse und, wenn gewünscht, eine Ressource nach „/“; die Domain ist die der Komponente</translation>
    </message>
    <message>
        <source>The local part of the component&apos;s address the stanza goes to, and a resource after “/” if you want one</source>
        <translation>Der lokale Teil der Adresse der Komponente, an die das Stanza geht, und, wenn gewünscht, eine Ressource nach „/“</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(leer)</translation>
    </message>
</context>
<context>
    <name>xcm::ConnectionBar</name>
    <message>
        <source>Edit this profile (F2)</source>
        <translation>Dieses Profil bearbeiten (F2)</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>Trennen</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <source>Reading the secret from the keychain…</source>
        <translation>Secret wird aus dem Schlüsselbund gelesen …</translation>
    </message>
    <message>
        <source>%1 · up %2</source>
        <translation>%1 · seit %2</translation>
    </message>
    <message>
        <source>%1 (attempt %2)</source>
        <translation>%1 (Versuch %2)</translation>
    </message>
    <message>
        <source>In %1 · %2    Out %3 · %4</source>
        <translation>Ein %1 · %2    Aus %3 · %4</translation>
    </message>
    <message>
        <source>%1 on %2:%3%4</source>
        <translation>%1 auf %2:%3%4</translation>
    </message>
    <message>
        <source> (TLS)</source>
        <translation> (TLS)</translation>
    </message>
    <message>
        <source>&amp;Disconnect</source>
        <translation>&amp;Trennen</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>&amp;Verbinden</translation>
    </message>
    <message>
        <source>Close the stream and stop retrying (Ctrl+Shift+C)</source>
        <translation>Den Stream schließen und keine weiteren Versuche (Strg+Umschalt+C)</translation>
    </message>
    <message>
        <source>Connect %1 to %2:%3 (Ctrl+Shift+C)</source>
        <translation>%1 mit %2:%3 verbinden (Strg+Umschalt+C)</translation>
    </message>
    <message>
        <source>Last disconnect: %1</source>
        <translation>Letzte Trennung: %1</translation>
    </message>
    <message>
        <source>— edit the profile (F2) to fix this.</source>
        <translation>– bearbeiten Sie das Profil (F2), um das zu beheben.</translation>
    </message>
    <message>
        <source>Stanzas and bytes on this connection
Received: %1 stanzas, %2
Sent: %3 stanzas, %4</source>
        <translation>Stanzas und Bytes auf dieser Verbindung
Empfangen: %1 Stanzas, %2
Gesendet: %3 Stanzas, %4</translation>
    </message>
    <message>
        <source>Stanzas sent while the connection was not up. They go out in order right after the handshake, or are discarded if the connection ends for good.</source>
        <translation>Stanzas, die gesendet wurden, als die Verbindung nicht stand. Sie gehen gleich nach dem Handshake der Reihe nach hinaus oder werden verworfen, wenn die Verbindung endgültig endet.</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <source>Drop the waiting stanzas without sending them (they stay in History)</source>
        <translation>Die wartenden Stanzas verwerfen, ohne sie zu senden (sie bleiben im Verlauf)</translation>
    </message>
    <message>
        <source>Not sent: the waiting stanzas (%1) were discarded when the connection ended; they are in History.</source>
        <translation>Nicht gesendet: Die wartenden Stanzas (%1) wurden beim Ende der Verbindung verworfen; sie stehen im Verlauf.</translation>
    </message>
    <message>
        <source>%1 waiting</source>
        <translation>%1 wartend</translation>
    </message>
    <message>
        <source>keepalive every %1 s</source>
        <translation>Keepalive alle %1 s</translation>
    </message>
    <message>
        <source>no keepalive</source>
        <translation>kein Keepalive</translation>
    </message>
    <message>
        <source>Stream %1 · %2</source>
        <translation>Stream %1 · %2</translation>
    </message>
    <message>
        <source>reconnects after %1–%2 s when the connection is lost</source>
        <translation>verbindet sich nach %1–%2 s neu, wenn die Verbindung abreißt</translation>
    </message>
    <message>
        <source>does not reconnect by itself</source>
        <translation>verbindet sich nicht von selbst neu</translation>
    </message>
    <message>
        <source>Not connected · %1 · %2</source>
        <translation>Nicht verbunden · %1 · %2</translation>
    </message>
    <message>
        <source>Requests waiting for your answer: select one in the log and press Ctrl+R (Reply…). At the profile&apos;s limit each gets service-unavailable, so nobody waits for ever.</source>
        <translation>Anfragen, die auf Ihre Antwort warten: eine im Protokoll wählen und Strg+R drücken (Beantworten…). Bei Erreichen der Frist des Profils erhält jede service-unavailable, damit niemand ewig wartet.</translation>
    </message>
    <message>
        <source>%1 awaiting your answer</source>
        <translation>%1 warten auf Ihre Antwort</translation>
    </message>
    <message>
        <source>Server stream %1 · the component&apos;s keepalive and reconnects are relayed, not made</source>
        <translation>Server-Stream %1 · Keepalive und Neuverbindungen der Komponente werden weitergeleitet, nicht selbst erzeugt</translation>
    </message>
    <message>
        <source>Configure your component to connect to %1 instead of %2</source>
        <translation>Stellen Sie Ihre Komponente so ein, dass sie sich mit %1 statt mit %2 verbindet</translation>
    </message>
    <message>
        <source>Not listening · Connect listens on %1 for the component and relays it to %2</source>
        <translation>Lauscht nicht · „Verbinden“ lauscht auf %1 auf die Komponente und leitet sie an %2 weiter</translation>
    </message>
    <message>
        <source>%1 · proxy on %2 for %3%4</source>
        <translation>%1 · Proxy auf %2 für %3%4</translation>
    </message>
    <message>
        <source>Stop listening and close the component&apos;s and the server&apos;s streams (Ctrl+Shift+C)</source>
        <translation>Nicht mehr lauschen und die Streams der Komponente und des Servers schließen (Strg+Umschalt+C)</translation>
    </message>
    <message>
        <source>Listen for the component on %1 and relay it to %2 (Ctrl+Shift+C)</source>
        <translation>Auf %1 auf die Komponente lauschen und sie an %2 weiterleiten (Strg+Umschalt+C)</translation>
    </message>
    <message>
        <source>Not listening: %1</source>
        <translation>Lauscht nicht: %1</translation>
    </message>
    <message>
        <source>Server leg, last disconnect: %1</source>
        <translation>Serverseite, letzte Trennung: %1</translation>
    </message>
    <message>
        <source>Timeline…</source>
        <translation>Zeitleiste …</translation>
    </message>
    <message>
        <source>Every connection attempt with its steps, times and reasons (Ctrl+Shift+T)</source>
        <translation>Jeder Verbindungsversuch mit seinen Schritten, Zeiten und Gründen (Strg+Umschalt+T)</translation>
    </message>
    <message>
        <source>Recording</source>
        <translation>Aufzeichnung</translation>
    </message>
    <message>
        <source>Every stanza is written to %1 (click to open the folder)</source>
        <translation>Jedes Stanza wird nach %1 geschrieben (Klick öffnet den Ordner)</translation>
    </message>
    <message>
        <source>Recording stopped</source>
        <translation>Aufzeichnung beendet</translation>
    </message>
    <message>
        <source>Recording stopped: %1</source>
        <translation>Aufzeichnung beendet: %1</translation>
    </message>
</context>
<context>
    <name>xcm::ConnectionState</name>
    <message>
        <source>Disconnected</source>
        <translation>Getrennt</translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>Verbinden …</translation>
    </message>
    <message>
        <source>Opening stream</source>
        <translation>Stream öffnen …</translation>
    </message>
    <message>
        <source>Authenticating</source>
        <translation>Authentifizierung …</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Verbunden</translation>
    </message>
    <message>
        <source>Disconnecting</source>
        <translation>Trennen …</translation>
    </message>
</context>
<context>
    <name>xcm::ConnectionTimeline</name>
    <message>
        <source>stream id %1</source>
        <translation>Stream-ID %1</translation>
    </message>
    <message>
        <source>attempt %1 in %2</source>
        <translation>Versuch %1 in %2</translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <source>TCP/TLS up</source>
        <translation>TCP/TLS steht</translation>
    </message>
    <message>
        <source>Stream header received</source>
        <translation>Stream-Header empfangen</translation>
    </message>
    <message>
        <source>Handshake accepted</source>
        <translation>Handshake angenommen</translation>
    </message>
    <message>
        <source>Disconnecting</source>
        <translation>Trennen</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>Getrennt</translation>
    </message>
    <message>
        <source>Reconnect scheduled</source>
        <translation>Neuverbindung geplant</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Attempt</source>
        <translation>Versuch</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
</context>
<context>
    <name>xcm::DisconnectReason</name>
    <message>
        <source>the server sent data xcm refuses, so xcm closed the stream</source>
        <translation>der Server hat Daten gesendet, die xcm ablehnt, daher hat xcm den Stream geschlossen</translation>
    </message>
    <message>
        <source>the server rejected the shared secret — check component_secret for %1 (on ejabberd this also means the component name is unknown)</source>
        <translation>der Server hat das Shared Secret abgelehnt – prüfen Sie component_secret für %1 (bei ejabberd heißt das auch, dass der Komponentenname unbekannt ist)</translation>
    </message>
    <message>
        <source>another connection for %1 is already active (or the server has not noticed the old one is gone yet)</source>
        <translation>eine andere Verbindung für %1 ist bereits aktiv (oder der Server hat noch nicht bemerkt, dass die alte weg ist)</translation>
    </message>
    <message>
        <source>a stanza lacked a &apos;to&apos; or &apos;from&apos; address the server accepts</source>
        <translation>einem Stanza fehlte eine &apos;to&apos;- oder &apos;from&apos;-Adresse, die der Server akzeptiert</translation>
    </message>
    <message>
        <source>a stanza&apos;s &apos;from&apos; is not on the component domain %1</source>
        <translation>das &apos;from&apos; eines Stanzas liegt nicht in der Komponentendomain %1</translation>
    </message>
    <message>
        <source>the server could not parse what was sent (Prosody also says this for a stanza over its 512 KiB component limit)</source>
        <translation>der Server konnte das Gesendete nicht parsen (Prosody meldet das auch bei einem Stanza über seiner Komponentengrenze von 512 KiB)</translation>
    </message>
    <message>
        <source>the server&apos;s policy refused the traffic (often a size or rate limit)</source>
        <translation>die Richtlinien des Servers haben den Verkehr abgelehnt (oft eine Größen- oder Ratenbegrenzung)</translation>
    </message>
    <message>
        <source>the server is shutting down</source>
        <translation>der Server wird heruntergefahren</translation>
    </message>
    <message>
        <source>the server closed the idle stream; lower the keepalive interval</source>
        <translation>der Server hat den untätigen Stream geschlossen; verkürzen Sie das Keepalive-Intervall</translation>
    </message>
    <message>
        <source>the server redirects this component to another host</source>
        <translation>der Server leitet diese Komponente auf einen anderen Host um</translation>
    </message>
    <message>
        <source>the server reset the stream (a configuration reload, often)</source>
        <translation>der Server hat den Stream zurückgesetzt (oft wegen neu geladener Konfiguration)</translation>
    </message>
    <message>
        <source>the server refused the XML sent to it</source>
        <translation>der Server hat das an ihn gesendete XML abgelehnt</translation>
    </message>
    <message>
        <source>the server failed internally; see its log</source>
        <translation>interner Fehler im Server; siehe sein Protokoll</translation>
    </message>
    <message>
        <source>the server closed the stream with an error</source>
        <translation>der Server hat den Stream mit einem Fehler geschlossen</translation>
    </message>
    <message>
        <source>server said: %1</source>
        <translation>Server meldet: %1</translation>
    </message>
    <message>
        <source>the server rejected the shared secret — check component_secret for %1</source>
        <translation>der Server hat das Shared Secret abgelehnt – prüfen Sie component_secret für %1</translation>
    </message>
    <message>
        <source>no server host is set</source>
        <translation>kein Server-Host eingestellt</translation>
    </message>
    <message>
        <source>no server port is set</source>
        <translation>kein Server-Port eingestellt</translation>
    </message>
    <message>
        <source>the component domain is not valid: %1</source>
        <translation>die Komponentendomain ist ungültig: %1</translation>
    </message>
    <message>
        <source>no shared secret is set</source>
        <translation>kein Shared Secret eingestellt</translation>
    </message>
    <message>
        <source>the server closed the connection</source>
        <translation>der Server hat die Verbindung geschlossen</translation>
    </message>
    <message>
        <source>the server closed the connection before sending its stream header — is this the component port, and does it expect direct TLS?</source>
        <translation>der Server hat die Verbindung geschlossen, bevor er seinen Stream-Header gesendet hat – ist das der Komponenten-Port, und erwartet er direktes TLS?</translation>
    </message>
    <message>
        <source>the server closed the connection during the handshake</source>
        <translation>der Server hat die Verbindung während des Handshakes geschlossen</translation>
    </message>
    <message>
        <source>the server closed the connection in the middle of a stanza (%1 bytes of it received)</source>
        <translation>der Server hat die Verbindung mitten in einem Stanza geschlossen (%1 Bytes davon empfangen)</translation>
    </message>
    <message>
        <source>nothing accepts connections on %1 — is the server running, and is its component port open on that address?</source>
        <translation>auf %1 nimmt niemand Verbindungen an – läuft der Server, und ist sein Komponenten-Port auf dieser Adresse offen?</translation>
    </message>
    <message>
        <source>the host name %1 could not be resolved</source>
        <translation>der Hostname %1 konnte nicht aufgelöst werden</translation>
    </message>
    <message>
        <source>the connection to %1 timed out</source>
        <translation>bei der Verbindung zu %1 ist eine Zeitüberschreitung aufgetreten</translation>
    </message>
    <message>
        <source>the network to %1 failed</source>
        <translation>das Netzwerk zu %1 ist ausgefallen</translation>
    </message>
    <message>
        <source>the TLS handshake with %1 failed — does this port speak direct TLS?</source>
        <translation>der TLS-Handshake mit %1 ist fehlgeschlagen – spricht dieser Port direktes TLS?</translation>
    </message>
    <message>
        <source>the connection to %1 failed</source>
        <translation>die Verbindung zu %1 ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>the server&apos;s TLS certificate is not trusted — install its CA, or allow invalid certificates for a development server</source>
        <translation>dem TLS-Zertifikat des Servers wird nicht vertraut – installieren Sie seine CA oder erlauben Sie ungültige Zertifikate für einen Entwicklungsserver</translation>
    </message>
    <message>
        <source>the server&apos;s TLS certificate is for %1, not %2 — set the TLS server name to the name the certificate carries</source>
        <translation>das TLS-Zertifikat des Servers gilt für %1, nicht für %2 – als TLS-Servername den Namen eintragen, den das Zertifikat trägt</translation>
    </message>
    <message>
        <source>no name</source>
        <translation>keinen Namen</translation>
    </message>
    <message>
        <source>the server has no external component named %1 — check the Component entry in its configuration and the domain xcm connects as</source>
        <translation>der Server kennt keine externe Komponente namens %1 – prüfen Sie den Component-Eintrag in seiner Konfiguration und die Domain, als die xcm sich verbindet</translation>
    </message>
</context>
<context>
    <name>xcm::DurationText</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>&lt; 1 ms</source>
        <translation>&lt; 1 ms</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
</context>
<context>
    <name>xcm::ElidedLabel</name>
    <message>
        <source>&amp;Copy Text</source>
        <translation>Text &amp;kopieren</translation>
    </message>
</context>
<context>
    <name>xcm::ExchangeActions</name>
    <message>
        <source>&amp;Go to Answer or Request</source>
        <translation>Zu Antwort oder Anfrage &amp;gehen</translation>
    </message>
    <message>
        <source>From an iq request to its answer, and back (Ctrl+J)</source>
        <translation>Von einer IQ-Anfrage zu ihrer Antwort und zurück (Strg+J)</translation>
    </message>
    <message>
        <source>&amp;Reply…</source>
        <translation>&amp;Beantworten …</translation>
    </message>
    <message>
        <source>Answer the selected received request from the compose form (Ctrl+R)</source>
        <translation>Die gewählte empfangene Anfrage im Verfassen-Formular beantworten (Strg+R)</translation>
    </message>
    <message>
        <source>This stanza is not part of a request and its answer</source>
        <translation>Diese Stanza gehört zu keiner Anfrage mit Antwort</translation>
    </message>
    <message>
        <source>No answer to pair with yet</source>
        <translation>Noch keine passende Antwort</translation>
    </message>
    <message>
        <source>#%1 is no longer in the log (cleared, or dropped by its size limit)</source>
        <translation>#%1 ist nicht mehr im Protokoll (geleert oder wegen der Größengrenze verworfen)</translation>
    </message>
    <message>
        <source>#%1 is hidden by the filters</source>
        <translation>#%1 ist durch die Filter ausgeblendet</translation>
    </message>
    <message>
        <source>Its request, #%1</source>
        <translation>Ihre Anfrage, #%1</translation>
    </message>
    <message>
        <source>Its answer, #%1</source>
        <translation>Ihre Antwort, #%1</translation>
    </message>
    <message>
        <source>This request has an answer already (%1): sending the reply answers it a second time</source>
        <translation>Diese Anfrage hat schon eine Antwort (%1): die Antwort zu senden beantwortet sie ein zweites Mal</translation>
    </message>
</context>
<context>
    <name>xcm::ExpressionCompiler</name>
    <message>
        <source>unknown field &apos;%1&apos; (did you mean &apos;%2&apos;?)</source>
        <translation>unbekanntes Feld &apos;%1&apos; (war &apos;%2&apos; gemeint?)</translation>
    </message>
    <message>
        <source>unknown field &apos;%1&apos; (fields: %2)</source>
        <translation>unbekanntes Feld &apos;%1&apos; (Felder: %2)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; needs a comparison, e.g. %2</source>
        <translation>&apos;%1&apos; braucht einen Vergleich, z. B. %2</translation>
    </message>
    <message>
        <source>&apos;%1&apos; can only be compared with == or !=</source>
        <translation>&apos;%1&apos; lässt sich nur mit == oder != vergleichen</translation>
    </message>
    <message>
        <source>dir is in or out, not &apos;%1&apos;</source>
        <translation>dir ist in oder out, nicht &apos;%1&apos;</translation>
    </message>
    <message>
        <source>kind is message, presence, iq, stream or other, not &apos;%1&apos;</source>
        <translation>kind ist message, presence, iq, stream oder other, nicht &apos;%1&apos;</translation>
    </message>
    <message>
        <source>auto is true or false, not &apos;%1&apos;</source>
        <translation>auto ist true oder false, nicht &apos;%1&apos;</translation>
    </message>
    <message>
        <source>size is a number: compare it with ==, !=, &lt;, &lt;=, &gt; or &gt;=</source>
        <translation>size ist eine Zahl: mit ==, !=, &lt;, &lt;=, &gt; oder &gt;= vergleichen</translation>
    </message>
    <message>
        <source>expected a number of bytes after %1, not &apos;%2&apos;</source>
        <translation>nach %1 wird eine Anzahl Bytes erwartet, nicht &apos;%2&apos;</translation>
    </message>
    <message>
        <source>&apos;%1&apos; compares numbers: only size can be used with it</source>
        <translation>&apos;%1&apos; vergleicht Zahlen: nur size lässt sich damit vergleichen</translation>
    </message>
</context>
<context>
    <name>xcm::ExpressionFields</name>
    <message>
        <source>direction: in (received) or out (sent)</source>
        <translation>Richtung: in (empfangen) oder out (gesendet)</translation>
    </message>
    <message>
        <source>message, presence, iq, stream or other</source>
        <translation>message, presence, iq, stream oder other</translation>
    </message>
    <message>
        <source>the type attribute: chat, get, result, error, unavailable…</source>
        <translation>das Attribut type: chat, get, result, error, unavailable…</translation>
    </message>
    <message>
        <source>the sender&apos;s address as written (local part and domain ignore case)</source>
        <translation>die Adresse des Absenders, wie geschrieben (Localpart und Domain ohne Groß-/Kleinschreibung)</translation>
    </message>
    <message>
        <source>the sender without the resource: user@example.org</source>
        <translation>der Absender ohne Ressource: user@example.org</translation>
    </message>
    <message>
        <source>the sender&apos;s domain</source>
        <translation>die Domain des Absenders</translation>
    </message>
    <message>
        <source>the sender&apos;s local part (before @)</source>
        <translation>der Localpart des Absenders (vor @)</translation>
    </message>
    <message>
        <source>the sender&apos;s resource (after /)</source>
        <translation>die Ressource des Absenders (nach /)</translation>
    </message>
    <message>
        <source>the recipient&apos;s address as written (local part and domain ignore case)</source>
        <translation>die Adresse des Empfängers, wie geschrieben (Localpart und Domain ohne Groß-/Kleinschreibung)</translation>
    </message>
    <message>
        <source>the recipient without the resource</source>
        <translation>der Empfänger ohne Ressource</translation>
    </message>
    <message>
        <source>the recipient&apos;s domain</source>
        <translation>die Domain des Empfängers</translation>
    </message>
    <message>
        <source>the recipient&apos;s local part (before @)</source>
        <translation>der Localpart des Empfängers (vor @)</translation>
    </message>
    <message>
        <source>the recipient&apos;s resource (after /)</source>
        <translation>die Ressource des Empfängers (nach /)</translation>
    </message>
    <message>
        <source>the id attribute</source>
        <translation>das Attribut id</translation>
    </message>
    <message>
        <source>the text of the message&apos;s &lt;body/&gt;</source>
        <translation>der Text des &lt;body/&gt; der Nachricht</translation>
    </message>
    <message>
        <source>the namespace of any element inside the stanza</source>
        <translation>der Namensraum eines beliebigen Elements im Stanza</translation>
    </message>
    <message>
        <source>the error condition, e.g. item-not-found</source>
        <translation>die Fehlerbedingung, z. B. item-not-found</translation>
    </message>
    <message>
        <source>bytes on the wire (compare with &lt;, &lt;=, &gt;, &gt;=)</source>
        <translation>Bytes auf der Leitung (vergleichen mit &lt;, &lt;=, &gt;, &gt;=)</translation>
    </message>
    <message>
        <source>sent by xcm automatically (an automatic answer or a rule&apos;s reply)</source>
        <translation>von xcm selbsttätig gesendet (eine automatische Antwort oder die Antwort einer Regel)</translation>
    </message>
    <message>
        <source>a child element or attribute: has(query), has(query@node == &apos;x&apos;), has(query/item@jid)</source>
        <translation>ein Kindelement oder Attribut: has(query), has(query@node == &apos;x&apos;), has(query/item@jid)</translation>
    </message>
</context>
<context>
    <name>xcm::ExpressionLexer</name>
    <message>
        <source>the string is not closed (a %1 is missing)</source>
        <translation>die Zeichenkette ist nicht geschlossen (es fehlt ein %1)</translation>
    </message>
    <message>
        <source>&apos;=&apos; is not an operator: write &apos;==&apos;</source>
        <translation>&apos;=&apos; ist kein Operator: &apos;==&apos; schreiben</translation>
    </message>
    <message>
        <source>&apos;&amp;&apos; is not an operator: write &apos;&amp;&amp;&apos; or &apos;and&apos;</source>
        <translation>&apos;&amp;&apos; ist kein Operator: &apos;&amp;&amp;&apos; oder &apos;and&apos; schreiben</translation>
    </message>
    <message>
        <source>&apos;|&apos; is not an operator: write &apos;||&apos; or &apos;or&apos;</source>
        <translation>&apos;|&apos; ist kein Operator: &apos;||&apos; oder &apos;or&apos; schreiben</translation>
    </message>
    <message>
        <source>unexpected character &apos;%1&apos; (quote values that are not simple words)</source>
        <translation>unerwartetes Zeichen &apos;%1&apos; (Werte, die keine einfachen Wörter sind, in Anführungszeichen setzen)</translation>
    </message>
</context>
<context>
    <name>xcm::ExpressionParser</name>
    <message>
        <source>&apos;)&apos; has no matching &apos;(&apos;</source>
        <translation>zu &apos;)&apos; gibt es keine &apos;(&apos;</translation>
    </message>
    <message>
        <source>expected &apos;and&apos;, &apos;or&apos; or the end of the expression</source>
        <translation>&apos;and&apos;, &apos;or&apos; oder das Ende des Ausdrucks erwartet</translation>
    </message>
    <message>
        <source>expected &apos;and&apos;, &apos;or&apos; or &apos;)&apos; to close the &apos;(&apos; at %1:%2</source>
        <translation>&apos;and&apos;, &apos;or&apos; oder &apos;)&apos; zur &apos;(&apos; bei %1:%2 erwartet</translation>
    </message>
    <message>
        <source>expected &apos;(&apos; after &apos;has&apos;</source>
        <translation>nach &apos;has&apos; wird &apos;(&apos; erwartet</translation>
    </message>
    <message>
        <source>expected an element name after &apos;has(&apos;</source>
        <translation>nach &apos;has(&apos; wird ein Elementname erwartet</translation>
    </message>
    <message>
        <source>expected an element name after &apos;/&apos;</source>
        <translation>nach &apos;/&apos; wird ein Elementname erwartet</translation>
    </message>
    <message>
        <source>expected an attribute name after &apos;@&apos;</source>
        <translation>nach &apos;@&apos; wird ein Attributname erwartet</translation>
    </message>
    <message>
        <source>expected an operator or &apos;)&apos; after &apos;%1&apos;</source>
        <translation>nach &apos;%1&apos; wird ein Operator oder &apos;)&apos; erwartet</translation>
    </message>
    <message>
        <source>expected &apos;)&apos; to close the &apos;has(&apos; at %1:%2</source>
        <translation>&apos;)&apos; zu &apos;has(&apos; bei %1:%2 erwartet</translation>
    </message>
    <message>
        <source>expected an operator after %1 (==, !=, ~, contains, startswith, &lt;, &lt;=, &gt;, &gt;=)</source>
        <translation>nach %1 wird ein Operator erwartet (==, !=, ~, contains, startswith, &lt;, &lt;=, &gt;, &gt;=)</translation>
    </message>
    <message>
        <source>expected a value after %1</source>
        <translation>nach %1 wird ein Wert erwartet</translation>
    </message>
    <message>
        <source>expected a field, has(…), &apos;not&apos; or &apos;(&apos;</source>
        <translation>ein Feld, has(…), &apos;not&apos; oder &apos;(&apos; erwartet</translation>
    </message>
    <message>
        <source>expected a field, has(…), &apos;not&apos; or &apos;(&apos; after %1</source>
        <translation>ein Feld, has(…), &apos;not&apos; oder &apos;(&apos; nach %1 erwartet</translation>
    </message>
</context>
<context>
    <name>xcm::ExpressionProgram</name>
    <message>
        <source>the regular expression needs too much backtracking: it gave up on %1 stanzas and is no longer tried (simplify it)</source>
        <translation>der reguläre Ausdruck braucht zu viel Backtracking: er hat bei %1 Stanzas aufgegeben und wird nicht mehr versucht (bitte vereinfachen)</translation>
    </message>
    <message>
        <source>the regular expression gave up (too much backtracking) on stanzas that count as not matching: %1 so far</source>
        <translation>der reguläre Ausdruck hat (zu viel Backtracking) bei Stanzas aufgegeben, die als nicht passend gelten: bisher %1</translation>
    </message>
</context>
<context>
    <name>xcm::FaultInjector</name>
    <message>
        <source>paused: %1 stanzas are held already</source>
        <translation>pausiert: %1 Stanzas werden schon zurückgehalten</translation>
    </message>
    <message>
        <source>paused: acted more than %1 times within a second (a loop?)</source>
        <translation>pausiert: mehr als %1 Eingriffe innerhalb einer Sekunde (eine Schleife?)</translation>
    </message>
</context>
<context>
    <name>xcm::HistoryPane</name>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>Put the selected stanza in the editor</source>
        <translation>Das ausgewählte Stanza in den Editor übernehmen</translation>
    </message>
    <message>
        <source>&amp;Resend</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>Ver&amp;lauf</translation>
    </message>
    <message>
        <source>&amp;Edit in the Editor</source>
        <translation>Im Editor &amp;bearbeiten</translation>
    </message>
    <message>
        <source>Re&amp;move from History</source>
        <translation>Aus dem Verlauf ent&amp;fernen</translation>
    </message>
    <message>
        <source>Send the selected stanza again as it was (a request gets a fresh id)</source>
        <translation>Das ausgewählte Stanza erneut so senden, wie es war (eine Anfrage bekommt eine neue id)</translation>
    </message>
</context>
<context>
    <name>xcm::HistoryView</name>
    <message>
        <source>Stanzas you send appear here, to edit or send again.</source>
        <translation>Hier erscheinen die gesendeten Stanzas, zum Bearbeiten oder erneuten Senden.</translation>
    </message>
</context>
<context>
    <name>xcm::HostName</name>
    <message>
        <source>the host name is empty</source>
        <translation>der Hostname ist leer</translation>
    </message>
    <message>
        <source>a host name cannot contain a space or control character</source>
        <translation>ein Hostname darf kein Leer- oder Steuerzeichen enthalten</translation>
    </message>
    <message>
        <source>“%1” is not a valid host name</source>
        <translation>„%1“ ist kein gültiger Hostname</translation>
    </message>
    <message>
        <source>the host name is longer than 253 characters</source>
        <translation>der Hostname ist länger als 253 Zeichen</translation>
    </message>
    <message>
        <source>the host name has an empty label (two dots, or a dot at the start)</source>
        <translation>der Hostname hat einen leeren Teil (zwei Punkte oder ein Punkt am Anfang)</translation>
    </message>
    <message>
        <source>a part of the host name is longer than 63 characters</source>
        <translation>ein Teil des Hostnamens ist länger als 63 Zeichen</translation>
    </message>
    <message>
        <source>“%1” is not allowed in a host name</source>
        <translation>„%1“ ist in einem Hostnamen nicht erlaubt</translation>
    </message>
    <message>
        <source>a part of the host name starts or ends with “-”</source>
        <translation>ein Teil des Hostnamens beginnt oder endet mit „-“</translation>
    </message>
    <message>
        <source>“%1” looks like a port: give it on its own</source>
        <translation>„%1“ sieht nach einem Port aus: geben Sie ihn getrennt an</translation>
    </message>
</context>
<context>
    <name>xcm::IncomingComponentStream</name>
    <message>
        <source>the component closed the stream</source>
        <translation>die Komponente hat den Stream geschlossen</translation>
    </message>
    <message>
        <source>the component dropped the connection in the middle of a stanza (%1 bytes received)</source>
        <translation>die Komponente hat die Verbindung mitten in einer Stanza abgebrochen (%1 Bytes empfangen)</translation>
    </message>
    <message>
        <source>the component dropped the connection without closing the stream</source>
        <translation>die Komponente hat die Verbindung abgebrochen, ohne den Stream zu schließen</translation>
    </message>
    <message>
        <source>the component did not complete its stream header and handshake within %1 s</source>
        <translation>die Komponente hat Stream-Kopf und Handshake nicht innerhalb von %1 s abgeschlossen</translation>
    </message>
    <message>
        <source>the component sent &lt;%1/&gt; before its handshake</source>
        <translation>die Komponente hat &lt;%1/&gt; vor ihrem Handshake gesendet</translation>
    </message>
    <message>
        <source>the component sent &lt;%1/&gt; before its handshake was accepted</source>
        <translation>die Komponente hat &lt;%1/&gt; gesendet, bevor ihr Handshake angenommen war</translation>
    </message>
    <message>
        <source>the proxy closed the stream</source>
        <translation>der Proxy hat den Stream geschlossen</translation>
    </message>
    <message>
        <source>the server&apos;s stream error, passed on: %1</source>
        <translation>der Stream-Fehler des Servers, weitergegeben: %1</translation>
    </message>
</context>
<context>
    <name>xcm::Jid</name>
    <message>
        <source>the domain is empty</source>
        <translation>die Domain ist leer</translation>
    </message>
    <message>
        <source>the domain is longer than 1023 bytes</source>
        <translation>die Domain ist länger als 1023 Bytes</translation>
    </message>
    <message>
        <source>the domain contains a space or control character</source>
        <translation>die Domain enthält ein Leer- oder Steuerzeichen</translation>
    </message>
    <message>
        <source>the domain contains &apos;%1&apos;</source>
        <translation>die Domain enthält &apos;%1&apos;</translation>
    </message>
    <message>
        <source>the domain has an empty label</source>
        <translation>die Domain hat ein leeres Label</translation>
    </message>
    <message>
        <source>the address is empty</source>
        <translation>die Adresse ist leer</translation>
    </message>
    <message>
        <source>the part before &apos;@&apos; is empty</source>
        <translation>der Teil vor &apos;@&apos; ist leer</translation>
    </message>
    <message>
        <source>the local part is longer than 1023 bytes</source>
        <translation>der lokale Teil ist länger als 1023 Bytes</translation>
    </message>
    <message>
        <source>the local part contains a space or control character</source>
        <translation>der lokale Teil enthält ein Leer- oder Steuerzeichen</translation>
    </message>
    <message>
        <source>the local part contains &apos;%1&apos;, which is not allowed there</source>
        <translation>der lokale Teil enthält &apos;%1&apos;, was dort nicht erlaubt ist</translation>
    </message>
    <message>
        <source>the part after &apos;/&apos; is empty</source>
        <translation>der Teil nach &apos;/&apos; ist leer</translation>
    </message>
    <message>
        <source>the resource is longer than 1023 bytes</source>
        <translation>die Ressource ist länger als 1023 Bytes</translation>
    </message>
    <message>
        <source>the resource contains a control character</source>
        <translation>die Ressource enthält ein Steuerzeichen</translation>
    </message>
</context>
<context>
    <name>xcm::KeychainBanner</name>
    <message>
        <source>Hide this message</source>
        <translation>Diese Meldung ausblenden</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Erneut versuchen</translation>
    </message>
    <message>
        <source>Ask the keychain again: store the secrets kept in memory, read the ones it could not give</source>
        <translation>Den Schlüsselbund erneut fragen: die im Speicher gehaltenen Secrets ablegen, die nicht lesbaren erneut lesen</translation>
    </message>
    <message>
        <source>&lt;b&gt;No keychain is available&lt;/b&gt; (%1). Secrets you enter are kept in memory until xcm quits and are not saved anywhere: enter them again next time, or start a Secret Service (such as GNOME Keyring or KWallet), then Retry.</source>
        <translation>&lt;b&gt;Kein Schlüsselbund verfügbar&lt;/b&gt; (%1). Eingegebene Secrets bleiben im Speicher, bis xcm beendet wird, und werden nirgends gespeichert: geben Sie sie beim nächsten Mal erneut ein, oder starten Sie einen Secret Service (etwa GNOME Keyring oder KWallet) und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>“%1”</source>
        <translation>„%1“</translation>
    </message>
    <message>
        <source>The secret of %1 is only in memory: at the next start xcm will ask for it.</source>
        <translation>Das Secret von %1 liegt nur im Speicher: beim nächsten Start fragt xcm danach.</translation>
    </message>
    <message>
        <source>The secrets of %1 are only in memory: at the next start xcm will ask for them.</source>
        <translation>Die Secrets von %1 liegen nur im Speicher: beim nächsten Start fragt xcm danach.</translation>
    </message>
    <message>
        <source>The secret of %1 could not be read from the keychain: unlock it and Retry, or Connect to enter the secret.</source>
        <translation>Das Secret von %1 konnte nicht aus dem Schlüsselbund gelesen werden: entsperren Sie ihn und versuchen Sie es erneut, oder geben Sie das Secret beim Verbinden ein.</translation>
    </message>
    <message>
        <source>The secrets of %1 could not be read from the keychain: unlock it and Retry, or Connect to enter them.</source>
        <translation>Die Secrets von %1 konnten nicht aus dem Schlüsselbund gelesen werden: entsperren Sie ihn und versuchen Sie es erneut, oder geben Sie sie beim Verbinden ein.</translation>
    </message>
</context>
<context>
    <name>xcm::LogExportActions</name>
    <message>
        <source>E&amp;xport All…</source>
        <translation>Alles e&amp;xportieren …</translation>
    </message>
    <message>
        <source>Export All…</source>
        <translation>Export …</translation>
    </message>
    <message>
        <source>Save the whole log as an XML log or JSON Lines (Ctrl+E); the handshake digest is never written</source>
        <translation>Das ganze Protokoll als XML-Protokoll oder JSON Lines speichern (Strg+E); der Handshake-Digest wird nie geschrieben</translation>
    </message>
    <message>
        <source>Export &amp;Shown…</source>
        <translation>Ange&amp;zeigte exportieren …</translation>
    </message>
    <message>
        <source>Export Shown…</source>
        <translation>Angezeigte exportieren …</translation>
    </message>
    <message>
        <source>Save only the stanzas the filters show (Ctrl+Shift+E)</source>
        <translation>Nur die Stanzas speichern, die die Filter zeigen (Strg+Umschalt+E)</translation>
    </message>
    <message>
        <source>there is no log</source>
        <translation>es gibt kein Protokoll</translation>
    </message>
    <message>
        <source>an export to %1 is still being written</source>
        <translation>ein Export nach %1 wird noch geschrieben</translation>
    </message>
    <message>
        <source>Exporting %1 stanzas to %2…</source>
        <translation>%1 Stanzas werden nach %2 exportiert …</translation>
    </message>
    <message>
        <source>Exporting %1 stanzas to %2… %3 %</source>
        <translation>%1 Stanzas werden nach %2 exportiert … %3 %</translation>
    </message>
    <message>
        <source>Exported 1 stanza to %1</source>
        <translation>1 Stanza nach %1 exportiert</translation>
    </message>
    <message>
        <source>Exported %1 stanzas to %2</source>
        <translation>%1 Stanzas nach %2 exportiert</translation>
    </message>
    <message>
        <source>Could not export to %1: %2</source>
        <translation>Export nach %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Export Shown Stanzas</source>
        <translation>Angezeigte Stanzas exportieren</translation>
    </message>
    <message>
        <source>Export Stanza Log</source>
        <translation>Stanza-Protokoll exportieren</translation>
    </message>
    <message>
        <source>XML log, a stanza a line (*.log)</source>
        <translation>XML-Protokoll, ein Stanza je Zeile (*.log)</translation>
    </message>
    <message>
        <source>JSON Lines, the exact bytes (*.jsonl)</source>
        <translation>JSON Lines, die genauen Bytes (*.jsonl)</translation>
    </message>
</context>
<context>
    <name>xcm::LogFilterBar</name>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Suchen …</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Search the log (Ctrl+F)</source>
        <translation>Das Protokoll durchsuchen (Strg+F)</translation>
    </message>
    <message>
        <source>Find &amp;Next</source>
        <translation>&amp;Weitersuchen</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <source>Next match (F3)</source>
        <translation>Nächster Treffer (F3)</translation>
    </message>
    <message>
        <source>Find Pre&amp;vious</source>
        <translation>&amp;Rückwärts suchen</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Previous match (Shift+F3)</source>
        <translation>Vorheriger Treffer (Umschalt+F3)</translation>
    </message>
    <message>
        <source>&amp;Errors Only</source>
        <translation>Nur &amp;Fehler</translation>
    </message>
    <message>
        <source>Errors only</source>
        <translation>Nur Fehler</translation>
    </message>
    <message>
        <source>Show only stream errors and stanzas of type &apos;error&apos;</source>
        <translation>Nur Stream-Fehler und Stanzas vom Typ &apos;error&apos; anzeigen</translation>
    </message>
    <message>
        <source>&amp;Unanswered Requests Only</source>
        <translation>Nur &amp;unbeantwortete Anfragen</translation>
    </message>
    <message>
        <source>Unanswered</source>
        <translation>Unbeantwortet</translation>
    </message>
    <message>
        <source>Show only iq requests still waiting, timed out or never answered (Ctrl+Shift+U)</source>
        <translation>Nur IQ-Anfragen zeigen, die noch warten, abgelaufen oder nie beantwortet sind (Strg+Umschalt+U)</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>On: show only the stanzas that contain the search text.
Off: show all, highlight the matches, and step through them with F3 / Shift+F3.</source>
        <translation>An: nur die Stanzas anzeigen, die den Suchtext enthalten.
Aus: alle anzeigen, Treffer hervorheben und mit F3 / Umschalt+F3 durch sie gehen.</translation>
    </message>
    <message>
        <source>Show both directions, or only what was received or sent</source>
        <translation>Beide Richtungen zeigen oder nur Empfangenes bzw. Gesendetes</translation>
    </message>
    <message>
        <source>↓↑ Both</source>
        <translation>↓↑ Beide</translation>
    </message>
    <message>
        <source>↓ Received</source>
        <translation>↓ Empfangen</translation>
    </message>
    <message>
        <source>↑ Sent</source>
        <translation>↑ Gesendet</translation>
    </message>
    <message>
        <source>&amp;Kinds</source>
        <translation>&amp;Arten</translation>
    </message>
    <message>
        <source>Show All Kinds</source>
        <translation>Alle Arten zeigen</translation>
    </message>
    <message>
        <source>Which kinds of stanza to show</source>
        <translation>Welche Arten von Stanzas angezeigt werden</translation>
    </message>
    <message>
        <source>Search JIDs, ids, content (Ctrl+F)</source>
        <translation>JID, ID, Inhalt suchen (Strg+F)</translation>
    </message>
    <message>
        <source>Case-insensitive text anywhere in the stanza: JIDs, ids, namespaces, body.
Enter: next match, F3 / Shift+F3: next / previous</source>
        <translation>Text irgendwo im Stanza, ohne Beachtung der Groß-/Kleinschreibung: JIDs, IDs, Namensräume, Text.
Eingabe: nächster Treffer, F3 / Umschalt+F3: nächster / vorheriger</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>Alle Arten</translation>
    </message>
    <message>
        <source>No kinds</source>
        <translation>Keine Arten</translation>
    </message>
    <message>
        <source>%1 kinds</source>
        <translation>%1 Arten</translation>
    </message>
    <message>
        <source>No stanza shown contains “%1”</source>
        <translation>Kein angezeigtes Stanza enthält „%1“</translation>
    </message>
    <message>
        <source>Expression F&amp;ilter</source>
        <translation>F&amp;ilter per Ausdruck</translation>
    </message>
    <message>
        <source>Expr</source>
        <translation>Ausdr.</translation>
    </message>
    <message>
        <source>Filter by an expression instead of searching for words (Ctrl+Shift+F), e.g.
kind == iq and type == error and error == item-not-found
dir == in and from.domain == example.org and body contains &apos;order&apos;</source>
        <translation>Mit einem Ausdruck filtern statt nach Wörtern suchen (Strg+Umschalt+F), z. B.
kind == iq and type == error and error == item-not-found
dir == in and from.domain == example.org and body contains &apos;order&apos;</translation>
    </message>
    <message>
        <source>Filter expression, e.g. kind == iq and type == error (Ctrl+F)</source>
        <translation>Filterausdruck, z. B. kind == iq and type == error (Strg+F)</translation>
    </message>
    <message>
        <source>Fields: dir, kind, type, from, to, id, body, ns, error, size, auto, from.bare, from.domain …
Operators: == != ~ contains startswith &lt; &gt; and or not, has(path@attribute == value)</source>
        <translation>Felder: dir, kind, type, from, to, id, body, ns, error, size, auto, from.bare, from.domain …
Operatoren: == != ~ contains startswith &lt; &gt; and or not, has(pfad@attribut == wert)</translation>
    </message>
    <message>
        <source>The filter skipped some stanzas: %1</source>
        <translation>Der Filter hat einige Stanzas übersprungen: %1</translation>
    </message>
    <message>
        <source>Not applied: %1</source>
        <translation>Nicht angewendet: %1</translation>
    </message>
    <message>
        <source>Filter &amp;by Search</source>
        <translation>Nach Such&amp;text filtern</translation>
    </message>
</context>
<context>
    <name>xcm::LogStatusLine</name>
    <message>
        <source>1 stanza</source>
        <translation>1 Stanza</translation>
    </message>
    <message>
        <source>%1 stanzas</source>
        <translation>%1 Stanzas</translation>
    </message>
    <message>
        <source>%1 (%2 shown)</source>
        <translation>%1 (%2 angezeigt)</translation>
    </message>
    <message>
        <source>%1, %2 dropped</source>
        <translation>%1, %2 verworfen</translation>
    </message>
    <message>
        <source>In the log: %1
Shown: %2
Dropped as the oldest beyond the %3 the log keeps: %4</source>
        <translation>Im Protokoll: %1
Angezeigt: %2
Verworfen, weil älter als die %3 neuesten, die das Protokoll behält: %4</translation>
    </message>
    <message>
        <source>Paused: %1 new while paused</source>
        <translation>Angehalten: %1 neue seit der Pause</translation>
    </message>
    <message>
        <source>Filtering %1 stanzas… %2 %</source>
        <translation>Filtere %1 Stanzas … %2 %</translation>
    </message>
</context>
<context>
    <name>xcm::MainWindow</name>
    <message>
        <source>&amp;Connect</source>
        <translation>&amp;Verbinden</translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation>Profile</translation>
    </message>
    <message>
        <source>&lt;h2&gt;No profile yet&lt;/h2&gt;&lt;p&gt;A profile holds where your component connects (server, port, component domain) and its shared secret, which is kept in the system keychain.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Noch kein Profil&lt;/h2&gt;&lt;p&gt;Ein Profil hält fest, wohin sich Ihre Komponente verbindet (Server, Port, Komponentendomain), und ihr Shared Secret, das im Schlüsselbund des Systems liegt.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Create a Profile…</source>
        <translation>Profil anlegen …</translation>
    </message>
    <message>
        <source>No profile selected</source>
        <translation>Kein Profil ausgewählt</translation>
    </message>
    <message>
        <source>xcm</source>
        <translation>xcm</translation>
    </message>
    <message>
        <source>%1 — %2 — xcm</source>
        <translation>%1 – %2 – xcm</translation>
    </message>
    <message>
        <source>New profile</source>
        <translation>Neues Profil</translation>
    </message>
    <message>
        <source>Delete Profile</source>
        <translation>Profil löschen</translation>
    </message>
    <message>
        <source>Delete the profile “%1”?</source>
        <translation>Das Profil „%1“ löschen?</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Closing connections…</source>
        <translation>Verbindungen werden geschlossen …</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Quit xcm</source>
        <translation>xcm beenden</translation>
    </message>
    <message>
        <source>Stanzas are waiting for a connection and have not been sent.</source>
        <translation>Stanzas warten auf eine Verbindung und sind noch nicht gesendet.</translation>
    </message>
    <message>
        <source>Waiting: %1. If you quit now they are discarded; they stay in the compose history to send again.</source>
        <translation>Wartend: %1. Wenn Sie jetzt beenden, werden sie verworfen; im Verlauf des Verfassen-Bereichs stehen sie zum erneuten Senden bereit.</translation>
    </message>
    <message>
        <source>&amp;Quit Anyway</source>
        <translation>Trotzdem &amp;beenden</translation>
    </message>
    <message>
        <source>Recording cannot start: %1</source>
        <translation>Aufzeichnung kann nicht beginnen: %1</translation>
    </message>
    <message>
        <source>Open Saved Log</source>
        <translation>Gespeichertes Protokoll öffnen</translation>
    </message>
    <message>
        <source>Saved logs (*.jsonl *.log *.xml)</source>
        <translation>Gespeicherte Protokolle (*.jsonl *.log *.xml)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Dis&amp;connect</source>
        <translation>&amp;Trennen</translation>
    </message>
    <message>
        <source>Its secret is removed from the keychain and its history of sent stanzas is deleted.</source>
        <translation>Sein Secret wird aus dem Schlüsselbund entfernt und sein Verlauf gesendeter Stanzas gelöscht.</translation>
    </message>
    <message>
        <source>So is its rule: Export in its Rules tab keeps a copy.</source>
        <translation>Ebenso seine Regel: „Exportieren“ im Reiter „Regeln“ bewahrt eine Kopie.</translation>
    </message>
    <message>
        <source>So are its %1 rules: Export in its Rules tab keeps a copy.</source>
        <translation>Ebenso seine %1 Regeln: „Exportieren“ im Reiter „Regeln“ bewahrt eine Kopie.</translation>
    </message>
    <message>
        <source>The connection is closed first.</source>
        <translation>Die Verbindung wird vorher geschlossen.</translation>
    </message>
    <message>
        <source>Its saved filter “%1” goes too.</source>
        <translation>Sein gespeicherter Filter „%1“ wird ebenfalls gelöscht.</translation>
    </message>
    <message>
        <source>Its %1 saved filters go too.</source>
        <translation>Seine %1 gespeicherten Filter werden ebenfalls gelöscht.</translation>
    </message>
</context>
<context>
    <name>xcm::MainWindowActions</name>
    <message>
        <source>&amp;New Profile…</source>
        <translation>&amp;Neues Profil …</translation>
    </message>
    <message>
        <source>Create a profile (Ctrl+N)</source>
        <translation>Ein Profil anlegen (Strg+N)</translation>
    </message>
    <message>
        <source>&amp;Edit Profile…</source>
        <translation>Profil b&amp;earbeiten …</translation>
    </message>
    <message>
        <source>Edit the selected profile (F2)</source>
        <translation>Das ausgewählte Profil bearbeiten (F2)</translation>
    </message>
    <message>
        <source>&amp;Delete Profile…</source>
        <translation>Profil &amp;löschen …</translation>
    </message>
    <message>
        <source>Delete the selected profile and its stored secret (Delete)</source>
        <translation>Das ausgewählte Profil und sein gespeichertes Secret löschen (Entf)</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>&amp;Verbinden</translation>
    </message>
    <message>
        <source>&amp;Send Stanza</source>
        <translation>Stanza &amp;senden</translation>
    </message>
    <message>
        <source>&amp;Log</source>
        <translation>Pr&amp;otokoll</translation>
    </message>
    <message>
        <source>&amp;Profile</source>
        <translation>&amp;Profil</translation>
    </message>
    <message>
        <source>Ne&amp;xt Profile</source>
        <translation>Nä&amp;chstes Profil</translation>
    </message>
    <message>
        <source>Pre&amp;vious Profile</source>
        <translation>Vor&amp;heriges Profil</translation>
    </message>
    <message>
        <source>Disconnect &amp;All</source>
        <translation>&amp;Alle trennen</translation>
    </message>
    <message>
        <source>&amp;Rules</source>
        <translation>&amp;Regeln</translation>
    </message>
    <message>
        <source>Connection &amp;Timeline…</source>
        <translation>Verbindungs&amp;zeitleiste …</translation>
    </message>
    <message>
        <source>&amp;Open Saved Log…</source>
        <translation>Gespeichertes Protokoll &amp;öffnen …</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Compose</source>
        <translation>Ver&amp;fassen</translation>
    </message>
    <message>
        <source>&amp;Focus Editor</source>
        <translation>&amp;Editor fokussieren</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About xcm</source>
        <translation>Über &amp;xcm</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>Connect A&amp;ll</source>
        <translation>Alle verb&amp;inden</translation>
    </message>
    <message>
        <source>Record Traffic to Dis&amp;k</source>
        <translation>Verkehr auf &amp;Datenträger aufzeichnen</translation>
    </message>
</context>
<context>
    <name>xcm::OverflowBar</name>
    <message>
        <source>More controls, hidden while the window is narrow</source>
        <translation>Weitere Bedienelemente, ausgeblendet, solange das Fenster schmal ist</translation>
    </message>
    <message>
        <source>More</source>
        <translation>Mehr</translation>
    </message>
</context>
<context>
    <name>xcm::ProfileEditor</name>
    <message>
        <source>New Profile</source>
        <translation>Neues Profil</translation>
    </message>
    <message>
        <source>Edit Profile — %1</source>
        <translation>Profil bearbeiten – %1</translation>
    </message>
    <message>
        <source>e.g. Weather bot (staging)</source>
        <translation>z. B. Wetter-Bot (Staging)</translation>
    </message>
    <message>
        <source>host name or address</source>
        <translation>Hostname oder Adresse</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Port:</translation>
    </message>
    <message>
        <source>comp.example.org — the component&apos;s name on the server</source>
        <translation>comp.example.org – der Name der Komponente auf dem Server</translation>
    </message>
    <message>
        <source>Direct &amp;TLS (the port speaks TLS from the first byte)</source>
        <translation>Direktes &amp;TLS (der Port spricht TLS ab dem ersten Byte)</translation>
    </message>
    <message>
        <source>Accept &amp;invalid certificates (development servers only)</source>
        <translation>&amp;Ungültige Zertifikate akzeptieren (nur für Entwicklungsserver)</translation>
    </message>
    <message>
        <source>Show the secret</source>
        <translation>Secret anzeigen</translation>
    </message>
    <message>
        <source>Hide the secret</source>
        <translation>Secret verbergen</translation>
    </message>
    <message>
        <source>&amp;Generate</source>
        <translation>&amp;Generieren</translation>
    </message>
    <message>
        <source>Replace the secret with a strong random one (32 letters and digits); copy it into the server&apos;s configuration</source>
        <translation>Das Secret durch ein starkes zufälliges ersetzen (32 Buchstaben und Ziffern); übernehmen Sie es in die Konfiguration des Servers</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <source>Component &amp;domain:</source>
        <translation>Komponenten&amp;domain:</translation>
    </message>
    <message>
        <source>S&amp;ecret:</source>
        <translation>Se&amp;cret:</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>A single space sent this often keeps NATs and idle limits from closing the stream. 60–120 s suits most servers.</source>
        <translation>Ein einzelnes Leerzeichen in diesem Abstand verhindert, dass NATs und Leerlaufgrenzen den Stream schließen. 60–120 s passen für die meisten Server.</translation>
    </message>
    <message>
        <source> KiB</source>
        <translation> KiB</translation>
    </message>
    <message>
        <source>Largest stanza accepted from the server or sent from here. Prosody&apos;s component limit is 512 KiB.</source>
        <translation>Größtes Stanza, das vom Server angenommen oder von hier gesendet wird. Die Komponentengrenze von Prosody liegt bei 512 KiB.</translation>
    </message>
    <message>
        <source>&amp;Reconnect automatically after a failure</source>
        <translation>Nach einem Fehler automatisch neu &amp;verbinden</translation>
    </message>
    <message>
        <source>doubling up to</source>
        <translation>verdoppelt bis</translation>
    </message>
    <message>
        <source>Unlimited</source>
        <translation>Unbegrenzt</translation>
    </message>
    <message>
        <source>Also retry when the server rejects the secret or the name</source>
        <translation>Auch erneut versuchen, wenn der Server das Secret oder den Namen ablehnt</translation>
    </message>
    <message>
        <source>Behaviour</source>
        <translation>Verhalten</translation>
    </message>
    <message>
        <source>&amp;Keepalive every:</source>
        <translation>&amp;Keepalive alle:</translation>
    </message>
    <message>
        <source>Stanza size &amp;limit:</source>
        <translation>&amp;Höchstgröße für Stanzas:</translation>
    </message>
    <message>
        <source>&amp;First retry after:</source>
        <translation>E&amp;rster Versuch nach:</translation>
    </message>
    <message>
        <source>Attempts before giving &amp;up:</source>
        <translation>&amp;Maximale Versuche:</translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation>&amp;Erstellen</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>S&amp;peichern</translation>
    </message>
    <message>
        <source>Reading from the keychain…</source>
        <translation>Wird aus dem Schlüsselbund gelesen …</translation>
    </message>
    <message>
        <source>&lt;b&gt;No keychain is available&lt;/b&gt; (%1). The secret is kept in memory until xcm quits and has to be entered again next time; it is never written to disk.</source>
        <translation>&lt;b&gt;Kein Schlüsselbund verfügbar&lt;/b&gt; (%1). Das Secret bleibt nur im Speicher, bis xcm beendet wird, und muss beim nächsten Mal erneut eingegeben werden; es wird nie auf die Festplatte geschrieben.</translation>
    </message>
    <message>
        <source>Give the profile a name.</source>
        <translation>Geben Sie dem Profil einen Namen.</translation>
    </message>
    <message>
        <source>Another profile is already called “%1”.</source>
        <translation>Ein anderes Profil heißt bereits „%1“.</translation>
    </message>
    <message>
        <source>Enter the server&apos;s host name or address.</source>
        <translation>Geben Sie den Hostnamen oder die Adresse des Servers ein.</translation>
    </message>
    <message>
        <source>Enter the component domain (the name configured for the component on the server).</source>
        <translation>Geben Sie die Komponentendomain ein (den Namen, der für die Komponente auf dem Server eingestellt ist).</translation>
    </message>
    <message>
        <source>The component domain is not valid: %1.</source>
        <translation>Die Komponentendomain ist ungültig: %1.</translation>
    </message>
    <message>
        <source>The longest retry delay is shorter than the first one.</source>
        <translation>Die längste Wartezeit ist kürzer als die erste.</translation>
    </message>
    <message>
        <source>same as server</source>
        <translation>wie der Server</translation>
    </message>
    <message>
        <source>The name the server&apos;s certificate must carry, when it is not the server name above — e.g. the XMPP domain when you connect by address or by an internal name</source>
        <translation>Der Name, den das Zertifikat des Servers tragen muss, wenn es nicht der Servername oben ist – z. B. die XMPP-Domain, wenn Sie über eine Adresse oder einen internen Namen verbinden</translation>
    </message>
    <message>
        <source>Copy the secret to the clipboard for %1 s (clipboard managers are asked not to keep it)</source>
        <translation>Das Secret für %1 s in die Zwischenablage kopieren (Zwischenablage-Verwaltungen werden gebeten, es nicht aufzubewahren)</translation>
    </message>
    <message>
        <source>Copied. The clipboard is cleared in %1 s.</source>
        <translation>Kopiert. Die Zwischenablage wird in %1 s geleert.</translation>
    </message>
    <message>
        <source>TLS server na&amp;me:</source>
        <translation>TLS-Servern&amp;ame:</translation>
    </message>
    <message>
        <source>Checking the keychain…</source>
        <translation>Der Schlüsselbund wird geprüft …</translation>
    </message>
    <message>
        <source>The TLS server name is not valid: %1.</source>
        <translation>Der TLS-Servername ist ungültig: %1.</translation>
    </message>
    <message>
        <source>&amp;Connection</source>
        <translation>Ver&amp;bindung</translation>
    </message>
    <message>
        <source>As the com&amp;ponent</source>
        <translation>Als K&amp;omponente</translation>
    </message>
    <message>
        <source>Connect &amp;as the component</source>
        <translation>Als Komponente verb&amp;inden</translation>
    </message>
    <message>
        <source>xcm logs in to the server as the component and shows its traffic</source>
        <translation>xcm meldet sich als die Komponente am Server an und zeigt ihren Verkehr</translation>
    </message>
    <message>
        <source>Pro&amp;xy a running component</source>
        <translation>Pro&amp;xy für eine laufende Komponente</translation>
    </message>
    <message>
        <source>Your component connects to xcm instead of the server; xcm relays its stream both ways and shows everything</source>
        <translation>Ihre Komponente verbindet sich mit xcm statt mit dem Server; xcm leitet ihren Stream in beide Richtungen weiter und zeigt alles</translation>
    </message>
    <message>
        <source>The address your component connects to instead of the server&apos;s (an IP address; 127.0.0.1 keeps it on this machine)</source>
        <translation>Die Adresse, mit der sich Ihre Komponente statt mit der des Servers verbindet (eine IP-Adresse; 127.0.0.1 bleibt auf diesem Rechner)</translation>
    </message>
    <message>
        <source>The port to configure in your component instead of the server&apos;s</source>
        <translation>Der Port, den Sie in Ihrer Komponente statt dem des Servers einstellen</translation>
    </message>
    <message>
        <source>Component&apos;s o&amp;wn secret:</source>
        <translation>Eigenes Secret der K&amp;omponente:</translation>
    </message>
    <message>
        <source>Off: your component presents the server&apos;s secret to xcm, unchanged. On: it presents this one, and only xcm knows the server&apos;s.</source>
        <translation>Aus: Ihre Komponente legt xcm unverändert das Secret des Servers vor. Ein: Sie legt dieses vor, und nur xcm kennt das des Servers.</translation>
    </message>
    <message>
        <source>the secret configured in your component</source>
        <translation>das in Ihrer Komponente eingestellte Secret</translation>
    </message>
    <message>
        <source>Mode:</source>
        <translation>Betriebsart:</translation>
    </message>
    <message>
        <source>Listen &amp;on:</source>
        <translation>&amp;Lauschen auf:</translation>
    </message>
    <message>
        <source>A proxy answers nothing by itself: your component answers. Only the time after which the log flags an unanswered request applies.</source>
        <translation>Ein Proxy beantwortet nichts von selbst: Ihre Komponente antwortet. Es gilt nur die Zeit, nach der das Protokoll eine unbeantwortete Anfrage markiert.</translation>
    </message>
    <message>
        <source>Enter the IP address to listen on for the component (e.g. 127.0.0.1).</source>
        <translation>Geben Sie die IP-Adresse ein, auf der auf die Komponente gelauscht wird (z. B. 127.0.0.1).</translation>
    </message>
    <message>
        <source>Enter the secret your component presents, or let it use the server&apos;s.</source>
        <translation>Geben Sie das Secret ein, das Ihre Komponente vorlegt, oder lassen Sie sie das des Servers verwenden.</translation>
    </message>
    <message>
        <source>the server&apos;s component_secret</source>
        <translation>das component_secret des Servers</translation>
    </message>
    <message>
        <source>Stored in the system keychain, in an entry labelled “xcm: &lt;i&gt;profile&lt;/i&gt; (&lt;i&gt;domain&lt;/i&gt;)”, never in the settings file.</source>
        <translation>Liegt im Schlüsselbund des Systems, in einem Eintrag namens „xcm: &lt;i&gt;Profil&lt;/i&gt; (&lt;i&gt;Domain&lt;/i&gt;)“, nie in der Einstellungsdatei.</translation>
    </message>
    <message>
        <source>The server is not a host name or address: %1.</source>
        <translation>Der Server ist kein Hostname und keine Adresse: %1.</translation>
    </message>
    <message>
        <source>“%1” listens on %2 port %3 too: only one of them can listen at a time.</source>
        <translation>„%1“ lauscht ebenfalls auf %2 Port %3: nur eines der beiden kann gleichzeitig lauschen.</translation>
    </message>
    <message>
        <source>“%1” also connects to this server as %2: the server takes one of them at a time.</source>
        <translation>„%1“ verbindet sich ebenfalls als %2 mit diesem Server: der Server nimmt nur eines der beiden gleichzeitig an.</translation>
    </message>
</context>
<context>
    <name>xcm::ProfileImport</name>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1:%2: expected key=value</source>
        <translation>%1:%2: key=value erwartet</translation>
    </message>
    <message>
        <source>%1: no name=</source>
        <translation>%1: kein name=</translation>
    </message>
    <message>
        <source>%1: port must be 1–65535</source>
        <translation>%1: port muss zwischen 1 und 65535 liegen</translation>
    </message>
    <message>
        <source>%1: domain: %2</source>
        <translation>%1: domain: %2</translation>
    </message>
    <message>
        <source>%1 holds a secret but others can read it (chmod 600)</source>
        <translation>%1 enthält ein Secret, ist aber für andere lesbar (chmod 600)</translation>
    </message>
    <message>
        <source>cannot read the secret file %1: %2</source>
        <translation>die Secret-Datei %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 can be read by others (chmod 600)</source>
        <translation>%1 ist für andere lesbar (chmod 600)</translation>
    </message>
    <message>
        <source>%1: tlsServerName: %2</source>
        <translation>%1: tlsServerName: %2</translation>
    </message>
    <message>
        <source>%1: mode is component or proxy, not %2</source>
        <translation>%1: mode ist component oder proxy, nicht %2</translation>
    </message>
    <message>
        <source>%1: listen and component-secret belong to mode=proxy</source>
        <translation>%1: listen und component-secret gehören zu mode=proxy</translation>
    </message>
    <message>
        <source>%1: listen is [address:]port, not %2</source>
        <translation>%1: listen ist [Adresse:]Port, nicht %2</translation>
    </message>
    <message>
        <source>%1: host: %2</source>
        <translation>%1: host: %2</translation>
    </message>
</context>
<context>
    <name>xcm::ProfileService</name>
    <message>
        <source>The changes to “%1” apply at its next connect.</source>
        <translation>Die Änderungen an „%1“ gelten ab der nächsten Verbindung.</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message>
        <source>profile “%1”: secret stored in the keychain</source>
        <translation>Profil „%1“: Secret im Schlüsselbund gespeichert</translation>
    </message>
    <message>
        <source>profile “%1”: no keychain (%2), the secret is kept in memory for this run only</source>
        <translation>Profil „%1“: kein Schlüsselbund (%2), das Secret wird nur für diesen Lauf im Speicher gehalten</translation>
    </message>
    <message>
        <source>The secret of “%1” is stored in the keychain.</source>
        <translation>Das Secret von „%1“ ist im Schlüsselbund gespeichert.</translation>
    </message>
    <message>
        <source>No keychain: the secret of “%1” is kept in memory until xcm quits.</source>
        <translation>Kein Schlüsselbund: Das Secret von „%1“ bleibt nur im Speicher, bis xcm beendet wird.</translation>
    </message>
    <message>
        <source>xcm: %1 (%2)</source>
        <translation>xcm: %1 (%2)</translation>
    </message>
    <message>
        <source>xcm: %1 (%2), the component&apos;s secret</source>
        <translation>xcm: %1 (%2), das Secret der Komponente</translation>
    </message>
</context>
<context>
    <name>xcm::ProfileSession</name>
    <message>
        <source>only a proxy session has a component to inject into</source>
        <translation>nur eine Proxy-Sitzung hat eine Komponente, in die eingeschleust werden kann</translation>
    </message>
    <message>
        <source>no secret for the server is stored — edit the profile (F2) to enter it</source>
        <translation>für den Server ist kein Secret gespeichert – bearbeiten Sie das Profil (F2), um es einzugeben</translation>
    </message>
    <message>
        <source>no secret for the component is stored — edit the profile (F2) to enter it, or let the component use the server&apos;s</source>
        <translation>für die Komponente ist kein Secret gespeichert – bearbeiten Sie das Profil (F2), um es einzugeben, oder lassen Sie die Komponente das des Servers verwenden</translation>
    </message>
    <message>
        <source>the keychain could not give the server&apos;s secret (%1)</source>
        <translation>der Schlüsselbund konnte das Secret für den Server nicht liefern (%1)</translation>
    </message>
    <message>
        <source>the keychain could not give the component&apos;s secret (%1)</source>
        <translation>der Schlüsselbund konnte das Secret der Komponente nicht liefern (%1)</translation>
    </message>
</context>
<context>
    <name>xcm::ProxyLook</name>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Not listening</source>
        <translation>Lauscht nicht</translation>
    </message>
    <message>
        <source>Listening on %1 — waiting for the component</source>
        <translation>Lauscht auf %1 – wartet auf die Komponente</translation>
    </message>
    <message>
        <source>Component %1 connected · logging in to %2</source>
        <translation>Komponente %1 verbunden · meldet sich an bei %2</translation>
    </message>
    <message>
        <source>Component %1 · closing the relay to %2</source>
        <translation>Komponente %1 · schließt die Weiterleitung an %2</translation>
    </message>
    <message>
        <source>Component %1 connected to the proxy</source>
        <translation>Komponente %1 mit dem Proxy verbunden</translation>
    </message>
    <message>
        <source>Relaying · component %1</source>
        <translation>Leitet weiter · Komponente %1</translation>
    </message>
</context>
<context>
    <name>xcm::ReconnectPolicy</name>
    <message>
        <source>stopped reconnecting: the server sent the same refused data twice in a row (%1) and would send it again on every reconnect</source>
        <translation>keine weiteren Verbindungsversuche: der Server hat zweimal hintereinander dieselben abgelehnten Daten gesendet (%1) und würde sie bei jedem neuen Verbinden wieder senden</translation>
    </message>
    <message>
        <source>flapping: the connection dropped %1 times in a row within %2 s of connecting</source>
        <translation>instabil: die Verbindung brach %1-mal hintereinander innerhalb von %2 s nach dem Verbinden ab</translation>
    </message>
    <message>
        <source>stopped reconnecting: %1 attempts in a row failed, as many as the profile allows</source>
        <translation>Verbindungsversuche beendet: %1 Versuche hintereinander schlugen fehl, so viele, wie das Profil erlaubt</translation>
    </message>
    <message>
        <source>not reconnecting: the server refused the secret or the component&apos;s name, and would refuse them again on every attempt</source>
        <translation>kein neuer Verbindungsversuch: der Server hat das Geheimnis oder den Namen der Komponente abgelehnt und würde sie bei jedem Versuch wieder ablehnen</translation>
    </message>
</context>
<context>
    <name>xcm::ReplySelector</name>
    <message>
        <source>Answer the request with a result, or with one of the errors RFC 6120 defines</source>
        <translation>Die Anfrage mit einem Ergebnis beantworten oder mit einem der in RFC 6120 definierten Fehler</translation>
    </message>
    <message>
        <source>Reply with</source>
        <translation>Antworten mit</translation>
    </message>
    <message>
        <source>Reply: result</source>
        <translation>Antwort: Ergebnis</translation>
    </message>
    <message>
        <source>Reply: error %1</source>
        <translation>Antwort: Fehler %1</translation>
    </message>
    <message>
        <source>Stop replying: back to the templates (the editor keeps its text)</source>
        <translation>Antworten beenden: zurück zu den Vorlagen (der Editor behält seinen Text)</translation>
    </message>
    <message>
        <source>Stop replying</source>
        <translation>Antworten beenden</translation>
    </message>
</context>
<context>
    <name>xcm::ReplyTemplate</name>
    <message>
        <source>&apos;{&apos; without &apos;}&apos;: write {{ for a brace</source>
        <translation>&apos;{&apos; ohne &apos;}&apos;: für eine geschweifte Klammer {{ schreiben</translation>
    </message>
    <message>
        <source>unknown placeholder {%1} (did you mean {%2}?)</source>
        <translation>unbekannter Platzhalter {%1} (war {%2} gemeint?)</translation>
    </message>
    <message>
        <source>unknown placeholder {%1} (placeholders: %2; {{ and }} for braces)</source>
        <translation>unbekannter Platzhalter {%1} (Platzhalter: %2; {{ und }} für geschweifte Klammern)</translation>
    </message>
    <message>
        <source>the reply is empty: write the stanza to send</source>
        <translation>die Antwort ist leer: das zu sendende Stanza angeben</translation>
    </message>
    <message>
        <source>not well-formed XML: %1</source>
        <translation>kein wohlgeformtes XML: %1</translation>
    </message>
    <message>
        <source>the reply must be in jabber:component:accept, not &apos;%1&apos;</source>
        <translation>die Antwort muss im Namensraum jabber:component:accept stehen, nicht &apos;%1&apos;</translation>
    </message>
    <message>
        <source>the reply must be a &lt;message/&gt;, &lt;presence/&gt; or &lt;iq/&gt;, not &lt;%1/&gt;</source>
        <translation>die Antwort muss ein &lt;message/&gt;, &lt;presence/&gt; oder &lt;iq/&gt; sein, nicht &lt;%1/&gt;</translation>
    </message>
</context>
<context>
    <name>xcm::RequestTracker</name>
    <message>
        <source>awaiting your answer (%1)</source>
        <translation>wartet auf Ihre Antwort (%1)</translation>
    </message>
    <message>
        <source>awaiting an answer (%1)</source>
        <translation>wartet auf Antwort (%1)</translation>
    </message>
    <message>
        <source>late result in %1</source>
        <translation>verspätetes Ergebnis nach %1</translation>
    </message>
    <message>
        <source>result in %1</source>
        <translation>Ergebnis nach %1</translation>
    </message>
    <message>
        <source>late error %1 in %2</source>
        <translation>verspäteter Fehler %1 nach %2</translation>
    </message>
    <message>
        <source>error %1 in %2</source>
        <translation>Fehler %1 nach %2</translation>
    </message>
    <message>
        <source>no answer after %1</source>
        <translation>keine Antwort nach %1</translation>
    </message>
    <message>
        <source>no answer: the connection closed</source>
        <translation>keine Antwort: die Verbindung wurde geschlossen</translation>
    </message>
    <message>
        <source>late answer, %1</source>
        <translation>verspätete Antwort, %1</translation>
    </message>
    <message>
        <source>answer, %1</source>
        <translation>Antwort, %1</translation>
    </message>
    <message>
        <source>no answer in this log</source>
        <translation>keine Antwort in diesem Protokoll</translation>
    </message>
</context>
<context>
    <name>xcm::Responder</name>
    <message>
        <source>a request without an id cannot be answered</source>
        <translation>eine Anfrage ohne ID kann nicht beantwortet werden</translation>
    </message>
    <message>
        <source>a request without a sender cannot be answered</source>
        <translation>eine Anfrage ohne Absender kann nicht beantwortet werden</translation>
    </message>
</context>
<context>
    <name>xcm::ResponderSettingsBox</name>
    <message>
        <source>As the component</source>
        <translation>Als Komponente</translation>
    </message>
    <message>
        <source>&amp;Answer requests automatically:</source>
        <translation>Anfragen se&amp;lbst beantworten:</translation>
    </message>
    <message>
        <source>RFC 6120 wants every get and set answered; a silent component makes clients wait for their own timeout</source>
        <translation>RFC 6120 verlangt eine Antwort auf jedes get und set; eine stumme Komponente lässt Clients bis zu ihrer eigenen Zeitgrenze warten</translation>
    </message>
    <message>
        <source>ping</source>
        <translation>ping</translation>
    </message>
    <message>
        <source>XEP-0199: an empty result</source>
        <translation>XEP-0199: ein leeres Ergebnis</translation>
    </message>
    <message>
        <source>disco</source>
        <translation>disco</translation>
    </message>
    <message>
        <source>XEP-0030: the identity below and the features</source>
        <translation>XEP-0030: die Identität unten und die Features</translation>
    </message>
    <message>
        <source>version</source>
        <translation>version</translation>
    </message>
    <message>
        <source>XEP-0092: xcm and its version</source>
        <translation>XEP-0092: xcm und seine Version</translation>
    </message>
    <message>
        <source>time</source>
        <translation>time</translation>
    </message>
    <message>
        <source>XEP-0202: this machine&apos;s time and offset</source>
        <translation>XEP-0202: Uhrzeit und Zeitzonenversatz dieses Rechners</translation>
    </message>
    <message>
        <source>category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>name (default: the profile&apos;s)</source>
        <translation>Name (Standard: der des Profils)</translation>
    </message>
    <message>
        <source>more feature namespaces, separated by spaces</source>
        <translation>weitere Feature-Namensräume, durch Leerzeichen getrennt</translation>
    </message>
    <message>
        <source>Listed in disco#info besides the answers that are on, e.g. what the real component will offer</source>
        <translation>In disco#info zusätzlich zu den eingeschalteten Antworten aufgeführt, z. B. was die echte Komponente anbieten wird</translation>
    </message>
    <message>
        <source>Tell the &amp;operating system in version answers</source>
        <translation>Das Betriebs&amp;system in Versionsantworten nennen</translation>
    </message>
    <message>
        <source>Anyone who asks learns what this machine runs: off by default</source>
        <translation>Jeder, der fragt, erfährt, was auf diesem Rechner läuft: standardmäßig aus</translation>
    </message>
    <message>
        <source>Answer other requests by &amp;hand, for up to</source>
        <translation>Andere Anfragen von &amp;Hand beantworten, höchstens</translation>
    </message>
    <message>
        <source>Other get/set requests wait for your answer (Reply…, Ctrl+R) instead of getting service-unavailable at once; at the limit they get it after all</source>
        <translation>Andere get/set-Anfragen warten auf Ihre Antwort (Beantworten…, Strg+R), statt sofort service-unavailable zu erhalten; an der Grenze erhalten sie es doch</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>keine Grenze</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>After this, a request without an answer is marked in red in the log</source>
        <translation>Danach wird eine Anfrage ohne Antwort im Protokoll rot markiert</translation>
    </message>
    <message>
        <source>Disco identit&amp;y:</source>
        <translation>Disco-&amp;Identität:</translation>
    </message>
    <message>
        <source>E&amp;xtra features:</source>
        <translation>Zusätzliche &amp;Features:</translation>
    </message>
    <message>
        <source>Flag unans&amp;wered after:</source>
        <translation>Unbeant&amp;wortet markieren nach:</translation>
    </message>
    <message>
        <source>rooms.example.org | Chat rooms
bot.example.org | commands | Commands</source>
        <translation>raeume.example.org | Chaträume
bot.example.org | commands | Befehle</translation>
    </message>
    <message>
        <source>What disco#items lists, one item per line: a JID, then optionally ‘|’ and a name, or ‘|’ a node ‘|’ a name. None by default.</source>
        <translation>Was disco#items auflistet, ein Eintrag pro Zeile: eine JID, dann wahlweise ‘|’ und ein Name oder ‘|’ ein Knoten ‘|’ ein Name. Standardmäßig keine.</translation>
    </message>
    <message>
        <source>Disco i&amp;tems:</source>
        <translation>Disco-Ein&amp;träge:</translation>
    </message>
    <message>
        <source>Disco item on line %1: at most a JID, a node and a name, separated by ‘|’.</source>
        <translation>Disco-Eintrag in Zeile %1: höchstens eine JID, ein Knoten und ein Name, getrennt durch ‘|’.</translation>
    </message>
    <message>
        <source>Disco item on line %1: “%2” is not a JID: %3.</source>
        <translation>Disco-Eintrag in Zeile %1: „%2“ ist keine JID: %3.</translation>
    </message>
</context>
<context>
    <name>xcm::Rule</name>
    <message>
        <source>name: a rule needs a name</source>
        <translation>Name: eine Regel braucht einen Namen</translation>
    </message>
    <message>
        <source>name: longer than %1 characters</source>
        <translation>Name: länger als %1 Zeichen</translation>
    </message>
    <message>
        <source>delay: %1 ms is not between 0 and %2 ms</source>
        <translation>Verzögerung: %1 ms liegt nicht zwischen 0 und %2 ms</translation>
    </message>
    <message>
        <source>match: a rule needs an expression (to answer everything, write: kind != stream)</source>
        <translation>Bedingung: eine Regel braucht einen Ausdruck (um auf alles zu antworten: kind != stream)</translation>
    </message>
    <message>
        <source>match: %1</source>
        <translation>Bedingung: %1</translation>
    </message>
    <message>
        <source>reply: %1</source>
        <translation>Antwort: %1</translation>
    </message>
    <message>
        <source>delay: a delay rule needs a delay above 0 ms</source>
        <translation>delay: eine Verzögerungsregel braucht eine Verzögerung über 0 ms</translation>
    </message>
    <message>
        <source>reply: a %1 rule has no reply stanza</source>
        <translation>reply: eine %1-Regel hat keine Antwort-Stanza</translation>
    </message>
</context>
<context>
    <name>xcm::RuleDialog</name>
    <message>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <source>echo</source>
        <translation>echo</translation>
    </message>
    <message>
        <source>Reply with a stanza</source>
        <translation>Mit einem Stanza antworten</translation>
    </message>
    <message>
        <source>Drop it (proxy)</source>
        <translation>Verwerfen (Proxy)</translation>
    </message>
    <message>
        <source>Delay it (proxy)</source>
        <translation>Verzögern (Proxy)</translation>
    </message>
    <message>
        <source>Duplicate it (proxy)</source>
        <translation>Verdoppeln (Proxy)</translation>
    </message>
    <message>
        <source>Hold it until released (proxy)</source>
        <translation>Bis zur Freigabe zurückhalten (Proxy)</translation>
    </message>
    <message>
        <source>A reply rule answers in a direct profile. The other actions are fault rules: in a proxy profile they act on the matching stanza on its way through.</source>
        <translation>Eine Antwortregel antwortet in einem direkten Profil. Die anderen Aktionen sind Fehlerregeln: In einem Proxy-Profil wirken sie auf das passende Stanza auf seinem Weg hindurch.</translation>
    </message>
    <message>
        <source>kind == message and body contains &apos;ping&apos;</source>
        <translation>kind == message and body contains &apos;ping&apos;</translation>
    </message>
    <message>
        <source>A filter expression, as in the log&apos;s Expr box: fields such as kind, type, from, to, id, body, ns, error; ==, !=, ~, contains, startswith; and, or, not</source>
        <translation>Ein Filterausdruck wie im Ausdrucksfeld des Protokolls: Felder wie kind, type, from, to, id, body, ns, error; ==, !=, ~, contains, startswith; and, or, not</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>How long to wait before replying (or, for Delay, how long to hold the stanza)</source>
        <translation>Wie lange vor der Antwort gewartet wird (bei Verzögern: wie lange das Stanza zurückgehalten wird)</translation>
    </message>
    <message>
        <source>Reply template</source>
        <translation>Antwortvorlage</translation>
    </message>
    <message>
        <source>Insert Placeholder</source>
        <translation>Platzhalter einfügen</translation>
    </message>
    <message>
        <source>{from}, {to}, {id}, {type}, {body}, {from.bare}, {to.local} … take their values from the stanza that matched, XML-escaped.</source>
        <translation>{from}, {to}, {id}, {type}, {body}, {from.bare}, {to.local} … nehmen ihre Werte aus dem passenden Stanza, XML-maskiert.</translation>
    </message>
    <message>
        <source>&amp;On</source>
        <translation>&amp;An</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;When:</source>
        <translation>&amp;Wenn:</translation>
    </message>
    <message>
        <source>&amp;Action:</source>
        <translation>&amp;Aktion:</translation>
    </message>
    <message>
        <source>&amp;Delay:</source>
        <translation>&amp;Verzögerung:</translation>
    </message>
    <message>
        <source>&amp;Reply:</source>
        <translation>&amp;Antwort:</translation>
    </message>
    <message>
        <source>name: another rule is called &apos;%1&apos;</source>
        <translation>name: eine andere Regel heißt bereits &apos;%1&apos;</translation>
    </message>
    <message>
        <source>reply, filled from a sample message: %1</source>
        <translation>reply, mit einer Beispielnachricht gefüllt: %1</translation>
    </message>
    <message>
        <source>Enter when the rule acts: an expression such as kind == message and body contains &apos;ping&apos;.</source>
        <translation>Geben Sie an, wann die Regel wirkt: einen Ausdruck wie kind == message and body contains &apos;ping&apos;.</translation>
    </message>
    <message>
        <source>✓ Valid — a fault rule acts only when this profile is a proxy</source>
        <translation>✓ Gültig — eine Fehlerregel wirkt nur, wenn dieses Profil ein Proxy ist</translation>
    </message>
    <message>
        <source>✓ Valid — a reply rule answers only when this profile is not a proxy</source>
        <translation>✓ Gültig — eine Antwortregel antwortet nur, wenn dieses Profil kein Proxy ist</translation>
    </message>
    <message>
        <source>✓ Valid</source>
        <translation>✓ Gültig</translation>
    </message>
</context>
<context>
    <name>xcm::RuleEngine</name>
    <message>
        <source>match: %1</source>
        <translation>Bedingung: %1</translation>
    </message>
    <message>
        <source>reply not sent: %1</source>
        <translation>Antwort nicht gesendet: %1</translation>
    </message>
    <message>
        <source>paused: more than %1 replies within a second (a loop?)</source>
        <translation>angehalten: mehr als %1 Antworten in einer Sekunde (eine Schleife?)</translation>
    </message>
</context>
<context>
    <name>xcm::RuleListModel</name>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>reply after %1</source>
        <translation>antworten nach %1</translation>
    </message>
    <message>
        <source>reply</source>
        <translation>antworten</translation>
    </message>
    <message>
        <source>drop</source>
        <translation>verwerfen</translation>
    </message>
    <message>
        <source>delay %1</source>
        <translation>um %1 verzögern</translation>
    </message>
    <message>
        <source>duplicate</source>
        <translation>verdoppeln</translation>
    </message>
    <message>
        <source>hold</source>
        <translation>zurückhalten</translation>
    </message>
    <message>
        <source>acts in proxy profiles only</source>
        <translation>wirkt nur in Proxy-Profilen</translation>
    </message>
    <message>
        <source>answers in direct profiles only</source>
        <translation>antwortet nur in direkten Profilen</translation>
    </message>
    <message>
        <source>on</source>
        <translation>an</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wenn</translation>
    </message>
    <message>
        <source>Does</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Hits</source>
        <translation>Treffer</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>%1 — Resume, or turn it on again, to go on</source>
        <translation>%1 — „Fortsetzen“ oder wieder einschalten, um weiterzumachen</translation>
    </message>
</context>
<context>
    <name>xcm::RuleRunner</name>
    <message>
        <source>rule &apos;%1&apos;: %2</source>
        <translation>Regel &apos;%1&apos;: %2</translation>
    </message>
</context>
<context>
    <name>xcm::RulesFile</name>
    <message>
        <source>a rules file may not have a DTD</source>
        <translation>eine Regeldatei darf keine DTD enthalten</translation>
    </message>
    <message>
        <source>entity references other than the predefined five are not allowed</source>
        <translation>Entity-Referenzen außer den fünf vordefinierten sind nicht erlaubt</translation>
    </message>
    <message>
        <source>unexpected &lt;%1&gt; in &lt;rules&gt;: only &lt;rule&gt; elements belong there</source>
        <translation>unerwartetes &lt;%1&gt; in &lt;rules&gt;: dort stehen nur &lt;rule&gt;-Elemente</translation>
    </message>
    <message>
        <source>text outside a &lt;rule&gt;: &quot;%1&quot;</source>
        <translation>Text außerhalb einer &lt;rule&gt;: &quot;%1&quot;</translation>
    </message>
    <message>
        <source>no &lt;rules&gt; element</source>
        <translation>kein &lt;rules&gt;-Element</translation>
    </message>
    <message>
        <source>a &lt;rule&gt; needs a name=&apos;…&apos;</source>
        <translation>eine &lt;rule&gt; braucht ein name=&apos;…&apos;</translation>
    </message>
    <message>
        <source>a rule named &apos;%1&apos; is already defined at %2:%3</source>
        <translation>eine Regel namens &apos;%1&apos; ist schon bei %2:%3 definiert</translation>
    </message>
    <message>
        <source>rule &apos;%1&apos; needs a match=&apos;…&apos; expression</source>
        <translation>Regel &apos;%1&apos; braucht einen Ausdruck match=&apos;…&apos;</translation>
    </message>
    <message>
        <source>rule &apos;%1&apos;: delay-ms is a whole number of milliseconds from 0 to %2, not &apos;%3&apos;</source>
        <translation>Regel &apos;%1&apos;: delay-ms ist eine ganze Zahl von Millisekunden von 0 bis %2, nicht &apos;%3&apos;</translation>
    </message>
    <message>
        <source>rule &apos;%1&apos;: enabled is true or false, not &apos;%2&apos;</source>
        <translation>Regel &apos;%1&apos;: enabled ist true oder false, nicht &apos;%2&apos;</translation>
    </message>
    <message>
        <source>rule &apos;%1&apos;: %2</source>
        <translation>Regel &apos;%1&apos;: %2</translation>
    </message>
    <message>
        <source>rule &apos;%1&apos;: the match expression is empty</source>
        <translation>Regel &apos;%1&apos;: der Ausdruck in match ist leer</translation>
    </message>
    <message>
        <source>rule &apos;%1&apos; holds more than one stanza: a second one starts here</source>
        <translation>Regel &apos;%1&apos; enthält mehr als ein Stanza: hier beginnt ein zweites</translation>
    </message>
    <message>
        <source>rule &apos;%1&apos;: text outside the reply stanza</source>
        <translation>Regel &apos;%1&apos;: Text außerhalb des Antwort-Stanzas</translation>
    </message>
    <message>
        <source>rule &apos;%1&apos; has no reply stanza inside it</source>
        <translation>Regel &apos;%1&apos; enthält kein Antwort-Stanza</translation>
    </message>
    <message>
        <source>the rules file is %1 bytes, over the limit of %2</source>
        <translation>die Regeldatei hat %1 Bytes, mehr als die Grenze von %2</translation>
    </message>
    <message>
        <source>the rules file is not UTF-8</source>
        <translation>die Regeldatei ist nicht in UTF-8</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>rule &apos;%1&apos;: the reply is not well-formed XML: %2</source>
        <translation>Regel &apos;%1&apos;: die Antwort ist kein wohlgeformtes XML: %2</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>unknown attribute &apos;%1&apos; on &lt;rule&gt; (known: name, match, action, delay-ms, enabled)</source>
        <translation>unbekanntes Attribut &apos;%1&apos; an &lt;rule&gt; (bekannt: name, match, action, delay-ms, enabled)</translation>
    </message>
    <message>
        <source>rule &apos;%1&apos;: action is reply, drop, delay, duplicate or hold, not &apos;%2&apos;</source>
        <translation>Regel &apos;%1&apos;: action ist reply, drop, delay, duplicate oder hold, nicht &apos;%2&apos;</translation>
    </message>
    <message>
        <source>rule &apos;%1&apos;: a delay rule needs delay-ms above 0</source>
        <translation>Regel &apos;%1&apos;: eine Verzögerungsregel braucht delay-ms über 0</translation>
    </message>
    <message>
        <source>rule &apos;%1&apos; is a %2 rule: it holds no stanza</source>
        <translation>Regel &apos;%1&apos; ist eine %2-Regel: sie enthält keine Stanza</translation>
    </message>
    <message>
        <source>&lt;%1&gt; without a namespace</source>
        <translation>&lt;%1&gt; ohne Namensraum</translation>
    </message>
    <message>
        <source>expected &lt;rules xmlns=&apos;%1&apos;&gt;, found %2</source>
        <translation>&lt;rules xmlns=&apos;%1&apos;&gt; erwartet, %2 gefunden</translation>
    </message>
    <message>
        <source>the file holds no XML element</source>
        <translation>die Datei enthält kein XML-Element</translation>
    </message>
    <message>
        <source>the file ends before &lt;%1&gt; (line %2) is closed</source>
        <translation>die Datei endet, bevor &lt;%1&gt; (Zeile %2) geschlossen ist</translation>
    </message>
    <message>
        <source>&lt;/%1&gt; does not close &lt;%2&gt; (line %3), which is still open</source>
        <translation>&lt;/%1&gt; schließt nicht das noch offene &lt;%2&gt; (Zeile %3)</translation>
    </message>
    <message>
        <source>not well-formed XML: %1</source>
        <translation>kein wohlgeformtes XML: %1</translation>
    </message>
</context>
<context>
    <name>xcm::RulesPanel</name>
    <message>
        <source>1 rule</source>
        <translation>1 Regel</translation>
    </message>
    <message>
        <source>%1 rules</source>
        <translation>%1 Regeln</translation>
    </message>
    <message>
        <source>Rules files (*.xml);;All files (*)</source>
        <translation>Regeldateien (*.xml);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Hinzufügen …</translation>
    </message>
    <message>
        <source>Add a rule</source>
        <translation>Eine Regel hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten …</translation>
    </message>
    <message>
        <source>Edit the selected rule</source>
        <translation>Die gewählte Regel bearbeiten</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Remove the selected rule</source>
        <translation>Die gewählte Regel entfernen</translation>
    </message>
    <message>
        <source>Move &amp;Up</source>
        <translation>Nach &amp;oben</translation>
    </message>
    <message>
        <source>Try this rule earlier: the first match acts</source>
        <translation>Diese Regel früher prüfen: die erste passende wirkt</translation>
    </message>
    <message>
        <source>Move Do&amp;wn</source>
        <translation>Nach &amp;unten</translation>
    </message>
    <message>
        <source>Try this rule later</source>
        <translation>Diese Regel später prüfen</translation>
    </message>
    <message>
        <source>Re&amp;sume</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
    <message>
        <source>Let a rule the rate limit paused act again</source>
        <translation>Eine vom Ratenlimit angehaltene Regel wieder wirken lassen</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importieren …</translation>
    </message>
    <message>
        <source>Read rules from a rules file (as xcm-cli --rules reads)</source>
        <translation>Regeln aus einer Regeldatei lesen (wie xcm-cli --rules sie liest)</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>E&amp;xportieren …</translation>
    </message>
    <message>
        <source>Write these rules to a rules file</source>
        <translation>Diese Regeln in eine Regeldatei schreiben</translation>
    </message>
    <message>
        <source>The change is in effect but was not kept: %1</source>
        <translation>Die Änderung gilt, wurde aber nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>In a proxy, the first enabled fault rule whose expression matches a stanza drops, delays, duplicates or holds it on its way through; the log says so.</source>
        <translation>In einem Proxy verwirft, verzögert, verdoppelt oder hält die erste aktive Fehlerregel, deren Ausdruck passt, ein Stanza auf seinem Weg hindurch zurück; das Protokoll vermerkt es.</translation>
    </message>
    <message>
        <source>When a stanza arrives, the first enabled reply rule whose expression matches sends its reply (marked in the log with the rule&apos;s name). Rules run while connected.</source>
        <translation>Wenn ein Stanza eintrifft, sendet die erste aktive Antwortregel, deren Ausdruck passt, ihre Antwort (im Protokoll mit dem Namen der Regel markiert). Regeln wirken, solange die Verbindung steht.</translation>
    </message>
    <message>
        <source>Not changed: %1</source>
        <translation>Nicht geändert: %1</translation>
    </message>
    <message>
        <source>Not changed, the rules could not be kept: %1</source>
        <translation>Nicht geändert, die Regeln konnten nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Add Rule — %1</source>
        <translation>Regel hinzufügen — %1</translation>
    </message>
    <message>
        <source>Rule &apos;%1&apos; added.</source>
        <translation>Regel &apos;%1&apos; hinzugefügt.</translation>
    </message>
    <message>
        <source>Edit Rule — %1</source>
        <translation>Regel bearbeiten — %1</translation>
    </message>
    <message>
        <source>Rule &apos;%1&apos; changed.</source>
        <translation>Regel &apos;%1&apos; geändert.</translation>
    </message>
    <message>
        <source>Rule &apos;%1&apos; removed.</source>
        <translation>Regel &apos;%1&apos; entfernt.</translation>
    </message>
    <message>
        <source>Import Rules</source>
        <translation>Regeln importieren</translation>
    </message>
    <message>
        <source>Not imported: %1</source>
        <translation>Nicht importiert: %1</translation>
    </message>
    <message>
        <source>The file holds %1. Replace the profile&apos;s rules with them, or add them after?</source>
        <translation>Die Datei enthält %1. Die Regeln des Profils damit ersetzen oder sie dahinter anfügen?</translation>
    </message>
    <message>
        <source>&amp;Replace</source>
        <translation>&amp;Ersetzen</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Anfügen</translation>
    </message>
    <message>
        <source>Imported %1 from %2.</source>
        <translation>%1 aus %2 importiert.</translation>
    </message>
    <message>
        <source>Names already in use got a number: %1.</source>
        <translation>Bereits vergebene Namen erhielten eine Nummer: %1.</translation>
    </message>
    <message>
        <source>Export Rules</source>
        <translation>Regeln exportieren</translation>
    </message>
    <message>
        <source>Not exported: %1</source>
        <translation>Nicht exportiert: %1</translation>
    </message>
    <message>
        <source>Exported %1 to %2.</source>
        <translation>%1 nach %2 exportiert.</translation>
    </message>
    <message>
        <source>Re&amp;lease Held</source>
        <translation>&amp;Freigeben</translation>
    </message>
    <message>
        <source>Relay the stanzas hold rules keep, oldest first (xcm-cli: SIGUSR1)</source>
        <translation>Die von Halteregeln zurückgehaltenen Stanzas weiterleiten, das älteste zuerst (xcm-cli: SIGUSR1)</translation>
    </message>
    <message>
        <source>Re&amp;lease %1 Held</source>
        <translation>%1 zurückgehaltene &amp;freigeben</translation>
    </message>
    <message>
        <source>Released %1 held stanzas.</source>
        <translation>%1 zurückgehaltene Stanzas freigegeben.</translation>
    </message>
</context>
<context>
    <name>xcm::SavedFiltersButton</name>
    <message>
        <source>Saved</source>
        <translation>Gespeichert</translation>
    </message>
    <message>
        <source>Saved and recent filter expressions of this profile</source>
        <translation>Gespeicherte und zuletzt benutzte Filterausdrücke dieses Profils</translation>
    </message>
    <message>
        <source>Saved Filters</source>
        <translation>Gespeicherte Filter</translation>
    </message>
    <message>
        <source>No saved filters yet</source>
        <translation>Noch keine gespeicherten Filter</translation>
    </message>
    <message>
        <source>&amp;Save Current Filter…</source>
        <translation>Aktuellen Filter &amp;speichern …</translation>
    </message>
    <message>
        <source>Type a valid filter expression (Expr) first</source>
        <translation>Geben Sie zuerst einen gültigen Filterausdruck ein (Ausdr.)</translation>
    </message>
    <message>
        <source>&amp;Delete Saved Filter</source>
        <translation>Gespeicherten Filter &amp;löschen</translation>
    </message>
    <message>
        <source>Recent</source>
        <translation>Zuletzt benutzt</translation>
    </message>
    <message>
        <source>Clear Recent</source>
        <translation>Liste leeren</translation>
    </message>
    <message>
        <source>Save Filter</source>
        <translation>Filter speichern</translation>
    </message>
    <message>
        <source>Name for %1 (none: the expression is its name):</source>
        <translation>Name für %1 (leer: der Ausdruck ist sein Name):</translation>
    </message>
</context>
<context>
    <name>xcm::SavedLogLoader</name>
    <message>
        <source>a loader reads one file</source>
        <translation>ein Lader liest eine Datei</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
</context>
<context>
    <name>xcm::SavedLogWindow</name>
    <message>
        <source>Stop Reading</source>
        <translation>Lesen beenden</translation>
    </message>
    <message>
        <source>Keep what was read so far (Esc)</source>
        <translation>Behalten, was bisher gelesen wurde (Esc)</translation>
    </message>
    <message>
        <source>%1 — saved log, read-only — xcm</source>
        <translation>%1 — gespeichertes Protokoll, schreibgeschützt — xcm</translation>
    </message>
    <message>
        <source>Reading %1… %2 % · %3 stanzas</source>
        <translation>Lese %1 … %2 % · %3 Stanzas</translation>
    </message>
    <message>
        <source>%1 stanzas read, then stopped (Esc)</source>
        <translation>%1 Stanzas gelesen, dann angehalten (Esc)</translation>
    </message>
    <message>
        <source>1 line could not be read (hover for it)</source>
        <translation>1 Zeile war nicht lesbar (Details im Tooltip)</translation>
    </message>
    <message>
        <source>%1 lines could not be read (hover for which)</source>
        <translation>%1 Zeilen waren nicht lesbar (welche: im Tooltip)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Schließen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Log</source>
        <translation>Pr&amp;otokoll</translation>
    </message>
    <message>
        <source>Read in full</source>
        <translation>Vollständig gelesen</translation>
    </message>
    <message>
        <source>%1 stanzas read · showing the newest %2</source>
        <translation>%1 Stanzas gelesen · die neuesten %2 werden gezeigt</translation>
    </message>
    <message>
        <source>%1 stanzas read</source>
        <translation>%1 Stanzas gelesen</translation>
    </message>
    <message>
        <source>%1 holds no stanza xcm can read: %2.</source>
        <translation>%1 enthält kein Stanza, das xcm lesen kann: %2.</translation>
    </message>
    <message>
        <source>(%1 lines could not be read.)</source>
        <translation>(%1 Zeilen konnten nicht gelesen werden.)</translation>
    </message>
    <message>
        <source>(More than 100 lines could not be read.)</source>
        <translation>(Mehr als 100 Zeilen konnten nicht gelesen werden.)</translation>
    </message>
</context>
<context>
    <name>xcm::SecretPrompt</name>
    <message>
        <source>Secret of %1</source>
        <translation>Secret von %1</translation>
    </message>
    <message>
        <source>The keychain has no secret for “%1”. Enter its shared secret to connect.</source>
        <translation>Der Schlüsselbund hat kein Secret für „%1“. Geben Sie sein Shared Secret ein, um zu verbinden.</translation>
    </message>
    <message>
        <source>The keychain could not give the secret of “%1” (%2). Enter its shared secret to connect.</source>
        <translation>Der Schlüsselbund konnte das Secret von „%1“ nicht liefern (%2). Geben Sie sein Shared Secret ein, um zu verbinden.</translation>
    </message>
    <message>
        <source>the component_secret configured on the server</source>
        <translation>das auf dem Server eingestellte component_secret</translation>
    </message>
    <message>
        <source>Shared secret</source>
        <translation>Shared Secret</translation>
    </message>
    <message>
        <source>Show the secret</source>
        <translation>Secret anzeigen</translation>
    </message>
    <message>
        <source>Hide the secret</source>
        <translation>Secret verbergen</translation>
    </message>
    <message>
        <source>&amp;Save in the keychain</source>
        <translation>Im Schlüsselbund &amp;speichern</translation>
    </message>
    <message>
        <source>Otherwise the secret is used for this connection and forgotten when xcm quits</source>
        <translation>Sonst wird das Secret für diese Verbindung benutzt und beim Beenden von xcm vergessen</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>&amp;Verbinden</translation>
    </message>
    <message>
        <source>The keychain has no secret for the component behind “%1”. Enter the secret your component presents to xcm to start the proxy.</source>
        <translation>Der Schlüsselbund hat kein Secret für die Komponente hinter „%1“. Geben Sie das Secret ein, das Ihre Komponente xcm vorlegt, um den Proxy zu starten.</translation>
    </message>
    <message>
        <source>The keychain could not give the secret of the component behind “%1” (%2). Enter the secret your component presents to xcm to start the proxy.</source>
        <translation>Der Schlüsselbund konnte das Secret der Komponente hinter „%1“ nicht liefern (%2). Geben Sie das Secret ein, das Ihre Komponente xcm vorlegt, um den Proxy zu starten.</translation>
    </message>
    <message>
        <source>the secret your component is configured with</source>
        <translation>das Secret, mit dem Ihre Komponente eingerichtet ist</translation>
    </message>
    <message>
        <source>Secret of the component behind %1</source>
        <translation>Secret der Komponente hinter %1</translation>
    </message>
    <message>
        <source>&amp;Start Proxy</source>
        <translation>Proxy &amp;starten</translation>
    </message>
    <message>
        <source>Kept until xcm quits: no keychain is available</source>
        <translation>Bleibt bis zum Beenden von xcm: kein Schlüsselbund verfügbar</translation>
    </message>
</context>
<context>
    <name>xcm::SecretPromptQueue</name>
    <message>
        <source>Not connected: no secret was entered. Connect to enter it, or set it in the profile (F2).</source>
        <translation>Nicht verbunden: kein Secret eingegeben. Verbinden Sie, um es einzugeben, oder setzen Sie es im Profil (F2).</translation>
    </message>
    <message>
        <source>Not connected: the keychain could not give the secret (%1). Unlock the keychain and Retry, or Connect to enter the secret.</source>
        <translation>Nicht verbunden: der Schlüsselbund konnte das Secret nicht liefern (%1). Entsperren Sie den Schlüsselbund und versuchen Sie es erneut, oder verbinden Sie und geben Sie das Secret ein.</translation>
    </message>
    <message>
        <source>Not listening: the secret your component presents was not entered. Connect to enter it, or set it in the profile (F2).</source>
        <translation>Lauscht nicht: Das Secret, das Ihre Komponente vorlegt, wurde nicht eingegeben. Verbinden Sie, um es einzugeben, oder legen Sie es im Profil fest (F2).</translation>
    </message>
</context>
<context>
    <name>xcm::SecretStore</name>
    <message>
        <source>the keychain did not answer within %1 s</source>
        <translation>der Schlüsselbund hat nicht innerhalb von %1 s geantwortet</translation>
    </message>
    <message>
        <source>the keychain is locked</source>
        <translation>der Schlüsselbund ist gesperrt</translation>
    </message>
</context>
<context>
    <name>xcm::SessionListModel</name>
    <message>
        <source>Reading secret…</source>
        <translation>Secret wird gelesen …</translation>
    </message>
    <message>
        <source>%1 · %2:%3</source>
        <translation>%1 · %2:%3</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2 on %3:%4&lt;br&gt;%5</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2 auf %3:%4&lt;br&gt;%5</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>%1 · proxy %2 → %3</source>
        <translation>%1 · Proxy %2 → %3</translation>
    </message>
</context>
<context>
    <name>xcm::SessionPage</name>
    <message>
        <source>Compose</source>
        <translation>Verfassen</translation>
    </message>
    <message>
        <source>Rules (%1 on)</source>
        <translation>Regeln (%1 an)</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>Regeln</translation>
    </message>
    <message>
        <source>Rules: %1, on: %2</source>
        <translation>Regeln: %1, an: %2</translation>
    </message>
</context>
<context>
    <name>xcm::StanzaDetailPane</name>
    <message>
        <source>Raw</source>
        <translation>Roh</translation>
    </message>
    <message>
        <source>Show the exact bytes on the wire instead of indented XML</source>
        <translation>Die genauen Bytes auf der Leitung statt eingerücktem XML zeigen</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy the stanza as shown</source>
        <translation>Das Stanza so kopieren, wie es angezeigt wird</translation>
    </message>
    <message>
        <source>↓ received</source>
        <translation>↓ empfangen</translation>
    </message>
    <message>
        <source>↑ sent</source>
        <translation>↑ gesendet</translation>
    </message>
    <message>
        <source>#%1 · %2 · %3 · %4 bytes</source>
        <translation>#%1 · %2 · %3 · %4 Bytes</translation>
    </message>
    <message>
        <source>Select a stanza to see it here.</source>
        <translation>Wählen Sie ein Stanza aus, um es hier zu sehen.</translation>
    </message>
    <message>
        <source>Only the first part of this large stanza is shown: load the rest</source>
        <translation>Von diesem großen Stanza wird nur der Anfang gezeigt: den Rest laden</translation>
    </message>
    <message>
        <source>Indenting %1 of XML…</source>
        <translation>%1 XML werden eingerückt …</translation>
    </message>
    <message>
        <source>Loading… %1%</source>
        <translation>Wird geladen … %1 %</translation>
    </message>
    <message>
        <source>Show All (%1)</source>
        <translation>Alles zeigen (%1)</translation>
    </message>
</context>
<context>
    <name>xcm::StanzaEditor</name>
    <message>
        <source>Edit in Full</source>
        <translation>Ganz bearbeiten</translation>
    </message>
    <message>
        <source>Put the whole text in the editor. A line this long makes the editor slow: expect pauses while typing.</source>
        <translation>Den ganzen Text in den Editor holen. Eine so lange Zeile macht den Editor langsam: beim Tippen sind Pausen zu erwarten.</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Back to the text before the large stanza (Ctrl+Z)</source>
        <translation>Zurück zum Text vor dem großen Stanza (Strg+Z)</translation>
    </message>
    <message>
        <source>Large stanza (%1), kept exactly as given: showing its start, read-only</source>
        <translation>Großes Stanza (%1), genau so behalten, wie es kam: sein Anfang, schreibgeschützt</translation>
    </message>
</context>
<context>
    <name>xcm::StanzaLogExport</name>
    <message>
        <source>there is no log to export</source>
        <translation>es gibt kein Protokoll zum Exportieren</translation>
    </message>
    <message>
        <source>the file is not open for writing</source>
        <translation>die Datei ist nicht zum Schreiben geöffnet</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
</context>
<context>
    <name>xcm::StanzaLogHeader</name>
    <message>
        <source>&amp;Fit Columns to Width</source>
        <translation>Spalten an die &amp;Breite anpassen</translation>
    </message>
    <message>
        <source>Size From, To and Id to the window again, Summary taking the rest</source>
        <translation>Von, An und ID wieder nach der Fensterbreite bemessen; der Inhalt bekommt den Rest</translation>
    </message>
</context>
<context>
    <name>xcm::StanzaLogModel</name>
    <message>
        <source>received</source>
        <translation>empfangen</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>gesendet</translation>
    </message>
    <message>
        <source>%1 bytes on the wire</source>
        <translation>%1 Bytes auf der Leitung</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Dir</source>
        <translation>Ri.</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>An</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Inhalt</translation>
    </message>
    <message>
        <source>Local time the stanza was received or sent</source>
        <translation>Ortszeit, zu der das Stanza empfangen oder gesendet wurde</translation>
    </message>
    <message>
        <source>Direction: ↓ received from the server, ↑ sent by the component</source>
        <translation>Richtung: ↓ vom Server empfangen, ↑ von der Komponente gesendet</translation>
    </message>
    <message>
        <source>Bytes on the wire</source>
        <translation>Bytes auf der Leitung</translation>
    </message>
    <message>
        <source>Message body, IQ payload, presence state or error condition</source>
        <translation>Nachrichtentext, IQ-Inhalt, Presence-Status oder Fehlerbedingung</translation>
    </message>
    <message>
        <source>message</source>
        <translation>message</translation>
    </message>
    <message>
        <source>presence</source>
        <translation>presence</translation>
    </message>
    <message>
        <source>iq</source>
        <translation>iq</translation>
    </message>
    <message>
        <source>stream</source>
        <translation>stream</translation>
    </message>
    <message>
        <source>other</source>
        <translation>andere</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <source>For an IQ request, its answer and the round trip; for an answer, its request</source>
        <translation>Bei einer IQ-Anfrage ihre Antwort und die Umlaufzeit; bei einer Antwort ihre Anfrage</translation>
    </message>
    <message>
        <source>sent by xcm automatically</source>
        <translation>automatisch von xcm gesendet</translation>
    </message>
    <message>
        <source>injected by you</source>
        <translation>von Ihnen eingeschleust</translation>
    </message>
    <message>
        <source>injected: %1</source>
        <translation>eingeschleust: %1</translation>
    </message>
    <message>
        <source>not a request or an answer: the type is invalid</source>
        <translation>weder Anfrage noch Antwort: der Typ ist ungültig</translation>
    </message>
    <message>
        <source>a request without an id: it cannot be answered</source>
        <translation>eine Anfrage ohne ID: sie kann nicht beantwortet werden</translation>
    </message>
    <message>
        <source>answers no request sent on this connection</source>
        <translation>beantwortet keine auf dieser Verbindung gesendete Anfrage</translation>
    </message>
    <message>
        <source>%1 — the id of a request still waiting</source>
        <translation>%1 — die ID einer noch wartenden Anfrage</translation>
    </message>
    <message>
        <source>auto %1</source>
        <translation>automatisch: %1</translation>
    </message>
    <message>
        <source>rule %1</source>
        <translation>Regel %1</translation>
    </message>
    <message>
        <source>rule %1: %2</source>
        <translation>Regel %1: %2</translation>
    </message>
</context>
<context>
    <name>xcm::StanzaLogView</name>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Hold the view still; traffic is still logged and counted (Space in the list, Ctrl+P)</source>
        <translation>Die Ansicht anhalten; der Verkehr wird weiter protokolliert und gezählt (Leertaste in der Liste, Strg+P)</translation>
    </message>
    <message>
        <source>Follow</source>
        <translation>Folgen</translation>
    </message>
    <message>
        <source>Keep the newest stanza in view while the list is scrolled to the bottom</source>
        <translation>Das neueste Stanza im Blick behalten, solange die Liste ganz unten steht</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <source>Remove all stanzas from the log (Ctrl+L)</source>
        <translation>Alle Stanzas aus dem Protokoll entfernen (Strg+L)</translation>
    </message>
    <message>
        <source>Copy Stanza</source>
        <translation>Stanza kopieren</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Pause</translation>
    </message>
    <message>
        <source>Follo&amp;w Newest</source>
        <translation>&amp;Neuesten folgen</translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation>&amp;Leeren</translation>
    </message>
    <message>
        <source>&amp;Copy Stanza</source>
        <translation>Stanza &amp;kopieren</translation>
    </message>
    <message>
        <source>Copy the selected stanza as it was on the wire (Ctrl+C in the list)</source>
        <translation>Das ausgewählte Stanza so kopieren, wie es auf der Leitung war (Strg+C in der Liste)</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>F&amp;ortsetzen</translation>
    </message>
    <message>
        <source>Cleared 1 stanza</source>
        <translation>1 Stanza entfernt</translation>
    </message>
    <message>
        <source>Cleared %1 stanzas</source>
        <translation>%1 Stanzas entfernt</translation>
    </message>
    <message>
        <source>Slowest first</source>
        <translation>Langsamste zuerst</translation>
    </message>
    <message>
        <source>Sort by round trip, unanswered requests first (or click the Answer column); off: the log&apos;s order</source>
        <translation>Nach Antwortzeit sortieren, unbeantwortete Anfragen zuerst (oder auf die Spalte Antwort klicken); aus: Reihenfolge des Protokolls</translation>
    </message>
    <message>
        <source>In the log&apos;s order</source>
        <translation>In der Reihenfolge des Protokolls</translation>
    </message>
    <message>
        <source>Slowest answers first, unanswered requests at the top; click Answer again for the fastest, Time for the log&apos;s order</source>
        <translation>Langsamste Antworten zuerst, unbeantwortete Anfragen oben; nochmals auf Antwort klicken für die schnellsten, auf Zeit für die Reihenfolge des Protokolls</translation>
    </message>
    <message>
        <source>Fastest answers first; click Answer again or Time for the log&apos;s order</source>
        <translation>Schnellste Antworten zuerst; nochmals auf Antwort oder auf Zeit klicken für die Reihenfolge des Protokolls</translation>
    </message>
    <message>
        <source>Slowest &amp;Answers First</source>
        <translation>Nach &amp;Dauer sortieren, langsamste zuerst</translation>
    </message>
    <message>
        <source>No stanza matches the filter.
Esc clears the search; the boxes and lists above widen the rest.</source>
        <translation>Kein Stanza passt zum Filter.
Esc leert die Suche; die Felder und Listen darüber lassen mehr durch.</translation>
    </message>
</context>
<context>
    <name>xcm::StanzaPolicy</name>
    <message>
        <source>nothing to send</source>
        <translation>nichts zu senden</translation>
    </message>
    <message>
        <source>the stanza is %1 bytes, over the %2-byte limit</source>
        <translation>das Stanza ist %1 Bytes groß und überschreitet die Grenze von %2 Bytes</translation>
    </message>
    <message>
        <source>not well-formed XML: %1</source>
        <translation>kein wohlgeformtes XML: %1</translation>
    </message>
    <message>
        <source>a stanza must be in the stream&apos;s namespace jabber:component:accept, not &apos;%1&apos;</source>
        <translation>ein Stanza muss im Namensraum des Streams jabber:component:accept stehen, nicht in &apos;%1&apos;</translation>
    </message>
    <message>
        <source>only &lt;message/&gt;, &lt;presence/&gt; and &lt;iq/&gt; can be sent, not &lt;%1/&gt;</source>
        <translation>nur &lt;message/&gt;, &lt;presence/&gt; und &lt;iq/&gt; können gesendet werden, nicht &lt;%1/&gt;</translation>
    </message>
    <message>
        <source>the stanza has no &apos;to&apos; address (servers close the stream with improper-addressing)</source>
        <translation>das Stanza hat keine &apos;to&apos;-Adresse (Server schließen den Stream mit improper-addressing)</translation>
    </message>
    <message>
        <source>&apos;to&apos; is not a valid address: %1</source>
        <translation>&apos;to&apos; ist keine gültige Adresse: %1</translation>
    </message>
    <message>
        <source>the stanza has no &apos;from&apos; address: a component must say which of its addresses sends it</source>
        <translation>das Stanza hat keine &apos;from&apos;-Adresse: eine Komponente muss angeben, welche ihrer Adressen es sendet</translation>
    </message>
    <message>
        <source>&apos;from&apos; is not a valid address: %1</source>
        <translation>&apos;from&apos; ist keine gültige Adresse: %1</translation>
    </message>
    <message>
        <source>&apos;from&apos; must be on the component&apos;s domain %1, not %2 (servers close the stream with invalid-from)</source>
        <translation>&apos;from&apos; muss in der Komponentendomain %1 liegen, nicht in %2 (Server schließen den Stream mit invalid-from)</translation>
    </message>
    <message>
        <source>an &lt;iq/&gt; needs type get, set, result or error</source>
        <translation>ein &lt;iq/&gt; braucht den Typ get, set, result oder error</translation>
    </message>
    <message>
        <source>an &lt;iq/&gt; needs an id</source>
        <translation>ein &lt;iq/&gt; braucht eine ID</translation>
    </message>
    <message>
        <source>&apos;to&apos; must be the component&apos;s address (%1 or an address on it)</source>
        <translation>&apos;to&apos; muss die Adresse der Komponente sein (%1 oder eine Adresse darauf)</translation>
    </message>
    <message>
        <source>&apos;to&apos; must be on the component&apos;s domain %1, not %2: the server delivers nothing else to it</source>
        <translation>&apos;to&apos; muss auf der Domain %1 der Komponente liegen, nicht auf %2: anderes stellt ihr der Server nicht zu</translation>
    </message>
    <message>
        <source>the stanza has no &apos;from&apos; address: say who it comes from, as the server would</source>
        <translation>das Stanza hat keine &apos;from&apos;-Adresse: geben Sie an, von wem es kommt, wie es der Server täte</translation>
    </message>
    <message>
        <source>&apos;from&apos; must spell the component&apos;s domain in lowercase, %1, not %2 (Prosody closes the stream with invalid-from)</source>
        <translation>&apos;from&apos; muss die Domain der Komponente kleingeschrieben enthalten, %1, nicht %2 (Prosody schließt den Stream mit invalid-from)</translation>
    </message>
</context>
<context>
    <name>xcm::StanzaSummary</name>
    <message>
        <source>subject: %1</source>
        <translation>Betreff: %1</translation>
    </message>
    <message>
        <source>available</source>
        <translation>available</translation>
    </message>
    <message>
        <source>stream closed</source>
        <translation>Stream geschlossen</translation>
    </message>
    <message>
        <source>stream header</source>
        <translation>Stream-Header</translation>
    </message>
    <message>
        <source>handshake accepted</source>
        <translation>Handshake angenommen</translation>
    </message>
    <message>
        <source>handshake</source>
        <translation>Handshake</translation>
    </message>
    <message>
        <source>stream error: %1</source>
        <translation>Stream-Fehler: %1</translation>
    </message>
    <message>
        <source>(not a complete element)</source>
        <translation>(kein vollständiges Element)</translation>
    </message>
</context>
<context>
    <name>xcm::StanzaTemplate</name>
    <message>
        <source>Message · chat</source>
        <translation>Nachricht · chat</translation>
    </message>
    <message>
        <source>Message · normal</source>
        <translation>Nachricht · normal</translation>
    </message>
    <message>
        <source>Message · headline</source>
        <translation>Nachricht · headline</translation>
    </message>
    <message>
        <source>Presence · available</source>
        <translation>Presence · available</translation>
    </message>
    <message>
        <source>Presence · unavailable</source>
        <translation>Presence · unavailable</translation>
    </message>
    <message>
        <source>Presence · subscribe</source>
        <translation>Presence · subscribe</translation>
    </message>
    <message>
        <source>Presence · probe</source>
        <translation>Presence · probe</translation>
    </message>
    <message>
        <source>IQ get · disco#info</source>
        <translation>IQ get · disco#info</translation>
    </message>
    <message>
        <source>IQ get · disco#items</source>
        <translation>IQ get · disco#items</translation>
    </message>
    <message>
        <source>IQ get · ping</source>
        <translation>IQ get · ping</translation>
    </message>
    <message>
        <source>IQ get · version</source>
        <translation>IQ get · version</translation>
    </message>
    <message>
        <source>IQ get · time</source>
        <translation>IQ get · time</translation>
    </message>
    <message>
        <source>Raw XML</source>
        <translation>Rohes XML</translation>
    </message>
</context>
<context>
    <name>xcm::StateStyle</name>
    <message>
        <source>Reconnecting in %1 s</source>
        <translation>Neuer Versuch in %1 s</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Failed after one attempt</source>
        <translation>Nach einem Versuch fehlgeschlagen</translation>
    </message>
    <message>
        <source>Failed after %1 attempts</source>
        <translation>Nach %1 Versuchen fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>xcm::StreamParser</name>
    <message>
        <source>the server answered with a TLS handshake, not XML: this port expects direct TLS</source>
        <translation>der Server antwortete mit einem TLS-Handshake statt mit XML: dieser Port erwartet direktes TLS</translation>
    </message>
    <message>
        <source>invalid UTF-8 at byte %1 of the stream</source>
        <translation>ungültiges UTF-8 bei Byte %1 des Streams</translation>
    </message>
    <message>
        <source>text outside any stanza: &quot;%1&quot;</source>
        <translation>Text außerhalb jeder Stanza: „%1“</translation>
    </message>
    <message>
        <source>the sequence &apos;]]&gt;&apos; is not allowed in text</source>
        <translation>die Zeichenfolge „]]&gt;“ ist in Text nicht erlaubt</translation>
    </message>
    <message>
        <source>an element with more than %1 attributes</source>
        <translation>ein Element mit mehr als %1 Attributen</translation>
    </message>
    <message>
        <source>the stream contains a DTD or declaration (&lt;!%1…)</source>
        <translation>der Stream enthält eine DTD oder Deklaration (&lt;!%1…)</translation>
    </message>
    <message>
        <source>a stanza grew past the %1-byte limit without ending</source>
        <translation>eine Stanza wuchs über die Grenze von %1 Bytes, ohne zu enden</translation>
    </message>
    <message>
        <source>the stream declares encoding &apos;%1&apos;; XMPP is UTF-8 only</source>
        <translation>der Stream gibt die Kodierung „%1“ an; XMPP kennt nur UTF-8</translation>
    </message>
    <message>
        <source>the stream contains an XML comment</source>
        <translation>der Stream enthält einen XML-Kommentar</translation>
    </message>
    <message>
        <source>the stream contains a processing instruction &lt;?%1?&gt;</source>
        <translation>der Stream enthält eine Verarbeitungsanweisung &lt;?%1?&gt;</translation>
    </message>
    <message>
        <source>the stream contains a DTD (&lt;!DOCTYPE&gt;)</source>
        <translation>der Stream enthält eine DTD (&lt;!DOCTYPE&gt;)</translation>
    </message>
    <message>
        <source>the stream references the entity &amp;%1;</source>
        <translation>der Stream verweist auf die Entität &amp;%1;</translation>
    </message>
    <message>
        <source>%1 (XML streams allow only the entities &amp;lt; &amp;gt; &amp;amp; &amp;quot; &amp;apos;)</source>
        <translation>%1 (XML-Streams erlauben nur die Entitäten &amp;lt; &amp;gt; &amp;amp; &amp;quot; &amp;apos;)</translation>
    </message>
    <message>
        <source>%1 (line %2, column %3)</source>
        <translation>%1 (Zeile %2, Spalte %3)</translation>
    </message>
    <message>
        <source>&lt;%1&gt; declares the namespace prefix &apos;%2&apos; twice</source>
        <translation>&lt;%1&gt; deklariert das Namensraum-Präfix „%2“ zweimal</translation>
    </message>
    <message>
        <source>the stream starts with &lt;%1&gt;, not &lt;stream:stream&gt;</source>
        <translation>der Stream beginnt mit &lt;%1&gt;, nicht mit &lt;stream:stream&gt;</translation>
    </message>
    <message>
        <source>the stream header has namespace &apos;%1&apos;</source>
        <translation>der Stream-Header hat den Namensraum „%1“</translation>
    </message>
    <message>
        <source>the server opened a client stream (jabber:client): this is its client (c2s) port, not the component port (Prosody and ejabberd use 5347 by default, Openfire 5275)</source>
        <translation>der Server öffnete einen Client-Stream (jabber:client): das ist sein Client-Port (c2s), nicht der Komponenten-Port (Prosody und ejabberd nutzen standardmäßig 5347, Openfire 5275)</translation>
    </message>
    <message>
        <source>the server opened a server-to-server stream (jabber:server): this is its s2s port, not the component port (Prosody and ejabberd use 5347 by default, Openfire 5275)</source>
        <translation>der Server öffnete einen Server-zu-Server-Stream (jabber:server): das ist sein s2s-Port, nicht der Komponenten-Port (Prosody und ejabberd nutzen standardmäßig 5347, Openfire 5275)</translation>
    </message>
    <message>
        <source>the stream&apos;s default namespace is &apos;%1&apos;, not jabber:component:accept</source>
        <translation>der Standard-Namensraum des Streams ist „%1“, nicht jabber:component:accept</translation>
    </message>
    <message>
        <source>a second stream header arrived inside the open stream</source>
        <translation>ein zweiter Stream-Header kam innerhalb des offenen Streams</translation>
    </message>
    <message>
        <source>elements nested deeper than %1 levels</source>
        <translation>Elemente tiefer als %1 Ebenen verschachtelt</translation>
    </message>
    <message>
        <source>a stanza of %1 bytes, over the %2-byte limit</source>
        <translation>eine Stanza von %1 Bytes, über der Grenze von %2 Bytes</translation>
    </message>
    <message>
        <source>the character U+%1 at byte %2 of the stream is not allowed in XML</source>
        <translation>das Zeichen U+%1 bei Byte %2 des Streams ist in XML nicht erlaubt</translation>
    </message>
</context>
<context>
    <name>xcm::StreamSocket</name>
    <message>
        <source>direct TLS is set but the socket factory made no TLS socket</source>
        <translation>direktes TLS ist eingestellt, aber die Socket-Fabrik hat keinen TLS-Socket erzeugt</translation>
    </message>
</context>
<context>
    <name>xcm::TimelineDialog</name>
    <message>
        <source>Connection Timeline — %1</source>
        <translation>Verbindungszeitleiste — %1</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy the selected rows, or all of them, as text (Ctrl+C)</source>
        <translation>Die ausgewählten Zeilen, oder alle, als Text kopieren (Strg+C)</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren …</translation>
    </message>
    <message>
        <source>Save the whole timeline as CSV or text</source>
        <translation>Die ganze Zeitleiste als CSV oder Text speichern</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Text (*.txt)</source>
        <translation>Text (*.txt)</translation>
    </message>
    <message>
        <source>Export Timeline</source>
        <translation>Zeitleiste exportieren</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>xcm::TrafficGraph</name>
    <message>
        <source>Now: in %1/s, out %2/s, errors %3/s</source>
        <translation>Jetzt: ein %1/s, aus %2/s, Fehler %3/s</translation>
    </message>
    <message>
        <source>Peak: in %1/s, out %2/s</source>
        <translation>Spitze: ein %1/s, aus %2/s</translation>
    </message>
    <message>
        <source>Received above the line, sent below; errors in red</source>
        <translation>Empfangen über der Linie, gesendet darunter; Fehler in Rot</translation>
    </message>
    <message>
        <source>peak %1/s</source>
        <translation>Spitze %1/s</translation>
    </message>
    <message>
        <source>Stanzas per second over the last %1 min</source>
        <translation>Stanzas pro Sekunde in den letzten %1 min</translation>
    </message>
</context>
<context>
    <name>xcm::XmlElement</name>
    <message>
        <source>the XML is not complete: &lt;%1&gt; is not closed</source>
        <translation>das XML ist unvollständig: &lt;%1&gt; wird nicht geschlossen</translation>
    </message>
    <message>
        <source>no XML element given</source>
        <translation>kein XML-Element angegeben</translation>
    </message>
    <message>
        <source>a second element starts where only one may be given</source>
        <translation>ein zweites Element beginnt, wo nur eines erlaubt ist</translation>
    </message>
    <message>
        <source>text outside the element</source>
        <translation>Text außerhalb des Elements</translation>
    </message>
    <message>
        <source>comments are not allowed in XMPP</source>
        <translation>Kommentare sind in XMPP nicht erlaubt</translation>
    </message>
    <message>
        <source>processing instructions are not allowed in XMPP</source>
        <translation>Verarbeitungsanweisungen sind in XMPP nicht erlaubt</translation>
    </message>
    <message>
        <source>DTDs are not allowed in XMPP</source>
        <translation>DTDs sind in XMPP nicht erlaubt</translation>
    </message>
    <message>
        <source>entity references other than the predefined five are not allowed</source>
        <translation>Entity-Referenzen außer den fünf vordefinierten sind nicht erlaubt</translation>
    </message>
    <message>
        <source>the XML ends inside a tag</source>
        <translation>das XML endet mitten in einem Tag</translation>
    </message>
    <message>
        <source>%1 (line %2, column %3)</source>
        <translation>%1 (Zeile %2, Spalte %3)</translation>
    </message>
</context>
</TS>
