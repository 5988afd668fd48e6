<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>BootEditorPage</name>
    <message>
        <source>Boot configuration — %1</source>
        <translation>Boot-Konfiguration — %1</translation>
    </message>
    <message>
        <source>Boot entries — %1</source>
        <translation>Booteinträge — %1</translation>
    </message>
    <message>
        <source>Edit profile %1</source>
        <translation>Profil %1 bearbeiten</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Undo the last boot configuration change</source>
        <translation>Letzte Änderung der Boot-Konfiguration rückgängig machen</translation>
    </message>
    <message>
        <source>Revert all</source>
        <translation>Alles verwerfen</translation>
    </message>
    <message>
        <source>Revert all boot configuration changes</source>
        <translation>Alle Änderungen der Boot-Konfiguration verwerfen</translation>
    </message>
    <message>
        <source>Applying…</source>
        <translation>Wird angewendet…</translation>
    </message>
    <message>
        <source>Apply…</source>
        <translation>Anwenden…</translation>
    </message>
    <message>
        <source>Apply boot configuration changes</source>
        <translation>Änderungen der Boot-Konfiguration anwenden</translation>
    </message>
    <message>
        <source>Close the boot editor</source>
        <translation>Boot-Editor schließen</translation>
    </message>
    <message>
        <source>Boot entries</source>
        <translation>Booteinträge</translation>
    </message>
    <message>
        <source>UEFI settings</source>
        <translation>UEFI-Einstellungen</translation>
    </message>
    <message>
        <source>Changes to apply</source>
        <translation>Anzuwendende Änderungen</translation>
    </message>
    <message>
        <source>No changes.</source>
        <translation>Keine Änderungen.</translation>
    </message>
</context>
<context>
    <name>BootEditorView</name>
    <message>
        <source>Discard the changes that were not applied?</source>
        <translation>Nicht angewendete Änderungen verwerfen?</translation>
    </message>
</context>
<context>
    <name>BootEntriesPane</name>
    <message>
        <source>No boot entries: the firmware creates its own at the first boot.</source>
        <translation>Keine Booteinträge: Die Firmware legt beim ersten Start eigene an.</translation>
    </message>
    <message>
        <source>Network entries for</source>
        <translation>Netzwerkeinträge für</translation>
    </message>
    <message>
        <source>Device whose network card new PXE and HTTP entries use</source>
        <translation>Gerät, dessen Netzwerkkarte neue PXE- und HTTP-Einträge verwenden</translation>
    </message>
    <message>
        <source>(no device uses this profile)</source>
        <translation>(kein Gerät verwendet dieses Profil)</translation>
    </message>
    <message>
        <source>Add PXE entry</source>
        <translation>PXE-Eintrag hinzufügen</translation>
    </message>
    <message>
        <source>HTTP boot URI</source>
        <translation>HTTP-Boot-URI</translation>
    </message>
    <message>
        <source>http://server/boot.efi</source>
        <translation>http://server/boot.efi</translation>
    </message>
    <message>
        <source>Add HTTP boot entry</source>
        <translation>HTTP-Booteintrag hinzufügen</translation>
    </message>
    <message>
        <source>Disk entry name</source>
        <translation>Name des Festplatteneintrags</translation>
    </message>
    <message>
        <source>Disk entry description</source>
        <translation>Beschreibung des Festplatteneintrags</translation>
    </message>
    <message>
        <source>Disk entry loader path</source>
        <translation>Loader-Pfad des Festplatteneintrags</translation>
    </message>
    <message>
        <source>Add disk entry</source>
        <translation>Festplatteneintrag hinzufügen</translation>
    </message>
    <message>
        <source>Timeout (seconds)</source>
        <translation>Zeitlimit (Sekunden)</translation>
    </message>
    <message>
        <source>Boot menu timeout in seconds</source>
        <translation>Zeitlimit des Bootmenüs in Sekunden</translation>
    </message>
    <message>
        <source>Clear BootNext</source>
        <translation>BootNext löschen</translation>
    </message>
    <message>
        <source>Loader on any disk, e.g. %1</source>
        <translation>Loader auf beliebiger Festplatte, z. B. %1</translation>
    </message>
</context>
<context>
    <name>BootEntryModel</name>
    <message>
        <source>Applying boot entries needs a running lab.</source>
        <translation>Zum Anwenden von Booteinträgen muss ein Lab laufen.</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(leer)</translation>
    </message>
    <message>
        <source>BootOrder: %1 → %2</source>
        <translation>BootOrder: %1 → %2</translation>
    </message>
    <message>
        <source>%1 added: &quot;%2&quot; %3</source>
        <translation>%1 hinzugefügt: „%2“ %3</translation>
    </message>
    <message>
        <source>%1 description: &quot;%2&quot; → &quot;%3&quot;</source>
        <translation>Beschreibung von %1: „%2“ → „%3“</translation>
    </message>
    <message>
        <source>%1 activated</source>
        <translation>%1 aktiviert</translation>
    </message>
    <message>
        <source>%1 deactivated</source>
        <translation>%1 deaktiviert</translation>
    </message>
    <message>
        <source>Boot%1 removed (&quot;%2&quot;)</source>
        <translation>Boot%1 entfernt („%2“)</translation>
    </message>
    <message>
        <source>BootNext: %1 → %2</source>
        <translation>BootNext: %1 → %2</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <source>Timeout: %1 s → %2 s</source>
        <translation>Zeitlimit: %1 s → %2 s</translation>
    </message>
</context>
<context>
    <name>BootEntryRow</name>
    <message>
        <source>%1, %2, position %3</source>
        <translation>%1, %2, Position %3</translation>
    </message>
    <message>
        <source>Move %1 up</source>
        <translation>%1 nach oben verschieben</translation>
    </message>
    <message>
        <source>Move %1 down</source>
        <translation>%1 nach unten verschieben</translation>
    </message>
    <message>
        <source>%1 active</source>
        <translation>%1 aktiv</translation>
    </message>
    <message>
        <source> (not in BootOrder)</source>
        <translation> (nicht in BootOrder)</translation>
    </message>
    <message>
        <source>Description of %1</source>
        <translation>Beschreibung von %1</translation>
    </message>
    <message>
        <source>BootNext</source>
        <translation>BootNext</translation>
    </message>
    <message>
        <source>Boot %1 next time only</source>
        <translation>%1 nur beim nächsten Start booten</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>%1 entfernen</translation>
    </message>
</context>
<context>
    <name>BootTimeline</name>
    <message>
        <source>The DHCP server refused the requested address. Check the pool range and the device&apos;s reservation, and that no other DHCP server hands out the same subnet.</source>
        <translation>Der DHCP-Server hat die angeforderte Adresse abgelehnt. Prüfen Sie den Adressbereich des Pools und die Reservierung des Geräts und dass kein anderer DHCP-Server dasselbe Subnetz vergibt.</translation>
    </message>
    <message>
        <source>Metal Boot ignored the request: the device is not adopted, its netboot is disabled (allow_pxe), or its MAC prefix is not in the Pi list. Adopt it in the Fleet view.</source>
        <translation>Metal Boot hat die Anfrage ignoriert: Das Gerät ist nicht übernommen, sein Netzwerkboot ist deaktiviert (allow_pxe) oder sein MAC-Präfix steht nicht in der Pi-Liste. Übernehmen Sie es in der Flottenansicht.</translation>
    </message>
    <message>
        <source>The device declined the offered address because something else on the network already uses it. Look for a static IP conflict.</source>
        <translation>Das Gerät hat die angebotene Adresse abgelehnt, weil sie im Netzwerk bereits verwendet wird. Suchen Sie nach einem Konflikt mit einer statischen IP.</translation>
    </message>
    <message>
        <source>A boot file could not be sent over TFTP. Check that the file exists in the TFTP root (Services ▸ Diagnose lists missing boot files), the serial-number folder name, and that UDP port 69 is not blocked by a firewall.</source>
        <translation>Eine Boot-Datei konnte nicht per TFTP gesendet werden. Prüfen Sie, ob die Datei im TFTP-Stammverzeichnis liegt (Dienste ▸ Diagnose listet fehlende Boot-Dateien), den Namen des Seriennummer-Ordners und dass UDP-Port 69 nicht von einer Firewall blockiert wird.</translation>
    </message>
    <message>
        <source>iPXE could not fetch its script, kernel or initrd over HTTP. Check the HTTP service address is reachable from the device and the files exist under the HTTP root.</source>
        <translation>iPXE konnte sein Skript, den Kernel oder die initrd nicht per HTTP laden. Prüfen Sie, ob die Adresse des HTTP-Dienstes vom Gerät erreichbar ist und die Dateien im HTTP-Stammverzeichnis liegen.</translation>
    </message>
    <message>
        <source>The UEFI firmware image for this device could not be produced. Check the firmware profile (base image, variables) assigned to the device.</source>
        <translation>Das UEFI-Firmware-Image für dieses Gerät konnte nicht erzeugt werden. Prüfen Sie das dem Gerät zugewiesene Firmware-Profil (Basis-Image, Variablen).</translation>
    </message>
    <message>
        <source>The switch did not apply the power change. Check the switch credentials, that the port mapping is right and that the port is not protected.</source>
        <translation>Der Switch hat die Stromänderung nicht übernommen. Prüfen Sie die Zugangsdaten des Switches, die Port-Zuordnung und dass der Port nicht geschützt ist.</translation>
    </message>
    <message>
        <source>Power was applied but the device never asked for an address. Check the cable and PoE budget, that the Pi&apos;s EEPROM BOOT_ORDER includes network boot (0x2), and that the switch port is in the lab VLAN with spanning tree portfast.</source>
        <translation>Strom liegt an, aber das Gerät hat nie eine Adresse angefordert. Prüfen Sie Kabel und PoE-Budget, ob BOOT_ORDER im EEPROM des Pi den Netzwerkboot (0x2) enthält und ob der Switch-Port im Lab-VLAN mit Spanning-Tree-Portfast liegt.</translation>
    </message>
    <message>
        <source>The DHCP exchange did not complete. In proxy mode another DHCP server must give the address; in full mode check the pool. Another PXE server on the segment can also answer first.</source>
        <translation>Der DHCP-Austausch wurde nicht abgeschlossen. Im Proxy-Modus muss ein anderer DHCP-Server die Adresse vergeben; im Vollmodus prüfen Sie den Pool. Auch ein anderer PXE-Server im Segment kann zuerst antworten.</translation>
    </message>
    <message>
        <source>The bootloader stopped while fetching files over TFTP. Check start4.elf, fixup4.dat, config.txt and RPI_EFI.fd in the TFTP root and the firewall for UDP 69.</source>
        <translation>Der Bootloader hat beim Laden von Dateien per TFTP angehalten. Prüfen Sie start4.elf, fixup4.dat, config.txt und RPI_EFI.fd im TFTP-Stammverzeichnis sowie die Firewall für UDP 69.</translation>
    </message>
    <message>
        <source>UEFI started but did not reach iPXE. Check the profile&apos;s boot order (the network entry first), and that the boot file for UEFI clients is served.</source>
        <translation>UEFI ist gestartet, hat iPXE aber nicht erreicht. Prüfen Sie die Bootreihenfolge des Profils (Netzwerkeintrag zuerst) und dass die Boot-Datei für UEFI-Clients ausgeliefert wird.</translation>
    </message>
    <message>
        <source>iPXE started but did not load an operating system. Check the device&apos;s iPXE script or script URL and the HTTP service.</source>
        <translation>iPXE ist gestartet, hat aber kein Betriebssystem geladen. Prüfen Sie das iPXE-Skript oder die Skript-URL des Geräts und den HTTP-Dienst.</translation>
    </message>
    <message>
        <source>The kernel was loaded but the operating system never reported in. Check the kernel command line (console, root=) and the device&apos;s serial console.</source>
        <translation>Der Kernel wurde geladen, aber das Betriebssystem hat sich nie gemeldet. Prüfen Sie die Kernel-Kommandozeile (console, root=) und die serielle Konsole des Geräts.</translation>
    </message>
    <message>
        <source>No DHCP request since power-on. Is network boot in the Pi&apos;s BOOT_ORDER, is the cable in the right switch port, and is spanning tree delaying the link (enable portfast)?</source>
        <translation>Seit dem Einschalten keine DHCP-Anfrage. Ist der Netzwerkboot in BOOT_ORDER des Pi enthalten, steckt das Kabel im richtigen Switch-Port, und verzögert Spanning Tree den Link (Portfast aktivieren)?</translation>
    </message>
    <message>
        <source>The device keeps asking for an address without moving on to TFTP. In proxy mode, check that the main DHCP server answers; check for other PXE servers on the segment.</source>
        <translation>Das Gerät fragt immer wieder nach einer Adresse, ohne zu TFTP überzugehen. Prüfen Sie im Proxy-Modus, ob der Haupt-DHCP-Server antwortet, und suchen Sie nach anderen PXE-Servern im Segment.</translation>
    </message>
    <message>
        <source>TFTP transfers started but the firmware never started. Look in the journal for files that were not found, and check the TFTP root.</source>
        <translation>TFTP-Übertragungen haben begonnen, aber die Firmware ist nie gestartet. Suchen Sie im Journal nach nicht gefundenen Dateien und prüfen Sie das TFTP-Stammverzeichnis.</translation>
    </message>
    <message>
        <source>UEFI has been running for a long time without network boot. The boot order may start with another device, or UEFI is waiting at a prompt.</source>
        <translation>UEFI läuft schon lange ohne Netzwerkboot. Möglicherweise beginnt die Bootreihenfolge mit einem anderen Gerät, oder UEFI wartet an einer Eingabeaufforderung.</translation>
    </message>
    <message>
        <source>iPXE is running but has not fetched a kernel. The script may be waiting or failing; check the HTTP service and the device&apos;s console.</source>
        <translation>iPXE läuft, hat aber keinen Kernel geladen. Das Skript wartet oder scheitert möglicherweise; prüfen Sie den HTTP-Dienst und die Konsole des Geräts.</translation>
    </message>
    <message>
        <source>The operating system is taking very long to come up. Check the device&apos;s console for a kernel panic or a root filesystem that cannot be mounted.</source>
        <translation>Das Betriebssystem braucht sehr lange zum Hochfahren. Prüfen Sie die Konsole des Geräts auf eine Kernel-Panic oder ein Root-Dateisystem, das sich nicht einhängen lässt.</translation>
    </message>
    <message>
        <source>Look at the journal below for the first error of this boot.</source>
        <translation>Suchen Sie im Journal unten nach dem ersten Fehler dieses Bootvorgangs.</translation>
    </message>
</context>
<context>
    <name>BootTimelineView</name>
    <message>
        <source>No boot recorded yet. Power the device on or netboot it to see each step here.</source>
        <translation>Noch kein Bootvorgang aufgezeichnet. Schalten Sie das Gerät ein oder booten Sie es per Netzwerk, um hier jeden Schritt zu sehen.</translation>
    </message>
    <message>
        <source>Boot attempt %1 · %2</source>
        <translation>Bootversuch %1 · %2</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Failed during %1</source>
        <translation>Fehlgeschlagen während %1</translation>
    </message>
    <message>
        <source>Stalled in %1</source>
        <translation>Hängt in %1</translation>
    </message>
</context>
<context>
    <name>BulkActionBar</name>
    <message numerus="yes">
        <source>%n selected</source>
        <translation>
            <numerusform>%n ausgewählt</numerusform>
            <numerusform>%n ausgewählt</numerusform>
        </translation>
    </message>
    <message>
        <source>Power on the selected devices</source>
        <translation>Ausgewählte Geräte einschalten</translation>
    </message>
    <message>
        <source>Power off the selected devices</source>
        <translation>Ausgewählte Geräte ausschalten</translation>
    </message>
    <message>
        <source>Power cycle the selected devices</source>
        <translation>Ausgewählte Geräte aus- und wieder einschalten</translation>
    </message>
    <message>
        <source>Netboot the selected devices once</source>
        <translation>Ausgewählte Geräte einmal per Netzwerk booten</translation>
    </message>
    <message>
        <source>Boot from the network on the next boot only</source>
        <translation>Nur beim nächsten Start über das Netzwerk booten</translation>
    </message>
    <message>
        <source>Adopt the selected devices</source>
        <translation>Ausgewählte Geräte übernehmen</translation>
    </message>
    <message>
        <source>Profile to assign</source>
        <translation>Zuzuweisendes Profil</translation>
    </message>
    <message>
        <source>Assign profile</source>
        <translation>Profil zuweisen</translation>
    </message>
    <message>
        <source>Clear selection</source>
        <translation>Auswahl aufheben</translation>
    </message>
</context>
<context>
    <name>ConfirmActionDialog</name>
    <message numerus="yes">
        <source>%1 — %n device(s)</source>
        <translation>
            <numerusform>%1 — %n Gerät</numerusform>
            <numerusform>%1 — %n Geräte</numerusform>
        </translation>
    </message>
    <message>
        <source>Power is cut and restored on these devices. Anything running on them stops without a shutdown.</source>
        <translation>Die Stromversorgung dieser Geräte wird unterbrochen und wiederhergestellt. Alles, was darauf läuft, stoppt ohne Herunterfahren.</translation>
    </message>
    <message>
        <source>Power is cut on these devices. Anything running on them stops without a shutdown.</source>
        <translation>Die Stromversorgung dieser Geräte wird unterbrochen. Alles, was darauf läuft, stoppt ohne Herunterfahren.</translation>
    </message>
    <message>
        <source>%1  (%2) — %3</source>
        <translation>%1  (%2) — %3</translation>
    </message>
    <message>
        <source>Confirm %1</source>
        <translation>%1 bestätigen</translation>
    </message>
</context>
<context>
    <name>ConfirmApplyDialog</name>
    <message numerus="yes">
        <source>Apply %n change(s) to %1?</source>
        <translation>
            <numerusform>%n Änderung auf %1 anwenden?</numerusform>
            <numerusform>%n Änderungen auf %1 anwenden?</numerusform>
        </translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Anwenden</translation>
    </message>
    <message>
        <source>Apply the listed changes</source>
        <translation>Die aufgeführten Änderungen anwenden</translation>
    </message>
</context>
<context>
    <name>ConfirmPortDialog</name>
    <message>
        <source>Power cycle port %1 of %2?</source>
        <translation>Port %1 von %2 aus- und wieder einschalten?</translation>
    </message>
    <message>
        <source>Turn off port %1 of %2?</source>
        <translation>Port %1 von %2 ausschalten?</translation>
    </message>
    <message>
        <source>Turn on port %1 of %2?</source>
        <translation>Port %1 von %2 einschalten?</translation>
    </message>
    <message>
        <source>Device on this port: %1</source>
        <translation>Gerät an diesem Port: %1</translation>
    </message>
    <message>
        <source>No managed device is mapped to this port.</source>
        <translation>Diesem Port ist kein verwaltetes Gerät zugeordnet.</translation>
    </message>
    <message>
        <source>Anything running on it stops without a shutdown.</source>
        <translation>Alles, was darauf läuft, stoppt ohne Herunterfahren.</translation>
    </message>
    <message>
        <source>This port is listed as protected (an uplink or infrastructure port): switching it can cut this machine or the whole lab off the network. Switch it anyway.</source>
        <translation>Dieser Port ist als geschützt eingetragen (Uplink- oder Infrastruktur-Port): Wenn Sie ihn schalten, können dieser Rechner oder das ganze Lab vom Netzwerk getrennt werden. Trotzdem schalten.</translation>
    </message>
    <message>
        <source>No managed device is mapped to this port: whatever is plugged in (an access point, a camera, another switch) loses power. Switch it anyway.</source>
        <translation>Diesem Port ist kein verwaltetes Gerät zugeordnet: Was auch immer angeschlossen ist (ein Access Point, eine Kamera, ein weiterer Switch), verliert die Stromversorgung. Trotzdem schalten.</translation>
    </message>
    <message>
        <source>Turn off</source>
        <translation>Ausschalten</translation>
    </message>
    <message>
        <source>Turn on</source>
        <translation>Einschalten</translation>
    </message>
</context>
<context>
    <name>ConsoleFeed</name>
    <message>
        <source>no engine</source>
        <translation>keine Engine</translation>
    </message>
    <message>
        <source>the console service is not available</source>
        <translation>der Konsolendienst ist nicht verfügbar</translation>
    </message>
</context>
<context>
    <name>ConsoleModel</name>
    <message>
        <source>Give the full path of the file to write (%1).</source>
        <translation>Geben Sie den vollständigen Pfad der zu schreibenden Datei an (%1).</translation>
    </message>
    <message>
        <source>A save is already in progress.</source>
        <translation>Es wird bereits gespeichert.</translation>
    </message>
    <message numerus="yes">
        <source>%n console line(s) saved to %1</source>
        <translation>
            <numerusform>%n Konsolenzeile in %1 gespeichert</numerusform>
            <numerusform>%n Konsolenzeilen in %1 gespeichert</numerusform>
        </translation>
    </message>
    <message>
        <source>The console was not saved to %1: %2</source>
        <translation>Die Konsole wurde nicht in %1 gespeichert: %2</translation>
    </message>
    <message>
        <source>This device has no serial console.</source>
        <translation>Dieses Gerät hat keine serielle Konsole.</translation>
    </message>
    <message>
        <source>The serial port %1 is not open.</source>
        <translation>Die serielle Schnittstelle %1 ist nicht geöffnet.</translation>
    </message>
    <message>
        <source>Still sending the previous line.</source>
        <translation>Die vorige Zeile wird noch gesendet.</translation>
    </message>
    <message numerus="yes">
        <source>Send 1 to %n bytes at a time.</source>
        <translation>
            <numerusform>Senden Sie 1 bis %n Byte auf einmal.</numerusform>
            <numerusform>Senden Sie 1 bis %n Bytes auf einmal.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>Nicht gesendet: %1</translation>
    </message>
</context>
<context>
    <name>ConsoleService</name>
    <message>
        <source>cannot listen for netconsole on udp %1:%2: %3</source>
        <translation>Netconsole kann nicht auf UDP %1:%2 empfangen: %3</translation>
    </message>
    <message>
        <source>cannot listen for syslog on udp %1:%2: %3</source>
        <translation>Syslog kann nicht auf UDP %1:%2 empfangen: %3</translation>
    </message>
    <message>
        <source>Consoles</source>
        <translation>Konsolen</translation>
    </message>
</context>
<context>
    <name>ConsoleView</name>
    <message>
        <source>this machine&apos;s address</source>
        <translation>die Adresse dieses Rechners</translation>
    </message>
    <message>
        <source>Show lines from</source>
        <translation>Zeilen anzeigen von</translation>
    </message>
    <message>
        <source>All sources</source>
        <translation>Alle Quellen</translation>
    </message>
    <message>
        <source>netconsole</source>
        <translation>Netconsole</translation>
    </message>
    <message>
        <source>syslog</source>
        <translation>Syslog</translation>
    </message>
    <message>
        <source>serial</source>
        <translation>seriell</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>Filter the console</source>
        <translation>Konsole filtern</translation>
    </message>
    <message>
        <source>Follow</source>
        <translation>Mitverfolgen</translation>
    </message>
    <message>
        <source>Follow the newest lines</source>
        <translation>Den neuesten Zeilen folgen</translation>
    </message>
    <message numerus="yes">
        <source>Resume (%n new)</source>
        <translation>
            <numerusform>Fortsetzen (%n neue)</numerusform>
            <numerusform>Fortsetzen (%n neue)</numerusform>
        </translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>Resume the console</source>
        <translation>Konsole fortsetzen</translation>
    </message>
    <message>
        <source>Pause the console</source>
        <translation>Konsole anhalten</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy the shown console lines</source>
        <translation>Die angezeigten Konsolenzeilen kopieren</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Speichern…</translation>
    </message>
    <message>
        <source>Save the shown console lines to a file</source>
        <translation>Die angezeigten Konsolenzeilen in einer Datei speichern</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <source>Clear the console view</source>
        <translation>Die Konsolenansicht leeren</translation>
    </message>
    <message>
        <source>Serial %1: open</source>
        <translation>Seriell %1: offen</translation>
    </message>
    <message>
        <source>Serial %1: %2</source>
        <translation>Seriell %1: %2</translation>
    </message>
    <message>
        <source>Serial %1: closed</source>
        <translation>Seriell %1: geschlossen</translation>
    </message>
    <message>
        <source>Paused: new lines are held back until you resume.</source>
        <translation>Angehalten: neue Zeilen werden zurückgehalten, bis Sie fortsetzen.</translation>
    </message>
    <message>
        <source>No line matches the filter.</source>
        <translation>Keine Zeile passt zum Filter.</translation>
    </message>
    <message>
        <source>No console output from this device yet.</source>
        <translation>Noch keine Konsolenausgabe von diesem Gerät.</translation>
    </message>
    <message>
        <source>The console service is not running: start “Consoles” on the Services page.</source>
        <translation>Der Konsolendienst läuft nicht: Starten Sie „Konsolen“ auf der Seite „Dienste“.</translation>
    </message>
    <message>
        <source>Netconsole is on for this device: its kernel sends to udp %1:%2 from its next netboot.</source>
        <translation>Netconsole ist für dieses Gerät eingeschaltet: Sein Kernel sendet ab dem nächsten Netzwerkstart an udp %1:%2.</translation>
    </message>
    <message>
        <source>Enable netconsole to see its kernel messages: netconsole= (to udp %1:%2) is added to its kernel command line at its next netboot.</source>
        <translation>Schalten Sie Netconsole ein, um seine Kernelmeldungen zu sehen: netconsole= (an udp %1:%2) wird beim nächsten Netzwerkstart an seine Kernel-Befehlszeile angehängt.</translation>
    </message>
    <message>
        <source>Enable netconsole</source>
        <translation>Netconsole einschalten</translation>
    </message>
    <message>
        <source>Enable netconsole for %1</source>
        <translation>Netconsole für %1 einschalten</translation>
    </message>
    <message>
        <source>Or point the device&apos;s syslog at udp %1:%2 (rsyslog: *.* @%1:%2).</source>
        <translation>Oder richten Sie das Syslog des Geräts auf udp %1:%2 (rsyslog: *.* @%1:%2).</translation>
    </message>
    <message>
        <source>Save the shown lines to</source>
        <translation>Die angezeigten Zeilen speichern unter</translation>
    </message>
    <message>
        <source>File to save the console to</source>
        <translation>Datei, in der die Konsole gespeichert wird</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Save the console</source>
        <translation>Konsole speichern</translation>
    </message>
    <message>
        <source>Type a line for the serial console, Enter sends it</source>
        <translation>Zeile für die serielle Konsole eingeben, Enter sendet sie</translation>
    </message>
    <message>
        <source>The serial port is not open</source>
        <translation>Die serielle Schnittstelle ist nicht geöffnet</translation>
    </message>
    <message>
        <source>Line to send to the serial console</source>
        <translation>Zeile, die an die serielle Konsole gesendet wird</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>Send the line to the serial console</source>
        <translation>Die Zeile an die serielle Konsole senden</translation>
    </message>
    <message>
        <source>Ctrl-C</source>
        <translation>Strg-C</translation>
    </message>
    <message>
        <source>Send Ctrl-C to the serial console</source>
        <translation>Strg-C an die serielle Konsole senden</translation>
    </message>
</context>
<context>
    <name>DeviceCard</name>
    <message>
        <source>%1, %2, %3</source>
        <translation>%1, %2, %3</translation>
    </message>
    <message>
        <source>Select %1</source>
        <translation>%1 auswählen</translation>
    </message>
    <message>
        <source>new</source>
        <translation>neu</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1 · %2 W</source>
        <translation>%1 · %2 W</translation>
    </message>
</context>
<context>
    <name>DeviceChip</name>
    <message>
        <source>%1, drag onto a port to map it</source>
        <translation>%1, auf einen Port ziehen, um ihn zuzuordnen</translation>
    </message>
    <message>
        <source>%1 (%2:%3)</source>
        <translation>%1 (%2:%3)</translation>
    </message>
</context>
<context>
    <name>DevicePanel</name>
    <message>
        <source>Device name</source>
        <translation>Gerätename</translation>
    </message>
    <message>
        <source>Rename device</source>
        <translation>Gerät umbenennen</translation>
    </message>
    <message>
        <source>Close device panel</source>
        <translation>Gerätebereich schließen</translation>
    </message>
    <message>
        <source>MAC</source>
        <translation>MAC</translation>
    </message>
    <message>
        <source>Serial</source>
        <translation>Seriennummer</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>IP address</source>
        <translation>IP-Adresse</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Bearbeiten</translation>
    </message>
    <message>
        <source>Edit profile %1</source>
        <translation>Profil %1 bearbeiten</translation>
    </message>
    <message>
        <source>Power</source>
        <translation>Stromversorgung</translation>
    </message>
    <message>
        <source>%1 · %2 W</source>
        <translation>%1 · %2 W</translation>
    </message>
    <message>
        <source> (switch %1, port %2)</source>
        <translation> (Switch %1, Port %2)</translation>
    </message>
    <message>
        <source>Power on %1</source>
        <translation>%1 einschalten</translation>
    </message>
    <message>
        <source>Power off %1</source>
        <translation>%1 ausschalten</translation>
    </message>
    <message>
        <source>Power cycle %1</source>
        <translation>%1 aus- und wieder einschalten</translation>
    </message>
    <message>
        <source>Netboot %1 once</source>
        <translation>%1 einmal per Netzwerk booten</translation>
    </message>
    <message>
        <source>Boot and UEFI settings…</source>
        <translation>Boot- und UEFI-Einstellungen…</translation>
    </message>
    <message>
        <source>Boot entries and UEFI settings of %1</source>
        <translation>Booteinträge und UEFI-Einstellungen von %1</translation>
    </message>
    <message>
        <source>Adopt %1</source>
        <translation>%1 übernehmen</translation>
    </message>
    <message>
        <source>Boot timeline</source>
        <translation>Boot-Zeitleiste</translation>
    </message>
    <message>
        <source>Journal</source>
        <translation>Journal</translation>
    </message>
    <message>
        <source>Console (%1)</source>
        <translation>Konsole (%1)</translation>
    </message>
    <message>
        <source>Console</source>
        <translation>Konsole</translation>
    </message>
</context>
<context>
    <name>DhcpService</name>
    <message>
        <source>DHCP server</source>
        <translation>DHCP-Server</translation>
    </message>
    <message>
        <source>Proxy DHCP (PXE)</source>
        <translation>Proxy-DHCP (PXE)</translation>
    </message>
    <message>
        <source>DHCP cannot use interface %1: %2</source>
        <translation>DHCP kann die Schnittstelle %1 nicht verwenden: %2</translation>
    </message>
    <message>
        <source>no network interface carries %1</source>
        <translation>keine Netzwerkschnittstelle hat die Adresse %1</translation>
    </message>
    <message>
        <source>cannot listen on UDP %1:%2: %3</source>
        <translation>kann nicht auf UDP %1:%2 lauschen: %3</translation>
    </message>
    <message>
        <source>cannot listen on UDP %1:%2 (PXE): %3</source>
        <translation>kann nicht auf UDP %1:%2 (PXE) lauschen: %3</translation>
    </message>
    <message>
        <source>full DHCP mode needs pool.range_start, pool.range_end and pool.netmask</source>
        <translation>der volle DHCP-Modus benötigt pool.range_start, pool.range_end und pool.netmask</translation>
    </message>
    <message>
        <source>Other DHCP servers on %1 cannot be detected: %2</source>
        <translation>Andere DHCP-Server auf %1 können nicht erkannt werden: %2</translation>
    </message>
    <message>
        <source>%1 malformed DHCP packets were dropped recently (last: %2 from %3).</source>
        <translation>%1 fehlerhafte DHCP-Pakete wurden kürzlich verworfen (zuletzt: %2 von %3).</translation>
    </message>
    <message>
        <source>lease file %1 is larger than %2 bytes</source>
        <translation>Lease-Datei %1 ist größer als %2 Bytes</translation>
    </message>
    <message>
        <source>cannot read lease file %1: %2</source>
        <translation>Lease-Datei %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 lines of the lease file %2 could not be read and were skipped.</source>
        <translation>%1 Zeilen der Lease-Datei %2 konnten nicht gelesen werden und wurden übersprungen.</translation>
    </message>
    <message>
        <source>Cannot save the DHCP leases to %1: %2</source>
        <translation>Die DHCP-Leases können nicht in %1 gespeichert werden: %2</translation>
    </message>
    <message>
        <source>Another PXE/netboot server (%1) answers on %2. Two netboot responders make clients boot unpredictably; switch one off.</source>
        <translation>Ein anderer PXE-/Netzwerkboot-Server (%1) antwortet auf %2. Mit zwei Netzwerkboot-Servern booten Clients unvorhersehbar; schalten Sie einen ab.</translation>
    </message>
    <message>
        <source>Another DHCP server (%1) hands out addresses on %2 while Metal Boot runs in full DHCP mode.</source>
        <translation>Ein anderer DHCP-Server (%1) vergibt Adressen auf %2, während Metal Boot im vollen DHCP-Modus läuft.</translation>
    </message>
</context>
<context>
    <name>DiagnosePanel</name>
    <message>
        <source>Diagnose</source>
        <translation>Diagnose</translation>
    </message>
    <message>
        <source>No problem found</source>
        <translation>Kein Problem gefunden</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s)</source>
        <translation>
            <numerusform>%n Problem</numerusform>
            <numerusform>%n Probleme</numerusform>
        </translation>
    </message>
    <message>
        <source>Run checks</source>
        <translation>Prüfungen starten</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>Erneut prüfen</translation>
    </message>
    <message>
        <source>Run diagnostics</source>
        <translation>Diagnose ausführen</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>Diagnostics</name>
    <message>
        <source>%1 failed</source>
        <translation>%1 fehlgeschlagen</translation>
    </message>
    <message>
        <source>No reason was reported.</source>
        <translation>Es wurde kein Grund gemeldet.</translation>
    </message>
    <message>
        <source>Fix the cause shown, then start the service again on this page.</source>
        <translation>Beheben Sie die angezeigte Ursache und starten Sie den Dienst dann auf dieser Seite erneut.</translation>
    </message>
    <message>
        <source>Ports were not checked</source>
        <translation>Ports wurden nicht geprüft</translation>
    </message>
    <message>
        <source>The list of open sockets (/proc/net) is not readable on this system.</source>
        <translation>Die Liste der offenen Sockets (/proc/net) ist auf diesem System nicht lesbar.</translation>
    </message>
    <message>
        <source>another program on %1</source>
        <translation>ein anderes Programm auf %1</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 auf %2</translation>
    </message>
    <message>
        <source>%1 is already in use</source>
        <translation>%1 ist bereits belegt</translation>
    </message>
    <message>
        <source>Used by %1.</source>
        <translation>Verwendet von %1.</translation>
    </message>
    <message>
        <source>Stop the other DHCP/PXE server (dnsmasq, a libvirt network, another netboot tool) or choose another interface.</source>
        <translation>Beenden Sie den anderen DHCP-/PXE-Server (dnsmasq, ein libvirt-Netzwerk, ein anderes Netzwerkboot-Werkzeug) oder wählen Sie eine andere Schnittstelle.</translation>
    </message>
    <message>
        <source>Stop the other program or change this service&apos;s port.</source>
        <translation>Beenden Sie das andere Programm oder ändern Sie den Port dieses Dienstes.</translation>
    </message>
    <message>
        <source>%1 is served by Metal Boot</source>
        <translation>%1 wird von Metal Boot bedient</translation>
    </message>
    <message>
        <source>%1 is free</source>
        <translation>%1 ist frei</translation>
    </message>
    <message>
        <source>Privileged ports can be bound</source>
        <translation>Privilegierte Ports können gebunden werden</translation>
    </message>
    <message>
        <source>Running as root; needed for %1.</source>
        <translation>Läuft als root; benötigt für %1.</translation>
    </message>
    <message>
        <source>This process has CAP_NET_BIND_SERVICE; needed for %1.</source>
        <translation>Dieser Prozess hat CAP_NET_BIND_SERVICE; benötigt für %1.</translation>
    </message>
    <message>
        <source>The capability is on the file but not in effect</source>
        <translation>Die Capability liegt auf der Datei, ist aber nicht wirksam</translation>
    </message>
    <message>
        <source>%1 carries CAP_NET_BIND_SERVICE, but this process does not have it (started through a wrapper, a debugger, or from a nosuid mount). Needed for %2.</source>
        <translation>%1 trägt CAP_NET_BIND_SERVICE, aber dieser Prozess hat sie nicht (gestartet über einen Wrapper, einen Debugger oder von einem nosuid-Mount). Benötigt für %2.</translation>
    </message>
    <message>
        <source>Start the binary directly, or run the Metal Boot system service.</source>
        <translation>Starten Sie die Programmdatei direkt oder verwenden Sie den Metal-Boot-Systemdienst.</translation>
    </message>
    <message>
        <source>Privileged ports cannot be bound</source>
        <translation>Privilegierte Ports können nicht gebunden werden</translation>
    </message>
    <message>
        <source>%1 need CAP_NET_BIND_SERVICE (ports below %2), which this process does not have.</source>
        <translation>%1 benötigen CAP_NET_BIND_SERVICE (Ports unter %2), das dieser Prozess nicht hat.</translation>
    </message>
    <message>
        <source>Run the Metal Boot system service, or give the binary the capability: %1</source>
        <translation>Verwenden Sie den Metal-Boot-Systemdienst oder geben Sie der Programmdatei die Capability: %1</translation>
    </message>
    <message>
        <source>The TFTP root does not exist</source>
        <translation>Das TFTP-Stammverzeichnis existiert nicht</translation>
    </message>
    <message>
        <source>Create the folder and put the boot files there, or set services.tftp.root.</source>
        <translation>Legen Sie den Ordner an und legen Sie die Boot-Dateien hinein, oder setzen Sie services.tftp.root.</translation>
    </message>
    <message>
        <source>Raspberry Pi 4 boot files are missing</source>
        <translation>Boot-Dateien des Raspberry Pi 4 fehlen</translation>
    </message>
    <message>
        <source>%1 not found in %2.</source>
        <translation>%1 nicht in %2 gefunden.</translation>
    </message>
    <message>
        <source>Copy start4.elf and fixup4.dat from the Raspberry Pi firmware&apos;s boot folder there, or import a pftf UEFI release (.zip) as a profile.</source>
        <translation>Kopieren Sie start4.elf und fixup4.dat aus dem boot-Ordner der Raspberry-Pi-Firmware dorthin oder importieren Sie ein pftf-UEFI-Release (.zip) als Profil.</translation>
    </message>
    <message>
        <source>Boot file %1 is missing</source>
        <translation>Boot-Datei %1 fehlt</translation>
    </message>
    <message>
        <source>DHCP offers it to %1 clients, but it is neither in %2 nor in %3.</source>
        <translation>DHCP bietet sie %1-Clients an, sie liegt aber weder in %2 noch in %3.</translation>
    </message>
    <message>
        <source>Install the ipxe package or copy the file into the TFTP root.</source>
        <translation>Installieren Sie das Paket ipxe oder kopieren Sie die Datei in das TFTP-Stammverzeichnis.</translation>
    </message>
    <message>
        <source>The HTTP root does not exist yet</source>
        <translation>Das HTTP-Stammverzeichnis existiert noch nicht</translation>
    </message>
    <message>
        <source>Kernels, initrds and images served over HTTP go there.</source>
        <translation>Dort liegen Kernel, initrds und Images, die per HTTP ausgeliefert werden.</translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot; refers to a missing file</source>
        <translation>Profil „%1“ verweist auf eine fehlende Datei</translation>
    </message>
    <message>
        <source>Import the profile again or fix its path in lab.yaml.</source>
        <translation>Importieren Sie das Profil erneut oder korrigieren Sie seinen Pfad in lab.yaml.</translation>
    </message>
    <message>
        <source>Configured boot files and folders are present</source>
        <translation>Konfigurierte Boot-Dateien und Ordner sind vorhanden</translation>
    </message>
    <message numerus="yes">
        <source>%1; %n answer(s), last seen %2</source>
        <translation>
            <numerusform>%1; %n Antwort, zuletzt gesehen %2</numerusform>
            <numerusform>%1; %n Antworten, zuletzt gesehen %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Another PXE/netboot server answers on the lab network (%1)</source>
        <translation>Ein anderer PXE-/Netzwerkboot-Server antwortet im Lab-Netzwerk (%1)</translation>
    </message>
    <message>
        <source>Switch off the netboot (PXE, option 66/67) answers of that server: with two netboot servers the Pis boot from whichever answers first.</source>
        <translation>Schalten Sie die Netzwerkboot-Antworten (PXE, Option 66/67) dieses Servers ab: Mit zwei Netzwerkboot-Servern booten die Pis von dem, der zuerst antwortet.</translation>
    </message>
    <message>
        <source>Another DHCP server hands out addresses next to Metal Boot&apos;s full DHCP (%1)</source>
        <translation>Ein anderer DHCP-Server vergibt Adressen neben dem vollen DHCP von Metal Boot (%1)</translation>
    </message>
    <message>
        <source>Use proxy DHCP mode (the other server keeps handing out addresses), or switch the other server off on this network.</source>
        <translation>Verwenden Sie den Proxy-DHCP-Modus (der andere Server vergibt weiterhin die Adressen) oder schalten Sie den anderen Server in diesem Netzwerk ab.</translation>
    </message>
    <message>
        <source>DHCP server %1 hands out addresses (expected next to proxy DHCP)</source>
        <translation>DHCP-Server %1 vergibt Adressen (erwartet neben Proxy-DHCP)</translation>
    </message>
    <message>
        <source>No other DHCP/PXE server seen on %1</source>
        <translation>Kein anderer DHCP-/PXE-Server auf %1 gesehen</translation>
    </message>
    <message>
        <source>Other DHCP/PXE servers: not watched</source>
        <translation>Andere DHCP-/PXE-Server: nicht überwacht</translation>
    </message>
    <message>
        <source>The DHCP service watches for other servers only when it serves a network interface (not loopback).</source>
        <translation>Der DHCP-Dienst achtet nur dann auf andere Server, wenn er eine Netzwerkschnittstelle bedient (nicht Loopback).</translation>
    </message>
    <message>
        <source>Other DHCP/PXE servers: not checked</source>
        <translation>Andere DHCP-/PXE-Server: nicht geprüft</translation>
    </message>
    <message>
        <source>The DHCP service watches the network for other servers while it runs.</source>
        <translation>Der DHCP-Dienst hält im Netzwerk nach anderen Servern Ausschau, solange er läuft.</translation>
    </message>
    <message>
        <source>%1 (pid %2)</source>
        <translation>%1 (PID %2)</translation>
    </message>
</context>
<context>
    <name>DiscoveredLane</name>
    <message numerus="yes">
        <source>Discovered — %n device(s) not in the lab yet</source>
        <translation>
            <numerusform>Entdeckt — %n Gerät noch nicht im Lab</numerusform>
            <numerusform>Entdeckt — %n Geräte noch nicht im Lab</numerusform>
        </translation>
    </message>
    <message>
        <source>Adopt all</source>
        <translation>Alle übernehmen</translation>
    </message>
    <message>
        <source>Adopt all discovered devices</source>
        <translation>Alle entdeckten Geräte übernehmen</translation>
    </message>
    <message>
        <source>Adopt %1</source>
        <translation>%1 übernehmen</translation>
    </message>
</context>
<context>
    <name>DiscoveryStep</name>
    <message>
        <source>Waiting for Raspberry Pis… Power one on: it appears here when it asks for a netboot.</source>
        <translation>Warte auf Raspberry Pis… Schalten Sie einen ein: Er erscheint hier, sobald er einen Netzwerkboot anfordert.</translation>
    </message>
    <message numerus="yes">
        <source>%n new device(s) found</source>
        <translation>
            <numerusform>%n neues Gerät gefunden</numerusform>
            <numerusform>%n neue Geräte gefunden</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · serial %2 · %3</source>
        <translation>%1 · Seriennummer %2 · %3</translation>
    </message>
    <message>
        <source>unknown model</source>
        <translation>unbekanntes Modell</translation>
    </message>
    <message>
        <source>Adopt %1</source>
        <translation>%1 übernehmen</translation>
    </message>
    <message numerus="yes">
        <source>%n device(s) in the lab.</source>
        <translation>
            <numerusform>%n Gerät im Lab.</numerusform>
            <numerusform>%n Geräte im Lab.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ErrorBanner</name>
    <message>
        <source>Dismiss</source>
        <translation>Ausblenden</translation>
    </message>
</context>
<context>
    <name>FirmwareEditor</name>
    <message>
        <source>Boot%1: a PXE entry needs the MAC address of a device</source>
        <translation>Boot%1: Ein PXE-Eintrag benötigt die MAC-Adresse eines Geräts</translation>
    </message>
    <message>
        <source>Boot%1: an HTTP boot entry needs the MAC address of a device</source>
        <translation>Boot%1: Ein HTTP-Booteintrag benötigt die MAC-Adresse eines Geräts</translation>
    </message>
    <message>
        <source>Boot%1: new disk entries are a loader path such as \EFI\BOOT\BOOTAA64.EFI (the firmware looks for it on every disk)</source>
        <translation>Boot%1: Neue Festplatteneinträge sind ein Loader-Pfad wie \EFI\BOOT\BOOTAA64.EFI (die Firmware sucht ihn auf jeder Festplatte)</translation>
    </message>
    <message>
        <source>Boot%1: unknown kind of entry</source>
        <translation>Boot%1: unbekannte Art von Eintrag</translation>
    </message>
    <message>
        <source>BootNext is set per device (its next boot), not in a profile: open the device to set it.</source>
        <translation>BootNext wird pro Gerät gesetzt (sein nächster Start), nicht in einem Profil: Öffnen Sie das Gerät, um es zu setzen.</translation>
    </message>
    <message>
        <source>Boot%1 (&quot;%2&quot;) is part of the profile&apos;s base image and cannot be deleted through its variables; take it out of BootOrder or deactivate it instead.</source>
        <translation>Boot%1 („%2“) gehört zum Basis-Image des Profils und kann nicht über dessen Variablen gelöscht werden; nehmen Sie den Eintrag stattdessen aus BootOrder heraus oder deaktivieren Sie ihn.</translation>
    </message>
    <message>
        <source>the profile&apos;s variables file is not valid: %1</source>
        <translation>die Variablendatei des Profils ist ungültig: %1</translation>
    </message>
    <message>
        <source>Boot%1 does not exist</source>
        <translation>Boot%1 existiert nicht</translation>
    </message>
    <message>
        <source>A device&apos;s next boot can go to its first disk entry in BootOrder (the boot override &quot;Hdd&quot;); Boot%1 is not the first one.</source>
        <translation>Der nächste Start eines Geräts kann zu seinem ersten Festplatteneintrag in BootOrder gehen (die Boot-Übersteuerung „Hdd“); Boot%1 ist nicht der erste.</translation>
    </message>
    <message>
        <source>Boot%1 (&quot;%2&quot;) cannot be a device&apos;s next boot: the boot override picks the network (PXE, HTTP) or the first disk.</source>
        <translation>Boot%1 („%2“) kann nicht der nächste Start eines Geräts sein: Die Boot-Übersteuerung wählt das Netzwerk (PXE, HTTP) oder die erste Festplatte.</translation>
    </message>
    <message>
        <source>Profile %1</source>
        <translation>Profil %1</translation>
    </message>
    <message>
        <source>Device %1</source>
        <translation>Gerät %1</translation>
    </message>
    <message>
        <source>%1 receives this firmware at its next boot: its RPI_EFI.fd is rendered from the profile and these settings when it asks for it over TFTP.</source>
        <translation>%1 erhält diese Firmware beim nächsten Start: Sein RPI_EFI.fd wird aus dem Profil und diesen Einstellungen erzeugt, wenn es per TFTP danach fragt.</translation>
    </message>
    <message>
        <source>No device uses this profile yet: drop it onto a device to assign it.</source>
        <translation>Noch kein Gerät verwendet dieses Profil: Ziehen Sie es auf ein Gerät, um es zuzuweisen.</translation>
    </message>
    <message numerus="yes">
        <source>%n device(s) use this profile and receive the changes at their next boot: %1</source>
        <translation>
            <numerusform>%n Gerät verwendet dieses Profil und erhält die Änderungen beim nächsten Start: %1</numerusform>
            <numerusform>%n Geräte verwenden dieses Profil und erhalten die Änderungen beim nächsten Start: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>No lab is running.</source>
        <translation>Es läuft kein Lab.</translation>
    </message>
    <message>
        <source>A device&apos;s boot entries and BootOrder come from its profile &quot;%1&quot; plus its own PXE entry; the UEFI engine has no per-device boot order. Edit the profile to change them.</source>
        <translation>Die Booteinträge und BootOrder eines Geräts stammen aus seinem Profil „%1“ plus seinem eigenen PXE-Eintrag; die UEFI-Engine hat keine gerätespezifische Bootreihenfolge. Bearbeiten Sie das Profil, um sie zu ändern.</translation>
    </message>
    <message>
        <source>(blank store)</source>
        <translation>(leerer Speicher)</translation>
    </message>
    <message>
        <source>BootNext is chosen per device (its next boot only): open a device to set it.</source>
        <translation>BootNext wird pro Gerät gewählt (nur sein nächster Start): Öffnen Sie ein Gerät, um es zu setzen.</translation>
    </message>
    <message>
        <source>Applied and read back from the UEFI engine.</source>
        <translation>Angewendet und von der UEFI-Engine zurückgelesen.</translation>
    </message>
    <message>
        <source>Not applied: %1</source>
        <translation>Nicht angewendet: %1</translation>
    </message>
    <message>
        <source>The lab has no profile &quot;%1&quot;.</source>
        <translation>Das Lab hat kein Profil „%1“.</translation>
    </message>
    <message>
        <source>blank store generated by Metal Boot</source>
        <translation>leerer Speicher, von Metal Boot erzeugt</translation>
    </message>
    <message>
        <source>variables %1</source>
        <translation>Variablen %1</translation>
    </message>
    <message>
        <source>Adopt the device first: its firmware settings are kept in the lab file.</source>
        <translation>Übernehmen Sie das Gerät zuerst: Seine Firmware-Einstellungen werden in der Lab-Datei gespeichert.</translation>
    </message>
    <message>
        <source>the lab has no profile &quot;%1&quot;</source>
        <translation>das Lab hat kein Profil „%1“</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>the profile was saved but its store does not show the requested boot order</source>
        <translation>das Profil wurde gespeichert, aber sein Speicher zeigt nicht die angeforderte Bootreihenfolge</translation>
    </message>
    <message>
        <source>a device&apos;s boot entries, BootOrder and Timeout come from its profile; the UEFI engine has no per-device boot order</source>
        <translation>Booteinträge, BootOrder und Timeout eines Geräts stammen aus seinem Profil; die UEFI-Engine hat keine gerätespezifische Bootreihenfolge</translation>
    </message>
    <message>
        <source>the UEFI engine&apos;s settings are not available</source>
        <translation>die Einstellungen der UEFI-Engine sind nicht verfügbar</translation>
    </message>
</context>
<context>
    <name>FirmwareSettingsModel</name>
    <message>
        <source>No such setting.</source>
        <translation>Diese Einstellung gibt es nicht.</translation>
    </message>
    <message>
        <source>%1 is written by the firmware at every boot.</source>
        <translation>%1 wird von der Firmware bei jedem Start geschrieben.</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1: %2 → %3</translation>
    </message>
    <message>
        <source>%1: device value %2 removed (the profile&apos;s %3 applies)</source>
        <translation>%1: Gerätewert %2 entfernt (der Profilwert %3 gilt)</translation>
    </message>
    <message>
        <source>%1: profile value %2 removed (%3 applies)</source>
        <translation>%1: Profilwert %2 entfernt (%3 gilt)</translation>
    </message>
</context>
<context>
    <name>FleetPage</name>
    <message>
        <source>Filter: name, MAC, serial, IP, profile, switch:port</source>
        <translation>Filter: Name, MAC, Seriennummer, IP, Profil, Switch:Port</translation>
    </message>
    <message>
        <source>Filter devices</source>
        <translation>Geräte filtern</translation>
    </message>
    <message>
        <source>Any stage</source>
        <translation>Alle Phasen</translation>
    </message>
    <message>
        <source>Filter by boot stage</source>
        <translation>Nach Boot-Phase filtern</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n device(s)</source>
        <translation>
            <numerusform>%1 von %n Gerät</numerusform>
            <numerusform>%1 von %n Geräten</numerusform>
        </translation>
    </message>
    <message>
        <source>Drag a profile onto devices:</source>
        <translation>Ein Profil auf Geräte ziehen:</translation>
    </message>
    <message>
        <source>Select all</source>
        <translation>Alle auswählen</translation>
    </message>
    <message>
        <source>Select all shown devices</source>
        <translation>Alle angezeigten Geräte auswählen</translation>
    </message>
    <message>
        <source>No devices yet. Power on a Raspberry Pi on the lab network: it appears here when it asks for a netboot.</source>
        <translation>Noch keine Geräte. Schalten Sie einen Raspberry Pi im Lab-Netzwerk ein: Er erscheint hier, sobald er einen Netzwerkboot anfordert.</translation>
    </message>
</context>
<context>
    <name>HttpService</name>
    <message>
        <source>cannot listen on %1:%2: %3</source>
        <translation>kann nicht auf %1:%2 lauschen: %3</translation>
    </message>
    <message>
        <source>HTTP server</source>
        <translation>HTTP-Server</translation>
    </message>
</context>
<context>
    <name>ImportController</name>
    <message>
        <source>Importing firmware profiles needs a running lab.</source>
        <translation>Zum Importieren von Firmware-Profilen muss ein Lab laufen.</translation>
    </message>
</context>
<context>
    <name>ImportDropArea</name>
    <message>
        <source>Drop to import the firmware profile</source>
        <translation>Ablegen, um das Firmware-Profil zu importieren</translation>
    </message>
</context>
<context>
    <name>ImportProgress</name>
    <message numerus="yes">
        <source>Importing %1 (%n more queued)</source>
        <translation>
            <numerusform>Importiere %1 (%n weiterer in der Warteschlange)</numerusform>
            <numerusform>Importiere %1 (%n weitere in der Warteschlange)</numerusform>
        </translation>
    </message>
    <message>
        <source>Importing %1</source>
        <translation>Importiere %1</translation>
    </message>
</context>
<context>
    <name>InterfaceStep</name>
    <message>
        <source>Which network interface is connected to the Raspberry Pis&apos; switch?</source>
        <translation>Welche Netzwerkschnittstelle ist mit dem Switch der Raspberry Pis verbunden?</translation>
    </message>
    <message>
        <source>Metal Boot answers netboot requests only there. Wired interfaces with a link are listed first.</source>
        <translation>Metal Boot beantwortet Netzwerkboot-Anfragen nur dort. Kabelgebundene Schnittstellen mit Link stehen oben.</translation>
    </message>
    <message>
        <source>Interface %1</source>
        <translation>Schnittstelle %1</translation>
    </message>
    <message>
        <source>Use %1</source>
        <translation>%1 verwenden</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Wi-Fi</source>
        <translation>WLAN</translation>
    </message>
    <message>
        <source>virtual</source>
        <translation>virtuell</translation>
    </message>
    <message>
        <source>loopback</source>
        <translation>Loopback</translation>
    </message>
    <message>
        <source>wired</source>
        <translation>kabelgebunden</translation>
    </message>
    <message>
        <source>no IPv4 address</source>
        <translation>keine IPv4-Adresse</translation>
    </message>
    <message>
        <source>link up</source>
        <translation>Link aktiv</translation>
    </message>
    <message>
        <source>no link</source>
        <translation>kein Link</translation>
    </message>
    <message>
        <source>router %1</source>
        <translation>Router %1</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Refresh the interface list</source>
        <translation>Schnittstellenliste aktualisieren</translation>
    </message>
</context>
<context>
    <name>LabFacade</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>The edited lab file was not applied: %1</source>
        <translation>Die bearbeitete Lab-Datei wurde nicht angewendet: %1</translation>
    </message>
    <message>
        <source>Power control is not available: this lab has no PoE switch.</source>
        <translation>Stromsteuerung nicht verfügbar: Dieses Lab hat keinen PoE-Switch.</translation>
    </message>
    <message>
        <source>Power control is not available: the PoE power control service is not running (start it on the Services page).</source>
        <translation>Stromsteuerung nicht verfügbar: Der Dienst für die PoE-Stromsteuerung läuft nicht (starten Sie ihn auf der Seite „Dienste“).</translation>
    </message>
    <message>
        <source>%1 was not saved: no lab is running.</source>
        <translation>%1 wurde nicht gespeichert: Es läuft kein Lab.</translation>
    </message>
    <message>
        <source>%1 was not saved: %2</source>
        <translation>%1 wurde nicht gespeichert: %2</translation>
    </message>
    <message>
        <source>no lab is running.</source>
        <translation>es läuft kein Lab.</translation>
    </message>
    <message>
        <source>The new layout</source>
        <translation>Die neue Anordnung</translation>
    </message>
    <message>
        <source>Adopting devices</source>
        <translation>Das Übernehmen der Geräte</translation>
    </message>
    <message numerus="yes">
        <source>Adopted %n device(s)</source>
        <translation>
            <numerusform>%n Gerät übernommen</numerusform>
            <numerusform>%n Geräte übernommen</numerusform>
        </translation>
    </message>
    <message>
        <source>The profile assignment</source>
        <translation>Die Profilzuweisung</translation>
    </message>
    <message numerus="yes">
        <source>%n device(s) not adopted: adopt them first.</source>
        <translation>
            <numerusform>%n Gerät nicht übernommen: Übernehmen Sie es zuerst.</numerusform>
            <numerusform>%n Geräte nicht übernommen: Übernehmen Sie sie zuerst.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Profile removed from %n device(s)</source>
        <translation>
            <numerusform>Profil von %n Gerät entfernt</numerusform>
            <numerusform>Profil von %n Geräten entfernt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Profile %1 assigned to %n device(s)</source>
        <translation>
            <numerusform>Profil %1 %n Gerät zugewiesen</numerusform>
            <numerusform>Profil %1 %n Geräten zugewiesen</numerusform>
        </translation>
    </message>
    <message>
        <source>The new name</source>
        <translation>Der neue Name</translation>
    </message>
    <message>
        <source>Power control is not available: this lab has no PoE power controller running.</source>
        <translation>Stromsteuerung nicht verfügbar: In diesem Lab läuft keine PoE-Stromsteuerung.</translation>
    </message>
    <message numerus="yes">
        <source>Netboot once set for %n device(s): they boot from the network next time.</source>
        <translation>
            <numerusform>Einmaliger Netzwerkboot für %n Gerät gesetzt: Es bootet beim nächsten Mal über das Netzwerk.</numerusform>
            <numerusform>Einmaliger Netzwerkboot für %n Geräte gesetzt: Sie booten beim nächsten Mal über das Netzwerk.</numerusform>
        </translation>
    </message>
    <message>
        <source>The network setup</source>
        <translation>Die Netzwerkeinrichtung</translation>
    </message>
    <message>
        <source>Network setup saved: the services now serve on the interface you chose.</source>
        <translation>Netzwerkeinrichtung gespeichert: Die Dienste arbeiten jetzt auf der gewählten Schnittstelle.</translation>
    </message>
    <message numerus="yes">
        <source>Powered on %n device(s)</source>
        <translation>
            <numerusform>%n Gerät eingeschaltet</numerusform>
            <numerusform>%n Geräte eingeschaltet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Powered off %n device(s)</source>
        <translation>
            <numerusform>%n Gerät ausgeschaltet</numerusform>
            <numerusform>%n Geräte ausgeschaltet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Power cycled %n device(s)</source>
        <translation>
            <numerusform>%n Gerät aus- und wieder eingeschaltet</numerusform>
            <numerusform>%n Geräte aus- und wieder eingeschaltet</numerusform>
        </translation>
    </message>
    <message>
        <source>Adopt the device first: only adopted devices get netconsole= on their kernel command line.</source>
        <translation>Übernehmen Sie das Gerät zuerst: Nur übernommene Geräte erhalten netconsole= in ihrer Kernel-Befehlszeile.</translation>
    </message>
    <message>
        <source>The netconsole setting</source>
        <translation>Die Netconsole-Einstellung</translation>
    </message>
    <message>
        <source>Netconsole enabled: the device sends its kernel messages here from its next netboot.</source>
        <translation>Netconsole eingeschaltet: Das Gerät sendet seine Kernelmeldungen ab dem nächsten Netzwerkstart hierher.</translation>
    </message>
    <message>
        <source>Netconsole disabled for the device.</source>
        <translation>Netconsole für das Gerät ausgeschaltet.</translation>
    </message>
</context>
<context>
    <name>LogPage</name>
    <message>
        <source>Filter log by device</source>
        <translation>Protokoll nach Gerät filtern</translation>
    </message>
    <message>
        <source>Filter log by service</source>
        <translation>Protokoll nach Dienst filtern</translation>
    </message>
    <message>
        <source>Minimum severity</source>
        <translation>Mindestschweregrad</translation>
    </message>
    <message>
        <source>All messages</source>
        <translation>Alle Meldungen</translation>
    </message>
    <message>
        <source>Warnings and errors</source>
        <translation>Warnungen und Fehler</translation>
    </message>
    <message>
        <source>Errors only</source>
        <translation>Nur Fehler</translation>
    </message>
    <message>
        <source>Search text</source>
        <translation>Text suchen</translation>
    </message>
    <message>
        <source>Search the log</source>
        <translation>Protokoll durchsuchen</translation>
    </message>
    <message>
        <source>Follow</source>
        <translation>Mitverfolgen</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy the shown lines</source>
        <translation>Angezeigte Zeilen kopieren</translation>
    </message>
    <message>
        <source>Nothing logged yet.</source>
        <translation>Noch nichts protokolliert.</translation>
    </message>
    <message>
        <source>No line matches the filter.</source>
        <translation>Keine Zeile passt zum Filter.</translation>
    </message>
    <message>
        <source>Journal</source>
        <translation>Journal</translation>
    </message>
    <message>
        <source>Journal of devices and services</source>
        <translation>Journal der Geräte und Dienste</translation>
    </message>
    <message numerus="yes">
        <source>Unknown senders (%n)</source>
        <translation>
            <numerusform>Unbekannte Absender (%n)</numerusform>
            <numerusform>Unbekannte Absender (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Unknown senders</source>
        <translation>Unbekannte Absender</translation>
    </message>
    <message>
        <source>Console lines from unknown senders</source>
        <translation>Konsolenzeilen unbekannter Absender</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Metal Boot — %1</source>
        <translation>Metal Boot — %1</translation>
    </message>
    <message>
        <source>Main menu</source>
        <translation>Hauptmenü</translation>
    </message>
    <message>
        <source>Network setup wizard…</source>
        <translation>Assistent für die Netzwerkeinrichtung…</translation>
    </message>
    <message>
        <source>Keep serving in the tray when the window closes</source>
        <translation>Beim Schließen des Fensters im Infobereich weiterlaufen</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Fleet</source>
        <translation>Flotte</translation>
    </message>
    <message>
        <source>Power</source>
        <translation>Stromversorgung</translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation>Profile</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Dienste</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Protokoll</translation>
    </message>
</context>
<context>
    <name>ModeStep</name>
    <message>
        <source>How do the Pis get their IP address on %1?</source>
        <translation>Wie erhalten die Pis ihre IP-Adresse auf %1?</translation>
    </message>
    <message>
        <source>Proxy DHCP (recommended) — the network&apos;s DHCP server gives addresses</source>
        <translation>Proxy-DHCP (empfohlen) — der DHCP-Server des Netzwerks vergibt die Adressen</translation>
    </message>
    <message>
        <source>Proxy DHCP — the network&apos;s DHCP server gives addresses</source>
        <translation>Proxy-DHCP — der DHCP-Server des Netzwerks vergibt die Adressen</translation>
    </message>
    <message>
        <source>Proxy DHCP</source>
        <translation>Proxy-DHCP</translation>
    </message>
    <message>
        <source>Full DHCP (recommended) — Metal Boot gives addresses</source>
        <translation>Volles DHCP (empfohlen) — Metal Boot vergibt die Adressen</translation>
    </message>
    <message>
        <source>Full DHCP — Metal Boot gives addresses</source>
        <translation>Volles DHCP — Metal Boot vergibt die Adressen</translation>
    </message>
    <message>
        <source>Full DHCP</source>
        <translation>Volles DHCP</translation>
    </message>
    <message>
        <source>Addresses %1 – %2 will be handed out. Never run full DHCP on a network that already has a DHCP server.</source>
        <translation>Die Adressen %1 – %2 werden vergeben. Betreiben Sie volles DHCP niemals in einem Netzwerk, das bereits einen DHCP-Server hat.</translation>
    </message>
</context>
<context>
    <name>PortTile</name>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>powered</source>
        <translation>mit Strom versorgt</translation>
    </message>
    <message>
        <source>fault</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>enabled, no power drawn</source>
        <translation>aktiviert, keine Leistungsaufnahme</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>Port %1 of %2, %3%4</source>
        <translation>Port %1 von %2, %3%4</translation>
    </message>
    <message>
        <source>, %1</source>
        <translation>, %1</translation>
    </message>
    <message>
        <source>protected port</source>
        <translation>geschützter Port</translation>
    </message>
    <message>
        <source>no managed device</source>
        <translation>kein verwaltetes Gerät</translation>
    </message>
    <message>
        <source>Port %1</source>
        <translation>Port %1</translation>
    </message>
    <message>
        <source>Power cycle port %1 of %2</source>
        <translation>Port %1 von %2 aus- und wieder einschalten</translation>
    </message>
    <message>
        <source>%1 W · %2</source>
        <translation>%1 W · %2</translation>
    </message>
    <message>
        <source>%1 (learned)</source>
        <translation>%1 (gelernt)</translation>
    </message>
    <message>
        <source>protected</source>
        <translation>geschützt</translation>
    </message>
    <message>
        <source>unmapped</source>
        <translation>nicht zugeordnet</translation>
    </message>
    <message>
        <source>Protected port (protected_ports): switching it needs an explicit override.</source>
        <translation>Geschützter Port (protected_ports): Zum Schalten ist eine ausdrückliche Übersteuerung nötig.</translation>
    </message>
    <message>
        <source>No managed device on this port: switching it needs an explicit override. Drag a device here to map it.</source>
        <translation>Kein verwaltetes Gerät an diesem Port: Zum Schalten ist eine ausdrückliche Übersteuerung nötig. Ziehen Sie ein Gerät hierher, um es zuzuordnen.</translation>
    </message>
</context>
<context>
    <name>PortsStep</name>
    <message>
        <source>Check the ports and apply</source>
        <translation>Ports prüfen und anwenden</translation>
    </message>
    <message>
        <source>Ports</source>
        <translation>Ports</translation>
    </message>
    <message>
        <source>What changes in lab.yaml</source>
        <translation>Was sich in lab.yaml ändert</translation>
    </message>
</context>
<context>
    <name>PowerFeed</name>
    <message>
        <source>Port %1 of %2 was not switched: no lab is running.</source>
        <translation>Port %1 von %2 wurde nicht geschaltet: Es läuft kein Lab.</translation>
    </message>
    <message>
        <source>this lab has no PoE power controller</source>
        <translation>dieses Lab hat keine PoE-Stromsteuerung</translation>
    </message>
    <message>
        <source>The port mapping</source>
        <translation>Die Port-Zuordnung</translation>
    </message>
    <message>
        <source>%1 is now powered by port %2 of %3</source>
        <translation>%1 wird jetzt über Port %2 von %3 versorgt</translation>
    </message>
    <message>
        <source>Port %1 of %2 was not powered on: %3</source>
        <translation>Port %1 von %2 wurde nicht eingeschaltet: %3</translation>
    </message>
    <message>
        <source>Port %1 of %2 was not powered off: %3</source>
        <translation>Port %1 von %2 wurde nicht ausgeschaltet: %3</translation>
    </message>
    <message>
        <source>Port %1 of %2 was not power cycled: %3</source>
        <translation>Port %1 von %2 wurde nicht aus- und wieder eingeschaltet: %3</translation>
    </message>
    <message>
        <source>Port %1 of %2 powered on</source>
        <translation>Port %1 von %2 eingeschaltet</translation>
    </message>
    <message>
        <source>Port %1 of %2 powered off</source>
        <translation>Port %1 von %2 ausgeschaltet</translation>
    </message>
    <message>
        <source>Port %1 of %2 power cycled</source>
        <translation>Port %1 von %2 aus- und wieder eingeschaltet</translation>
    </message>
</context>
<context>
    <name>PowerManager</name>
    <message>
        <source>Switch %1: %2</source>
        <translation>Switch %1: %2</translation>
    </message>
    <message>
        <source>port %1 of switch %2 is listed in protected_ports</source>
        <translation>Port %1 von Switch %2 steht in protected_ports</translation>
    </message>
    <message>
        <source>port %1 of switch %2 is not mapped to a managed device</source>
        <translation>Port %1 von Switch %2 ist keinem verwalteten Gerät zugeordnet</translation>
    </message>
    <message>
        <source>%1 has no power binding (set its switch port, or drag it onto a port)</source>
        <translation>%1 hat keine Stromzuordnung (setzen Sie seinen Switch-Port oder ziehen Sie es auf einen Port)</translation>
    </message>
    <message>
        <source>switch %1: %2</source>
        <translation>Switch %1: %2</translation>
    </message>
    <message>
        <source>switch %1 is not configured</source>
        <translation>Switch %1 ist nicht konfiguriert</translation>
    </message>
    <message>
        <source>power control is not running</source>
        <translation>die Stromsteuerung läuft nicht</translation>
    </message>
    <message>
        <source>no switch %1</source>
        <translation>kein Switch %1</translation>
    </message>
    <message>
        <source>%1; switching it needs an explicit override</source>
        <translation>%1; zum Schalten ist eine ausdrückliche Übersteuerung nötig</translation>
    </message>
    <message>
        <source>a power action on %1 is already in progress</source>
        <translation>für %1 läuft bereits eine Stromaktion</translation>
    </message>
    <message>
        <source>%1 is not a device of this lab</source>
        <translation>%1 ist kein Gerät dieses Labs</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid port name</source>
        <translation>„%1“ ist kein gültiger Port-Name</translation>
    </message>
    <message>
        <source>port %1 of switch %2 is protected</source>
        <translation>Port %1 von Switch %2 ist geschützt</translation>
    </message>
    <message>
        <source>PoE power control</source>
        <translation>PoE-Stromsteuerung</translation>
    </message>
</context>
<context>
    <name>PowerPage</name>
    <message>
        <source>This lab has no PoE switch. Add one under switches: in the lab file to power devices on and off from here.</source>
        <translation>Dieses Lab hat keinen PoE-Switch. Fügen Sie in der Lab-Datei unter switches: einen hinzu, um Geräte von hier aus ein- und auszuschalten.</translation>
    </message>
    <message>
        <source>%1 — %2 W of %3 W</source>
        <translation>%1 — %2 W von %3 W</translation>
    </message>
    <message>
        <source>%1 — %2 W</source>
        <translation>%1 — %2 W</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Not reachable: %1</source>
        <translation>Nicht erreichbar: %1</translation>
    </message>
    <message>
        <source>Devices — drag onto a port</source>
        <translation>Geräte — auf einen Port ziehen</translation>
    </message>
    <message>
        <source>Remove %1 from port %2 of %3</source>
        <translation>%1 von Port %2 von %3 entfernen</translation>
    </message>
</context>
<context>
    <name>ProfileCard</name>
    <message>
        <source>Boot entries and settings…</source>
        <translation>Booteinträge und Einstellungen…</translation>
    </message>
    <message>
        <source>Edit the boot entries and settings of %1</source>
        <translation>Booteinträge und Einstellungen von %1 bearbeiten</translation>
    </message>
    <message>
        <source>Firmware</source>
        <translation>Firmware</translation>
    </message>
    <message>
        <source>blank UEFI store (generated)</source>
        <translation>leerer UEFI-Speicher (erzeugt)</translation>
    </message>
    <message>
        <source>Variables</source>
        <translation>Variablen</translation>
    </message>
    <message>
        <source>Boot files</source>
        <translation>Boot-Dateien</translation>
    </message>
    <message>
        <source>Boot order</source>
        <translation>Bootreihenfolge</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Used by</source>
        <translation>Verwendet von</translation>
    </message>
    <message>
        <source>no device</source>
        <translation>kein Gerät</translation>
    </message>
    <message numerus="yes">
        <source>%n device(s): %1</source>
        <translation>
            <numerusform>%n Gerät: %1</numerusform>
            <numerusform>%n Geräte: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProfileChip</name>
    <message>
        <source>Profile %1, drag onto a device to assign it</source>
        <translation>Profil %1, auf ein Gerät ziehen, um es zuzuweisen</translation>
    </message>
</context>
<context>
    <name>ProfileImporter</name>
    <message>
        <source>No lab is running.</source>
        <translation>Es läuft kein Lab.</translation>
    </message>
    <message>
        <source>Import cancelled.</source>
        <translation>Import abgebrochen.</translation>
    </message>
    <message>
        <source>Reading %1</source>
        <translation>Lese %1</translation>
    </message>
    <message>
        <source>Adding profile %1 to the lab</source>
        <translation>Füge Profil %1 zum Lab hinzu</translation>
    </message>
    <message numerus="yes">
        <source>Profile %1 imported (%n variable(s)).</source>
        <translation>
            <numerusform>Profil %1 importiert (%n Variable).</numerusform>
            <numerusform>Profil %1 importiert (%n Variablen).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Profile %1 imported: %2, %n variable(s).</source>
        <translation>
            <numerusform>Profil %1 importiert: %2, %n Variable.</numerusform>
            <numerusform>Profil %1 importiert: %2, %n Variablen.</numerusform>
        </translation>
    </message>
    <message>
        <source>The imported profile</source>
        <translation>Das importierte Profil</translation>
    </message>
</context>
<context>
    <name>ProfilesPage</name>
    <message>
        <source>Drop an RPI_EFI.fd, a virt-fw-vars .json or a pftf release .zip anywhere on this window to import it as a profile, or:</source>
        <translation>Ziehen Sie eine RPI_EFI.fd, eine virt-fw-vars-.json oder ein pftf-Release-.zip an eine beliebige Stelle dieses Fensters, um sie als Profil zu importieren, oder:</translation>
    </message>
    <message>
        <source>/path/to/RPi4_UEFI_Firmware_v1.38.zip</source>
        <translation>/pfad/zu/RPi4_UEFI_Firmware_v1.38.zip</translation>
    </message>
    <message>
        <source>Firmware file to import</source>
        <translation>Zu importierende Firmware-Datei</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <source>Import the firmware file</source>
        <translation>Die Firmware-Datei importieren</translation>
    </message>
    <message>
        <source>Cancel import</source>
        <translation>Import abbrechen</translation>
    </message>
    <message>
        <source>No profiles yet: drop a firmware file here.</source>
        <translation>Noch keine Profile: Legen Sie hier eine Firmware-Datei ab.</translation>
    </message>
    <message>
        <source>Devices — drop a profile on one (or on a selected one: all selected)</source>
        <translation>Geräte — ein Profil auf eines ziehen (oder auf ein ausgewähltes: alle ausgewählten)</translation>
    </message>
    <message>
        <source>Select %1</source>
        <translation>%1 auswählen</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Metal Boot</source>
        <translation>Metal Boot</translation>
    </message>
    <message>
        <source>The lab configuration cannot be used:

%1</source>
        <translation>Die Lab-Konfiguration kann nicht verwendet werden:

%1</translation>
    </message>
</context>
<context>
    <name>RedfishService</name>
    <message>
        <source>cannot load the Redfish accounts: %1</source>
        <translation>die Redfish-Konten können nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>cannot create the initial Redfish account: %1</source>
        <translation>das erste Redfish-Konto kann nicht angelegt werden: %1</translation>
    </message>
    <message>
        <source>cannot listen on %1:%2: %3</source>
        <translation>kann nicht auf %1:%2 lauschen: %3</translation>
    </message>
    <message>
        <source>Redfish BMC</source>
        <translation>Redfish-BMC</translation>
    </message>
</context>
<context>
    <name>ServiceListModel</name>
    <message>
        <source>DHCP server</source>
        <translation>DHCP-Server</translation>
    </message>
    <message>
        <source>TFTP server</source>
        <translation>TFTP-Server</translation>
    </message>
    <message>
        <source>HTTP server</source>
        <translation>HTTP-Server</translation>
    </message>
    <message>
        <source>Redfish BMC</source>
        <translation>Redfish-BMC</translation>
    </message>
    <message>
        <source>Consoles (netconsole, syslog)</source>
        <translation>Konsolen (netconsole, syslog)</translation>
    </message>
    <message>
        <source>Not part of this build yet.</source>
        <translation>In diesem Build noch nicht enthalten.</translation>
    </message>
    <message>
        <source>full DHCP (hands out addresses)</source>
        <translation>volles DHCP (vergibt Adressen)</translation>
    </message>
    <message>
        <source>proxy DHCP (boot information only)</source>
        <translation>Proxy-DHCP (nur Boot-Informationen)</translation>
    </message>
    <message>
        <source>HTTPS</source>
        <translation>HTTPS</translation>
    </message>
    <message>
        <source>plain HTTP</source>
        <translation>unverschlüsseltes HTTP</translation>
    </message>
</context>
<context>
    <name>ServicesBar</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Other PXE server seen: %1</source>
        <translation>Anderer PXE-Server gesehen: %1</translation>
    </message>
    <message>
        <source>DHCP server seen: %1</source>
        <translation>DHCP-Server gesehen: %1</translation>
    </message>
</context>
<context>
    <name>ServicesPage</name>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>interface %1, </source>
        <translation>Schnittstelle %1, </translation>
    </message>
    <message>
        <source>address %1</source>
        <translation>Adresse %1</translation>
    </message>
    <message>
        <source> · disabled in lab.yaml</source>
        <translation> · in lab.yaml deaktiviert</translation>
    </message>
    <message>
        <source>Listening on %1</source>
        <translation>Empfängt auf %1</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stoppen</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 is not part of this build yet.</source>
        <translation>%1 ist in diesem Build noch nicht enthalten.</translation>
    </message>
</context>
<context>
    <name>SettingField</name>
    <message>
        <source>set for this device</source>
        <translation>für dieses Gerät gesetzt</translation>
    </message>
    <message>
        <source>set in this profile</source>
        <translation>in diesem Profil gesetzt</translation>
    </message>
    <message>
        <source>from the profile</source>
        <translation>aus dem Profil</translation>
    </message>
    <message>
        <source>from the firmware image</source>
        <translation>aus dem Firmware-Image</translation>
    </message>
    <message>
        <source>firmware default</source>
        <translation>Firmware-Standard</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>written by the firmware</source>
        <translation>von der Firmware geschrieben</translation>
    </message>
    <message>
        <source>Reset %1 to %2</source>
        <translation>%1 auf %2 zurücksetzen</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>Loopback: only the built-in virtual Pis can use it (the demo lab).</source>
        <translation>Loopback: Nur die eingebauten virtuellen Pis können es nutzen (das Demo-Lab).</translation>
    </message>
    <message>
        <source>Wi-Fi: the Raspberry Pi cannot netboot over Wi-Fi, and most access points drop PXE broadcasts. Use a wired interface.</source>
        <translation>WLAN: Der Raspberry Pi kann nicht über WLAN per Netzwerk booten, und die meisten Access Points verwerfen PXE-Broadcasts. Verwenden Sie eine kabelgebundene Schnittstelle.</translation>
    </message>
    <message>
        <source>Virtual adapter (container, VM or VPN network): real Pis are not on it.</source>
        <translation>Virtueller Adapter (Container-, VM- oder VPN-Netzwerk): Echte Pis sind nicht daran angeschlossen.</translation>
    </message>
    <message>
        <source>The interface is down.</source>
        <translation>Die Schnittstelle ist deaktiviert.</translation>
    </message>
    <message>
        <source>No link: plug the cable to the lab switch.</source>
        <translation>Kein Link: Schließen Sie das Kabel an den Lab-Switch an.</translation>
    </message>
    <message>
        <source>No IPv4 address: give the interface an address before serving.</source>
        <translation>Keine IPv4-Adresse: Geben Sie der Schnittstelle eine Adresse, bevor Sie Dienste bereitstellen.</translation>
    </message>
    <message>
        <source>The demo lab&apos;s virtual Pis use proxy DHCP on loopback.</source>
        <translation>Die virtuellen Pis des Demo-Labs verwenden Proxy-DHCP auf Loopback.</translation>
    </message>
    <message>
        <source>This interface has no IPv4 address. Give it a static address (for an isolated lab switch, then use full DHCP) or connect it to a network with a DHCP server (then use proxy DHCP).</source>
        <translation>Diese Schnittstelle hat keine IPv4-Adresse. Geben Sie ihr eine statische Adresse (für einen isolierten Lab-Switch, dann volles DHCP verwenden) oder verbinden Sie sie mit einem Netzwerk mit DHCP-Server (dann Proxy-DHCP verwenden).</translation>
    </message>
    <message>
        <source>The interface only has a link-local address, so no DHCP server answered on it. Give it a static address and let Metal Boot hand out addresses (full DHCP).</source>
        <translation>Die Schnittstelle hat nur eine Link-Local-Adresse, also hat kein DHCP-Server darauf geantwortet. Geben Sie ihr eine statische Adresse und lassen Sie Metal Boot die Adressen vergeben (volles DHCP).</translation>
    </message>
    <message>
        <source>A router (%1) is on this network and most likely runs DHCP. Proxy DHCP leaves addresses to it and only adds the boot information.</source>
        <translation>Ein Router (%1) ist in diesem Netzwerk und betreibt höchstwahrscheinlich DHCP. Proxy-DHCP überlässt ihm die Adressen und ergänzt nur die Boot-Informationen.</translation>
    </message>
    <message>
        <source>No router is reachable through this interface (no default route): it looks like an isolated lab switch, so Metal Boot should hand out the addresses (full DHCP).</source>
        <translation>Über diese Schnittstelle ist kein Router erreichbar (keine Standardroute): Sie sieht nach einem isolierten Lab-Switch aus, also sollte Metal Boot die Adressen vergeben (volles DHCP).</translation>
    </message>
    <message>
        <source>Metal Boot&apos;s DHCP service saw %1 hand out addresses on this network: proxy DHCP leaves the addresses to it and only adds the boot information.</source>
        <translation>Der DHCP-Dienst von Metal Boot hat gesehen, dass %1 in diesem Netzwerk Adressen vergibt: Proxy-DHCP überlässt ihm die Adressen und ergänzt nur die Boot-Informationen.</translation>
    </message>
    <message>
        <source>No DHCP server answered on this interface while Metal Boot&apos;s DHCP service watched it, and there is no router: Metal Boot should hand out the addresses (full DHCP).</source>
        <translation>Kein DHCP-Server hat auf dieser Schnittstelle geantwortet, während der DHCP-Dienst von Metal Boot sie beobachtet hat, und es gibt keinen Router: Metal Boot sollte die Adressen vergeben (volles DHCP).</translation>
    </message>
    <message>
        <source>Warning: %1 also answers netboot (PXE) requests; switch that off, or the Pis boot from whichever server answers first.</source>
        <translation>Warnung: %1 beantwortet auch Netzwerkboot-Anfragen (PXE); schalten Sie das ab, sonst booten die Pis von dem Server, der zuerst antwortet.</translation>
    </message>
    <message>
        <source>DHCP, TFTP, HTTP and consoles serve on %1 (were on %2).</source>
        <translation>DHCP, TFTP, HTTP und Konsolen arbeiten auf %1 (vorher auf %2).</translation>
    </message>
    <message>
        <source>Full DHCP: addresses %1 – %2 (netmask %3)%4.</source>
        <translation>Volles DHCP: Adressen %1 – %2 (Netzmaske %3)%4.</translation>
    </message>
    <message>
        <source>, router %1</source>
        <translation>, Router %1</translation>
    </message>
    <message>
        <source>Proxy DHCP: your existing DHCP server keeps handing out addresses.</source>
        <translation>Proxy-DHCP: Ihr vorhandener DHCP-Server vergibt weiterhin die Adressen.</translation>
    </message>
    <message>
        <source>Standard ports: DHCP 67 and 4011, TFTP 69 (the Pi bootloader uses no others).</source>
        <translation>Standard-Ports: DHCP 67 und 4011, TFTP 69 (der Pi-Bootloader verwendet keine anderen).</translation>
    </message>
    <message>
        <source>HTTP stays on port %1; Redfish stays on %2:%3.</source>
        <translation>HTTP bleibt auf Port %1; Redfish bleibt auf %2:%3.</translation>
    </message>
</context>
<context>
    <name>SetupWizardDialog</name>
    <message>
        <source>1 · Network interface</source>
        <translation>1 · Netzwerkschnittstelle</translation>
    </message>
    <message>
        <source>2 · Addresses (DHCP)</source>
        <translation>2 · Adressen (DHCP)</translation>
    </message>
    <message>
        <source>3 · Ports</source>
        <translation>3 · Ports</translation>
    </message>
    <message>
        <source>4 · Discovery</source>
        <translation>4 · Erkennung</translation>
    </message>
    <message>
        <source>Keep the demo lab</source>
        <translation>Demo-Lab behalten</translation>
    </message>
    <message>
        <source>Keep the demo lab on loopback</source>
        <translation>Demo-Lab auf Loopback behalten</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Anwenden</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>Fertigstellen</translation>
    </message>
</context>
<context>
    <name>Strings</name>
    <message>
        <source>Metal Boot</source>
        <translation>Metal Boot</translation>
    </message>
    <message>
        <source>Power on</source>
        <translation>Einschalten</translation>
    </message>
    <message>
        <source>Power off</source>
        <translation>Ausschalten</translation>
    </message>
    <message>
        <source>Power cycle</source>
        <translation>Aus- und einschalten</translation>
    </message>
    <message>
        <source>Netboot once</source>
        <translation>Einmal per Netzwerk booten</translation>
    </message>
    <message>
        <source>Adopt</source>
        <translation>Übernehmen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>All devices</source>
        <translation>Alle Geräte</translation>
    </message>
    <message>
        <source>All sources</source>
        <translation>Alle Quellen</translation>
    </message>
    <message>
        <source>(no profile)</source>
        <translation>(kein Profil)</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>Powering on</source>
        <translation>Wird eingeschaltet</translation>
    </message>
    <message>
        <source>DHCP</source>
        <translation>DHCP</translation>
    </message>
    <message>
        <source>TFTP</source>
        <translation>TFTP</translation>
    </message>
    <message>
        <source>UEFI</source>
        <translation>UEFI</translation>
    </message>
    <message>
        <source>iPXE</source>
        <translation>iPXE</translation>
    </message>
    <message>
        <source>Loading OS</source>
        <translation>Betriebssystem lädt</translation>
    </message>
    <message>
        <source>OS up</source>
        <translation>Betriebssystem läuft</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Starting</source>
        <translation>Startet</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Unavailable</source>
        <translation>Nicht verfügbar</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Gestoppt</translation>
    </message>
    <message>
        <source>On</source>
        <translation>An</translation>
    </message>
    <message>
        <source>Powering off</source>
        <translation>Wird ausgeschaltet</translation>
    </message>
    <message>
        <source>Power unknown</source>
        <translation>Stromzustand unbekannt</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Info</translation>
    </message>
</context>
<context>
    <name>TftpService</name>
    <message>
        <source>cannot bind udp %1:%2: %3</source>
        <translation>kann UDP %1:%2 nicht binden: %3</translation>
    </message>
    <message>
        <source>TFTP socket error (errno %1)</source>
        <translation>TFTP-Socket-Fehler (errno %1)</translation>
    </message>
    <message>
        <source>TFTP server</source>
        <translation>TFTP-Server</translation>
    </message>
</context>
<context>
    <name>TrayController</name>
    <message>
        <source>Show Metal Boot</source>
        <translation>Metal Boot anzeigen</translation>
    </message>
    <message>
        <source>Start all services</source>
        <translation>Alle Dienste starten</translation>
    </message>
    <message>
        <source>Stop all services</source>
        <translation>Alle Dienste stoppen</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>%1 of %2 services running</source>
        <translation>%1 von %2 Diensten laufen</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n device(s) up</source>
        <translation>
            <numerusform>%1 von %n Gerät in Betrieb</numerusform>
            <numerusform>%1 von %n Geräten in Betrieb</numerusform>
        </translation>
    </message>
    <message>
        <source>Metal Boot — %1
%2
%3</source>
        <translation>Metal Boot — %1
%2
%3</translation>
    </message>
</context>
<context>
    <name>UnknownConsolesView</name>
    <message>
        <source>Sender</source>
        <translation>Absender</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>Filter the lines of the sender</source>
        <translation>Die Zeilen des Absenders filtern</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy the shown lines</source>
        <translation>Angezeigte Zeilen kopieren</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Refresh the list of senders</source>
        <translation>Die Liste der Absender aktualisieren</translation>
    </message>
    <message>
        <source>Senders that are no known device. Adopt a discovered Pi on the Fleet page and its lines appear in its own console.</source>
        <translation>Absender, die kein bekanntes Gerät sind. Übernehmen Sie einen entdeckten Pi auf der Seite „Flotte“, dann erscheinen seine Zeilen in seiner eigenen Konsole.</translation>
    </message>
    <message>
        <source>No console lines from unknown senders.</source>
        <translation>Keine Konsolenzeilen von unbekannten Absendern.</translation>
    </message>
    <message>
        <source>No line matches the filter.</source>
        <translation>Keine Zeile passt zum Filter.</translation>
    </message>
    <message>
        <source>No lines from this sender.</source>
        <translation>Keine Zeilen von diesem Absender.</translation>
    </message>
</context>
<context>
    <name>VirtualLab</name>
    <message>
        <source>Virtual lab</source>
        <translation>Virtuelles Labor</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message numerus="yes">
        <source>%n error(s) in %1</source>
        <translation>
            <numerusform>%n Fehler in %1</numerusform>
            <numerusform>%n Fehler in %1</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: configuration is valid (%2 devices, %3 switches, %4 profiles)</source>
        <translation>%1: Konfiguration ist gültig (%2 Geräte, %3 Switches, %4 Profile)</translation>
    </message>
    <message>
        <source>Import metal-boot netboot.yaml / backend.yaml files into lab.yaml</source>
        <translation>metal-boot-Dateien netboot.yaml / backend.yaml in lab.yaml importieren</translation>
    </message>
    <message>
        <source>netboot.yaml to import</source>
        <translation>zu importierende netboot.yaml</translation>
    </message>
    <message>
        <source>backend.yaml to import</source>
        <translation>zu importierende backend.yaml</translation>
    </message>
    <message>
        <source>nothing to import: give --netboot FILE and/or --backend FILE</source>
        <translation>nichts zu importieren: Geben Sie --netboot DATEI und/oder --backend DATEI an</translation>
    </message>
    <message>
        <source>nothing was written</source>
        <translation>es wurde nichts geschrieben</translation>
    </message>
    <message>
        <source>saved %1 (%2 devices)</source>
        <translation>%1 gespeichert (%2 Geräte)</translation>
    </message>
    <message>
        <source>Write the result to FILE instead of editing in place.</source>
        <translation>Das Ergebnis in FILE schreiben, statt die Datei direkt zu ändern.</translation>
    </message>
    <message>
        <source>Usage: metalboot efi &lt;command&gt; FILE [options]

Commands (FILE is an RPI_EFI.fd, an OVMF/AAVMF *_VARS.fd or a bare variable store):
  print FILE [--verbose] [--hexdump]      list variables (virt-fw-vars --print format; FILE may be JSON)
  info FILE                               store layout, usage and boot entries
  export FILE --json OUT                  write the variables as virt-fw-vars JSON v2 (OUT &apos;-&apos; = stdout)
  apply FILE --json IN [--output OUT]     add or replace variables from JSON (never deletes)
  boot-order FILE [--set 0003,0001]       show or set BootOrder
  add-pxe FILE --mac MAC [--first] [--ipv6] [--description TEXT] [--output OUT]
  set FILE NAME[:GUID] VALUE [--output OUT]  set a Raspberry Pi setting, a boot variable or raw hex (hex:...)
  delete FILE NAME[:GUID] [--output OUT]  delete a variable
  settings FILE                           Raspberry Pi settings with their values
</source>
        <translation>Aufruf: metalboot efi &lt;Befehl&gt; FILE [Optionen]

Befehle (FILE ist eine RPI_EFI.fd, eine OVMF/AAVMF-*_VARS.fd oder ein reiner Variablenspeicher):
  print FILE [--verbose] [--hexdump]      Variablen auflisten (Format von virt-fw-vars --print; FILE darf JSON sein)
  info FILE                               Aufbau, Belegung und Booteinträge des Speichers
  export FILE --json OUT                  die Variablen als virt-fw-vars-JSON v2 schreiben (OUT &apos;-&apos; = stdout)
  apply FILE --json IN [--output OUT]     Variablen aus JSON hinzufügen oder ersetzen (löscht nie)
  boot-order FILE [--set 0003,0001]       BootOrder anzeigen oder setzen
  add-pxe FILE --mac MAC [--first] [--ipv6] [--description TEXT] [--output OUT]
  set FILE NAME[:GUID] VALUE [--output OUT]  eine Raspberry-Pi-Einstellung, eine Boot-Variable oder Rohdaten in Hex (hex:...) setzen
  delete FILE NAME[:GUID] [--output OUT]  eine Variable löschen
  settings FILE                           Raspberry-Pi-Einstellungen mit ihren Werten
</translation>
    </message>
    <message>
        <source>error: </source>
        <translation>Fehler: </translation>
    </message>
    <message>
        <source>usage: metalboot efi </source>
        <translation>Aufruf: metalboot efi </translation>
    </message>
    <message>
        <source>%1 not written: %2</source>
        <translation>%1 nicht geschrieben: %2</translation>
    </message>
    <message>
        <source>Verbose listing.</source>
        <translation>Ausführliche Auflistung.</translation>
    </message>
    <message>
        <source>Hex dump of each variable (with --verbose).</source>
        <translation>Hex-Dump jeder Variable (mit --verbose).</translation>
    </message>
    <message>
        <source>Output JSON file (&apos;-&apos; for stdout).</source>
        <translation>JSON-Ausgabedatei (&apos;-&apos; für stdout).</translation>
    </message>
    <message>
        <source>export needs --json OUT</source>
        <translation>export benötigt --json OUT</translation>
    </message>
    <message>
        <source>JSON file with variables to add or replace.</source>
        <translation>JSON-Datei mit hinzuzufügenden oder zu ersetzenden Variablen.</translation>
    </message>
    <message>
        <source>apply needs --json IN</source>
        <translation>apply benötigt --json IN</translation>
    </message>
    <message>
        <source>%1 of %2 variables added or changed</source>
        <translation>%1 von %2 Variablen hinzugefügt oder geändert</translation>
    </message>
    <message>
        <source>New boot order, e.g. 0003,0001.</source>
        <translation>Neue Bootreihenfolge, z. B. 0003,0001.</translation>
    </message>
    <message>
        <source>(missing)</source>
        <translation>(fehlt)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a boot entry number (4 hex digits)</source>
        <translation>&apos;%1&apos; ist keine Booteintragsnummer (4 Hex-Ziffern)</translation>
    </message>
    <message>
        <source>%1 does not exist in %2</source>
        <translation>%1 existiert nicht in %2</translation>
    </message>
    <message>
        <source>%1 is listed twice</source>
        <translation>%1 ist doppelt aufgeführt</translation>
    </message>
    <message>
        <source>BootOrder set</source>
        <translation>BootOrder gesetzt</translation>
    </message>
    <message>
        <source>MAC address of the network interface.</source>
        <translation>MAC-Adresse der Netzwerkschnittstelle.</translation>
    </message>
    <message>
        <source>Put the entry first in BootOrder (default: last).</source>
        <translation>Den Eintrag an den Anfang von BootOrder setzen (Standard: ans Ende).</translation>
    </message>
    <message>
        <source>PXE over IPv6 instead of IPv4.</source>
        <translation>PXE über IPv6 statt IPv4.</translation>
    </message>
    <message>
        <source>Entry title.</source>
        <translation>Titel des Eintrags.</translation>
    </message>
    <message>
        <source>add-pxe needs --mac MAC</source>
        <translation>add-pxe benötigt --mac MAC</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a MAC address</source>
        <translation>&apos;%1&apos; ist keine MAC-Adresse</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; %3</source>
        <translation>%1 „%2“ %3</translation>
    </message>
    <message>
        <source>Attributes for a new variable (default 7).</source>
        <translation>Attribute für eine neue Variable (Standard 7).</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is neither a GUID nor a known GUID name</source>
        <translation>&apos;%1&apos; ist weder eine GUID noch ein bekannter GUID-Name</translation>
    </message>
    <message>
        <source>BootNext takes a boot entry number (4 hex digits)</source>
        <translation>BootNext erwartet eine Booteintragsnummer (4 Hex-Ziffern)</translation>
    </message>
    <message>
        <source>%1 does not exist</source>
        <translation>%1 existiert nicht</translation>
    </message>
    <message>
        <source>BootNext = %1</source>
        <translation>BootNext = %1</translation>
    </message>
    <message>
        <source>%1 exists under several GUIDs; write NAME:GUID</source>
        <translation>%1 existiert unter mehreren GUIDs; schreiben Sie NAME:GUID</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not valid hex</source>
        <translation>&apos;%1&apos; ist kein gültiges Hex</translation>
    </message>
    <message>
        <source>%1 is %2 bytes: give a number that fits, or hex:...</source>
        <translation>%1 ist %2 Bytes groß: Geben Sie eine passende Zahl an oder hex:...</translation>
    </message>
    <message>
        <source>give the value of %1 as hex:... (it is not a known setting)</source>
        <translation>geben Sie den Wert von %1 als hex:... an (es ist keine bekannte Einstellung)</translation>
    </message>
    <message>
        <source>%1 does not exist; write NAME:GUID to create it</source>
        <translation>%1 existiert nicht; schreiben Sie NAME:GUID, um sie anzulegen</translation>
    </message>
    <message>
        <source>--attr takes a number</source>
        <translation>--attr erwartet eine Zahl</translation>
    </message>
    <message>
        <source>%1 (%2) = %3</source>
        <translation>%1 (%2) = %3</translation>
    </message>
    <message>
        <source>%1 (%2) deleted</source>
        <translation>%1 (%2) gelöscht</translation>
    </message>
    <message>
        <source>%1 (default)</source>
        <translation>%1 (Standard)</translation>
    </message>
    <message>
        <source>[read-only] </source>
        <translation>[schreibgeschützt] </translation>
    </message>
    <message>
        <source>unknown command &apos;%1&apos;</source>
        <translation>unbekannter Befehl &apos;%1&apos;</translation>
    </message>
</context>
<context>
    <name>efi::PiSettings</name>
    <message>
        <source>Low</source>
        <translation>Niedrig</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>Maximum</source>
        <translation>Maximum</translation>
    </message>
    <message>
        <source>Custom (CustomCpuClock)</source>
        <translation>Benutzerdefiniert (CustomCpuClock)</translation>
    </message>
    <message>
        <source>CPU clock</source>
        <translation>CPU-Takt</translation>
    </message>
    <message>
        <source>Arm core clock: low, the board default, the maximum, or the custom value below.</source>
        <translation>Takt der Arm-Kerne: niedrig, der Standard der Platine, das Maximum oder der benutzerdefinierte Wert unten.</translation>
    </message>
    <message>
        <source>Custom CPU clock</source>
        <translation>Benutzerdefinierter CPU-Takt</translation>
    </message>
    <message>
        <source>Clock used when CPU clock is Custom.</source>
        <translation>Takt, der verwendet wird, wenn der CPU-Takt auf „Benutzerdefiniert“ steht.</translation>
    </message>
    <message>
        <source>More than 3 GB RAM</source>
        <translation>Mehr als 3 GB RAM</translation>
    </message>
    <message>
        <source>Written by the firmware on every boot (1 on boards with more than 3 GB); read-only.</source>
        <translation>Wird von der Firmware bei jedem Start geschrieben (1 auf Platinen mit mehr als 3 GB); schreibgeschützt.</translation>
    </message>
    <message>
        <source>Full RAM</source>
        <translation>Voller RAM</translation>
    </message>
    <message>
        <source>Limit to 3 GB</source>
        <translation>Auf 3 GB begrenzen</translation>
    </message>
    <message>
        <source>Limit RAM to 3 GB</source>
        <translation>RAM auf 3 GB begrenzen</translation>
    </message>
    <message>
        <source>Hide memory above 3 GB (for OSes whose DMA cannot reach it).</source>
        <translation>Speicher oberhalb von 3 GB ausblenden (für Betriebssysteme, deren DMA ihn nicht erreicht).</translation>
    </message>
    <message>
        <source>ACPI</source>
        <translation>ACPI</translation>
    </message>
    <message>
        <source>ACPI + Devicetree</source>
        <translation>ACPI + Devicetree</translation>
    </message>
    <message>
        <source>Devicetree</source>
        <translation>Devicetree</translation>
    </message>
    <message>
        <source>System table mode</source>
        <translation>Modus der Systemtabellen</translation>
    </message>
    <message>
        <source>Hardware description handed to the OS.</source>
        <translation>Hardwarebeschreibung, die an das Betriebssystem übergeben wird.</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Deaktiviert</translation>
    </message>
    <message>
        <source>GPIO 18</source>
        <translation>GPIO 18</translation>
    </message>
    <message>
        <source>GPIO 19</source>
        <translation>GPIO 19</translation>
    </message>
    <message>
        <source>ACPI fan on GPIO</source>
        <translation>ACPI-Lüfter an GPIO</translation>
    </message>
    <message>
        <source>GPIO pin of a fan driven through ACPI (ACPI mode only).</source>
        <translation>GPIO-Pin eines über ACPI gesteuerten Lüfters (nur im ACPI-Modus).</translation>
    </message>
    <message>
        <source>Fan temperature</source>
        <translation>Lüftertemperatur</translation>
    </message>
    <message>
        <source>SoC temperature at which the ACPI fan turns on.</source>
        <translation>SoC-Temperatur, bei der sich der ACPI-Lüfter einschaltet.</translation>
    </message>
    <message>
        <source>XHCI</source>
        <translation>XHCI</translation>
    </message>
    <message>
        <source>PCIe</source>
        <translation>PCIe</translation>
    </message>
    <message>
        <source>PCIe (CM4 default)</source>
        <translation>PCIe (CM4-Standard)</translation>
    </message>
    <message>
        <source>PCIe / XHCI mode</source>
        <translation>PCIe-/XHCI-Modus</translation>
    </message>
    <message>
        <source>Expose the VL805 USB controller as XHCI or the raw PCIe bus.</source>
        <translation>Den USB-Controller VL805 als XHCI oder als rohen PCIe-Bus bereitstellen.</translation>
    </message>
    <message>
        <source>XHCI reload quirk</source>
        <translation>XHCI-Reload-Quirk</translation>
    </message>
    <message>
        <source>The devicetree carries the XHCI firmware reload quirk.</source>
        <translation>Der Devicetree enthält den Quirk zum Neuladen der XHCI-Firmware.</translation>
    </message>
    <message>
        <source>Asset tag</source>
        <translation>Asset-Tag</translation>
    </message>
    <message>
        <source>SMBIOS asset tag, up to 32 characters.</source>
        <translation>SMBIOS-Asset-Tag, bis zu 32 Zeichen.</translation>
    </message>
    <message>
        <source>eMMC2 (Pi 4 default)</source>
        <translation>eMMC2 (Pi-4-Standard)</translation>
    </message>
    <message>
        <source>Arasan SDHCI</source>
        <translation>Arasan SDHCI</translation>
    </message>
    <message>
        <source>uSD controller</source>
        <translation>uSD-Controller</translation>
    </message>
    <message>
        <source>Which controller the micro-SD slot is routed to.</source>
        <translation>Mit welchem Controller der microSD-Steckplatz verbunden ist.</translation>
    </message>
    <message>
        <source>Disable multi-block transfers</source>
        <translation>Multi-Block-Übertragungen deaktivieren</translation>
    </message>
    <message>
        <source>Work around cards that fail multi-block reads.</source>
        <translation>Umgehung für Karten, bei denen Multi-Block-Lesevorgänge fehlschlagen.</translation>
    </message>
    <message>
        <source>Force 1-bit mode</source>
        <translation>1-Bit-Modus erzwingen</translation>
    </message>
    <message>
        <source>Use a 1-bit bus instead of 4 bits.</source>
        <translation>Einen 1-Bit-Bus statt 4 Bit verwenden.</translation>
    </message>
    <message>
        <source>Force default speed</source>
        <translation>Standardgeschwindigkeit erzwingen</translation>
    </message>
    <message>
        <source>Never switch the card to high speed.</source>
        <translation>Die Karte nie auf High Speed umschalten.</translation>
    </message>
    <message>
        <source>SD default speed</source>
        <translation>SD-Standardgeschwindigkeit</translation>
    </message>
    <message>
        <source>Bus clock in default-speed mode.</source>
        <translation>Bustakt im Standardgeschwindigkeitsmodus.</translation>
    </message>
    <message>
        <source>SD high speed</source>
        <translation>SD High Speed</translation>
    </message>
    <message>
        <source>Bus clock in high-speed mode.</source>
        <translation>Bustakt im High-Speed-Modus.</translation>
    </message>
    <message>
        <source>eMMC DMA</source>
        <translation>eMMC-DMA</translation>
    </message>
    <message>
        <source>Use DMA (on) or PIO (off) for the eMMC2 controller.</source>
        <translation>DMA (an) oder PIO (aus) für den eMMC2-Controller verwenden.</translation>
    </message>
    <message>
        <source>800x600</source>
        <translation>800x600</translation>
    </message>
    <message>
        <source>640x480</source>
        <translation>640x480</translation>
    </message>
    <message>
        <source>1024x768</source>
        <translation>1024x768</translation>
    </message>
    <message>
        <source>720p</source>
        <translation>720p</translation>
    </message>
    <message>
        <source>1080p</source>
        <translation>1080p</translation>
    </message>
    <message>
        <source>Native resolution</source>
        <translation>Native Auflösung</translation>
    </message>
    <message>
        <source>Display modes</source>
        <translation>Anzeigemodi</translation>
    </message>
    <message>
        <source>Video modes offered to the OS (one byte, one bit per mode).</source>
        <translation>Dem Betriebssystem angebotene Videomodi (ein Byte, ein Bit pro Modus).</translation>
    </message>
    <message>
        <source>Screenshot hotkey</source>
        <translation>Screenshot-Tastenkürzel</translation>
    </message>
    <message>
        <source>Allow screenshots with Ctrl+Alt+F12.</source>
        <translation>Screenshots mit Strg+Alt+F12 erlauben.</translation>
    </message>
    <message>
        <source>JTAG</source>
        <translation>JTAG</translation>
    </message>
    <message>
        <source>Route the JTAG pins (GPIO 22-27).</source>
        <translation>Die JTAG-Pins herausführen (GPIO 22-27).</translation>
    </message>
    <message>
        <source>Reset delay</source>
        <translation>Reset-Verzögerung</translation>
    </message>
    <message>
        <source>Delay before a reset; the firmware raises it after saving variables to slow media.</source>
        <translation>Verzögerung vor einem Reset; die Firmware erhöht sie nach dem Speichern von Variablen auf langsamen Medien.</translation>
    </message>
    <message>
        <source>Console columns</source>
        <translation>Konsolenspalten</translation>
    </message>
    <message>
        <source>Text console width.</source>
        <translation>Breite der Textkonsole.</translation>
    </message>
    <message>
        <source>Console rows</source>
        <translation>Konsolenzeilen</translation>
    </message>
    <message>
        <source>Text console height.</source>
        <translation>Höhe der Textkonsole.</translation>
    </message>
    <message>
        <source>Graphical</source>
        <translation>Grafisch</translation>
    </message>
    <message>
        <source>Serial</source>
        <translation>Seriennummer</translation>
    </message>
    <message>
        <source>Preferred console</source>
        <translation>Bevorzugte Konsole</translation>
    </message>
    <message>
        <source>Console the firmware prefers when both are present.</source>
        <translation>Konsole, die die Firmware bevorzugt, wenn beide vorhanden sind.</translation>
    </message>
    <message>
        <source>Boot menu timeout</source>
        <translation>Zeitlimit des Bootmenüs</translation>
    </message>
    <message>
        <source>Seconds before the first boot entry starts (65535 waits forever).</source>
        <translation>Sekunden, bevor der erste Booteintrag startet (65535 wartet unbegrenzt).</translation>
    </message>
    <message>
        <source>Minimal</source>
        <translation>Minimal</translation>
    </message>
    <message>
        <source>Connect network devices</source>
        <translation>Netzwerkgeräte verbinden</translation>
    </message>
    <message>
        <source>Connect all devices</source>
        <translation>Alle Geräte verbinden</translation>
    </message>
    <message>
        <source>Boot discovery policy</source>
        <translation>Richtlinie zur Boot-Erkennung</translation>
    </message>
    <message>
        <source>Which devices the boot manager connects to find boot options.</source>
        <translation>Welche Geräte der Boot-Manager verbindet, um Boot-Optionen zu finden.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Cannot start the lab:</source>
        <translation>Das Lab kann nicht gestartet werden:</translation>
    </message>
    <message>
        <source>Unknown command &apos;%1&apos;. See --help.</source>
        <translation>Unbekannter Befehl &apos;%1&apos;. Siehe --help.</translation>
    </message>
    <message>
        <source>Netboot server and BMC for a Raspberry Pi fleet.

Commands:
  import    import metal-boot netboot.yaml/backend.yaml</source>
        <translation>Netzwerkboot-Server und BMC für eine Raspberry-Pi-Flotte.

Befehle:
  import    metal-boot-Dateien netboot.yaml/backend.yaml importieren</translation>
    </message>
    <message>
        <source>Run without a GUI (server mode).</source>
        <translation>Ohne GUI ausführen (Servermodus).</translation>
    </message>
    <message>
        <source>Lab file to use (default: %1).</source>
        <translation>Zu verwendende Lab-Datei (Standard: %1).</translation>
    </message>
    <message>
        <source>Validate a lab file and exit.</source>
        <translation>Eine Lab-Datei prüfen und beenden.</translation>
    </message>
    <message>
        <source>User interface language for this run (en, de, fr; default: the system&apos;s).</source>
        <translation>Sprache der Benutzeroberfläche für diesen Lauf (en, de, fr; Standard: die des Systems).</translation>
    </message>
</context>
</TS>
